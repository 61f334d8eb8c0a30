"""What the explorer's report keys do: metrics view, export, copy, bookmarks, back/forward.

``ReportActions`` is a part of the explorer (composition, not a base class): it acts on
one open report through the session, and needs from its screen only a place to push
dialogs and show notices. The keys themselves are ``REPORT_BINDINGS``, declared by
the explorer; the palette's commands for the same actions are ``ExplorerCommands``.
Export (its dialog too), the bookmarks list and the metrics view are imported when
first used: the first frame needs none of them, and together they bring the search
engine, every export format and six Textual widget modules.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from partybuild_tui.ui.clipboard import copy_text
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.messages import Highlight
from partybuild_tui.ui.session import OpenReport, Session
from partybuild_tui.ui.widgets.section_tree import section_label

METRICS_SCREEN = "metrics"

# Only m is in the footer: the explorer's own keys come after these there and must
# stay visible at 80 columns; the help screen (?) and the palette list the rest.
REPORT_BINDINGS = [
    Binding("m", "metrics", "Metrics", tooltip="Table of every metric (sort, filter, group)"),
    Binding(
        "e", "export", "Export", tooltip="Export this section (or the report) to a file", show=False
    ),
    Binding("y", "copy", "Copy", tooltip="Copy this section as Markdown (OSC 52)", show=False),
    Binding(
        "b", "bookmark", "Bookmark", tooltip="Bookmark this section (again: remove)", show=False
    ),
    Binding(
        "B", "bookmarks", "Bookmarks", tooltip="List bookmarks: Enter jumps, d deletes", show=False
    ),
    Binding(
        "H,backspace", "back", "Back", key_display="H", tooltip="Back to where you were", show=False
    ),
    Binding("L", "forward", "Forward", tooltip="Forward again after going back", show=False),
    Binding(
        "c",
        "compare",
        "Compare",
        tooltip="This figure across the library (compare view)",
        show=False,
    ),
    Binding(
        "E",
        "edit_report",
        "Edit the report",
        tooltip="Open the report in $EDITOR at this section; read again on exit",
        show=False,
    ),
]


class ReportActions:
    """The report keys' actions for one open report, shown from ``screen``."""

    def __init__(
        self,
        screen: Screen[None],
        session: Session,
        opened: OpenReport,
        redraw: Callable[[], Awaitable[None]],
    ) -> None:
        self.screen = screen
        self.redraw = redraw
        """Draw the screen anew from ``opened.report`` (after E read it again)."""
        self.session = session
        self.opened = opened
        self.compare_return: tuple[str, int | None, str] | None = None
        """Opened from the compare view: the section landed on, the history's cursor after
        that jump (``None``: no jump, it was there), the report current before."""

    def metrics(self) -> None:
        """Open the metrics view (the same one each time: filter, sort and row are kept)."""
        from partybuild_tui.ui.screens.metrics import MetricsScreen  # loads when first used

        app = self.screen.app
        if isinstance(app.screen, MetricsScreen):
            return
        name = f"{METRICS_SCREEN} {self.opened.id}"  # one per open report
        if not app.is_screen_installed(name):
            app.install_screen(MetricsScreen(self.opened), name)
        installed = app.get_screen(name)
        if installed in app.screen_stack:  # under a compare view: back down to it, not twice
            while app.screen is not installed:
                app.pop_screen()
            return
        app.push_screen(name)

    def compare(self, highlight: Highlight | None) -> None:
        """The compare view of the figure last highlighted here, else of the section's."""
        from partybuild_tui.ui.screens.compare_open import compare_from_explorer  # lazy: compare/

        compare_from_explorer(self.screen, self.opened, highlight)

    def landed_from_compare(self, before: int, previous: str) -> None:
        """This explorer was opened by Enter on a compare cell and has just jumped to the
        figure (``before``: the history's cursor before that jump; ``previous``: the report
        that was current): H from the figure's section returns to the compare view."""
        navigation = self.opened.navigation
        cursor = navigation.history.cursor
        self.compare_return = (navigation.here, cursor if cursor != before else None, previous)

    def back_to_compare(self) -> bool:
        """H on the section the compare view opened: this explorer closes, so the compare
        view is back with its cursor on the cell, and the jump is undone (the screens below
        show what they showed). ``False`` anywhere else: H goes back along the history."""
        if self.compare_return is None:
            return False
        landing, jump, previous = self.compare_return
        navigation = self.opened.navigation
        if navigation.here != landing or navigation.history.current != landing:
            return False
        self.compare_return = None
        if jump is not None and navigation.history.cursor == jump:
            self.session.back(self.opened.id)  # not when the saved state reset the history
        if previous in self.session.reports:
            self.session.open(previous)
        self.screen.app.pop_screen()
        return True

    def back(self) -> None:
        if self.back_to_compare():
            return
        if not self.session.back(self.opened.id):
            self.screen.notify(t("Nothing to go back to."), timeout=2)

    def forward(self) -> None:
        if not self.session.forward(self.opened.id):
            self.screen.notify(t("Nothing to go forward to."), timeout=2)

    # -- export and copy ------------------------------------------------------------------

    def export(self) -> None:
        # lazy: export and its dialog (see the docstring)
        from partybuild_tui.export import default_filename, export_report
        from partybuild_tui.ui.screens.export_dialog import ExportDialog, ExportJob

        report, section = self.opened.report, self.opened.section
        what = section_label(section) if section else f"{t('the whole report')} {report.meta.title}"

        def render(fmt: str, bom: bool) -> str:
            return export_report(report, fmt, section=section, bom=bom)

        def name(fmt: str) -> str:
            return default_filename(report, fmt, section=section)

        total = section.total_metrics if section else report.total_metrics
        job = ExportJob(
            what=what,
            render=render,
            default_name=name,
            count_note=f"{total} {t('metrics')}",
            protect=self.opened.path,
        )
        self.screen.app.push_screen(ExportDialog(job), self._exported)

    def _exported(self, result: str | None) -> None:
        if result:
            self.screen.notify(f"{t('Exported to')} {result}", title=t("Export"), markup=False)

    def copy(self) -> None:
        from partybuild_tui.export import report_markdown, section_clip_text  # lazy: export/

        report, section = self.opened.report, self.opened.section
        if section is None:
            copy_text(self.screen, report_markdown(report), t("the whole report as Markdown"))
            return
        text = section_clip_text(section, report)
        copy_text(self.screen, text, f"{section_label(section)} · Markdown")

    # -- the user's editor -----------------------------------------------------------------

    async def edit(self, item_id: str | None = None) -> None:
        """``E``: the report in ``$EDITOR`` at this section (or the metric ``item_id``),
        then read again (``ui/editor.py``)."""
        from partybuild_tui.ui import editor  # lazy: subprocess, only for E

        path, app = self.opened.path, self.screen.app
        if path is None:
            self.screen.notify(t("This report has no file to edit."), timeout=3)
            return
        problem = editor.run_editor(app, path, item_id or self.opened.here or None)
        if problem is not None:
            self.screen.notify(problem, title=t("Edit the report"), severity="error", markup=False)
            return
        result = editor.reload(path)
        if isinstance(result, str):  # the edit broke it: say where, keep what we had
            self.screen.notify(
                result, title=t("Edit the report"), severity="error", markup=False, timeout=15
            )
            return
        self.opened.report = result
        self.opened.index = None  # built again for the new text (the screen asks for it)
        name = f"{METRICS_SCREEN} {self.opened.id}"
        if app.is_screen_installed(name):
            app.uninstall_screen(name)  # it shows the old report's metrics
        await self.redraw()
        metric = result.get_metric(item_id) if item_id else None
        if metric is not None and result.get_section(metric.section_id) is not None:
            self.session.go_to(metric.section_id, report_id=self.opened.id)  # after the redraw
        app.notify(t("Report read again after editing."), timeout=3)

    # -- bookmarks --------------------------------------------------------------------------

    def _warn(self, warnings: list[str]) -> None:
        for warning in warnings:
            self.screen.notify(warning, title=t("Bookmarks"), severity="warning", markup=False)

    def bookmark(self) -> None:
        section, saved = self.opened.section, self.opened.saved
        if section is None or saved is None:
            self.screen.notify(t("Open a section to bookmark it."), timeout=3)
            return
        marked, warnings = saved.toggle_bookmark(section.id)
        self._warn(warnings)
        message = t("Bookmarked") if marked else t("Bookmark removed")
        self.screen.notify(f"{message}: {section_label(section)}", markup=False)

    def bookmarks(self) -> None:
        if self.opened.saved is None:
            return
        from partybuild_tui.ui.screens.bookmarks import BookmarksScreen  # lazy: see the docstring

        screen = BookmarksScreen(self.opened.report, self.opened.saved, self._warn)
        self.screen.app.push_screen(screen, self._bookmark_chosen)

    def _bookmark_chosen(self, section_id: str | None) -> None:
        if section_id and self.opened.report.get_section(section_id) is not None:
            self.session.go_to(section_id, report_id=self.opened.id)


# -- the command palette --------------------------------------------------------------------

_COMMANDS: tuple[tuple[str, str, str], ...] = (
    # (name, action, help): names and help go through t(); a command is found by its
    # name in either language.
    ("Metrics table", "metrics", "Table of every metric (sort, filter, group)"),
    ("Bookmarks", "bookmarks", "List bookmarks: Enter jumps, d deletes"),
    ("Bookmark this section", "bookmark", "Bookmark this section (again: remove)"),
    ("Back", "back", "Back to where you were"),
    ("Forward", "forward", "Forward again after going back"),
    ("Export", "export", "Export this section (or the report) to a file"),
)


class ExplorerCommands(Provider):
    """Palette commands: the metrics table (数据表), bookmarks, back and forward, export."""

    def _run(self, action: str) -> Callable[[], object]:
        async def run() -> None:
            from partybuild_tui.ui.screens.metrics import MetricsScreen  # see the docstring

            app = self.app
            if action != "metrics" and isinstance(app.screen, MetricsScreen):
                app.pop_screen()  # from the metrics view: act on the explorer, as its key would
            await app.run_action(action, app.screen)

        return run

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in _COMMANDS:
            shown = t(name)
            score = max(matcher.match(name), matcher.match(shown))
            if score > 0:
                yield Hit(score, matcher.highlight(shown), self._run(action), help=t(help_text))

    async def discover(self) -> Hits:
        for name, action, help_text in _COMMANDS:
            yield DiscoveryHit(t(name), self._run(action), help=t(help_text))
