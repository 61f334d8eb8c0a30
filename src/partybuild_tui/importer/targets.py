"""Targets: the figures a report sets for a coming period rather than reports as done.

The genre states them in two ways, and both are read:

* a sentence that says so before the figure: ``2026年主要预期目标是：地区生产总值增长5%左右，
  城镇新增就业4万人以上``, ``力争…达到…以上``, ``确保…不低于…``, ``到2027年…``;
* a part of the report that is the plan (``今年工作安排``, ``2025年主要任务``, ``下一步``):
  each of its figures is a target.

A target's period is the year its sentence (or the plan's title) names; ``今年`` is the
year of publication and ``明年`` the one after; otherwise the year after the period the
report is about. Its bound is the figure's qualifier (以上/不低于 over, 左右 about,
以内/不超过 up_to), read like any figure's.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from partybuild_tui.importer.fold import fold

PLAN_TITLE = re.compile(
    r"(?:工作安排|主要任务|目标任务|工作打算|重点任务|工作目标|预期目标|工作思路|下一步|下步|努力方向)"
)
CUE = re.compile(
    r"预期目标|主要目标|目标是|目标为|目标任务|力争|确保|争取|到(?:19|20)\d\d年(?:底|末)?|计划到|奋斗目标"
)
_SENTENCE_END = re.compile(r"[。;!?\n]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_RELATIVE = {"今年": 0, "本年": 0, "明年": 1, "下一年": 1}
_RELATIVE_WORD = re.compile("今年|本年|明年|下一年")


class TargetFinder:
    """Which figures of one paragraph are targets, and for which period."""

    def __init__(self, paragraph: str, plan_period: str | None, period: str | None,
                 published_year: int | None) -> None:  # fmt: skip
        self.text = fold(paragraph)
        self.plan_period = plan_period
        self.report_year = int(period[:4]) if period and period[:4].isdigit() else None
        self.default = next_period(period, published_year)
        self.published_year = published_year
        self.ends = [match.start() for match in _SENTENCE_END.finditer(self.text)]

    def period(self, start: int) -> str | None:
        """``target_period`` of the figure at ``start``, None when it is a result."""
        at = bisect_right(self.ends, start - 1) - 1
        sentence_start = self.ends[at] + 1 if at >= 0 else 0
        before = self.text[sentence_start:start]
        cue = CUE.search(before)
        by_year = cue and cue.group().startswith("到") and _YEAR.search(cue.group())
        if by_year and self.report_year and int(by_year.group(1)) <= self.report_year:
            cue = None  # 到2025年底,已建成… in a review of 2025: a result
        if cue is None:
            return self.plan_period  # in a plan every figure is a target
        named = _YEAR.search(before) or _YEAR.search(self.text, start, start + 20)
        if named:
            return named.group(1)
        relative = _RELATIVE_WORD.search(before)
        if relative and self.published_year is not None:
            return str(self.published_year + _RELATIVE[relative.group()])
        return self.plan_period or self.default


def plan_period(title: str, published_year: int | None, default: str | None) -> str | None:
    """The period of a plan part (今年工作安排 -> the publication year), None if not a plan."""
    folded = fold(title)
    if not PLAN_TITLE.search(folded):
        return None
    named = _YEAR.search(folded)
    if named:
        return named.group(1)
    relative = _RELATIVE_WORD.search(folded)
    if relative and published_year is not None:
        return str(published_year + _RELATIVE[relative.group()])
    return default


def next_period(period: str | None, published_year: int | None) -> str | None:
    """The period a target without a year is set for: the one after the report's."""
    if period and period[:4].isdigit():
        return str(int(period[:4]) + 1)
    return str(published_year) if published_year is not None else None
