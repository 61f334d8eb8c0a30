"""Find a library's files: reports at any depth and the one indicator registry.

A folder is walked to any depth for ``*.yaml``, ``*.yml`` and ``*.json`` (any
case); hidden folders and files (``.git``, ``.cache``) are skipped, and links to
folders are not followed, so a link loop cannot make the walk endless. A file
named on the command line is taken whatever its name. The registry is told apart
by its schema line (``schema: partybuild-indicators/1``), never by its name, and
is never listed as a report. Order: by path, so a library lists the same way
every time and "the second file" of a duplicate id is well defined. No Textual.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPORT_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Found:
    """What a walk found: report files in order, the registry (if any), and the
    registries that were not used (a second one is a problem ``check`` reports)."""

    root: Path | None
    reports: tuple[Path, ...]
    registry: Path | None
    extra_registries: tuple[Path, ...] = ()


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not name.lower().endswith(REPORT_SUFFIXES):
                continue
            path = Path(top, name)
            if path.is_file():  # a link to a file is fine; a dangling one or a FIFO is not listed
                found.append(path)
    return found


def _depth_then_path(root: Path | None) -> Callable[[Path], tuple[int, str]]:
    def key(path: Path) -> tuple[int, str]:
        try:
            relative = path.relative_to(root) if root is not None else path
        except ValueError:
            relative = path
        return (len(relative.parts), str(relative))

    return key


def discover(paths: Sequence[Path], is_registry: Callable[[Path], bool]) -> Found:
    """The files of the library named by ``paths`` (folders and/or files)."""
    folders = [p for p in paths if p.is_dir()]
    root = folders[0] if len(paths) == 1 and folders else None
    files: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        for file in _walk(path) if path.is_dir() else [path]:
            absolute = os.path.abspath(file)
            if absolute not in seen:
                seen.add(absolute)
                files.append(file)
    if folders:  # files inside a folder in path order; files named one by one as given
        files.sort(key=lambda p: str(p))
    registries = [p for p in files if p.is_file() and is_registry(p)]
    # The registry at the top of the folder wins; any other is reported, not used.
    registries.sort(key=_depth_then_path(root))
    reports = tuple(p for p in files if p not in registries)
    return Found(
        root=root,
        reports=reports,
        registry=registries[0] if registries else None,
        extra_registries=tuple(registries[1:]),
    )
