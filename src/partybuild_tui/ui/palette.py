"""Command-palette provider: "go to section" by any fragment of a title, or its pinyin.

A Latin query (``dyyt``, ``diyiyiti``) also matches titles through the search
engine's pinyin, once the explorer's search index is built (just after the first
frame); before that, and for other queries, titles match by substring or by
their letters in order.

Textual's fuzzy matcher highlights a candidate by parsing it as markup, which
would interpret a hostile title; here the prompt is built as plain ``Content``
and only the matched characters are styled.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from partybuild_tui.model import Section
from partybuild_tui.model.display import breadcrumb_text, one_line
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.session import session_of

if TYPE_CHECKING:
    from partybuild_tui.search import SearchIndex

MAX_HITS = 50
_LATIN = re.compile(r"[A-Za-z' ]*[A-Za-z][A-Za-z' ]*")


def _prompt(section: Section, positions: list[int] | None = None) -> Content:
    content = Content(one_line(section.title))  # same length: positions still hold
    for position in positions or ():
        content = content.stylize("bold underline", position, position + 1)
    return content


def _contiguous(positions: list[int]) -> bool:
    return not positions or positions[-1] - positions[0] + 1 == len(positions)


def markup_literal(text: str) -> str:
    """``text`` as Textual markup that reads back as exactly ``text``.

    Textual parses ``Hit.help`` as markup. ``textual.markup.escape`` doubles a
    backslash before ``[`` that the parser then shows doubled (``a\\[b]`` came
    out as ``a\\\\[b]``); escaping each ``[`` alone round-trips every string.
    """
    return text.replace("[", "\\[")


def _help(section: Section) -> str:
    return markup_literal(breadcrumb_text(section.breadcrumb[:-1]) or t("Sections"))


def _positions(query: str, title: str) -> list[int] | None:
    """Where each query character falls in ``title`` (a substring first, then in order)."""
    folded_title = title.casefold()
    folded = query.casefold().strip()
    if not folded:
        return []
    start = folded_title.find(folded)
    if start >= 0:
        return list(range(start, start + len(folded)))
    positions, cursor = [], 0
    for char in folded:
        if char.isspace():
            continue
        found = folded_title.find(char, cursor)
        if found < 0:
            return None
        positions.append(found)
        cursor = found + 1
    return positions


def _pinyin_positions(index: SearchIndex | None, query: str) -> dict[str, list[int]]:
    """Section id -> the title characters a Latin ``query`` spells in pinyin."""
    if index is None or not _LATIN.fullmatch(query.strip()):  # None: still being built
        return {}
    found: dict[str, list[int]] = {}
    for hit in index.search(query.strip(), limit=MAX_HITS).hits:  # titles rank first
        if hit.kind == "title" and hit.section_id not in found:
            found[hit.section_id] = [i for start, end in hit.spans for i in range(start, end)]
    return found


class GoToSectionProvider(Provider):
    """Type a fragment of a section title and jump there (in the current report)."""

    async def search(self, query: str) -> Hits:
        session = session_of(self.app)
        report = session.current.report
        pinyin = _pinyin_positions(session.index(), query)
        scored: list[tuple[float, Section, list[int]]] = []
        for section in report.walk():
            positions = _positions(query, section.title)
            rank = 1.0
            if section.id in pinyin and (positions is None or not _contiguous(positions)):
                positions, rank = pinyin[section.id], 0.9
            if positions is None:
                continue
            rank = rank if _contiguous(positions) else 0.5
            score = rank - 0.0001 * (positions[0] if positions else 0)
            scored.append((score, section, positions))
        scored.sort(key=lambda item: -item[0])
        for score, section, positions in scored[:MAX_HITS]:
            yield Hit(
                score,
                _prompt(section, positions),
                partial(session.go_to, section.id),
                text=section.title,
                help=_help(section),
            )

    async def discover(self) -> Hits:
        session = session_of(self.app)
        for section in session.current.report.sections[:MAX_HITS]:
            yield DiscoveryHit(
                _prompt(section),
                partial(session.go_to, section.id),
                text=section.title,
                help=markup_literal(t("Go to section")),
            )
