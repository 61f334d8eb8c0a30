"""Suggested matches by label (text and pinyin), and accepting one: files beside the reports."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from tests.compare_library import LIBRARY

from partybuild_tui.compare import accept_suggestion, compare_reports, suggest
from partybuild_tui.compare.figures import collect_figures
from partybuild_tui.compare.links import LINKS_FILE_NAME, read_links
from partybuild_tui.compare.similarity import SUGGEST_THRESHOLD, similarity
from partybuild_tui.model import ReportError, bundled_report_path, load_report
from partybuild_tui.model.registry import load_registry


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("市委常委会“第一议题”学习", "市委常委会第一议题学习"),  # punctuation
        ("市委常委会“第一议题”学习", "“第一议题”学习"),  # the shorter inside the longer
        ("发展党员", "新发展党员"),
        ("党员总数", "党圆总数"),  # the same sound
        ("ＡＢＣ党员", "abc党员"),  # width and case
    ],
)
def test_variants_of_one_label_reach_the_threshold(a, b) -> None:
    assert similarity(a, b) >= SUGGEST_THRESHOLD


def test_no_two_different_figures_of_the_bundled_report_are_suggested() -> None:
    report = load_report(str(bundled_report_path()))
    pairs = [
        (a.label, b.label)
        for a, b in itertools.combinations(report.metrics, 2)
        if a.unit == b.unit and similarity(a.label, b.label) >= SUGGEST_THRESHOLD
    ]
    assert pairs == []


def test_labels_whose_numbers_differ_are_different_figures() -> None:
    assert similarity("集体经济收入超过50万元的村", "集体经济收入超过30万元的村") == 0


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    shutil.copytree(LIBRARY, folder)
    return folder


def _figures(folder: Path):
    reports = [
        (load_report(str(p)), p)
        for p in sorted(folder.glob("*.yaml"))
        if p.name != "indicators.yaml"
    ]
    links = read_links(folder / LINKS_FILE_NAME)
    return reports, collect_figures(reports, links)[1], links


def test_a_figure_without_indicator_gets_suggestions_never_a_join(tmp_path) -> None:
    folder = _library(tmp_path)
    report = folder / "yc-2025.yaml"
    # 发展新党员 (no indicator) becomes 党员总数 without an indicator key: similar to the registry's.
    report.write_text(
        report.read_text(encoding="utf-8").replace("发展新党员", "党员总人数"), encoding="utf-8"
    )
    reports, figures, _ = _figures(folder)
    registry = load_registry(folder / "indicators.yaml")
    loose = next(f for f in figures if f.metric.id == "e" and f.column.report_id == "yc-2025")
    assert loose.indicator is None
    found = suggest(loose, figures, registry)
    assert found and found[0].indicator.id == "party-members" and not found[0].new
    # Not joined: the table has no cell for it.
    table = compare_reports(reports, registry).table
    members = next(r for r in table.rows if r.indicator == "party-members")
    assert members.cells["yc-2025"].figure.metric.id == "a"


def test_accepting_writes_the_registry_and_the_link_file_never_the_report(tmp_path) -> None:
    folder = _library(tmp_path)
    report = folder / "yc-2025.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("发展新党员", "党员总人数"), encoding="utf-8"
    )
    before = {p.name: p.read_bytes() for p in folder.glob("*-20*.yaml")}
    _, figures, _ = _figures(folder)
    registry = load_registry(folder / "indicators.yaml")
    loose = next(f for f in figures if f.metric.id == "e" and f.column.report_id == "yc-2025")
    updated = accept_suggestion(suggest(loose, figures, registry)[0], folder, registry)
    assert {p.name: p.read_bytes() for p in folder.glob("*-20*.yaml")} == before
    assert read_links(folder / LINKS_FILE_NAME) == {("yc-2025", "e"): "party-members"}
    reread = load_registry(folder / "indicators.yaml")
    assert reread == updated
    assert reread.get("party-members").aliases == ("党员总人数",)
    assert (folder / "indicators.yaml").read_text(encoding="utf-8").startswith("# The registry")
    # Now joined, through the link, and marked as linked.
    _reports, figures, _links = _figures(folder)
    figure = next(f for f in figures if f.metric.id == "e" and f.column.report_id == "yc-2025")
    assert figure.indicator == "party-members" and figure.linked


def test_two_loose_figures_make_a_new_indicator(tmp_path) -> None:
    folder = _library(tmp_path)
    for name in ("yc-2024.yaml", "yc-2025.yaml"):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        if name == "yc-2024.yaml":
            text = text.replace("        indicator: petition-cases\n", "", 1)
        path.write_text(text, encoding="utf-8")
    path = folder / "yc-2025.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("        indicator: petition-cases\n", "", 1),
        encoding="utf-8",
    )
    _, figures, _ = _figures(folder)
    loose = next(f for f in figures if f.metric.id == "d" and f.column.report_id == "yc-2025")
    found = suggest(loose, figures, None)
    new = next(s for s in found if s.new)
    assert [f.column.report_id for f in new.others] == ["yc-2024"]
    accept_suggestion(new, folder, None)
    links = read_links(folder / LINKS_FILE_NAME)
    assert links[("yc-2025", "d")] == links[("yc-2024", "d")] == new.indicator.id
    assert load_registry(folder / "indicators.yaml").get(new.indicator.id).unit == "件"


def test_a_broken_link_file_is_one_line_with_its_position(tmp_path) -> None:
    path = tmp_path / LINKS_FILE_NAME
    path.write_text("# header\nyc-2025\tE\tparty-members\n", encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        read_links(path)
    assert str(caught.value).startswith(f"{path}:2:9: ")
