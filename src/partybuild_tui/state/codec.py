"""The load cache's codec: a ``Report`` to msgpack bytes and back, checked like a fresh load.

The codec is derived from the model's dataclass fields: every field of
``Metric``, ``Section`` and ``ReportMeta`` is stored except those the structure
implies (a metric's section and breadcrumb, a section's depth, order, …), and
each stored field is checked on decode by its annotation (``str``, ``int``,
``Number``, ``Literal[...]``, ``X | None``, ``tuple[str, ...]``). Adding a field
of one of these types to the model needs no edit here; a field of another type
fails at import, loudly, rather than turning the cache off. ``FINGERPRINT``
(the fields, their types and this format) is part of every cache key, so an
entry written by another model is a miss.

``decode_report`` holds an entry to the rules of a fresh load: shapes and types
as above, every string made inert by ``sanitize_text`` (the same function the
validator uses), ids unique, numbers finite and within ±1e18, each quote where
its metric says it is. Anything else raises ``ValueError``: a miss, never a
crash. Metrics are stored by column, so most checks run once per column.

The skeleton (the section tree, titles, every section and metric id) is checked
at once; each section's paragraphs and metrics are a blob of their own, checked
when first read (``state/lazy.py``): a warm start of the 37 MB report decodes one
section, not 10,000. Without a ``fallback`` every blob is checked before
``decode_report`` returns; with one, a blob that breaks a rule is read from the
report file instead (a miss, section by section).
"""

from __future__ import annotations

import hashlib
import math
import re
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields
from itertools import chain
from typing import Any

import msgpack

from partybuild_tui.model.numerals import MAX_MAGNITUDE
from partybuild_tui.model.report import SCHEMA, Metric, Report, ReportMeta, Section
from partybuild_tui.model.sanitize import is_safe, sanitize_text
from partybuild_tui.state.lazy import (
    AllMetrics,
    MetricsById,
    Part,
    SectionMetrics,
    SectionParagraphs,
    SectionStore,
)

FORMAT = 5
_SCHEMA = re.compile(re.escape(SCHEMA) + r"(?:\.[0-9]+)?")  # what the validator accepts
MAX_NUMBER = MAX_MAGNITUDE

# Fields the structure implies: rebuilt on decode, never stored.
_METRIC_DERIVED = frozenset({"section_id", "breadcrumb"})
_SECTION_DERIVED = frozenset(
    {"metrics", "children", "parent_id", "depth", "breadcrumb", "id_path", "order", "total_metrics"}
)

Check = Callable[[list[Any]], list[Any]]


class Malformed(ValueError):
    """A cache entry that breaks the rules of a fresh load (always a miss)."""


def _fail(what: str) -> typing.NoReturn:
    raise Malformed(what)


def _strings(column: list[Any]) -> list[Any]:
    if not {str}.issuperset(map(type, column)):
        _fail("text expected")
    if not is_safe("".join(column)):
        return [sanitize_text(v) for v in column]
    return column


def _integers(column: list[Any]) -> list[Any]:
    if not {int}.issuperset(map(type, column)) or max(map(abs, column), default=0) > MAX_NUMBER:
        _fail("integer expected")
    return column


def _numbers(column: list[Any]) -> list[Any]:
    if not {int, float}.issuperset(map(type, column)):
        _fail("number expected")
    if not all(map(math.isfinite, column)) or max(map(abs, column), default=0) > MAX_NUMBER:
        _fail("number out of range")
    return column


def _text_tuples(column: list[Any]) -> list[Any]:
    if not {list, tuple}.issuperset(map(type, column)):
        _fail("list of text expected")
    flat = list(chain.from_iterable(column))
    if not {str}.issuperset(map(type, flat)):
        _fail("text expected")
    if is_safe("".join(flat)):
        return list(map(tuple, column))
    return [tuple(map(sanitize_text, value)) for value in column]


def _literal(allowed: tuple[Any, ...]) -> Check:
    def check(column: list[Any]) -> list[Any]:
        if not set(column) <= set(allowed):
            _fail(f"one of {allowed} expected")
        return column

    return check


def _optional(inner: Check) -> Check:
    def check(column: list[Any]) -> list[Any]:
        present = [v for v in column if v is not None]
        if not present:
            return column
        checked = iter(inner(present))
        return [None if v is None else next(checked) for v in column]

    return check


def _check_for(annotation: Any) -> Check:
    """The column check for a field's type; ``TypeError`` for a type the codec cannot hold."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is str:
        return _strings
    if annotation is int:
        return _integers
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.Union, types.UnionType):
        if set(args) == {int, float}:
            return _numbers
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) == len(args) - 1:
            inner = rest[0] if len(rest) == 1 else typing.Union[rest]  # noqa: UP007
            return _optional(_check_for(inner))
    if (origin is tuple and args == (str, ...)) or annotation == Sequence[str]:
        return _text_tuples
    raise TypeError(f"the load cache cannot store a field of type {annotation!r}")


# Each class's hints once: get_type_hints evaluates every annotation anew (~3 ms a start).
_MODEL: tuple[type, ...] = (Metric, Section, ReportMeta, Report)
_HINTS = {cls: typing.get_type_hints(cls) for cls in _MODEL}


def _stored(cls: type, derived: frozenset[str]) -> tuple[tuple[str, Check], ...]:
    hints = _HINTS[cls]
    return tuple((f.name, _check_for(hints[f.name])) for f in fields(cls) if f.name not in derived)


_METRIC = _stored(Metric, _METRIC_DERIVED)
_SECTION = _stored(Section, _SECTION_DERIVED | {"paragraphs"})  # paragraphs: in the blob
_META = _stored(ReportMeta, frozenset())

FINGERPRINT = hashlib.blake2b(
    repr(
        (FORMAT, SCHEMA)
        + tuple(tuple((f.name, str(h[f.name])) for f in fields(c)) for c, h in _HINTS.items())
    ).encode(),
    digest_size=16,
).hexdigest()
"""Changes whenever the model's fields or types, the schema or this format change."""


def encode_report(report: Report) -> bytes:
    """The report as msgpack bytes; ``decode_report`` rebuilds an equal ``Report``."""
    ordered = report.ordered
    sections = [
        [
            [getattr(s, name) for name, _ in _SECTION],
            len(s.children),
            len(s.metrics),
            len(s.paragraphs),
        ]
        for s in ordered
    ]
    blobs = [
        msgpack.packb(
            [list(s.paragraphs), [[getattr(m, name) for m in s.metrics] for name in _NAMES]],
            use_bin_type=True,
        )
        for s in ordered
    ]
    metric_ids = [m.id for m in report.metrics]
    meta = [getattr(report.meta, name) for name, _ in _META]
    head = [FINGERPRINT, report.schema, meta, list(report.not_metrics)]
    packed: bytes = msgpack.packb([*head, sections, metric_ids, blobs], use_bin_type=True)
    return packed


def _columns(spec: tuple[tuple[str, Check], ...], rows: list[Any], what: str) -> list[list[Any]]:
    """Rows of values -> checked columns (one list per stored field)."""
    if any(type(row) is not list or len(row) != len(spec) for row in rows):
        _fail(f"{what}: wrong shape")
    return [check([row[i] for row in rows]) for i, (_, check) in enumerate(spec)]


def _quotes_in_place(
    paragraphs: list[tuple[str, ...]], indexes: list[int], starts: list[int], quotes: list[str]
) -> bool:
    """Each quote is at its offset in its paragraph (column by column: mostly C loops)."""
    if min(indexes, default=0) < 0 or min(starts, default=0) < 0:
        return False
    if not all(map(int.__lt__, indexes, map(len, paragraphs))):
        return False
    texts = list(map(tuple.__getitem__, paragraphs, indexes))
    return all(map(str.startswith, texts, quotes, starts))


class _Tree:
    """The section tree from its preorder rows, as ``build.py`` builds it; metrics by column."""

    def __init__(self, rows: list[Any]) -> None:
        if any(type(row) is not list or len(row) != 4 for row in rows):
            _fail("sections: wrong shape")
        self.rows = rows
        self.fields = _columns(_SECTION, [row[0] for row in rows], "sections")
        self.values: list[dict[str, Any]] = []
        self.places: list[tuple[tuple[str, ...], tuple[str, ...], str | None]] = []
        self.children: list[list[int]] = []
        self.metric_counts: list[int] = []
        self.paragraph_counts: list[int] = []
        self.bounds: list[tuple[int, int]] = []

    def shape(self) -> list[int]:
        """Walk the preorder rows once: each section's values, place and children."""
        tops: list[int] = []
        stack: list[list[int]] = []  # [open section, children still to come]
        names = [name for name, _ in _SECTION]
        child_counts = [row[1] for row in self.rows]
        metric_counts = [row[2] for row in self.rows]
        self.paragraph_counts = [row[3] for row in self.rows]
        counts = child_counts + metric_counts + self.paragraph_counts
        if not {int}.issuperset(map(type, counts)) or min(counts, default=0) < 0:
            _fail("sections: wrong counts")
        self.values = [dict(zip(names, row, strict=True)) for row in zip(*self.fields, strict=True)]
        self.metric_counts = metric_counts
        for order, (values, child_count) in enumerate(zip(self.values, child_counts, strict=True)):
            crumbs: tuple[str, ...] = ()
            ids: tuple[str, ...] = ()
            if stack:
                parent = stack[-1][0]
                crumbs, ids, _ = self.places[parent]
                self.children[parent].append(order)
                stack[-1][1] -= 1
            else:
                tops.append(order)
            parent_id = ids[-1] if ids else None
            self.places.append(((*crumbs, values["title"]), (*ids, values["id"]), parent_id))
            self.children.append([])
            while stack and stack[-1][1] == 0:
                stack.pop()
            if child_count:
                if len(stack) >= 64:
                    _fail("sections nested too deeply")
                stack.append([order, child_count])
        if stack:
            _fail("sections: wrong counts")
        if len({v["id"] for v in self.values}) != len(self.values):
            _fail("duplicate section id")
        return tops

    def store(
        self, metric_ids: list[Any], blobs: list[Any], fallback: Callable[[int], Part] | None
    ) -> SectionStore:
        """Each section's paragraphs and metrics, checked and built when first read."""
        if sum(self.metric_counts) != len(metric_ids) or len(blobs) != len(self.values):
            _fail("metrics: wrong counts")
        if len(set(_strings(metric_ids))) != len(metric_ids):
            _fail("duplicate metric id")
        if not {bytes}.issuperset(map(type, blobs)):
            _fail("sections: wrong shape")
        bounds: list[tuple[int, int]] = []
        for n in self.metric_counts:
            start = bounds[-1][1] if bounds else 0
            bounds.append((start, start + n))
        self.bounds = bounds

        def decode(order: int) -> Part:
            try:
                return self._part(order, blobs[order], metric_ids)
            except Malformed:
                raise
            except Exception as error:  # msgpack and shape errors: all a broken rule
                raise Malformed(f"section {order}: {type(error).__name__}") from None

        return SectionStore(bounds, decode, fallback)

    def _part(self, order: int, blob: bytes, metric_ids: list[Any]) -> Part:
        values, (start, end) = self.values[order], self.bounds[order]
        data = msgpack.unpackb(blob, raw=False, strict_map_key=True)
        if type(data) is not list or len(data) != 2 or type(data[1]) is not list:
            _fail("section: wrong shape")
        paragraphs = _text_tuples([data[0]])[0]
        if len(paragraphs) != self.paragraph_counts[order]:
            _fail("paragraphs: wrong count")
        columns = data[1]
        if len(columns) != len(_METRIC) or any(type(c) is not list for c in columns):
            _fail("metrics: wrong shape")
        if {len(column) for column in columns} - {end - start}:
            _fail("metrics: wrong counts")
        checked = [check(column) for (_, check), column in zip(_METRIC, columns, strict=True)]
        stored = dict(zip(_NAMES, checked, strict=True))
        if stored["id"] != metric_ids[start:end]:
            _fail("metrics: ids differ from the skeleton's")
        n = end - start
        stored["section_id"] = [values["id"]] * n
        stored["breadcrumb"] = [self.places[order][0]] * n
        if not _quotes_in_place(
            [paragraphs] * n, stored["paragraph_index"], stored["quote_start"], stored["quote"]
        ):
            _fail("a quote is not where its metric says")
        metrics = list(map(Metric, *(stored[f.name] for f in fields(Metric))))
        return paragraphs, metrics

    def build(self, order: int, store: SectionStore) -> Section:
        """Section ``order`` with its subtree."""
        start, end = self.bounds[order]
        own = SectionMetrics(store, order, end - start)
        children = tuple(self.build(child, store) for child in self.children[order])
        breadcrumb, id_path, parent_id = self.places[order]
        return Section(
            **self.values[order],
            paragraphs=SectionParagraphs(store, order, self.paragraph_counts[order]),
            metrics=own,
            children=children,
            parent_id=parent_id,
            depth=len(id_path) - 1,
            breadcrumb=breadcrumb,
            id_path=id_path,
            order=order,
            total_metrics=len(own) + sum(c.total_metrics for c in children),
        )


_NAMES = tuple(name for name, _ in _METRIC)
_NAMES_META = tuple(name for name, _ in _META)


def _row(spec: tuple[tuple[str, Check], ...], row: Any) -> list[Any]:
    if type(row) is not list or len(row) != len(spec):
        _fail("wrong shape")
    return [check([value])[0] for (_, check), value in zip(spec, row, strict=True)]


def decode_report(
    data: bytes | memoryview, fallback: Callable[[int], Part] | None = None
) -> Report:
    """The ``Report`` in ``data`` (from ``encode_report``), held to a fresh load's rules.

    Raises ``ValueError`` (``Malformed``) for anything else: wrong shapes or types,
    another model's fingerprint, duplicate ids, misplaced quotes, bytes msgpack
    cannot read. Text that could act on a terminal is made inert as on load.
    With ``fallback`` (section ``order``'s paragraphs and metrics from the report
    file), sections are checked when first read, and one that breaks a rule comes
    from ``fallback`` instead; without it, every section is checked here.
    """
    try:
        payload = msgpack.unpackb(data, raw=False, strict_map_key=True)
    except Exception as error:  # msgpack raises several types for bad bytes
        raise Malformed(f"not msgpack: {type(error).__name__}") from None
    try:
        report, store = _decode(payload, fallback)
        if fallback is None:
            store.load_all()
        return report
    except Malformed:
        raise
    except (TypeError, KeyError, IndexError, AttributeError, RecursionError) as error:
        raise Malformed(f"wrong shape ({type(error).__name__})") from None


def _decode(payload: Any, fallback: Callable[[int], Part] | None) -> tuple[Report, SectionStore]:
    if type(payload) is not list or len(payload) != 7 or payload[0] != FINGERPRINT:
        _fail("another format or model")
    _, schema, meta_row, not_metrics, section_rows, metric_ids, blobs = payload
    if type(schema) is not str or not _SCHEMA.fullmatch(schema):
        _fail("another schema")
    if any(type(part) is not list for part in (section_rows, metric_ids, blobs, not_metrics)):
        _fail("wrong shape")
    meta = ReportMeta(**dict(zip(_NAMES_META, _row(_META, meta_row), strict=True)))
    tree = _Tree(section_rows)
    tops = tree.shape()
    store = tree.store(metric_ids, blobs, fallback)
    sections = tuple(tree.build(order, store) for order in tops)
    lookups = (AllMetrics(store), MetricsById(store))
    report = Report.build(schema, meta, sections, tuple(_strings(not_metrics)), lookups)
    return report, store
