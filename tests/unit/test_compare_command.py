"""`partybuild-tui compare`: every format on the test library, read back and checked exactly."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from tests.compare_library import LIBRARY

from partybuild_tui.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["compare", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_is_a_block_per_indicator_with_exact_changes(capsys) -> None:
    code, out, err = run(capsys, str(LIBRARY), "--indicator", "satisfaction-rate")
    assert code == 0, err
    assert out.splitlines() == [
        "群众满意率  [satisfaction-rate, %]",
        "  2023 晋城市  95.5%",
        "  2024 晋城市  97.4%  +1.9 pp  vs 2023",
        "  2024 阳城县  96%",
        "  2025 晋城市  98.1%  +0.7 pp  vs 2024",
        "  2025 阳城县  94.3%  -1.7 pp  vs 2024",
    ]


def test_text_targets(capsys) -> None:
    code, out, _ = run(capsys, str(LIBRARY), "--targets", "-i", "petition-cases")
    assert code == 0
    assert out == (
        "信访案件控制目标 [petition-cases] 阳城县 2025: target at most 140件 (set in 2024), "
        "result 141件, 100.7%: not met\n"
    )


def test_json_has_columns_cells_changes_and_targets(capsys) -> None:
    code, out, _ = run(capsys, str(LIBRARY), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [c["report_id"] for c in data["columns"]] == [
        "jc-2023",
        "jc-2024",
        "yc-2024",
        "jc-2025",
        "yc-2025",
    ]
    study = next(i for i in data["indicators"] if i["indicator"] == "study-sessions")
    cells = {c["report_id"]: c for c in study["cells"]}
    assert (cells["jc-2025"]["value"], cells["jc-2025"]["change"]) == (38, 3)
    assert cells["jc-2025"]["change_percent"] == 8.6
    assert cells["jc-2025"]["quote"] == "学习38次"
    members = next(i for i in data["indicators"] if i["indicator"] == "party-members")
    assert members["unit_clash"] is True
    status = {(t["target_report_id"], t["indicator"]): t["status"] for t in data["targets"]}
    assert status[("jc-2024", "study-sessions")] == "not_met"
    assert status[("yc-2024", "party-members")] == "unit_clash"
    completion = {
        (t["target_report_id"], t["indicator"]): t["completion_percent"] for t in data["targets"]
    }
    assert completion[("jc-2023", "study-sessions")] == 109.4


def test_csv_rows_with_numbers_units_and_quotes(capsys) -> None:
    code, out, _ = run(capsys, str(LIBRARY), "--format", "csv", "-i", "satisfaction-rate")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [
        (r["report_id"], r["value"], r["unit"], r["change"], r["change_unit"]) for r in rows
    ] == [
        ("jc-2023", "95.5", "%", "", ""),
        ("jc-2024", "97.4", "%", "1.9", "pp"),
        ("yc-2024", "96", "%", "", ""),
        ("jc-2025", "98.1", "%", "0.7", "pp"),
        ("yc-2025", "94.3", "%", "-1.7", "pp"),
    ]
    assert rows[0]["quote"] == "满意率达95.5%"


def test_csv_targets(capsys) -> None:
    code, out, _ = run(capsys, str(LIBRARY), "--format", "csv", "--targets")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0 and len(rows) == 8
    first = rows[0]
    assert (first["bound"], first["target"], first["result"], first["completion_percent"]) == (
        "at_least",
        "32",
        "35",
        "109.4",
    )
    assert first["status"] == "met"


def test_markdown_is_the_matrix(capsys) -> None:
    code, out, _ = run(capsys, str(LIBRARY), "--format", "markdown", "-i", "study-sessions")
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == "| indicator | 2023 晋城市 | 2024 晋城市 | 2024 阳城县 | 2025 晋城市 | 2025 阳城县 |"
    )
    assert lines[2] == (
        "| “第一议题”学习 (study-sessions, 次) | 30次 | 35次 · +5次 (+16.7%) | 12次 "
        "| 38次 · +3次 (+8.6%) | 12次 · ±0 (±0%) |"
    )


def test_xlsx_reads_back_with_numbers_as_numbers(capsys, tmp_path: Path) -> None:
    target = tmp_path / "compare.xlsx"
    code, _, err = run(capsys, str(LIBRARY), "-o", str(target))
    assert code == 0, err
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["compare", "targets"]
    rows = list(book["compare"].iter_rows(values_only=True))
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    rate = [r for r in records if r["indicator"] == "satisfaction-rate"]
    assert [(r["report_id"], r["value"], r["unit"], r["change"]) for r in rate] == [
        ("jc-2023", 95.5, "%", None),
        ("jc-2024", 97.4, "%", 1.9),
        ("yc-2024", 96, "%", None),
        ("jc-2025", 98.1, "%", 0.7),
        ("yc-2025", 94.3, "%", -1.7),
    ]
    assert isinstance(rate[1]["value"], float) and rate[0]["quote"] == "满意率达95.5%"
    targets = list(book["targets"].iter_rows(values_only=True))
    target_records = [dict(zip(targets[0], row, strict=True)) for row in targets[1:]]
    assert [(t["completion_percent"], t["status"]) for t in target_records][:3] == [
        (109.4, "met"),
        (100.4, "met"),
        (95, "not_met"),
    ]


def test_xlsx_keeps_formula_text_as_text(capsys, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    shutil.copytree(LIBRARY, library)
    report = library / "jc-2023.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace('label: "党员总数"', 'label: "=1+1"'),
        encoding="utf-8",
    )
    target = tmp_path / "out.xlsx"
    assert run(capsys, str(library), "-o", str(target), "-i", "party-members")[0] == 0
    sheet = openpyxl.load_workbook(target)["compare"]
    labels = [row[0].value for row in sheet.iter_rows(min_row=2)]
    header = [c.value for c in sheet[1]]
    metric_labels = [
        row[header.index("metric_label")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert labels[0] == "party-members"
    assert metric_labels[0] == "=1+1"
    assert sheet.cell(row=2, column=header.index("metric_label") + 1).data_type == "s"


def test_no_path_compares_the_example_library(capsys) -> None:
    code, out, _ = run(capsys, "--format", "json", "-i", "first-topic-study-sessions")
    assert code == 0
    data = json.loads(out)
    titles = {c["report_id"]: c["title"] for c in data["columns"]}
    real = titles.pop("jincheng-2025-party-building")
    assert "示例" not in real
    assert titles and all("示例 / example" in t for t in titles.values())
    cells = data["indicators"][0]["cells"]
    assert next(c for c in cells if c["report_id"] == "jincheng-2025-party-building")["value"] == 38


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--indicator", "no-such"], "no indicator 'no-such'"),
        (["/no/such/folder"], "/no/such/folder: no such file or folder"),
        (["--format", "csv", "--bom", "-o", "/no/such/dir/x.csv"], "no such directory"),
        (["--format", "json", "--bom"], "--bom applies to --format csv only"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, args, message) -> None:
    paths = [] if args and args[0].startswith("/") else [str(LIBRARY)]
    code, _, err = run(capsys, *paths, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err


def test_a_broken_report_is_named_and_the_rest_compared(capsys, tmp_path: Path) -> None:
    library = tmp_path / "lib"
    shutil.copytree(LIBRARY, library)
    (library / "broken.yaml").write_text(
        "schema: partybuild-report/1\nreport: [\n", encoding="utf-8"
    )
    code, out, err = run(capsys, str(library), "-i", "petition-cases")
    assert code == 0
    assert "broken.yaml:" in err
    assert "2025 阳城县  141件" in out


def test_refuses_to_overwrite_without_force(capsys, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, str(LIBRARY), "-o", str(target))
    assert code == 2 and "file exists" in err
    assert target.read_text(encoding="utf-8") == "keep"
    assert run(capsys, str(LIBRARY), "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("indicator,label,")


def test_export_metrics_as_xlsx(capsys, tmp_path: Path) -> None:
    from partybuild_tui.model import bundled_report_path, load_report

    target = tmp_path / "metrics.xlsx"
    code = main(["export", "--metrics", "-o", str(target)])
    capsys.readouterr()
    assert code == 0
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    report = load_report(str(bundled_report_path()))
    header = rows[0]
    assert header[:6] == ("section_id", "section_path", "metric_id", "label", "value", "unit")
    assert [r[4] for r in rows[1:]] == [m.value for m in report.metrics]
    assert [r[9] for r in rows[1:]] == [m.quote for m in report.metrics]


def test_text_on_a_terminal_draws_the_chart_after_the_table(capsys, monkeypatch) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, str(LIBRARY), "-i", "study-sessions")
    assert code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # bold and dim stay under NO_COLOR
    bars = [line for line in plain.splitlines() if "│" in line]
    assert [line.split("│")[0].strip() for line in bars] == [
        "2023 晋城市",
        "2024 晋城市",
        "2024 阳城县",
        "2025 晋城市",
        "2025 阳城县",
    ]
    assert all("█" in line for line in bars) and bars[3].rstrip().endswith("38次")
