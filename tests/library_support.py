"""Libraries on disk for the library tests: a few variants of the bundled report."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from partybuild_tui.model import Report, load_text

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


def first_section_only(report: Report) -> Report:
    """A report ``small`` of ``report``'s first section's title alone (no text, no figures)."""
    first = report.ordered[0]
    text = (
        "schema: partybuild-report/1\n"
        'report: {id: small, title: 小, published: "2026-01-19T17:43:15+08:00", period: 2025}\n'
        f"sections:\n  - id: {first.id}\n    title: {first.title}\n"
    )
    return load_text(text, "small.yaml")
