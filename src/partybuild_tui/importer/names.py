"""Numbers that name rather than count: quoted slogans, book titles, fixed political terms.

Reports of this genre are full of numbered slogans — “两个确立”, “五项工程”,
“16+11”实事项目, the “12345” hotline — and of well-known terms written without
quotes (中央八项规定, 四大班子, 党的二十大). None of them is a figure; they are
listed under the report's ``not_metrics`` and their characters are masked so
the metric scanner skips them.

One exception, as the bundled report has it: a quoted term that *starts with*
an Arabic count and its measure word (推广“10种模式”“6项机制”) still counts —
the number is what the term is about.
"""

from __future__ import annotations

import re

from partybuild_tui.importer.units import UNIT

ARABIC = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
QUOTED = re.compile(
    r"“[^“”\n]*”|\"[^\"\n]*\"|「[^「」\n]*」|『[^『』\n]*』|《[^《》\n]*》|〈[^〈〉\n]*〉"
)
COUNTING_TERM = re.compile(rf"{ARABIC}(?:[万亿])?(?:{UNIT})")
CHINESE_NUMERAL = re.compile(r"[一二两三四五六七八九十百千]")
ARABIC_DIGIT = re.compile(r"[0-9０-９]")
BOOK_NUMBER = re.compile(rf"{ARABIC}(?:\s*[-—–~～至到]\s*{ARABIC})?[年号期届]?")
MAX_QUOTED_NAME = 12

_KNOWN_WORDS = """八项规定 四大班子 二十大 二十届 十九大 十九届 十八大 十八届
两个确立 两个维护 四个意识 四个自信 三会一课 三重一大 两学一做 一岗双责
十四五 十五五 四风 三农 一把手 第一书记 第一议题 三不腐 一系列"""
KNOWN_TERMS = _KNOWN_WORDS.split()
_KNOWN = re.compile("|".join(sorted(map(re.escape, KNOWN_TERMS), key=len, reverse=True)))


def flatten_quotes(text: str) -> str:
    """``text`` with each quoted term's inside blanked (same length): its commas split nothing."""
    return QUOTED.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text)


def name_spans(text: str) -> tuple[list[bool], list[str]]:
    """``(masked, names)``: which characters hold no metric, and the number-bearing names."""
    masked = [False] * len(text)
    names: dict[str, None] = {}  # ordered, and found in O(1)

    def add(name: str) -> None:
        names.setdefault(name, None)

    for match in QUOTED.finditer(text):
        inner = match.group()[1:-1]
        if match.group().startswith("《"):
            for number in BOOK_NUMBER.finditer(inner):
                add(number.group())
        elif COUNTING_TERM.match(inner):
            continue  # “10种模式”: a count, left for the scanner
        elif ARABIC_DIGIT.search(inner) or (
            len(inner) <= MAX_QUOTED_NAME and CHINESE_NUMERAL.search(inner)
        ):
            add(match.group())
        for index in range(match.start(), match.end()):
            masked[index] = True
    for match in _KNOWN.finditer(text):
        if not masked[match.start()]:
            if ARABIC_DIGIT.search(match.group()) or CHINESE_NUMERAL.search(match.group()):
                add(match.group())
            for index in range(match.start(), match.end()):
                masked[index] = True
    return masked, list(names)
