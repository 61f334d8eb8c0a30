"""Stepping through the figures of the text (issue 13, habits): ``.`` and ``,`` mark a
figure, bring it into view and show its metric; they wrap round and say so."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.color import Color as RichColor
from textual.color import Color

from partybuild_tui.model import Report, Section
from partybuild_tui.model.figures import figure_spans
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.emphasis import contrast_ratio
from partybuild_tui.ui.widgets.figure_steps import FigureInfo, figures_in_order
from partybuild_tui.ui.widgets.figures_table import FiguresTable
from partybuild_tui.ui.widgets.section_text import SectionText

from .helpers import styles_of, wait_for, widget_lines


def _color(value: RichColor | None) -> Color:
    assert value is not None and value.triplet is not None, value
    return Color(*value.triplet)


def _first_topic(report: Report) -> Section:
    """A leaf with several figures, one of them repeated words apart (38次, 19次…)."""
    return next(s for s in report.ordered if not s.children and len(s.metrics) >= 5)


def _longest(report: Report) -> Section:
    return max(report.ordered, key=lambda s: (len(s.metrics), sum(map(len, s.paragraphs))))


def _info_text(app) -> str:
    """The panel's text, its wrapped lines joined again."""
    return "".join(line.strip() for line in widget_lines(app, app.screen.query_one(FigureInfo)))


async def test_dot_and_comma_step_through_the_figures_and_show_each_metric(
    app_factory, report: Report
) -> None:
    section = _first_topic(report)
    figures = figures_in_order(section)
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(100, 30)) as pilot:
        pane = app.screen.query_one(DetailPane)
        await pilot.press("tab")  # tree → text
        await wait_for(pilot, lambda: pane.has_focus, "the text focused")
        await pilot.press("full_stop")
        await wait_for(pilot, lambda: app.screen.query(FigureInfo), "the figure panel")
        info = app.screen.query_one(FigureInfo)
        first = figures[0]
        await wait_for(pilot, lambda: f"数据 1/{len(figures)}" in _info_text(app), "figure 1")
        shown = _info_text(app)
        assert first.label in shown and f"{first.value:g}{first.unit}" in shown
        assert f"原文:“{first.quote}”" in shown
        text = app.screen.query_one(SectionText)
        marked = styles_of(app, f"{first.value:g}", within=text)
        assert marked and all(style.underline and style.bold for style in marked)
        primary = Color.parse(app.theme_variables["primary"])
        assert _color(marked[0].bgcolor) == text.background_colors[1] + primary
        assert contrast_ratio(_color(marked[0].color), _color(marked[0].bgcolor)) >= 4.5
        await pilot.press("full_stop")
        await wait_for(pilot, lambda: f"数据 2/{len(figures)}" in _info_text(app), "figure 2")
        assert figures[1].label in _info_text(app)
        table = app.screen.query_one(FiguresTable)  # its row in the figures at a glance too
        row = styles_of(app, figures[1].label, within=table)
        assert row and all(style.underline for style in row)
        assert not any(s.underline for s in styles_of(app, figures[0].label, within=table))
        await pilot.press("comma", "comma")  # before the first: round to the last, said
        last = figures[-1]
        await wait_for(pilot, lambda: last.label in _info_text(app), "the last figure")
        assert "↻ 已到第一个数据之前,转到最后一个" in _info_text(app)
        assert info.display
        await pilot.press("comma", "full_stop")  # steps that do not wrap: no longer said
        await wait_for(pilot, lambda: "↻" not in _info_text(app), "the wrap forgotten")
        await pilot.press("right_square_bracket")  # another section: no figure marked
        await wait_for(pilot, lambda: not info.display, "the panel hidden")
        assert pane.figure is None


async def test_a_figure_far_down_is_scrolled_into_view_above_the_panel(
    app_factory, report: Report
) -> None:
    section = _longest(report)
    figures = figures_in_order(section)
    app = app_factory(start_section=section.id, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.screen.query_one(DetailPane)
        pane.focus()
        await wait_for(pilot, lambda: pane.has_focus, "the text focused")
        await pilot.press("comma")  # the last figure of a long text
        last = figures[-1]
        await wait_for(pilot, lambda: pane.scroll_y > 0, "scrolled down to it")
        paragraph = section.paragraphs[last.paragraph_index]
        (start, end), *_ = figure_spans(last)
        before = cell_len(paragraph[start - 2 : start])  # two characters before: unique here
        needle = paragraph[start - 2 : end]
        await wait_for(pilot, lambda: styles_of(app, needle, within=pane), "the figure on screen")
        figure = styles_of(app, needle, within=pane)[before:]
        assert figure and all(style.underline and style.bold for style in figure)
        assert f"Figure {len(figures)} of {len(figures)}" in _info_text(app)
        assert "Quote: “" in _info_text(app)


@pytest.mark.parametrize("environ", [{"NO_COLOR": "1"}, {"TERM": "linux", "COLORTERM": ""}])
async def test_the_current_figure_is_reverse_and_underlined_without_colour(
    app_factory, report: Report, monkeypatch, environ: dict[str, str]
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    section = _first_topic(report)
    first = figures_in_order(section)[0]
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(DetailPane).focus()
        await pilot.press("full_stop")
        text = app.screen.query_one(SectionText)
        value = f"{first.value:g}"
        await wait_for(
            pilot,
            lambda: any(s.reverse for s in styles_of(app, value, within=text)),
            "the figure reversed",
        )
        # Distinct from the current search hit (reverse and bold, not underlined).
        assert all(s.reverse and s.underline for s in styles_of(app, value, within=text))


async def test_no_figures_says_so(app_factory) -> None:
    app = app_factory(language="en")  # the report card: no text of its own
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(DetailPane).focus()
        await pilot.press("full_stop")
        said = lambda: any("No figures" in n.message for n in app.notices)  # noqa: E731
        await wait_for(pilot, said, "said")  # as test_no_search_keys reads notices


async def test_in_a_small_window_the_figure_is_not_hidden_under_the_panel(
    app_factory, report: Report
) -> None:
    section = _first_topic(report)
    second = figures_in_order(section)[1]
    paragraph = section.paragraphs[second.paragraph_index]
    (start, end), *_ = figure_spans(second)
    needle = paragraph[start - 1 : end]
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.screen.query_one(DetailPane)
        pane.focus()
        await pilot.press("full_stop", "full_stop")
        await wait_for(pilot, lambda: "数据 2/" in _info_text(app), "the second figure")
        await wait_for(pilot, lambda: styles_of(app, needle, within=pane), "the figure in view")
        assert any(style.underline for style in styles_of(app, needle, within=pane))


def test_the_panel_says_value_unit_qualifier_and_change(report: Report) -> None:
    from partybuild_tui.ui.i18n import get_language, set_language
    from partybuild_tui.ui.widgets.figure_steps import figure_info

    previous = get_language()
    set_language("en")
    try:
        ratio = next(m for m in report.metrics if m.unit == "比例")
        over = next(m for m in report.metrics if m.qualifier == "over")
        change = next(m for m in report.metrics if m.baseline is not None)
        assert "(比例)" in figure_info(ratio, 0, 1).plain
        assert "over" in figure_info(over, 0, 1).plain.split("\n")[0]
        head = figure_info(change, 2, 5).plain.split("\n")[0]
        assert head.startswith("Figure 3 of 5 · ") and "→" in head and "▲" in head
    finally:
        set_language(previous)
