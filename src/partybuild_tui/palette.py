"""Command-palette provider: "go to section" by any fragment of a title.

Textual's fuzzy matcher highlights a candidate by parsing it as markup, which
would interpret a hostile title; here the prompt is built as plain ``Content``
and only the matched characters are styled.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .i18n import t
from .model import Section

MAX_HITS = 50


def _prompt(section: Section, positions: list[int] | None = None) -> Content:
    content = Content(section.title)
    for position in positions or ():
        content = content.stylize("bold underline", position, position + 1)
    return content


def _help(section: Section) -> str:
    # Textual parses Hit.help as markup: escape report text.
    return escape(" › ".join(section.breadcrumb[:-1]) or t("Sections"))


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


class GoToSectionProvider(Provider):
    """Type a fragment of a section title and jump there."""

    async def search(self, query: str) -> Hits:
        report = self.app.report  # type: ignore[attr-defined]
        scored: list[tuple[float, Section, list[int]]] = []
        for section in report.walk():
            positions = _positions(query, section.title)
            if positions is None:
                continue
            contiguous = positions and positions[-1] - positions[0] + 1 == len(positions)
            score = (1.0 if contiguous else 0.5) - 0.0001 * (positions[0] if positions else 0)
            scored.append((score, section, positions))
        scored.sort(key=lambda item: -item[0])
        for score, section, positions in scored[:MAX_HITS]:
            yield Hit(
                score,
                _prompt(section, positions),
                partial(self.app.go_to_section, section.id),  # type: ignore[attr-defined]
                text=section.title,
                help=_help(section),
            )

    async def discover(self) -> Hits:
        report = self.app.report  # type: ignore[attr-defined]
        for section in report.sections[:MAX_HITS]:
            yield DiscoveryHit(
                _prompt(section),
                partial(self.app.go_to_section, section.id),  # type: ignore[attr-defined]
                text=section.title,
                help=escape(t("Go to section")),
            )
