"""The explorer's keys for the metrics view, export, copy, history and bookmarks.

``ExplorerKeys`` is the base class of ``ExplorerScreen``: it holds these
bindings and actions, the navigation history and the bookmark session, so the
explorer module stays about reading. The explorer calls ``record_jump`` when it
jumps; tree moves reach the history here, by the rule in ``navigation``.

Keys were chosen to reach the app through tmux and SSH: plain and shifted
letters and Backspace arrive everywhere, while Ctrl+arrows and Alt+letters are
often eaten or mangled on the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.timer import Timer

from partybuild_tui.model import Metric, Report, Section
from partybuild_tui.ui.i18n import get_language, t
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.section_tree import SectionTree, section_label

if TYPE_CHECKING:
    from partybuild_tui.state import ReportSession
    from partybuild_tui.ui.navigation import Navigation
    from partybuild_tui.ui.widgets.detail_pane import DetailPane

ROOT = ""
"""The report card's place: ``navigation.ROOT``, spelled out so that ``navigation`` (and
the ``state`` package with json and hashlib behind it) loads after the first frame."""

MAX_CLIPBOARD_CHARS = 100_000
"""Longer text is not sent through OSC 52: terminals and tmux drop or cut such sequences."""
METRICS_SCREEN = "metrics"


def open_session(report: Report, report_path: str | None) -> ReportSession:
    """Bookmarks for the report on disk; in memory only when there is no file to key them by."""
    from partybuild_tui.state import (  # not on the first frame's path
        ReportSession,
        ReportState,
        StateStore,
    )

    if report_path is None:
        return ReportSession(StateStore(), None, ReportState(), [], report.section_ids())
    return ReportSession.open(report.meta.id, report_path, report.section_ids())


def _export_filename(report: Report, fmt: str, **options: object) -> str:
    from partybuild_tui.export import default_filename

    return default_filename(report, fmt, **options)  # type: ignore[arg-type]


def copy_text(screen: Screen, text: str, what: str) -> None:
    """Send ``text`` to the clipboard (OSC 52) and say what was copied."""
    if len(text) > MAX_CLIPBOARD_CHARS:
        screen.notify(
            f"{what}: {t('too long to copy through the terminal')} "
            f"({len(text)} {t('characters')}); {t('export it with e instead')}",
            severity="warning",
            markup=False,
        )
        return
    screen.app.copy_to_clipboard(text)
    screen.notify(
        f"{t('Copied')} {what} ({len(text)} {t('characters')})",
        title=t("Copied to the clipboard"),
        markup=False,
    )


class ExplorerKeys(Screen[None]):
    """History, bookmarks, metrics view, export and copy for the explorer."""

    # Only m is in the footer: the explorer's own keys come after these there and must
    # stay visible at 80 columns; the help screen (?) and the palette list the rest.
    BINDINGS = [
        Binding("m", "metrics", "Metrics", tooltip="Table of every metric (sort, filter, group)"),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="Export this section (or the report) to a file",
            show=False,
        ),
        Binding("y", "copy", "Copy", tooltip="Copy this section as Markdown (OSC 52)", show=False),
        Binding(
            "b", "bookmark", "Bookmark", tooltip="Bookmark this section (again: remove)", show=False
        ),
        Binding(
            "B",
            "bookmarks",
            "Bookmarks",
            tooltip="List bookmarks: Enter jumps, d deletes",
            show=False,
        ),
        Binding(
            "H,backspace",
            "back",
            "Back",
            key_display="H",
            tooltip="Back to where you were",
            show=False,
        ),
        Binding("L", "forward", "Forward", tooltip="Forward again after going back", show=False),
    ]

    report: Report

    def __init__(self) -> None:
        super().__init__()
        localize_bindings(self)
        self._navigation: Navigation | None = None
        self.session: ReportSession | None = None
        self._history_ready = False
        self._replaying = False
        self._rest_timer: Timer | None = None
        self._position: str | None = None
        """The place shown, kept for saving on exit (the widgets are gone by then)."""

    @property
    def navigation(self) -> Navigation:
        """The history policy, made when first needed (the session opens after the first frame)."""
        if self._navigation is None:
            from partybuild_tui.ui.navigation import Navigation

            self._navigation = Navigation()
        return self._navigation

    # -- what the explorer provides ------------------------------------------------

    @property
    def current_section(self) -> Section | None:  # pragma: no cover - ExplorerScreen's
        raise NotImplementedError

    def go_to_section(self, section_id: str | None) -> None:  # pragma: no cover
        raise NotImplementedError

    def _detail(self) -> DetailPane:
        from partybuild_tui.ui.widgets.detail_pane import DetailPane

        return self.query_one(DetailPane)

    @property
    def here(self) -> str:
        section = self.current_section
        return section.id if section is not None else ROOT

    # -- start and end ---------------------------------------------------------------

    def on_mount(self) -> None:
        # Runs after ExplorerScreen.on_mount, which has shown the start section. The
        # state file (and hashing the report to key it) waits for the first frame.
        self.call_after_refresh(self._open_session)

    def _open_session(self) -> None:
        options = getattr(self.app, "options", None)
        self.session = open_session(self.report, getattr(options, "report_path", None))
        for warning in self.session.warnings:
            self.notify(warning, title=t("Bookmarks"), severity="warning", markup=False, timeout=10)
        started_at_section = getattr(options, "start_section", None) is not None
        previous = None if started_at_section else self.session.last_section
        if self.navigation.start(self.here, previous) and previous:
            section = self.report.get_section(previous)
            if section is not None:
                message = t("Last time you were reading {place}. Press H to go back there.")
                self.notify(message.format(place=section_label(section)), markup=False, timeout=8)
        self._history_ready = True

    def on_unmount(self) -> None:
        self.save_position()

    def save_position(self) -> None:
        """Remember where the user is, for the next start (H goes back there)."""
        if self.session is not None and self._position is not None:
            self.session.set_last_section(self._position or None)
            self.session.save()

    # -- history --------------------------------------------------------------------------

    def record_jump(self, section_id: str | None) -> None:
        """The explorer is about to jump to ``section_id``: remember where it was and goes."""
        self._position = section_id or ROOT
        if not self._history_ready or self._replaying:
            return
        self._cancel_rest()
        self.navigation.jump(self.here, section_id or ROOT)

    @contextmanager
    def _replay(self) -> Iterator[None]:
        self._replaying = True
        try:
            yield
        finally:
            self._replaying = False

    def _cancel_rest(self) -> None:
        if self._rest_timer is not None:
            self._rest_timer.stop()
            self._rest_timer = None

    @on(SectionTree.SectionHighlighted)
    def _tree_moved(self, event: SectionTree.SectionHighlighted) -> None:
        """A tree step is not a jump; resting on a section for a moment is (see navigation)."""
        self._position = event.section.id if event.section is not None else ROOT
        if not self._history_ready or self._replaying:
            return
        from partybuild_tui.ui.navigation import REST_SECONDS

        self._cancel_rest()
        self._rest_timer = self.set_timer(REST_SECONDS, self._rested)

    def _rested(self) -> None:
        self._rest_timer = None
        self.navigation.arrive(self.here)

    @on(SectionTree.OpenRequested)
    def _tree_opened(self, event: SectionTree.OpenRequested) -> None:
        if self._history_ready:
            self._cancel_rest()
            self.navigation.arrive(self.here)

    def _go(self, place: str) -> None:
        with self._replay():
            self.go_to_section(place or None)

    def action_back(self) -> None:
        self._cancel_rest()
        place = self.navigation.back(self.here)
        if place is None:
            self.notify(t("Nothing to go back to."), timeout=2)
            return
        self._go(place)

    def action_forward(self) -> None:
        self._cancel_rest()
        place = self.navigation.forward()
        if place is None:
            self.notify(t("Nothing to go forward to."), timeout=2)
            return
        self._go(place)

    # -- metrics ------------------------------------------------------------------------------

    def action_metrics(self) -> None:
        """Open the metrics view (the same one each time: filter, sort and row are kept)."""
        from partybuild_tui.ui.screens.metrics import MetricsScreen

        app = self.app
        if isinstance(app.screen, MetricsScreen):
            return
        if not app.is_screen_installed(METRICS_SCREEN):
            app.install_screen(MetricsScreen(self.report), METRICS_SCREEN)
        app.push_screen(METRICS_SCREEN)

    def show_metric(self, metric: Metric) -> None:
        """Open a metric's section with its quote highlighted and in view."""
        section = self.report.get_section(metric.section_id)
        if section is None:
            return
        self.go_to_section(section.id)
        span = (metric.quote_start, metric.quote_end)
        detail = self._detail()
        detail.show_section(
            section,
            matches={metric.paragraph_index: [span]},
            current=(metric.paragraph_index, *span),
        )
        detail.focus()

    # -- export and copy ------------------------------------------------------------------------

    def action_export(self) -> None:
        from partybuild_tui.ui.screens.export_dialog import ExportDialog, ExportJob

        report, section = self.report, self.current_section
        what = section_label(section) if section else f"{t('the whole report')} {report.meta.title}"

        def render(fmt: str, bom: bool) -> str:
            from partybuild_tui.export import export_report

            return export_report(report, fmt, section=section, bom=bom)

        job = ExportJob(
            what=what,
            render=render,
            default_name=partial(_export_filename, report, section=section),
            count_note=(
                f"{section.total_metrics if section else report.total_metrics} {t('metrics')}"
            ),
            protect=getattr(getattr(self.app, "options", None), "report_path", None),
        )
        self.app.push_screen(ExportDialog(job), self._exported)

    def _exported(self, result: str | None) -> None:
        if result:
            self.notify(f"{t('Exported to')} {result}", title=t("Export"), markup=False)

    def action_copy(self) -> None:
        section = self.current_section
        if section is None:
            from partybuild_tui.export.markdown import report_markdown

            copy_text(self, report_markdown(self.report), t("the whole report as Markdown"))
            return
        from partybuild_tui.export import section_clip_text

        text = section_clip_text(section, self.report)
        copy_text(self, text, f"{section_label(section)} · Markdown")

    # -- bookmarks ------------------------------------------------------------------------

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self.notify(warning, title=t("Bookmarks"), severity="warning", markup=False)

    def action_bookmark(self) -> None:
        section = self.current_section
        if section is None or self.session is None:
            self.notify(t("Open a section to bookmark it."), timeout=3)
            return
        marked, warnings = self.session.toggle_bookmark(section.id)
        self._warn(warnings)
        message = t("Bookmarked") if marked else t("Bookmark removed")
        self.notify(f"{message}: {section_label(section)}", markup=False)

    def action_bookmarks(self) -> None:
        from partybuild_tui.ui.screens.bookmarks import BookmarksScreen

        if self.session is None:
            return
        self.app.push_screen(
            BookmarksScreen(self.report, self.session, self._warn), self._bookmark_chosen
        )

    def _bookmark_chosen(self, section_id: str | None) -> None:
        if section_id and self.report.get_section(section_id) is not None:
            self.go_to_section(section_id)


# -- the command palette --------------------------------------------------------------------

_COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("Metrics table", "数据表", "metrics", "Table of every metric (sort, filter, group)"),
    ("Bookmarks", "书签列表", "bookmarks", "List bookmarks: Enter jumps, d deletes"),
    ("Bookmark this section", "收藏本节", "bookmark", "Bookmark this section (again: remove)"),
    ("Back", "后退", "back", "Back to where you were"),
    ("Forward", "前进", "forward", "Forward again after going back"),
    ("Export", "导出", "export", "Export this section (or the report) to a file"),
)


class ExplorerCommands(Provider):
    """Palette commands: the metrics table (数据表), bookmarks, back and forward, export."""

    def _explorer(self) -> ExplorerKeys | None:
        for screen in self.app.screen_stack:
            if isinstance(screen, ExplorerKeys):
                return screen
        return None

    def _run(self, action: str) -> Callable[[], None]:
        def run() -> None:
            explorer = self._explorer()
            if explorer is None:
                return
            if action != "metrics" and self.app.screen is not explorer:
                # From the metrics view: act on the explorer, as the key there would.
                self.app.pop_screen()
            getattr(explorer, f"action_{action}")()

        return run

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        chinese_ui = get_language() == "zh"
        for english, chinese, action, help_text in _COMMANDS:
            score = max(matcher.match(english), matcher.match(chinese))
            if score > 0:
                shown = chinese if chinese_ui else english
                yield Hit(score, matcher.highlight(shown), self._run(action), help=t(help_text))

    async def discover(self) -> Hits:
        chinese_ui = get_language() == "zh"
        for english, chinese, action, help_text in _COMMANDS:
            shown = chinese if chinese_ui else english
            yield DiscoveryHit(shown, self._run(action), help=t(help_text))
