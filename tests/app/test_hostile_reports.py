"""Valid but hostile reports, driven through the real app: it draws them, never dies."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.model import load_report
from partybuild_tui.ui.widgets.section_text import SectionText
from tests.attacks import RUNS, attack_file

from .helpers import screen_text


@pytest.mark.parametrize("name", ["chinese-320", "chinese-5000", "arabic-309"])
async def test_a_section_with_a_numeral_beyond_the_model_is_drawn(
    name: str, tmp_path: Path, app_factory
) -> None:
    report = load_report(str(attack_file(tmp_path, RUNS[name])))
    app = app_factory(report, start_section="a", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        content = app.screen.query_one(SectionText).content
        figures = [
            content.plain[span.start : span.end]
            for span in content.spans
            if span.style == ".section-text--figure"
        ]
        assert figures == ["38名"]
        assert "编号" in screen_text(app)
    assert app.return_code in (None, 0)
