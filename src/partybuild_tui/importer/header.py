"""The article's header: title and subtitle, date, 来源, reporter, and where the body starts.

A saved news page opens with a few short lines before the first paragraph:

    党建领航聚合力 铸魂固本启新程——晋城市党的建设综述
    创始人                        <- page furniture: dropped
    2026-01-19 17:43:15
    来源:太行日报
    □本报记者 闫妮莎               <- the body starts after the reporter's line

Lines are read until one looks like prose; a reporter's line ends the header
outright. A ``本报讯(记者 …)`` dateline opens the first paragraph instead and
stays part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TIMEZONE = "+08:00"  # the genre is published in China (CST) unless the page says otherwise
MAX_HEADER_LINES = 12

FURNITURE = re.compile(
    r"^(?:创始人|分享到?[::]?.*|打印|收藏|关闭|返回|返回顶部|首页|正文|"
    r"【?字[体号][::]?\s*[大中小\s]+】?|阅读(?:量|数)?[::]?\s*\d*|浏览(?:次数)?[::]?\s*\d*|"
    r"点击[::]?\s*\d*|扫一扫.*|微信扫一扫.*)$"
)
_DASHES = re.compile(r"\s*(?:——|—{1,2}|--|──)\s*")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[::时]\s*(?P<M>\d{2})(?:\s*[::分]\s*(?P<S>\d{2}))?)?"
)
_SOURCE = re.compile(
    r"来源[::]\s*(?P<source>[^\s::\d][^\s::]*(?:\s[^\s::\d][^\s::]*)*?)"
    r"(?=\s+\S+[::]|\s+\d|\s*$)"
)
_AUTHOR_KEY = re.compile(
    r"(?<![\u4e00-\u9fff])(?:作者|撰稿|文)[::/]\s*(?P<name>.+?)(?=\s+\S+[::]|\s*$)"
)
_REPORTER = re.compile(
    r"^[□■◎●○\s]*(?:本报记者|本报通讯员|记者|通讯员|特约记者)\s*(?P<names>.+?)\s*$"
)
_DATELINE = re.compile(r"^本报讯[((]\s*(?:本报)?记者\s*(?P<names>[^))]+?)\s*[))]")
_PROSE_END = re.compile(r"[。!?;!?;…]$")


@dataclass
class Header:
    """What the header says, the index of the first body line, and what was unsure."""

    title: str = ""
    subtitle: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    body_start: int = 0
    notes: list[str] = field(default_factory=list)


def split_title(line: str) -> tuple[str, str | None]:
    """``主标题——副标题`` -> (主标题, 副标题); a title without a dash has no subtitle."""
    parts = [part.strip() for part in _DASHES.split(line, maxsplit=1)]
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return line.strip(" —-"), None


def iso_datetime(match: re.Match[str]) -> str:
    """A matched date (and time) as ISO 8601 in China time: ``2026-01-19T17:43:15+08:00``."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if match["H"] is None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    second = int(match["S"] or 0)
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{int(match['H']):02d}:{int(match['M']):02d}:"
        f"{second:02d}{TIMEZONE}"
    )


def _valid_date(match: re.Match[str]) -> bool:
    month, day = int(match["m"]), int(match["d"])
    hour = int(match["H"] or 0)
    minute = int(match["M"] or 0)
    second = int(match["S"] or 0)
    return 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second < 60


def _names(text: str) -> str:
    """Reporter names as written, several separated by spaces -> joined with 、."""
    names = [name for name in re.split(r"[\s、,,]+", text.strip()) if name]
    return "、".join(names)


def _looks_like_prose(line: str) -> bool:
    return len(line) > 40 or bool(_PROSE_END.search(line))


def parse_header(lines: tuple[str, ...]) -> Header:
    """Read the header from the first lines; ``body_start`` indexes ``lines``."""
    header = Header()
    index = 0
    while index < len(lines) and (not lines[index] or FURNITURE.match(lines[index])):
        index += 1
    if index == len(lines):
        header.body_start = index
        return header
    if _looks_like_prose(lines[index]) and len(lines[index]) > 40:
        header.body_start = index  # no title line: the article starts with its body
        header.notes.append("no title line: the title is the body's first words")
        return header
    header.title, header.subtitle = split_title(lines[index])
    index += 1
    seen = 0
    while index < len(lines) and seen < MAX_HEADER_LINES:
        line = lines[index]
        if not line or FURNITURE.match(line):
            index += 1
            continue
        seen += 1
        if header.subtitle is None and _DASHES.match(line) and not _looks_like_prose(line):
            header.subtitle = _DASHES.sub("", line, count=1).strip()
            index += 1
            continue
        reporter = _REPORTER.match(line)
        if reporter and not _looks_like_prose(line):
            header.author = _names(reporter["names"])
            index += 1
            break
        if _DATELINE.match(line):
            break
        date = _DATE.search(line)
        source = _SOURCE.search(line)
        author = _AUTHOR_KEY.search(line)
        if _looks_like_prose(line) or not (date or source or author):
            break
        if date and header.published is None and _valid_date(date):
            header.published = iso_datetime(date)
        if source:
            header.source = source["source"].strip()
        if author and header.author is None:
            header.author = _names(author["name"])
        index += 1
    while index < len(lines) and not lines[index]:
        index += 1
    header.body_start = index
    if index < len(lines) and header.author is None:
        dateline = _DATELINE.match(lines[index])
        if dateline:
            header.author = _names(dateline["names"])
    for value, what in (
        (header.published, "publication date"),
        (header.source, "来源 (source)"),
        (header.author, "reporter (本报记者)"),
    ):
        if value is None:
            header.notes.append(f"no {what} found in the header")
    return header


_YEAR = re.compile(r"(?<![0-9—–~～至到-])((?:19|20)\d\d)年(?!\d)")
_REGION = re.compile(
    r"(?<![全我本各])([\u4e00-\u9fff]{1,6}?(?:自治州|自治县|地区|省|市|州|县|区|盟|旗))"
)
# Characters that exist only in traditional script, and their simplified forms.
_TRADITIONAL = "們這會說經黨國對發進與區縣為於實現當時後從學業"
_SIMPLIFIED = "们这会说经党国对发进与区县为于实现当时后从学业"


def guess_period(title: str, subtitle: str | None, body: str) -> str | None:
    """The year reviewed: one named in the title, else the year the body names most."""
    named = _YEAR.findall(f"{title} {subtitle or ''}")
    if named:
        return named[0]
    years = _YEAR.findall(body)
    if not years:
        return None
    return max(set(years), key=lambda year: (years.count(year), year))


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
