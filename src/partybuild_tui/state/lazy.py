"""The load cache's explicit lazy loader: metrics built when first read.

A cache hit of the 37 MB report holds 100,000 metrics; building them all before
the first frame would double a warm start, and the first frame shows one
section's. ``decode_report`` checks every column of the entry at once (types,
ranges, inert text, quote positions: nothing is left to check later), then gives
each section a ``SectionMetrics`` and the report an ``AllMetrics`` and a
``MetricsById``: sequences and a mapping over one ``MetricStore`` that builds a
section's ``Metric`` objects the first time any of them is read. A lock makes
the search thread and the screen share one set of objects. The model itself
stays plain dataclasses; these are ordinary read-only ``Sequence``/``Mapping``
types that compare equal to the tuples and dicts a fresh load builds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

from partybuild_tui.model.report import Metric


class MetricStore:
    """Checked metric columns of a whole report; ``Metric`` objects made on demand."""

    def __init__(
        self, bounds: list[tuple[int, int]], make: Callable[[int, int], list[Metric]]
    ) -> None:
        """``bounds``: each section's ``(start, end)``; ``make(start, end)`` builds those."""
        self._bounds = [b for b in bounds if b[1] > b[0]]
        self._make = make
        self._built: list[Metric | None] = [None] * (self._bounds[-1][1] if self._bounds else 0)
        self._complete = not self._built
        self._lock = threading.Lock()
        self._by_id: dict[str, Metric] | None = None

    def __len__(self) -> int:
        return len(self._built)

    def range(self, start: int, end: int) -> list[Metric]:
        """Metrics ``start`` to ``end``: one section's, or all (``0, len``); built once."""
        built = self._built
        whole = start == 0 and end == len(built)
        if end > start and not self._complete and (whole or built[start] is None):
            with self._lock:
                if not whole:  # one section's
                    if built[start] is None:
                        built[start:end] = self._make(start, end)
                elif not self._complete:
                    for low, high in self._bounds:
                        if built[low] is None:
                            built[low:high] = self._make(low, high)
                    self._complete = True
        return built[start:end]  # type: ignore[return-value]

    def by_id(self) -> dict[str, Metric]:
        if self._by_id is None:
            everything = self.range(0, len(self))
            with self._lock:
                self._by_id = {m.id: m for m in everything}
        return self._by_id


class _Slice(Sequence[Metric]):
    """Metrics ``start`` to ``end`` of a store, as a read-only sequence."""

    __slots__ = ("_end", "_start", "_store")

    def __init__(self, store: MetricStore, start: int, end: int) -> None:
        self._store, self._start, self._end = store, start, end

    def _all(self) -> list[Metric]:
        return self._store.range(self._start, self._end)

    def __len__(self) -> int:
        return self._end - self._start

    @overload
    def __getitem__(self, index: int) -> Metric: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Metric]: ...
    def __getitem__(self, index: int | slice) -> Metric | Sequence[Metric]:
        if isinstance(index, slice):
            return tuple(self._all()[index])
        return self._all()[index]

    def __iter__(self) -> Iterator[Metric]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:  # pickled (to a worker process) as a plain tuple
        return (tuple, (tuple(self),))


class SectionMetrics(_Slice):
    """One section's metrics."""

    __slots__ = ()


class AllMetrics(_Slice):
    """Every metric of the report in reading order."""

    __slots__ = ()

    def __init__(self, store: MetricStore) -> None:
        super().__init__(store, 0, len(store))


class MetricsById(Mapping[str, Metric]):
    """The report's metrics by id, built on first use."""

    __slots__ = ("_store",)

    def __init__(self, store: MetricStore) -> None:
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
