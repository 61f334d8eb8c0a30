"""Exit status of the command line: 0 success, 1 internal error, 2 bad input or usage.

An internal error (a bug) prints a short message with a hint to report it, and a
traceback only with --debug; it never exits 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partybuild_tui import __version__
from partybuild_tui.cli import main
from partybuild_tui.commands import check as check_command
from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.model.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK

BROKEN = "schema: partybuild-report/1\nreport: [\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_codes() -> None:
    assert (EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT) == (0, 1, 2)


# --- 0 ------------------------------------------------------------------------------------


def test_check_of_the_bundled_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check")
    assert (status, err) == (0, "")
    assert out.splitlines()[0].endswith("report.yaml: valid")


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--help")
    assert status == 0
    assert out.startswith("usage: partybuild-tui check")


def test_version_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")
    assert (status, out) == (0, f"partybuild-tui {__version__}\n")


# --- 2 ------------------------------------------------------------------------------------


def test_a_broken_report_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert (status, out) == (2, "")
    assert err == (
        f"{path}:3:1: YAML syntax error: did not find expected node content "
        "(while parsing a flow node)\n"
    )


@pytest.mark.parametrize(
    "argv, complaint",
    [
        (["check", "--no-such-option"], "unrecognized arguments: --no-such-option"),
        (["check", "--max-size", "lots"], "argument --max-size: not a size: 'lots'"),
        (["check", "--max-size"], "argument --max-size: expected one argument"),
        (["check", "--max-size", "0"], "argument --max-size: not a size: '0' (at least 1 byte"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("usage: partybuild-tui check")
    assert complaint in err


# --- 1 ------------------------------------------------------------------------------------


def boom(*args: object) -> list[str]:
    raise RuntimeError("boom")


def test_an_internal_error_exits_1_with_a_hint_and_no_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_command, "summary", boom)
    status, _, err = run(capsys, "check")
    assert status == 1
    assert err == (
        "partybuild-tui: internal error: RuntimeError: boom\n"
        "This is a bug in partybuild-tui. Please report it, with the output of the same "
        "command run with --debug.\n"
    )


def test_debug_adds_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_command, "summary", boom)
    status, _, err = run(capsys, "check", "--debug")
    assert status == 1
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'raise RuntimeError("boom")' in err
    assert err.endswith("run with --debug.\n")


def test_an_internal_error_while_loading_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybuild_tui.model import build  # the loader imports it when it reads a file

    def broken_builder(*args: object) -> None:
        raise KeyError("a bug in the validator")

    monkeypatch.setattr(build, "build_report", broken_builder)
    status, out, err = run(capsys, "check")
    assert (status, out) == (1, "")
    assert err.startswith("partybuild-tui: internal error: KeyError: 'a bug in the validator'\n")


def test_interrupted_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(check_command, "summary", interrupt)
    status, _, err = run(capsys, "check")
    assert status == 130
    assert "Traceback" not in err


def test_a_real_process_with_an_internal_error_exits_1() -> None:
    code = (
        "import sys\n"
        "from partybuild_tui.commands import check\n"
        "def boom(report): raise ValueError('boom')\n"
        "check.summary = boom\n"
        "from partybuild_tui.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.startswith("partybuild-tui: internal error: ValueError: boom\n")
    assert "Traceback" not in result.stderr


def test_python_dash_m_gives_the_same_status(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    for argv, status in ((["check"], 0), (["check", str(path)], 2), (["check", "-x"], 2)):
        result = subprocess.run(
            [sys.executable, "-m", "partybuild_tui", *argv],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == status, (argv, result.stderr)


def test_an_ascii_terminal_gets_escapes_and_a_hint_not_a_crash() -> None:
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "check"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    title = load_report(bundled_report_path()).title
    escaped = title.encode("ascii", "backslashreplace").decode("ascii")
    assert escaped != title and escaped in result.stdout.decode("ascii")
    assert result.stderr.decode("ascii") == (
        "partybuild-tui: the output encoding (ascii) cannot show Chinese, so it is written as "
        "\\u escapes; set a UTF-8 locale (e.g. export LC_ALL=C.UTF-8) to read it\n"
    )
