"""The shapes of a figure in text (patterns), what one found figure is, and the number
helpers the figure scanner (``metrics.py``) uses. Values outside what a report can
hold are never computed: an overlong run of digits or numerals is no figure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from partybuild_tui.importer.units import DURATION_BEFORE, PREFIXES, UNIT
from partybuild_tui.model.numerals import (
    MULTIPLIERS,
    Number,
    fraction_value,
    normalise_digits,
    plain_number,
    to_decimal,
)

# 2 468 / 2 468 / 2 468 / 2　468: thousands set apart by a space, NBSP, thin space,
# narrow NBSP or ideographic space are one number (groups of exactly three digits).
SEPARATORS = " \u00a0\u2009\u202f\u3000"
GROUPED = rf"[0-9０-９]{{1,3}}(?:[{SEPARATORS}][0-9０-９]{{3}})+(?![0-9０-９])"
ARABIC = rf"(?:{GROUPED}|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_SEPARATOR = re.compile(f"[{SEPARATORS}]")
_UNIT_SPACE = "[ \u00a0\u2009\u202f]?"  # 86 个: a number and its unit set apart
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"

_NUMBER = re.compile(rf"{ARABIC}|{CHINESE}")
_COUNT = re.compile(
    rf"(?P<num>{ARABIC}|{CHINESE})(?P<mult>[万亿千])?(?P<more>余|多)?"
    rf"(?:(?P<space>{_UNIT_SPACE})(?P<unit>{UNIT}))?(?P<post>以上|左右|上下|以内|以下|多)?"
)
_CHANGE = re.compile(
    rf"(?:由|从)(?P<a>{ARABIC})(?:[/／](?P<ad>{ARABIC}))?(?P<amult>[万亿])?(?P<au>%|％|{UNIT})?"
    r"(?:提升|提高|增加|增长|上升|跃升|攀升|扩大|下降|降低|减少|缩小|压减|降)?(?:到|至)"
    rf"(?P<b>{ARABIC})(?:[/／](?P<bd>{ARABIC}))?(?P<bmult>[万亿])?(?P<unit>{UNIT})?"
)
_RANGE = re.compile(
    rf"(?P<a>{ARABIC})\s*[-—–~～至到]\s*(?P<b>{ARABIC})(?P<mult>[万亿])?(?P<unit>{UNIT})?"
)
_FRACTION = re.compile(rf"(?P<n>{ARABIC})[/／](?P<d>{ARABIC})(?![0-9０-９])")
_CHINESE_FRACTION = re.compile(rf"(?P<d>{CHINESE})分之(?P<n>{CHINESE}|{ARABIC})")
_CHINESE_PERCENT = re.compile(rf"百分之(?P<n>{CHINESE}|{ARABIC})(?P<post>以上|左右|以内|以下)?")
# 六成 is 60%; 成 also opens words (成为, 成立, 成效 …), which are not tenths.
_TENTHS = re.compile(
    r"(?P<n>[一二两三四五六七八九])成(?![为立效果员本绩功熟长就交型])(?P<post>以上|左右)?"
)
_BIG = re.compile(r"(?P<num>[二两三四五六七八九])大(?P<noun>[\u4e00-\u9fff]{2})")
_DATE = re.compile(
    rf"(?:{ARABIC}年)?[0-9０-９]{{1,2}}月(?:[0-9０-９]{{1,2}}[日号])?|{ARABIC}年[0-9０-９]{{1,2}}月"
)
_JOINED = re.compile(rf"{ARABIC}(?:\s*[+＋]\s*(?:{ARABIC}|[A-Za-z]))+")
_NAME_AFTER = re.compile(r"热线|专线|号线|号楼|路|大街")
_ARABIC_DIGIT = re.compile(r"[0-9０-９]")
_WORD = re.compile(r"[A-Za-z0-9]*")
_WORD_END = re.compile(r"[A-Za-z0-9]*$")
_CLAUSE_END = re.compile(r"[,,;;。::!?!?()()\n]")
_CHINESE_ITEM = re.compile(rf"[一二两三四五六七八九十百千]+(?:{UNIT})")


_LAST_CHARS = {
    words: frozenset(word[-1] for word in words)
    for words in (PREFIXES, DURATION_BEFORE, (*DURATION_BEFORE, "近"))
}


@dataclass
class Found:
    """One figure in a paragraph: ``start:end`` is the exact text it stands in."""

    start: int
    end: int
    value: Number
    unit: str
    qualifier: str = "exact"
    label: str = ""
    baseline: Number | None = None
    note: str | None = None
    unsure: str | None = None


@dataclass
class Findings:
    """Everything one paragraph yields."""

    metrics: list[Found] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    spaced: list[str] = field(default_factory=list)
    """Numbers read across a space (2 468名, 86 个): guessed, so listed."""
    ordinals: list[str] = field(default_factory=list)
    bounds: list[str] = field(default_factory=list)
    overflow: list[tuple[int, int]] = field(default_factory=list)
    """Numbers too long or too large for a figure (``start, end``): the import is refused."""


def _context(text: str, start: int, end: int, width: int = 8) -> str:
    return text[max(0, start - width) : end + width]


MAX_PIECE = 3000  # characters; the genre's paragraphs are shorter
MAX_ENUMERATION = 300  # characters of a clause read as one 、 list
MAX_DIGITS = 16  # no figure of the genre has more; longer runs are codes or attacks
MAX_CHINESE_RUN = MAX_DIGITS + 2  # 九千九百九十九万九千九百九十九 is 15: more is no number
MAX_VALUE = Decimal(10) ** 15  # well inside the model's ±1e18, and exact as a float


def _value(number: str) -> Decimal | None:
    """``to_decimal`` for numbers a report can hold; None for overlong or huge ones."""
    number = _SEPARATOR.sub("", number)
    if len(number) > MAX_DIGITS + 2:
        return None
    value = to_decimal(number)
    return value if value is not None and abs(value) < MAX_VALUE else None


def _decimal(number: str, mult: str | None) -> Decimal | None:
    value = _value(number)
    if value is None:
        return None
    value = value * MULTIPLIERS[mult] if mult else value
    return value if abs(value) < MAX_VALUE else None


def _fraction(numerator: str, denominator: str) -> Number | None:
    top, bottom = _value(numerator), _value(denominator)
    return None if top is None or bottom is None else fraction_value(top, bottom)


def _plain(value: Decimal | Number) -> Number:
    return plain_number(value) if isinstance(value, Decimal) else value


def _is_year(number: str) -> bool:
    digits = normalise_digits(number)
    return digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100


def _after_word(text: str, start: int, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` written right before ``start``, if any."""
    last = _LAST_CHARS.get(words)
    if start == 0 or (last is not None and text[start - 1] not in last):
        return None  # most figures: no word ends right before them
    return next((word for word in words if text.startswith(word, start - len(word))), None)


def pieces(paragraph: str) -> list[tuple[int, str]]:
    """``(offset, text)`` pieces of at most MAX_PIECE characters, cut after a sentence end
    (else a clause mark, else anywhere): a paragraph is read in time linear in its length."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(paragraph) - start > MAX_PIECE:
        limit = start + MAX_PIECE
        cut = -1
        for marks in ("。!?;!?;", ",,、::"):
            cut = max(paragraph.rfind(mark, start, limit) for mark in marks)
            if cut > start:
                break
        end = cut + 1 if cut > start else limit
        out.append((start, paragraph[start:end]))
        start = end
    out.append((start, paragraph[start:]))
    return out
