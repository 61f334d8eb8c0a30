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
from dataclasses import dataclass

from partybuild_tui.model.numerals import chinese_to_int
from partybuild_tui.model.report import Metric, Number

_MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}

_NUMBER = re.compile(
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


def _close(a: Number, b: Number) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def written_numbers(text: str, unit: str = "") -> list[WrittenNumber]:
    """Every number written in ``text``, its value and the extent of its figure."""
    found: list[WrittenNumber] = []
    for match in _NUMBER.finditer(text):
        if match.group("arabic"):
            value: Number = float(match.group("arabic"))
            if match.group("denominator"):
                denominator = float(match.group("denominator"))
                if denominator == 0:
                    continue
                value = value / denominator
        else:
            chinese = chinese_to_int(match.group("chinese"))
            if chinese is None or (chinese == 0 and match.group("chinese") not in ("零", "〇")):
                continue
            value = chinese
        multiplier = match.group("multiplier")
        unit_in_wan = bool(multiplier) and unit.startswith(multiplier)  # 5.7 with unit 万元
        if multiplier and not unit_in_wan:
            value = value * _MULTIPLIERS[multiplier]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        start = (
            match.start()
            if match.group("prefix") in _QUALIFYING_PREFIXES
            else (match.start("arabic") if match.group("arabic") else match.start("chinese"))
        )
        end = match.end()
        rest = text[end:]
        if (
            unit_in_wan
            and not match.group("suffix")
            and text.startswith(unit, match.start("multiplier"))
        ):
            end = match.start("multiplier") + len(unit)
            rest = text[end:]
        elif unit and not match.group("percent") and rest.startswith(unit):
            end += len(unit)
            rest = text[end:]
        for trailing in _TRAILING_QUALIFIERS:
            if rest.startswith(trailing):
                end += len(trailing)
                break
        number_start = match.start("arabic") if match.group("arabic") else match.start("chinese")
        found.append(WrittenNumber(value, start, end, number_start, match.end()))
    return found


def figure_spans(metric: Metric) -> list[tuple[int, int]]:
    """Spans, in the metric's paragraph, of the figure(s) to highlight for ``metric``.

    Two spans for a change (由46%提升到87%: 46% and 87%), one otherwise; the whole
    quote when its figure cannot be read.
    """
    wanted = [metric.value] if metric.baseline is None else [metric.baseline, metric.value]
    spans: list[tuple[int, int]] = []
    numbers = written_numbers(metric.quote, metric.unit)
    for target in wanted:
        for number in numbers:
            span = (metric.quote_start + number.start, metric.quote_start + number.end)
            if _close(number.value, target) and span not in spans:
                spans.append(span)
                break
    if len(spans) < len(wanted):
        return [(metric.quote_start, metric.quote_end)]
    return sorted(spans)


def quote_value_agrees(metric: Metric) -> bool:
    """True when the quote holds a written number equal to the metric's value."""
    return any(_close(n.value, metric.value) for n in written_numbers(metric.quote, metric.unit))
