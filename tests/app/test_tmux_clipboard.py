"""Inside tmux with set-clipboard external, y says how to enable copying (issue 13.15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from partybuild_tui.model import Report
from partybuild_tui.ui.clipboard import tmux_clipboard_setting

from .helpers import wait_for


def _fake_tmux(tmp_path: Path, monkeypatch, setting: str) -> None:
    """A ``tmux`` on PATH answering ``show -gv set-clipboard`` with ``setting``."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    tmux = bin_dir / "tmux"
    tmux.write_text(f'#!/bin/sh\n[ "$*" = "show -gv set-clipboard" ] && echo {setting}\n')
    tmux.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("TMUX", "/tmp/tmux-1000/default,1,0")
    tmux_clipboard_setting.cache_clear()


@pytest.mark.parametrize(("setting", "copied"), [("external", False), ("on", True)])
async def test_y_in_tmux_copies_only_when_tmux_passes_it_on(
    app_factory, report: Report, tmp_path: Path, monkeypatch, setting: str, copied: bool
) -> None:
    _fake_tmux(tmp_path, monkeypatch, setting)
    app = app_factory(start_section=report.ordered[2].id)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.screen.query("#tree"), "the explorer")
            await pilot.press("y")
            await wait_for(pilot, lambda: app.notices, "a notice")
            said = " ".join(f"{n.title} {n.message}" for n in app.notices)
            if copied:
                assert "已复制" in said and app.clipboard
            else:
                assert "未复制" in said and "set -g set-clipboard on" in said
                assert app.clipboard == ""
    finally:
        tmux_clipboard_setting.cache_clear()
