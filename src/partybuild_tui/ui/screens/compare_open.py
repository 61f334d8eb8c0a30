"""Opening the compare view from a figure or from marked reports: which library, which rows.

The library is the session's when the app has one open; otherwise the report's
own file (a library of one), except for the bundled report, which is compared
within the bundled example library (``compare.example``) so that ``c`` shows
something at once. Loading and comparing run in a thread; the view is pushed when
ready. Enter on a cell opens that report at the figure's quote.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import ModalScreen, Screen

from partybuild_tui.compare import (
    Comparison,
    Figure,
    Suggestion,
    accept_suggestion,
    compare_library,
    library_root,
    registry_path,
    suggest,
)
from partybuild_tui.compare.build import library_links
from partybuild_tui.compare.example import example_library_paths
from partybuild_tui.compare.figures import collect_figures
from partybuild_tui.compare.table import CompareTable as Table
from partybuild_tui.library import Library, open_library
from partybuild_tui.model import Metric, Report, ReportError, bundled_report_path
from partybuild_tui.ui.messages import Highlight
from partybuild_tui.ui.screens.compare import CompareScreen, comparison_title, words
from partybuild_tui.ui.session import OpenReport, SessionApp, session_of


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def library_for(app: App[Any], opened: OpenReport | None = None) -> Library:
    """The library ``c`` compares within (see the module docstring)."""
    session = session_of(app)
    if session.library is not None:
        return session.library
    path = opened.path if opened is not None else session.current.path
    if path is None or _same_file(path, bundled_report_path()):
        paths = example_library_paths()
    else:
        paths = [Path(path)]
    key = tuple(str(p) for p in paths)
    if session.compare_library is None or session.compare_library[0] != key:
        session.compare_library = (key, open_library(paths))  # one at a time
    return session.compare_library[1]


def comparison_for_metric(
    library: Library, report: Report, metric: Metric
) -> tuple[Comparison, list[Suggestion], Figure | None]:
    """This figure's indicator across ``library``, or suggestions when it has none."""
    links = library_links(library)
    indicator = metric.indicator or links.get((report.meta.id, metric.id))
    if indicator is not None:
        return compare_library(library, indicators=[indicator], links=links), [], None
    pairs = [(e.report, e.path) for e in library.entries if e.report is not None]
    _, figures = collect_figures(pairs, links)
    figure = next(
        (f for f in figures if f.column.report_id == report.meta.id and f.metric.id == metric.id),
        None,
    )
    suggestions = suggest(figure, figures, library.registry) if figure else []
    return compare_library(library, indicators=[], links=links), suggestions, figure


def open_figure(screen: Screen[Any], figure: Figure, comparison: Comparison) -> None:
    """Open the figure's report at its quote, highlighted, in an explorer pushed over the
    compare view (``app.open_report_at``): the view stays underneath, so H from the figure
    returns to it with the cursor on the same cell. A jump: recorded in that report's
    history (and undone by that H)."""
    app = screen.app
    session = session_of(app)
    report = comparison.reports.get(figure.column.report_id)
    if report is None:
        return
    # The same report may be open as another object (the bundled report in the app and
    # in the example library): it is the same report when the id is.
    opened = session.find(report) or next(
        (o for o in session.reports.values() if o.report.meta.id == report.meta.id), None
    )
    if opened is None:
        path = figure.column.path
        opened = session.add(report, str(path) if path is not None else None)
    metric = opened.report.get_metric(figure.metric.id) or figure.metric
    previous = session.current.id
    session.open(opened.id)
    if isinstance(app, SessionApp):
        app.open_report_at(opened, metric, previous)


def push_compare(
    app: App[Any],
    library: Library,
    comparison: Comparison,
    suggestions: Sequence[Suggestion] = (),
) -> None:
    root = library_root(library)

    def accept(suggestion: Suggestion) -> Comparison | None:
        if root is None:
            return None
        registry = accept_suggestion(suggestion, root, library.registry, registry_path(library))
        fresh = Library(library.root, library.entries, registry, registry_path(library))
        return compare_library(fresh, indicators=[suggestion.indicator.id])

    screen: CompareScreen

    def opener(figure: Figure, shown: Comparison) -> None:
        open_figure(screen, figure, shown)

    title = comparison_title(comparison, root)
    if suggestions and not comparison.table.rows:
        title = suggestions[0].figure.metric.label + " · " + words("suggestions", "建议匹配")
    suggested = list(suggestions)
    # One view per app, kept between uses (like the metrics view): showing a comparison on
    # it costs a third of composing a new one. A new one only when it is on the stack
    # already (``c`` in a report opened from it).
    kept = app.get_screen(COMPARE_SCREEN) if app.is_screen_installed(COMPARE_SCREEN) else None
    if isinstance(kept, CompareScreen) and kept not in app.screen_stack:
        kept.show_comparison(
            comparison, title=title, open_figure=opener, suggestions=suggested, accept=accept
        )
        screen = kept
    else:
        screen = CompareScreen(
            comparison, title=title, open_figure=opener, suggestions=suggested, accept=accept
        )
        if kept is None:
            app.install_screen(screen, COMPARE_SCREEN)
    app.push_screen(screen)


COMPARE_SCREEN = "compare"


def prepare_compare_view(app: App[Any]) -> None:
    """Compose the compare view while the app is idle, before the first ``c`` (the library
    screen asks once its figure index is built): composing, styling and laying out a new
    screen, and reading its stylesheet, were two thirds of the first ``c``.

    Pushed and popped in one go, so it is never drawn; installed, so it stays composed and
    ``push_compare`` shows the first comparison on it. Not over a dialog (the screen under
    a dialog shows through it), and not twice."""
    if app.is_screen_installed(COMPARE_SCREEN) or isinstance(app.screen, ModalScreen):
        return
    empty = Comparison(Table((), ()), (), (), None)
    screen = CompareScreen(empty, title="")
    app.install_screen(screen, COMPARE_SCREEN)
    app.push_screen(screen)
    app.pop_screen()


def comparison_for_metrics(
    library: Library, report: Report, metrics: Sequence[Metric]
) -> tuple[Comparison, list[Suggestion]]:
    """The indicators of ``metrics`` across ``library``; for one figure without an
    indicator (or several, none with one), the first one's suggestions."""
    links = library_links(library)
    indicators = list(
        dict.fromkeys(
            name
            for m in metrics
            if (name := m.indicator or links.get((report.meta.id, m.id))) is not None
        )
    )
    if len(metrics) == 1 or not indicators:
        comparison, suggestions, _ = comparison_for_metric(library, report, metrics[0])
        return comparison, suggestions
    return compare_library(library, indicators=indicators, links=links), []


def compare_metric(screen: Screen[Any], opened: OpenReport, metric: Metric) -> None:
    """``c`` on a figure: load and compare in a thread, then show the view."""
    compare_metrics(screen, opened, [metric])


def compare_metrics(screen: Screen[Any], opened: OpenReport, metrics: Sequence[Metric]) -> None:
    """``c`` on figures (one, or a section's): load and compare in a thread, then show."""
    app = screen.app
    report = opened.report
    if not metrics:
        app.notify(words("No figures here to compare.", "这里没有可比较的数据。"), timeout=3)
        return

    def work() -> None:
        try:
            library = library_for(app, opened)
            comparison, suggestions = comparison_for_metrics(library, report, metrics)
        except ReportError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        app.call_from_thread(push_compare, app, library, comparison, suggestions)

    app.run_worker(work, thread=True, group="compare", exclusive=True)


def compare_from_explorer(
    screen: Screen[Any], opened: OpenReport, highlight: Highlight | None
) -> None:
    """``c`` in the explorer: the figure whose quote the last jump marked (from the metrics
    table, a search hit) when it is in the section on screen, else every figure there."""
    section = opened.section
    if section is None:
        screen.app.notify(words("Open a section first.", "请先打开一个部分。"), timeout=3)
        return
    current = highlight.current if highlight is not None else None
    for metric in section.metrics:
        if current is not None and (metric.paragraph_index, metric.quote_start) == current[:2]:
            compare_metrics(screen, opened, [metric])
            return
    compare_metrics(screen, opened, list(section.metrics))


def compare_reports_marked(
    screen: Screen[Any], library: Library, report_ids: Sequence[str]
) -> None:
    """``c`` on marked reports in the library: every indicator they all share."""
    app = screen.app
    comparison = compare_library(library, shared_by=list(report_ids))
    if not comparison.table.rows:
        app.notify(
            words("These reports share no indicator.", "这些报告没有共同的指标。"), timeout=4
        )
        return
    push_compare(app, library, comparison)
