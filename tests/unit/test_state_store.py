"""Bookmarks and last position on disk: survive a restart, tolerate a corrupt file, atomic."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from partybuild_tui.model import load_report
from partybuild_tui.state import ENV_VAR, state_dir
from partybuild_tui.state.store import ReportKey, ReportSession, StateStore

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv(ENV_VAR, str(home))
    return home


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    directory = tmp_path / "reports"
    directory.mkdir()
    path = directory / "small.yaml"
    path.write_bytes(FIXTURE.read_bytes())
    return path


def open_session(path: Path) -> ReportSession:
    """What the app does at startup, from scratch (a new store each time, as after a restart)."""
    report = load_report(path)
    return ReportSession.open(report.meta.id, path, report.section_ids())


def test_bookmarks_survive_a_restart(state_home: Path, report_file: Path) -> None:
    first = open_session(report_file)
    assert first.warnings == [] and first.bookmarks == ()
    assert first.toggle_bookmark("discipline") == (True, [])
    assert first.toggle_bookmark("grassroots") == (True, [])
    assert first.toggle_bookmark("warning-month") == (True, [])
    assert first.toggle_bookmark("grassroots") == (False, [])
    del first
    again = open_session(report_file)
    assert again.warnings == []
    assert again.bookmarks == ("discipline", "warning-month")
    assert again.is_bookmarked("warning-month") and not again.is_bookmarked("grassroots")


def test_state_lives_in_the_state_directory_not_next_to_the_report(
    state_home: Path, report_file: Path
) -> None:
    session = open_session(report_file)
    session.toggle_bookmark("outlook")
    assert sorted(p.name for p in report_file.parent.iterdir()) == ["small.yaml"]
    files = list((state_home / "reports").iterdir())
    assert len(files) == 1
    assert files[0].name.startswith("small-test-") and files[0].suffix == ".json"
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert data["bookmarks"] == ["outlook"]
    assert data["report_id"] == "small-test"
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_last_position_is_saved_on_save(state_home: Path, report_file: Path) -> None:
    session = open_session(report_file)
    assert session.last_section is None
    session.set_last_section("warning-month")
    assert open_session(report_file).last_section is None  # not written until save()
    assert session.save() == []
    assert open_session(report_file).last_section == "warning-month"
    assert session.save() == []  # nothing changed: nothing to do


def test_a_corrupt_state_file_is_ignored_with_a_warning(
    state_home: Path, report_file: Path
) -> None:
    session = open_session(report_file)
    session.toggle_bookmark("discipline")
    path = session.store.path_for(session.key)
    path.write_bytes(b'{"format": "partybuild-tui-state", "bookm')  # a torn write
    broken = open_session(report_file)
    assert broken.bookmarks == ()
    assert len(broken.warnings) == 1 and "ignored the unreadable state file" in broken.warnings[0]
    assert str(path) in broken.warnings[0]
    assert broken.toggle_bookmark("outlook") == (True, [])  # replaced by a good file
    assert open_session(report_file).bookmarks == ("outlook",)
    assert open_session(report_file).warnings == []


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        b"[]",
        b"null",
        b'{"format": "something-else", "version": 1}',
        b'{"format": "partybuild-tui-state", "version": 99, "bookmarks": []}',
        b'{"format": "partybuild-tui-state", "version": true, "bookmarks": []}',
        b'{"format": "partybuild-tui-state", "version": 1, "bookmarks": "discipline"}',
        b"[" * 100_000,
        b" " * (2 << 20),
    ],
    ids=["bytes", "list", "null", "format", "version", "bool-version", "bookmarks", "deep", "huge"],
)
def test_any_bad_state_file_gives_a_warning_never_an_exception(
    state_home: Path, report_file: Path, content: bytes
) -> None:
    key = ReportKey.for_file("small-test", report_file)
    path = StateStore().path_for(key)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    session = open_session(report_file)
    assert session.bookmarks == ()
    assert len(session.warnings) == 1 and "ignored" in session.warnings[0]


def test_a_fifo_or_directory_in_place_of_the_file_does_not_block(
    state_home: Path, report_file: Path
) -> None:
    key = ReportKey.for_file("small-test", report_file)
    path = StateStore().path_for(key)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    session = open_session(report_file)
    assert session.bookmarks == () and "FIFO" in session.warnings[0]
    path.unlink()
    path.mkdir()
    session = open_session(report_file)
    assert session.bookmarks == () and "directory" in session.warnings[0]
    bookmarked, warnings = session.toggle_bookmark("outlook")
    assert bookmarked and warnings and "could not save" in warnings[-1]


def test_malformed_entries_are_dropped_and_the_rest_kept(
    state_home: Path, report_file: Path
) -> None:
    key = ReportKey.for_file("small-test", report_file)
    path = StateStore().path_for(key)
    path.parent.mkdir(parents=True)
    path.write_text(
        json.dumps(
            {
                "format": "partybuild-tui-state",
                "version": 1,
                "report_id": "small-test",
                "bookmarks": ["discipline", 3, "\x1b]52;c;evil\x07", "outlook", None],
                "last_section": {"x": 1},
            }
        ),
        encoding="utf-8",
    )
    session = open_session(report_file)
    assert session.bookmarks == ("discipline", "outlook")
    assert session.last_section is None
    assert any("3 malformed bookmark" in w for w in session.warnings)


def test_bookmarks_of_vanished_sections_are_dropped(state_home: Path, report_file: Path) -> None:
    store = StateStore()
    key = ReportKey.for_file("small-test", report_file)
    session = ReportSession(store, key, store.load(key).state, [], None)
    session.toggle_bookmark("gone-section")
    session.toggle_bookmark("outlook")
    session.set_last_section("gone-section")
    session.save()
    assert open_session(report_file).bookmarks == ("outlook",)
    assert open_session(report_file).last_section is None


def test_a_different_file_with_the_same_id_has_its_own_bookmarks(
    state_home: Path, report_file: Path, tmp_path: Path
) -> None:
    open_session(report_file).toggle_bookmark("discipline")
    other = tmp_path / "other.yaml"
    other.write_text(FIXTURE.read_text(encoding="utf-8") + "# another file\n", encoding="utf-8")
    assert load_report(other).meta.id == "small-test"
    assert open_session(other).bookmarks == ()


def test_an_edited_report_keeps_the_bookmarks_of_sections_that_remain(
    state_home: Path, report_file: Path
) -> None:
    session = open_session(report_file)
    session.toggle_bookmark("outlook")
    session.toggle_bookmark("warning-month")
    text = report_file.read_text(encoding="utf-8")
    edited = text.replace(
        "  - id: outlook\n    title: 展望\n    paragraphs:\n      - 新的一年，继续推进。\n", ""
    )
    assert edited != text
    report_file.write_text(edited, encoding="utf-8")
    after = open_session(report_file)
    assert after.bookmarks == ("warning-month",)
    after.toggle_bookmark("grassroots")
    assert open_session(report_file).bookmarks == ("warning-month", "grassroots")


def test_two_windows_do_not_undo_each_others_bookmarks(state_home: Path, report_file: Path) -> None:
    left = open_session(report_file)
    right = open_session(report_file)
    left.toggle_bookmark("discipline")
    right.toggle_bookmark("outlook")
    assert right.bookmarks == ("discipline", "outlook")
    assert open_session(report_file).bookmarks == ("discipline", "outlook")


def test_unwritable_state_directory_warns_and_keeps_bookmarks_in_memory(
    tmp_path: Path, monkeypatch, report_file: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv(ENV_VAR, str(blocker / "state"))
    session = open_session(report_file)
    assert session.warnings == []
    first = session.toggle_bookmark("discipline")
    second = session.toggle_bookmark("outlook")
    assert first[0] and second[0]
    assert "could not save bookmarks" in second[1][0]
    assert session.bookmarks == ("discipline", "outlook")  # nothing lost in memory
    session.set_last_section("outlook")
    assert session.save() and session.last_section == "outlook"


def test_unreadable_report_file_turns_persistence_off(state_home: Path, tmp_path: Path) -> None:
    session = ReportSession.open("x", tmp_path / "missing.yaml")
    assert not session.persistent
    assert "bookmarks are off" in session.warnings[0]
    assert session.toggle_bookmark("a") == (True, [])
    assert session.bookmarks == ("a",)
    assert not state_home.exists()


def test_no_temporary_files_are_left(state_home: Path, report_file: Path) -> None:
    session = open_session(report_file)
    for section_id in ("a", "b", "a", "c"):
        session.toggle_bookmark(section_id)
    session.set_last_section("b")
    session.save()
    assert len(list((state_home / "reports").iterdir())) == 1


def test_state_dir_override_and_default(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "s"))
    assert state_dir() == tmp_path / "s"
    monkeypatch.setenv(ENV_VAR, "  ")
    assert state_dir().name == "partybuild-tui"
    monkeypatch.delenv(ENV_VAR)
    assert state_dir().name == "partybuild-tui"


def test_report_key() -> None:
    key = ReportKey.for_bytes("small-test", b"abc")
    assert key.content_hash.startswith("ba7816bf")
    assert key.file_stem == "small-test-ba7816bf8f01cfea"
    odd = ReportKey.for_bytes("../../etc/passwd", b"abc")
    assert "/" not in odd.file_stem and odd.file_stem.startswith("id-")
    with pytest.raises(ValueError):
        ReportKey("x", "not-a-hash")
