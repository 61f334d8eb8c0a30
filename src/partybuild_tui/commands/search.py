"""Search a report and print the hits (exit 0 hits, 1 none, 2 bad report or usage).

Piped, each hit is one line (kind, section path, snippet with the match between
⟪ ⟫) so scripts can grep it; on a terminal it is two lines cut to the width (kind
and path, then the snippet with the match in colour), as the README says.
``--json`` prints everything as one JSON document. The summary line (how many
hits, what the query was understood as) goes to stderr. No Textual here.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from partybuild_tui.commands.common import open_report
from partybuild_tui.commands.library_args import (
    add_paths_argument,
    is_library,
    load_library,
    single_path,
    warn_failed,
)
from partybuild_tui.model import Report
from partybuild_tui.model.display import breadcrumb_text
from partybuild_tui.model.errors import EXIT_BAD_INPUT
from partybuild_tui.model.sanitize import drop_unsafe, sanitize_text
from partybuild_tui.search import SearchHit, SearchIndex, SearchResult, make_snippet

if TYPE_CHECKING:
    from partybuild_tui.library import Library
    from partybuild_tui.library.search import LibraryResult

EXIT_HITS, EXIT_NO_HITS = 0, 1
OPEN_MARK, CLOSE_MARK = "⟪", "⟫"
DEFAULT_LIMIT = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        help='what to find: words (ANDed), "a phrase", pinyin (djyl), a number (1.7万), '
        ">10000, >=90%%, 100..1000, unit:人",
    )
    add_paths_argument(parser)  # one report, or a folder / several files: a library
    # ``search 党员 --json report.yaml``: options may sit between QUERY and PATH.
    parser.parse_args = parser.parse_intermixed_args  # type: ignore[method-assign]
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    parser.add_argument(
        "--limit",
        "-n",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"print at most N hits (default {DEFAULT_LIMIT}; 0 for all)",
    )


def _metric_fields(report: Report, hit: SearchHit) -> dict[str, Any] | None:
    if hit.metric_id is None:
        return None
    metric = report.metric(hit.metric_id)
    return {
        "id": metric.id,
        "label": metric.label,
        "value": metric.value,
        "unit": metric.unit,
        "qualifier": metric.qualifier,
        "quote": metric.quote,
        "paragraph_index": metric.paragraph_index,
        "quote_start": metric.quote_start,
        "baseline": metric.baseline,
    }


def result_json(report: Report, result: SearchResult) -> dict[str, Any]:
    """The JSON document ``--json`` prints."""
    hits = [hit_json(report, hit, rank) for rank, hit in enumerate(result.hits, 1)]
    return {
        "query": result.query.text,
        "understood": result.understood,
        "understood_zh": result.understood_zh,
        "total": result.total,
        "shown": len(result.hits),
        "hits": hits,
    }


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, cursor = [], 0
    for start, end in spans:
        out += [text[cursor:start], OPEN_MARK, text[start:end], CLOSE_MARK]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def hit_json(report: Report, hit: SearchHit, rank: int) -> dict[str, Any]:
    section = report.section(hit.section_id)
    return {
        "rank": rank,
        "section_id": hit.section_id,
        "section_path": list(section.breadcrumb),
        "section_id_path": list(section.id_path),
        "kind": hit.kind,
        "field": hit.field,
        "paragraph_index": hit.paragraph_index,
        "metric_id": hit.metric_id,
        "text": hit.text,
        "spans": [list(span) for span in hit.spans],
        "snippet": hit.snippet,
        "snippet_spans": [list(span) for span in hit.snippet_spans],
        "metric": _metric_fields(report, hit),
    }


def _parts(report: Report, hit: SearchHit, width: int) -> tuple[str, str, str, tuple]:
    """(path, kind label, snippet, snippet spans) of one hit."""
    path = breadcrumb_text(hit.breadcrumb)
    if hit.metric_id is not None:
        metric = report.metric(hit.metric_id)
        kind = f"metric {metric.value:g} {metric.unit}".rstrip()
        # One line per metric: "label: quote", with the match marked where it is.
        text = f"{metric.label}: {metric.quote}"
        shift = {"label": 0, "quote": len(metric.label) + 2}.get(hit.field)
        if shift is None:  # a match in the unit
            shift = len(text) + 2
            text += f" ({metric.unit})"
        spans = tuple((s + shift, e + shift) for s, e in hit.spans)
        snippet, snippet_spans = make_snippet(text, spans, width)
        return path, kind, snippet, snippet_spans
    kind = "title" if hit.kind == "title" else f"paragraph {(hit.paragraph_index or 0) + 1}"
    snippet, spans = make_snippet(hit.text, hit.spans, width)
    return path, kind, snippet, spans


def _print_plain(report: Report, result: SearchResult) -> None:
    for hit in result.hits:
        path, kind, snippet, spans = _parts(report, hit, 60)
        print(f"[{kind}] {path}: {_marked(snippet, spans)}")


def _print_rich(report: Report, result: SearchResult) -> None:
    # Lazy: rich only for a terminal; piped output (scripts) never loads it.
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    width = max(20, console.width - 4)
    for hit in result.hits:
        path, kind, snippet, spans = _parts(report, hit, width)
        head = Text()
        head.append(f"[{kind}] ", style="dim")
        head.append(path, style="bold cyan")
        console.print(head, overflow="ellipsis", no_wrap=True)
        line = Text("  " + snippet)
        for start, end in spans:
            line.stylize("bold reverse yellow", start + 2, end + 2)
        console.print(line, overflow="ellipsis", no_wrap=True)


def _summary(result: SearchResult) -> str:
    if result.total == 0:
        count = "no hits"
    elif result.truncated:
        count = f"{result.total} hits, showing {len(result.hits)} (--limit 0 for all)"
    else:
        count = f"{result.total} hit" + ("" if result.total == 1 else "s")
    return f"{count} · {result.understood} · {result.understood_zh}"


def run(args: argparse.Namespace) -> int:
    # The query is echoed (the summary, --json's "query" and "understood"): its control
    # and bidi characters (a U+202E would turn the line around) are dropped, not shown as
    # placeholders: they are invisible noise from a paste, and never in a report's text.
    args.query = drop_unsafe(args.query)
    if args.limit < 0:
        print("partybuild-tui search: --limit must be 0 or more", file=sys.stderr)
        return EXIT_BAD_INPUT
    if is_library(args):
        return run_library(args)
    single_path(args)
    report = open_report(args)
    if report is None:
        return EXIT_BAD_INPUT
    index = SearchIndex.build(report)
    result = index.search(args.query, limit=args.limit or None)
    if args.json:
        json.dump(result_json(report, result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if sys.stdout.isatty():
            _print_rich(report, result)
        else:
            _print_plain(report, result)
        sys.stdout.flush()
        print(sanitize_text(_summary(result)), file=sys.stderr)  # it echoes the query
    return EXIT_HITS if result.total else EXIT_NO_HITS


# -- a library: ``search QUERY DIR …`` ------------------------------------------------
# Hits are grouped by report, in library order; every line names its report id
# (``REPORT-ID [kind] path: snippet``). ``--json`` gives the single-report document
# with ``report`` added to each hit and a ``reports`` list (id, title, region, period,
# path, hits). Files that do not load are named on stderr, one line each, and never
# stop the search of the others; exit 2 only when nothing in the library loads.


def library_json(library: Library, result: LibraryResult) -> dict[str, Any]:
    # A file name is user input: inert in the output as report text is.
    paths = {
        id(e.report): sanitize_text(str(e.path)) for e in library.entries if e.report is not None
    }
    hits: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    for group in result.groups:
        meta = group.report.meta
        reports.append(
            {
                "report": meta.id,
                "title": meta.title,
                "region": meta.region,
                "period": meta.period,
                "path": paths.get(id(group.report)),
                "total": group.total,
            }
        )
        for hit in group.hits:
            hits.append({"report": meta.id, **hit_json(group.report, hit, len(hits) + 1)})
    return {
        "query": result.query.text,
        "understood": result.understood,
        "understood_zh": result.understood_zh,
        "total": result.total,
        "shown": len(hits),
        "unchecked": result.unchecked,
        "reports": reports,
        "hits": hits,
    }


def _print_library_plain(result: LibraryResult) -> None:
    for group in result.groups:
        for hit in group.hits:
            path, kind, snippet, spans = _parts(group.report, hit, 60)
            print(f"{group.report.meta.id} [{kind}] {path}: {_marked(snippet, spans)}")


def _print_library_rich(result: LibraryResult) -> None:
    # Lazy: rich only for a terminal; piped output (scripts) never loads it.
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=False)
    width = max(20, console.width - 4)
    for group in result.groups:
        meta = group.report.meta
        head = Text()
        head.append(meta.id, style="bold magenta")
        head.append(f"  {meta.title}", style="bold")
        details = " · ".join(x for x in (meta.region, meta.period) if x)
        head.append(f"  {details}  {group.total} hit{'s' if group.total != 1 else ''}", "dim")
        console.print(head, overflow="ellipsis", no_wrap=True)
        for hit in group.hits:
            path, kind, snippet, spans = _parts(group.report, hit, width)
            line = Text(f"  [{kind}] ", style="dim")
            line.append(path, style="bold cyan")
            console.print(line, overflow="ellipsis", no_wrap=True)
            text = Text("    " + snippet)
            for start, end in spans:
                text.stylize("bold reverse yellow", start + 4, end + 4)
            console.print(text, overflow="ellipsis", no_wrap=True)


def _library_summary(library: Library, result: LibraryResult) -> str:
    reports = len(result.groups)
    if result.total == 0:
        count = "no hits"
    else:
        count = f"{result.total} hit{'s' if result.total != 1 else ''} in {reports} of "
        count += f"{len(library.reports)} reports"
        if result.shown < result.total:
            count += f", showing {result.shown} (--limit 0 for all)"
        if result.unchecked:
            count = "at least " + count + f"; {result.unchecked} more reports may have hits"
    failed = len(library.failed)
    if failed:
        count += f" ({failed} file{'s' if failed != 1 else ''} could not be read)"
    return f"{count} · {result.understood} · {result.understood_zh}"


def run_library(args: argparse.Namespace) -> int:
    from partybuild_tui.library.large import library_index  # lazy: a library's modules

    library = load_library(args)
    if library is None:
        return EXIT_BAD_INPUT
    warn_failed(library)
    if not library.reports:
        return EXIT_BAD_INPUT
    # in memory, or FTS5 on disk above the threshold; one query: no combined counts
    index = library_index(library, combined=False)
    result = index.search(args.query, limit=args.limit or None)
    if args.json:
        json.dump(library_json(library, result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if sys.stdout.isatty():
            _print_library_rich(result)
        else:
            _print_library_plain(result)
        sys.stdout.flush()
        print(sanitize_text(_library_summary(library, result)), file=sys.stderr)
    return EXIT_HITS if result.total else EXIT_NO_HITS
