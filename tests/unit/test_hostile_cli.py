"""Hostile command lines: usage errors exit 2, and nothing typed reaches the terminal raw.

The attacks: a 309-digit ``--max-size`` (an ``OverflowError`` exited 1, "a bug"),
an empty PATH (``check "$UNSET"`` silently checked the bundled report and
passed), and arguments holding escape sequences (OSC 52 clipboard, OSC 0 title,
CSI, a bidi override) echoed by error lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partybuild_tui.cli import main

ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\x1b[2J\u202e\x9b31m"
# What must never reach a terminal from an argument: C0 but newline, DEL, C1, bidi controls.
TERMINAL_ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "size",
    ["9" * 309, "9" * 5000, "9" * 309 + "G", "1" + "0" * 30, "2048G"],
    ids=["309-digits", "5000-digits", "309-digits-G", "31-digits", "2T"],
)
def test_a_huge_max_size_is_a_usage_error(size: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--max-size", size)
    assert status == 2
    assert out == ""
    assert ("not a size" in err and "at most 1024G" in err) or "like 64M" in err
    assert "internal error" not in err


def test_the_largest_max_size_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", "--max-size", "1024G")
    assert (status, err) == (0, "")


@pytest.mark.parametrize(
    "argv",
    [
        ["check", ""],
        ["search", "党建", ""],
        ["export", "", "--format", "json"],
        ["export", "--format", "json", "-o", ""],
        [""],
    ],
    ids=["check", "search", "export", "export-output", "open"],
)
def test_an_empty_path_is_a_usage_error(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert "empty path" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--section", "a" + ESCAPES],
        ["--theme", ESCAPES],
        ["check", "extra", ESCAPES],
        ["check", "--max-size", ESCAPES],
        ["export", "--section", ESCAPES, "--format", "json"],
        ["search", ESCAPES + "x" * 1000 + ESCAPES],
        ["search", "党建 >" + ESCAPES],
        ["search", "\u202e党建" + ESCAPES, "--json"],
        ["export", "--format", "x" + ESCAPES],
        ["compare", "--indicator", ESCAPES, "data/report.yaml"],
    ],
    ids=[
        "section",
        "theme",
        "unrecognized",
        "max-size",
        "export-section",
        "long-query",
        "bad-term",
        "search-json",
        "export-format",
        "compare-indicator",
    ],
)
def test_error_lines_never_echo_control_characters(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, *argv)
    assert status in (0, 1, 2)  # search: 0/1 = hits or none; the rest: usage or bad input
    assert err.strip() or out.strip(), "an error, a summary or a document was expected"
    assert not TERMINAL_ACTIVE.search(err), repr(err)
    assert not TERMINAL_ACTIVE.search(out), repr(out)


def test_the_internal_error_text_is_one_definition(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from partybuild_tui.commands import check
    from partybuild_tui.model.errors import internal_error_text

    def explode(args: object) -> int:
        raise RuntimeError("boom" + ESCAPES)

    monkeypatch.setattr(check, "run", explode)
    status, _, err = run(capsys, "check")
    assert status == 1
    assert err == internal_error_text(RuntimeError("boom" + ESCAPES)) + "\n"
    assert not TERMINAL_ACTIVE.search(err)


def test_search_json_echoes_the_query_inert(capsys: pytest.CaptureFixture[str]) -> None:
    """``search $'\u202e党建' --json``: the query's control and bidi characters are
    dropped (invisible noise from a paste), so it finds 党建 and echoes nothing active."""
    import json

    status, out, _ = run(capsys, "search", "\u202e党建\u200f\x1b", "--json")
    document = json.loads(out)
    assert status == 0 and document["total"] > 0  # 党建 still found
    assert document["query"] == "党建"
    assert not TERMINAL_ACTIVE.search(out), repr(out)


def test_library_search_json_names_files_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file name is user input too: ``path`` in the library document is inert."""
    import json
    import shutil

    from tests.compare_library import LIBRARY

    folder = tmp_path / "lib"
    shutil.copytree(LIBRARY, folder)
    for path in folder.glob("*.yaml"):
        path.rename(folder / ("\x1b]0;t\x07\u202e" + path.name))
    status, out, err = run(capsys, "search", "学习\u202e", str(folder), "--json", "--limit", "0")
    assert status == 0
    assert not TERMINAL_ACTIVE.search(out), repr(out)
    assert not TERMINAL_ACTIVE.search(err), repr(err)
    paths = [report["path"] for report in json.loads(out)["reports"]]
    assert paths and all("␛]0;t␇\ufffd" in path for path in paths)
