"""The query language: what each kind of token means, and that nothing makes it raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.search import parse_query
from partybuild_tui.search.folding import fold, fold_table, fold_with_map, to_original
from partybuild_tui.search.query import parse_number


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("17000", 17000, False),
        ("17,000", 17000, False),
        ("1.7万", 17000, False),
        ("1.7w", 17000, False),
        ("2亿", 200_000_000, False),
        ("3千", 3000, False),
        ("99.3%", 99.3, True),
        (".5", 0.5, False),
        ("-4", -4, False),
    ],
)
def test_numbers_in_every_writing(text: str, value: float, percent: bool) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.value == pytest.approx(value)
    assert number.percent is percent


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "万", "17000人", "%"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("query", "terms", "filters", "units"),
    [
        ("党员", ["党员"], 0, []),
        ("党员 培训", ["党员", "培训"], 0, []),
        ('"乡村 振兴"', ["乡村 振兴"], 0, []),
        ("“党建引领”", ["党建引领"], 0, []),
        ("djyl", ["djyl"], 0, []),
        ("17000", ["17000"], 0, []),
        (">10000", [], 1, []),
        ("> 10000", [], 1, []),
        (">=90%", [], 1, []),
        ("≥90%", [], 1, []),
        ("100..1000", [], 1, []),
        ("100~1000", [], 1, []),
        ("unit:人", [], 0, ["人"]),
        ("单位：人", [], 0, ["人"]),
        ("党员 >10000", ["党员"], 1, []),
        ("ＡＢＣ", ["abc"], 0, []),
    ],
)
def test_tokens_become_terms_filters_and_units(
    query: str, terms: list[str], filters: int, units: list[str]
) -> None:
    parsed = parse_query(query)
    assert [t.text for t in parsed.terms] == terms
    assert len(parsed.filters) == filters
    assert list(parsed.units) == units
    assert not parsed.ignored


@pytest.mark.parametrize(
    ("query", "accepted"),
    [
        (">=90%", [(90, True), (89.9, False), (100, True)]),
        (">10000", [(10000, False), (10001, True)]),
        ("<10", [(9.99, True), (10, False)]),
        ("<=10", [(10, True), (10.01, False)]),
        ("100..1000", [(99, False), (100, True), (1000, True), (1001, False)]),
        ("1000..100", [(500, True)]),
        ("..100", [(-5, True), (101, False)]),
        ("1万..", [(9999, False), (10000, True)]),
    ],
)
def test_value_filters(query: str, accepted: list[tuple[float, bool]]) -> None:
    (value_filter,) = parse_query(query).filters
    for value, expected in accepted:
        assert value_filter.accepts(value) is expected, value


def test_percent_and_trailing_unit_restrict_the_unit() -> None:
    assert parse_query(">=90%").filters[0].percent
    assert parse_query(">1万人").filters[0].unit == "人"
    assert parse_query("90%").terms[0].number.percent


@pytest.mark.parametrize("query", ["", "   ", "\u3000", "\t\n"])
def test_empty_query_says_so(query: str) -> None:
    parsed = parse_query(query)
    assert parsed.is_empty
    assert "empty" in parsed.understood
    assert "空" in parsed.understood_zh


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        (">", ">"),
        (">>", ">>"),
        (">abc", ">abc"),
        ("unit:", "unit:"),
        ("1..x", "1..x"),
        ('""', '""'),
    ],
)
def test_unparsable_parts_are_ignored_and_named(query: str, ignored: str) -> None:
    parsed = parse_query(query)
    assert [token for token, _, _ in parsed.ignored] == [ignored]
    assert "ignored" in parsed.understood and ignored in parsed.understood
    assert "忽略" in parsed.understood_zh


def test_understood_names_words_and_conditions_in_both_languages() -> None:
    parsed = parse_query("党员 >10000")
    assert "“党员”" in parsed.understood and "> 10000" in parsed.understood
    assert "“党员”" in parsed.understood_zh and "> 10000" in parsed.understood_zh


@pytest.mark.parametrize(
    ("left", "right"),
    [("ＡＢＣ", "abc"), ("，", ","), ("Ｄｊｙｌ", "djyl"), ("（党）", "(党)"), ("\u3000", " ")],
)
def test_full_width_and_case_fold_equal(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_position_map_for_expanding_characters() -> None:
    text = "面积1200㎡,第⑩批"
    folded, positions = fold_with_map(text, fold_table(text))
    assert folded == "面积1200m2,第10批"
    start = folded.index("m2")
    assert to_original((start, start + 2), positions) == (6, 7)
    start = folded.index("第10批")
    original = to_original((start, start + 4), positions)
    assert text[original[0] : original[1]] == "第⑩批"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    parsed = parse_query(text)
    assert isinstance(parsed.understood, str) and parsed.understood
    assert isinstance(parsed.understood_zh, str) and parsed.understood_zh
