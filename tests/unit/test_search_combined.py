"""One scan across a library (``search.combined``) against asking each report
(``search_many``): the same reports, counts, hits, spans and order, for every query
kind of ``bench/search_bench.py`` and for random queries, on a library of generated
reports, copies, a report with a pinyin table of its own and one with almost
nothing in it (issue 15: the cross-report query)."""

from __future__ import annotations

import dataclasses
import random
from types import ModuleType

import pytest
from tests.library_support import first_section_only, make_library

from partybuild_tui.library import open_library
from partybuild_tui.library import search as library_search
from partybuild_tui.library.search import LibraryIndex
from partybuild_tui.model import Report, bundled_report_path, load_report, load_text
from partybuild_tui.search import SearchIndex, parse_query, search_many
from partybuild_tui.search import codes as code_tables
from partybuild_tui.search.combined import Combined, Share
from partybuild_tui.search.pinyin import readings_of

BENCH_QUERIES = [
    "乡村振兴",
    "党员",
    "党员 培训",
    '"党建引领"',
    "dangjianyinling",
    "djyl",
    "dangjyl",
    "zhengzhi",
    "1.7万",
    "17000",
    ">=90%",
    "100..1000",
    "unit:人",
    "党员 >10000",
    "党 " * 500,
]
"""The kinds of ``bench/search_bench.py`` (``QUERIES``)."""
PAGES = [(20, 100), (3, 10), (None, None), (5, 0), (-1, 7)]
"""(hits per report, hits in all): the library screen's page, a small one, none, counts
only, and a negative cap (none)."""


@pytest.fixture(scope="module")
def library(bench_generate: ModuleType) -> LibraryIndex:
    bundled = load_report(bundled_report_path())
    copy = dataclasses.replace(bundled, meta=dataclasses.replace(bundled.meta, id="copy"))
    generated = [
        load_text(bench_generate.generate_text(12, 3, seed=seed), f"g{seed}.yaml")
        for seed in range(4)
    ]
    reports = [generated[0], bundled, first_section_only(bundled), *generated[1:3], copy]
    indexes = [SearchIndex.build(report) for report in reports]
    with pytest.MonkeyPatch.context() as patch:  # as a report over 1 M characters
        patch.setattr(code_tables, "SHARED_BELOW", 0)
        own = SearchIndex.build(generated[3])
    assert own.pinyin_table is not code_tables.shared_table()
    reports.append(generated[3])
    indexes.append(own)
    return LibraryIndex(reports, indexes, Combined.build([index.corpus for index in indexes]))


def each_report(
    library: LibraryIndex, query: str, per: int | None, limit: int | None
) -> list[Share]:
    keys = [(str(position), index) for position, index in enumerate(library.indexes)]
    found = search_many(keys, query, limit_per_report=per, limit=limit)
    return [(int(key), result.total, result.hits) for key, result in found]


def assert_same(library: LibraryIndex, query: str) -> int:
    """The combined index answers as each report does; how many reports have hits."""
    parsed = parse_query(query)
    assert library.combined is not None
    for per, limit in PAGES:
        expected = each_report(library, query, per, limit)
        found = library.combined.search(parsed, per, limit)
        assert found is not None
        assert found == expected, (query, per, limit)  # hits compare every field
    totals = [0] * len(library.indexes)
    for position, total, _ in each_report(library, query, 0, 0):
        totals[position] = total
    assert library.combined.totals(parsed) == totals
    return sum(1 for total in totals if total)


@pytest.mark.parametrize("query", BENCH_QUERIES, ids=lambda q: q[:20])
def test_every_bench_query_kind_answers_as_each_report(library: LibraryIndex, query: str) -> None:
    assert assert_same(library, query) >= 2


def random_queries(reports: list[Report], seed: int, count: int) -> list[str]:
    """Words cut from the reports' text, pinyin of their hanzi (whole, initials, mixed),
    metric values, comparisons, ranges, units, and several of these at once."""
    rng = random.Random(seed)
    texts = [p for r in reports for s in r.ordered for p in (s.title, *s.paragraphs) if p]
    metrics = [m for r in reports for m in r.metrics]

    def word() -> str:
        text = rng.choice(texts)
        start = rng.randrange(len(text))
        return text[start : start + rng.randint(1, 4)].strip() or "党"

    def letters() -> str:
        hanzi = [c for c in word() if readings_of(c)] or ["党"]
        spelled = [rng.choice(readings_of(c)) for c in hanzi]
        shape = rng.choice(["whole", "initials", "mixed"])
        if shape == "initials":
            return "".join(s[0] for s in spelled)
        if shape == "mixed":
            return "".join(s if i % 2 == 0 else s[0] for i, s in enumerate(spelled))
        return "".join(spelled)

    def value() -> str:
        metric = rng.choice(metrics)
        return f"{metric.value:g}"

    def filter_() -> str:
        metric = rng.choice(metrics)
        choice = rng.randrange(3)
        if choice == 0:
            return f"{rng.choice(['>', '>=', '<', '<='])}{metric.value:g}"
        if choice == 1:
            return f"{metric.value:g}..{metric.value * 3 + 1:g}"
        return f"unit:{metric.unit}" if metric.unit.strip() else "unit:%"

    makers = [word, word, letters, value, filter_]
    queries = []
    for _ in range(count):
        parts = [rng.choice(makers)() for _ in range(rng.choice([1, 1, 2, 3]))]
        queries.append(" ".join(parts))
    return queries


def test_random_queries_answer_as_each_report(library: LibraryIndex) -> None:
    queries = random_queries(list(library.reports), seed=15, count=80)
    spread = [assert_same(library, query) for query in queries]
    assert sum(1 for reports in spread if reports >= 2) >= len(queries) // 3  # not vacuous


def test_a_generated_library_answers_as_each_report(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The benchmark's own kind of library (``bench/library_generate.py``: the bundled
    report under other regions and periods, some with indicator keys)."""
    folder = tmp_path_factory.mktemp("library")
    make_library(folder, 6)
    library = open_library([folder])
    index = LibraryIndex.build(library.reports)
    assert index.combined is not None and len(index.reports) == 6
    for query in BENCH_QUERIES + random_queries(list(index.reports), seed=6, count=20):
        assert_same(index, query)


def test_in_a_section_each_report_answers(library: LibraryIndex) -> None:
    section = library.reports[1].ordered[1].id
    query = f"in:{section} 党员"
    assert library.combined is not None
    assert library.combined.search(parse_query(query)) is None
    result = library.search(query)
    groups = [(g.position, g.total, g.hits) for g in result.groups]
    assert groups == each_report(library, query, 20, 100)
    assert result.total > 0


def test_the_library_index_searches_the_combined_one(library: LibraryIndex) -> None:
    built = LibraryIndex.build(list(library.reports[:3]))
    assert built.combined is not None
    result = built.search("党员 培训")
    groups = [(g.position, g.total, g.hits) for g in result.groups]
    assert groups == each_report(built, "党员 培训", 20, 100)
    assert LibraryIndex.build(list(library.reports[:3]), combined=False).combined is None


def test_past_the_size_cap_each_report_is_asked(
    library: LibraryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_search, "COMBINED_MAX", 1000)  # characters
    built = LibraryIndex.build(list(library.reports[:3]))
    assert built.combined is None
    result = built.search("党员 培训")
    groups = [(g.position, g.total, g.hits) for g in result.groups]
    assert groups == each_report(built, "党员 培训", 20, 100) != []
