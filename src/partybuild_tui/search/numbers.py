"""Numbers as people write them in a query: 17000, 17,000, 1.7万, 2亿, 90% (part of the
query language, ``query``; kept apart so that module stays readable). No Textual here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_MULTIPLIERS = {"": 1, "百": 100, "千": 1000, "k": 1000, "万": 10_000, "w": 10_000}
_MULTIPLIERS |= {"亿": 100_000_000, "万亿": 1_000_000_000_000}
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<mult>万亿|[百千k万w亿]?)(?P<percent>%?)"
)


LARGEST = 1e18
"""Past the model's range, digits are a word, never arithmetic (``1`` and 400 zeros is
not infinity, and infinity is not "close" to every value)."""


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    percent: bool
    text: str
    """The number as written (folded)."""


def shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.10g}"


def parse_number(text: str) -> Number | None:
    """The number ``text`` is, whole, or ``None``."""
    match = _NUMBER.fullmatch(text)
    if match is None or len(match["digits"]) > 40:
        return None
    value = Decimal(match["digits"].replace(",", "")) * _MULTIPLIERS[match["mult"]]
    if abs(value) > LARGEST:
        return None
    return Number(float(-value if match["sign"] == "-" else value), bool(match["percent"]), text)


def number_prefix(text: str) -> tuple[Number, str] | None:
    """A number at the start of ``text`` and what follows it (a unit, perhaps)."""
    match = _NUMBER.match(text)
    number = None if match is None else parse_number(match.group())
    return None if number is None or match is None else (number, text[match.end() :])
