"""Sorting, grouping and sums of the metrics view (``metric_rows``), on the bundled report
and on hand-made metrics whose right answers are obvious."""

from __future__ import annotations

import itertools

import pytest

from partybuild_tui.model import Metric, Report, bundled_report_path, load_report
from partybuild_tui.ui.i18n import count, set_language
from partybuild_tui.ui.metric_rows import (
    NOT_SUMMABLE,
    cell_text,
    group_positions,
    sort_positions,
    sum_refusal,
    text_key,
    unit_sum,
)


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(bundled_report_path())


@pytest.fixture(autouse=True)
def _english():
    set_language("en")
    yield
    set_language("en")


def _metric(value, unit="名", qualifier="exact", baseline=None, label="x") -> Metric:
    return Metric(
        id=f"m{value}",
        label=label,
        value=value,
        unit=unit,
        qualifier=qualifier,
        quote=str(value),
        section_id="s",
        paragraph_index=0,
        quote_start=0,
        baseline=baseline,
    )


def test_values_sort_as_numbers_not_text(report: Report) -> None:
    everything = range(len(report.metrics))
    order = sort_positions(report, everything, "value", descending=True)
    values = [report.metrics[p].value for p in order]
    assert values == sorted(values, reverse=True)
    shown = [cell_text(report.metrics[p], "value") for p in order]
    assert shown.index("1.7万") < shown.index("8727")
    ascending = sort_positions(report, everything, "value", descending=False)
    assert ascending == sorted(everything, key=lambda p: (report.metrics[p].value, p))


def test_ties_keep_report_order_and_blanks_go_last(report: Report) -> None:
    everything = list(range(len(report.metrics)))
    for descending in (True, False):
        order = sort_positions(report, everything, "change", descending)
        with_change = [p for p in order if report.metrics[p].change is not None]
        assert order[: len(with_change)] == with_change
        assert order[len(with_change) :] == [p for p in everything if p not in with_change]
        by_value = sort_positions(report, everything, "value", descending)
        for a, b in itertools.pairwise(by_value):
            if report.metrics[a].value == report.metrics[b].value:
                assert a < b


def test_chinese_sorts_by_pinyin() -> None:
    words = ["中心", "党员", "安全", "办结", "比例"]
    assert sorted(words, key=text_key) == ["安全", "办结", "比例", "党员", "中心"]


def test_section_sort_is_reading_order(report: Report) -> None:
    order = sort_positions(report, range(len(report.metrics)), "section", descending=False)
    assert order == list(range(len(report.metrics)))


def test_sums_only_add_one_unit_and_say_when_they_are_bounds() -> None:
    assert unit_sum([_metric(3), _metric(4)]) == "7名"
    assert unit_sum([_metric(17000, qualifier="over"), _metric(3000)]) == "≥2万名"
    assert unit_sum([_metric(10, qualifier="about"), _metric(5, qualifier="over")]) == "≈15名"
    assert unit_sum([_metric(10, qualifier="up_to")]) == "≤10名"
    assert unit_sum([_metric(0.1, "个"), _metric(0.2, "个")]) == "0.3个"


@pytest.mark.parametrize("unit", sorted(NOT_SUMMABLE))
def test_percentages_ratios_and_years_are_never_summed(unit: str) -> None:
    assert unit_sum([_metric(40, unit), _metric(50, unit)]) == ""


def test_group_by_unit_counts_every_metric_once(report: Report) -> None:
    groups = group_positions(report, range(len(report.metrics)), "unit")
    assert sorted(p for g in groups for p in g.positions) == list(range(len(report.metrics)))
    sizes = [len(g.positions) for g in groups]
    assert sizes == sorted(sizes, reverse=True)
    for group in groups:
        assert {report.metrics[p].unit for p in group.positions} == {group.key}
        assert group.summary.startswith(count(len(group.positions), "metrics"))
    percent = next(g for g in groups if g.key == "%")
    assert "no sum: percentages do not add up" in percent.summary
    # 27 metrics in 个 count grids, organisations and documents: no total of those.
    pieces = next(g for g in groups if g.key == "个")
    assert "no sum: different things are not added" in pieces.summary
    assert "sum ≥" not in pieces.summary
    # 次 holds per-person rows (年轻干部列席专题学习会(每人) 1次): never added.
    times = next(g for g in groups if g.key == "次")
    assert "no sum" in times.summary and "sum ≥" not in times.summary


def test_sums_only_figures_of_one_kind() -> None:
    same = [_metric(3, label="培训党员"), _metric(4, label="培训党员(第二期)")]
    assert unit_sum(same) == "7名"
    assert unit_sum([_metric(3, label="培训党员"), _metric(4, label="村干部")]) == ""
    per_person = [_metric(1, "次", label="列席学习会(每人)"), _metric(2, "次", label="列席学习会")]
    assert sum_refusal(per_person) == "per-person values do not add up"
    assert unit_sum(per_person) == ""
    assert sum_refusal([_metric(3, label="村均储备后备力量")]) is not None


def test_group_by_section_sums_per_unit(report: Report) -> None:
    groups = group_positions(report, range(len(report.metrics)), "section")
    assert [g.key for g in groups] == [s.id for s in report.ordered if s.metrics]
    mixed = next(
        g
        for g in groups
        if len({report.metrics[p].unit for p in g.positions}) > 2
        and any(report.metrics[p].unit == "%" for p in g.positions)
    )
    assert "not added:" in mixed.summary and "%" in mixed.summary.split("not added:")[1]
