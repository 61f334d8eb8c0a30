"""The compare test library (tests/fixtures/compare-library): loaded without the library layer."""

from __future__ import annotations

from pathlib import Path

from partybuild_tui.compare import Comparison, compare_reports
from partybuild_tui.model import load_report
from partybuild_tui.model.registry import load_registry

LIBRARY = Path(__file__).resolve().parent / "fixtures" / "compare-library"


def library_reports():
    return [
        (load_report(str(path)), path)
        for path in sorted(LIBRARY.glob("*.yaml"))
        if path.name != "indicators.yaml"
    ]


def comparison(**options) -> Comparison:
    registry = load_registry(LIBRARY / "indicators.yaml")
    return compare_reports(library_reports(), registry, **options)
