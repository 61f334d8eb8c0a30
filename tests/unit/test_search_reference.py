"""The search engine against a straightforward reference on a generated report.

The engine scans a code string and several indexes to be fast; the reference
here looks at every field of the report on its own, the slow and obvious way,
and ranks as the engine documents: fields whose pinyin needs a rare reading
last, then regions in order (titles, metrics, paragraphs), then fields that hold
more of the words, then literal before pinyin and whole syllables or initials
before partial ones (the quality of each word's first match in the field,
summed), then the tighter, then the earlier match in its field, then reading
order. Both must give the same
hits in the same order, the same total and the same spans.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from partybuild_tui.model import Report, load_text
from partybuild_tui.search import SearchIndex
from partybuild_tui.search import codes as code_tables
from partybuild_tui.search.codes import PinyinPattern
from partybuild_tui.search.folding import (
    Span,
    fold_table,
    fold_with_map,
    merge_spans,
    to_original,
)
from partybuild_tui.search.pinyin import RARE, readings_of

Matcher = tuple[Callable[[str], list[Span]], Callable[[str], int]]
"""(folded text of one field → the spans of one term's matches in it, left to right;
the text of a match → its quality: 0 for the text as typed, 1 for pinyin, plus
``RARE`` for each hanzi that only a rare reading fits and one for each piece that
is neither a whole syllable nor an initial)."""


@pytest.fixture(scope="module")
def generated(bench_generate: ModuleType) -> tuple[Report, SearchIndex]:
    report = load_text(bench_generate.generate_text(400, 5, seed=3), "synthetic.yaml")
    return report, SearchIndex.build(report)


@pytest.fixture(scope="module")
def coarse(generated: tuple[Report, SearchIndex]) -> tuple[Report, SearchIndex]:
    """The same report with a pinyin table of its own (as a report over 1 M characters
    gets) and few codes: many hanzi share a code of initials, the rarest the catch-all
    code that fits every step, and codes fit several steps (what a scan's literal lead
    must work around)."""
    report, _ = generated
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(code_tables, "SHARED_BELOW", 0)
        patch.setattr(code_tables, "_LAST_CODE", 0x30)
        patch.setattr(code_tables, "_MAX_GROUPS", 8)
        index = SearchIndex.build(report)
    assert index.pinyin_table is not None
    assert code_tables.ANY_INITIAL in index.pinyin_table.groups.values()
    return report, index


def literal(word: str) -> Matcher:
    def find(text: str) -> list[Span]:
        spans, start = [], text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + len(word))
        return spans

    return find, lambda _: 0


def pinyin(index: SearchIndex, letters: str) -> Matcher:
    assert index.pinyin_table is not None
    pattern = PinyinPattern(letters, index.pinyin_table)

    def quality(text: str) -> int:
        cost = least_cost(letters, text)
        assert cost is not None, text
        return 1 + cost

    return pattern.find_in, quality


def least_cost(spelled: str, hanzi: str) -> int | None:
    """The least cost of reading ``hanzi`` as ``spelled``, trying every cut and every
    reading (``None``: they do not spell it). Each hanzi takes a piece of the letters,
    a prefix of one of its readings, within one part between apostrophes; with
    apostrophes, a piece that is a whole part is a whole reading. A reading other than
    pypinyin's first costs ``RARE``; a piece longer than one letter that is neither
    the whole reading nor its initial costs one."""
    parts = spelled.split("'")
    ends = {sum(len(p) for p in parts[: k + 1]) for k in range(len(parts))}
    starts = {end - len(p) for end, p in zip(sorted(ends), parts, strict=True)}
    letters = spelled.replace("'", "")

    def best(h: int, i: int) -> int | None:
        if h == len(hanzi):
            return 0 if i == len(letters) else None
        readings = readings_of(hanzi[h])
        common = {readings[0], readings[0].replace("v", "u")} if readings else set()
        found: list[int] = []
        for j in range(i + 1, min((e for e in ends if e > i), default=i) + 1):
            piece = letters[i:j]
            whole = len(parts) > 1 and i in starts and j in ends
            rest = best(h + 1, j)
            for r in readings:
                if rest is None or not (r == piece if whole else r.startswith(piece)):
                    continue
                initial = r[:2] if r[:2] in ("zh", "ch", "sh") else r[:1]
                partial = 1 < len(piece) < len(r) and piece != initial
                found.append(rest + (0 if r in common else RARE) + partial)
        return min(found, default=None)

    return best(0, 0)


def fields(report: Report) -> list[tuple[tuple[str, str, int | None, str | None], str]]:
    """((kind, section id, paragraph index, metric id), text) of every field, in rank
    order of kind and then reading order. A metric's field is label, quote and unit."""
    found: list[tuple[tuple[str, str, int | None, str | None], str]] = []
    for s in report.ordered:
        found.append((("title", s.id, None, None), s.title))
    for s in report.ordered:
        for m in s.metrics:
            found.append((("metric", s.id, None, m.id), f"{m.label}\x02{m.quote}\x02{m.unit}"))
    for s in report.ordered:
        for i, text in enumerate(s.paragraphs):
            found.append((("paragraph", s.id, i, None), text))
    return found


def reference(
    report: Report, matchers: list[Matcher]
) -> list[tuple[tuple[str, str, int | None, str | None], tuple[Span, ...]]]:
    """Every hit with its spans (in the original text), ranked."""
    words = len(matchers)
    if words > 1:  # several words: only sections that hold every one of them
        per_section: dict[str, set[int]] = {}
        for (_, section_id, _, _), text in fields(report):
            folded = fold_with_map(text, fold_table(text))[0]
            held = {w for w, (match, _) in enumerate(matchers) if match(folded)}
            per_section.setdefault(section_id, set()).update(held)
        allowed = {s for s, held in per_section.items() if len(held) == words}
    ranked = []
    for order, (key, text) in enumerate(fields(report)):
        if words > 1 and key[1] not in allowed:
            continue
        folded, positions = fold_with_map(text, fold_table(text))
        found = [match(folded) for match, _ in matchers]
        if not any(found):
            continue
        # each word's first match in the field that needs no rare reading, else its first
        chosen = [
            next(
                (
                    (span, q(folded[slice(*span)]))
                    for span in spans
                    if q(folded[slice(*span)]) < RARE
                ),
                (spans[0], q(folded[slice(*spans[0])])),
            )
            for spans, (_, q) in zip(found, matchers, strict=True)
            if spans
        ]
        firsts = [span for span, _ in chosen]
        quality = sum(cost for _, cost in chosen)
        start = min(s for s, _ in firsts)
        last_end = max(e for _, e in firsts)  # the span to the end of the last word's first
        kind_rank = ("title", "metric", "paragraph").index(key[0])
        missing = words - len(firsts)
        rank = (quality >= RARE, kind_rank, missing, quality, last_end - start, start, order)
        spans = merge_spans(to_original(span, positions) for spans in found for span in spans)
        ranked.append((rank, key, spans))
    return [(key, spans) for _, key, spans in sorted(ranked)]


def engine(result) -> list[tuple[str, str, int | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(h.kind, h.section_id, h.paragraph_index, h.metric_id) for h in result.hits]


def check(index: SearchIndex, report: Report, query: str, matchers: list[Matcher]) -> int:
    expected = reference(report, matchers)
    index.clear_caches()
    result = index.search(query)
    assert engine(result) == [key for key, _ in expected]
    assert result.total == len(expected)
    for hit, (_, spans) in zip(result.hits, expected, strict=True):
        if hit.kind != "metric":  # a metric hit shows one of its three parts
            assert hit.spans == spans, hit
    index.clear_caches()
    page = index.search(query, limit=7)  # ranks a page, counts the rest
    assert engine(page) == [key for key, _ in expected[:7]]
    assert page.total == len(expected)
    return len(expected)


@pytest.mark.parametrize(
    "letters",
    ["zhengzhi", "djyl", "dangjianyinling", "dangjyl", "zz", "xczx", "jiceng", "shishi", "zhi"]
    + ["an", "zheng'zhi", "dang'jian", "dang'jyl", "zhong", "de", "chang", "gan"],
)
def test_pinyin_finds_what_checking_every_field_finds(generated, letters: str) -> None:
    report, index = generated
    assert not index.term(index.parse(letters).terms[0]).possible_literally
    assert check(index, report, letters, [pinyin(index, letters)]) > 0


@pytest.mark.parametrize(
    "letters", ["zhengzhi", "djyl", "dangjianyinling", "dangjyl", "zz", "an", "zheng'zhi"]
)
def test_pinyin_with_a_coarse_table_finds_what_checking_every_field_finds(
    coarse, letters: str
) -> None:
    report, index = coarse
    assert check(index, report, letters, [pinyin(index, letters)]) > 0


@pytest.mark.parametrize(
    "words",
    [
        ["党员", "培训"],
        ["培训", "党员"],
        ["党员", "培训", "工作"],
        ["党建", "引领"],
        ["社区", "服务"],
        ["党", "党员"],  # one word inside the other: ties go to the first
        ["乡村振兴", "党员", "群众"],
    ],
)
def test_words_find_what_checking_every_field_finds(generated, words: list[str]) -> None:
    report, index = generated
    assert check(index, report, " ".join(words), [literal(w) for w in words]) > 0


@pytest.mark.parametrize(("word", "letters"), [("党建", "zhengzhi"), ("党员", "jiceng")])
def test_a_word_and_pinyin_find_what_checking_every_field_finds(
    generated, word: str, letters: str
) -> None:
    report, index = generated
    matchers = [literal(word), pinyin(index, letters)]
    assert check(index, report, f"{word} {letters}", matchers) > 0
