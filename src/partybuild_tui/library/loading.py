"""Load a library's reports: from its cache when unchanged, else parsed, on every core.

A cold library is hundreds of small files: parsing them one after another leaves
a core idle, so when there are enough to parse they go to a pool of worker
processes (one per core, forked on Linux so a worker starts in milliseconds).
A worker sends back the validated report encoded for the cache, which is what
the cache stores anyway; decoding it here takes a fraction of a millisecond and
keeps the metrics lazy. A file that cannot be read gives its one-line error and
never stops the others. No Textual here.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from partybuild_tui.library import codec
from partybuild_tui.library.entry import Pending, Summary
from partybuild_tui.library.store import LibraryCache, error_fields, error_from, stamp_of
from partybuild_tui.model import Report, ReportError, load_report

POOL_THRESHOLD = 8
"""Files to parse below which one process is faster than starting workers."""
_CHUNK = 4

Outcome = tuple[str, Any]  # ("report", encoded bytes) or ("error", ReportError fields)


def parse_file(job: tuple[str, int]) -> Outcome:
    """Parse and validate one file (in a worker or here); never raises for bad input."""
    path, max_size = job
    try:
        report = load_report(path, max_size)  # the file itself: the library has its own cache
    except ReportError as error:
        return "error", error_fields(error)
    return "report", codec.encode_report(report)


def _workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _parse_all(jobs: list[tuple[str, int]]) -> list[Outcome]:
    if len(jobs) < POOL_THRESHOLD or _workers() < 2:
        return [parse_file(job) for job in jobs]
    # fork: the worker has the parser imported already; elsewhere, the safe default.
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=_workers(), mp_context=context) as pool:
        return list(pool.map(parse_file, jobs, chunksize=_CHUNK))


Loaded = Report | Pending | ReportError


def load_files(files: Sequence[Path], cache: LibraryCache, max_size: int) -> list[Loaded]:
    """Each file's report (``Pending``: from the cache, decoded when first read) or error,
    in the order of ``files``."""
    results: list[Loaded | None] = [None] * len(files)
    to_parse: list[tuple[int, str, Any]] = []  # (position, absolute path, stamp)
    for position, path in enumerate(files):
        absolute = os.path.abspath(path)
        try:
            stamp = stamp_of(os.stat(path))
        except OSError:
            stamp = None
        hit = cache.lookup(absolute, stamp) if stamp is not None else None
        if hit is not None:
            result = _from_cache(path, hit)
            if result is not None:
                results[position] = result
                continue
            cache.forget(absolute)
        to_parse.append((position, absolute, stamp))
    outcomes = _parse_all([(str(files[i]), max_size) for i, _, _ in to_parse])
    for (position, absolute, stamp), outcome in zip(to_parse, outcomes, strict=True):
        result = _from_outcome(str(files[position]), outcome)
        if result is None:  # valid, but the codec cannot carry it: this process parses it
            results[position] = _parse_here(files[position], max_size)
            continue
        results[position] = result
        if stamp is not None:
            summary = Summary.of(result).encode() if isinstance(result, Report) else None
            cache.store(absolute, stamp, *outcome, summary)
    return [r if r is not None else ReportError(str(files[i]), "could not be read")
            for i, r in enumerate(results)]  # fmt: skip


def _parse_here(path: Path, max_size: int) -> Report | ReportError:
    try:
        return load_report(str(path), max_size)
    except ReportError as error:
        return error


def _from_cache(path: Path, hit: tuple[str, Any, Any]) -> Loaded | None:
    """A cache hit: the report left encoded (with its summary), or the error."""
    kind, payload, summary = hit
    if kind == "report" and isinstance(payload, bytes):
        try:
            return Pending(path, payload, Summary.decode(summary))
        except Exception:  # no usable summary: decode the report now
            pass
    return _from_outcome(str(path), (kind, payload))


def _from_outcome(path: str, outcome: Outcome) -> Report | ReportError | None:
    """The report or error an outcome stands for; ``None`` if it cannot be decoded."""
    kind, payload = outcome
    try:
        if kind == "report":
            return codec.decode_report(payload)
        if kind == "error":
            return error_from(path, payload)
    except Exception:  # a cache entry that does not decode is a miss, never a failure
        return None
    return None
