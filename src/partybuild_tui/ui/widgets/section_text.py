"""A section's paragraphs, with every figure highlighted in place.

Lines are broken by ``text_wrap`` (no "，" at the start of a line, numbers kept
whole), not by Textual's generic wrapping.

The figures are the metrics' own quotes (read back by ``model.figures``), so
every highlighted number can be found word for word in the article. Search
matches are a second layer of highlight. Styles come from component classes
(themed in ``app.tcss``), and every highlight is bold or underlined as well as
coloured, so it still reads in a terminal without colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.content import Content, Span
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from partybuild_tui.model import Section
from partybuild_tui.model.figures import figure_spans
from partybuild_tui.ui.text_wrap import line_starts
from partybuild_tui.ui.widgets.emphasis import current_figure_style, current_hit_style
from partybuild_tui.ui.widgets.sized_by_layout import SizedByLayout
from partybuild_tui.ui.widgets.wrapped import draw_line

PARAGRAPH_GAP = "\n\n"
CURRENT = ".section-text--current-match"
FIGURE = ".section-text--current-figure"

Spans = Sequence[tuple[int, int]]


class SectionText(SizedByLayout, Widget):
    """The paragraphs of one section, wrapped by Chinese line-breaking rules."""

    COMPONENT_CLASSES = {
        "section-text--figure",
        "section-text--match",
        "section-text--current-match",
        "section-text--current-figure",
    }

    # Here, not in app.tcss: parsed when the first section is shown, not before the
    # first frame (the report card has no text). The current match is drawn from the
    # theme's $warning by widgets/emphasis.py (reverse video without colour): Textual
    # drops reverse and opaque backgrounds here.
    DEFAULT_CSS = """
    SectionText {
        height: auto;
        margin: 0 0 1 0;
    }
    SectionText > .section-text--figure {
        color: $accent;
        text-style: bold underline;
    }
    SectionText > .section-text--match {
        background: $warning 40%;
        text-style: bold;
    }
    SectionText > .section-text--current-match {
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.section: Section | None = None
        self._offsets: list[int] = []
        self.content = Content("")
        self._layout: tuple[int, list[Content], list[int]] | None = None
        """(width, lines, first line of each paragraph) for the last width drawn."""
        self._marks: tuple[Mapping[int, Spans] | None, tuple[int, int, int] | None] = (None, None)
        """The search marks of the section shown, kept when a figure is marked."""

    def mark_figure(self, figure: tuple[int, Spans] | None) -> None:
        """Mark one figure (paragraph index, spans) as the current one; ``None``: none."""
        content = build_section_content(self.section, *self._marks)
        if figure is not None and figure[0] < len(self._offsets):
            base = self._offsets[figure[0]]
            spans = [Span(base + start, base + end, FIGURE) for start, end in figure[1]]
            content = Content(content.plain, [*content.spans, *spans])
        self.content = content
        self._layout = None
        self.refresh(layout=True)

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
        self._marks = (matches, current)
        self.content = build_section_content(section, matches, current)
        self._offsets = paragraph_offsets(section)
        self._layout = None
        self.display = bool(section and section.paragraphs)
        self.refresh(layout=True)

    def _lines(self, width: int) -> tuple[list[Content], list[int]]:
        if self._layout is None or self._layout[0] != width:
            lines: list[Content] = []
            firsts: list[int] = []
            paragraphs = self.section.paragraphs if self.section else ()
            for index, paragraph in enumerate(paragraphs):
                if index:
                    lines.append(Content(""))
                firsts.append(len(lines))
                start = self._offsets[index]
                piece = self.content[start : start + len(paragraph)]
                cuts = line_starts(paragraph, width)[1:]
                lines.extend(part.rstrip() for part in piece.divide(cuts))
            self._layout = (width, lines, firsts)
        return self._layout[1], self._layout[2]

    def render(self) -> Content:
        lines, _ = self._lines(max(1, self.content_region.width))
        return self._resolved(Content("\n").join(lines))

    def render_line(self, y: int) -> Strip:
        """One wrapped line: only the lines on screen are drawn (a section can be megabytes)."""
        lines, _ = self._lines(max(1, self.size.width))
        if 0 <= y < len(lines):
            return draw_line(self, [self._resolved(lines[y])], 0)
        return draw_line(self, lines, y)

    def _resolved(self, content: Content) -> Content:
        """The current hit and figure styled now, not by the component class: see ``emphasis``."""
        if not any(span.style in (CURRENT, FIGURE) for span in content.spans):
            return content
        strong = {CURRENT: current_hit_style(self), FIGURE: current_figure_style(self)}
        spans = [
            Span(s.start, s.end, strong[s.style])
            if isinstance(s.style, str) and s.style in strong
            else s
            for s in content.spans
        ]
        return Content(content.plain, spans)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(1, width))[0])

    def line_of(self, paragraph_index: int, offset: int) -> int:
        """The wrapped line (0-based, within this widget) where a character is shown."""
        if not self._offsets or paragraph_index >= len(self._offsets):
            return 0
        width = max(1, self.content_region.width)
        _, firsts = self._lines(width)
        paragraph = self.section.paragraphs[paragraph_index] if self.section else ""
        starts = line_starts(paragraph, width)
        line = sum(1 for start in starts if start <= offset) - 1
        return firsts[paragraph_index] + max(0, line)


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
        spans.append(Span(base + current[1], base + current[2], CURRENT))
    text = PARAGRAPH_GAP.join(section.paragraphs)
    return Content(text, spans)
