"""Overviews: a section's sub-topics at a glance, and the report card for the root."""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.content import Content

from partybuild_tui.model import Report, Section
from partybuild_tui.ui.i18n import count, t
from partybuild_tui.ui.widgets.wrapped import WrappedText

CARD_SECTIONS = 24
"""Top-level sections described on the report card; a card, not a second tree."""

_SENTENCE_END = re.compile(r"[。！？!?]")


def first_sentence(section: Section) -> str:
    """The first sentence of a section's text (or of its first sub-topic's)."""
    for candidate in section.walk():
        if candidate.paragraphs:
            paragraph = candidate.paragraphs[0]
            match = _SENTENCE_END.search(paragraph)
            return paragraph[: match.end()] if match else paragraph
    return ""


def children_overview(section: Section) -> Content:
    """Each child: title, figure count, first sentence."""
    parts: list[Content] = [Content.styled(t("In this section"), ".section-overview--heading")]
    for child in section.children:
        parts.append(Content(""))
        parts.extend(_entry(child, with_subtopics=False))
    return Content("\n").join(parts)


def _entry(section: Section, with_subtopics: bool) -> list[Content]:
    """A section in an overview: title and counts, then its first sentence."""
    counts: list[tuple[str, str]] = []
    if section.total_metrics:
        counts += [
            ("  ", ""),
            (count(section.total_metrics, "metrics"), ".section-overview--count"),
        ]
    subtopics = sum(1 for _ in section.walk()) - 1
    if with_subtopics and subtopics:
        counts += [("  ", ""), (count(subtopics, "sub-topics"), ".section-overview--count")]
    lines = [
        Content.assemble(
            ("• ", ".section-overview--bullet"),
            (section.title, ".section-overview--title"),
            *counts,
        )
    ]
    sentence = first_sentence(section)
    if sentence:
        lines.append(Content.styled(sentence, ".section-overview--sentence"))
    return lines


def report_card(report: Report) -> Content:
    """Metadata, then every top-level section with its totals."""
    meta = report.meta
    rows = [
        ("Subtitle", meta.subtitle),
        ("Source", meta.source),
        ("Author", meta.author),
        ("Published", meta.published.replace("T", " ") if meta.published else None),
        ("Period", meta.period),
        ("Region", meta.region),
    ]
    shown = [(t(name), value) for name, value in rows if value]
    width = max((cell_len(name) for name, _ in shown), default=0)
    parts: list[Content] = []
    for name, value in shown:
        parts.append(
            Content.assemble(
                (name + " " * (width - cell_len(name)) + "  ", ".section-overview--key"),
                (value, ""),
            )
        )
    counts = report.counts()
    parts.append(Content(""))
    parts.append(
        Content(
            "  ".join(
                count(counts[key], word)
                for key, word in (
                    ("sections", "sections"),
                    ("subtopics", "sub-topics"),
                    ("paragraphs", "paragraphs"),
                    ("metrics", "metrics"),
                )
            )
        ).stylize(".section-overview--count")
    )
    parts.append(Content(""))
    parts.append(Content.styled(t("Sections"), ".section-overview--heading"))
    for section in report.sections[:CARD_SECTIONS]:
        parts.append(Content(""))
        parts.extend(_entry(section, with_subtopics=True))
    hidden = len(report.sections) - CARD_SECTIONS
    if hidden > 0:
        parts.append(Content(""))
        parts.append(
            Content.styled(
                t("… and {n} more sections in the tree").format(n=hidden),
                ".section-overview--sentence",
            )
        )
    return Content("\n").join(parts)


class SectionOverview(WrappedText):
    """Below a section's own text: its sub-topics; for the root: the report card."""

    COMPONENT_CLASSES = {
        "section-overview--heading",
        "section-overview--title",
        "section-overview--count",
        "section-overview--bullet",
        "section-overview--key",
        "section-overview--sentence",
    }

    def show_children(self, section: Section) -> None:
        self.display = bool(section.children)
        if section.children:
            self.update(children_overview(section))

    def show_report(self, report: Report) -> None:
        self.display = True
        self.update(report_card(report))
