"""``SearchIndex.matching_metrics``: the metrics view's filter-as-you-type.

Expected sets are computed from the report model, never hard-coded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.model import Report, bundled_report_path, load_report
from partybuild_tui.search import SearchIndex

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search-report.yaml"


@pytest.fixture(scope="module", params=["bundled", "fixture"])
def indexed(request: pytest.FixtureRequest) -> tuple[Report, SearchIndex]:
    path = bundled_report_path() if request.param == "bundled" else FIXTURE
    report = load_report(path)
    return report, SearchIndex.build(report)


def test_empty_query_selects_every_metric(indexed) -> None:
    report, index = indexed
    assert index.matching_metrics("") == list(range(len(report.metrics)))
    assert index.matching_metrics("   ") == list(range(len(report.metrics)))


def test_unit_filter_selects_exactly_that_unit(indexed) -> None:
    report, index = indexed
    found = index.matching_metrics("unit:%")
    expected = [i for i, m in enumerate(report.metrics) if m.unit == "%"]
    assert expected, "the report has percentages"
    assert found == expected


def test_comparison_and_range(indexed) -> None:
    report, index = indexed
    assert index.matching_metrics(">10000") == [
        i for i, m in enumerate(report.metrics) if m.value > 10000
    ]
    assert index.matching_metrics("100..1000") == [
        i for i, m in enumerate(report.metrics) if 100 <= m.value <= 1000
    ]
    assert index.matching_metrics(">=90%") == [
        i for i, m in enumerate(report.metrics) if m.unit == "%" and m.value >= 90
    ]


def test_words_match_label_quote_unit_or_section_title(indexed) -> None:
    report, index = indexed
    word = "覆盖"
    found = set(index.matching_metrics(word))
    for i, metric in enumerate(report.metrics):
        titles = [report.section(sid).title for sid in report.section(metric.section_id).id_path]
        expected = any(word in text for text in (metric.label, metric.quote, metric.unit, *titles))
        assert (i in found) == expected, metric.id


def test_words_and_filters_combine(indexed) -> None:
    report, index = indexed
    found = index.matching_metrics("unit:% 覆盖率")
    assert found
    for i in found:
        metric = report.metrics[i]
        assert metric.unit == "%"
    assert set(found) <= set(index.matching_metrics("覆盖率"))


def test_nonsense_selects_nothing_and_never_raises(indexed) -> None:
    _, index = indexed
    assert index.matching_metrics("zzzzqqq-没有这个词") == []
    assert index.matching_metrics(">") is not None
