"""Numbers shown the way the article writes them: 17000 → 1.7万, 99.3 → 99.3.

The model stores plain numbers (万 converted); readers of a Chinese report think
in 万 and 亿, so large round values are shown back in those units. Exactness is
never traded for brevity: a value that 万 cannot show exactly in two decimals
is shown in full.
"""

from __future__ import annotations

from partybuild_tui.model.exact import format_number
from partybuild_tui.model.numerals import MAX_MAGNITUDE
from partybuild_tui.model.report import Metric, Number

_LARGE = ((100_000_000, "亿"), (10_000, "万"))

QUALIFIER_WORDS: dict[str, str] = {"exact": "", "over": "over", "about": "about", "up_to": "up to"}
"""How a qualifier reads before a value (``over 17000名``); ``exact`` adds nothing.

The one definition: exports write these words, the app shows them through ``t()``
(余/以上, 近/约, 最高 in Chinese).
"""

POINT_UNITS = frozenset({"%", "％"})
"""Units whose change is in percentage points (87% after 46% is +41 points), never relative."""

RELATIVE_TOLERANCE = 1e-9
"""Two values this close (relative to the larger, or absolutely below 1) are equal."""


def tolerance(value: Number) -> float:
    """How far from ``value`` another value may be and still equal it (see ``close``)."""
    return RELATIVE_TOLERANCE * max(1.0, abs(value))


def close(a: Number, b: Number) -> bool:
    """True when ``a`` and ``b`` are the same figure up to float rounding (0.1 + 0.2 ≈ 0.3).

    The one definition of "the same number" for the figure finder, search and the
    importer's comparison. Outside the model's range (``inf``, nan, a 400-digit
    int) only equal values are close: ``inf`` is not "close" to everything.
    """
    if not (abs(a) <= MAX_MAGNITUDE and abs(b) <= MAX_MAGNITUDE):
        return a == b
    return abs(a - b) <= RELATIVE_TOLERANCE * max(1.0, abs(a), abs(b))


def format_value(value: Number) -> str:
    """``17000`` → ``1.7万``, ``126000`` → ``12.6万``, ``8727`` → ``8727``."""
    for size, word in _LARGE:
        if abs(value) >= size:
            scaled = value / size
            if abs(scaled * 100 - round(scaled * 100)) < 1e-9:
                return format_number(round(scaled, 2)) + word
            break
    return format_number(value)


def with_unit(value: Number, unit: str) -> str:
    """``87`` and ``%`` → ``87%``; ``38`` and ``次`` → ``38次``; a ratio stays bare."""
    number = format_value(value)
    if unit in ("比例", ""):
        return number
    return f"{number}{unit}"


def format_change(metric: Metric) -> str:
    """``46% → 87%`` for a metric with a baseline, else the value with its unit."""
    if metric.baseline is None:
        return with_unit(metric.value, metric.unit)
    return f"{with_unit(metric.baseline, metric.unit)} → {with_unit(metric.value, metric.unit)}"


def format_difference(metric: Metric, points_word: str = "个百分点") -> str:
    """``▲41个百分点`` (percentages change in points), ``▼3名``; empty without a baseline."""
    change = metric.change
    if change is None:
        return ""
    arrow = "▲" if change > 0 else "▼" if change < 0 else "="
    amount = format_value(abs(change))
    if metric.unit in POINT_UNITS:
        return f"{arrow}{amount}{points_word}"
    return f"{arrow}{amount}{'' if metric.unit == '比例' else metric.unit}"
