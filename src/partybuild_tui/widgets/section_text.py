"""A section's paragraphs, with every figure highlighted in place.

The figures are the metrics' own quotes (read back by ``model.figures``), so
every highlighted number can be found word for word in the article. Search
matches are a second layer of highlight. Styles come from component classes
(themed in ``app.tcss``), and every highlight is bold or underlined as well as
coloured, so it still reads in a terminal without colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content, Span
from textual.widgets import Static

from ..model import Section
from ..model.figures import figure_spans

PARAGRAPH_GAP = "\n\n"

Spans = Sequence[tuple[int, int]]


class SectionText(Static):
    """The paragraphs of one section as a single block of text."""

    COMPONENT_CLASSES = {
        "section-text--figure",
        "section-text--match",
        "section-text--current-match",
    }

    DEFAULT_CSS = """
    SectionText { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.section: Section | None = None
        self._offsets: list[int] = []
        self.content = Content("")

    def show(
        self,
        section: Section | None,
        matches: Mapping[int, Spans] | None = None,
        current: tuple[int, int, int] | None = None,
    ) -> None:
        """Show ``section``'s paragraphs; ``matches`` maps paragraph index → spans to mark.

        ``current`` is (paragraph index, start, end) of the match the user jumped to.
        """
        self.section = section
        self.content = build_section_content(section, matches, current)
        self._offsets = paragraph_offsets(section)
        self.display = bool(section and section.paragraphs)
        self.update(self.content)

    def line_of(self, paragraph_index: int, offset: int) -> int:
        """The wrapped line (0-based, within this widget) where a character is shown."""
        if not self._offsets or paragraph_index >= len(self._offsets):
            return 0
        position = self._offsets[paragraph_index] + offset
        width = max(1, self.content_region.width or self.size.width or 1)
        before = self.content[:position]
        lines = before.wrap(width)
        return max(0, len(lines) - 1)


def paragraph_offsets(section: Section | None) -> list[int]:
    """Where each paragraph starts in the joined text."""
    offsets: list[int] = []
    position = 0
    for paragraph in section.paragraphs if section else ():
        offsets.append(position)
        position += len(paragraph) + len(PARAGRAPH_GAP)
    return offsets


def build_section_content(
    section: Section | None,
    matches: Mapping[int, Spans] | None = None,
    current: tuple[int, int, int] | None = None,
) -> Content:
    """The section's paragraphs as one Content, figures and matches styled."""
    if section is None or not section.paragraphs:
        return Content("")
    offsets = paragraph_offsets(section)
    spans: list[Span] = []
    for metric in section.metrics:
        base = offsets[metric.paragraph_index]
        for start, end in figure_spans(metric):
            spans.append(Span(base + start, base + end, ".section-text--figure"))
    for index, paragraph_spans in (matches or {}).items():
        if index >= len(offsets):
            continue
        for start, end in paragraph_spans:
            spans.append(Span(offsets[index] + start, offsets[index] + end, ".section-text--match"))
    if current is not None and current[0] < len(offsets):
        base = offsets[current[0]]
        spans.append(Span(base + current[1], base + current[2], ".section-text--current-match"))
    text = PARAGRAPH_GAP.join(section.paragraphs)
    return Content(text, spans)
