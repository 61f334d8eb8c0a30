"""The compare table on a library of two regions over three years: every number exact."""

from __future__ import annotations

import pytest
from tests.compare_library import comparison

from partybuild_tui.compare.cells import change_text, value_text


@pytest.fixture(scope="module")
def table():
    return comparison().table


def _cells(table, indicator):
    row = next(r for r in table.rows if r.indicator == indicator)
    return row, {c.report_id: row.cell(c) for c in table.columns if row.cell(c)}


def test_columns_run_in_period_order_then_region(table):
    assert [c.report_id for c in table.columns] == [
        "jc-2023",
        "jc-2024",
        "yc-2024",
        "jc-2025",
        "yc-2025",
    ]
    assert [c.heading for c in table.columns][:3] == ["2023 晋城市", "2024 晋城市", "2024 阳城县"]


def test_rows_follow_the_registry_and_join_by_indicator_not_metric_id(table):
    assert [r.indicator for r in table.rows] == [
        "party-members",
        "study-sessions",
        "satisfaction-rate",
        "petition-cases",
    ]
    row, cells = _cells(table, "study-sessions")
    # Three different metric ids in 晋城市 (study, xuexi, m2): one row, joined by indicator.
    assert {cells[r].figure.metric.id for r in ("jc-2023", "jc-2024", "jc-2025")} == {
        "study",
        "xuexi",
        "m2",
    }
    assert row.label == "“第一议题”学习"  # the registry's label


def test_changes_are_exact_and_per_region(table):
    _, cells = _cells(table, "study-sessions")
    assert cells["jc-2023"].change is None
    change = cells["jc-2024"].change
    assert (change.since.report_id, change.absolute, change.relative) == ("jc-2023", 5, 16.7)
    change = cells["jc-2025"].change
    assert (change.since.report_id, change.absolute, change.relative) == ("jc-2024", 3, 8.6)
    change = cells["yc-2025"].change
    assert (change.since.report_id, change.absolute, change.relative) == ("yc-2024", 0, 0)
    assert cells["yc-2024"].change is None  # 阳城县 has no 2023 report: not against 晋城市
    assert change_text(cells["jc-2024"].change) == "+5次 (+16.7%)"
    assert change_text(cells["yc-2025"].change) == "±0 (±0%)"


def test_percent_figures_change_in_points_without_float_noise(table):
    _, cells = _cells(table, "satisfaction-rate")
    one, two, three = (cells[r].change for r in ("jc-2024", "jc-2025", "yc-2025"))
    assert (one.absolute, one.points, one.relative) == (1.9, True, None)  # 97.4 - 95.5
    assert two.absolute == 0.7  # 98.1 - 97.4, not 0.6999999999999886
    assert three.absolute == -1.7  # 94.3 - 96
    assert [change_text(c) for c in (one, two, three)] == ["+1.9 pp", "+0.7 pp", "-1.7 pp"]


def test_a_change_from_a_qualified_figure_is_marked_approximate(table):
    _, cells = _cells(table, "party-members")
    first, second = cells["jc-2024"].change, cells["jc-2025"].change
    assert (first.absolute, first.relative, first.approximate) == (3000, 3.0, True)
    assert (second.absolute, second.relative, second.approximate) == (1500, 1.5, True)  # 1.456…
    assert change_text(first) == "~+3000名 (+3%)"
    assert value_text(cells["jc-2024"].figure.metric) == "over 103000名"


def test_a_unit_clash_is_flagged_and_never_computed(table):
    row, cells = _cells(table, "party-members")
    assert row.unit == "名" and row.unit_clash
    clash = cells["yc-2025"]
    assert clash.unit_clash and clash.change.unit_clash and clash.change.absolute is None
    assert change_text(clash.change) == "unit clash"
    assert not cells["yc-2024"].unit_clash


def test_targets_are_not_cells(table):
    _, cells = _cells(table, "study-sessions")
    assert all(c.figure.metric.role == "result" for c in cells.values())


def test_choosing_indicators_and_shared_reports():
    one = comparison(indicators=["petition-cases"]).table
    assert [r.indicator for r in one.rows] == ["petition-cases"]
    assert [c.report_id for c in one.columns] == ["yc-2024", "yc-2025"]
    shared = comparison(shared_by=["jc-2023", "yc-2025"]).table
    assert [r.indicator for r in shared.rows] == [
        "party-members",
        "study-sessions",
        "satisfaction-rate",
    ]
    assert [c.report_id for c in shared.columns] == ["jc-2023", "yc-2025"]


def test_a_library_comparison_of_chosen_indicators_is_kept():
    """``c`` on the same figure again answers from the library's figure index, without
    working the table out again; another library object (an accepted link) starts afresh."""
    from tests.compare_library import LIBRARY

    from partybuild_tui.compare import compare_library
    from partybuild_tui.library import Library, open_library

    library = open_library([LIBRARY], use_cache=False)
    first = compare_library(library, indicators=["study-sessions"])
    assert compare_library(library, indicators=["study-sessions"]) is first
    other = compare_library(library, indicators=["party-members"])
    assert other is not first and [r.indicator for r in other.table.rows] == ["party-members"]
    fresh = Library(library.root, library.entries, library.registry, library.registry_path)
    again = compare_library(fresh, indicators=["study-sessions"])
    assert again is not first and again.table == first.table
