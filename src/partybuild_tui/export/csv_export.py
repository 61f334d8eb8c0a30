"""Metrics as CSV that spreadsheets open safely (no Textual).

One row per metric, RFC 4180 quoting and CRLF line ends; ``bom=True`` starts
the text with U+FEFF so Excel reads it as UTF-8. A report is hostile input: a
text cell that begins (after any spaces) with ``=``, ``+``, ``-`` or ``@`` would
be run as a formula, so it gets a leading ``'``; so does one that begins with a
full-width or small form of them (``＝＋－＠``, ``﹦﹢﹣﹫``), which spreadsheets
in East Asian locales read as the ASCII sign. Numeric cells are written by
us from numbers (``-3``, ``99.3``) and stay numbers.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable

from partybuild_tui.export.values import section_path
from partybuild_tui.model import Metric
from partybuild_tui.model.exact import format_number

BOM = "\ufeff"
COLUMNS = (
    "section_id",
    "section_path",
    "metric_id",
    "label",
    "value",
    "unit",
    "qualifier",
    "baseline",
    "change",
    "quote",
    "note",
)
_FORMULA_START = ("=", "+", "-", "@")


def neutralize_formula(text: str) -> str:
    """``'=1+1`` for ``=1+1`` (or ``＝1+1``): a text cell a spreadsheet will not evaluate."""
    stripped = text.lstrip()
    if stripped and unicodedata.normalize("NFKC", stripped[0]).startswith(_FORMULA_START):
        return "'" + text
    return text


def metric_csv_row(metric: Metric) -> list[str]:
    """The cells of one metric, in ``COLUMNS`` order, formulas neutralised."""

    def number(value: int | float | None) -> str:
        return "" if value is None else format_number(value)

    texts = [
        metric.section_id,
        section_path(metric.breadcrumb),
        metric.id,
        metric.label,
    ]
    row = [neutralize_formula(t) for t in texts]
    row.append(number(metric.value))
    row.append(neutralize_formula(metric.unit))
    row.append(metric.qualifier)
    row.append(number(metric.baseline))
    row.append(number(metric.change))
    row.append(neutralize_formula(metric.quote))
    row.append(neutralize_formula(metric.note or ""))
    return row


def metrics_csv(metrics: Iterable[Metric], *, bom: bool = False) -> str:
    """A header row and one row per metric."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for metric in metrics:
        writer.writerow(metric_csv_row(metric))
    return (BOM if bom else "") + buffer.getvalue()
