"""``partybuild-tui search``: output, exit codes, --json, --limit, and no Textual import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partybuild_tui.cli import main
from partybuild_tui.model import bundled_report_path, load_report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "search-report.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["search", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_hits_print_path_kind_and_marked_snippet(capsys) -> None:
    code, out, err = run(capsys, "djyl")
    assert code == 0
    lines = out.splitlines()
    assert any(line.startswith("[title] ") and "⟪党建引领⟫" in line for line in lines)
    assert all("⟪" in line and "⟫" in line for line in lines)
    assert "强基固本,激活基层治理“红细胞” › 健全完善党建引领城市基层治理“五个体系”" in out
    assert "hit" in err and "pinyin" in err
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_metric_hit_line_shows_label_value_and_quote(capsys) -> None:
    report = load_report(bundled_report_path())
    metric = next(m for m in report.metrics if m.value == 17000)
    code, out, _ = run(capsys, "1.7万")
    assert code == 0
    assert f"[metric 17000 {metric.unit}]" in out
    assert f"{metric.label}: ⟪{metric.quote}⟫" in out


def test_no_hits_exit_1(capsys) -> None:
    code, out, err = run(capsys, "这个词不在报告里")
    assert code == 1
    assert out == ""
    assert "no hits" in err


@pytest.mark.parametrize("query", ["", "   ", ">abc"])
def test_empty_or_unparsable_query_exit_1_and_explains(capsys, query: str) -> None:
    code, out, err = run(capsys, query)
    assert code == 1 and out == ""
    assert "no hits" in err and ("empty" in err or "ignored" in err)


def test_bad_report_exit_2(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: partybuild-report/1\nreport: [\n", encoding="utf-8")
    code, out, err = run(capsys, "党员", str(bad))
    assert code == 2
    assert out == ""
    assert str(bad) in err
    code, _, _ = run(capsys, "党员", str(tmp_path / "missing.yaml"))
    assert code == 2


def test_bad_limit_exit_2(capsys) -> None:
    code, _, _ = run(capsys, "党员", "--limit", "-1")
    assert code == 2


def test_limit(capsys) -> None:
    code, out, err = run(capsys, "党员", "--limit", "2")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert "showing 2" in err
    _, everything, _ = run(capsys, "党员", "--limit", "0")
    assert everything.splitlines()[:2] == out.splitlines()


def test_json_is_valid_and_complete(capsys) -> None:
    code, out, _ = run(capsys, "党员", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["query"] == "党员"
    assert data["understood"] and data["understood_zh"]
    assert data["total"] >= data["shown"] == len(data["hits"]) > 0
    report = load_report(bundled_report_path())
    for hit in data["hits"]:
        section = report.section(hit["section_id"])
        assert hit["section_path"] == list(section.breadcrumb)
        assert hit["kind"] in ("title", "metric", "paragraph")
        for start, end in hit["spans"]:
            assert hit["text"][start:end] == "党员"
        for start, end in hit["snippet_spans"]:
            assert hit["snippet"][start:end] == "党员"
        if hit["kind"] == "metric":
            assert hit["metric"]["id"] == hit["metric_id"]
            assert hit["metric"]["value"] == report.metric(hit["metric_id"]).value
        else:
            assert hit["metric"] is None


def test_options_may_sit_between_query_and_path(capsys) -> None:
    code, out, _ = run(capsys, "党员", "--limit", "1", str(FIXTURE), "--json")
    assert code == 0 and json.loads(out)["shown"] == 1


def test_json_with_no_hits_exit_1(capsys) -> None:
    code, out, _ = run(capsys, ">999999999", "--json", str(FIXTURE))
    data = json.loads(out)
    assert code == 1 and data["total"] == 0 and data["hits"] == []


def test_json_comparison_on_fixture(capsys) -> None:
    report = load_report(FIXTURE)
    code, out, _ = run(capsys, ">=90%", str(FIXTURE), "--json")
    data = json.loads(out)
    assert code == 0
    assert [h["metric_id"] for h in data["hits"]] == [
        m.id for m in report.metrics if m.unit == "%" and m.value >= 90
    ]


def test_terminal_output_is_styled_not_markup(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run(capsys, "[bold]", str(FIXTURE))
    assert code == 1  # markup-looking queries are text, not styles
    code, out, _ = run(capsys, "djyl", str(FIXTURE))
    assert code == 0
    assert "党建引领" in out and "⟪" not in out
    assert "\x1b[" in out


def test_search_does_not_import_textual() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "partybuild_tui",
            "search",
            "党员",
            str(FIXTURE),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = [
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    ]
    assert "partybuild_tui.search" in imported
    assert not [name for name in imported if name.split(".")[0] == "textual"]
