"""Bookmarks of one report: an ordered set of section ids (pure logic, no Textual)."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

MAX_BOOKMARKS = 10_000


class Bookmarks:
    """Section ids in the order the user bookmarked (or arranged) them, each once."""

    __slots__ = ("_ids",)

    def __init__(self, section_ids: Iterable[str] = ()) -> None:
        self._ids: list[str] = []
        for section_id in section_ids:
            self.add(section_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(tuple(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bookmarks) and self._ids == other._ids

    def __repr__(self) -> str:
        return f"Bookmarks({self._ids!r})"

    def add(self, section_id: str) -> bool:
        """Append ``section_id``; ``False`` if it was already bookmarked (or the list is full)."""
        if section_id in self._ids or len(self._ids) >= MAX_BOOKMARKS:
            return False
        self._ids.append(section_id)
        return True

    def remove(self, section_id: str) -> bool:
        if section_id not in self._ids:
            return False
        self._ids.remove(section_id)
        return True

    def toggle(self, section_id: str) -> bool:
        """Bookmark or un-bookmark; ``True`` if the section is bookmarked afterwards."""
        if self.remove(section_id):
            return False
        return self.add(section_id)

    def move(self, section_id: str, offset: int) -> bool:
        """Move a bookmark ``offset`` places (clamped to the ends); ``False`` if absent."""
        if section_id not in self._ids:
            return False
        index = self._ids.index(section_id)
        target = max(0, min(len(self._ids) - 1, index + offset))
        self._ids.insert(target, self._ids.pop(index))
        return True

    def prune(self, valid: Container[str]) -> list[str]:
        """Drop bookmarks of sections that no longer exist; the ids dropped."""
        dropped = [i for i in self._ids if i not in valid]
        self._ids = [i for i in self._ids if i in valid]
        return dropped
