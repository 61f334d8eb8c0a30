"""``partybuild-tui import``: what the user runs, sees and gets on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.cli import main
from partybuild_tui.model import load_report, load_text

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"
GB18030 = ROOT / "tests" / "fixtures" / "articles" / "qingfeng-2024-gb18030.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["import", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_import_writes_a_valid_report_and_summarises_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "report.yaml"
    status, out, err = run(capsys, str(ARTICLE), "-o", str(out_path))
    assert (status, err) == (0, "")
    report = load_report(out_path)
    counts = report.counts()
    assert f"wrote {out_path}" in out
    assert (
        f"{counts['sections']} sections, {counts['subtopics']} sub-topics, "
        f"{counts['paragraphs']} paragraphs, {counts['metrics']} metrics"
    ) in out
    assert "unsure (" in out
    assert "titled by their first clause" in out
    assert main(["check", str(out_path)]) == 0


def test_default_output_is_the_article_name_with_yaml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "county.txt"
    article.write_bytes(GB18030.read_bytes())
    status, out, _ = run(capsys, str(article))
    assert status == 0
    assert load_report(tmp_path / "county.yaml").meta.region == "青峰县"
    assert "(gb18030)" in out


def test_an_existing_file_is_kept_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "report.yaml"
    out_path.write_text("my corrections\n", encoding="utf-8")
    status, out, err = run(capsys, str(ARTICLE), "-o", str(out_path))
    assert status == 2
    assert out == ""
    assert "already exists; use --force" in err and len(err.splitlines()) == 1
    assert out_path.read_text(encoding="utf-8") == "my corrections\n"
    status, _, _ = run(capsys, str(ARTICLE), "-o", str(out_path), "--force")
    assert status == 0
    assert load_report(out_path).meta.title == "党建领航聚合力 铸魂固本启新程"
    assert [p.name for p in tmp_path.iterdir()] == ["report.yaml"]  # no temporary left


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "bad.txt", b"abc\xff\xff"), "neither UTF-8 nor GB18030"),
        (lambda d: _write(d / "empty.txt", b"  \n\n"), "empty"),
    ],
)
def test_an_unreadable_article_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make, message: str
) -> None:
    status, out, err = run(capsys, str(make(tmp_path)), "-o", str(tmp_path / "out.yaml"))
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err
    assert not (tmp_path / "out.yaml").exists()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_article_itself_is_never_the_output(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a.yaml"
    article.write_bytes(ARTICLE.read_bytes())
    status, _, err = run(capsys, str(article), "--force")
    assert status == 2 and "article itself" in err
    assert article.read_bytes() == ARTICLE.read_bytes()


def test_a_directory_or_a_missing_folder_as_output_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, str(ARTICLE), "-o", str(tmp_path))
    assert status == 2 and "is a directory" in err
    status, _, err = run(capsys, str(ARTICLE), "-o", str(tmp_path / "no" / "r.yaml"))
    assert status == 2 and "cannot write" in err


def test_dash_writes_the_report_to_stdout_and_the_summary_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, str(ARTICLE), "-o", "-")
    assert status == 0
    assert load_text(out).meta.source == "太行日报"
    assert err.startswith("wrote standard output")


def test_compare_prints_recall_and_precision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    reference = ROOT / "data" / "report.yaml"
    status, _, err = run(capsys, str(ARTICLE), "-o", "-", "--compare", str(reference))
    assert status == 0
    _, summary = err.split("compared with", 1)
    assert "headings: 5/5 found" in summary
    assert "recall " in summary and "precision " in summary
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: partybuild-report/9\n", encoding="utf-8")
    status, _, err = run(capsys, str(ARTICLE), "-o", "-", "--compare", str(bad))
    assert status == 2 and "--compare" in err
