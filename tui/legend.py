"""What each mark of the reading screen means, and how often it was right: the help lists it.

The figures are those of bench/bench_trust.py against blind labels (bench/gold/LABELLING.md,
README "How far to trust the marks"): seven real stories, one day's reports of one event each,
and for the flags also a month of coverage of one affair. A reader who knows that a ◦ is
wrong a third of the time looks for the paraphrase before calling a fact exclusive.
"""

from __future__ import annotations

MARK_LEGEND: tuple[tuple[str, str], ...] = (
    (
        "⚑",
        "contradiction candidate: two sources give one fact differently; 11 of 11 were "
        "real on the stories, 3 of 4 over a month of coverage (i: in full; x confirms, X "
        "dismisses)",
    ),
    ("↻", "a later report gives the figure differently (an update, not a clash): 2 of 2"),
    ("✗", "a candidate you confirmed (x)"),
    ("≈", "a compatible difference: a refinement (four / at least four) or a spelling"),
    (
        "◦",
        "no match found in the other sources: a third of these are reported elsewhere in "
        "other words (look, then L links)",
    ),
    ("◌", "no match, but possible ones: o shows them beside the sentence, L links"),
    (
        "≡ match?",
        "a pane header when the link it follows scores under 80 (the status line's best "
        "match): 79 in 100 such links were the same fact on a day's stories, 71 in 100 over a "
        "month of coverage; ≡ match, 80 or more: 96 and 93 in 100",
    ),
    ("✎", "a sentence you annotated"),
)
"""(mark, what it means and how often it was right)."""
