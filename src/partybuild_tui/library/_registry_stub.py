"""Stand-in for ``model.registry`` until it is on main (recognises the file, loads nothing)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from partybuild_tui.model import ReportError

_HEAD = re.compile(
    r"\A(?:\ufeff)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:\{\s*)?"
    r"[\"']?schema[\"']?[ \t]*:[ \t]*[\"']?partybuild-indicators/"
)


@dataclass(frozen=True)
class Registry:
    indicators: tuple[object, ...] = ()

    def get(self, indicator_id: str) -> None:
        return None


def is_registry_file(path: str | Path) -> bool:
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
    except (OSError, ValueError):
        return False
    return _HEAD.match(head.decode("utf-8", errors="replace")) is not None


def load_registry(path: str | Path) -> Registry:
    raise ReportError(str(path), "indicator registries are not supported yet")
