"""What the report is about, guessed from the whole text: period, region, language."""

from __future__ import annotations

import re

_YEAR = re.compile(r"(?<![0-9—–~～至到-])((?:19|20)\d\d)年(?!\d)")
_REGION = re.compile(
    r"(?<![全我本各])([\u4e00-\u9fff]{1,6}?(?:自治州|自治县|地区|省|市|州|县|区|盟|旗))"
)
# Characters that exist only in traditional script, and their simplified forms.
_TRADITIONAL = "們這會說經黨國對發進與區縣為於實現當時後從學業"
_SIMPLIFIED = "们这会说经党国对发进与区县为于实现当时后从学业"


_AS_OF = re.compile(r"截至((?:19|20)\d\d)年(?:底|末|年底|12月31日)")


def guess_period(
    title: str, subtitle: str | None, body: str, published: str | None = None
) -> str | None:
    """The year the figures are about.

    A year the title names wins, unless the page was published in that very year and
    the body says where its figures stand (截至2023年底 in a mid-2024 review): then that
    year. Otherwise the year the body names most, counting 截至…年底 three times and
    leaving out years after publication (those are targets)."""
    published_year = published[:4] if published else None
    as_of = _AS_OF.findall(body)
    named = _YEAR.findall(f"{title} {subtitle or ''}")
    if named and not (as_of and named[0] == published_year and as_of[0] < named[0]):
        return named[0]
    years = _YEAR.findall(body) + as_of * 3
    if published_year:
        years = [year for year in years if year <= published_year] or years
    if not years:
        return None
    counts: dict[str, int] = {}
    for year in years:
        counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda year: (counts[year], year))


def guess_region(title: str, subtitle: str | None) -> str | None:
    """晋城市 from 晋城市党的建设综述: the place a subtitle or title starts with."""
    for text in (subtitle, title):
        match = _REGION.match(text or "")
        if match:
            return match.group(1)
    return None


def guess_language(text: str) -> str | None:
    """``zh-CN`` for simplified Chinese, ``zh-TW`` for traditional, None without Chinese."""
    han = sum("\u4e00" <= char <= "\u9fff" for char in text)
    if han < len(text.strip()) // 4 or han == 0:
        return None
    traditional = sum(text.count(char) for char in _TRADITIONAL)
    simplified = sum(text.count(char) for char in _SIMPLIFIED)
    return "zh-TW" if traditional > simplified else "zh-CN"
