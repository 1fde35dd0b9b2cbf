"""The Rich styles an article pane paints with, read from the theme's variables.

Our themes define ``$reader-*`` variables (themes/*.yaml); Textual's own
themes do not, so every colour has a fallback derived from the standard
palette. Styles are built once per theme change, not per rendered row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from textual.color import Color

from tui import candidate_marks

# the candidate marks are declared with what they mean, in tui/candidate_marks.py
CONTRADICTION_GLYPH = candidate_marks.CONFLICT_GLYPH
"""Marks an open contradiction candidate (with colour, never colour alone)."""
UPDATED_GLYPH = candidate_marks.UPDATED_GLYPH
"""Marks a figure a later report gives differently."""
CONFIRMED_GLYPH = candidate_marks.CONFIRMED_GLYPH
"""Marks a candidate the reader confirmed as a contradiction."""
COMPATIBLE_GLYPH = candidate_marks.COMPATIBLE_GLYPH
"""Marks a difference the engine reads as compatible: a refinement or a spelling variant."""
UNIQUE_GLYPH = "◦"
"""Marks a sentence no other source reports."""
POSSIBLE_GLYPH = "◌"
"""Marks a sentence with no match but possible ones (``o`` shows them; not unique)."""
ANNOTATED_GLYPH = "✎"
"""Marks a sentence the reader annotated."""
CURSOR_BAR = "▌"
"""Left of the cursor sentence in the focused pane."""
COUNTERPART_BAR = "▐"
"""Left of the sentence aligned with the cursor, in the other panes."""
RESTING_BAR = "╎"
"""Left of an unfocused pane's own cursor sentence when it is not the counterpart."""
SELECTED_BAR = "●"
"""Left of a sentence in the selection (space selects across panes)."""


@dataclass(frozen=True, slots=True)
class PaneStyles:
    """Everything an ArticlePane row can be painted with."""

    base: Style
    heading: Style
    furniture: Style
    match_strong: Style
    match_weak: Style
    cursor: Style
    counterpart: Style
    diff: Style
    search: Style
    gutter: Style
    cursor_bar: Style
    counterpart_bar: Style
    contradiction: Style
    confirmed: Style
    compatible: Style
    unique: Style
    annotated: Style
    rail_track: Style
    rail_thumb: Style


def _colour(variables: Mapping[str, str], name: str, fallback: str) -> Color:
    value = variables.get(name) or variables.get(fallback) or "#808080"
    try:
        return Color.parse(value)
    except Exception:
        return Color.parse(variables.get(fallback, "#808080"))


def build_pane_styles(variables: Mapping[str, str], base: Style) -> PaneStyles:
    """Build the pane styles from ``App.theme_variables`` on top of the pane's ``base``."""
    background = _colour(variables, "surface", "background")

    def tint(name: str, fallback: str, alpha: float) -> Color:
        if name in variables:
            return _colour(variables, name, fallback)
        return background.blend(_colour(variables, fallback, "primary"), alpha)

    def fg(name: str, fallback: str) -> Color:
        return _colour(variables, name, fallback)

    foreground = fg("foreground", "text")
    return PaneStyles(
        base=base,
        heading=Style(bold=True),
        furniture=Style(color=fg("reader-furniture", "text-disabled").rich_color, italic=True),
        match_strong=Style(bgcolor=tint("reader-match-strong", "success", 0.22).rich_color),
        match_weak=Style(bgcolor=tint("reader-match-weak", "warning", 0.14).rich_color),
        cursor=Style(
            bgcolor=tint("reader-cursor", "primary", 0.45).rich_color,
            color=fg("reader-cursor-text", "foreground").rich_color,
        ),
        counterpart=Style(
            bgcolor=tint("reader-counterpart", "secondary", 0.35).rich_color,
            color=fg("reader-counterpart-text", "foreground").rich_color,
        ),
        diff=Style(
            bgcolor=tint("reader-diff", "warning", 0.45).rich_color,
            color=fg("reader-diff-text", "foreground").rich_color,
            underline=True,
        ),
        search=Style(
            bgcolor=fg("reader-search", "warning").rich_color,
            color=fg("reader-search-text", "background").rich_color,
            bold=True,
        ),
        gutter=Style(color=background.blend(foreground, 0.45).rich_color),
        cursor_bar=Style(color=fg("accent", "primary").rich_color, bold=True),
        counterpart_bar=Style(color=fg("reader-agree", "success").rich_color, bold=True),
        contradiction=Style(color=fg("reader-contradict", "error").rich_color, bold=True),
        confirmed=Style(color=fg("reader-contradict", "error").rich_color),
        compatible=Style(color=fg("reader-compatible", "warning").rich_color, bold=True),
        unique=Style(color=fg("reader-unique", "secondary").rich_color, bold=True),
        annotated=Style(color=fg("reader-annotation", "primary").rich_color, bold=True),
        rail_track=base + Style(color=background.blend(foreground, 0.18).rich_color),
        rail_thumb=base + Style(color=background.blend(foreground, 0.55).rich_color),
    )
