"""Validate plain report data against the contract and build the immutable model.

Every problem raises ``Invalid`` with the data path of the offending value; the
loader turns that path into a line and column. All report text passes through
``sanitize_text`` here, the one boundary between the file and the app.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from partybuild_tui.model.errors import DataPath, Invalid, format_data_path, shown
from partybuild_tui.model.numerals import MAX_DIGITS, MAX_MAGNITUDE
from partybuild_tui.model.quotes import QuoteFinder
from partybuild_tui.model.report import (
    QUALIFIERS,
    ROLES,
    SCHEMA,
    SCHEMA_MAJOR,
    SCHEMA_NAME,
    Metric,
    Number,
    Report,
    ReportMeta,
    Section,
)
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.model.scalars import PlainNumber

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SCHEMA = re.compile(r"([a-z][a-z0-9-]*)/(\d+)(?:\.\d+)?")
_INTEGER = re.compile(r"[-+]?\d+")
_INDICATOR = re.compile(r"[a-z0-9-]+")
_REGION_CODE = re.compile(r"[0-9]{6}")
_MAX_DIGITS = MAX_DIGITS
_MAX_NUMBER = MAX_MAGNITUDE
_BOOLEAN_WORDS = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off"})
# ISO 8601 as Python 3.10's datetime.fromisoformat reads it (the same on every version).
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{3}(?:[0-9]{3})?)?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
MAX_SECTION_DEPTH = 24

META_TEXT_FIELDS = ("subtitle", "source", "author", "period", "region", "language", "kind")


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return shown(str(value))


def _mapping(value: Any, path: DataPath, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Invalid(path, f"expected {what} (a mapping of keys), got {_shown(value)}")
    return value


def _list(value: Any, path: DataPath, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise Invalid(path, f"expected a list of {what}, got {_shown(value)}")
    return value


def _text(
    value: Any, path: DataPath, *, required: bool = True, key: str | None = None
) -> str | None:
    """Text as written. Unquoted ``2024`` or ``no`` stay the text ``2024`` / ``no``.

    ``key``: the value is ``path``'s member ``key`` (its path is made only for an error).
    """
    if type(value) is str:  # the common case, first
        text = sanitize_text(value)
        if not required or text.strip():
            return text
    elif value is None:
        if required:
            raise Invalid(_at(path, key), "missing: expected text")
        return None
    elif isinstance(value, (dict, list)):
        raise Invalid(_at(path, key), f"expected text, got {_shown(value)}")
    else:
        text = sanitize_text(str(value))
        if not required or text.strip():
            return text
    raise Invalid(_at(path, key), "must not be empty")


def _at(path: DataPath, key: str | None) -> DataPath:
    return path if key is None else (*path, key)


def _number(value: Any, path: DataPath, key: str | None = None) -> Number:
    if type(value) is PlainNumber and len(value) <= _MAX_DIGITS:  # the common case, first
        if _INTEGER.fullmatch(value):
            integer = int(value)
            if abs(integer) <= _MAX_NUMBER:
                return integer
        else:
            number = float(value)
            if math.isfinite(number) and abs(number) <= _MAX_NUMBER:
                return number
    path = _at(path, key)
    if value is None:
        raise Invalid(path, "missing: expected a number")
    if not isinstance(value, PlainNumber):
        hint = ""
        if isinstance(value, str) and re.fullmatch(r"\s*[-+]?[\d.]+\s*", value):
            hint = " (numbers are written without quotes)"
        elif isinstance(value, str) and value.lower() in _BOOLEAN_WORDS:
            hint = " (yes/no/true/false are not numbers)"
        raise Invalid(path, f"expected a number, got {_shown(value)}{hint}")
    digits = sum(c.isdigit() for c in value) if len(value) > _MAX_DIGITS else 0
    if digits > _MAX_DIGITS:
        raise Invalid(path, f"number has {digits} digits; at most {_MAX_DIGITS} are accepted")
    try:
        if _INTEGER.fullmatch(value):
            integer = int(value)
            if abs(integer) > _MAX_NUMBER:
                raise Invalid(path, f"number out of range: {_shown(value)}")
            return integer
        number = float(value)
    except ValueError:  # pragma: no cover - the pattern admits only valid numbers
        raise Invalid(path, f"expected a number, got {_shown(value)}") from None
    if not math.isfinite(number) or abs(number) > _MAX_NUMBER:
        raise Invalid(path, f"number out of range: {_shown(value)}")
    return number


def _id(value: Any, path: DataPath, seen: dict[str, DataPath], kind: str) -> str:
    text = _text(value, path)
    assert text is not None
    if not _ID.fullmatch(text):
        raise Invalid(
            path,
            f"{kind} id {_shown(text)} must be lowercase ASCII letters, digits and hyphens "
            "(like first-topic-sessions)",
        )
    if text in seen:
        raise Invalid(
            path, f"duplicate {kind} id {_shown(text)} (also at {format_data_path(seen[text])})"
        )
    seen[text] = path
    return text


def _timestamp(value: Any, path: DataPath) -> str | None:
    text = _text(value, path, required=False)
    if text is None:
        return None
    candidate = text.strip()
    try:
        if not _DATE_TIME.fullmatch(candidate):
            raise ValueError(candidate)
        datetime.fromisoformat(candidate.replace("Z", "+00:00"))
    except ValueError:
        raise Invalid(
            path,
            f'not a valid ISO 8601 date-time: {_shown(text)} (like "2026-01-19T17:43:15+08:00")',
        ) from None
    return candidate


def _schema(value: Any) -> str:
    path: DataPath = ("schema",)
    if value is None:
        raise Invalid(path, f"missing: the first line should be 'schema: {SCHEMA}'")
    text = _text(value, path)
    assert text is not None
    match = _SCHEMA.fullmatch(text.strip())
    if not match or match.group(1) != SCHEMA_NAME:
        raise Invalid(path, f"unknown schema {_shown(text)}; this app reads {SCHEMA}")
    if (match.group(2).lstrip("0") or "0") != str(SCHEMA_MAJOR):  # no int(): 5,000 digits
        raise Invalid(
            path,
            f"unknown schema version {_shown(text)}; this app reads {SCHEMA} "
            "(a newer partybuild-tui may read it)",
        )
    return text.strip()


def _meta(value: Any, default_id: str) -> ReportMeta:
    path: DataPath = ("report",)
    if value is None:
        raise Invalid(path, "missing: a report needs 'report:' with at least a title")
    data = _mapping(value, path, "the report's metadata")
    report_id = default_id
    if data.get("id") is not None:
        report_id = _id(data["id"], path + ("id",), {}, "report")
    title = _text(data.get("title"), path + ("title",))
    assert title is not None
    fields = {
        name: _text(data.get(name), path + (name,), required=False) for name in META_TEXT_FIELDS
    }
    published = _timestamp(data.get("published"), path + ("published",))
    region_code = _region_code(data.get("region_code"), path + ("region_code",))
    return ReportMeta(
        id=report_id, title=title, published=published, region_code=region_code, **fields
    )


def _region_code(value: Any, path: DataPath) -> str | None:
    """Six ASCII digits, written as text (quoted, so that ``010100`` keeps its zero)."""
    if value is None:
        return None
    if isinstance(value, PlainNumber):
        raise Invalid(
            path, f'region code {_shown(value)} must be quoted text, like region_code: "140500"'
        )
    text = _text(value, path)
    assert text is not None
    if not _REGION_CODE.fullmatch(text):
        raise Invalid(path, f"region code {_shown(text)} must be six digits, like 140500")
    return text


def _indicator(value: Any, path: DataPath) -> str | None:
    if value is None:
        return None
    if isinstance(value, PlainNumber):
        raise Invalid(path, f"indicator {_shown(value)} must be text (a registry id)")
    text = _text(value, path)
    assert text is not None
    if not _INDICATOR.fullmatch(text):
        raise Invalid(
            path,
            f"indicator {_shown(text)} must be lowercase ASCII letters, digits and hyphens "
            "(like first-topic-study-sessions)",
        )
    return text


def _role(data: dict[str, Any], path: DataPath) -> tuple[str, str | None]:
    """``(role, target_period)``: a target names its period, a result has none."""
    role = data.get("role")
    if role is None:
        role = "result"
    if not isinstance(role, str) or role not in ROLES:
        raise Invalid(
            path + ("role",), f"unknown role {_shown(role)}; use one of {', '.join(ROLES)}"
        )
    period = _text(data.get("target_period"), path + ("target_period",), required=False)
    if role == "target" and (period is None or not period.strip()):
        raise Invalid(
            path + ("target_period",),
            'missing: a metric with role: target needs target_period (like target_period: "2026")',
        )
    if role == "result" and period is not None:
        raise Invalid(
            path + ("target_period",),
            "target_period is only for a metric with role: target",
        )
    return role, period


class _Builder:
    def __init__(self) -> None:
        self.section_ids: dict[str, DataPath] = {}
        self.metric_ids: dict[str, DataPath] = {}
        self.order = 0

    def section(
        self,
        value: Any,
        path: DataPath,
        parent_crumbs: tuple[str, ...],
        parent_ids: tuple[str, ...],
    ) -> Section:
        depth = len(parent_ids)
        if depth >= MAX_SECTION_DEPTH:
            raise Invalid(path, f"sections nested deeper than {MAX_SECTION_DEPTH} levels")
        data = _mapping(value, path, "a section")
        section_id = _id(data.get("id"), path + ("id",), self.section_ids, "section")
        title = _text(data.get("title"), path + ("title",))
        assert title is not None
        paragraphs = tuple(
            _text(p, path + ("paragraphs", i)) or ""
            for i, p in enumerate(
                _list(data.get("paragraphs"), path + ("paragraphs",), "paragraphs")
            )
        )
        breadcrumb = parent_crumbs + (title,)
        id_path = parent_ids + (section_id,)
        items = _list(data.get("metrics"), path + ("metrics",), "metrics")
        quotes = QuoteFinder(paragraphs, items)
        metrics = tuple(
            self.metric(m, path + ("metrics", i), section_id, quotes, breadcrumb)
            for i, m in enumerate(items)
        )
        order = self.order
        self.order += 1
        children = tuple(
            self.section(c, path + ("children", i), breadcrumb, id_path)
            for i, c in enumerate(_list(data.get("children"), path + ("children",), "sections"))
        )
        total = len(metrics) + sum(c.total_metrics for c in children)
        return Section(
            id=section_id,
            title=title,
            paragraphs=paragraphs,
            metrics=metrics,
            children=children,
            parent_id=parent_ids[-1] if parent_ids else None,
            depth=depth,
            breadcrumb=breadcrumb,
            id_path=id_path,
            order=order,
            total_metrics=total,
        )

    def metric(
        self,
        value: Any,
        path: DataPath,
        section_id: str,
        quotes: QuoteFinder,
        breadcrumb: tuple[str, ...],
    ) -> Metric:
        data = _mapping(value, path, "a metric")
        get = data.get
        metric_id = _id(get("id"), path + ("id",), self.metric_ids, "metric")
        label = _text(get("label"), path, key="label")
        number = _number(get("value"), path, "value")
        unit = _text(get("unit"), path, key="unit")
        qualifier = get("qualifier")
        if qualifier is None:
            qualifier = "exact"
        if qualifier not in QUALIFIERS or type(qualifier) is not str:
            raise Invalid(
                path + ("qualifier",),
                f"unknown qualifier {_shown(qualifier)}; use one of {', '.join(QUALIFIERS)}",
            )
        quote = _text(get("quote"), path, key="quote")
        assert quote is not None and label is not None and unit is not None
        index, start = quotes.find(quote)
        if index < 0:
            raise Invalid(
                path + ("quote",),
                f"quote {_shown(quote)} is not in this section's paragraphs "
                "(a quote must be an exact substring of one of them)",
            )
        baseline = get("baseline")
        if "role" in data or "target_period" in data:
            role, target_period = _role(data, path)
        else:
            role, target_period = "result", None
        indicator = get("indicator")
        return Metric(
            metric_id,
            label,
            number,
            unit,
            qualifier,  # type: ignore[arg-type]
            quote,
            section_id,
            index,
            start,
            None if baseline is None else _number(baseline, path, "baseline"),
            _text(get("note"), path, required=False, key="note"),
            breadcrumb,
            None if indicator is None else _indicator(indicator, path + ("indicator",)),
            role,  # type: ignore[arg-type]
            target_period,
        )


def build_report(data: Any, default_id: str = "report") -> Report:
    """The ``Report`` for parsed YAML ``data``; ``Invalid`` if it breaks the contract."""
    top = _mapping(data, (), "a report")
    schema = _schema(top.get("schema"))
    meta = _meta(top.get("report"), default_id)
    not_metrics = tuple(
        _text(item, ("not_metrics", i)) or ""
        for i, item in enumerate(_list(top.get("not_metrics"), ("not_metrics",), "texts"))
    )
    builder = _Builder()
    sections = tuple(
        builder.section(s, ("sections", i), (), ())
        for i, s in enumerate(_list(top.get("sections"), ("sections",), "sections"))
    )
    return Report.build(schema, meta, sections, not_metrics)
