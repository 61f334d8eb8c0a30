"""Issue 18, "the hole": a load-cache entry is a way in only if it is held to a fresh
load's rules. Each test plants an attack file of its own and checks that the app
uses the YAML, never the planted content, and never crashes."""

from __future__ import annotations

import os
import shutil
from dataclasses import fields, replace
from pathlib import Path

import msgpack
import pytest

from partybuild_tui.model import bundled_report_path
from partybuild_tui.model import load_report as read_file
from partybuild_tui.model.report import Metric
from partybuild_tui.state import cache, codec, locations
from partybuild_tui.state.cache import load_report

HOSTILE = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\u202eevil\x1b]0;title\x07"


@pytest.fixture
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    cache_dir, state_dir = tmp_path / "cache", tmp_path / "state"
    monkeypatch.setenv(locations.CACHE_ENV, str(cache_dir))
    monkeypatch.setenv(locations.STATE_ENV, str(state_dir))
    cache.notices()  # forget what earlier tests were told
    cache._said.clear()
    return cache_dir, state_dir


@pytest.fixture
def report_path(tmp_path: Path) -> Path:
    path = tmp_path / "report.yaml"
    shutil.copyfile(bundled_report_path(), path)
    return path


def _entry(cache_dir: Path, report: Path) -> Path:
    return cache.entry_path(cache_dir, os.path.abspath(report))


def _forged_report(report_path: Path):
    """The real report plus a section that is not in the YAML, full of escape sequences."""
    real = read_file(report_path)
    first = real.sections[0]
    planted = replace(
        first,
        id="planted",
        title="PLANTED " + HOSTILE,
        paragraphs=("PLANTED paragraph " + HOSTILE,),
        metrics=(),
        children=(),
        order=len(real.ordered),
        total_metrics=0,
        breadcrumb=("PLANTED " + HOSTILE,),
        id_path=("planted",),
    )
    return type(real).build(real.schema, real.meta, (*real.sections, planted), real.not_metrics)


def _write_entry(cache_dir: Path, report_path: Path, payload: bytes, key: bytes) -> Path:
    """An entry with a key anyone who can read the report can compute, signed with ``key``."""
    info = os.stat(report_path)
    header = {
        "app": cache.__version__,
        "model": codec.FINGERPRINT,
        "path": os.path.abspath(report_path),
        "size": info.st_size,
        "mtime_ns": info.st_mtime_ns,
        "content": cache.content_hash(report_path.read_bytes()),
    }
    packed = msgpack.packb(header, use_bin_type=True)
    body = cache._LENGTH.pack(len(packed)) + packed + payload
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    entry = _entry(cache_dir, report_path)
    entry.write_bytes(cache.MAGIC + cache.sign(body, key) + body)
    return entry


def _all_text(report) -> str:
    parts = [report.title]
    for section in report.ordered:
        parts += [section.title, *section.paragraphs]
    return "\n".join(parts)


def test_a_forged_entry_signed_without_the_users_key_is_a_miss(dirs, report_path):
    cache_dir, _ = dirs
    _write_entry(
        cache_dir, report_path, codec.encode_report(_forged_report(report_path)), b"k" * 32
    )
    report = load_report(report_path)
    assert report.get_section("planted") is None
    assert "PLANTED" not in _all_text(report) and "\x1b" not in _all_text(report)
    assert report == read_file(report_path)


def test_even_a_signed_entry_is_sanitised_on_decode(dirs, report_path):
    """If the key leaked, an entry still cannot put escape sequences on the terminal."""
    cache_dir, _ = dirs
    load_report(report_path)  # makes the key
    key = cache.secret()
    assert key is not None
    _write_entry(cache_dir, report_path, codec.encode_report(_forged_report(report_path)), key)
    report = load_report(report_path)
    text = _all_text(report)
    for bad in ("\x1b", "\x07", "\u202e"):
        assert bad not in text
    planted = report.get_section("planted")
    assert planted is not None and planted.title.startswith("PLANTED ␛]52")


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"\xc1\xc1\xc1",
        msgpack.packb([codec.FINGERPRINT, "partybuild-report/1", [], [], [], [], []]),
        msgpack.packb([codec.FINGERPRINT, "partybuild-report/1", None, 1, 2, 3, 4]),
        msgpack.packb({"a": 1}),
        msgpack.packb([[[[[[[[[[]]]]]]]]]]),
    ],
    ids=["empty", "not-msgpack", "short-rows", "wrong-types", "a-map", "nested"],
)
def test_a_malformed_signed_entry_is_a_miss_not_a_crash(dirs, report_path, payload):
    cache_dir, _ = dirs
    expected = read_file(report_path)
    load_report(report_path)
    key = cache.secret()
    assert key is not None
    _write_entry(cache_dir, report_path, payload, key)
    assert load_report(report_path) == expected


def _tampered(report_path: Path, change) -> bytes:
    """The real payload with one value changed: ``change(payload, columns)`` where
    ``columns`` are the metric columns of the first section that has metrics (kept in
    that section's blob, written back after the change)."""
    real = read_file(report_path)
    data = msgpack.unpackb(codec.encode_report(real), raw=False)
    sections, blobs = data[4], data[6]
    first = next(i for i, row in enumerate(sections) if row[2] >= 2)
    part = msgpack.unpackb(blobs[first], raw=False)
    change(data, part[1])
    blobs[first] = msgpack.packb(part, use_bin_type=True)
    return msgpack.packb(data, use_bin_type=True)


def _column(name: str) -> int:
    return [n for n, _ in codec._METRIC].index(name)


@pytest.mark.parametrize(
    "change",
    [
        lambda d, c: c[_column("value")].__setitem__(0, float("nan")),
        lambda d, c: c[_column("value")].__setitem__(0, 10**19),
        lambda d, c: c[_column("value")].__setitem__(0, "38"),
        lambda d, c: c[_column("quote_start")].__setitem__(0, 10**6),
        lambda d, c: c[_column("qualifier")].__setitem__(0, "maybe"),
        lambda d, c: d[5].__setitem__(1, d[5][0]),
        lambda d, c: d[4][0].__setitem__(1, 10**6),
        lambda d, c: d[4].__setitem__(1, d[4][0]),
    ],
    ids=[
        "nan",
        "huge",
        "text-value",
        "quote-moved",
        "qualifier",
        "dup-metric",
        "children",
        "dup-section",
    ],
)
def test_a_signed_entry_breaking_the_models_rules_is_a_miss(dirs, report_path, change):
    cache_dir, _ = dirs
    expected = read_file(report_path)
    load_report(report_path)
    key = cache.secret()
    assert key is not None
    entry = _write_entry(cache_dir, report_path, _tampered(report_path, change), key)
    planted = entry.read_bytes()
    with pytest.raises(ValueError):
        codec.decode_report(_tampered(report_path, change))
    # A section is checked when first read (comparing reads them all): still a miss.
    assert load_report(report_path) == expected
    assert not entry.exists() or entry.read_bytes() != planted


def test_a_huge_entry_is_not_read(dirs, report_path, monkeypatch):
    cache_dir, _ = dirs
    expected = load_report(report_path)
    entry = _entry(cache_dir, report_path)
    with open(entry, "r+b") as handle:  # sparse: 3 GiB on paper, nothing on disk
        handle.truncate(3 << 30)
    reads: list[int] = []
    real = cache._read_entry

    def watching(path, limit):
        reads.append(limit)
        return real(path, limit)

    monkeypatch.setattr(cache, "_read_entry", watching)
    assert load_report(report_path) == expected
    assert reads and reads[0] == cache.max_entry_size(report_path.stat().st_size) < 3 << 30


@pytest.mark.parametrize("which", ["cache", "state"])
def test_a_directory_others_can_write_is_refused_with_one_notice(dirs, report_path, which):
    cache_dir, state_dir = dirs
    shared = cache_dir if which == "cache" else state_dir
    shared.mkdir(mode=0o700, parents=True)
    os.chmod(shared, 0o777)
    first = load_report(report_path)
    second = load_report(report_path)
    assert first == second
    said = cache.notices()
    assert len(said) == 1 and str(shared) in said[0] and "writable by other users" in said[0]
    assert not list(cache_dir.glob("report-*")) if cache_dir.exists() else True
    assert not (state_dir / locations.SECRET_NAME).exists()
    assert oct(shared.stat().st_mode & 0o777) == "0o777"  # never chmod-ed behind the user's back


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_directory_owned_by_another_user_is_refused(dirs, report_path):
    cache_dir, _ = dirs
    cache_dir.mkdir(mode=0o700, parents=True)
    os.chown(cache_dir, 65534, 65534)
    load_report(report_path)
    (said,) = cache.notices()
    assert "owned by another user" in said
    assert not list(cache_dir.glob("report-*"))


def test_a_key_file_others_can_read_is_refused(dirs, report_path):
    _, state_dir = dirs
    load_report(report_path)
    os.chmod(state_dir / locations.SECRET_NAME, 0o644)
    assert load_report(report_path) == read_file(report_path)
    (said,) = cache.notices()
    assert "key file" in said and "0600" in said


def test_the_key_is_private_and_signs_every_entry(dirs, report_path):
    cache_dir, state_dir = dirs
    load_report(report_path)
    key_file = state_dir / locations.SECRET_NAME
    assert oct(key_file.stat().st_mode & 0o777) == "0o600" and key_file.stat().st_size == 32
    entry = _entry(cache_dir, report_path).read_bytes()
    body = entry[len(cache.MAGIC) + 32 :]
    assert cache.verify(body, entry[len(cache.MAGIC) : len(cache.MAGIC) + 32])
    assert not cache.verify(body + b"x", entry[len(cache.MAGIC) : len(cache.MAGIC) + 32])


def test_the_cli_says_a_refused_cache_directory_once_on_stderr(dirs, report_path, capsys):
    from partybuild_tui.cli import main

    cache_dir, _ = dirs
    cache_dir.mkdir(mode=0o700, parents=True)
    os.chmod(cache_dir, 0o770)
    assert main(["search", "党员", str(report_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("load cache off") == 1 and "writable by other users" in err


def test_the_codec_follows_the_model_fields():
    stored = {name for name, _ in codec._METRIC}
    assert stored == {f.name for f in fields(Metric)} - codec._METRIC_DERIVED
    with pytest.raises(TypeError, match="cannot store"):
        codec._check_for(dict[str, int])
