"""The explorer as a user drives it: tree, reading pane, keys, palette, help."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from partybuild_tui.model import Report
from partybuild_tui.model.figures import figure_spans
from partybuild_tui.ui.screens.help import HelpScreen, key_names
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_text import SectionText
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import screen_text, styles_of, wait_for


def _detail(app) -> DetailPane:
    return app.screen.query_one(DetailPane)


async def test_starts_on_the_report_card(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _detail(app).section is None
        text = screen_text(app)
        assert report.meta.title in text
        for section in report.sections:
            assert section.title[:8] in text, section.title
        assert app.focused is app.screen.query_one(SectionTree)


async def test_moving_down_the_tree_updates_the_pane(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down")
        first = report.sections[0]
        assert _detail(app).section is first
        assert first.title in screen_text(app)
        await pilot.press("j")
        assert _detail(app).section is report.sections[1]
        await pilot.press("k")
        assert _detail(app).section is first


async def test_expand_descend_and_back_to_parent(app_factory, report: Report) -> None:
    parent = next(s for s in report.sections if s.children)
    index = report.sections.index(parent)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*(["down"] * (index + 1)))
        assert _detail(app).section is parent
        await pilot.press("l")  # expand
        await pilot.press("l")  # into the first child
        assert _detail(app).section is parent.children[0]
        assert parent.children[0].title in screen_text(app)
        await pilot.press("h")  # back to the parent
        assert _detail(app).section is parent
        await pilot.press("h")  # collapse
        tree = app.screen.query_one(SectionTree)
        assert tree.cursor_node is not None and not tree.cursor_node.is_expanded


async def test_brackets_walk_every_section_in_reading_order(app_factory, report: Report) -> None:
    app = app_factory()
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in report.ordered:
            await pilot.press("right_square_bracket")
            section = _detail(app).section
            assert section is not None
            seen.append(section.id)
        await pilot.press("right_square_bracket")  # at the end: stays
        assert _detail(app).section is report.ordered[-1]
        tree = app.screen.query_one(SectionTree)
        assert tree.current_section is report.ordered[-1]
        await pilot.press("left_square_bracket")
        assert _detail(app).section is report.ordered[-2]
    assert seen == [s.id for s in report.ordered]


async def test_g_and_shift_g_go_to_first_and_last(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        assert _detail(app).section is report.sections[-1]
        await pilot.press("g")
        assert _detail(app).section is None


async def test_start_section_opens_there(app_factory, report: Report) -> None:
    target = report.ordered[len(report.ordered) // 2]
    app = app_factory(start_section=target.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _detail(app).section is target
        assert app.screen.query_one(SectionTree).current_section is target
        assert target.title in screen_text(app)


async def test_figures_are_highlighted_in_place(app_factory, report: Report) -> None:
    section = next(s for s in report.ordered if s.metrics and s.paragraphs)
    metric = section.metrics[0]
    start, end = figure_spans(metric)[0]
    figure = section.paragraphs[metric.paragraph_index][start:end]
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text_widget = app.screen.query_one(SectionText)
        styled = [
            text_widget.content.plain[span.start : span.end]
            for span in text_widget.content.spans
            if span.style == ".section-text--figure"
        ]
        assert figure in styled
        # On screen the figure is bold and underlined, so it reads without colour too.
        styles = styles_of(app, figure)
        assert styles, f"{figure!r} not on screen"
        assert all(s.bold and s.underline for s in styles)
        # The text around it is not.
        plain_styles = styles_of(app, section.title)
        assert not any(s.underline for s in plain_styles)


async def test_every_metric_of_a_section_is_highlighted(app_factory, report: Report) -> None:
    section = max(report.ordered, key=lambda s: len(s.metrics))
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        content = app.screen.query_one(SectionText).content
        figure_spans_on_screen = [s for s in content.spans if s.style == ".section-text--figure"]
        expected = sum(len(figure_spans(m)) for m in section.metrics)
        assert len(figure_spans_on_screen) == expected


async def test_figures_table_lists_the_section_metrics(app_factory, report: Report) -> None:
    section = max(report.ordered, key=lambda s: len(s.metrics))
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        detail = _detail(app)
        detail.scroll_end(animate=False)
        await pilot.pause()
        from partybuild_tui.ui.widgets.figures_table import FiguresTable

        table = app.screen.query_one(FiguresTable)
        rendered = table.render().plain
        for metric in section.metrics:
            assert metric.label[:6] in rendered


async def test_help_lists_every_key(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(120, 70)) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        text = screen_text(app)
        for owner in (type(app), SectionTree, DetailPane):
            for binding in owner.BINDINGS:
                if binding.description:
                    assert key_names(binding.key) in text, binding.key
        for word in ("Quit", "Search", "Next section", "sidebar"):
            assert word in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def _first_option(app) -> str:
    """The palette's first offer ("" while it has none)."""
    options = app.screen.query(OptionList)
    if not options or options.first().option_count == 0:
        return ""
    return str(options.first().get_option_at_index(0).prompt)


async def test_palette_jumps_to_a_section(app_factory, report: Report) -> None:
    target = report.ordered[-2]
    fragment = target.title[1:5]
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*fragment)
        await wait_for(pilot, lambda: fragment in _first_option(app), "the section offered")
        await pilot.press("enter")
        await pilot.pause()
        section = _detail(app).section
        assert section is not None and fragment in section.title


async def test_palette_finds_a_section_by_the_pinyin_of_its_title(
    app_factory, report: Report
) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        # the index is built just after the first frame
        await wait_for(pilot, lambda: app.session.index() is not None, "the search index")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"dyyt")  # 第一议题, by its initials
        await wait_for(pilot, lambda: "第一议题" in _first_option(app), "第一议题 offered first")
        await pilot.press("enter")
        await pilot.pause()
        section = _detail(app).section
        assert section is not None and "第一议题" in section.title


async def test_slash_focuses_search_and_q_there_types(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("q")
        assert app.focused.value == "q"
        assert app.is_running


async def test_tab_cycles_sidebar_detail_search(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        seen = []
        for _ in range(3):
            seen.append(type(app.focused).__name__)
            await pilot.press("tab")
        assert seen[0] == "SectionTree"
        assert set(seen) >= {"SectionTree", "DetailPane"}
        assert any(name in ("Input", "SearchInput") for name in seen)


async def test_the_sidebar_frame_is_lit_while_the_tree_has_the_focus(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sidebar = app.screen.query_one("#sidebar")

        def title_colour():
            return styles_of(app, "Contents", within=sidebar)[0].color

        lit = title_colour()
        await pilot.press("tab")  # to the reading pane
        await pilot.pause()
        assert title_colour() != lit
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one(SectionTree)
        assert title_colour() == lit
        app.app_focus = False  # the terminal lost the focus: nothing has it
        await pilot.pause()
        assert title_colour() != lit
        app.app_focus = True  # the focus comes back to the tree
        await pilot.pause()
        assert title_colour() == lit


async def test_space_and_pagedown_scroll_the_pane(app_factory, report: Report) -> None:
    longest = max(report.ordered, key=lambda s: sum(len(p) for p in s.paragraphs))
    app = app_factory(start_section=longest.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = _detail(app)
        assert detail.scroll_y == 0
        await pilot.press("pagedown")  # from the tree: scrolls the pane
        await pilot.pause()
        assert detail.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert detail.scroll_y == 0
        await pilot.press("tab")
        assert app.focused is detail
        await pilot.press("space")
        await pilot.pause()
        assert detail.scroll_y > 0


async def test_sidebar_toggles(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        sidebar = app.screen.query_one("#sidebar")
        assert sidebar.display
        await pilot.press("s")
        assert not sidebar.display
        await pilot.press("ctrl+b")
        assert sidebar.display


async def test_narrow_window_hides_the_sidebar(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(56, 20)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#sidebar").display
        await pilot.press("right_square_bracket")
        section = _detail(app).section
        assert section is report.ordered[0]
        # The breadcrumb in the pane's border still says where we are.
        assert section.title[:6] in screen_text(app)
        await pilot.press("s")
        assert app.screen.query_one("#sidebar").display


async def test_tiny_window_asks_to_be_enlarged(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(30, 8)) as pilot:
        await pilot.pause()
        assert "too small" in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert "too small" not in screen_text(app)


@pytest.mark.parametrize("language,word", [("zh", "退出"), ("en", "Quit")])
async def test_interface_language(app_factory, language: str, word: str) -> None:
    app = app_factory(language=language)
    async with app.run_test(size=(120, 40)) as pilot:
        # the footer is composed once the bindings are known, a few frames in
        await wait_for(pilot, lambda: word in screen_text(app), f"{word!r} in the footer")


async def test_q_quits(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_20x6_window_and_resizing_do_not_crash(app_factory, report: Report) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(20, 6)) as pilot:
        await pilot.pause()
        assert "too" in screen_text(app) and "small" in screen_text(app)
        for size in [(80, 24), (20, 6), (59, 20), (120, 40), (40, 10), (200, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.press("right_square_bracket")
            await pilot.pause()
        assert app.is_running
        assert _detail(app).section is not None


async def test_an_imported_article_opens_in_the_explorer(app_factory, tmp_path) -> None:
    from pathlib import Path

    from partybuild_tui.cli import main
    from partybuild_tui.model import load_report

    article = (
        Path(__file__).resolve().parents[2] / "data" / "source" / "jincheng-2025-party-building.txt"
    )
    out = tmp_path / "imported.yaml"
    assert main(["import", str(article), "-o", str(out)]) == 0
    imported = load_report(out)
    app = app_factory(imported)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in imported.ordered:
            await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _detail(app).section is imported.ordered[-1]
        assert imported.ordered[-1].title[:6] in screen_text(app)
