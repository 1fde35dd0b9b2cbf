"""The pure core of reader: model, loading, segmentation, alignment, notes.

Nothing in this package may import textual or rich (a test enforces it), so the
core runs headless, in workers and in benchmarks alike.
"""
