"""The article's header: title and subtitle, date and time, 来源, authors, and where the body
starts — on the layouts users copy from.

* a newspaper site: title, ``2026-01-19 17:43:15``, ``来源:太行日报``, ``□本报记者 闫妮莎``;
* an e-paper page: ``第05版:综合 上一版 下一版`` navigation, 引题/副题, ``本报记者 张三``;
* a news portal: ``2025-01-15 09:30 来源:山西新闻网 作者:王五`` on one line and a byline
  ``山西新闻网记者 王五 李六 晋城报道``;
* a government portal: ``发布日期:`` / a date / a time / ``来源:`` / an outlet, each alone;
* WeChat: ``原创 晋城组工 2025年01月15日 18:00 山西``;
* datelines that open the first paragraph and stay in it: ``本报讯（记者 …）``,
  ``XX日报讯（记者 … 通讯员 …）``, ``（记者 张三 通讯员 李四）…``; ``编者按：…`` opens the body.

Furniture among these lines is dropped (``furniture.py``). Lines longer than
``MAX_HEADER_LINE`` are never header lines, and no pattern here nests quantifiers, so
reading a header costs time linear in its size. A page without a title line gets
no title from its body's words: ``title`` stays empty and the summary asks for ``--title``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partybuild_tui.importer.fold import fold
from partybuild_tui.importer.furniture import is_furniture

TIMEZONE = "+08:00"  # the genre is published in China (CST) unless the page says otherwise
MAX_HEADER_LINES = 40  # non-blank lines looked at before the body must have started
MAX_HEADER_LINE = 160  # characters; a longer line is prose
MAX_TITLE = 64

_DASHES = re.compile(r"\s*(?:——|—{1,2}|--|──)\s*")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s?[-/.年]\s?(?P<m>\d{1,2})\s?[-/.月]\s?(?P<d>\d{1,2})\s?日?"
    r"(?:\s{0,3}(?:星期.|周.)?\s{0,3}(?P<H>\d{1,2})\s?[::时]\s?(?P<M>\d{2})"
    r"(?:\s?[::分]\s?(?P<S>\d{2}))?)?"
)
_TIME = re.compile(r"^(?P<H>\d{1,2})[::](?P<M>\d{2})(?:[::](?P<S>\d{2}))?$")
_LABEL = (
    r"(?:信息来源|文章来源|稿件来源|稿源|来源|出处|作者|撰稿|文|记者|通讯员|"
    r"发布日期|发布时间|发文日期|发稿时间|更新时间|日期|时间)"
)
_LABEL_ONLY = re.compile(rf"^[【\[]?(?P<label>{_LABEL})[】\]]?\s?[::]?$")
_FIELD = re.compile(rf"(?P<label>{_LABEL})\s?[::/]\s?(?P<value>[^\s::]{{1,40}})")
_SOURCE_LABELS = ("信息来源", "文章来源", "稿件来源", "稿源", "来源", "出处")
_AUTHOR_LABELS = ("作者", "撰稿", "文", "记者", "通讯员")
_REPORTER = re.compile(
    r"^[□■◎●○◇◆]?\s{0,3}(?:文/图|图/文|文)?\s{0,2}/?\s{0,2}"
    r"(?:[\u4e00-\u9fff]{0,10}?)(?:本报|本台|本网)?(?:特约|首席|见习)?(?:记者|通讯员)"
    r"\s{0,3}(?P<names>[^\s。,,;;]{2,4}(?:\s{1,4}[^\s。,,;;]{2,4}){0,5})"
    r"(?:\s{1,4}(?:(?:本报|特约)?通讯员|实习生)\s{0,3}[^\s。,,;;]{2,4}(?:\s{1,4}[^\s。,,;;]{2,4}){0,3})?"
    r"(?:\s{0,4}[\u4e00-\u9fff]{0,8}?报道)?$"
)
_BYLINE_PAREN = re.compile(r"^[((]\s{0,2}(?:本报)?(?:特约)?记者\s{0,2}(?P<names>[^()()]{2,60})[))]")
_DATELINE = re.compile(
    r"^(?:(?:[\u4e00-\u9fff]{0,8}(?:报|网|台|社))?讯|[\u4e00-\u9fff0-9]{2,16}电)"
    r"\s{0,2}[((]\s{0,2}(?:本报)?(?:特约)?记者\s{0,2}(?P<names>[^()()]{2,60})[))]"
)
_MASTHEAD = re.compile(r"^([\u4e00-\u9fff]{2,10}(?:日报|晚报))(?:数字报|电子版|电子报)$")
_EDITOR_NOTE = re.compile(r"^[【\[]?编者按[】\]]?\s?[::]")
_WECHAT = re.compile(r"^原创\s")
_PROSE_END = re.compile(r"[。!?;!?;…]$")
_SENTENCE_MARK = re.compile(r"[,。;!?，；！？]")  # a line with these is prose, not meta
_NAME_SPLIT = re.compile(r"[\s、,,]+")
_NOT_NAME = re.compile(r"^(?:本报)?(?:特约)?(?:记者|通讯员|实习生)|报道$")


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
    dropped: list[str] = field(default_factory=list)
    """Furniture lines dropped from the header, verbatim."""
    missing: list[str] = field(default_factory=list)
    """Header fields not found: title, date, source, author."""


_EDGES = re.compile(r"^[\s—-]+|[\s—-]+$")
"""Spaces (the ideographic one too) and dashes around a title: ``—\u3000—`` is no title."""


def split_title(line: str) -> tuple[str, str | None]:
    """``主标题——副标题`` -> (主标题, 副标题); a title without a dash has no subtitle."""
    parts = [part.strip() for part in _DASHES.split(line, maxsplit=1)]
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], parts[1]
    return _EDGES.sub("", line), None


def iso_datetime(match: re.Match[str], time: re.Match[str] | None = None) -> str:
    """A matched date (and time) as ISO 8601 in China time: ``2026-01-19T17:43:15+08:00``."""
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    clock = time or (match if match["H"] is not None else None)
    if clock is None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    second = int(clock["S"] or 0)
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{int(clock['H']):02d}:{int(clock['M']):02d}:"
        f"{second:02d}{TIMEZONE}"
    )


def _valid(match: re.Match[str]) -> bool:
    hour, minute, second = (int(match[key] or 0) for key in ("H", "M", "S"))
    day_ok = "m" not in match.re.groupindex or (
        1 <= int(match["m"]) <= 12 and 1 <= int(match["d"]) <= 31
    )
    if not day_ok:
        return False
    return hour < 24 and minute < 60 and second < 60


def names(text: str) -> str:
    """Author names as written, several separated by spaces -> joined with 、."""
    found = []
    for name in _NAME_SPLIT.split(text.strip()):
        if name.endswith("报道"):
            continue  # 晋城报道: where the reporters filed from
        name = _NOT_NAME.sub("", name)
        if name and name not in ("通讯员", "记者", "实习生", "摄"):
            found.append(name)
    return "、".join(found)


def byline_names(text: str) -> str:
    """``记者 张三 通讯员 李四`` -> 张三、李四 (the roles dropped)."""
    return names(re.sub(r"(?:本报)?(?:特约)?(?:记者|通讯员|实习生)", " ", text))


def _looks_like_prose(line: str) -> bool:
    return len(line) > 40 or bool(_PROSE_END.search(line))


class _Reader:
    def __init__(self, lines: tuple[str, ...]) -> None:
        self.lines = lines
        self.header = Header()
        self.pending: str | None = None  # a label whose value is on the next line
        self.date: re.Match[str] | None = None
        self.time: re.Match[str] | None = None
        self.meta_seen = False
        self.index = 0
        self.title_at = -1
        self.meta_seen_at = -1

    def take_date(self, match: re.Match[str]) -> None:
        if self.date is None and _valid(match):
            self.date = match

    def fields(self, line: str) -> bool:
        """Read ``来源:X 作者:Y 发布时间:…`` and dates on one line; True if any was there."""
        header = self.header
        date = _DATE.search(line)
        found = date is not None
        if date:
            self.take_date(date)
        for match in _FIELD.finditer(line):
            label, value = match["label"], match["value"]
            found = True
            if value[0].isdigit():
                continue
            if label in _SOURCE_LABELS and header.source is None:
                header.source = value
            elif label in _AUTHOR_LABELS and header.author is None:
                header.author = names(value)
        return found

    def value(self, line: str) -> bool:
        """The value for a label that stood alone on the line before."""
        label, header = self.pending, self.header
        if label is None:
            return False
        date, time = _DATE.search(line), _TIME.match(line)
        if date or time:
            if date:
                self.take_date(date)
            elif time and _valid(time):
                self.time = time
            return True  # a time may follow a date: the label stays pending
        self.pending = None
        if label in _SOURCE_LABELS and header.source is None and len(line) <= 40:
            header.source = line
            return True
        if label in _AUTHOR_LABELS and header.author is None and len(line) <= 40:
            header.author = names(line)
            return True
        return False

    def byline(self, line: str) -> bool:
        header = self.header
        reporter = _REPORTER.match(line)
        paren = _BYLINE_PAREN.match(line)
        if reporter:
            found = byline_names(line[reporter.start("names") :])
        elif paren and paren.end() == len(line):
            found = byline_names(paren["names"])
        else:
            return False
        if header.author is None or len(found) > len(header.author):
            header.author = found  # the byline lists every reporter; 作者: often only one
        return True

    def read(self) -> Header:
        lines, header = self.lines, self.header
        index, seen = 0, 0
        while index < len(lines) and seen < MAX_HEADER_LINES:
            original = lines[index]
            if not original:
                index += 1
                continue
            seen += 1
            if len(original) > MAX_HEADER_LINE:
                break
            line = fold(original)  # matched folded; the title is taken from the original
            if self.pending and self.value(line):
                index += 1
                continue
            self.pending = None
            if _WECHAT.match(line) and not _PROSE_END.search(line):
                self.index = index
                self.wechat(line)
                index += 1
                continue
            if is_furniture(line):
                header.dropped.append(original)
                index += 1
                continue
            label = _LABEL_ONLY.match(line)
            if label:
                self.pending = label["label"]
                self.saw_meta(index)
                index += 1
                continue
            dateline = _DATELINE.match(line)
            if dateline or _EDITOR_NOTE.match(line):
                if dateline and header.author is None:
                    header.author = byline_names(dateline["names"])
                if dateline and dateline.end() == len(line.rstrip()):
                    # 新华社太原3月11日电（记者 王五）alone on its line: a byline
                    self.saw_meta(index)
                    index += 1
                    continue
                break
            paren = _BYLINE_PAREN.match(line)
            if paren and paren.end() < len(line):  # （记者 张三）正文…: the body's first line
                header.author = header.author or byline_names(paren["names"])
                break
            if not _looks_like_prose(line) and self.byline(line):
                self.saw_meta(index)
                index += 1
                continue
            time = _TIME.match(line)
            if time and _valid(time):
                self.time = self.time or time
                index += 1
                continue
            if not _SENTENCE_MARK.search(line) and self.fields(line):
                self.saw_meta(index)
                index += 1
                continue
            if self.title_line(original, index):
                index += 1
                continue
            break
        header.body_start = index
        if header.author is None:  # 编者按 first, then XX日报讯（记者 …）
            for line in lines[index : index + 3]:
                dateline = _DATELINE.match(fold(line)) if line else None
                if dateline:
                    header.author = byline_names(dateline["names"])
                    break
        if header.source is None:  # an e-paper's masthead: 太行日报数字报 -> 太行日报
            for line in header.dropped:
                masthead = _MASTHEAD.match(line)
                if masthead:
                    header.source = masthead.group(1)
                    break
        if self.date is not None:
            time = self.time if self.date["H"] is None else None
            header.published = iso_datetime(self.date, time)
        return header

    def saw_meta(self, index: int) -> None:
        self.meta_seen = True
        self.meta_seen_at = index

    @property
    def meta_since_title(self) -> bool:
        return self.meta_seen_at > self.title_at >= 0

    def wechat(self, line: str) -> None:
        """``原创 晋城组工 晋城组工 2025年01月15日 18:00 山西``: the account is the source."""
        date = _DATE.search(line)
        if date:
            self.take_date(date)
        words = line.split()
        if len(words) > 1 and self.header.source is None and not words[1][0].isdigit():
            self.header.source = words[1]
        self.header.dropped.append(self.lines[self.index])
        self.saw_meta(self.index)

    def title_line(self, line: str, index: int) -> bool:
        """The title, then a subtitle (—— or a second short line right before meta lines)."""
        header = self.header
        if _looks_like_prose(line) or len(line) > MAX_TITLE:
            return False
        if header.title and self.meta_since_title:
            return False  # the header's lines came after the title: this is the body
        if not header.title:
            if _numbered(line):
                return False  # 一、… : the body's first heading, not a title
            title, subtitle = split_title(line)
            if not title:
                return False  # only dashes and spaces: a rule, not a title
            header.title, header.subtitle = title, subtitle
            self.title_at = index
            return True
        if header.subtitle is None and _DASHES.match(line):
            header.subtitle = _DASHES.sub("", line, count=1).strip()
            return True
        if header.subtitle is None and self.meta_follows(index):
            header.subtitle = line  # 副题 on an e-paper page, before the byline
            return True
        return False

    def meta_follows(self, index: int) -> bool:
        """Whether the next non-blank line after ``index`` is a header line (date, 来源, byline)."""
        for line in map(fold, self.lines[index + 1 : index + 4]):
            if not line:
                continue
            if _looks_like_prose(line):
                return False
            return bool(
                _LABEL_ONLY.match(line)
                or _REPORTER.match(line)
                or _DATE.search(line)
                or _FIELD.search(line)
                or _WECHAT.match(line)
                or (_BYLINE_PAREN.match(line) and _BYLINE_PAREN.match(line).end() == len(line))  # type: ignore[union-attr]
            )
        return False


_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))]|\d{1,2}[.．、]|第[一二三四五六七八九十]+部分)"
)


def _numbered(line: str) -> bool:
    return bool(_NUMBERED.match(fold(line)))


def parse_header(lines: tuple[str, ...]) -> Header:
    """Read the header from the first lines; ``body_start`` indexes ``lines``."""
    header = _Reader(lines).read()
    if not header.title:
        header.missing.append("title")
        header.notes.append("no title line: give the title with --title")
    for value, what, name in (
        (header.published, "publication date", "date"),
        (header.source, "来源 (source)", "source"),
        (header.author, "author (记者/作者)", "author"),
    ):
        if value is None:
            header.missing.append(name)
            header.notes.append(f"no {what} found in the header")
    return header
