"""`partybuild-tui [PATH] [--section ID] [--theme NAME] [--lang]`: errors before the screen."""

from __future__ import annotations

import pytest

from partybuild_tui.cli import main


def test_unknown_section_lists_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--section", "first-topic-sesions"])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown section id 'first-topic-sesions'" in err
    assert "first-topic-system" in err
    assert "Traceback" not in err


def test_unknown_theme_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--theme", "no-such-theme"])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown theme 'no-such-theme'" in err
    assert "textual-dark" in err


def test_bad_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_broken_report_exits_2_with_position(tmp_path, capsys) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: partybuild-report/1\nreport: [\n", encoding="utf-8")
    assert main([str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}:3:1: ")
    assert "Traceback" not in err


def test_terminal_that_cannot_show_chinese_is_refused(tmp_path) -> None:
    import subprocess
    import sys

    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "partybuild_tui"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    message = result.stderr.decode("ascii", errors="replace")
    assert "cannot show Chinese" in message
    assert "UTF-8" in message
