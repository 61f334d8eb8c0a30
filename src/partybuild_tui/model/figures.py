"""Where a metric's figure sits inside its quote, for highlighting it in place.

A quote such as 推动全市1.7万余名年轻干部 holds the figure 1.7万余名 and some
context; the detail pane highlights the figure with its qualifier and unit. The
figure is found by reading the numbers written in the quote (Arabic or Chinese
numerals, 万/亿, fractions, percentages) and keeping those whose value is the
metric's value or baseline, so a year or another count in the same quote is
never highlighted by mistake. When no number in the quote has the metric's
value, the whole quote is highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from partybuild_tui.model.numbers import close
from partybuild_tui.model.numerals import MAX_DIGITS, MAX_MAGNITUDE, chinese_to_int
from partybuild_tui.model.report import Metric, Number

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}

_NUMBER = re.compile(  # the lookahead lets the scan skip plain text quickly
    r"(?=[近约超最达\d零〇一二两三四五六七八九十百千])"
    r"(?P<prefix>近|约|超过|最高|达到|达)?"
    r"(?:(?P<arabic>\d+(?:\.\d+)?)(?:/(?P<denominator>\d+))?|(?P<chinese>[零〇一二两三四五六七八九十百千]+))"
    r"(?P<multiplier>[万亿])?"
    r"(?P<suffix>余|多)?"
    r"(?P<percent>%|％)?"
)
_QUALIFYING_PREFIXES = {"近", "约", "超过", "最高"}
_TRAILING_QUALIFIERS = ("以上", "以下", "左右")


@dataclass(frozen=True, slots=True)
class WrittenNumber:
    """A number as written in text, with the extent of its figure (qualifiers, unit)."""

    value: Number
    start: int
    end: int
    number_start: int
    number_end: int


def _value(arabic: str | None, denominator: str | None, chinese: str | None) -> Number | None:
    """The number written, or ``None`` when it is not one the model can hold."""
    if arabic:
        if len(arabic) - ("." in arabic) > MAX_DIGITS or len(denominator or "") > MAX_DIGITS:
            return None  # a 309-digit run would be inf; it names something
        value: Number = float(arabic) if "." in arabic else int(arabic)
        if denominator:
            if float(denominator) == 0:
                return None
            value = value / float(denominator)
        return value
    value_ = chinese_to_int(chinese or "")
    if value_ is None or (value_ == 0 and chinese not in ("零", "〇")):
        return None
    return value_


def written_numbers(text: str, unit: str = "") -> list[WrittenNumber]:
    """Every number written in ``text``, its value and the extent of its figure."""
    return list(iter_written_numbers(text, unit))


def iter_written_numbers(text: str, unit: str = "") -> Iterator[WrittenNumber]:
    """The numbers written in ``text``, in order, read one at a time.

    Linear in the length of ``text``: the unit and trailing qualifiers are
    looked for in place (``startswith`` at an offset), never in a copy.
    """
    for match in _NUMBER.finditer(text):
        prefix, arabic, denominator, chinese, multiplier, suffix, percent = match.groups()
        value = _value(arabic, denominator, chinese)
        if value is None:
            continue
        unit_in_multiplier = bool(multiplier) and unit.startswith(multiplier)  # 5.7 万元
        if multiplier and not unit_in_multiplier:
            value = value * _MULTIPLIERS[multiplier]
        if abs(value) > MAX_MAGNITUDE:
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        number_start = match.start(2) if arabic else match.start(4)
        start = match.start() if prefix in _QUALIFYING_PREFIXES else number_start
        end = match.end()
        if unit_in_multiplier and not suffix and text.startswith(unit, match.start(5)):
            end = match.start(5) + len(unit)
        elif unit and not percent and text.startswith(unit, end):
            end += len(unit)
        for trailing in _TRAILING_QUALIFIERS:
            if text.startswith(trailing, end):
                end += len(trailing)
                break
        yield WrittenNumber(value, start, end, number_start, match.end())


def figure_spans(metric: Metric) -> list[tuple[int, int]]:
    """Spans, in the metric's paragraph, of the figure(s) to highlight for ``metric``.

    Two spans for a change (由46%提升到87%: 46% and 87%), one otherwise; the whole
    quote when its figure cannot be read.
    """
    wanted = [metric.value] if metric.baseline is None else [metric.baseline, metric.value]
    found: list[tuple[int, int] | None] = [None] * len(wanted)
    for number in iter_written_numbers(metric.quote, metric.unit):  # stops at the last one needed
        for index, target in enumerate(wanted):
            if found[index] is None and close(number.value, target):
                found[index] = (metric.quote_start + number.start, metric.quote_start + number.end)
                break
        if all(span is not None for span in found):
            return sorted(span for span in found if span is not None)
    return [(metric.quote_start, metric.quote_end)]
