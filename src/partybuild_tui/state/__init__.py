"""What the app remembers: navigation history (in memory) and, per report on disk,
bookmarks and the last position. No Textual here.

* ``History`` — back/forward over visited section ids.
* ``ReportSession.open(report_id, report_path, section_ids)`` — the app's handle:
  ``bookmarks``, ``toggle_bookmark``, ``last_section``, ``set_last_section``, ``save``,
  ``warnings``.
* ``StateStore`` / ``ReportKey`` / ``ReportState`` — the layer underneath.
"""

from partybuild_tui.state.bookmarks import Bookmarks
from partybuild_tui.state.digest import content_hash, file_hash
from partybuild_tui.state.history import DEFAULT_LIMIT, History
from partybuild_tui.state.locations import state_dir
from partybuild_tui.state.store import (
    ENV_VAR,
    LoadResult,
    ReportKey,
    ReportSession,
    ReportState,
    StateStore,
)

__all__ = [
    "DEFAULT_LIMIT",
    "ENV_VAR",
    "Bookmarks",
    "History",
    "LoadResult",
    "ReportKey",
    "ReportSession",
    "ReportState",
    "StateStore",
    "content_hash",
    "file_hash",
    "state_dir",
]
