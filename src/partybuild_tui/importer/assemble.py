"""Put an article's pieces together into report data in the model's shape.

``import_lines`` runs the whole import on an article's lines: header, body,
sections, metrics, ids, quotes. The result is plain data (dicts, lists,
strings, numbers) in the order of the contract, ready for ``writer.dump``,
plus what the importer was unsure about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partybuild_tui.importer.furniture import holds_number
from partybuild_tui.importer.header import parse_header
from partybuild_tui.importer.ids import Ids, metric_slug, section_slug, slug
from partybuild_tui.importer.meta import guess_language, guess_period, guess_region
from partybuild_tui.importer.metrics import Found, find_metrics
from partybuild_tui.importer.quotes import Section, shortest_quote
from partybuild_tui.importer.segment import Part, build_parts, find_body
from partybuild_tui.importer.targets import TargetFinder, plan_period
from partybuild_tui.model.errors import ArticleError
from partybuild_tui.model.report import SCHEMA
from partybuild_tui.model.sanitize import sanitize_text


@dataclass
class ImportResult:
    """The imported report as plain data, with counts and doubts for the summary."""

    data: dict[str, Any]
    unsure: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    guessed: dict[str, list[str]] = field(default_factory=dict)
    """Every pattern the importer guessed at, with what it found: the summary lists each."""


def _metric(found: Found, quote: str, ids: Ids) -> dict[str, Any]:
    metric: dict[str, Any] = {
        "id": ids.take(metric_slug(found.label, found.unit)),
        "label": found.label,
        "value": found.value,
        "unit": found.unit,
        "qualifier": found.qualifier,
        "quote": quote,
    }
    if found.baseline is not None:
        metric["baseline"] = found.baseline
    if found.note:
        metric["note"] = found.note
    return metric


MAX_FIGURES = 50_000
"""Figures read from one article, after which its paragraphs are kept as text only: the
bundled article has 108, 60 government work reports some 20,000; 200,000 lines ``N. 完成1个``
(4 MiB) would take a minute to import and make a 40 MB report. Said in the summary."""
MAX_LEFT_OUT = 1000
"""Figures left out in one section (their words repeat so often that no short quote points
at them) after which its other paragraphs are not read for figures: no prose does that, and
reading ``1个`` × a million costs a minute for nothing. Said in the summary."""
# What could still overflow (a run of 8+ digits, with a 亿 after it, or of 19+ numerals):
# a paragraph holding one is still read, so the import refuses it as it would.
_LONG_NUMBER = re.compile(
    "[0-9０-９](?:[0-9０-９]|[ \u00a0\u2009\u202f\u3000.．](?=[0-9０-９])){7,}"
    "|[零〇一二两三四五六七八九十百千万亿]{19,}"
)


class _Overflow(Exception):
    """A number too long or too large for a figure at ``paragraph[start:end]``."""

    def __init__(self, paragraph: str, start: int, end: int) -> None:
        super().__init__(paragraph, start, end)
        self.paragraph, self.start, self.end = paragraph, start, end


_DIGITS = frozenset("0123456789０１２３４５６７８９")
_CHINESE_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")


def _refuse(overflow: _Overflow, lines: Sequence[str], indents: Sequence[int], name: str) -> str:
    """``NAME:LINE:COLUMN: …`` for the first number that overflows (a paragraph is a line of
    the article, verbatim; the column counts characters, the line's indentation included)."""
    at = next((i for i, line in enumerate(lines) if line == overflow.paragraph), None)
    paragraph, start, end = overflow.paragraph, overflow.start, overflow.end
    digits = _DIGITS if paragraph[start] in _DIGITS else _CHINESE_NUMERALS
    while start > 0 and paragraph[start - 1] in digits:  # a run cut where a long paragraph
        start -= 1  # was read in pieces: said from its start
    while end < len(paragraph) and paragraph[end] in digits:
        end += 1
    number = paragraph[start:end]
    shown = number if len(number) <= 24 else f"{number[:12]}…{number[-8:]}"
    what = (
        f"a number too long or too large for a figure ({len(number)} characters: {shown}); "
        "an imported figure has at most 16 digits and is under 10^15"
    )
    if at is None:
        return f"{name}: {what}"
    column = (indents[at] if at < len(indents) else 0) + start + 1
    return f"{name}:{at + 1}:{column}: {what}"


class _Assembler:
    def __init__(self, period: str | None = None, published: str | None = None) -> None:
        self.period = period
        self.published_year = int(published[:4]) if published else None
        self.section_ids = Ids("section")
        self.metric_ids = Ids("metric")
        self.not_metrics: dict[str, None] = {}  # a dict keeps order and finds in O(1)
        self.unplaced: list[str] = []
        self.unsure: list[str] = []
        self.chinese: list[str] = []
        self.counts = {"sections": 0, "subtopics": 0, "paragraphs": 0, "metrics": 0}
        self.titled_by_clause: list[str] = []
        self.not_read: dict[str, int] = {}
        """Paragraphs no longer read for figures, by section title (``MAX_LEFT_OUT``), and
        under ``""`` those after the article's first ``MAX_FIGURES`` figures."""
        self.found = 0
        self.guessed: dict[str, list[str]] = {
            "spaced numbers joined": [],
            "ordinals read as names": [],
            "age bounds read as names": [],
            "targets found": [],
        }

    def section(self, part: Part, depth: int, plan: str | None = None) -> dict[str, Any]:
        plan = plan or plan_period(part.title, self.published_year, None)
        self.counts["sections" if depth == 0 else "subtopics"] += 1
        self.counts["paragraphs"] += len(part.paragraphs)
        if part.how == "first-clause":
            self.titled_by_clause.append(part.title)
        wanted = part.fixed_id or section_slug(part.title)
        section_id = self.section_ids.take(wanted)
        metrics = []
        located = Section(part.paragraphs)
        left_out = len(self.unplaced)
        for index, paragraph in enumerate(part.paragraphs):
            full = self.found >= MAX_FIGURES
            if (full or len(self.unplaced) - left_out >= MAX_LEFT_OUT) and not _LONG_NUMBER.search(
                paragraph
            ):
                where = "" if full else part.title
                self.not_read[where] = self.not_read.get(where, 0) + 1
                continue  # only a long number could still matter: it refuses the import
            findings = find_metrics(paragraph)
            self.found += len(findings.metrics)
            targets = TargetFinder(paragraph, plan, self.period, self.published_year)
            self.guessed["spaced numbers joined"].extend(findings.spaced)
            self.guessed["ordinals read as names"].extend(findings.ordinals)
            self.guessed["age bounds read as names"].extend(findings.bounds)
            for name in findings.names:
                self.not_metrics.setdefault(name, None)
            self.unsure.extend(findings.unsure)
            if findings.overflow:
                raise _Overflow(paragraph, *findings.overflow[0])
            for found in findings.metrics:
                quote = shortest_quote(located, index, found.start, found.end)
                if quote is None:
                    self.unplaced.append(paragraph[found.start : found.end])
                    continue
                if found.unsure and found.unsure.startswith("Chinese numerals"):
                    self.chinese.append(paragraph[found.start : found.end])
                elif found.unsure:
                    self.unsure.append(found.unsure)
                metric = _metric(found, quote, self.metric_ids)
                target_period = targets.period(found.start)
                if target_period:
                    metric["role"] = "target"
                    metric["target_period"] = target_period
                    self.guessed["targets found"].append(f"{quote} → {target_period}")
                metrics.append(metric)
        self.counts["metrics"] += len(metrics)
        data: dict[str, Any] = {
            "id": section_id,
            "title": part.title,
            "paragraphs": list(part.paragraphs),
            "metrics": metrics,
        }
        if part.children:
            data["children"] = [self.section(child, depth + 1, plan) for child in part.children]
        return data


def _report_id(name: str, region: str | None, period: str | None, title: str) -> str:
    stem = Path(name).stem
    if any(char.isascii() and char.isalpha() for char in stem):
        wanted = stem
    else:
        wanted = "-".join(filter(None, [slug(region or title, 6), period]))
    return Ids("report").take(wanted)


def import_lines(
    lines: tuple[str, ...],
    name: str = "article.txt",
    title: str | None = None,
    indents: Sequence[int] = (),
) -> ImportResult:
    """Import an article given as its lines (already decoded and stripped; ``indents``: what
    was stripped from the start of each). ``title`` overrides the header's (and is needed
    when the page has no title line). ``ArticleError`` (``NAME:LINE:COLUMN: …``) for a
    number too long or too large for a figure: no report holds it, so none is made."""
    try:
        return _import_lines(lines, name, title)
    except _Overflow as overflow:
        raise ArticleError(_refuse(overflow, lines, indents, name)) from None


def _import_lines(lines: tuple[str, ...], name: str, title: str | None) -> ImportResult:
    header = parse_header(lines)
    body = find_body(lines, header.body_start)
    parts = build_parts(body.paragraphs)
    text = "\n".join(body.paragraphs)
    guessed: dict[str, list[str]] = {}
    if title:  # typed by the user: made inert as the article's lines are (split_lines)
        title = sanitize_text(title)
        header.title, header.subtitle = title, header.subtitle if header.title else None
        header.notes = [note for note in header.notes if "--title" not in note]
        header.missing = [field for field in header.missing if field != "title"]
    final_title = header.title or Path(name).stem or "untitled"
    if not header.title:
        header.notes[0] = (
            f"no title line: the title is the file's name “{final_title}”; "
            "give the real one with --title"
        )
    region = guess_region(final_title, header.subtitle)
    results = "\n".join(
        paragraph
        for part in parts
        for sub in part.walk()
        if not plan_period(sub.title, None, "plan")
        for paragraph in sub.paragraphs
    )  # the plan parts (今年工作安排) speak of the future: not what the figures are about
    period = guess_period(final_title, header.subtitle, results, header.published)
    meta: dict[str, Any] = {
        "id": _report_id(name, region, period, final_title),
        "title": final_title,
    }
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
    assembler = _Assembler(period, header.published)
    sections = [assembler.section(part, 0) for part in parts]
    unsure = [*header.notes, *body.notes]
    dropped = [*header.dropped, *body.dropped]
    guessed["header fields not found"] = header.missing
    guessed["furniture dropped"] = dropped
    guessed["dropped lines holding numbers"] = [line for line in dropped if holds_number(line)]
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
    if assembler.unplaced:
        unsure.append(
            f"{len(assembler.unplaced)} figures left out: their words repeat so often in their "
            "section that no short quote points at them: "
            + "、".join(assembler.unplaced[:20])
            + ("…" if len(assembler.unplaced) > 20 else "")
        )
    for title, count in assembler.not_read.items():
        unsure.append(
            f"more than {MAX_FIGURES} figures in the article: its last {count} paragraphs "
            "were not read for figures"
            if not title
            else f"section “{title}”: more than {MAX_LEFT_OUT} figures left out, so its "
            f"other {count} paragraphs were not read for figures"
        )
    unsure.extend(assembler.unsure)
    for key, found in assembler.guessed.items():
        guessed[key] = found
    not_metrics = list(assembler.not_metrics)
    data: dict[str, Any] = {"schema": SCHEMA, "report": meta, "not_metrics": not_metrics}
    data["sections"] = sections
    counts = dict(assembler.counts, not_metrics=len(not_metrics))
    return ImportResult(data=data, unsure=unsure, counts=counts, guessed=guessed)
