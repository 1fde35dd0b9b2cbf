"""Time as reader writes it in its files: UTC, to the second, ISO 8601 with a ``Z``.

The notes and the sessions share it; its own module so that opening a session (at start-up)
does not load the annotation model.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]
"""Gives "now" (injected so tests fix the time)."""


def utc_now() -> datetime:
    """The default clock: now, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def format_time(moment: datetime) -> str:
    """ISO 8601 UTC with a ``Z``, to the second: compact and sortable as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
