"""What the app remembers: navigation history (in memory) and, per report on disk,
bookmarks and the last position. No Textual here.

* ``History`` — back/forward over visited section ids.
* ``store.ReportSession.open(report_id, report_path, section_ids)`` — the app's handle:
  ``bookmarks``, ``toggle_bookmark``, ``last_section``, ``set_last_section``, ``save``,
  ``warnings``.
* ``store.StateStore`` / ``store.ReportKey`` / ``store.ReportState`` — the layer underneath.

The store (JSON, atomic writes) is imported from ``partybuild_tui.state.store``, not
from here: this package is imported on the way to the first frame (the load cache
lives in it), and the explorer reads its saved state after that frame, on a thread.
"""

from partybuild_tui.state.bookmarks import Bookmarks
from partybuild_tui.state.digest import content_hash, file_hash
from partybuild_tui.state.history import DEFAULT_LIMIT, History
from partybuild_tui.state.locations import STATE_ENV as ENV_VAR
from partybuild_tui.state.locations import state_dir

__all__ = [
    "DEFAULT_LIMIT",
    "ENV_VAR",
    "Bookmarks",
    "History",
    "content_hash",
    "file_hash",
    "state_dir",
]
