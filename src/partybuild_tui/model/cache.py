"""A cache of validated reports, so a large report opens in a fraction of a second next time.

Parsing and validating a 37 MB report takes seconds; reading the same model back
from msgpack takes a few hundred milliseconds. After a report has loaded *and
passed full validation*, the loader ``save``s the built model's data to one
file per report path in the user cache directory
(``platformdirs.user_cache_dir("partybuild-tui")``, or ``$PARTYBUILD_TUI_CACHE_DIR``;
set that variable to an empty string to turn the cache off).

An entry is used only when everything that could change the result is the same:
the absolute path, size, ``mtime_ns`` and SHA-256 hash of the file's bytes (the
bytes are always read and hashed, so an edit that keeps size and mtime is still
seen), the app version, the schema, this module's format and the model's field
layout. The payload carries its own SHA-256 digest, so a truncated or flipped
file is noticed. Anything unexpected — a missing, stale, corrupt or unreadable
entry, an unwritable directory, a value msgpack cannot hold — means a normal
cold load, silently: the cache can make loading faster, never make it fail.

msgpack cannot execute code (unlike pickle) and holds only lists, strings and
numbers here; the ``Report`` is rebuilt from them exactly as ``build.py`` builds
it (same derived fields, same shared breadcrumb tuples), and the tests check
that a cache hit equals a cold load. The entry is written to a temporary file
and renamed into place, so a reader never sees half of one; only the
``MAX_ENTRIES`` most recently used entries are kept. No Textual here.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import fields
from functools import partial
from pathlib import Path
from typing import Any

from partybuild_tui import __version__
from partybuild_tui.model.build import SCHEMA
from partybuild_tui.model.report import Deferred, Metric, Report, ReportMeta, Section

ENV_VAR = "PARTYBUILD_TUI_CACHE_DIR"
FORMAT = 3
MAGIC = b"partybuild-tui-cache\n"
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 1 << 16
MAX_ENTRIES = 8
"""Entries kept (one per report path, most recently used first); older ones are removed."""
_STALE_TEMP_SECONDS = 3600

# The fields this codec writes and rebuilds, in the dataclasses' order. If the
# model gains, loses or reorders a field, the cache switches itself off (cold
# loads, never a wrong Report) until the codec below is updated.
_METRIC_FIELDS = (
    "id",
    "label",
    "value",
    "unit",
    "qualifier",
    "quote",
    "section_id",
    "paragraph_index",
    "quote_start",
    "baseline",
    "note",
    "breadcrumb",
    "indicator",
    "role",
    "target_period",
)
_SECTION_FIELDS = (
    "id",
    "title",
    "paragraphs",
    "metrics",
    "children",
    "parent_id",
    "depth",
    "breadcrumb",
    "id_path",
    "order",
    "total_metrics",
)
_META_FIELDS = tuple(f.name for f in fields(ReportMeta))
_REPORT_FIELDS = (
    "schema",
    "meta",
    "sections",
    "not_metrics",
    "ordered",
    "metrics",
    "_sections_by_id",
    "_metrics_by_id",
)


def _model_layout() -> tuple[tuple[str, ...], ...]:
    return tuple(
        tuple(f.name for f in fields(cls)) for cls in (Metric, Section, ReportMeta, Report)
    )


def codec_matches_model() -> bool:
    """True when the codec knows every field of the model (else the cache stays off)."""
    return _model_layout() == (_METRIC_FIELDS, _SECTION_FIELDS, _META_FIELDS, _REPORT_FIELDS)


_ENABLED = codec_matches_model()
_LAYOUT_ID = hashlib.blake2b(repr(_model_layout()).encode(), digest_size=8).hexdigest()


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Decoding makes a million objects and no cycles: collecting meanwhile only costs time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_dir() -> Path | None:
    """Where entries live; ``None`` when the cache is turned off."""
    override = os.environ.get(ENV_VAR)
    if override is not None:
        return Path(override).expanduser() if override.strip() else None
    import platformdirs  # only when the cache is used: `check` never pays for it

    return Path(platformdirs.user_cache_dir("partybuild-tui"))


def content_hash(data: bytes) -> str:
    # SHA-256, not BLAKE2b: processors' SHA instructions make it twice as fast
    # here (37 MB: 20 ms against 39), and a warm start waits for it.
    return hashlib.sha256(data).hexdigest()


def entry_path(directory: Path, absolute: str) -> Path:
    """One entry per report path: a newer version of the file replaces the old entry."""
    name = hashlib.blake2b(os.fsencode(absolute), digest_size=16).hexdigest()
    return directory / f"report-{name}.msgpack"


# -- encoding: the built Report as nested lists of plain values ---------------------


def _encode_section(section: Section, packb: Callable[[Any], bytes]) -> list[Any]:
    metric_rows = [
        [m.id, m.label, m.value, m.unit, m.qualifier, m.quote]
        + [m.paragraph_index, m.quote_start, m.baseline, m.note]
        + [m.indicator, m.role, m.target_period]
        for m in section.metrics
    ]
    return [
        section.id,
        section.title,
        list(section.paragraphs),
        len(metric_rows),
        # Packed on their own, so that a start unpacks them only when the section is read.
        packb(metric_rows) if metric_rows else b"",
        [_encode_section(child, packb) for child in section.children],
    ]


def encode(report: Report) -> list[Any]:
    """The report as msgpack-ready data; ``decode`` rebuilds an equal ``Report``."""
    import msgpack

    packer = msgpack.Packer(use_bin_type=True)
    meta = report.meta
    return [
        report.schema,
        [getattr(meta, name) for name in _META_FIELDS],
        list(report.not_metrics),
        [_encode_section(section, packer.pack) for section in report.sections],
    ]


class _Decoder:
    """Rebuilds sections the way ``build._Builder`` does: same fields, same sharing."""

    def __init__(self) -> None:
        self.order = 0

    def section(
        self, row: Any, parent_crumbs: tuple[str, ...], parent_ids: tuple[str, ...]
    ) -> Section:
        section_id, title, paragraphs, metric_count, metric_rows, child_rows = row
        breadcrumb = parent_crumbs + (title,)
        id_path = parent_ids + (section_id,)
        metrics: Any = ()
        if metric_count:
            metrics = Deferred(partial(_decode_metrics, metric_rows, section_id, breadcrumb))
        order = self.order
        self.order += 1
        children = tuple(self.section(child, breadcrumb, id_path) for child in child_rows)
        return Section(
            id=section_id,
            title=title,
            paragraphs=tuple(paragraphs),
            metrics=metrics,
            children=children,
            parent_id=parent_ids[-1] if parent_ids else None,
            depth=len(parent_ids),
            breadcrumb=breadcrumb,
            id_path=id_path,
            order=order,
            total_metrics=metric_count + sum(c.total_metrics for c in children),
        )


def _decode_metrics(
    packed: bytes, section_id: str, breadcrumb: tuple[str, ...]
) -> tuple[Metric, ...]:
    """One section's metrics, when first read (the entry's digest was checked at start)."""
    import msgpack

    rows = msgpack.unpackb(packed, raw=False, use_list=False)
    return tuple(
        Metric(m[0], m[1], m[2], m[3], m[4], m[5], section_id, m[6], m[7], m[8], m[9],
               breadcrumb, m[10], m[11], m[12])
        for m in rows
    )  # fmt: skip


def decode(payload: Any) -> Report:
    schema, meta_values, not_metrics, section_rows = payload
    meta = ReportMeta(**dict(zip(_META_FIELDS, meta_values, strict=True)))
    decoder = _Decoder()
    sections = tuple(decoder.section(row, (), ()) for row in section_rows)
    return Report.build(schema, meta, sections, tuple(not_metrics))


# -- the entry file: MAGIC, header length, header (msgpack map), payload (msgpack) ---


def _read_entry(entry: Path) -> bytes | None:
    """The entry's bytes, or ``None`` if it is absent or not a regular file (opened
    non-blocking, so a FIFO planted in its place cannot hang the start)."""
    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as stream:
            return stream.read()
    finally:
        os.close(fd)


class Entry:
    """A report's place in the cache and the key its entry must carry. The content
    hash is computed on a thread: a cold load parses meanwhile."""

    __slots__ = ("_content", "absolute", "directory", "info")

    def __init__(
        self, directory: Path, absolute: str, info: os.stat_result, content: _InBackground
    ) -> None:
        self.directory = directory
        self.absolute = absolute
        self.info = info
        self._content = content

    @property
    def path(self) -> Path:
        return entry_path(self.directory, self.absolute)

    @property
    def digest(self) -> str | None:
        """The file's content hash (``None`` if hashing failed)."""
        return self._content.result()

    def key(self, content: str | None = None) -> dict[str, Any]:
        info = self.info
        return {
            "format": FORMAT,
            "app": __version__,
            "schema": SCHEMA,
            "model": _LAYOUT_ID,
            "path": self.absolute,
            "size": info.st_size,
            "mtime_ns": info.st_mtime_ns,
            "content": self.digest if content is None else content,
        }


class _InBackground:
    """Run ``function(data)`` on a thread: hashlib lets go of the GIL for large
    buffers, so hashing overlaps with unpacking on a second core."""

    def __init__(self, function: Callable[[Any], str], data: Any) -> None:
        self._result: str | None = None
        self._thread = threading.Thread(target=self._run, args=(function, data), daemon=True)
        self._thread.start()

    def _run(self, function: Callable[[Any], str], data: Any) -> None:
        with contextlib.suppress(Exception):
            self._result = function(data)

    def result(self) -> str | None:
        self._thread.join()
        return self._result


def _payload_digest(payload: Any) -> str:
    return hashlib.sha256(payload).hexdigest()


def find(path: str, data: bytes) -> tuple[Report | None, Entry | None]:
    """``(report, entry)`` for the bytes ``data`` just read from ``path``.

    ``report`` is the cached ``Report`` when an entry matches exactly, else ``None``;
    ``entry`` is where to ``save`` the report after a cold load (``None`` when the
    cache is off). Never raises.
    """
    if not _ENABLED:
        return None, None
    try:
        directory = cache_dir()
        if directory is None:
            return None, None
        info = os.stat(path)
        entry = Entry(directory, os.path.abspath(path), info, _InBackground(content_hash, data))
    except Exception:
        return None, None
    return _lookup(entry), entry


def _lookup(entry: Entry) -> Report | None:
    """The report in ``entry``'s file if its key is ``entry.key()`` and its payload is
    intact; else ``None``."""
    import msgpack

    try:
        with _gc_paused():
            blob = _read_entry(entry.path)
            if blob is None or not blob.startswith(MAGIC):
                return None
            start = len(MAGIC) + _LENGTH.size
            (length,) = _LENGTH.unpack_from(blob, len(MAGIC))
            if length > _MAX_HEADER:
                return None
            header = msgpack.unpackb(blob[start : start + length], raw=False)
            key = header.get("key") if isinstance(header, dict) else None
            if not isinstance(key, dict) or {**key, "content": ""} != entry.key(content=""):
                return None  # stale: another file, size, mtime, version or model
            payload = memoryview(blob)[start + length :]
            intact = _InBackground(_payload_digest, payload)
            # Decode while both hashes run; keep the result only if both match.
            report = decode(msgpack.unpackb(payload, raw=False, use_list=False))
            if intact.result() != header.get("payload"):
                return None  # corrupt
            if entry.digest != key["content"]:
                return None  # same size and mtime, other bytes
        with contextlib.suppress(OSError):
            os.utime(entry.path)  # recently used: pruned last
        return report
    except Exception:  # whatever is wrong with an entry, it is just a miss
        return None


def _prune(directory: Path) -> None:
    """Keep the ``MAX_ENTRIES`` most recently used entries; drop temporary files a
    crash left behind."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    for path in directory.iterdir():
        with contextlib.suppress(OSError):
            if path.name.startswith("report-") and path.suffix == ".msgpack":
                entries.append((path.stat().st_mtime, path))
            elif (
                path.name.startswith(".report-")
                and path.suffix == ".tmp"
                and now - path.stat().st_mtime > _STALE_TEMP_SECONDS
            ):
                path.unlink()
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()


def save(entry: Entry, report: Report) -> None:
    """Store ``report``, which must have passed full validation from the very bytes the
    entry was found for. Never raises: failing to cache only costs the next start time."""
    import msgpack

    tmp_name = None
    try:
        if entry.digest is None:
            return
        with _gc_paused():
            payload = msgpack.packb(encode(report), use_bin_type=True)
        digest = _payload_digest(payload)
        header = msgpack.packb({"key": entry.key(), "payload": digest}, use_bin_type=True)
        entry.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=entry.directory)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + _LENGTH.pack(len(header)) + header)
            out.write(payload)
        os.replace(tmp_name, entry.path)
        tmp_name = None
        _prune(entry.directory)
    except Exception:  # a full disk, a read-only home, a number msgpack cannot hold
        pass
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
