"""`partybuild-tui export`: formats, --section, --metrics, and safe writing with -o."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from partybuild_tui.cli import main
from partybuild_tui.export import escape_inline, load_json_report
from partybuild_tui.export.markdown import one_line
from partybuild_tui.model import bundled_report_path, load_report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"
REPORTS = [pytest.param(FIXTURE, id="fixture"), pytest.param(bundled_report_path(), id="bundled")]


def export(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", REPORTS)
def test_json_to_stdout_round_trips(capsys, path: Path) -> None:
    code, out, _ = export(capsys, str(path), "--format", "json")
    assert code == 0
    assert load_json_report(out) == load_report(path)


def test_default_report_is_the_bundled_one(capsys) -> None:
    code, out, _ = export(capsys, "--format", "json")
    assert code == 0
    assert load_json_report(out) == load_report(bundled_report_path())


@pytest.mark.parametrize("path", REPORTS)
def test_csv_to_stdout_has_every_metric(capsys, path: Path) -> None:
    code, out, _ = export(capsys, str(path), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    report = load_report(path)
    assert [r["metric_id"] for r in rows] == [m.id for m in report.metrics]
    assert [float(r["value"]) for r in rows] == [m.value for m in report.metrics]


@pytest.mark.parametrize("path", REPORTS)
def test_markdown_to_stdout_has_every_section_heading(capsys, path: Path) -> None:
    code, out, _ = export(capsys, str(path), "--format", "markdown")
    assert code == 0
    headings = [line.lstrip("#").strip() for line in out.splitlines() if line.startswith("#")]
    report = load_report(path)
    for section in report.ordered:
        assert escape_inline(one_line(section.title)) in headings


def test_section_with_and_without_children(capsys) -> None:
    report = load_report(FIXTURE)
    code, out, _ = export(capsys, str(FIXTURE), "-f", "json", "--section", "political")
    assert code == 0
    sub = load_json_report(out)
    assert [s.id for s in sub.ordered] == [s.id for s in report.section("political").walk()]
    code, out, _ = export(
        capsys, str(FIXTURE), "-f", "json", "--section", "political", "--no-children"
    )
    assert code == 0
    assert [s.id for s in load_json_report(out).ordered] == ["political"]
    code, out, _ = export(capsys, str(FIXTURE), "-f", "markdown", "-s", "discipline")
    assert out.splitlines()[2:3] == ["# 作风建设"]
    assert "## 警示教育月" in out.splitlines()
    assert "固本强基" not in out


def test_metrics_flag(capsys) -> None:
    report = load_report(FIXTURE)
    code, out, _ = export(capsys, str(FIXTURE), "-f", "json", "--metrics")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == [m.id for m in report.metrics]
    code, out, _ = export(capsys, str(FIXTURE), "-f", "json", "--metrics", "-s", "discipline")
    expected = [m.id for s in report.section("discipline").walk() for m in s.metrics]
    assert [r["id"] for r in json.loads(out)] == expected
    code, out, _ = export(capsys, str(FIXTURE), "-f", "markdown", "--metrics", "-s", "grassroots")
    assert code == 0
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(report.section("grassroots").metrics)


def test_unknown_section_suggests_close_ids(capsys) -> None:
    code, out, err = export(capsys, str(FIXTURE), "-f", "json", "--section", "dicipline")
    assert code == 2
    assert out == ""
    assert "no section 'dicipline'" in err
    assert "did you mean discipline" in err
    code, _, err = export(capsys, str(FIXTURE), "-f", "json", "--section", "作风")
    assert code == 2 and "discipline" in err  # matched by title
    code, _, err = export(capsys, str(FIXTURE), "-f", "json", "--section", "zzzzzz")
    assert code == 2 and "top-level sections: political, grassroots, outlook" in err


def test_output_file_is_written_and_not_overwritten_without_force(capsys, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, out, err = export(capsys, str(FIXTURE), "-o", str(target))  # format from .csv
    assert code == 0
    assert out == ""
    assert "wrote 8 metrics as csv to" in err
    first = target.read_bytes()
    assert first.startswith(b"section_id,")
    target.write_bytes(b"precious")
    code, _, err = export(capsys, str(FIXTURE), "-o", str(target), "--format", "json")
    assert code == 2
    assert "file exists" in err and "--force" in err
    assert target.read_bytes() == b"precious"
    code, _, _ = export(capsys, str(FIXTURE), "-o", str(target), "-f", "csv", "--force")
    assert code == 0
    assert target.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left


def test_bom_option(capsys, tmp_path: Path) -> None:
    target = tmp_path / "excel.csv"
    assert export(capsys, str(FIXTURE), "-o", str(target), "--bom")[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsection_id,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(load_report(FIXTURE).metrics)
    code, _, err = export(capsys, str(FIXTURE), "-f", "json", "--bom")
    assert code == 2 and "--bom applies to --format csv only" in err


def test_never_writes_over_the_report(capsys, tmp_path: Path) -> None:
    report = tmp_path / "report.yaml"
    report.write_bytes(FIXTURE.read_bytes())
    before = report.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(report)
    for target in (report, link, tmp_path / "." / "report.yaml"):
        code, _, err = export(capsys, str(report), "-f", "json", "-o", str(target), "--force")
        assert code == 2
        assert "report being exported" in err
    assert report.read_bytes() == before
    assert link.is_symlink()


def test_never_writes_over_the_bundled_report(capsys) -> None:
    bundled = bundled_report_path()
    before = bundled.read_bytes()
    code, _, err = export(capsys, "-f", "json", "-o", str(bundled), "--force")
    assert code == 2 and "report being exported" in err
    assert bundled.read_bytes() == before


@pytest.mark.parametrize(
    ("make_target", "message"),
    [
        (lambda d: d / "missing" / "out.json", "no such directory"),
        (lambda d: d, "is a directory"),
        (lambda d: Path(os.devnull), "not a regular file"),
    ],
)
def test_bad_destinations_are_refused(capsys, tmp_path: Path, make_target, message) -> None:
    code, _, err = export(
        capsys, str(FIXTURE), "-f", "json", "-o", str(make_target(tmp_path)), "--force"
    )
    assert code == 2
    assert message in err


def test_format_is_needed_when_it_cannot_be_guessed(capsys, tmp_path: Path) -> None:
    code, _, err = export(capsys, str(FIXTURE))
    assert code == 2 and "--format" in err
    code, _, err = export(capsys, str(FIXTURE), "-o", str(tmp_path / "out.txt"))
    assert code == 2 and "cannot tell" in err
    assert not (tmp_path / "out.txt").exists()
    code, _, _ = export(capsys, str(FIXTURE), "-o", str(tmp_path / "out.md"))
    assert code == 0 and (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# ")


def test_dash_is_stdout(capsys) -> None:
    code, out, _ = export(capsys, str(FIXTURE), "-f", "csv", "-o", "-")
    assert code == 0 and out.startswith("section_id,")


def test_no_children_needs_a_section(capsys) -> None:
    code, _, err = export(capsys, str(FIXTURE), "-f", "json", "--no-children")
    assert code == 2 and "--no-children needs --section" in err


def test_unreadable_report_is_bad_input(capsys, tmp_path: Path) -> None:
    code, out, err = export(capsys, str(tmp_path / "nope.yaml"), "-f", "json")
    assert code == 2 and out == "" and "no such file" in err
