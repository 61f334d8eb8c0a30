"""Numbers as people write them: ``17000``, ``17,000``, ``1.7万``, ``2亿``, ``90%``.

``parse_number`` reads one such number (already folded: ASCII digits, ``%``) and
returns its value and whether it was a percentage. It never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_MULTIPLIERS = {
    "": 1,
    "百": 100,
    "千": 1000,
    "k": 1000,
    "万": 10_000,
    "w": 10_000,
    "亿": 100_000_000,
    "万亿": 1_000_000_000_000,
}
_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<mult>万亿|[百千k万w亿]?)(?P<percent>%?)"
)


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    percent: bool
    text: str
    """The number as written (folded)."""

    def shown(self) -> str:
        return _shown(self.value) + ("%" if self.percent else "")


def _shown(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10g}"


def parse_number(text: str) -> Number | None:
    """The number ``text`` is, whole, or ``None``."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    try:
        value = Decimal(match["digits"].replace(",", "")) * _MULTIPLIERS[match["mult"]]
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None
    if match["sign"] == "-":
        value = -value
    return Number(float(value), bool(match["percent"]), text)


def number_prefix(text: str) -> tuple[Number, str] | None:
    """A number at the start of ``text`` and what follows it (a unit, perhaps)."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    number = parse_number(match.group())
    if number is None:  # pragma: no cover
        return None
    return number, text[match.end() :]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
