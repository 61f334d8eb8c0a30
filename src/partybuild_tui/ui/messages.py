"""What the session tells the screens: the app-wide messages.

Widget messages (``SectionTree.OpenRequested``, ``SearchPanel.Jump``…) live in
their widget, as Textual's own do. These are the session's: it posts them to the
screens on the stack (``Session.announce``), which handle them with
``@on(IndexReady)`` / ``on_index_ready``. All follow Textual's conventions:
dataclasses, no bubbling past the screen, ``control`` where a widget sent them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from partybuild_tui.model import Metric
    from partybuild_tui.search import SearchIndex

Spans = tuple[tuple[int, int], ...] | list[tuple[int, int]]


@dataclass(frozen=True)
class Highlight:
    """What to mark in a section's text when the user lands there.

    ``matches``: paragraph index → spans; ``current``: (paragraph, start, end), the one
    scrolled to; ``title_matches``: spans in the title.
    """

    matches: Mapping[int, Spans] = field(default_factory=dict)
    current: tuple[int, int, int] | None = None
    title_matches: Spans = ()

    @classmethod
    def of_metric(cls, metric: Metric) -> Highlight:
        """A metric's quote, marked and scrolled to."""
        span = (metric.quote_start, metric.quote_end)
        return cls({metric.paragraph_index: [span]}, (metric.paragraph_index, *span))


@dataclass
class IndexReady(Message, bubble=False):
    """The search index of a report is built (off the UI thread) and in the session."""

    report_id: str
    index: SearchIndex


@dataclass
class PlaceChanged(Message, bubble=False):
    """The session moved the user in a report (a jump, back, forward, a bookmark…).

    Screens showing that report bring their views to ``place`` (``ROOT``: the report
    card), marking ``highlight`` if given. Tree steps do not send it: the tree is where
    they come from.
    """

    report_id: str
    place: str
    highlight: Highlight | None = None


@dataclass
class CurrentReportChanged(Message, bubble=False):
    """Another open report became the current one (``Session.open``)."""

    report_id: str
