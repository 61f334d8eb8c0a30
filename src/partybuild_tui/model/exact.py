"""Report numbers as exact decimals: their text, their differences.

A wrong number is the worst bug this project can have, so a value is never shown
or subtracted in binary floating point: ``Decimal(repr(value))`` is the number as
written (the shortest digits that read back as the same float, so 99.3 is 99.3,
not 99.299999…). The one definition of a number's text, for the screen, the
exports and the comparisons alike.
"""

from __future__ import annotations

from decimal import Decimal

Number = int | float
"""What the model stores for a value: an ``int`` when written without a point."""


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
    """``new - old``, exactly (``99.3 - 98.1`` is ``1.2``, ``87 - 46`` is ``41``)."""
    return plain(exact(new) - exact(old))


def format_number(value: Number | Decimal) -> str:
    """Plain digits that read back as ``value``, never an exponent: ``38``, ``99.3``, ``0.00001``.

    No thousands separators, so a spreadsheet reads the text as a number.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):  # the common case without Decimal
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        text = repr(value)
        if "e" not in text:
            return text
    number = exact(value)
    return format(number.normalize(), "f") if number != 0 else "0"


def format_signed(value: Number | Decimal) -> str:
    """``+3``, ``-1.5``, ``±0``."""
    text = format_number(value)
    if text == "0":
        return "±0"
    return text if text.startswith("-") else "+" + text
