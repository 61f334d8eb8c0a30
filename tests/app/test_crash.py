"""A crash inside the app exits 1 with a short message; the traceback only with --debug."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.model import bundled_report_path, load_report
    from partybuild_tui.ui.widgets.detail_pane import DetailPane

    def explode(self, *args, **kwargs):
        raise RuntimeError("boom in the pane")

    DetailPane.show_section = explode

    async def auto_pilot(pilot):
        await pilot.press("right_square_bracket")
        await pilot.pause()

    app = make_app(load_report(bundled_report_path()), AppOptions(language="en", debug={debug}))
    app.run(headless=True, auto_pilot=auto_pilot)
    sys.exit(app.return_code)
    """
)


def _run(debug: bool) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(debug=debug)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_crash_exits_1_with_a_short_message() -> None:
    result = _run(debug=False)
    assert result.returncode == 1
    assert "internal error: RuntimeError: boom in the pane" in result.stderr
    assert "--debug" in result.stderr
    assert "Traceback" not in result.stderr and "❱" not in result.stderr


def test_crash_with_debug_shows_the_traceback() -> None:
    result = _run(debug=True)
    assert result.returncode == 1
    assert "boom in the pane" in result.stderr
    assert "explode" in result.stderr  # the traceback names the failing function
