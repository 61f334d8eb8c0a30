"""Numbers as Chinese reports write them: ``1.7万``, ``2/5``, ``十二``, ``一百零五``.

Shared by the importer and the figure finder (``model.figures``).

Values are computed with ``Decimal`` so ``2.08万`` is exactly 20800, not
20800.000000000004, and come back as ``int`` when whole.

The model holds numbers of at most ``MAX_DIGITS`` digits and ``MAX_MAGNITUDE``
in size; a longer or larger numeral in text (320 一 in a row, a 309-digit run)
is not read as a number at all (``None``), so no caller ever does arithmetic on
it: no float overflow, no ``inf``, no 4,300-digit ``int`` limit.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from partybuild_tui.model.report import Number

MAX_DIGITS = 20
"""The most digits a number in a report may have (the loader refuses more)."""
MAX_MAGNITUDE = 10**18
"""The largest magnitude a number in a report may have (the loader refuses more)."""
_MAX_NUMERAL_CHARS = 2 * MAX_DIGITS
"""Longer than any Chinese numeral up to 10**18 (九千九百…九十九 needs 31 characters)."""

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
FULL_WIDTH = str.maketrans("0123456789.%/", "0123456789.%/")


def normalise_digits(text: str) -> str:
    """Full-width digits, point, percent and slash as ASCII (for computing, never for quotes)."""
    return text.translate(FULL_WIDTH)


def chinese_to_int(text: str) -> int | None:
    """``十二`` -> 12, ``一百零五`` -> 105, ``两千三百万`` -> 23000000; ``None`` if malformed.

    Digit strings read as digits (``二〇二五`` -> 2025). ``None`` too for a
    numeral beyond the model's range (``MAX_MAGNITUDE``), checked before any
    arithmetic on it.
    """
    if not text or len(text) > _MAX_NUMERAL_CHARS:
        return None
    if any(ch not in CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if len(text) > 1 and all(ch in DIGITS for ch in text):
        if len(text) == 2 and "零" not in text and "〇" not in text:
            return None  # 三四个: "three or four", not 34
        if len(text) > MAX_DIGITS:
            return None
        return int("".join(str(DIGITS[ch]) for ch in text))
    total = 0  # finished 亿/万 groups
    group = 0  # the group under construction (below 万)
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0:
                return None  # two digits in a row without a unit: 三四
            digit = DIGITS[ch] if DIGITS[ch] != 0 else None
        elif ch in SMALL_UNITS:
            group += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            group += digit or 0
            digit = None
            if group == 0 and total == 0:
                group = 1
            total = (total + group) * BIG_UNITS[ch] if ch == "亿" else total + group * BIG_UNITS[ch]
            group = 0
    value = total + group + (digit or 0)
    return value if value <= MAX_MAGNITUDE else None


def to_decimal(text: str) -> Decimal | None:
    """An Arabic number (``1.7``, ``2,750``) or a Chinese one as a ``Decimal``.

    ``None`` for one of more than ``MAX_DIGITS`` digits or beyond ``MAX_MAGNITUDE``.
    """
    plain = normalise_digits(text).replace(",", "")
    if sum(ch.isdigit() for ch in plain) > MAX_DIGITS:
        return None
    try:
        number = Decimal(plain)
    except InvalidOperation:
        value = chinese_to_int(text)
        return None if value is None else Decimal(value)
    return number if number.is_finite() and abs(number) <= MAX_MAGNITUDE else None


def plain_number(value: Decimal) -> Number:
    """``Decimal('20800.00')`` -> 20800, ``Decimal('99.30')`` -> 99.3."""
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


def fraction_value(numerator: Decimal, denominator: Decimal) -> Number | None:
    """``2/5`` -> 0.4; thirds keep four decimals (0.6667)."""
    if denominator == 0:
        return None
    return plain_number(round(numerator / denominator, 4))
