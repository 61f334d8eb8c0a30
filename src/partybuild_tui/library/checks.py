"""What ``check`` finds wrong in a library, one line per problem (no Textual).

Each file that does not load (with duplicate report ids, an error on the second
file), a registry that does not load or a second registry, and — when the
library has a registry — each metric whose ``indicator`` is not in it or whose
unit differs from its indicator's. A problem inside a report points at the key
in its file: ``FILE:LINE:COL: sections[1].metrics[0].indicator: …``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from partybuild_tui.library import Library
from partybuild_tui.model import Report, ReportError
from partybuild_tui.model.errors import DataPath
from partybuild_tui.model.json_reader import locate_json
from partybuild_tui.model.source import decode, read_bytes

MAX_SIZE = 1 << 30


def metric_data_paths(report: Report) -> dict[str, DataPath]:
    """Each metric's data path in its file: ``("sections", 1, "children", 0, "metrics", 2)``."""
    paths: dict[str, DataPath] = {}

    def walk(sections: tuple, prefix: DataPath) -> None:
        for s_index, section in enumerate(sections):
            here = (*prefix, s_index)
            for m_index, metric in enumerate(section.metrics):
                paths[metric.id] = (*here, "metrics", m_index)
            walk(section.children, (*here, "children"))

    walk(report.sections, ("sections",))
    return paths


def locate_in_file(path: Path, data_path: DataPath) -> tuple[int | None, int | None]:
    """1-based (line, column) of the node at ``data_path`` in the file (``None``s if unknown)."""
    # Lazy: PyYAML, only to point at a problem (a warm library start reads no YAML).
    from partybuild_tui.model.yaml_reader import locate_in, parse_with_marks

    try:
        text = decode(str(path), read_bytes(str(path), MAX_SIZE))
        if str(path).lower().endswith(".json"):
            return locate_json(text, data_path)
        data, marks = parse_with_marks(str(path), text)
        return locate_in(data, marks, text, data_path)
    except (ReportError, ValueError):
        return None, None


class _Located:
    """Positions in one file, read and parsed only when a problem needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, data_path: DataPath, message: str) -> str:
        line, column = locate_in_file(self.path, data_path)
        return str(ReportError(str(self.path), message, line, column, data_path))


def _indicator_problems(path: Path, report: Report, library: Library) -> Iterator[str]:
    registry = library.registry
    if registry is None:
        return
    located = _Located(path)
    data_paths: dict[str, DataPath] | None = None
    for metric in report.metrics:
        key: str | None = getattr(metric, "indicator", None)
        if key is None:
            continue
        if data_paths is None:
            data_paths = metric_data_paths(report)
        where = data_paths[metric.id]
        indicator = registry.get(key)
        if indicator is None:
            yield located.error(
                (*where, "indicator"),
                f"unknown indicator {key!r}: not in {library.registry_path}",
            )
        elif metric.unit != indicator.unit:
            yield located.error(
                (*where, "unit"),
                f"unit {metric.unit!r} differs from the unit of indicator {key!r}: "
                f"{indicator.unit!r}",
            )


def library_problems(library: Library) -> list[str]:
    """Every problem, one line each, in file order (registry first)."""
    problems: list[str] = []
    if library.registry_error:
        problems.append(library.registry_error)
    for extra in library.extra_registries:
        problems.append(
            f"{extra}: a second indicator registry; only {library.registry_path} is used"
        )
    for entry in library.entries:
        if entry.report is None:
            problems.append(entry.error or f"{entry.path}: could not be loaded")
        else:
            problems.extend(_indicator_problems(entry.path, entry.report, library))
    return problems
