"""The app's runtime state, with one owner: the ``Session`` the App holds.

Everything that outlives a screen lives here, typed, and nowhere else:

* the open reports (``reports``, many; ``current``, one), each an ``OpenReport`` with
  its report, its file, its search index, its navigation and its saved state
  (bookmarks, last position);
* the options the command line chose (``options``);
* where the user is: ``OpenReport.navigation.here``, the one source of truth (the
  tree cursor and the reading pane are views of it).

Screens reach it as ``self.app.session`` (``app = getters.app(SessionApp)`` gives the
typed App) and learn of changes through the messages of ``ui/messages.py``, posted to
the screens on the stack: ``IndexReady`` when a report's index is built (off the UI
thread, after the first frame), ``PlaceChanged`` when a jump, back or forward moved the
user, ``CurrentReportChanged`` when another report became current. Nobody reaches into a
sibling screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from partybuild_tui.model import Report, Section
from partybuild_tui.model.collector import freeze_long_lived
from partybuild_tui.ui.messages import CurrentReportChanged, Highlight, IndexReady, PlaceChanged
from partybuild_tui.ui.navigation import ROOT, Navigation

if TYPE_CHECKING:
    from partybuild_tui.library import Library
    from partybuild_tui.model import Metric
    from partybuild_tui.search import SearchIndex
    from partybuild_tui.state.search_history import SearchHistory
    from partybuild_tui.state.store import ReportSession


@dataclass(frozen=True)
class AppOptions:
    """What the command line chose about the app."""

    start_section: str | None = None
    theme: str | None = None
    language: str | None = None
    animations: bool = True
    debug: bool = False
    """Show the full traceback when the app crashes (``--debug``)."""
    after_first_frame: tuple[Callable[[], None], ...] = ()
    """Work that can wait until the report is on screen (saving the load cache)."""
    report_path: str | None = None
    """The report's file: bookmarks and the last position are kept per file (none: not kept)."""


class OpenReport:
    """One open report and everything the app knows about it while it runs."""

    def __init__(self, report_id: str, report: Report, path: str | None) -> None:
        self.id = report_id
        self.report = report
        self.path = path
        """The file it was read from; the app never writes to it (export refuses it too)."""
        self.navigation = Navigation()
        self.index: SearchIndex | None = None
        """The search index; ``None`` until built (``Session.request_index``)."""
        self.saved: ReportSession | None = None
        """Bookmarks and last position on disk; ``None`` until opened after the first frame."""
        self._indexing = False

    @property
    def here(self) -> str:
        """Where the user is: a section id, or ``ROOT`` (the report card)."""
        return self.navigation.here

    @property
    def section(self) -> Section | None:
        """The section the user is in (``None``: the report card)."""
        return self.report.get_section(self.here) if self.here else None

    def read_saved(self) -> ReportSession:
        """Bookmarks and last position from disk (no Textual: run off the UI thread)."""
        # lazy: the store (json, atomic writes), imported by this worker after the first frame
        from partybuild_tui.state.store import ReportSession, ReportState, StateStore

        ids = self.report.section_ids()
        if self.path is None:  # nothing to key the state by: in memory only
            return ReportSession(StateStore(), None, ReportState(), [], ids)
        return ReportSession.open(self.report.meta.id, self.path, ids)

    def apply_saved(
        self, saved: ReportSession, started_at_section: bool
    ) -> tuple[list[str], Section | None]:
        """Keep ``saved`` and seed the history with its position.

        Returns the warnings to show and, when it was put behind the start, the section
        the user was reading last time.
        """
        self.saved = saved
        previous = None if started_at_section else saved.last_section
        seeded = self.navigation.start(previous)
        section = self.report.get_section(previous) if seeded and previous else None
        return list(saved.warnings), section

    def save(self) -> None:
        """Remember where the user is, for the next start (H goes back there)."""
        if self.saved is not None:
            self.saved.set_last_section(self.here or None)
            self.saved.save()


class Session:
    """The open reports, the options, and the messages that say what changed."""

    def __init__(self, app: App[int], options: AppOptions | None = None) -> None:
        self._app = app
        self.options = options or AppOptions()
        self._reports: dict[str, OpenReport] = {}
        self._current: str | None = None
        self._first_frame_shown = False
        self._search_history: SearchHistory | None = None
        self._frozen_first_index = False
        self.hidden_columns: set[str] = set()
        """The metrics table's hidden columns (``-``), for the run of the app, every report."""
        self.export_formats: dict[str, str] = {}
        """The format last exported, per kind of export (``ExportJob.kind``), for the run."""
        self.library: Library | None = None
        """The library the app shows (``partybuild-tui DIR``); ``None`` for one report."""
        self.compare_library: tuple[tuple[str, ...], Library] | None = None
        """Outside a library, the one ``c`` compares within (its paths, the library),
        kept so that the next ``c`` answers from the same figure index."""

    # -- the reports ----------------------------------------------------------------

    @property
    def reports(self) -> Mapping[str, OpenReport]:
        """Every open report by id, in the order they were added."""
        return self._reports

    @property
    def current(self) -> OpenReport:
        """The report the user is looking at."""
        if self._current is None:
            raise LookupError("no report is open")
        return self._reports[self._current]

    def add(self, report: Report, path: str | None = None) -> OpenReport:
        """Register a report (the first one added becomes current); its id is returned in it.

        The id is the report's own (``meta.id``), made unique with ``#2``, ``#3``… when two
        open reports share one (two versions of the same report).
        """
        report_id, number = report.meta.id, 1
        while report_id in self._reports:
            number += 1
            report_id = f"{report.meta.id}#{number}"
        opened = OpenReport(report_id, report, path)
        self._reports[report_id] = opened
        if self._current is None:
            self._current = report_id
        return opened

    def open(self, report_id: str) -> OpenReport:
        """Make an added report the current one."""
        opened = self._reports[report_id]
        if report_id != self._current:
            self._current = report_id
            self.announce(lambda: CurrentReportChanged(report_id))
        return opened

    def get(self, report_id: str | None = None) -> OpenReport:
        return self.current if report_id is None else self._reports[report_id]

    def find(self, report: Report) -> OpenReport | None:
        """The open report holding this very ``Report`` object."""
        return next((o for o in self._reports.values() if o.report is report), None)

    # -- where the user is ----------------------------------------------------------------

    def go_to(
        self, place: str | None, *, highlight: Highlight | None = None, report_id: str | None = None
    ) -> None:
        """A jump (palette, bookmark, metric row, search hit…): recorded, and announced."""
        opened = self.get(report_id)
        there = place or ROOT
        opened.navigation.jump(there)
        self.announce(lambda: PlaceChanged(opened.id, there, highlight))

    def back(self, report_id: str | None = None) -> bool:
        """Back along the history; ``False`` when there is nowhere to go."""
        opened = self.get(report_id)
        place = opened.navigation.back()
        if place is not None:
            self.announce(lambda: PlaceChanged(opened.id, place))
        return place is not None

    def forward(self, report_id: str | None = None) -> bool:
        """Forward again after back; ``False`` at the newest place."""
        opened = self.get(report_id)
        place = opened.navigation.forward()
        if place is not None:
            self.announce(lambda: PlaceChanged(opened.id, place))
        return place is not None

    # -- the search index -------------------------------------------------------------------

    def index(self, report_id: str | None = None) -> SearchIndex | None:
        """The report's search index, or ``None`` while it is being built."""
        return self.get(report_id).index

    def request_index(self, report_id: str | None = None) -> None:
        """Build the report's index in a thread (once); ``IndexReady`` says when it is there."""
        opened = self.get(report_id)
        if opened.index is not None or opened._indexing:
            return
        opened._indexing = True

        def build() -> None:
            from partybuild_tui.search import SearchIndex  # not on the first frame's path

            index = SearchIndex.build(opened.report)
            if not self._frozen_first_index:
                # The first index brings the pinyin tables (~200,000 objects with it, for
                # the app's life): out of the collector's passes, which then cost 40-90 ms
                # in the middle of whatever key triggered one. Once: later indexes are small.
                self._frozen_first_index = True
                freeze_long_lived()
            self._app.call_from_thread(self._index_built, opened, index)

        self._app.run_worker(build, thread=True, group="index", name=f"index {opened.id}")

    def load_saved(
        self,
        report_id: str,
        started_at_section: bool,
        then: Callable[[list[str], Section | None], None],
    ) -> None:
        """Read a report's state file in a thread (a large one must not freeze the
        screen), keep it, then call ``then(warnings, last_section)`` on the UI thread."""
        opened = self.get(report_id)

        def read() -> None:
            saved = opened.read_saved()
            self._app.call_from_thread(lambda: then(*opened.apply_saved(saved, started_at_section)))

        self._app.run_worker(read, thread=True, group="state", name=f"state {opened.id}")

    def _index_built(self, opened: OpenReport, index: SearchIndex) -> None:
        opened.index = index
        opened._indexing = False
        self.announce(lambda: IndexReady(opened.id, index))

    # -- the search history ------------------------------------------------------------------

    @property
    def search_history(self) -> SearchHistory:
        """Earlier queries, for every report (read when first wanted: a small file)."""
        if self._search_history is None:
            from partybuild_tui.state.search_history import SearchHistory  # not on the first frame

            self._search_history = SearchHistory.load()
        return self._search_history

    # -- start and end ------------------------------------------------------------------------

    def first_frame_shown(self) -> None:
        """The first screen is drawn: run the jobs that waited for it (once)."""
        if self._first_frame_shown:
            return
        self._first_frame_shown = True
        jobs = self.options.after_first_frame
        if jobs:

            def run_jobs() -> None:
                for job in jobs:
                    job()  # cache.save never raises (a failed save only means a cold next start)

            self._app.run_worker(run_jobs, thread=True, group="deferred")

    def save(self) -> None:
        """Save every open report's position and the search history (on quit, and when the
        terminal goes away)."""
        for opened in self._reports.values():
            opened.save()
        if self._search_history is not None:
            self._search_history.save()

    # -- telling the screens -------------------------------------------------------------------

    def announce(self, make: Callable[[], Message]) -> None:
        """Post a fresh message (``make()``) to each screen on the stack."""
        for screen in self._app.screen_stack:
            screen.post_message(make())


class SessionApp(App[int]):
    """An App that owns a ``Session``: what screens and widgets get from ``getters.app``."""

    session: Session

    def open_report_at(self, opened: OpenReport, metric: Metric, previous: str) -> None:
        """Show ``metric`` in ``opened`` (a figure chosen in the compare view); ``previous``
        is the report that was current. Apps that show reports override this."""
        raise NotImplementedError


def session_of(app: App[object]) -> Session:
    """The session of ``app`` (for what is not a DOM node, like a palette provider)."""
    if not isinstance(app, SessionApp):
        raise TypeError(f"{type(app).__name__} has no session")
    return app.session
