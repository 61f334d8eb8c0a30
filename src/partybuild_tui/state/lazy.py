"""The load cache's explicit lazy loader: a section's text and metrics read when first used.

A cache hit of the 37 MB report holds 10,000 sections and 100,000 metrics; the
first frame shows one section. ``decode_report`` checks the entry's skeleton at
once (the section tree, titles, every id) and keeps each section's paragraphs and
metrics as one signed blob that is decoded and checked, by the same rules as a
fresh load, the first time anything in that section is read. ``SectionStore``
holds those; ``SectionParagraphs``, ``SectionMetrics``, ``AllMetrics`` and
``MetricsById`` are ordinary read-only ``Sequence``/``Mapping`` types over it that
compare equal to the tuples and dicts a fresh load builds. A lock makes the
search thread and the screen share one set of objects.

A blob that breaks the rules (it cannot, unless our own writer has a bug: the
entry is authenticated) is a miss all the same: ``fallback`` reads that section
from the report file instead, so nothing wrong is shown and nothing crashes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

from partybuild_tui.model.report import Metric

T = TypeVar("T")
Part = tuple[tuple[str, ...], list[Metric]]
"""A section's paragraphs and its metrics."""


class SectionStore:
    """Every section's paragraphs and metrics, decoded (and checked) on first read."""

    def __init__(
        self,
        bounds: list[tuple[int, int]],
        decode: Callable[[int], Part],
        fallback: Callable[[int], Part] | None = None,
    ) -> None:
        """``bounds``: each section's metrics ``(start, end)`` in reading order;
        ``decode(order)`` checks and builds one section's part (``ValueError`` if it
        breaks a rule); ``fallback(order)`` gives it from the report file instead."""
        self._bounds = bounds
        self._decode = decode
        self._fallback = fallback
        self._paragraphs: list[tuple[str, ...] | None] = [None] * len(bounds)
        self._metrics: list[Metric | None] = [None] * (bounds[-1][1] if bounds else 0)
        self._lock = threading.Lock()
        self._complete = not bounds
        self._by_id: dict[str, Metric] | None = None

    def __len__(self) -> int:
        """How many metrics in all."""
        return len(self._metrics)

    def part(self, order: int) -> Part:
        """Section ``order``'s paragraphs and metrics, built once."""
        paragraphs = self._paragraphs[order]
        if paragraphs is None:
            with self._lock:
                paragraphs = self._paragraphs[order]
                if paragraphs is None:
                    paragraphs = self._fill(order)
        start, end = self._bounds[order]
        return paragraphs, self._metrics[start:end]  # type: ignore[return-value]

    def _fill(self, order: int) -> tuple[str, ...]:
        try:
            paragraphs, metrics = self._decode(order)
        except ValueError:
            if self._fallback is None:
                raise
            paragraphs, metrics = self._fallback(order)
        start, end = self._bounds[order]
        self._metrics[start:end] = metrics
        self._paragraphs[order] = paragraphs  # last: readers test this without the lock
        return paragraphs

    def load_all(self) -> None:
        """Decode every section now (the eager mode: any broken rule raises here)."""
        if not self._complete:
            for order in range(len(self._bounds)):
                self.part(order)
            self._complete = True

    def all_metrics(self) -> list[Metric]:
        self.load_all()
        return self._metrics  # type: ignore[return-value]

    def by_id(self) -> dict[str, Metric]:
        if self._by_id is None:
            everything = self.all_metrics()
            with self._lock:
                self._by_id = {m.id: m for m in everything}
        return self._by_id


class _Lazy(Sequence[T], Generic[T]):
    """A read-only sequence of known length whose items come from a ``SectionStore``."""

    __slots__ = ("_length", "_order", "_store")

    def __init__(self, store: SectionStore, order: int, length: int) -> None:
        self._store, self._order, self._length = store, order, length

    def _all(self) -> Sequence[T]:
        raise NotImplementedError

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(self._all()[index])
        return self._all()[index]

    def __iter__(self) -> Iterator[T]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (to a worker process) as a plain tuple
        return (tuple, (tuple(self),))


class SectionParagraphs(_Lazy[str]):
    """One section's paragraphs."""

    __slots__ = ()

    def _all(self) -> Sequence[str]:
        return self._store.part(self._order)[0]


class SectionMetrics(_Lazy[Metric]):
    """One section's metrics."""

    __slots__ = ()

    def _all(self) -> Sequence[Metric]:
        return self._store.part(self._order)[1]


class AllMetrics(_Lazy[Metric]):
    """Every metric of the report in reading order."""

    __slots__ = ()

    def __init__(self, store: SectionStore) -> None:
        super().__init__(store, -1, len(store))

    def _all(self) -> Sequence[Metric]:
        return self._store.all_metrics()


class MetricsById(Mapping[str, Metric]):
    """The report's metrics by id, built on first use."""

    __slots__ = ("_store",)

    def __init__(self, store: SectionStore) -> None:
        self._store = store

    def __getitem__(self, key: str) -> Metric:
        return self._store.by_id()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.by_id())

    def __len__(self) -> int:
        return len(self._store)

    def __eq__(self, other: Any) -> bool:
        return dict(self.items()) == other if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:  # pragma: no cover - a report is not hashed by its lookups
        return id(self)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as a plain dict
        return (dict, (dict(self.items()),))
