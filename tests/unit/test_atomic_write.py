"""atomic_write_bytes: all or nothing, no clobbering unless asked, no temporary files left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from partybuild_tui.state import atomic_write
from partybuild_tui.state.atomic_write import DestinationExists, atomic_write_bytes


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write_bytes(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_new_file_mode_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write_bytes(tmp_path / "a", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a").st_mode) == 0o640


def test_replacing_keeps_the_old_mode(tmp_path: Path) -> None:
    target = tmp_path / "a"
    target.write_bytes(b"old")
    target.chmod(0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_no_clobber(tmp_path: Path) -> None:
    target = tmp_path / "a"
    target.write_bytes(b"old")
    with pytest.raises(DestinationExists):
        atomic_write_bytes(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a"]


def test_no_clobber_catches_a_file_that_appears_while_writing(tmp_path, monkeypatch) -> None:
    target = tmp_path / "a"
    real_fsync = os.fsync

    def fsync_then_race(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_bytes(b"someone else")

    monkeypatch.setattr(atomic_write.os, "fsync", fsync_then_race)
    with pytest.raises(DestinationExists):
        atomic_write_bytes(target, b"mine", overwrite=False)
    assert target.read_bytes() == b"someone else"
    assert os.listdir(tmp_path) == ["a"]


def test_no_clobber_without_hard_links(tmp_path, monkeypatch) -> None:
    def no_links(*_args, **_kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic_write.os, "link", no_links)
    atomic_write_bytes(tmp_path / "a", b"x", overwrite=False)
    assert (tmp_path / "a").read_bytes() == b"x"
    with pytest.raises(DestinationExists):
        atomic_write_bytes(tmp_path / "a", b"y", overwrite=False)
    assert os.listdir(tmp_path) == ["a"]


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch) -> None:
    target = tmp_path / "a"
    target.write_bytes(b"old")

    def broken_replace(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a"]


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        atomic_write_bytes(tmp_path, b"x")


def test_missing_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "no" / "a", b"x")
