"""App behaviour split out of ReaderApp: annotating, sessions."""
