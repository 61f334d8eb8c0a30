"""The compare table on a library of two regions over three years: every number exact."""

from __future__ import annotations

import pytest
from tests.compare_library import comparison

from partybuild_tui.compare.cells import change_text
from partybuild_tui.export.values import value_with_unit


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
    assert value_with_unit(cells["jc-2024"].figure.metric) == "over 103000名"


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


def _naive_previous(figure, firsts):
    """The reference for a cell's previous figure: the same region's report in the nearest
    earlier period of the same length with this indicator, a report of the same kind first."""
    key = figure.column.period_key
    if key.position is None:
        return None
    earlier = [
        f
        for f in firsts
        if f.column.region_key == figure.column.region_key
        and f.column.period_key.months == key.months
        and f.column.period_key.position is not None
        and f.column.period_key.position < key.position
    ]
    if not earlier:
        return None
    nearest = max(f.column.period_key.position for f in earlier)
    at = [f for f in earlier if f.column.period_key.position == nearest]
    return next((f for f in at if f.column.kind == figure.column.kind), at[0])


def test_changes_match_a_naive_reference_on_a_random_library():
    """Regions with gaps, years, halves, quarters, months, unreadable periods, two kinds and
    two results in one report: each cell's previous figure is the reference's."""
    import random

    from partybuild_tui.compare.figures import Figure, column_order, make_columns
    from partybuild_tui.compare.table import build_table
    from partybuild_tui.model import Metric

    rng = random.Random(7)
    periods = ["2021", "2022", "2024", "2025", "2024-H1", "2024H2", "2025-H1", "2024Q4"]
    periods += ["2025-Q1", "2025-03", "2025-04", "2023-12", "去年", None]

    class Meta:
        def __init__(self, n: int) -> None:
            self.id = f"r{n}"
            self.title = self.id
            self.period = rng.choice(periods)
            self.region = rng.choice(["甲", "乙", "丙", None])
            self.region_code = None
            self.kind = rng.choice([None, "review", "plan"])

    class FakeReport:
        def __init__(self, n: int) -> None:
            self.meta = Meta(n)

    columns = make_columns([(FakeReport(n), None) for n in range(400)])  # type: ignore[misc]
    columns.sort(key=column_order)
    figures = []
    for column in columns:
        for k in range(rng.choice([0, 1, 1, 1, 2])):
            metric = Metric(
                id=f"m{k}", label="学习", value=rng.randint(1, 99), unit="次",
                qualifier="exact", quote="x", section_id="s", paragraph_index=0,
                quote_start=0, indicator="study",
            )  # fmt: skip
            figures.append(Figure(column, metric, "study"))
    rng.shuffle(figures)
    row = build_table(columns, figures, indicators=["study"]).rows[0]
    order = {c.report_id: n for n, c in enumerate(columns)}
    firsts: dict[str, Figure] = {}
    for figure in sorted(figures, key=lambda f: order[f.column.report_id]):
        firsts.setdefault(figure.column.report_id, figure)
    assert list(row.cells) == list(firsts)  # column order, a report's first figure
    assert row.ignored == len(figures) - len(firsts)
    checked = 0
    for report_id, cell in row.cells.items():
        assert cell.figure is firsts[report_id]
        assert cell.previous is _naive_previous(cell.figure, list(firsts.values()))
        checked += cell.previous is not None
    assert checked > 50  # the library has neighbours to compare with


def test_each_indicator_s_comparison_is_worked_out_once_for_the_view():
    """``prepare_comparisons`` (the library screen's thread) works out every indicator's
    comparison; ``c`` then gets that very object, equal to one worked out afresh."""
    from tests.compare_library import LIBRARY

    from partybuild_tui.compare import compare_library, compare_reports
    from partybuild_tui.compare.build import figure_index, prepare_comparisons
    from partybuild_tui.library import open_library

    library = open_library([LIBRARY], use_cache=False)
    prepare_comparisons(library)
    index = figure_index(library)
    assert set(index.each) == set(index.by_indicator) and len(index.each) >= 4
    for name, kept in index.each.items():
        assert compare_library(library, indicators=[name]) is kept
        fresh = compare_reports(
            [(e.report, e.path) for e in library.entries if e.report is not None],
            library.registry,
            indicators=[name],
        )
        assert kept.table == fresh.table


def test_a_c_during_the_index_build_waits_for_it_instead_of_building_another(monkeypatch):
    """Two threads asking for the figure index at once: one build, both get it."""
    import threading

    from tests.compare_library import LIBRARY

    from partybuild_tui.compare import build
    from partybuild_tui.library import open_library

    library = open_library([LIBRARY], use_cache=False)
    builds: list[int] = []
    started, release = threading.Event(), threading.Event()
    collect = build.collect_figures

    def slow_collect(*args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(1)
        started.set()
        release.wait(5)
        return collect(*args, **kwargs)

    monkeypatch.setattr(build, "collect_figures", slow_collect)
    got: list[object] = []
    first = threading.Thread(target=lambda: got.append(build.figure_index(library)))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=lambda: got.append(build.figure_index(library)))
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert len(builds) == 1 and len(got) == 2 and got[0] is got[1]
