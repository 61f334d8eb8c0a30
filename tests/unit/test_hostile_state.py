"""Hostile state files: well-formed, under the 1 MiB cap, and built to freeze the app.

The attack file holds 101,010 valid-looking section ids (1 MB): each id used to
be checked against a list of the ones kept, and every kept bookmark against a
list of the report's ids, about 10⁹ comparisons (9 s after the first frame,
12 s on the first ``b``). With no attacker, 10,000 real bookmarks cost 2 s per
``b`` the same way. Loading is linear now, the bound (10,000) is kept and said.

Time limits here are generous (the work now takes milliseconds; before, seconds
to minutes), like the "refused in under a second" checks of hostile reports.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from partybuild_tui.state.bookmarks import MAX_BOOKMARKS, Bookmarks
from partybuild_tui.state.store import (
    FORMAT,
    MAX_STATE_FILE,
    VERSION,
    ReportKey,
    ReportSession,
    StateStore,
)

TIME_LIMIT = 1.0
SECTIONS = [f"s{n:06d}" for n in range(12_000)]


def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.yaml"
    path.write_text("schema: partybuild-report/1\n", encoding="utf-8")  # only its hash is used
    return path


def write_state(store: StateStore, key: ReportKey, bookmarks: list[str]) -> Path:
    path = store.path_for(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "format": FORMAT,
        "version": VERSION,
        "report_id": key.report_id,
        "content_hash": key.content_hash,
        "report_path": key.source_path,
        "bookmarks": bookmarks,
        "last_section": bookmarks[-1] if bookmarks else None,
    }
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return path


def timed(action):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    assert elapsed < TIME_LIMIT, f"took {elapsed:.2f} s"
    return result


def test_a_1_mb_file_of_101010_ids_loads_at_once_and_keeps_the_bound(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    path = report_file(tmp_path)
    key = ReportKey.for_file("r", path)
    ids = [f"s{n:06d}" for n in range(101_010)]
    state_file = write_state(store, key, ids)
    assert 1_000_000 < state_file.stat().st_size <= MAX_STATE_FILE
    session = timed(lambda: ReportSession.open("r", path, SECTIONS, store=store))
    assert session.bookmarks == tuple(SECTIONS[:MAX_BOOKMARKS])
    assert any(f"kept the first {MAX_BOOKMARKS:,} of 101,010" in w for w in session.warnings)


def test_a_file_of_ids_the_report_lacks_loads_at_once(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    path = report_file(tmp_path)
    key = ReportKey.for_file("r", path)
    write_state(store, key, [f"gone-{n}" for n in range(101_010)])
    session = timed(lambda: ReportSession.open("r", path, SECTIONS, store=store))
    assert session.bookmarks == ()


def test_b_with_10000_bookmarks_is_quick(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    path = report_file(tmp_path)
    key = ReportKey.for_file("r", path)
    write_state(store, key, SECTIONS[: MAX_BOOKMARKS - 1])
    session = ReportSession.open("r", path, SECTIONS, store=store)
    marked, warnings = timed(lambda: session.toggle_bookmark(SECTIONS[-1]))
    assert (marked, warnings) == (True, [])
    assert len(session.bookmarks) == MAX_BOOKMARKS
    marked, warnings = timed(lambda: session.toggle_bookmark(SECTIONS[-1]))
    assert (marked, warnings) == (False, [])


def test_the_bound_is_said_when_full(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state")
    path = report_file(tmp_path)
    write_state(store, ReportKey.for_file("r", path), SECTIONS[:MAX_BOOKMARKS])
    session = ReportSession.open("r", path, SECTIONS, store=store)
    marked, warnings = session.toggle_bookmark(SECTIONS[-1])
    assert not marked
    assert warnings == [
        f"not bookmarked: {MAX_BOOKMARKS:,} bookmarks is the most kept; remove one first"
    ]
    assert SECTIONS[-1] not in session.bookmarks
    # Removing one still works, and makes room.
    assert session.toggle_bookmark(SECTIONS[0]) == (False, [])
    assert session.toggle_bookmark(SECTIONS[-1]) == (True, [])


@pytest.mark.parametrize("count", [1_000, 100_000])
def test_bookmarks_are_built_in_linear_time(count: int) -> None:
    ids = [f"s{n}" for n in range(count)]
    bookmarks = timed(lambda: Bookmarks(ids + ids))
    assert len(bookmarks) == min(count, MAX_BOOKMARKS)
    assert timed(lambda: bookmarks.prune(ids[: count // 2])) == ids[count // 2 : MAX_BOOKMARKS]
