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
from collections.abc import Sequence
from typing import Protocol

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


class Located(Protocol):
    start: int
    end: int
    unit: str


def _quote_around(flat: str, index: int) -> tuple[int, int] | None:
    for match in QUOTED.finditer(flat):
        if match.start() < index < match.end():
            return match.start(), match.end()
    return None


def _without(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` minus the characters of ``spans`` (other figures)."""
    keep = [True] * (end - start)
    for span_start, span_end in spans:
        for index in range(max(span_start, start), min(span_end, end)):
            keep[index - start] = False
    return "".join(char for char, kept in zip(text[start:end], keep, strict=True) if kept)


def _trim_left(flat: str, start: int, end: int) -> int:
    """Where to start a label ending at ``end`` so it has at most MAX_BEFORE characters,
    never starting inside a quoted term."""
    begin = max(start, end - MAX_BEFORE)
    around = _quote_around(flat, begin)
    return around[0] if around and around[0] >= start else begin


def _after(text: str, flat: str, end: int) -> str:
    cut = BOUNDARY.search(flat, end)
    rest = text[end : cut.start() if cut else len(text)]
    rest = rest[1:] if rest.startswith("的") else rest
    stop = AFTER_STOP.search(rest)
    rest = rest[: stop.start()] if stop else rest
    if len(rest) > MAX_AFTER:
        around = _quote_around(flatten_quotes(rest), MAX_AFTER)
        rest = rest[: around[1] if around else MAX_AFTER]
    return rest


def label_for(text: str, found: Located, others: Sequence[tuple[int, int]]) -> str:
    """The label of the figure at ``found``; ``others`` are the spans of the other figures."""
    flat = flatten_quotes(text)
    term = _quote_around(flat, found.start)
    if term:  # “10种模式”: the quoted term says what is counted
        return text[term[0] : term[1]]
    cut = BOUNDARY.search(flat[::-1], len(flat) - found.start)
    clause_start = len(flat) - cut.start() if cut else 0
    word = next((w for w in DURATIONS if text.startswith(w, found.start - len(w))), None)
    after = _after(text, flat, found.end) if found.unit not in NO_NOUN_AFTER else ""
    if word and found.unit == "年" and after:
        return word + after
    begin = _trim_left(flat, clause_start, found.start)
    before = _without(text, begin, found.start, others).strip()
    before = LEADING.sub("", TRAILING.sub("", before))
    label = (before + after).strip()
    return label if len(label) >= 2 else ""
