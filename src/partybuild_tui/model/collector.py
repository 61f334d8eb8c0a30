"""Pausing Python's garbage collector: the one helper for it.

Loading a report, decoding the cache and starting the app each make hundreds of
thousands of objects and no cycles; collector passes over them meanwhile only cost
time. Use ``with collector_paused():`` around such work; ``resume()`` ends the pause
early (the app resumes collecting once its first frame is drawn). Pauses nest: the
collector runs again only when the outermost one that paused it ends.
"""

from __future__ import annotations

import gc
from types import TracebackType


class collector_paused:
    """Context manager: the collector is off inside, back as it was after."""

    def __init__(self) -> None:
        self._paused = False

    def __enter__(self) -> collector_paused:
        self._paused = gc.isenabled()
        gc.disable()
        return self

    def resume(self) -> None:
        """Collect again now (idempotent; only if this pause turned it off)."""
        if self._paused:
            self._paused = False
            gc.enable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.resume()
