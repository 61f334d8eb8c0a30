"""Bookmarks of one report: an ordered set of section ids (pure logic, no Textual).

Held in a dict (insertion-ordered, O(1) membership), so a state file of 100,000
ids costs milliseconds, not the seconds a list scan per id took. At most
``MAX_BOOKMARKS`` are kept; the README says so, and the store warns when a file
held more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

MAX_BOOKMARKS = 10_000


class Bookmarks:
    """Section ids in the order the user bookmarked them, each once, at most ``MAX_BOOKMARKS``."""

    __slots__ = ("_ids",)

    def __init__(self, section_ids: Iterable[str] = ()) -> None:
        self._ids: dict[str, None] = {}
        for section_id in section_ids:
            if len(self._ids) >= MAX_BOOKMARKS:
                break
            self._ids[section_id] = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    @property
    def full(self) -> bool:
        """True when no more can be added (``MAX_BOOKMARKS``)."""
        return len(self._ids) >= MAX_BOOKMARKS

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bookmarks) and list(self._ids) == list(other._ids)

    def __repr__(self) -> str:
        return f"Bookmarks({list(self._ids)!r})"

    def add(self, section_id: str) -> bool:
        """Append ``section_id``; ``False`` if it was already bookmarked (or the list is full)."""
        if section_id in self._ids or self.full:
            return False
        self._ids[section_id] = None
        return True

    def remove(self, section_id: str) -> bool:
        if section_id not in self._ids:
            return False
        del self._ids[section_id]
        return True

    def toggle(self, section_id: str) -> bool:
        """Bookmark or un-bookmark; ``True`` if the section is bookmarked afterwards."""
        if self.remove(section_id):
            return False
        return self.add(section_id)

    def prune(self, valid: Iterable[str]) -> list[str]:
        """Drop bookmarks of sections that no longer exist; the ids dropped."""
        keep = valid if isinstance(valid, (set, frozenset, dict)) else frozenset(valid)
        dropped = [i for i in self._ids if i not in keep]
        for section_id in dropped:
            del self._ids[section_id]
        return dropped
