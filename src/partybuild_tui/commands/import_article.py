"""Turn a plain-text article (a 党建 review) into a report YAML file, and say what is unsure.

Writes ARTICLE's name with ``.yaml`` unless ``-o`` says otherwise (``-o -`` is
standard output; the summary then goes to standard error). An existing file is
never overwritten without ``--force``. ``--compare REFERENCE`` holds the import
against a hand-made report of the same article and prints recall and precision.
Exit 0 written, 2 bad input (unreadable article, file exists, bad reference).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from partybuild_tui.commands.common import print_error
from partybuild_tui.importer import ArticleError, ImportResult, dump, import_article
from partybuild_tui.importer.compare import compare, describe
from partybuild_tui.importer.reading import DEFAULT_MAX_ARTICLE_SIZE
from partybuild_tui.model import Report, ReportError, load_report, load_text
from partybuild_tui.model.registry import load_registry
from partybuild_tui.state.atomic_write import DestinationExists, atomic_write_bytes

STDOUT = "-"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "article", metavar="ARTICLE", help="the article as plain text (UTF-8 or GB18030)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="REPORT",
        default=None,
        help="where to write the report (default: ARTICLE with .yaml; '-' for standard output)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite REPORT if it exists")
    parser.add_argument(
        "--title",
        metavar="TITLE",
        default=None,
        help="the report's title, when the page has no title line (or to replace it)",
    )
    parser.add_argument(
        "--indicators",
        metavar="REGISTRY",
        default=None,
        help="an indicators.yaml registry: tag each figure whose label matches one",
    )
    parser.add_argument(
        "--compare",
        metavar="REFERENCE",
        default=None,
        help="compare with a hand-made report of the same article (recall and precision)",
    )


def shown(text: str) -> str:
    """``text`` (a path the user typed) with control characters escaped: ESC becomes ``\\x1b``,
    so neither the YAML comment nor the terminal receives one raw."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def _comment(article: str, encoding: str) -> str:
    return (
        f"Imported by `partybuild-tui import` from {shown(Path(article).name)} ({encoding}).\n"
        "Check before relying on it: sub-topic titles where the article has no lead phrase,\n"
        "figures written in Chinese numerals and every label are the importer's guesses."
    )


def _output_path(args: argparse.Namespace) -> str:
    if args.output:
        return str(args.output)
    return str(Path(args.article).with_suffix(".yaml"))


def _write(path: str, text: str, force: bool) -> str | None:
    """Write ``text`` to ``path`` atomically; the reason it could not, or None."""
    try:
        atomic_write_bytes(path, text.encode("utf-8"), overwrite=force)
    except DestinationExists:
        return f"{path}: already exists; use --force to overwrite it"
    except IsADirectoryError:
        return f"{path}: is a directory; name a file with -o"
    except OSError as error:
        return f"{path}: cannot write: {error.strerror or error}"
    return None


def summary(report: Report, result: ImportResult) -> list[str]:
    counts = result.counts
    meta = report.meta
    lines = [
        f"  {meta.title}" + (f" — {meta.subtitle}" if meta.subtitle else ""),
        f"  {counts['sections']} sections, {counts['subtopics']} sub-topics, "
        f"{counts['paragraphs']} paragraphs, {counts['metrics']} metrics, "
        f"{counts['not_metrics']} not_metrics",
    ]
    if result.unsure:
        lines.append(f"  unsure ({len(result.unsure)}):")
        lines += [f"    - {item}" for item in result.unsure]
    else:
        lines.append("  nothing unsure")
    lines.append("  guessed (check these before trusting the file):")
    for what, found in result.guessed.items():
        items = [item if len(item) <= 40 else item[:39] + "…" for item in found[:MAX_LISTED]]
        shown_items = "; ".join(items) + ("; …" if len(found) > MAX_LISTED else "")
        lines.append(f"    {what}: {len(found)}" + (f" — {shown_items}" if found else ""))
    return lines


MAX_LISTED = 40  # items listed per guessed pattern (the count is always whole)


def _tag(result: ImportResult, registry_path: str) -> str | None:
    """Tag the import with the registry's indicators; the reason it could not, or None."""
    from partybuild_tui.importer.indicators import Tagger  # lazy: pypinyin, ~0.1 s

    try:
        registry = load_registry(registry_path)
    except ReportError as error:
        return f"--indicators: {error}"
    tagging = Tagger(registry.indicators).tag(result.data["sections"])
    result.guessed["indicators matched (written)"] = tagging.matched
    result.guessed["indicators suggested, not written (decide by hand)"] = tagging.suggested
    result.guessed["figures without an indicator"] = tagging.unmatched
    return None


def run(args: argparse.Namespace) -> int:
    max_size = getattr(args, "max_size", None)
    try:
        article, result = import_article(
            args.article, max_size or DEFAULT_MAX_ARTICLE_SIZE, args.title
        )
    except ArticleError as error:
        print_error(shown(f"partybuild-tui import: {error}"))
        return 2
    if args.indicators:
        problem = _tag(result, args.indicators)
        if problem:
            print_error(shown(f"partybuild-tui import: {problem}"))
            return 2
    output = _output_path(args)
    if output != STDOUT and Path(output).resolve() == Path(args.article).resolve():
        print_error(
            shown(f"partybuild-tui import: {output}: is the article itself; name another file")
        )
        return 2
    text = dump(result.data, _comment(args.article, article.encoding))
    try:  # never write what our own loader refuses
        report = load_text(text, output)
    except ReportError as error:
        print_error(
            f"partybuild-tui import: {shown(args.article)}: the imported report would not load "
            f"({shown(str(error))}); nothing written"
        )
        return 2
    reference = None
    if args.compare:
        try:
            reference = load_report(args.compare)
        except ReportError as error:
            print_error(shown(f"partybuild-tui import: --compare: {error}"))
            return 2
    out: TextIO = sys.stdout
    if output == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        out = sys.stderr
    else:
        problem = _write(output, text, args.force)
        if problem:
            print_error(shown(f"partybuild-tui import: {problem}"))
            return 2
    print(f"wrote {'standard output' if output == STDOUT else shown(output)} "
          f"from {shown(args.article)} ({article.encoding})", file=out)  # fmt: skip
    for line in summary(report, result):
        print(line, file=out)
    if reference is not None:
        print(f"compared with {args.compare}:", file=out)
        for line in describe(compare(report, reference)):
            print(f"  {line}", file=out)
    return 0
