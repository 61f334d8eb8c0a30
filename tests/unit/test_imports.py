"""The commands that print and exit never import Textual (it costs ~135 ms a start).

Each command runs for real in a fresh interpreter, which then reports the
modules it loaded; no timing is involved.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from partybuild_tui.model import bundled_report_path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"

PROBE = """
import json, sys
from partybuild_tui.cli import main
status = main(json.loads(sys.argv[1]))
sys.stdout.flush()
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "msgpack"))
sys.stderr.write("\\nPROBE " + json.dumps({"status": status, "loaded": loaded}) + "\\n")
"""


def _run(argv: list[str]) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    line = [x for x in result.stderr.splitlines() if x.startswith("PROBE ")]
    assert line, result.stderr
    return json.loads(line[-1][len("PROBE ") :])


REPORT = str(bundled_report_path())
CASES = {
    "check": ["check", REPORT],
    "search": ["search", "党建", REPORT],
    "export": ["export", "--format", "json", REPORT],
    "import": ["import", str(ARTICLE), "--output", "-"],
}


@pytest.mark.parametrize("command", sorted(CASES))
def test_a_non_tui_command_does_not_import_textual(command):
    probe = _run(CASES[command])
    assert probe["status"] in (0, 1), probe  # it really ran (1: search found nothing)
    assert not [name for name in probe["loaded"] if name.startswith("textual")], probe


def test_check_does_not_even_load_the_cache_codec():
    probe = _run(CASES["check"])
    assert probe["status"] == 0
    assert probe["loaded"] == []


def test_the_probe_would_see_textual_if_it_were_imported():
    """The guard above can fail: importing the app pulls Textual in."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, partybuild_tui.ui.app; print('textual' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "True"
