"""Where each metric's quote is: its first occurrence in its section's paragraphs.

Searching every quote from the start of the text costs (text length × metrics):
a valid 4 MB section whose quotes all sit near its end took half a minute. A
section where that product is small is searched quote by quote (``str.find``,
fast and exact); a larger one is searched once for all its quotes together with
an Aho-Corasick automaton (``pyahocorasick``), which reads the text once and
stops when every quote has been seen: time linear in the text and the quotes.
"""

from __future__ import annotations

import ahocorasick

from partybuild_tui.model.sanitize import sanitize_text

_ONE_BY_ONE_LIMIT = 20_000_000
"""Above this many characters to scan (text × distinct quotes), search all at once."""
_NODE_COST = 20
"""What one character of the quotes costs the automaton (its trie: memory and time), in
characters of ``str.find``: one 30 M-character quote made a 2 GB trie and never finished."""

NOT_FOUND = (-1, -1)


class QuoteFinder:
    """First occurrences of quotes in a section's paragraphs: ``(paragraph, offset)``."""

    def __init__(self, paragraphs: tuple[str, ...], metrics: object = ()) -> None:
        """``metrics``: the section's metrics as parsed (their quotes are looked at only
        when searching them one by one could cost more than ``_ONE_BY_ONE_LIMIT``)."""
        self.paragraphs = paragraphs
        self.found: dict[str, tuple[int, int]] = {}
        count = len(metrics) if isinstance(metrics, list) else 0
        scan = sum(map(len, paragraphs))
        if count * scan > _ONE_BY_ONE_LIMIT:
            distinct = set(raw_quotes(metrics))
            distinct.discard("")
            if len(distinct) * scan > scan + _NODE_COST * sum(map(len, distinct)):
                self._all_at_once(distinct)

    def find(self, quote: str) -> tuple[int, int]:
        """``(paragraph index, offset)`` of the first occurrence, or ``(-1, -1)``."""
        hit = self.found.get(quote)
        if hit is None:
            hit = NOT_FOUND
            for index, paragraph in enumerate(self.paragraphs):
                start = paragraph.find(quote)
                if start >= 0:
                    hit = (index, start)
                    break
            self.found[quote] = hit
        return hit

    def _all_at_once(self, quotes: set[str]) -> None:
        if not quotes:
            return
        automaton = ahocorasick.Automaton()
        for quote in quotes:
            automaton.add_word(quote, quote)
        automaton.make_automaton()
        found = self.found
        for index, paragraph in enumerate(self.paragraphs):
            for end, quote in automaton.iter(paragraph):
                if quote not in found:  # matches come by end, so the first is the earliest
                    found[quote] = (index, end - len(quote) + 1)
                    if len(found) == len(quotes):
                        return
        for quote in quotes:
            found.setdefault(quote, NOT_FOUND)


def raw_quotes(metrics: object) -> list[str]:
    """The quotes of a section's metrics as the validator will read them (best effort)."""
    if not isinstance(metrics, list):
        return []
    return [
        sanitize_text(m["quote"])
        for m in metrics
        if isinstance(m, dict) and isinstance(m.get("quote"), str)
    ]
