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


def _value(match: re.Match[str], unit: str) -> Number | None:
    """The number ``match`` writes, or ``None`` when it is not one the model can hold."""
    arabic = match.group("arabic")
    if arabic:
        denominator = match.group("denominator")
        if len(arabic) - ("." in arabic) > MAX_DIGITS or len(denominator or "") > MAX_DIGITS:
            return None  # a 309-digit run would be inf; it names something
        value: Number = float(arabic) if "." in arabic else int(arabic)
        if denominator:
            if float(denominator) == 0:
                return None
            value = value / float(denominator)
    else:
        chinese = chinese_to_int(match.group("chinese"))
        if chinese is None or (chinese == 0 and match.group("chinese") not in ("零", "〇")):
            return None
        value = chinese
    multiplier = match.group("multiplier")
    if multiplier and not unit.startswith(multiplier):  # 5.7万 with unit 万元 stays 5.7
        value = value * _MULTIPLIERS[multiplier]
    if abs(value) > MAX_MAGNITUDE:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value


def written_numbers(text: str, unit: str = "") -> list[WrittenNumber]:
    """Every number written in ``text``, its value and the extent of its figure."""
    return list(iter_written_numbers(text, unit))


def iter_written_numbers(text: str, unit: str = "") -> Iterator[WrittenNumber]:
    """The numbers written in ``text``, in order, read one at a time.

    Linear in the length of ``text``: the unit and trailing qualifiers are
    looked for in place (``startswith`` at an offset), never in a copy.
    """
    for match in _NUMBER.finditer(text):
        value = _value(match, unit)
        if value is None:
            continue
        number_start = match.start("arabic") if match.group("arabic") else match.start("chinese")
        start = match.start() if match.group("prefix") in _QUALIFYING_PREFIXES else number_start
        end = match.end()
        multiplier = match.group("multiplier")
        if (
            multiplier
            and unit.startswith(multiplier)
            and not match.group("suffix")
            and text.startswith(unit, match.start("multiplier"))
        ):
            end = match.start("multiplier") + len(unit)
        elif unit and not match.group("percent") and text.startswith(unit, end):
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
