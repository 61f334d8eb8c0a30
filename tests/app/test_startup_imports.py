"""Importing the app loads nothing the first frame does not draw (DEVELOPERS.md).

The timings are in ``bench/``; this only checks, in a fresh interpreter, which
modules come with ``partybuild_tui.ui.app``. Each one listed here is imported where
it is first used, after the first frame or on a key.
"""

from __future__ import annotations

import json
import subprocess
import sys

LATER = (
    "partybuild_tui.search",  # the index is built after the first frame
    "partybuild_tui.export",
    "partybuild_tui.ui.screens.metrics",
    "partybuild_tui.model.figures",  # the report card, shown first, marks no figures
    "partybuild_tui.ui.widgets.section_text",  # mounted with the first section shown
    "partybuild_tui.ui.widgets.figures_table",
    "partybuild_tui.ui.widgets.search_results",  # mounted with the first result
    "pypinyin",
    "yaml",
)


def test_the_app_module_leaves_later_work_for_later():
    probe = "import json, sys, partybuild_tui.ui.app; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = set(json.loads(result.stdout))
    early = sorted(
        name for name in loaded if any(name == m or name.startswith(m + ".") for m in LATER)
    )
    assert early == []
