"""Put an article's pieces together into report data in the model's shape.

``import_lines`` runs the whole import on an article's lines: header, body,
sections, metrics, ids, quotes. The result is plain data (dicts, lists,
strings, numbers) in the order of the contract, ready for ``writer.dump``,
plus what the importer was unsure about.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partybuild_tui.importer.header import guess_language, guess_period, guess_region, parse_header
from partybuild_tui.importer.ids import Ids, metric_slug, section_slug, slug
from partybuild_tui.importer.metrics import Found, find_metrics
from partybuild_tui.importer.segment import Part, build_parts, find_body

SCHEMA = "partybuild-report/1"
CLAUSE_MARKS = frozenset(",,、;;。::!?!?()()“”《》")


@dataclass
class ImportResult:
    """The imported report as plain data, with counts and doubts for the summary."""

    data: dict[str, Any]
    unsure: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def first_occurrence(paragraphs: Sequence[str], quote: str) -> tuple[int, int]:
    """Where the loader will place ``quote``: its first occurrence in the section."""
    for index, paragraph in enumerate(paragraphs):
        start = paragraph.find(quote)
        if start >= 0:
            return index, start
    return -1, -1


def shortest_quote(paragraphs: Sequence[str], index: int, start: int, end: int) -> str:
    """``paragraphs[index][start:end]``, lengthened only as far as needed for its first
    occurrence in the section to be this one (that is where the app highlights it).

    It grows by two characters, about a word, towards the words of its own clause:
    leftwards (召开1次), or rightwards when punctuation is on its left (2个工作指引).
    """
    paragraph = paragraphs[index]

    def inside(at: int) -> bool:
        return 0 <= at < len(paragraph) and paragraph[at] not in CLAUSE_MARKS

    while True:
        quote = paragraph[start:end]
        if first_occurrence(paragraphs, quote) == (index, start):
            return quote
        if inside(start - 1):
            start -= 2 if inside(start - 2) else 1
        elif inside(end):
            end += 2 if inside(end + 1) else 1
        elif start > 0:
            start -= 1
        elif end < len(paragraph):
            end += 1
        else:
            return quote


def _metric(found: Found, paragraphs: Sequence[str], index: int, ids: Ids) -> dict[str, Any]:
    metric: dict[str, Any] = {
        "id": ids.take(metric_slug(found.label, found.unit)),
        "label": found.label,
        "value": found.value,
        "unit": found.unit,
        "qualifier": found.qualifier,
        "quote": shortest_quote(paragraphs, index, found.start, found.end),
    }
    if found.baseline is not None:
        metric["baseline"] = found.baseline
    if found.note:
        metric["note"] = found.note
    return metric


class _Assembler:
    def __init__(self) -> None:
        self.section_ids = Ids("section")
        self.metric_ids = Ids("metric")
        self.not_metrics: list[str] = []
        self.unsure: list[str] = []
        self.chinese: list[str] = []
        self.counts = {"sections": 0, "subtopics": 0, "paragraphs": 0, "metrics": 0}
        self.titled_by_clause: list[str] = []

    def section(self, part: Part, depth: int) -> dict[str, Any]:
        self.counts["sections" if depth == 0 else "subtopics"] += 1
        self.counts["paragraphs"] += len(part.paragraphs)
        if part.how == "first-clause":
            self.titled_by_clause.append(part.title)
        wanted = part.fixed_id or section_slug(part.title)
        section_id = self.section_ids.take(wanted)
        metrics = []
        for index, paragraph in enumerate(part.paragraphs):
            findings = find_metrics(paragraph)
            for name in findings.names:
                if name not in self.not_metrics:
                    self.not_metrics.append(name)
            self.unsure.extend(findings.unsure)
            for found in findings.metrics:
                if found.unsure and found.unsure.startswith("Chinese numerals"):
                    self.chinese.append(paragraph[found.start : found.end])
                elif found.unsure:
                    self.unsure.append(found.unsure)
                metrics.append(_metric(found, part.paragraphs, index, self.metric_ids))
        self.counts["metrics"] += len(metrics)
        data: dict[str, Any] = {
            "id": section_id,
            "title": part.title,
            "paragraphs": list(part.paragraphs),
            "metrics": metrics,
        }
        if part.children:
            data["children"] = [self.section(child, depth + 1) for child in part.children]
        return data


def _report_id(name: str, region: str | None, period: str | None, title: str) -> str:
    stem = Path(name).stem
    if any(char.isascii() and char.isalpha() for char in stem):
        wanted = stem
    else:
        wanted = "-".join(filter(None, [slug(region or title, 6), period]))
    return Ids("report").take(wanted)


def import_lines(lines: tuple[str, ...], name: str = "article.txt") -> ImportResult:
    """Import an article given as its lines (already decoded and stripped)."""
    header = parse_header(lines)
    body = find_body(lines, header.body_start)
    parts = build_parts(body.paragraphs)
    text = "\n".join(body.paragraphs)
    title = header.title or (body.paragraphs[0][:30] if body.paragraphs else Path(name).stem)
    region = guess_region(title, header.subtitle)
    period = guess_period(title, header.subtitle, text)
    meta: dict[str, Any] = {"id": _report_id(name, region, period, title), "title": title}
    for key, value in (
        ("subtitle", header.subtitle),
        ("source", header.source),
        ("author", header.author),
        ("published", header.published),
        ("period", period),
        ("region", region),
        ("language", guess_language(text)),
    ):
        if value:
            meta[key] = value
    assembler = _Assembler()
    sections = [assembler.section(part, 0) for part in parts]
    unsure = [*header.notes, *body.notes]
    if assembler.titled_by_clause:
        unsure.append(
            "sub-topics without a lead phrase, titled by their first clause: "
            + "; ".join(assembler.titled_by_clause)
        )
    if assembler.chinese:
        unsure.append(
            f"{len(assembler.chinese)} figures written in Chinese numerals: "
            + "、".join(assembler.chinese)
        )
    unsure.extend(assembler.unsure)
    data = {"schema": SCHEMA, "report": meta, "not_metrics": assembler.not_metrics}
    data["sections"] = sections
    counts = dict(assembler.counts, not_metrics=len(assembler.not_metrics))
    return ImportResult(data=data, unsure=unsure, counts=counts)
