"""A report, a section or a list of metrics as Markdown that reads well (no Textual).

Report text is data, not Markdown: every character that CommonMark, GFM or the
common extensions (markdown-it's linkify, GitHub's math and emoji) could read as
markup is backslash-escaped — ``*``, ``_``, backticks, brackets, ``<``, ``|``,
``~``, ``$``, ``:``, ``@``, ``&``, ``#`` anywhere; list, heading, quote and
thematic-break markers at the start of a line; ``//``, the dot of ``www.``
and of domain-like words, so nothing becomes a link. CommonMark lets any ASCII
punctuation be escaped, so the rendered text is exactly the report's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from partybuild_tui.export.values import section_path, signed_change, value_with_unit
from partybuild_tui.model import Metric, Report, Section
from partybuild_tui.model.exact import format_number

_INLINE = re.compile(r"[\\`*_{}\[\]<>|~^$&#@:]")
_DOUBLE_SLASH = re.compile(r"/(?=/)")  # linkify reads //host as a protocol-relative link
_WWW = re.compile(r"(?<![A-Za-z0-9])(www)\.", re.IGNORECASE)
# A dot between word characters of any script (详见党建网.cn, evil.рф): renderers
# auto-link internationalised domains. A dot before a digit (99.3, v2.0) is a
# number, never a domain, and stays as written.
_DOMAIN_DOT = re.compile(r"(?<=\w)\.(?=[^\W\d])")
_LINE_MARKER = re.compile(r"[-+=]")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
MAX_HEADING_LEVEL = 6


def escape_inline(text: str) -> str:
    """Escape ``text`` for use inside a Markdown line (a heading, a cell, a sentence)."""
    text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    text = _DOUBLE_SLASH.sub(r"\\/", text)
    text = _WWW.sub(lambda m: m.group(1) + "\\.", text)
    return _DOMAIN_DOT.sub(r"\\.", text)


def _escape_line_start(line: str) -> str:
    """A line of a paragraph: no block marker (``-``, ``+``, ``=``, ``1.``) at its start."""
    if _LINE_MARKER.match(line):
        return "\\" + line
    ordered = _ORDERED.match(line)
    if ordered:
        return ordered.group(1) + "\\" + ordered.group(2) + line[ordered.end() :]
    return line


def escape_block(text: str) -> str:
    """Escape ``text`` as one or more paragraphs: every line starts as plain text.

    Leading and trailing spaces of each line are dropped (Markdown would read four
    leading spaces as code and two trailing ones as a line break).
    """
    lines = []
    for raw in text.split("\n"):
        line = raw.strip(" ")
        lines.append(_escape_line_start(escape_inline(line)) if line else "")
    return "\n".join(lines).strip("\n")


def one_line(text: str) -> str:
    """Text on a single line (titles and table cells cannot hold a line break)."""
    return " ".join(text.split())


def escape_cell(text: str) -> str:
    """Text for a table cell: one line, ``|`` and all markup escaped."""
    return escape_inline(one_line(text))


def heading(level: int, title: str) -> str:
    level = max(1, min(level, MAX_HEADING_LEVEL))
    return "#" * level + " " + escape_inline(one_line(title))


_ALWAYS_SHOWN = frozenset({"Section", "Metric", "Value", "Quote"})


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; optional columns that are empty in every row are left out."""
    keep = [
        index
        for index, name in enumerate(header)
        if name in _ALWAYS_SHOWN or any(row[index] for row in rows)
    ]
    lines = ["| " + " | ".join(header[i] for i in keep) + " |"]
    lines.append("|" + "|".join("---" for _ in keep) + "|")
    for row in rows:
        lines.append("| " + " | ".join(row[i] for i in keep) + " |")
    return lines


_METRIC_HEADER = ["Metric", "Value", "Baseline", "Change", "Quote", "Note"]


def _metric_cells(metric: Metric) -> list[str]:
    baseline = change = ""
    if metric.baseline is not None and metric.change is not None:
        baseline = escape_cell(format_number(metric.baseline) + metric.unit)
        change = escape_cell(signed_change(metric.change, metric.unit))
    value = value_with_unit(metric)
    # A quote that only repeats the value (594个) says nothing the Value column does not.
    quote = "" if "".join(metric.quote.split()) == "".join(value.split()) else metric.quote
    return [
        escape_cell(metric.label),
        escape_cell(value),
        baseline,
        change,
        escape_cell(quote),
        escape_cell(metric.note or ""),
    ]


def metrics_table(metrics: Iterable[Metric], *, with_section: bool = False) -> list[str]:
    """The lines of a metrics table; ``with_section`` adds the section path as the first column."""
    header = (["Section"] if with_section else []) + _METRIC_HEADER
    rows = []
    for metric in metrics:
        cells = _metric_cells(metric)
        if with_section:
            cells.insert(0, escape_cell(section_path(metric.breadcrumb)))
        rows.append(cells)
    return _table(header, rows) if rows else []


def _section_lines(section: Section, level: int) -> list[str]:
    lines = [heading(level, section.title), ""]
    for paragraph in section.paragraphs:
        block = escape_block(paragraph)
        if block:
            lines += [block, ""]
    if section.metrics:
        lines += [*metrics_table(section.metrics), ""]
    return lines


def _meta_line(report: Report) -> str:
    meta = report.meta
    parts = [
        (label, value)
        for label, value in (
            ("Source", meta.source),
            ("Author", meta.author),
            ("Published", meta.published_date),
            ("Period", meta.period),
            ("Region", meta.region),
        )
        if value
    ]
    return " · ".join(f"{label}: {escape_inline(one_line(value))}" for label, value in parts)


def section_markdown(
    section: Section,
    *,
    descendants: bool = True,
    report: Report | None = None,
    level: int = 1,
) -> str:
    """``section`` under a heading of ``level``, its children one level deeper each.

    With ``report``, a first line in italics says where the section sits
    (report title › parent sections).
    """
    lines: list[str] = []
    if report is not None:
        context = [report.meta.title, *section.breadcrumb[:-1]]
        lines += ["*" + escape_inline(section_path(context)) + "*", ""]
    for current in section.walk() if descendants else (section,):
        lines += _section_lines(current, level + current.depth - section.depth)
    return "\n".join(lines).rstrip("\n") + "\n"


def report_markdown(report: Report) -> str:
    """The report title as ``#``, its top-level sections as ``##``, deeper ones below."""
    lines = [heading(1, report.meta.title), ""]
    if report.meta.subtitle:
        lines += [escape_block(report.meta.subtitle), ""]
    meta_line = _meta_line(report)
    if meta_line:
        lines += [meta_line, ""]
    for section in report.ordered:
        lines += _section_lines(section, section.depth + 2)
    return "\n".join(lines).rstrip("\n") + "\n"


def metrics_markdown(metrics: Iterable[Metric], *, title: str | None = None) -> str:
    """One table of ``metrics`` with their section paths, under ``title`` if given."""
    lines: list[str] = []
    if title:
        lines += [heading(1, title), ""]
    table = metrics_table(metrics, with_section=True)
    lines += table if table else ["*No metrics.*"]
    return "\n".join(lines) + "\n"
