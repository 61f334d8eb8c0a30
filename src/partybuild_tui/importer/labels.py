"""A short Chinese label for a figure, from the words around it in its clause.

The counted thing is usually written before the number (市委理论学习中心组学习19次,
覆盖率由46%提升到87%) and, after a measure word, often right after it
(细化1199个社区网格, 举办1轮读书班); after 连续/经过 … 年 it is what was kept up
(连续12年举办“警示教育月”活动). The label joins the clause's words before the
number (other figures in the clause left out) with the noun that follows,
minus connectives and verbs of degree (达, 共, 累计 …). Quoted terms are never
cut in half.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol

from partybuild_tui.importer.fold import fold
from partybuild_tui.importer.names import QUOTED, flatten_quotes

BOUNDARY = re.compile(r"[,,;;。::!?!?()()、\n]")
LEADING = re.compile(
    r"^(?:同时|并且|其中|此外|另外|全市|全县|全区|我市|我县|我区|共|并|累计|总计|推动|带动|将|把|的|"
    r"[0-9]{4}年)+"
)
TRAILING = re.compile(
    r"(?:达到|达|为|共计|共|累计|总计|超过|突破|有|了|是|至|到|逾|将近|接近|大约|近|约|"
    r"连续|经过|历时|持续|坚持|由|从)+$"
)
AFTER_STOP = re.compile(
    r"的|等|全部|参加|参与|下沉|开展|有效|实现|完成|覆盖|接受|进行|外出|赴|到|在|从|对|和|与|及|超过|达|"
    r"由|[0-9０-９]"
)
NO_NOUN_AFTER = frozenset({"%", "个百分点"})
DURATIONS = ("连续", "经过", "历时", "累计", "持续")
MAX_BEFORE = 14
MAX_AFTER = 12
MAX_AFTER_SCAN = 100  # characters looked at after a figure (a long clause costs no more)


class Located(Protocol):
    start: int
    end: int
    unit: str


class Labeller:
    """One paragraph's labels: its quoted terms and figures found once, each label then
    looked up in a window of a few characters (so a paragraph costs linear time)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.flat = flatten_quotes(fold(text))
        self.quotes = [(m.start(), m.end()) for m in QUOTED.finditer(self.flat)]
        self.quote_starts = [start for start, _ in self.quotes]
        self.spans = sorted(spans)
        self.span_starts = [start for start, _ in self.spans]
        self.clause_marks = [m.start() for m in BOUNDARY.finditer(self.flat)]

    def quote_around(self, index: int) -> tuple[int, int] | None:
        at = bisect_right(self.quote_starts, index) - 1
        if at >= 0 and self.quotes[at][0] < index < self.quotes[at][1]:
            return self.quotes[at]
        return None

    def without(self, start: int, end: int) -> str:
        """``text[start:end]`` minus the characters of the other figures."""
        keep = [True] * (end - start)
        at = max(0, bisect_left(self.span_starts, start) - 1)
        while at < len(self.spans) and self.spans[at][0] < end:  # no slice: O(1) per label
            span_start, span_end = self.spans[at]
            at += 1
            for index in range(max(span_start, start), min(span_end, end)):
                keep[index - start] = False
        return "".join(c for c, kept in zip(self.text[start:end], keep, strict=True) if kept)

    def clause_start(self, index: int) -> int:
        at = bisect_left(self.clause_marks, index) - 1
        return self.clause_marks[at] + 1 if at >= 0 else 0

    def clause_end(self, index: int) -> int:
        at = bisect_left(self.clause_marks, index)
        return self.clause_marks[at] if at < len(self.clause_marks) else len(self.text)

    def after(self, end: int) -> str:
        """The counted thing written after a figure (细化1199个社区网格 -> 社区网格)."""
        start = end + (1 if self.text.startswith("的", end) else 0)
        rest = fold(self.text[start : min(self.clause_end(end), end + MAX_AFTER_SCAN)])
        stop = AFTER_STOP.search(rest)
        length = stop.start() if stop else len(rest)
        if length > MAX_AFTER:
            around = _quote_around(flatten_quotes(rest[:length]), MAX_AFTER)
            length = around[1] if around else MAX_AFTER
        return self.text[start : start + length]

    def label(self, found: Located) -> str:
        """The label of the figure at ``found``."""
        text = self.text
        term = self.quote_around(found.start)
        if term:  # “10种模式”: the quoted term says what is counted
            return text[term[0] : term[1]]
        clause_start = self.clause_start(found.start)
        word = next((w for w in DURATIONS if text.startswith(w, found.start - len(w))), None)
        after = self.after(found.end) if found.unit not in NO_NOUN_AFTER else ""
        if word and found.unit == "年" and after:
            return word + after
        begin = max(clause_start, found.start - MAX_BEFORE)
        around = self.quote_around(begin)
        if around and around[0] >= clause_start:
            begin = around[0]
        before = self.without(begin, found.start).strip()
        before = LEADING.sub("", TRAILING.sub("", before))
        label = (before + after).strip()
        return label if len(label) >= 2 else ""


def _quote_around(flat: str, index: int) -> tuple[int, int] | None:
    for match in QUOTED.finditer(flat):
        if match.start() < index < match.end():
            return match.start(), match.end()
    return None


def label_for(text: str, found: Located, others: Sequence[tuple[int, int]]) -> str:
    """The label of the figure at ``found``; ``others`` are the spans of the other figures."""
    return Labeller(text, others).label(found)
