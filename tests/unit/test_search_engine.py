"""The search engine on the bundled report and on a small fixture of our own.

Expected results are computed from the report model (never hard-coded lists),
so these tests hold for whatever the bundled report says and fail when the
engine misses or invents a hit.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.model import Report, bundled_report_path, load_report
from partybuild_tui.search import SearchIndex, SearchResult
from partybuild_tui.search import codes as pinyin_module
from partybuild_tui.search.codes import PinyinPattern, PinyinTable
from partybuild_tui.search.folding import fold_table, fold_with_map, to_original

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search-report.yaml"
KIND_ORDER = {"title": 0, "metric": 1, "paragraph": 2}


@pytest.fixture(scope="module")
def bundled() -> tuple[Report, SearchIndex]:
    report = load_report(bundled_report_path())
    return report, SearchIndex.build(report)


@pytest.fixture(scope="module")
def small() -> tuple[Report, SearchIndex]:
    report = load_report(FIXTURE)
    return report, SearchIndex.build(report)


@pytest.fixture(scope="module")
def coarse() -> tuple[Report, SearchIndex]:
    """The bundled report indexed with few codes: most hanzi share first-initial codes and
    some the catch-all one, as in a report with thousands of distinct hanzi."""
    report = load_report(bundled_report_path())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pinyin_module, "SHARED_BELOW", 0)  # a table of its own
        patch.setattr(pinyin_module, "_LAST_CODE", 0x30)
        patch.setattr(pinyin_module, "_MAX_GROUPS", 8)
        index = SearchIndex.build(report)
    assert index.pinyin_table is not None and len(index.pinyin_table.own) < 40
    assert pinyin_module.ANY_INITIAL in index.pinyin_table.groups.values()
    return report, index


@pytest.fixture(scope="module", params=["bundled", "small"])
def any_report(request: pytest.FixtureRequest) -> tuple[Report, SearchIndex]:
    return request.getfixturevalue(request.param)


def highlighted(result: SearchResult) -> list[tuple[str, str]]:
    """(kind, highlighted text) for every span of every hit."""
    return [(hit.kind, hit.text[s:e]) for hit in result.hits for s, e in hit.spans]


def field_text(report: Report, hit) -> str:  # type: ignore[no-untyped-def]
    section = report.section(hit.section_id)
    if hit.kind == "title":
        return section.title
    if hit.kind == "paragraph":
        return section.paragraphs[hit.paragraph_index]
    return getattr(report.metric(hit.metric_id), hit.field)


# -- text ------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["乡村振兴", "党员", "调解", "覆盖率"])
def test_substring_finds_every_field_that_contains_it(any_report, word: str) -> None:
    report, index = any_report
    result = index.search(word)
    expected = sum(
        (word in s.title)
        + sum(word in p for p in s.paragraphs)
        + sum(word in m.label or word in m.quote or word in m.unit for m in s.metrics)
        for s in report.ordered
    )
    assert expected > 0
    assert result.total == len(result.hits) == expected
    for hit in result.hits:
        assert hit.text == field_text(report, hit)
        assert hit.spans and all(hit.text[s:e] == word for s, e in hit.spans)
        # every occurrence in the field is highlighted
        assert len(hit.spans) == hit.text.count(word)


@pytest.mark.parametrize("query", ["党员", "乡村振兴", "djyl", "覆盖率", "党员 培训", "1.7万"])
def test_ranked_title_then_metric_then_paragraph(any_report, query: str) -> None:
    _, index = any_report
    kinds = [KIND_ORDER[hit.kind] for hit in index.search(query).hits]
    assert kinds == sorted(kinds)


def test_earlier_match_ranks_first(small) -> None:
    _, index = small
    titles = [hit for hit in index.search("引领").hits if hit.kind == "title"]
    assert [hit.spans[0][0] for hit in titles] == sorted(hit.spans[0][0] for hit in titles)
    assert titles[0].text.startswith("党建引领")


@pytest.mark.parametrize("words", [("党员", "培训"), ("党建", "乡村振兴"), ("学习", "研讨")])
def test_several_words_all_occur_in_each_hit_section(any_report, words: tuple[str, str]) -> None:
    report, index = any_report
    result = index.search(" ".join(words))
    expected_sections = {
        s.id
        for s in report.ordered
        if all(
            w in s.title
            or any(w in p for p in s.paragraphs)
            or any(w in m.label or w in m.quote for m in s.metrics)
            for w in words
        )
    }
    assert {hit.section_id for hit in result.hits} == expected_sections
    for hit in result.hits:
        marked = {hit.text[s:e] for s, e in hit.spans}
        assert marked and marked <= set(words)
        assert marked == {w for w in words if w in hit.text}
    # fields that hold every word come before those holding some
    for kind in KIND_ORDER:
        complete = [all(w in h.text for w in words) for h in result.hits if h.kind == kind]
        assert complete == sorted(complete, reverse=True)


def test_quoted_phrase_is_exact(small) -> None:
    _, index = small
    assert index.search('"乡村振兴"').total == index.search("乡村振兴").total > 0
    assert index.search('"乡村 振兴"').total == 0
    assert index.search("乡村 振兴").total > 0  # two words, ANDed


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ＡＢＣ", "ＡＢＣ"),
        ("abc", "ＡＢＣ"),
        ("ABC", "ＡＢＣ"),
        ("模式,细化", "模式，细化"),
        ("m2", "㎡"),
        ("第10批", "第⑩批"),
    ],
)
def test_full_width_half_width_and_case_fold(small, query: str, expected: str) -> None:
    _, index = small
    result = index.search(query)
    assert ("paragraph", expected) in highlighted(result)
    assert result.hits[0].text[slice(*result.hits[0].spans[0])] == expected


# -- pinyin ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["djyl", "dangjianyinling", "dangjyl", "djianyl", "DJYL", "ｄｊｙｌ", "dangjianyinl"]
)
def test_pinyin_finds_dangjian_yinling_in_a_title(any_report, query: str) -> None:
    _, index = any_report
    result = index.search(query)
    assert ("title", "党建引领") in highlighted(result)
    assert result.hits[0].kind == "title"


@pytest.mark.parametrize("query", ["tiaojie", "tj", "diaojie"])
def test_pinyin_handles_polyphones(any_report, query: str) -> None:
    """调 reads tiáo in 调解 and diào elsewhere: every reading counts."""
    _, index = any_report
    assert any(text == "调解" for _, text in highlighted(index.search(query)))


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("xi'an", "西安", None),  # an apostrophe forces a syllable break
        ("xian", "先", "西安"),  # otherwise the fewest hanzi: xian is one
        ("zhangqi", "长期", None),  # 长: zhang and chang
        ("changqi", "长期", None),
        ("zq", "长期", None),
        ("cq", "长期", None),
    ],
)
def test_pinyin_fewest_hanzi_and_syllable_breaks(small, query: str, found: str, not_found) -> None:  # type: ignore[no-untyped-def]
    _, index = small
    marked = [text for _, text in highlighted(index.search(query))]
    assert found in marked
    if not_found:
        assert not_found not in marked


@pytest.mark.parametrize(
    "query",
    [
        "djyl",
        "dj",
        "zz",
        "zhengzhi",
        "tiaojie",
        "xi'an",
        "gzl",
        "dangjyl",
        "jiandu",
        "sh",
        "zhong",
        "ganbu",
        "xczx",
    ],
)
@pytest.mark.parametrize("which", ["bundled", "small", "coarse"])
def test_pinyin_scan_finds_exactly_what_checking_every_position_finds(
    request: pytest.FixtureRequest, which: str, query: str
) -> None:
    """The fast scan (code string, anchor, look-around) misses nothing and adds nothing."""
    report, index = request.getfixturevalue(which)
    pattern = PinyinPattern(query, index.pinyin_table)
    expected: set[tuple[str, int, int]] = set()  # (section, paragraph or -1, character)
    for section in report.ordered:
        texts = [("title", -1, section.title)] + [
            ("paragraph", i, p) for i, p in enumerate(section.paragraphs)
        ]
        for _kind, i, text in texts:
            folded, positions = fold_with_map(text, fold_table(text))
            for span in pattern.find_in(folded):
                s, e = to_original(span, positions)
                expected.update((section.id, i, c) for c in range(s, e))
    found = set()
    for hit in index.search(query).hits:
        if hit.kind == "metric":
            continue
        for s, e in hit.spans:
            if hit.text[s:e].isascii():
                continue  # the letters as written
            where = -1 if hit.kind == "title" else hit.paragraph_index
            found.update((hit.section_id, where, c) for c in range(s, e))
    assert found == expected


@pytest.mark.parametrize(
    ("piece", "reading", "fits"),
    [
        ("z", "zhu", True),
        ("zh", "zhu", True),
        ("zheng", "zheng", True),
        ("zheng", "zeng", False),  # z… is not zh…
        ("zheng", "zhuang", False),  # the same initial is not enough
        ("zu", "zu", True),
        ("d", "dang", True),
        ("da", "dang", True),
        ("s", "shi", True),
        ("sh", "su", False),
    ],
)
def test_a_shared_code_fits_a_piece_only_if_one_of_its_hanzi_reads_so(
    monkeypatch: pytest.MonkeyPatch, piece: str, reading: str, fits: bool
) -> None:
    """Rare hanzi share a code by their initials; the scan lets a hanzi with that code
    fill a step only if a reading of one of them starts with the step's piece."""
    readings = {"甲": (reading,), "乙": (piece, "e")}  # 乙 spells the piece alone
    monkeypatch.setattr(pinyin_module.pinyin, "readings_of", lambda char: readings.get(char, ()))
    table = PinyinTable.build(readings, Counter("乙"))  # 甲 is never seen: a shared code
    assert table.codes["甲"] in table.groups and table.codes["乙"] in table.own
    scan = PinyinPattern(piece, table).compile(Counter())
    assert (scan.translation[table.codes["甲"]] != pinyin_module.NO_STEP) is fits


def test_pinyin_highlight_lands_on_the_hanzi(bundled) -> None:
    _, index = bundled
    for hit in index.search("djyl").hits:
        for start, end in hit.spans:
            assert hit.text[start:end] == "党建引领"


def test_pinyin_that_cannot_be_cut_into_syllables_finds_nothing(any_report) -> None:
    _, index = any_report
    assert index.search("xqzvvv").total == 0


# -- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["17000", "1.7万", "17,000", "1.7w", "１７０００"])
def test_number_in_any_writing_hits_the_metric(bundled, query: str) -> None:
    report, index = bundled
    expected = {m.id for m in report.metrics if m.value == 17000}
    assert any(m.quote == "1.7万余名" for m in report.metrics if m.id in expected)
    result = index.search(query)
    found = {hit.metric_id for hit in result.hits if hit.kind == "metric"}
    assert expected <= found
    hit = next(h for h in result.hits if h.metric_id in expected)
    assert hit.text[slice(*hit.spans[0])] == "1.7万余名"


def test_number_text_does_not_match_inside_a_longer_number(small) -> None:
    _, index = small
    assert index.search("199").total == 0  # 1199 and 1992 are in the text
    assert index.search("1199").total >= 1


def _expected(report: Report, predicate) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.id for m in report.metrics if predicate(m)]


@pytest.mark.parametrize(
    ("query", "predicate"),
    [
        (">=90%", lambda m: m.unit == "%" and m.value >= 90),
        (">10000", lambda m: m.value > 10000),
        ("<10", lambda m: m.value < 10),
        ("<=10", lambda m: m.value <= 10),
        ("100..1000", lambda m: 100 <= m.value <= 1000),
        ("unit:人", lambda m: m.unit == "人"),
        ("unit:人 unit:名", lambda m: m.unit in ("人", "名")),
        (">1万人", lambda m: m.unit == "人" and m.value > 10000),
        ("unit:% <90", lambda m: m.unit == "%" and m.value < 90),
        ("=100", lambda m: m.value == 100),
    ],
)
def test_comparisons_ranges_and_units_return_exactly_the_matching_metrics(
    any_report, query: str, predicate
) -> None:  # type: ignore[no-untyped-def]
    report, index = any_report
    expected = _expected(report, predicate)
    result = index.search(query)
    assert [hit.metric_id for hit in result.hits] == expected  # reading order
    assert result.total == len(expected)
    assert all(hit.kind == "metric" for hit in result.hits)
    for hit in result.hits:
        assert hit.text == report.metric(hit.metric_id).quote


def test_bundled_has_metrics_at_or_above_90_percent(bundled) -> None:
    report, index = bundled
    result = index.search(">=90%")
    assert result.total == len([m for m in report.metrics if m.unit == "%" and m.value >= 90]) > 0


@pytest.mark.parametrize("word", ["党员", "覆盖率", "学习"])
def test_words_with_a_comparison(any_report, word: str) -> None:
    """A metric matches when its value passes and the word is in its label, quote, unit
    or the title of its section or of an ancestor section."""
    report, index = any_report

    def ok(m) -> bool:  # type: ignore[no-untyped-def]
        return m.value > 50 and (
            word in m.label
            or word in m.quote
            or word in m.unit
            or any(word in t for t in m.breadcrumb)
        )

    expected = _expected(report, ok)
    assert [hit.metric_id for hit in index.search(f"{word} >50").hits] == expected


# -- limits, counts, highlights, snippets ----------------------------------------------------


@pytest.mark.parametrize("query", ["党员", "djyl", "党员 培训", "1.7万", ">10", "发展", "dj"])
@pytest.mark.parametrize("limit", [0, 1, 3, 10])
def test_limit_keeps_total_and_gives_the_top_hits(any_report, query: str, limit: int) -> None:
    _, index = any_report
    everything = index.search(query)
    limited = index.search(query, limit=limit)
    assert limited.total == everything.total
    assert limited.hits == everything.hits[:limit]
    assert sum(limited.section_counts().values()) == everything.total


def test_section_counts_follow_reading_order(bundled) -> None:
    report, index = bundled
    counts = index.section_counts("党员")
    order = [report.section(section_id).order for section_id in counts]
    assert order == sorted(order) and all(count > 0 for count in counts.values())


@pytest.mark.parametrize("word", ["党员", "乡村振兴", "发展"])
def test_highlights_cover_every_occurrence_in_a_section(bundled, word: str) -> None:
    report, index = bundled
    for section_id in index.section_counts(word):
        section = report.section(section_id)
        marks = index.highlights(word, section_id)
        for i, paragraph in enumerate(section.paragraphs):
            starts = [j for j in range(len(paragraph)) if paragraph.startswith(word, j)]
            assert [s for s, _ in marks.paragraphs.get(i, ())] == starts
            assert all(paragraph[s:e] == word for s, e in marks.paragraphs.get(i, ()))
        assert bool(marks.title) == (word in section.title)


def test_highlights_for_numbers_and_filters_mark_the_quotes(bundled) -> None:
    report, index = bundled
    metric = next(m for m in report.metrics if m.value == 17000)
    for query in ("1.7万", "17000", ">10000"):
        marks = index.highlights(query, metric.section_id)
        spans = marks.paragraphs[metric.paragraph_index]
        assert (metric.quote_start, metric.quote_end) in spans or any(
            s <= metric.quote_start and metric.quote_end <= e for s, e in spans
        )


def test_highlights_of_unknown_section_or_empty_query_are_empty(bundled) -> None:
    _, index = bundled
    assert not index.highlights("党员", "no-such-section")
    assert not index.highlights("", "lead")


def test_snippet_is_a_window_around_the_first_match(bundled) -> None:
    _, index = bundled
    for hit in index.search("调解").hits + index.search("djyl").hits:
        assert len(hit.snippet) <= 62
        for (s, e), (ss, se) in zip(hit.spans, hit.snippet_spans, strict=False):
            assert hit.snippet[ss:se] == hit.text[s:e]
        if len(hit.text) > 60:
            assert "…" in hit.snippet
    wide, spans = hit.make_snippet(200)
    assert wide.replace("…", "") in hit.text.replace("\n", " ")
    assert [wide[s:e] for s, e in spans] == [hit.text[s:e] for s, e in hit.spans][: len(spans)]


# -- never raises ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        ">",
        ">>",
        ">abc",
        "unit:",
        '"',
        '""',
        "..",
        "~",
        "(",
        "[",
        "*",
        "\\",
        "a..b",
        "'''",
    ],
)
def test_odd_queries_never_raise(any_report, query: str) -> None:
    _, index = any_report
    result = index.search(query)
    assert result.understood and result.understood_zh
    assert result.total == len(index.search(query).hits)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('党员建引领djyl 0123456789.%><=万~"unit:人，ＡＢ')),
        max_size=20,
    )
)
def test_search_never_raises(query: str) -> None:
    if "small" not in _INDEX:
        _INDEX["small"] = SearchIndex.build(load_report(FIXTURE))
    index = _INDEX["small"]
    result = index.search(query, limit=5)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        for s, e in hit.spans:
            assert 0 <= s < e <= len(hit.text)


_INDEX: dict[str, SearchIndex] = {}
