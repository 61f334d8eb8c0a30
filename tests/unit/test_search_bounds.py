"""A query's bounds (issue 18, item 5): a repeated word costs nothing, and what a
query loses to its bounds is said in its summary (and the CLI's), never silently."""

from __future__ import annotations

import time

import pytest

from partybuild_tui.cli import main
from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.search import MAX_QUERY, MAX_WORDS, SearchIndex, parse_query


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(load_report(bundled_report_path()))


@pytest.mark.parametrize(
    ("query", "once"),
    [
        ("党 " * 500, "党"),
        ("党员 培训 党员 培训 党员", "党员 培训"),
        ('"党建引领" “党建引领”', '"党建引领"'),
        ("djyl djyl DJYL ｄｊｙｌ", "djyl"),
        (">=90% ≥90% >= 90%", ">=90%"),
        ("unit:人 unit:人 单位:人", "unit:人"),
        ("17000 17000 17000", "17000"),
    ],
)
def test_a_repeated_word_counts_once(index: SearchIndex, query: str, once: str) -> None:
    parsed, single = parse_query(query), parse_query(once)
    assert (len(parsed.terms), len(parsed.filters), len(parsed.units)) == (
        len(single.terms),
        len(single.filters),
        len(single.units),
    )
    assert not parsed.ignored
    many, one = index.search(parsed), index.search(single)
    assert many.total == one.total
    assert [(h.section_id, h.kind, h.spans) for h in many.hits] == [
        (h.section_id, h.kind, h.spans) for h in one.hits
    ]


def test_a_word_repeated_500_times_costs_what_it_costs_once(index: SearchIndex) -> None:
    """On the 37 MB report this query took 28 s per keystroke (``bench/search_bench.py``
    times it there); here, relatively: the search of the repeated word may not cost
    more than a few times the single one, and reading the longest query is quick."""

    def cost(query: str) -> float:
        parsed = parse_query(query)
        best = float("inf")
        for _ in range(7):
            index.clear_caches()
            start = time.perf_counter()
            index.search(parsed, limit=100)
            best = min(best, time.perf_counter() - start)
        return best

    assert cost("党 " * 500) < 3 * cost("党") + 0.002
    start = time.perf_counter()
    parse_query("党 " * MAX_QUERY)
    assert time.perf_counter() - start < 0.1


def test_words_past_the_bound_are_ignored_and_said() -> None:
    words = [f"词{i}" for i in range(MAX_WORDS + 3)]
    parsed = parse_query(" ".join(words))
    assert [t.text for t in parsed.terms] == words[:MAX_WORDS]
    assert f"past {MAX_WORDS} words" in parsed.understood
    assert f"超过{MAX_WORDS}个词" in parsed.understood_zh
    for word in words[MAX_WORDS:]:
        assert f"“{word}”" in parsed.understood


def test_characters_past_the_bound_are_ignored_and_said() -> None:
    parsed = parse_query("党" * (MAX_QUERY + 50))
    assert [len(t.text) for t in parsed.terms] == [MAX_QUERY]
    assert f"past {MAX_QUERY} characters" in parsed.understood
    assert len(parsed.understood) < 200  # the ignored part is shown cut, not whole


def test_ignored_text_is_shown_inert() -> None:
    """An ignored part goes into the summary line: terminal controls in it are shown
    as the report's text is, never sent raw."""
    parsed = parse_query(">\x1b]52;c;SGVsbG8=\x07 " + "a" * MAX_QUERY + "\x1b[31m\u202e")
    for sentence in (parsed.understood, parsed.understood_zh):
        assert not any(c in sentence for c in "\x1b\x07\u202e")


@pytest.mark.parametrize("digits", ["1" + "0" * 400, "9" * 19, "1" * 5000])
def test_numbers_past_the_model_range_are_words_not_infinity(
    index: SearchIndex, digits: str
) -> None:
    parsed = parse_query(digits)
    assert parsed.terms[0].number is None  # a word: no metric "equals" it
    assert index.search(parsed).total == 0
    assert parse_query(">" + digits).filters == ()


def test_the_cli_says_what_the_bound_cut(capsys: pytest.CaptureFixture[str]) -> None:
    words = " ".join(f"党{i}" for i in range(MAX_WORDS + 1))
    main(["search", words, str(bundled_report_path())])
    err = capsys.readouterr().err
    assert f"past {MAX_WORDS} words" in err and f"“党{MAX_WORDS}”" in err
