"""``in:ID`` (issue 13, habits: search only the current section): the hits, counts and
metric filter of a scoped query are exactly the whole report's ones under that section."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from partybuild_tui.model import Report, bundled_report_path, load_report
from partybuild_tui.search import SearchIndex, parse_query

QUERIES = ["党员", "党员 培训", "djyl", ">1000", "unit:次", "17000", '"党建 引领"', "an"]


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(bundled_report_path())


@pytest.fixture(scope="module")
def index(report: Report) -> SearchIndex:
    return SearchIndex.build(report)


def _under(report: Report, section_id: str, root: str) -> bool:
    return root in report.section(section_id).id_path


@pytest.mark.parametrize("query", QUERIES)
def test_a_scoped_search_is_the_whole_search_under_the_section(
    report: Report, index: SearchIndex, query: str
) -> None:
    for root in [*report.sections, report.sections[1].children[1]]:
        whole = index.search(query)
        expected = [h for h in whole.hits if _under(report, h.section_id, root.id)]
        scoped = index.search(f"in:{root.id} {query}")
        assert list(scoped.hits) == expected, (root.id, query)
        assert scoped.total == len(expected)
        counts = {k: v for k, v in whole.section_counts().items() if _under(report, k, root.id)}
        assert scoped.section_counts() == counts
        limited = index.search(f"in:{root.id} {query}", limit=2)
        assert list(limited.hits) == expected[:2] and limited.total == len(expected)


def test_the_summary_names_the_section_and_says_the_search_is_limited(
    report: Report, index: SearchIndex
) -> None:
    section = report.sections[1]
    result = index.search(f"章节：{section.id} 党员")  # the Chinese prefix, full-width colon
    assert f"only in “{section.title}” and its sub-topics" in result.understood
    assert f"仅限“{section.title}”及其子部分" in result.understood_zh


def test_an_unknown_section_finds_nothing_and_says_why(index: SearchIndex) -> None:
    result = index.search("in:no-such-section 党员")
    assert result.total == 0 and not result.hits
    assert "ignored “in:no-such-section” (no such section)" in result.understood
    assert "no section id after in:" in parse_query("in: 党员").understood


def test_the_metric_filter_keeps_the_whole_reports_positions(
    report: Report, index: SearchIndex
) -> None:
    for root in (report.sections[1], report.sections[2].children[0], report.sections[-1]):
        whole = index.matching_metrics("unit:次")
        expected = [p for p in whole if _under(report, report.metrics[p].section_id, root.id)]
        assert index.matching_metrics(f"in:{root.id} unit:次") == expected
    both = f"in:{report.sections[1].id} in:{report.sections[2].id} >100"
    expected = [
        p
        for p in index.matching_metrics(">100")
        if report.section(report.metrics[p].section_id).id_path[0]
        in (report.sections[1].id, report.sections[2].id)
    ]
    assert index.matching_metrics(both) == expected


def test_the_command_line_understands_in(report: Report) -> None:
    section = report.sections[1]
    run = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "search", f"in:{section.id} 党员", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    inside = {s.id for s in section.walk()}
    assert data["hits"] and all(h["section_id"] in inside for h in data["hits"])
    assert "only in" in data["understood"]
