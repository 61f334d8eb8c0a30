"""Chinese line breaking: punctuation never opens a line, numbers stay whole."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.ui.text_wrap import NO_LINE_END, NO_LINE_START, wrap_lines

PARAGRAPHS = [p for s in load_report(bundled_report_path()).ordered for p in s.paragraphs]


@pytest.mark.parametrize("width", [12, 17, 20, 33, 40, 59, 66, 80, 101])
def test_every_paragraph_wraps_by_the_rules(width: int) -> None:
    for paragraph in PARAGRAPHS:
        lines = wrap_lines(paragraph, width)
        assert "".join(lines).replace(" ", "") == paragraph.replace(" ", "")
        for index, line in enumerate(lines):
            assert cell_len(line) <= width, line
            assert not line or line[0] not in NO_LINE_START, (width, line)
            assert not line or index == len(lines) - 1 or line[-1] not in NO_LINE_END, line


def test_numbers_and_units_are_not_cut() -> None:
    text = "推动基层党组织和领导干部查摆问题整改率达99.3%,健全完善作风建设制度机制1992项。"
    for width in range(10, 60):
        lines = wrap_lines(text, width)
        assert any("99.3%" in line for line in lines), (width, lines)
        assert any("1992" in line for line in lines), (width, lines)


def test_short_text_is_one_line() -> None:
    assert wrap_lines("党建引领发展。", 40) == ["党建引领发展。"]
    assert wrap_lines("", 40) == [""]
