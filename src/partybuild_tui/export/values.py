"""How numbers and qualifiers are written in exports and copied text (no Textual)."""

from __future__ import annotations

from partybuild_tui.model import Metric
from partybuild_tui.model.display import BREADCRUMB_SEPARATOR
from partybuild_tui.model.exact import format_number, format_signed
from partybuild_tui.model.numbers import POINT_UNITS, QUALIFIER_WORDS
from partybuild_tui.model.report import Number


def signed_change(change: Number, unit: str) -> str:
    """A signed change with its unit; a change of percentages is in points: ``+41 pp``.

    (``model.numbers.format_change`` is another thing: ``46% → 87%``.)
    """
    text = format_signed(change)
    if unit in POINT_UNITS:
        return f"{text} pp"
    return text + unit


def value_with_unit(metric: Metric) -> str:
    """``87%``, ``over 17000名``: the qualifier words, the value and the unit."""
    words = QUALIFIER_WORDS.get(metric.qualifier, metric.qualifier)
    text = format_number(metric.value) + metric.unit
    return f"{words} {text}" if words else text


def section_path(breadcrumb: tuple[str, ...] | list[str]) -> str:
    """The breadcrumb as one line: ``一、凝心铸魂 › 第一议题``."""
    return BREADCRUMB_SEPARATOR.join(" ".join(title.split()) for title in breadcrumb)
