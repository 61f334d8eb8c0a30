"""Load a report file: read safely, parse strictly, validate, build the model.

The only exception these let escape is ``ReportError`` (one line, with a
position). YAML is read by the strict event reader (``yaml_reader``), a
``.json`` file by the JSON reader (``json_reader``). The app and the commands
load through the cache layer (``state.cache.load_report``), which calls
``load_bytes`` on a miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from partybuild_tui.model.collector import collector_paused
from partybuild_tui.model.errors import DataPath, Invalid, ReportError
from partybuild_tui.model.report import Report
from partybuild_tui.model.source import DEFAULT_MAX_SIZE, check_characters, decode, read_bytes

_SLUG = re.compile(r"[^a-z0-9]+")


def bundled_report_path() -> Path:
    """The report shipped with the package (or, in a source checkout, ``data/``)."""
    # The wheel puts it in the package (pyproject: force-include); a plain file path,
    # not importlib.resources, which costs ~10 ms of start-up to import.
    packaged = Path(__file__).resolve().parent.parent / "data" / "report.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "report.yaml"


def _default_id(path: str) -> str:
    return _SLUG.sub("-", Path(path).stem.lower()).strip("-") or "report"


def load_text(text: str, path: str = "<report>") -> Report:
    """Build a report from YAML (or, for a ``.json`` path, JSON) text; ``path`` names it."""
    check_characters(path, text)
    return _load(text, path)


def _load(text: str, path: str) -> Report:
    """Parse and validate ``text``, whose characters ``check_characters`` has accepted."""
    with collector_paused():  # parsing makes millions of small objects and no cycles
        return _parse_and_build(text, path)


def _parse_and_build(text: str, path: str) -> Report:
    # Lazy: the validator (its regexes, numerals, quote finder) only when a file is read;
    # a start from the load cache never needs it.
    from partybuild_tui.model.build import build_report

    try:
        if path.lower().endswith(".json"):
            from partybuild_tui.model.json_reader import locate_json, parse_json  # lazy: json

            data = parse_json(path, text)
            locate: Callable[[DataPath], tuple[int | None, int | None]] = partial(locate_json, text)
        else:
            from partybuild_tui.model.yaml_reader import (  # lazy: PyYAML, only for YAML
                locate_in,
                parse_with_marks,
            )

            data, marks = parse_with_marks(path, text)
            locate = partial(locate_in, data, marks, text)
        try:
            return build_report(data, _default_id(path))
        except Invalid as problem:
            line, column = locate(problem.path)
            raise ReportError(path, problem.message, line, column, problem.path) from None
    except MemoryError:
        raise ReportError(path, "not enough memory to load this report") from None
    except RecursionError:
        raise ReportError(path, "the report is nested too deeply") from None


def load_bytes(path: str, data: bytes) -> Report:
    """Decode, parse and validate a report file's bytes (``path`` names it in errors)."""
    try:
        text = decode(path, data)
    except MemoryError:
        raise ReportError(path, "not enough memory to read this report") from None
    return _load(text, path)


def load_report(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> Report:
    """Read and validate the report at ``path``; raises ``ReportError`` and nothing else.

    This always reads the file itself; the app and the commands go through
    ``partybuild_tui.state.cache.load_report``, which may answer from the load cache.
    """
    name = str(path)
    try:
        data = read_bytes(name, max_size)
    except MemoryError:
        raise ReportError(name, "not enough memory to read this report") from None
    return load_bytes(name, data)
