"""``search QUERY DIR …``: search every report of a library (no Textual).

Hits are grouped by report, in library order; every line names its report id,
so ``grep`` and scripts can tell them apart (``REPORT-ID [kind] path: snippet``).
``--json`` gives the single-report document with ``report`` added to each hit
and a ``reports`` list (id, title, region, period, path, hits). Files that do not
load are named on stderr, one line each, and never stop the search of the
others. Exit 0 with hits, 1 with none, 2 when nothing in the library loads.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from partybuild_tui.commands.library_args import load_library, warn_failed
from partybuild_tui.commands.search import (
    EXIT_BAD_INPUT,
    EXIT_HITS,
    EXIT_NO_HITS,
    _marked,
    _parts,
    hit_json,
)
from partybuild_tui.library import Library
from partybuild_tui.library.search import LibraryIndex, LibraryResult


def library_json(library: Library, result: LibraryResult) -> dict[str, Any]:
    paths = {id(e.report): str(e.path) for e in library.entries if e.report is not None}
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
        "reports": reports,
        "hits": hits,
    }


def _print_plain(result: LibraryResult) -> None:
    for group in result.groups:
        for hit in group.hits:
            path, kind, snippet, spans = _parts(group.report, hit, 60)
            print(f"{group.report.meta.id} [{kind}] {path}: {_marked(snippet, spans)}")


def _print_rich(result: LibraryResult) -> None:
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


def _summary(library: Library, result: LibraryResult) -> str:
    reports = len(result.groups)
    if result.total == 0:
        count = "no hits"
    else:
        count = f"{result.total} hit{'s' if result.total != 1 else ''} in {reports} of "
        count += f"{len(library.reports)} reports"
        if result.shown < result.total:
            count += f", showing {result.shown} (--limit 0 for all)"
    failed = len(library.failed)
    if failed:
        count += f" ({failed} file{'s' if failed != 1 else ''} could not be read)"
    return f"{count} · {result.understood} · {result.understood_zh}"


def run_library(args: argparse.Namespace) -> int:
    library = load_library(args)
    if library is None:
        return EXIT_BAD_INPUT
    warn_failed(library)
    if not library.reports:
        return EXIT_BAD_INPUT
    index = LibraryIndex.build(library.reports)
    result = index.search(args.query, limit=args.limit or None)
    if args.json:
        json.dump(library_json(library, result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if sys.stdout.isatty():
            _print_rich(result)
        else:
            _print_plain(result)
        sys.stdout.flush()
        print(_summary(library, result), file=sys.stderr)
    return EXIT_HITS if result.total else EXIT_NO_HITS
