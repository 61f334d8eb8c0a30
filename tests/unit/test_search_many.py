"""Search across reports (``search_many``): one parse, per-report results, a page of
hits in all, every report's count (issue 15, item 3: the engine part)."""

from __future__ import annotations

import dataclasses

import pytest
from tests.library_support import first_section_only

from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.search import SearchIndex, parse_query, search_many


@pytest.fixture(scope="module")
def library() -> list[tuple[str, SearchIndex]]:
    """Three reports: the bundled one, a copy under another id, and one with a single
    section (so some queries find nothing in it)."""
    report = load_report(bundled_report_path())
    copy = dataclasses.replace(report, meta=dataclasses.replace(report.meta, id="copy"))
    small = first_section_only(report)
    return [(r.meta.id, SearchIndex.build(r)) for r in (report, copy, small)]


@pytest.mark.parametrize("query", ["党员", "djyl", "党员 培训", ">=90%", "1.7万", "unit:人"])
def test_each_report_answers_as_its_own_search(library, query: str) -> None:  # type: ignore[no-untyped-def]
    found = dict(search_many(library, query, limit_per_report=5, limit=None))
    for report_id, index in library:
        alone = index.search(query, limit=5)
        if alone.total == 0:
            assert report_id not in found
            continue
        result = found[report_id]
        assert result.total == alone.total
        assert [(h.section_id, h.kind, h.spans) for h in result.hits] == [
            (h.section_id, h.kind, h.spans) for h in alone.hits
        ]
    assert list(found) == [rid for rid, _ in library if rid in found]  # order kept


def test_the_page_caps_hits_across_reports_and_keeps_every_count(library) -> None:  # type: ignore[no-untyped-def]
    found = search_many(library, "党", limit_per_report=20, limit=25)
    first = min(20, found[0][1].total)
    assert [len(r.hits) for _, r in found][:2] == [first, min(20, 25 - first)]
    assert sum(len(r.hits) for _, r in found) == 25
    for report_id, result in found:
        index = dict(library)[report_id]
        assert result.total == index.search("党", limit=0).total > 0


def test_the_query_is_parsed_once_and_passed_along(library) -> None:  # type: ignore[no-untyped-def]
    query = parse_query("党员 >10000")
    for _, result in search_many(library, query):
        assert result.query is query


@pytest.mark.parametrize("query", ["", "   ", ">abc", "unit:"])
def test_an_empty_or_unusable_query_finds_nothing(library, query: str) -> None:  # type: ignore[no-untyped-def]
    assert search_many(library, query) == []
