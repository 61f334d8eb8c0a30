"""A report, a section or a list of metrics as JSON (no Textual).

A report or a section is written in the data model itself — the keys of
``data/report.yaml`` (``schema``, ``report``, ``not_metrics``, ``sections`` with
``paragraphs``, ``metrics`` and ``children``) — so the JSON is itself a valid
report: ``load_json_report`` reads it back through the same validator as the
YAML loader, and the YAML loader reads it too (JSON is YAML), so
``partybuild-tui report.json`` opens it. A list of metrics is written as a flat
list of rows, each with its section id and path, ready for ``jq`` or a dataframe.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from partybuild_tui.model import Metric, Report, ReportError, Section
from partybuild_tui.model.build import Invalid, build_report
from partybuild_tui.model.scalars import PlainNumber

_META_FIELDS = (
    "id",
    "title",
    "subtitle",
    "source",
    "author",
    "published",
    "period",
    "region",
    "language",
)


def meta_data(report: Report) -> dict[str, Any]:
    """The ``report:`` mapping: metadata fields that are set, in the file's order."""
    meta = report.meta
    return {name: getattr(meta, name) for name in _META_FIELDS if getattr(meta, name) is not None}


def metric_data(metric: Metric) -> dict[str, Any]:
    """One metric as written in a report file (``qualifier`` always spelled out)."""
    data: dict[str, Any] = {
        "id": metric.id,
        "label": metric.label,
        "value": metric.value,
        "unit": metric.unit,
        "qualifier": metric.qualifier,
    }
    if metric.baseline is not None:
        data["baseline"] = metric.baseline
    data["quote"] = metric.quote
    if metric.note is not None:
        data["note"] = metric.note
    return data


def section_data(section: Section, *, descendants: bool = True) -> dict[str, Any]:
    """One section as written in a report file, with its children unless ``descendants=False``."""
    # Iterative, so the deepest report the loader accepts cannot hit the recursion limit.
    root: dict[str, Any] = {}
    stack: list[tuple[Section, dict[str, Any]]] = [(section, root)]
    while stack:
        current, out = stack.pop()
        out["id"] = current.id
        out["title"] = current.title
        out["paragraphs"] = list(current.paragraphs)
        out["metrics"] = [metric_data(m) for m in current.metrics]
        children: list[dict[str, Any]] = []
        out["children"] = children
        if descendants or current is not section:
            for child in current.children:
                child_out: dict[str, Any] = {}
                children.append(child_out)
                stack.append((child, child_out))
    return root


def report_data(report: Report) -> dict[str, Any]:
    """The whole report in the data model."""
    data: dict[str, Any] = {"schema": report.schema, "report": meta_data(report)}
    if report.not_metrics:
        data["not_metrics"] = list(report.not_metrics)
    data["sections"] = [section_data(s) for s in report.sections]
    return data


def section_report_data(
    report: Report, section: Section, *, descendants: bool = True
) -> dict[str, Any]:
    """A report document holding only ``section`` (as a top-level section) and the metadata."""
    return {
        "schema": report.schema,
        "report": meta_data(report),
        "sections": [section_data(section, descendants=descendants)],
    }


def metric_row(metric: Metric) -> dict[str, Any]:
    """One metric as a flat row: every key present (``null`` when unset), change included."""
    return {
        "section_id": metric.section_id,
        "section_path": list(metric.breadcrumb),
        "id": metric.id,
        "label": metric.label,
        "value": metric.value,
        "unit": metric.unit,
        "qualifier": metric.qualifier,
        "baseline": metric.baseline,
        "change": metric.change,
        "quote": metric.quote,
        "note": metric.note,
    }


# Characters JSON allows raw but the YAML reader refuses in a file (line separators
# that would shift line numbers, a BOM, non-characters): written as \uXXXX escapes so
# the export also opens as a report file in the app.
_YAML_UNSAFE = re.compile("[\u0085\u2028\u2029\ufeff\ufffe\uffff]")


def _dumps(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def report_json(report: Report) -> str:
    return _dumps(report_data(report))


def section_json(report: Report, section: Section, *, descendants: bool = True) -> str:
    return _dumps(section_report_data(report, section, descendants=descendants))


def metrics_json(metrics: Iterable[Metric]) -> str:
    return _dumps([metric_row(m) for m in metrics])


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a number a report can hold")


def _reject_literals(data: Any, path: str) -> None:
    """JSON's ``true``, ``false`` (YAML's reader never yields them) are not report values."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, bool):
            raise ReportError(
                path, f"expected text or a number, got {str(value).lower()}", data_path=where
            )
        if isinstance(value, dict):
            stack.extend((v, (*where, k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(value))


def load_json_report(text: str, path: str = "<json>") -> Report:
    """Read a report written by ``report_json`` (or any JSON in the data model).

    Numbers are kept as the text JSON wrote them, exactly as the YAML reader
    keeps them, so the validator treats both formats alike. Raises ``ReportError``.
    """
    try:
        data = json.loads(
            text, parse_int=PlainNumber, parse_float=PlainNumber, parse_constant=_no_constants
        )
    except (ValueError, RecursionError) as error:
        raise ReportError(path, f"not valid JSON: {error}") from None
    _reject_literals(data, path)
    try:
        return build_report(data, "report")
    except Invalid as problem:
        raise ReportError(path, problem.message, data_path=problem.path) from None
