"""The indicator registry of a library: which figures mean the same across reports.

A library folder may hold one ``indicators.yaml`` (schema
``partybuild-indicators/1``, described by ``indicators.schema.json``): each
indicator has an id (what a metric's ``indicator`` key names), a canonical
label, the unit every figure of it must have, and other labels that mean the
same. It is read as strictly as a report: same reader, same character rules,
errors as one line ``FILE:LINE:COL: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partybuild_tui.model.errors import DataPath, Invalid, ReportError, format_data_path, shown
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.model.source import DEFAULT_MAX_SIZE, decode, read_bytes

REGISTRY_SCHEMA_NAME = "partybuild-indicators"
REGISTRY_SCHEMA = f"{REGISTRY_SCHEMA_NAME}/1"
REGISTRY_FILE_NAME = "indicators.yaml"
_HEAD_BYTES = 4096
_INDICATOR_ID = re.compile(r"[a-z0-9-]+")
_SCHEMA = re.compile(r"partybuild-indicators/(\d{1,6})(?:\.\d{1,6})?")
# The schema line as a YAML or JSON file starts: comments and blank lines may come first.
_HEAD = re.compile(
    r"\A(?:\ufeff)?(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:\{\s*)?"
    r"[\"']?schema[\"']?[ \t]*:[ \t]*[\"']?partybuild-indicators/"
)


@dataclass(frozen=True)
class Indicator:
    """One figure that can be compared across reports."""

    id: str
    label: str
    unit: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """The indicators of a library, in file order, looked up by id."""

    indicators: tuple[Indicator, ...]
    _by_id: dict[str, Indicator] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._by_id:
            object.__setattr__(self, "_by_id", {i.id: i for i in self.indicators})

    def get(self, indicator_id: str) -> Indicator | None:
        return self._by_id.get(indicator_id)


def is_registry_file(path: str | Path) -> bool:
    """True when the file starts with a ``schema: partybuild-indicators/…`` line.

    Reads only the head of the file, so a library scan can tell the registry from
    reports cheaply; never raises (an unreadable file is simply not a registry).
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD_BYTES)
    except (OSError, ValueError):
        return False
    return _HEAD.match(head.decode("utf-8", errors="replace")) is not None


def _text(value: Any, path: DataPath, what: str) -> str:
    if value is None:
        raise Invalid(path, f"missing: expected {what}")
    if isinstance(value, (dict, list)):
        raise Invalid(path, f"expected {what} (text)")
    text = sanitize_text(str(value))
    if not text.strip():
        raise Invalid(path, "must not be empty")
    return text


def _schema(value: Any) -> None:
    path: DataPath = ("schema",)
    if value is None:
        raise Invalid(path, f"missing: the first line should be 'schema: {REGISTRY_SCHEMA}'")
    text = _text(value, path, "the schema name").strip()
    match = _SCHEMA.fullmatch(text)
    if match is None:
        raise Invalid(
            path, f"unknown schema {shown(text)}; an indicator registry is {REGISTRY_SCHEMA}"
        )
    if match.group(1) != "1":
        raise Invalid(
            path,
            f"unknown schema version {shown(text)}; this app reads {REGISTRY_SCHEMA} "
            "(a newer partybuild-tui may read it)",
        )


def _indicator(value: Any, path: DataPath, seen: dict[str, DataPath]) -> Indicator:
    if not isinstance(value, dict):
        raise Invalid(path, "expected an indicator (a mapping with id, label, unit)")
    indicator_id = _text(value.get("id"), path + ("id",), "an id")
    if not _INDICATOR_ID.fullmatch(indicator_id):
        raise Invalid(
            path + ("id",),
            f"indicator id {shown(indicator_id)} must be lowercase ASCII letters, digits "
            "and hyphens (like first-topic-study-sessions)",
        )
    if indicator_id in seen:
        raise Invalid(
            path + ("id",),
            f"duplicate indicator id {shown(indicator_id)} "
            f"(also at {format_data_path(seen[indicator_id])})",
        )
    seen[indicator_id] = path + ("id",)
    aliases = value.get("aliases")
    if aliases is None:
        aliases = []
    if not isinstance(aliases, list):
        raise Invalid(path + ("aliases",), "expected a list of other labels")
    return Indicator(
        id=indicator_id,
        label=_text(value.get("label"), path + ("label",), "the canonical label"),
        unit=_text(value.get("unit"), path + ("unit",), "the unit"),
        aliases=tuple(
            _text(alias, path + ("aliases", i), "a label") for i, alias in enumerate(aliases)
        ),
    )


def build_registry(data: Any) -> Registry:
    """The ``Registry`` for parsed data; ``Invalid`` if it breaks the contract."""
    if not isinstance(data, dict):
        raise Invalid((), "expected an indicator registry (schema:, indicators:)")
    _schema(data.get("schema"))
    items = data.get("indicators")
    if items is None:
        items = []
    if not isinstance(items, list):
        raise Invalid(("indicators",), "expected a list of indicators")
    seen: dict[str, DataPath] = {}
    return Registry(
        tuple(_indicator(item, ("indicators", i), seen) for i, item in enumerate(items))
    )


def load_registry(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> Registry:
    """Read and validate the registry at ``path``; raises ``ReportError`` and nothing else."""
    from partybuild_tui.model.yaml_reader import locate_in, parse_with_marks  # lazy: PyYAML

    name = str(path)
    text = decode(name, read_bytes(name, max_size, noun="registry file"))
    data, marks = parse_with_marks(name, text)
    try:
        return build_registry(data)
    except Invalid as problem:
        line, column = locate_in(data, marks, text, problem.path)
        raise ReportError(name, problem.message, line, column, problem.path) from None
