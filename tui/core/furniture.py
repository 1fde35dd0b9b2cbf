"""Recognise page furniture and headings, one line (paragraph) at a time.

Web pages copied or scraped into text keep their furniture: advertisement
markers, share and newsletter prompts, photo captions with agency credits,
video teasers, contributor credits and bylines. Those lines are not part of
the story, so the aligner must ignore them, but they are never deleted: the
reader may want to see them, dimmed. Furniture is a property of a whole line;
a pattern that only occurs *inside* a paragraph of real text does not make
that paragraph furniture.

Headings (headlines, cross-heads) are content, flagged so the UI can style
them and the aligner can weigh them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class LineKind(Enum):
    """What a line of an article is."""

    BODY = "body"
    HEADING = "heading"
    FURNITURE = "furniture"


@dataclass(frozen=True, slots=True)
class LineClass:
    """The verdict on one line, with the rule that decided it (for tests and debugging)."""

    kind: LineKind
    rule: str = ""


_BODY = LineClass(LineKind.BODY)

# Lines that are furniture as a whole: the pattern must match from the start
# of the line (case-insensitive). Ordered by rule name for readability.
_PREFIX_RULES: tuple[tuple[str, str], ...] = (
    ("advert", r"(story continues below advertisement|advertisement|story continued below)$"),
    ("share", r"(send this page to someone via email|share this article\b|share tweet post)"),
    ("share", r"read or share this story:"),
    ("newsletter", r"(sign up\b|subscribe\b|.{0,40}\bnewsletter sign up\b)"),
    ("newsletter", r".{0,60}\bnewsletters? manage newsletters$"),
    ("newsletter", r".{0,120}(delivered to your inbox|by signing up,? you agree)"),
    ("image", r"(view image in full screen|enlarge this image|toggle caption\b)"),
    ("image", r"((prev|next) )*image \d+ of \d+$|slideshow \(\d+ images?\)$"),
    ("image", r"(file )?photo:|photograph:|photographer:"),
    ("video", r"watch( live)? ?[|:]|video:|not seeing the video\?|just watched\b|play video\b"),
    ("video", r"\d{1,2}:\d{2} (?!a\.?m\b|p\.?m\b)[A-Z“\"‘']"),
    ("promo", r"live briefing:|for expert analysis of this topic, listen to"),
    ("promo", r"(read more|see also|related|also read|more|quicktake)\s*:"),
    ("promo", r"(?=.{0,300}$).*\bread more$|click (here )?for more\b"),
    ("promo", r"(?=.{0,160}$)[^.!?]*[^.!?:;] Listen$"),
    ("embed", r".{0,400}(pic\.twitter\.com/|https://t\.co/|— [^()]{1,60} \(@\w{1,15}\))"),
    ("promo", r"(?=.{0,400}$).*\bclick here\.?$"),
    ("promo", r"take me back to the top of this post\.?$"),
    ("promo", r"this article is more than \d+ \w+ old$"),
    ("promo", r"listen to article\b|story highlights\b"),
    ("credit", r"([—–-]+\s*)?with (additional )?(reporting|files|assistance) (by|from)\b"),
    ("credit", r"additional reporting by\b|contributing:"),
    ("credit", r"[—–-]+\s*with\b"),
    ("credit", r"(reporting|writing|editing) by [^.]{0,80}(;|$)"),
    ("credit", r"copyright (©|\(c\)|\d{4})|©"),
    ("credit", r"[•⦁·*]\s*\S.{0,80}contributed to this (report|article|story)"),
    ("timestamp", r"updated?:? (at )?\d{1,2}(:\d{2})? ?[ap]\.?m\.?( [A-Z]{2,4})?\.?$"),
    ("markup", r"\[\w+\]$|[_*=~-]{3,}$"),
)

# One alternation, so a line costs one match call; the group name gives the rule. Only it is
# compiled: compiling every rule as well cost each start a few milliseconds, for nothing.
_ANY_PREFIX_RULE = re.compile(
    "|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(_PREFIX_RULES)),
    re.IGNORECASE,
)

# Credits at the end of a line: "(Gleb Garanich/Reuters)", "(The Associated Press)",
# "(Photo: Andrew Toth)", "Leon Klein/Anadolu Agency via Getty Images".
_AGENCY = (
    r"(The )?Associated Press|AP|AFP|Reuters|Getty Images|EPA(-EFE)?|Anadolu Agency|"
    r"The Canadian Press|CP|Bloomberg|TASS|Sputnik|Xinhua|Maxar Technologies|Pool|File|"
    r"Shutterstock|Alamy|Pixabay|Unsplash|Pexels|iStock(photo)?|Wikimedia Commons|Flickr|"
    r"[A-Z][\w.]*( [A-Z][\w.]*)* via Getty Images"
)
_CAPTION_TAIL = re.compile(
    rf"\((Photo|Credit|Image|Photograph)s?:[^()]+\)$"
    rf"|\(([^()]*/)?({_AGENCY})(/[^()]*)?\)$"
    rf"|\b[A-Z][\w.'-]+( [A-Z][\w.'-]+){{0,3}}/({_AGENCY})( via Getty Images)?$"
    rf"|\b(Photo|Photograph|Photographer|Credit|Image):\s*[A-Z][^.]{{0,80}}$"
    rf"|©\s*\d{{4}}.{{0,60}}$"
    rf"|\b(REUTERS|AFP|AP|EPA)/[A-Z][\w.'-]+( [A-Z][\w.'-]+){{0,3}}$"
)
# "Fox News’ Mike Emanuel contributed to this report." / "NPR's Ryan Lucas contributed ..."
_CONTRIBUTED = re.compile(
    r"^[^.!?]{0,160}\bcontributed to this (report|article|story)\b[^.!?]{0,60}[.]?$", re.IGNORECASE
)
# A person's name on its own line, as a byline: "Berta D. Wells", "By Jane Doe".
_NAME = r"[A-Z][a-zà-ÿ'’-]+(?: (?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+|de|van|von|da|di|al)){1,3}"
_BYLINE = re.compile(rf"^(By )?{_NAME}((,|,? and) {_NAME})*$")
_EXPLICIT_BYLINE = re.compile(rf"^By {_NAME}((,| and) {_NAME})*(,? [A-Z][\w ]{{0,40}})?$")
_AGENCY_LINE = re.compile(r"^(USA TODAY( NETWORK)?|The Associated Press|Associated Press|Reuters)$")

_TAIL_CHARS = 160
_FINAL_PUNCT = ".!?…:;"
_CLOSERS = "\"'”’)]»"
_MAX_HEADING_WORDS = 25


def classify_lines(lines: list[str]) -> list[LineClass]:
    """Classify the non-empty lines of one article, in order.

    Context matters only for bylines: a lone name is a byline as the last
    line, or next to an agency line ("USA TODAY"); elsewhere it is a heading.
    """
    verdicts = [classify_line(line) for line in lines]
    for i, line in enumerate(lines):
        if verdicts[i].kind is LineKind.FURNITURE or not _BYLINE.match(line.strip()):
            continue
        beside_agency = any(
            0 <= j < len(lines) and _AGENCY_LINE.match(lines[j].strip()) for j in (i - 1, i + 1)
        )
        if i == len(lines) - 1 or beside_agency:
            verdicts[i] = LineClass(LineKind.FURNITURE, "byline")
    return verdicts


def classify_line(line: str) -> LineClass:
    """Decide whether one line (paragraph) is body text, a heading or page furniture.

    A lone name is judged a heading here; :func:`classify_lines` knows the
    context that makes it a byline.
    """
    text = line.strip()
    if not text:
        return _BODY
    hit = _ANY_PREFIX_RULE.match(text)
    if hit and hit.lastgroup:
        return LineClass(LineKind.FURNITURE, _PREFIX_RULES[int(hit.lastgroup[1:])][0])
    if _CAPTION_TAIL.search(text[-_TAIL_CHARS:]):  # credits sit at the end; keeps it fast
        return LineClass(LineKind.FURNITURE, "caption")
    if _CONTRIBUTED.match(text):
        return LineClass(LineKind.FURNITURE, "credit")
    if _AGENCY_LINE.match(text) or _EXPLICIT_BYLINE.match(text):
        return LineClass(LineKind.FURNITURE, "byline")
    if _is_shouted_link(text):
        return LineClass(LineKind.FURNITURE, "link")
    if is_heading(text):
        return LineClass(LineKind.HEADING, "heading")
    return _BODY


def is_heading(text: str) -> bool:
    """A headline or cross-head: a short line that does not end like a sentence."""
    stripped = text.strip().rstrip(_CLOSERS).rstrip()
    if not stripped or stripped[-1] in _FINAL_PUNCT:
        return False
    return len(stripped.split()) <= _MAX_HEADING_WORDS


def _is_shouted_link(text: str) -> bool:
    """An all-caps headline of another story, inlined as a link (Fox News does this).

    Short all-caps lines ("‘PROVOCATIVE GESTURE’") are cross-heads instead.
    """
    # a lowercase letter first: it ends the scan at once on almost every line of body text
    if any(c.isalpha() and c.islower() for c in text):
        return False
    if sum(1 for c in text if c.isalpha()) < 20:
        return False
    return len(text.split()) >= 6 and text.rstrip(_CLOSERS)[-1:] not in ".!?"
