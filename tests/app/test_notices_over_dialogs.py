"""A notice over a dialog keeps every hanzi (issue 13.18).

Textual cuts each screen line at every widget's edge and blanks a wide character
that straddles a cut (Textual issue 6357): a notice drawn across the Bookmarks
dialog's border read ``强基固本,激活基层治理“红    ”``. Notices over a dialog now sit
inside its width. Read from the screen as drawn, at every width from 40 columns.
"""

from __future__ import annotations

from partybuild_tui.ui.screens.bookmarks import BookmarksScreen

from .helpers import screen_text, wait_for, widget_lines

NOTICE = "上次读到:强基固本,激活基层治理“红细胞”。按 H 回到那里。"


def notice_text(app) -> str:
    """The notice's characters as drawn, without spaces, line breaks and its left bar."""
    toasts = app.screen.query("Toast")
    if not toasts:
        return ""
    return "".join("".join(widget_lines(app, toasts.first())).split()).replace("▌", "")


async def test_a_notice_over_the_bookmarks_dialog_keeps_its_hanzi(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#tree"), "the explorer")
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen), "the bookmarks")
        whole = "".join(NOTICE.split())
        for width in (41, 44, 53, 60, 100):  # before: hanzi lost at 41, 44, 53 and 60
            await pilot.resize_terminal(width, 24)
            app.clear_notifications()
            await wait_for(pilot, lambda: not app.screen.query("Toast"), "the last notice gone")
            app.notify(NOTICE, markup=False, timeout=60)
            # "in": the toast's region may take in a cell of what is beside it
            await wait_for(pilot, lambda: "回到那里" in notice_text(app), f"the notice at {width}")
            assert whole in notice_text(app), (width, notice_text(app))


async def test_a_notice_shown_before_the_dialog_opens_is_drawn_once_and_whole(
    app_factory,
) -> None:
    """The screen under the dialog shows through it: its copy of the notice is hidden."""
    app = app_factory()
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#tree"), "the explorer")
        app.notify(NOTICE, markup=False, timeout=60)
        await wait_for(pilot, lambda: "回到那里" in notice_text(app), "the notice")
        await pilot.press("B")
        await wait_for(pilot, lambda: isinstance(app.screen, BookmarksScreen), "the bookmarks")
        await wait_for(pilot, lambda: "回到那里" in notice_text(app), "the notice on the dialog")
        await pilot.pause()
        assert screen_text(app).count("回到那里") == 1, screen_text(app)
        assert "".join(NOTICE.split()) in notice_text(app)
