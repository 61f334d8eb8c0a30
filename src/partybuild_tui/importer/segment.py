"""Cut the article body into sections and sub-topics, keeping every paragraph verbatim.

The genre's shape, and how each part is recognised:

* the **body** runs from the first line after the header to the page furniture
  (相关内容, 热门资讯, 责任编辑 …), which is dropped with everything after it;
* **headings** are short lines without final punctuation
  (凝心铸魂,把稳政治引领“方向盘”), or numbered (一、… / (一)…);
* paragraphs before the first heading form the 导语 section; paragraphs at the
  very end that open with 回望/展望/总之 … form the 结语 section;
* inside a section, **sub-topics** start at lead phrases: a short first
  sentence ending in 。 that the paragraph goes on from (精准引才,聚焦产业所需。…).
  A lead phrase is not a framing sentence (千秋大业,人才为本。2025年,我市…): if
  the next sentence starts with a subject or a date, it was the section's
  opening. A section needs two lead phrases to be split by them; paragraphs
  before the first stay in the section, a 此外/另外 paragraph after them opens
  a sub-topic of its own;
* a section without lead phrases keeps its opening one-sentence paragraphs and
  makes each later paragraph a sub-topic titled by its first clause (minus a
  date, 同时/此外 and the subject 我市), when there are at least two of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partybuild_tui.importer.fold import fold
from partybuild_tui.importer.furniture import is_furniture
from partybuild_tui.importer.names import flatten_quotes

END_MARKERS = re.compile(
    r"^(?:相关内容|相关阅读|相关新闻|相关推荐|相关链接|相关文章|推荐阅读|延伸阅读|热门资讯|热门推荐|热点推荐|"
    r"猜你喜欢|更多精彩|更多阅读|精彩推荐|往期回顾)\s*[::]?$"
)
EDITOR_LINE = re.compile(
    r"(?:^|[\s】\]])[\[【(]?\s{0,3}(?:责任编辑|编辑|责编|审核|审校|校对|监制|终审|初审|复审|来源|本版责编|本版编辑)\s{0,3}:"
    r"|^[【(]完[】)]$"
)
MAX_EDITOR_LINE = 60
# Heading styles, by their marker; which level each is comes from the order they appear in.
STYLES = (
    ("part", re.compile(r"^第[一二三四五六七八九十]{1,3}(?:部分|篇|章)")),
    ("chinese", re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")),
    ("chinese-paren", re.compile(r"^[((][一二三四五六七八九十]{1,3}[))]")),
    ("arabic", re.compile(r"^[0-9０-９]{1,2}[.．、](?![0-9０-９])")),
    ("arabic-paren", re.compile(r"^[((][0-9０-９]{1,2}[))]")),
    ("bracket", re.compile(r"^【[^】]{2,30}】")),
)


def _first_characters(pattern: str) -> set[str]:
    """The characters a ``^``-anchored marker can start with (a literal or a class)."""
    head = pattern[1:]
    if head[0] != "[":
        return {head[0]}
    chars: set[str] = set()
    body = head[1 : head.index("]")]
    for start, _dash, end in re.findall(r"(.)(-(.))?", body):
        chars.update(chr(c) for c in range(ord(start), ord(end or start) + 1))
    return chars


# Most lines start with none of these: the six markers are then not tried (per line of a
# 200,000-line article, that was a tenth of the import).
STYLE_FIRST = frozenset().union(*(_first_characters(marker.pattern) for _, marker in STYLES))
_HAN = re.compile("[\u4e00-\u9fff]+")
EDITOR_NOTE = re.compile(r"^[【\[]?编者按[】\]]?\s?[::]")
NUMBERED_LEAD = re.compile(r"^(?P<lead>[^。!?!?;;::]{2,40})[。::]")
SENTENCE_END = re.compile(r"[。!?!?]")
END_PUNCTUATION = "。!?;:,、…!?;:,."
MAX_HEADING = 30
MAX_NUMBERED_HEADING = 40
MAX_LEAD = 40
LEAD = re.compile(rf"^(?P<lead>[^。!?!?;;::]{{2,{MAX_LEAD - 1}}}[。::])(?P<rest>.+)$", re.S)
YEAR_START = re.compile(r"^\d{4}年")
FRAMING = re.compile(
    r"^(?:\d{4}年|今年|去年|近年来|近年|多年来|一年来|这一年|我市|我县|我区|我省|我镇|我乡|我们|"
    r"该市|该县|该区)"
)
TOPIC_SHIFT = re.compile(r"^(?:此外|另外)[,,]")
CLOSING = re.compile(
    r"^(?:[^。]{1,20}。)?(?:回望|回首|展望|站在新的|新的一年|新征程上|总之|综上|总而言之|下一步|今后)"
)
TITLE_OPENERS = re.compile(r"^(?:\d{4}年(?:以来)?|同时|此外|另外|其中|近年来|今年以来)[,,]")
TITLE_SUBJECT = re.compile(
    r"^(?:我市|全市|我县|全县|我区|全区)?(?:始终|持续|着力|扎实|不断|切实|积极|大力|全面|进一步)*"
)
CLAUSE_END = re.compile(r"[,,。;;::!?!?]")
MAX_CLAUSE_TITLE = 30
_NUMBER_INNER = " .\u00a0\u2009\u202f\u3000．"
LEAD_TITLE = "导语"
EDITOR_NOTE_TITLE = "编者按"
CLOSING_TITLE = "结语"
BODY_TITLE = "正文"


@dataclass
class Body:
    """The body's paragraphs (non-empty lines, verbatim), the furniture lines dropped, and
    what was unsure about its end."""

    paragraphs: list[str]
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


@dataclass
class Part:
    """A section or sub-topic before ids and metrics: its title and paragraphs."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)
    how: str = "heading"
    """heading, numbered, lead-phrase, first-clause, lead, closing or body: how it was found."""
    fixed_id: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def find_body(lines: tuple[str, ...], start: int) -> Body:
    """The paragraphs from ``start`` up to the end block (相关内容 …, 责任编辑 …); page
    furniture anywhere in between is dropped and listed."""
    body = Body([])
    ended = False
    for at in range(start, len(lines)):
        line = lines[at]
        if not line:
            continue
        folded = fold(line)
        editor = len(folded) <= MAX_EDITOR_LINE and EDITOR_LINE.search(folded) is not None
        if END_MARKERS.match(folded) or editor:
            ended = True
            if editor:
                body.notes.append(f"the body ends at the editor's line “{line[:20]}”")
            elif not line.startswith("相关内容"):
                body.notes.append(f"the body ends at “{line}” (no 相关内容 line before it)")
            body.dropped.extend(rest for rest in lines[at:] if rest)
            break
        if is_furniture(line):
            body.dropped.append(line)
            continue
        body.paragraphs.append(line)
    if not ended:
        body.notes.append("no 相关内容 block: the body runs to the end of the file")
    return body


def heading_style(line: str) -> str | None:
    """The heading style of ``line`` (a numbering, 【…】 or "plain"), None for a paragraph.

    A numbered line is a heading when short and one phrase; a plain one when short,
    unpunctuated at its end and mostly hanzi."""
    line = fold(line)
    for style, marker in STYLES if line[:1] in STYLE_FIRST else ():
        if marker.match(line):
            if len(line) <= MAX_NUMBERED_HEADING and not SENTENCE_END.search(line.rstrip("。")):
                return style
            return None
    if len(line) > MAX_HEADING or line[-1] in END_PUNCTUATION or SENTENCE_END.search(line):
        return None
    han = sum(map(len, _HAN.findall(line)))
    if line[0].isdigit() or line.startswith(("图", "(", "(")):
        return None  # 1.5万名党员…: a figure opens a sentence, not a heading
    return "plain" if han >= 4 else None


def numbered_lead(line: str) -> tuple[str, str] | None:
    """``(style, title)`` for a numbered paragraph opening with a short phrase:
    ``(一)聚焦高质量发展,经济实力稳步提升。全年…`` -> its marker and first sentence."""
    folded = fold(line)
    for style, marker in STYLES if folded[:1] in STYLE_FIRST else ():
        found = marker.match(folded)
        if found and style != "bracket":
            lead = NUMBERED_LEAD.match(folded, found.end())
            if lead and len(line) > lead.end():
                return style, line[: lead.end() - 1]
    return None


def heading_level(line: str) -> int:
    """1 for a heading line, 0 for a paragraph (the level proper depends on the article)."""
    return 1 if heading_style(line) else 0


def lead_phrase(paragraph: str) -> str | None:
    """``精准引才,聚焦产业所需`` for a paragraph opening with that lead phrase."""
    folded = fold(paragraph)
    match = LEAD.match(folded)
    if match is None or TITLE_OPENERS.match(folded):
        return None  # a connective (此外,…) that no topic starts with
    lead, rest = paragraph[: match.end("lead") - 1], match["rest"]
    couplet = "," in match["lead"]
    if FRAMING.match(rest) and (couplet or not YEAR_START.match(rest)):
        # 组织建设持续加强。2023年,…: a topic and its year; 千秋大业,人才为本。2025年,…
        # (a couplet, with its comma) frames the section instead.
        return None
    return lead


def clause_title(paragraph: str) -> str:
    """A sub-topic title from a paragraph's first clause: 着力在实践锻炼中培养好干部,… ->
    在实践锻炼中培养好干部."""
    text = paragraph
    while True:
        opener = TITLE_OPENERS.match(fold(text))
        if opener is None:
            break
        text = text[opener.end() :]
    end = CLAUSE_END.search(flatten_quotes(fold(text)))
    clause = text[: end.start()] if end else text
    trimmed = clause[TITLE_SUBJECT.match(clause).end() :]  # type: ignore[union-attr]
    title = trimmed if len(trimmed) >= 4 else clause
    if len(title) > MAX_CLAUSE_TITLE:  # cut at a list comma when there is one
        comma = title.rfind("、", 0, MAX_CLAUSE_TITLE)
        cut = comma if comma > 0 else MAX_CLAUSE_TITLE
        while cut > 4 and (title[cut - 1].isdigit() or title[cut - 1] in _NUMBER_INNER):
            cut -= 1  # never cut a number in two (…处理1 6|52人次)
        title = title[:cut].rstrip()
    return title or paragraph[:MAX_CLAUSE_TITLE]


def _single_sentence(paragraph: str) -> bool:
    return len(SENTENCE_END.findall(paragraph)) <= 1


def _split_by_leads(part: Part, leads: set[int]) -> None:
    paragraphs = part.paragraphs
    part.paragraphs = paragraphs[: min(leads)]
    current: Part | None = None
    for index in range(min(leads), len(paragraphs)):
        paragraph = paragraphs[index]
        if index in leads:
            current = Part(lead_phrase(paragraph) or "", [paragraph], how="lead-phrase")
            part.children.append(current)
        elif TOPIC_SHIFT.match(fold(paragraph)):
            current = Part(clause_title(paragraph), [paragraph], how="first-clause")
            part.children.append(current)
        else:
            assert current is not None
            current.paragraphs.append(paragraph)


def _split_by_paragraphs(part: Part) -> None:
    paragraphs = part.paragraphs
    opening = 0
    while opening < len(paragraphs) and _single_sentence(paragraphs[opening]):
        opening += 1
    rest = paragraphs[opening:]
    if len(rest) < 2:
        return
    part.paragraphs = paragraphs[:opening]
    part.children = [Part(clause_title(p), [p], how="first-clause") for p in rest]


def split_subtopics(part: Part) -> None:
    """Give ``part`` its sub-topics, from its own paragraphs (see the module doc)."""
    if part.children:
        return  # numbered sub-headings already did
    leads = [i for i, p in enumerate(part.paragraphs) if lead_phrase(p)]
    if len(leads) >= 2:
        _split_by_leads(part, set(leads))
    else:
        _split_by_paragraphs(part)


def _closing_start(paragraphs: list[str]) -> int:
    """Index of the closing paragraphs (回望2025,…) among the last three, or ``len``."""
    for index in range(max(1, len(paragraphs) - 3), len(paragraphs)):
        if CLOSING.match(fold(paragraphs[index])) and not heading_style(paragraphs[index]):
            return index
    return len(paragraphs)


def build_parts(paragraphs: list[str]) -> list[Part]:
    """The section tree of a body, every paragraph in exactly one part, in article order."""
    parts: list[Part] = []
    if paragraphs and EDITOR_NOTE.match(fold(paragraphs[0])):
        parts.append(Part(EDITOR_NOTE_TITLE, [paragraphs[0]], how="editor-note",
                          fixed_id="editor-note"))  # fmt: skip
        paragraphs = paragraphs[1:]
    closing_at = _closing_start(paragraphs)
    top: list[Part] = []
    lead = Part(LEAD_TITLE, how="lead", fixed_id="lead")
    levels: list[str] = []  # heading styles in the order they first appear
    stack: list[tuple[int, Part]] = []
    for paragraph in paragraphs[:closing_at]:
        style = heading_style(paragraph)
        numbered = None if style else numbered_lead(paragraph)
        kind = style or (numbered[0] if numbered else None)
        if kind is None:
            (stack[-1][1] if stack else lead).paragraphs.append(paragraph)
            continue
        if kind not in levels:
            levels.append(kind)
        level = levels.index(kind)
        while stack and stack[-1][0] >= level:
            stack.pop()
        how = "heading" if kind == "plain" else "numbered"
        if numbered:
            part = Part(numbered[1], [paragraph], how="numbered-lead")
        else:
            part = Part(paragraph, how=how)
        (stack[-1][1].children if stack else top).append(part)
        stack.append((level, part))
    if top:
        for part in top:
            split_subtopics(part)
        if lead.paragraphs:
            parts.append(lead)
        parts.extend(top)
    else:  # no headings: lead phrases (if any) make the sections
        body = Part(BODY_TITLE, lead.paragraphs, how="body")
        split_subtopics(body)
        if body.children:
            if body.paragraphs:
                parts.append(Part(LEAD_TITLE, body.paragraphs, how="lead", fixed_id="lead"))
            parts.extend(body.children)
        elif body.paragraphs:
            parts.append(body)
    if closing_at < len(paragraphs):
        parts.append(
            Part(CLOSING_TITLE, paragraphs[closing_at:], how="closing", fixed_id="closing")
        )
    return parts
