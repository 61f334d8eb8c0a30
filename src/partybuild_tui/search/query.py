"""The query language: words, "phrases", pinyin, numbers, comparisons, ranges, units.

``parse_query`` turns what someone typed into a ``Query``; it never raises. What
it could not use goes to ``Query.ignored`` with a reason, and ``Query.understood``
/ ``Query.understood_zh`` say in one sentence what the query means.

Grammar (tokens are separated by spaces; everything is folded first, so
full-width and half-width forms are equal and case does not matter):

* ``"a phrase"`` (also “…”, 「…」, 『…』): the exact text, spaces included;
* ``unit:人`` or ``单位:人``: metrics in that unit (several ``unit:`` mean any of them);
* ``in:ID`` or ``章节:ID``: only in that section and its sub-topics (several: any of them;
  the app's Ctrl+T writes the current section's);
* ``>N``, ``>=N``, ``<N``, ``<=N``, ``=N`` (also ``≥``, ``≤``): metric values;
  a ``%`` or a unit after ``N`` restricts the unit (``>=90%``, ``>1万人``);
* ``A..B`` or ``A~B`` (either end may be left open): metric values in that range;
* a bare number (``17000``, ``1.7万``, ``17,000``, ``90%``): a metric with that value,
  or the number as written in the text;
* Latin letters only (``djyl``, ``dangjianyinling``, ``dangjyl``): the letters as
  written, or the fewest hanzi whose pinyin they spell (full syllables,
  initials or a mix; ``xi'an`` forces a syllable break);
* anything else: a word, matched as a substring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partybuild_tui.model import sanitize_text
from partybuild_tui.search.folding import fold
from partybuild_tui.search.numbers import LARGEST, Number, number_prefix, parse_number, shown

__all__ = ["LARGEST", "Number", "Query", "TextTerm", "ValueFilter", "number_prefix", "parse_number"]
__all__ += ["parse_query", "tokenize"]

_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』"}
_OPERATORS = (">=", "<=", "==", ">", "<", "=", "≥", "≤")
_OPERATOR_NAMES = {"≥": ">=", "≤": "<=", "==": "="}
_PINYIN_TERM = re.compile(r"[a-z]+(?:'[a-z]+)*")
_RANGE = re.compile(r"(?P<low>[^~]*?)(?:\.\.|~)(?P<high>[^~]*)")
_UNIT_PREFIX = ("unit:", "单位:")
_SCOPE_PREFIX = ("in:", "章节:")
MAX_QUERY = 1000
"""Characters of a query that are read; the rest is ignored, and the summary says so."""
MAX_WORDS = 10
"""Words (and phrases, numbers, pinyin) of a query: each costs a scan of the report."""
_REASONS_ZH = {
    "not a number": "不是数字",
    "a comparison needs a number": "比较缺少数字",
    "not a number range": "不是数值范围",
    "a range needs a number": "不是数值范围",
}


# -- the query -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextTerm:
    """A word or phrase to find in titles, paragraphs and metric labels/quotes/units."""

    text: str
    """Folded."""
    phrase: bool = False
    pinyin: str | None = None
    """Letters to match as pinyin (``None`` when the term is not Latin letters)."""
    number: Number | None = None
    """For a bare number: also matches metrics with this value."""

    def describe(self) -> tuple[str, str]:
        text = self.text if len(self.text) <= 40 else self.text[:39] + "…"  # a summary line
        if self.number is not None:
            unit_en = " with unit %" if self.number.percent else ""
            unit_zh = "，单位 %" if self.number.percent else ""
            value = shown(self.number.value)
            return (
                f"value = {value}{unit_en} or text “{text}”",
                f"数值 = {value}{unit_zh}或文字“{text}”",
            )
        if self.pinyin is not None:
            return f"text or pinyin “{text}”", f"文字或拼音“{text}”"
        if self.phrase:
            return f"phrase “{text}”", f"短语“{text}”"
        return f"text “{text}”", f"文字“{text}”"


@dataclass(frozen=True, slots=True)
class ValueFilter:
    """Metric values in ``[low, high]`` (each end open or closed, or absent)."""

    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    percent: bool = False
    unit: str | None = None
    """A unit written after the number (``>1万人``), folded."""
    source: str = ""

    @property
    def key(self) -> tuple[object, ...]:
        """What the filter selects (``>10`` and ``> 10.0`` are the same filter)."""
        return (
            self.low,
            self.high,
            self.low_inclusive,
            self.high_inclusive,
            self.percent,
            self.unit,
        )

    def accepts(self, value: float) -> bool:
        if self.low is not None and (
            value < self.low or (value == self.low and not self.low_inclusive)
        ):
            return False
        return not (
            self.high is not None
            and (value > self.high or (value == self.high and not self.high_inclusive))
        )

    def describe(self) -> tuple[str, str]:
        low = None if self.low is None else shown(self.low)
        high = None if self.high is None else shown(self.high)
        if low is not None and high is not None and low == high and self.low_inclusive:
            text = f"value = {low}"
        elif low is not None and high is not None:
            text = f"value in {low}..{high}"
        elif low is not None:
            text = f"value {'≥' if self.low_inclusive else '>'} {low}"
        elif high is not None:
            text = f"value {'≤' if self.high_inclusive else '<'} {high}"
        else:
            text = "any value"
        zh = (
            text.replace("value in", "数值介于")
            .replace("value", "数值")
            .replace("any 数值", "任意数值")
        )
        units = (["%"] if self.percent else []) + ([self.unit] if self.unit else [])
        if units:
            text += " with unit " + " and ".join(units)
            zh += "，单位 " + "、".join(units)
        return text, zh


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. Words are ANDed; filters restrict the hits to metrics."""

    text: str
    terms: tuple[TextTerm, ...] = ()
    filters: tuple[ValueFilter, ...] = ()
    units: tuple[str, ...] = ()
    """``unit:`` restrictions (folded); a metric must have one of them."""
    ignored: tuple[tuple[str, str, str], ...] = field(default=())
    """(token, reason, reason in Chinese) for each part that could not be used."""
    sections: tuple[str, ...] = ()
    """``in:`` section ids: search only them and their sub-topics (``scope``)."""
    section_titles: tuple[str, ...] = ()
    """Their titles, once a report has resolved them (the summary names them)."""

    @property
    def is_empty(self) -> bool:
        return not (self.terms or self.filters or self.units)

    @property
    def metric_only(self) -> bool:
        """True when the query has value or unit filters: hits are metrics only."""
        return bool(self.filters or self.units)

    @property
    def understood(self) -> str:
        return self._describe(0)

    @property
    def understood_zh(self) -> str:
        return self._describe(1)

    def _describe(self, lang: int) -> str:
        if self.is_empty:
            sentence = ("empty query: nothing to search", "空查询：没有可搜索的内容")[lang]
        elif self.metric_only:
            conditions = [f.describe()[lang] for f in self.filters]
            for term in self.terms:
                if term.number is not None:
                    conditions.append(
                        ValueFilter(
                            term.number.value, term.number.value, percent=term.number.percent
                        ).describe()[lang]
                    )
            if self.units:
                conditions.append(("unit " if lang == 0 else "单位 ") + " / ".join(self.units))
            words = [t for t in self.terms if t.number is None]
            if lang == 0:
                sentence = "metrics with " + " AND ".join(conditions)
                if words:
                    sentence += (
                        " whose label, quote, unit or section title contains "
                        + " AND ".join(t.describe()[0] for t in words)
                    )
            else:
                sentence = "数值指标：" + " 且 ".join(conditions)
                if words:
                    sentence += "，且标签、原文、单位或所在章节标题包含" + " 且 ".join(
                        t.describe()[1] for t in words
                    )
        else:
            parts = [t.describe()[lang] for t in self.terms]
            joiner = " AND " if lang == 0 else " 且 "
            sentence = joiner.join(parts)
            if len(self.terms) > 1:
                sentence += " (all in the same section)" if lang == 0 else "（同一章节内全部出现）"
        if self.sections:
            names = self.section_titles or tuple(f"“{s}”" for s in self.sections)
            sentence += (
                f", only in {' / '.join(names)} and its sub-topics"
                if lang == 0
                else f"，仅限{'、'.join(names)}及其子部分"
            )
        why: dict[str, list[str]] = {}  # tokens ignored for the same reason, together
        for token, reason, reason_zh in self.ignored:
            why.setdefault((reason, reason_zh)[lang], []).append(f"“{token}”")
        if why and lang == 0:
            sentence += "; ignored " + ", ".join(f"{' '.join(t)} ({w})" for w, t in why.items())
        elif why:
            sentence += "；已忽略" + "、".join(f"{' '.join(t)}（{w}）" for w, t in why.items())
        return sentence


def tokenize(text: str) -> list[tuple[str, bool]]:
    """(token, quoted) pairs; an unclosed quote runs to the end."""
    tokens: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    current: list[str] = []
    while i < n:
        char = text[i]
        if char in _QUOTES and not current:
            close = _QUOTES[char]
            end = text.find(close, i + 1)
            if end < 0:
                end = n
            tokens.append((text[i + 1 : end], True))
            i = end + 1
            continue
        if char.isspace():
            if current:
                tokens.append(("".join(current), False))
                current = []
        else:
            current.append(char)
        i += 1
    if current:
        tokens.append(("".join(current), False))
    # ">" "10000" written with a space: join an operator to what follows.
    joined: list[tuple[str, bool]] = []
    for token, quoted in tokens:
        if joined and not quoted and not joined[-1][1] and joined[-1][0] in _OPERATORS:
            joined[-1] = (joined[-1][0] + token, False)
        else:
            joined.append((token, quoted))
    return joined


def _comparison(token: str) -> ValueFilter | str:
    """A ``ValueFilter`` for ``>=90%`` and the like, or why it is not one."""
    operator = next(o for o in _OPERATORS if token.startswith(o))
    rest = token[len(operator) :]
    parsed = number_prefix(rest)
    if parsed is None:
        return "not a number" if rest else "a comparison needs a number"
    number, unit = parsed[0], parsed[1].strip()
    op = _OPERATOR_NAMES.get(operator, operator)
    low = number.value if op in (">", ">=", "=") else None
    high = number.value if op in ("<", "<=", "=") else None
    unit_or_none = None if unit in ("", "%") else unit
    return ValueFilter(low, high, op != ">", op != "<", number.percent, unit_or_none, token)


def _range(low_text: str, high_text: str, token: str) -> ValueFilter | str:
    low = parse_number(low_text) if low_text else None
    high = parse_number(high_text) if high_text else None
    if (low_text and low is None) or (high_text and high is None):
        return "not a number range"
    if low is None and high is None:
        return "a range needs a number"
    percent = bool((low and low.percent) or (high and high.percent))
    lo = low.value if low else None
    hi = high.value if high else None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return ValueFilter(low=lo, high=hi, percent=percent, source=token)


def parse_query(text: str) -> Query:
    """What ``text`` asks for. Never raises.

    A word, filter or unit written twice counts once (``党 党 党`` is ``党``), and a
    query has bounds that its summary states when they cut it: ``MAX_QUERY``
    characters and ``MAX_WORDS`` words.
    """
    original = text if isinstance(text, str) else ""
    clipped = original[:MAX_QUERY]
    folded = fold("".join(" " if c < " " or c == "\x7f" else c for c in clipped))
    terms: list[TextTerm] = []
    filters: list[ValueFilter] = []
    units: list[str] = []
    sections: list[str] = []
    ignored: list[tuple[str, str, str]] = []

    def ignore(token: str, why: str, why_zh: str) -> None:
        shown = token if len(token) <= 20 else token[:19] + "…"
        ignored.append((sanitize_text(shown), why, why_zh))

    def add_term(term: TextTerm) -> None:
        if term in terms:
            return
        if len(terms) >= MAX_WORDS:
            ignore(term.text, f"past {MAX_WORDS} words", f"超过{MAX_WORDS}个词")
        else:
            terms.append(term)

    for token, quoted in tokenize(folded):
        if quoted:
            phrase = " ".join(token.split())
            if phrase:
                add_term(TextTerm(phrase, phrase=True))
            else:
                ignore('""', "empty phrase", "空短语")
            continue
        scope = next((p for p in _SCOPE_PREFIX if token.startswith(p)), None)
        if scope is not None:
            section_id = token[len(scope) :]
            if not section_id:
                ignore(token, "no section id after in:", "in: 后没有章节 id")
            elif section_id not in sections:
                sections.append(section_id)
            continue
        prefix = next((p for p in _UNIT_PREFIX if token.startswith(p)), None)
        if prefix is not None:
            unit = token[len(prefix) :].strip()
            if not unit:
                ignore(token, "no unit after unit:", "unit: 后没有单位")
            elif unit not in units:
                units.append(unit)
            continue
        result: ValueFilter | str | None = None
        if token.startswith(_OPERATORS):
            result = _comparison(token)
        elif (found := _RANGE.fullmatch(token)) and any(c.isdigit() for c in token):
            result = _range(found["low"], found["high"], token)
        if isinstance(result, str):
            ignore(token, result, _REASONS_ZH.get(result, result))
        elif result is not None:
            if result.key not in {f.key for f in filters}:
                filters.append(result)
        elif (number := parse_number(token)) is not None:
            add_term(TextTerm(token, number=number))
        elif _PINYIN_TERM.fullmatch(token) and len(token.replace("'", "")) >= 2:
            add_term(TextTerm(token, pinyin=token))
        else:
            add_term(TextTerm(token))
    if len(original) > MAX_QUERY:
        cut = original[MAX_QUERY : MAX_QUERY + 10] + "…"
        ignore(cut, f"past {MAX_QUERY} characters", f"超过{MAX_QUERY}字")
    parts = (tuple(terms), tuple(filters), tuple(units), _unique(ignored), tuple(sections))
    return Query(original, *parts)


def _unique(ignored: list[tuple[str, str, str]]) -> tuple[tuple[str, str, str], ...]:
    """Each ignored part once, and at most five of them: the summary stays one line."""
    unique = list(dict.fromkeys(ignored))
    if len(unique) > 5:
        more = len(unique) - 4
        unique = [*unique[:4], (f"+{more}", f"{more} more", f"另{more}项")]
    return tuple(unique)
