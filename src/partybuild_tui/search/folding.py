"""Folding text for search: NFKC + casefold, one character at a time.

``ＡＢＣ`` and ``abc`` fold to the same text, and so do ``，`` and ``,``. Folding is
done per character so that every folded character can be traced back to the
original character it came from: most characters fold to exactly one character
(the folded text then has the original's length and offsets carry over
unchanged); a few expand (``ﬁ`` → ``fi``, ``⑩`` → ``10``), and for those texts a
position map is kept.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

Span = tuple[int, int]


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """The folded form of one character (often the character itself)."""
    if char < " ":  # controls (and the index's separators) stay as they are
        return char
    return unicodedata.normalize("NFKC", char).casefold() or char


def fold_table(chars: Iterable[str]) -> dict[int, str]:
    """A ``str.translate`` table for the characters among ``chars`` that fold differently."""
    table: dict[int, str] = {}
    for char in chars:
        folded = fold_char(char)
        if folded != char:
            table[ord(char)] = folded
    return table


def fold(text: str) -> str:
    """Fold a query: compose first (so ``e`` + combining accent equals ``é``), then fold."""
    text = unicodedata.normalize("NFC", text)
    return "".join(fold_char(c) for c in text)


def fold_with_map(text: str, table: dict[int, str]) -> tuple[str, list[int] | None]:
    """``text`` folded with ``table``, and a map from folded offsets to original offsets.

    The map is ``None`` when folding kept the length (offsets are unchanged);
    otherwise ``map[i]`` is the original offset of folded character ``i`` and
    ``map[len(folded)] == len(text)``.
    """
    folded = text.translate(table) if table else text
    if len(folded) == len(text):
        return folded, None
    positions: list[int] = []
    for index, char in enumerate(text):
        positions.extend([index] * len(table.get(ord(char), char)))
    positions.append(len(text))
    return folded, positions


def to_original(span: Span, positions: list[int] | None) -> Span:
    """A span in folded text as a span in the original text."""
    if positions is None:
        return span
    start, end = span
    if end <= start:
        return positions[start], positions[start]
    return positions[start], positions[end - 1] + 1


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Sorted, with overlapping or touching spans merged."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)
