"""Where the app's export dialog writes: ``resolve_destination`` and ``same_file``."""

from __future__ import annotations

from pathlib import Path

from partybuild_tui.ui.screens.export_dialog import resolve_destination, same_file


def test_a_bare_name_lands_in_the_working_directory(tmp_path: Path) -> None:
    assert resolve_destination("out.csv", "d.csv", str(tmp_path)) == tmp_path / "out.csv"


def test_empty_means_the_default_name(tmp_path: Path) -> None:
    assert resolve_destination("  ", "d.csv", str(tmp_path)) == tmp_path / "d.csv"


def test_a_directory_gets_the_default_name(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert resolve_destination("sub", "d.md", str(tmp_path)) == tmp_path / "sub" / "d.md"
    assert resolve_destination("new/", "d.md", str(tmp_path)) == tmp_path / "new" / "d.md"


def test_home_and_absolute_paths(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_destination("~/x.json", "d.json", "/") == tmp_path / "x.json"
    assert resolve_destination(str(tmp_path / "y.md"), "d.md", "/") == tmp_path / "y.md"
    assert resolve_destination("../z.md", "d.md", str(tmp_path / "a")) == tmp_path / "z.md"


def test_same_file(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text("x")
    assert same_file(report, str(report))
    assert same_file(tmp_path / "." / "r.yaml", str(report))
    assert not same_file(tmp_path / "other.yaml", str(report))
    assert not same_file(report, None)
