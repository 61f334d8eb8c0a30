"""``search``, ``check`` and ``export`` on a folder of reports (a library)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from tests.library_support import make_library

from partybuild_tui.cli import main


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "lib"
    make_library(folder, 4, broken=1)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_names_the_report_of_every_hit(library: Path, capsys) -> None:
    code, out, err = run(capsys, "search", "大同", str(library), "--limit", "0")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(line.startswith("r140200-2025 [") for line in lines)
    assert any("⟪大同⟫" in line for line in lines)
    assert f"{library}/broken-0.yaml:11:16: sections[0].metrics[0].value" in err
    assert f"{len(lines)} hits in 1 of 4 reports" in err


def test_search_groups_hits_by_report_in_library_order(library: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "djyl", str(library), "--limit", "0")
    assert code == 0
    ids = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert ids == sorted(ids) and set(ids) == {
        "r140100-2025",
        "r140200-2025",
        "r140300-2025",
        "r140400-2025",
    }


def test_search_json_adds_the_report_to_each_hit(library: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "太原", str(library), "--json", "--limit", "0")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == len(data["hits"]) > 0
    assert {hit["report"] for hit in data["hits"]} == {"r140100-2025"}
    assert data["reports"] == [
        {
            "report": "r140100-2025",
            "title": "党建领航聚合力 铸魂固本启新程",
            "region": "太原市",
            "period": "2025",
            "path": str(library / "1401" / "140100" / "140100-2025.yaml"),
            "total": data["total"],
        }
    ]
    assert all("⟪" not in hit["text"] for hit in data["hits"])


def test_search_exit_codes_on_a_library(library: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "search", "没有这个词语组合", str(library))[0] == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "search", "党员", str(empty))
    assert code == 2 and "no report files (*.yaml, *.yml, *.json) in this folder" in err
    only_broken = tmp_path / "only-broken"
    only_broken.mkdir()
    shutil.copy(library / "broken-0.yaml", only_broken)
    assert run(capsys, "search", "党员", str(only_broken))[0] == 2


def test_several_files_make_a_library(library: Path, capsys) -> None:
    files = sorted(str(p) for p in library.rglob("14*.yaml"))[:2]
    code, out, _ = run(capsys, "search", "太原", *files)
    assert code == 0 and out.startswith("r140100-2025 ")


def test_check_lists_every_problem_and_exits_2(library: Path, capsys) -> None:
    copy = library / "zz" / "copy.yaml"
    copy.parent.mkdir()
    shutil.copy(next(library.rglob("140300-2025.yaml")), copy)
    code, out, err = run(capsys, "check", str(library))
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{library}/broken-0.yaml:11:16: ")
    assert lines[1].startswith(f"{copy}:")
    assert "report.id: duplicate report id 'r140300-2025'" in lines[1]
    assert "6 report files: 4 valid, 2 failed" in err


def test_check_a_clean_library_exits_0(tmp_path: Path, capsys) -> None:
    make_library(tmp_path / "clean", 3)
    code, out, _ = run(capsys, "check", str(tmp_path / "clean"))
    assert code == 0
    assert out.startswith("3 report files: 3 valid, 0 failed; 324 metrics")


def test_export_csv_puts_the_report_columns_first(library: Path, capsys) -> None:
    code, out, err = run(capsys, "export", str(library), "--metrics", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:6] == ["report_id", "region", "region_code", "period", "kind", "section_id"]
    assert len(rows) == 1 + 4 * 108
    assert {row[0] for row in rows[1:]} == {
        "r140100-2025",
        "r140200-2025",
        "r140300-2025",
        "r140400-2025",
    }
    assert rows[1][1] == "太原市" and rows[1][3] == "2025"
    assert "broken-0.yaml" in err


def test_export_json_rows_and_refusals(library: Path, tmp_path: Path, capsys) -> None:
    out_file = tmp_path / "all.json"
    code, _, err = run(capsys, "export", str(library), "--metrics", "-o", str(out_file))
    assert code == 0 and "wrote 432 metrics of 4 reports as json" in err
    rows = json.loads(out_file.read_text(encoding="utf-8"))
    assert list(rows[0])[:5] == ["report_id", "region", "region_code", "period", "kind"]
    assert rows[0]["id"] == "first-topic-sessions" and rows[0]["value"] == 38
    assert run(capsys, "export", str(library), "--metrics", "-o", str(out_file))[0] == 2
    code, _, err = run(capsys, "export", str(library), "--format", "markdown")
    assert code == 2 and "--metrics --format csv|json" in err


def test_check_several_missing_files_lists_each(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert code == 2
    assert out.splitlines() == [
        f"{tmp_path}/a.yaml: no such file",
        f"{tmp_path}/b.yaml: no such file",
    ]


def test_check_names_unknown_indicators_and_unit_clashes(tmp_path: Path, capsys) -> None:
    make_library(tmp_path / "lib", 1)  # every third report carries indicator keys: this one
    report = next((tmp_path / "lib").rglob("140100-2025.yaml"))
    text = report.read_text(encoding="utf-8")
    assert "indicator: party-members-trained" in text
    report.write_text(
        text.replace("indicator: party-members-trained", "indicator: no-such-indicator"),
        encoding="utf-8",
    )
    registry = tmp_path / "lib" / "indicators.yaml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("    unit: 次", "    unit: 场", 1),
        encoding="utf-8",
    )
    lines = report.read_text(encoding="utf-8").splitlines()
    unknown_line = next(n for n, t in enumerate(lines, 1) if "no-such-indicator" in t)
    unit_line = 1 + lines.index("            unit: 次")  # first-topic-sessions' unit
    code, out, err = run(capsys, "check", str(tmp_path / "lib"))
    assert code == 2
    assert out.splitlines() == [
        f"{report}:{unit_line}:19: sections[1].children[0].metrics[0].unit: unit '次' differs "
        "from the unit of indicator 'first-topic-study-sessions': '场'",
        f"{report}:{unknown_line}:24: sections[2].children[3].metrics[0].indicator: unknown "
        f"indicator 'no-such-indicator': not in {registry}",
    ]
    assert "registry" in err and "4 indicators" in err
