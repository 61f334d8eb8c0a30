"""Exact arithmetic for comparisons: changes, relative changes, completion rates.

A wrong number is the worst bug a comparison can have, so nothing here is done in
binary floating point: every value goes through ``Decimal(repr(value))`` (the
shortest digits that round-trip, so 99.3 is 99.3, not 99.299999…), differences are
exact, and ratios are rounded once, half away from zero, to ``RATIO_PLACES``
decimal places (0.1 %), as statistical tables print them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from partybuild_tui.model.report import Number

RATIO_PLACES = Decimal("0.1")
"""Relative changes and completion rates are given to 0.1 %."""

POINT_UNITS = frozenset({"%"})
"""Units whose change is in percentage points, never relative."""

_CONTEXT = Context(prec=40, rounding=ROUND_HALF_UP)
"""Enough digits that dividing two report values never rounds before the final quantize."""

NO_RELATIVE_UNITS = POINT_UNITS | {"‰", "比例", "倍"}
"""Units that are already ratios: a relative change of a ratio reads as nonsense."""


def exact(value: Number | Decimal) -> Decimal:
    """``value`` as the decimal it was written as (``99.3`` -> ``Decimal('99.3')``)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):  # pragma: no cover - the model never holds booleans
        raise TypeError("not a number: a boolean")
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def plain(value: Decimal) -> Number:
    """A ``Decimal`` back as the plain ``int`` or ``float`` JSON and spreadsheets take."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def difference(old: Number, new: Number) -> Number:
    """``new - old``, exactly (``99.3 - 98.1`` is ``1.2``)."""
    return plain(exact(new) - exact(old))


def ratio_percent(part: Number | Decimal, whole: Number | Decimal) -> Number | None:
    """``part / whole`` as a percentage to 0.1 (``None`` when ``whole`` is 0)."""
    base = exact(whole)
    if base == 0:
        return None
    share = _CONTEXT.divide(_CONTEXT.multiply(exact(part), 100), base)
    return plain(share.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP, context=_CONTEXT))


def relative_change(old: Number, new: Number, unit: str) -> Number | None:
    """``(new - old) / old`` in % to 0.1, where that means something.

    ``None`` for ratio units (``%`` changes in points instead), for a base of 0 or
    below (a change from nothing, or across zero, has no meaningful percentage).
    """
    if unit in NO_RELATIVE_UNITS or exact(old) <= 0:
        return None
    return ratio_percent(exact(new) - exact(old), old)


def format_number(value: Number | Decimal) -> str:
    """A number as plain digits, never in exponent form: ``38``, ``99.3``, ``0.00001``."""
    number = value if isinstance(value, Decimal) else exact(value)
    text = format(number.normalize(), "f") if number != 0 else "0"
    return text


def format_signed(value: Number) -> str:
    """``+3``, ``-1.5``, ``±0``."""
    if exact(value) == 0:
        return "±0"
    text = format_number(value)
    return text if text.startswith("-") else "+" + text
