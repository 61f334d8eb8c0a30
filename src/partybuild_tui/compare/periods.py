"""Periods as reports write them (``2025``, ``2025-H1``, ``2025Q3``, ``2025-03``), in time order.

Columns of a comparison run in period order, and a change is taken between
neighbouring periods of the same length: a year against the year before, a
half-year against the half-year before (2025-H1 against 2024-H2), never a year
against a quarter. A period this module cannot read sorts after every readable
one, by its text, and is never compared with another.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:(?:-?(?P<half>[Hh][12]))|(?:-?(?P<quarter>[Qq][1-4]))|(?:-(?P<month>0[1-9]|1[0-2])))?"
)


class PeriodKey(NamedTuple):
    """Sorts periods in time order; ``months`` tells a year (12) from a quarter (3)."""

    unreadable: bool
    year: int
    start_month: int
    months: int
    text: str

    @property
    def position(self) -> int | None:
        """The period's position counted in periods of its own length (for neighbours)."""
        if self.unreadable:
            return None
        return (self.year * 12 + self.start_month - 1) // self.months


@lru_cache(maxsize=4096)
def period_key(period: str | None) -> PeriodKey:
    """The sort key of ``period`` (``None`` and unreadable text sort last)."""
    text = (period or "").strip()
    match = _PERIOD.fullmatch(text)
    if not match:
        return PeriodKey(True, 0, 0, 0, text)
    year = int(match.group("year"))
    if match.group("half"):
        half = int(match.group("half")[1])
        return PeriodKey(False, year, 1 + 6 * (half - 1), 6, text)
    if match.group("quarter"):
        quarter = int(match.group("quarter")[1])
        return PeriodKey(False, year, 1 + 3 * (quarter - 1), 3, text)
    if match.group("month"):
        return PeriodKey(False, year, int(match.group("month")), 1, text)
    return PeriodKey(False, year, 1, 12, text)


def follows(earlier: PeriodKey, later: PeriodKey) -> bool:
    """``later`` comes after ``earlier`` and both are periods of the same length."""
    if earlier.unreadable or later.unreadable or earlier.months != later.months:
        return False
    return (earlier.position or 0) < (later.position or 0)
