"""Searching in the app: type, see the count, jump, walk the hits, give up."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList

from partybuild_tui.model import Report
from partybuild_tui.search import SearchIndex
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_text import SectionText
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import screen_text, styles_of, wait_for


async def _type_query(pilot, query: str) -> SearchPanel:
    app = pilot.app
    # snapshot tests call this before the screen is composed
    await wait_for(pilot, lambda: app.screen.query(SearchPanel), "the search panel")
    panel = app.screen.query_one(SearchPanel)
    # the index is built in the background after the first frame
    await wait_for(pilot, lambda: panel.index is not None, "the search index")
    await pilot.press("slash", *query)
    await wait_for(
        pilot,
        lambda: panel.result is not None and panel.query_text == query,
        f"the results of {query!r}",
    )
    return panel


async def test_typing_shows_the_count_and_the_hits(app_factory, report: Report) -> None:
    expected = SearchIndex.build(report).search("党员").total
    assert expected > 3
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, "党员")
        text = screen_text(app)
        assert f"第 1/{expected} 项" in text
        results = app.screen.query_one(OptionList)
        assert results.display and results.option_count == min(expected, 100)
        # The match in a snippet is marked.
        assert any(s.bold for s in styles_of(app, "党员", within=results))
        assert panel.input.has_focus


async def test_enter_opens_the_hit_with_the_match_highlighted(app_factory, report: Report) -> None:
    query = "1.7万"
    metric = next(m for m in report.metrics if m.value == 17000)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, query)
        hit = panel.current_hit()
        assert hit is not None and hit.section_id == metric.section_id
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        assert detail.section is report.section(metric.section_id)
        assert app.focused is detail
        content = app.screen.query_one(SectionText).content
        current = [s for s in content.spans if s.style == ".section-text--current-match"]
        assert len(current) == 1
        assert "1.7万" in content.plain[current[0].start : current[0].end]
        # The tree follows.
        assert app.screen.query_one(SectionTree).current_section is detail.section


async def test_every_occurrence_in_the_section_is_marked(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, "党员")
        await pilot.press("enter")
        await pilot.pause()
        section = app.screen.query_one(DetailPane).section
        assert section is not None
        content = app.screen.query_one(SectionText).content
        marked = [
            content.plain[s.start : s.end]
            for s in content.spans
            if s.style in (".section-text--match", ".section-text--current-match")
        ]
        occurrences = sum(p.count("党员") for p in section.paragraphs)
        assert marked.count("党员") >= occurrences
        assert panel.result is not None


async def test_n_walks_to_the_next_hit_and_back(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, "党员")
        result = panel.result
        assert result is not None and len(result.hits) >= 3
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert panel.position == 1
        assert app.screen.query_one(DetailPane).section.id == result.hits[1].section_id
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(DetailPane).section.id == result.hits[2].section_id
        await pilot.press("N")
        await pilot.pause()
        assert panel.position == 1


async def test_arrow_keys_move_in_the_results(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, "党员")
        await pilot.press("down", "down")
        assert panel.position == 2
        assert "第 3/" in screen_text(app)
        await pilot.press("up")
        assert panel.position == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(DetailPane).section.id == panel.result.hits[1].section_id


async def test_escape_clears_and_returns(app_factory, report: Report) -> None:
    start = report.ordered[3]
    app = app_factory(start_section=start.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = await _type_query(pilot, "人才")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(DetailPane).section is not start
        await pilot.press("slash")
        await pilot.press("escape")
        await pilot.pause()
        assert panel.input.value == ""
        assert panel.result is None
        assert app.screen.query_one(DetailPane).section is start
        assert isinstance(app.focused, SectionTree)
        content = app.screen.query_one(SectionText).content
        assert not [s for s in content.spans if "match" in str(s.style)]


async def test_filter_shows_only_sections_with_hits(app_factory, report: Report) -> None:
    counts = SearchIndex.build(report).search("人才").section_counts()
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_query(pilot, "人才")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()  # the counts are made in a worker
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        shown = {node.data.id for node in tree._section_nodes.values() if node.data}
        for section_id in counts:
            assert section_id in shown
        tops_with_hits = {report.section(i).id_path[0] for i in counts}
        assert {s.id for s in report.sections} & shown == tops_with_hits
        await pilot.press("f")
        await pilot.pause()
        shown = {node.data.id for node in tree._section_nodes.values() if node.data}
        assert {s.id for s in report.sections} <= shown


async def test_nonsense_query_says_what_it_understood(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        panel = await _type_query(pilot, ">>>")
        assert panel.result is not None and panel.result.total == 0
        text = screen_text(app)
        assert "No results" in text
        assert app.is_running


async def test_keys_sent_in_one_burst_after_slash_land_in_the_search_bar(app_factory) -> None:
    from textual import events

    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # As a paste or an SSH packet delivers them: all queued before any is handled.
        for key, char in [("slash", "/"), ("d", "d"), ("j", "j"), ("y", "y"), ("l", "l")]:
            app.post_message(events.Key(key, char))
        panel = app.screen.query_one(SearchPanel)
        await wait_for(pilot, lambda: panel.input.value == "djyl", "djyl in the search bar")
        await pilot.press("slash")  # inside the bar, "/" is text
        assert panel.input.value == "djyl/"


async def test_filter_counts_sections_off_the_ui_thread(
    app_factory, report: Report, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """``f`` on a common word in a long report took seconds of counting on the UI
    thread (issue 18): the counts are made in a worker, as the search itself."""
    import threading

    from partybuild_tui.search import SearchResult

    counted_in: list[threading.Thread] = []
    count = SearchResult.section_counts

    def spy(self: SearchResult) -> dict[str, int]:
        counted_in.append(threading.current_thread())
        return count(self)

    monkeypatch.setattr(SearchResult, "section_counts", spy)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_query(pilot, "人才")
        await pilot.press("enter")
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert counted_in and threading.main_thread() not in counted_in
        tree = app.screen.query_one(SectionTree)
        shown = {node.data.id for node in tree._section_nodes.values() if node.data}
        assert set(SearchIndex.build(report).search("人才").section_counts()) <= shown


async def test_a_query_past_its_bound_says_so(app_factory) -> None:
    """Repeated words count once; words past the bound are ignored, and the summary
    line says so (never a silent cut)."""
    from partybuild_tui.search import MAX_WORDS

    words = " ".join(f"党{i}" for i in range(MAX_WORDS + 2))
    app = app_factory(language="en")
    query = "党 " * 20 + words
    async with app.run_test(size=(160, 40)) as pilot:
        # Pasted, as a query this long would be (typing it is ~100 key presses).
        await wait_for(pilot, lambda: app.screen.query(SearchPanel), "the search panel")
        panel = app.screen.query_one(SearchPanel)
        await wait_for(pilot, lambda: panel.index is not None, "the search index")
        await pilot.press("slash")
        focused = app.focused
        assert focused is not None
        focused.post_message(events.Paste(query))
        await wait_for(
            pilot, lambda: panel.result is not None and panel.query_text == query, "the results"
        )
        assert panel.result is not None
        assert len(panel.result.query.terms) == MAX_WORDS
        assert f"past {MAX_WORDS} words" in panel._status_text()
