"""Load a report file: read safely, parse strictly, validate, build the model.

``load_report`` is the only entry point the app and the commands use; the only
exception it lets escape is ``ReportError`` (one line, with a position).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from partybuild_tui.model.build import Invalid, build_report
from partybuild_tui.model.errors import ReportError
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
    """Build a report from YAML text (``path`` only names it in errors)."""
    check_characters(path, text)
    return _load(text, path)


def _load(text: str, path: str) -> Report:
    """Parse and validate ``text``, whose characters ``check_characters`` has accepted."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # parsing makes millions of small objects and no cycles
    try:
        from partybuild_tui.model.split_parse import parse_split
        from partybuild_tui.model.yaml_reader import (  # PyYAML only when there is YAML to read
            locate,
            parse,
        )

        data = parse_split(path, text)
        if data is None:  # small, unusual or broken: parsed whole (a broken one for its error)
            data = parse(path, text)
        try:
            return build_report(data, _default_id(path))
        except Invalid as problem:
            line, column = locate(text, problem.path)
            raise ReportError(path, problem.message, line, column, problem.path) from None
    except MemoryError:
        raise ReportError(path, "not enough memory to load this report") from None
    except RecursionError:  # pragma: no cover - the depth limits keep far from it
        raise ReportError(path, "the report is nested too deeply") from None
    finally:
        if gc_was_enabled:
            gc.enable()


def load_report(
    path: str | Path,
    max_size: int = DEFAULT_MAX_SIZE,
    *,
    use_cache: bool = True,
    schedule_cache_save: Callable[[Callable[[], None]], object] | None = None,
) -> Report:
    """Read and validate the report at ``path``; raises ``ReportError`` and nothing else.

    With ``use_cache`` a report whose exact bytes were validated before comes from
    the cache (``model/cache.py``), and a freshly validated one is stored there;
    ``check`` passes ``use_cache=False`` so that it always validates the file itself.
    Storing a 37 MB report takes about 0.2 s: an app can pass
    ``schedule_cache_save`` (say ``app.call_after_refresh``) to run that save after
    its first frame instead of before returning.
    """
    name = str(path)
    entry = None
    try:
        data = read_bytes(name, max_size)
        if use_cache:
            from partybuild_tui.model import (
                cache,  # imported only here: `check` never loads msgpack
            )

            cached, entry = cache.find(name, data)
            if cached is not None:
                return cached
        text = decode(name, data)
        del data  # the text alone while parsing: a smaller peak
    except MemoryError:
        raise ReportError(name, "not enough memory to read this report") from None
    report = _load(text, name)
    if entry is not None:
        if schedule_cache_save is None:
            cache.save(entry, report)
        else:
            schedule_cache_save(partial(cache.save, entry, report))
    return report
