"""Command-line arguments under the C locale, as the README describes (issue 13, item 6)."""

from __future__ import annotations

import os
import subprocess
import sys

C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


def _run(*args: bytes) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(C_LOCALE)
    command = [sys.executable.encode(), b"-m", b"partybuild_tui", *args]
    return subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)


def test_a_chinese_query_typed_in_a_utf8_terminal_is_read_as_utf8() -> None:
    result = _run(b"search", "党建".encode())
    assert result.returncode == 0, result.stderr
    assert b"\\u27ea\\u515a\\u5efa\\u27eb" in result.stdout  # ⟪党建⟫, escaped for ASCII


def test_an_argument_that_is_not_utf8_is_refused_in_one_line() -> None:
    result = _run(b"search", b"\xff\xfe")
    assert result.returncode == 2
    assert result.stderr.decode("ascii").count("\n") == 1
    assert b"not valid UTF-8" in result.stderr
