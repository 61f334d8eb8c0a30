"""How numbers and qualifiers are written in exports and copied text (no Textual)."""

from __future__ import annotations

from decimal import Decimal

from partybuild_tui.model import Metric
from partybuild_tui.model.display import BREADCRUMB_SEPARATOR
from partybuild_tui.model.numbers import QUALIFIER_WORDS
from partybuild_tui.model.report import Number


def exact_number(value: Number) -> str:
    """A number as a plain decimal, exactly: ``38``, ``99.3``, ``0.00001``, never ``1e-05``.

    For files (the screen uses ``model.numbers.format_number``, ten significant
    digits). Floats keep their shortest round-tripping digits, so ``float(exact_number(x))
    == x``; no thousands separators, so spreadsheets read the text as a number.
    """
    if isinstance(value, bool):  # pragma: no cover - the model never holds booleans
        raise TypeError("not a number: a boolean")
    if isinstance(value, int):
        return str(value)
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def signed_change(change: Number, unit: str) -> str:
    """A signed change with its unit; a change of percentages is in points: ``+41 pp``.

    (``model.numbers.format_change`` is another thing: ``46% → 87%``.)
    """
    text = exact_number(change)
    if not text.startswith("-"):
        text = "+" + text
    if unit == "%":
        return f"{text} pp"
    return text + unit


def value_with_unit(metric: Metric) -> str:
    """``87%``, ``over 17000名``: the qualifier words, the value and the unit."""
    words = QUALIFIER_WORDS.get(metric.qualifier, metric.qualifier)
    text = exact_number(metric.value) + metric.unit
    return f"{words} {text}" if words else text


def section_path(breadcrumb: tuple[str, ...] | list[str]) -> str:
    """The breadcrumb as one line: ``一、凝心铸魂 › 第一议题``."""
    return BREADCRUMB_SEPARATOR.join(" ".join(title.split()) for title in breadcrumb)
