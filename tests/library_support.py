"""Libraries on disk for the library tests: a few variants of the bundled report."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def library_generator() -> ModuleType:
    """``bench/library_generate.py`` as a module."""
    path = ROOT / "bench" / "library_generate.py"
    spec = importlib.util.spec_from_file_location("library_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_library(folder: Path, count: int = 4, broken: int = 0) -> list[Path]:
    """``count`` valid reports (regions × periods) and ``broken`` bad files under ``folder``."""
    return library_generator().generate(folder, count, broken)
