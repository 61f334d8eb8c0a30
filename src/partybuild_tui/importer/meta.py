"""What the report is about, guessed from the whole text: period, region, language."""

from __future__ import annotations

import re

from partybuild_tui.importer.fold import fold

_YEAR = re.compile(r"(?<![0-9—–~～至到-])((?:19|20)\d\d)年(?!\d)")
_REGION = re.compile(
    r"(?<![全我本各])([\u4e00-\u9fff]{1,6}(?:自治州|自治县|地区|省|市|州|县|区|盟|旗))"
)
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d年(?:度)?")
# Characters that exist only in traditional script, and their simplified forms.
_TRADITIONAL = "們這會說經黨國對發進與區縣為於實現當時後從學業"
_SIMPLIFIED = "们这会说经党国对发进与区县为于实现当时后从学业"


_AS_OF = re.compile(r"截至((?:19|20)\d\d)年(?:底|末|年底|12月31日)")


_HALF = re.compile(
    r"((?:19|20)\d\d)年(上半年|下半年|第一季度|一季度|第二季度|第三季度|第四季度|前三季度)"
)
_HALVES = {"上半年": "-H1", "下半年": "-H2", "第一季度": "Q1", "一季度": "Q1", "第二季度": "Q2",
           "第三季度": "Q3", "第四季度": "Q4"}  # fmt: skip
_SENTENCE_END = re.compile(r"[。;!?\n]")
_TARGET_CUE = re.compile(r"力争|确保|争取|预期目标|目标是|目标为|计划到")


def guess_period(
    title: str, subtitle: str | None, body: str, published: str | None = None
) -> str | None:
    """The year (or half, quarter) the figures are about.

    ``body`` is the text of the results (the plan parts left out). A year the title
    names wins, unless the page came out in that very year and its results name the
    year before more (a 2024 government report reviews 2023), or say where they stand
    (截至2023年底 in a mid-2024 bulletin). Otherwise the year the results name most,
    counting 截至…年底 three times, leaving out sentences that set targets (力争2025年…)
    and years after publication. 上半年 / 第一季度 in the title make ``2024-H1`` / ``2024Q1``.
    """
    published_year = published[:4] if published else None
    results = "\n".join(  # split, then test: linear, whatever the sentences' length
        sentence for sentence in _SENTENCE_END.split(fold(body)) if not _TARGET_CUE.search(sentence)
    )
    as_of = _AS_OF.findall(results)
    years = _YEAR.findall(results) + as_of * 3
    if published_year:
        years = [year for year in years if year <= published_year] or years
    counts: dict[str, int] = {}
    for year in years:
        counts[year] = counts.get(year, 0) + 1
    most = max(counts, key=lambda year: (counts[year], year)) if counts else None
    heading = f"{title} {subtitle or ''}"
    named = _YEAR.findall(heading)
    if named:
        year = named[0]
        earlier = str(int(year) - 1)
        if year == published_year and (
            (as_of and as_of[0] < year) or counts.get(earlier, 0) > counts.get(year, 0)
        ):
            return earlier
        half = _HALF.search(heading)
        return year + _HALVES.get(half.group(2), "") if half and half.group(1) == year else year
    if most is None and published_year and "今年" in body:
        return published_year  # 今年以来… in a page of that year
    return most


def guess_region(title: str, subtitle: str | None) -> str | None:
    """晋城市 from 晋城市党的建设综述: the place a subtitle or title starts with."""
    for text in (subtitle, title):
        text = _LEADING_YEAR.sub("", text or "")
        match = _REGION.match(text)
        if match:
            return match.group(1)
    return None


_HAN = re.compile("[\u4e00-\u9fff]+")


def guess_language(text: str) -> str | None:
    """``zh-CN`` for simplified Chinese, ``zh-TW`` for traditional, None without Chinese."""
    han = sum(map(len, _HAN.findall(text)))  # a regex: 4 MiB counted char by char took 1 s
    if han < len(text.strip()) // 4 or han == 0:
        return None
    traditional = sum(text.count(char) for char in _TRADITIONAL)
    simplified = sum(text.count(char) for char in _SIMPLIFIED)
    return "zh-TW" if traditional > simplified else "zh-CN"
