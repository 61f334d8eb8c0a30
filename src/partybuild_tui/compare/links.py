"""Accepted suggestions: the link file and the registry, next to the reports, never in them.

When the user accepts a suggested match, the app writes two files at the top of
the library folder and nothing else:

* ``indicators.yaml`` (the registry, data model "Many reports"): the indicator
  is added if it is new, and the accepted figure's label becomes an alias when it
  differs from the canonical label and the aliases. The file is written again as
  a whole (its leading comment block is kept; comments inside are not).
* ``indicator-links.tsv``: one line per accepted figure, ``report_id<TAB>metric_id
  <TAB>indicator``. Tab-separated, not YAML or JSON, so a library scan (which
  reads every ``*.yaml``/``*.yml``/``*.json``) never takes it for a report, and a
  line is easy to read, diff and delete by hand.

A report's own ``indicator:`` key always wins over a link. Both files are
written atomically (``state.atomic_write``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from partybuild_tui.compare.figures import LinkKey
from partybuild_tui.model.errors import ReportError
from partybuild_tui.model.registry import REGISTRY_SCHEMA, Indicator, Registry
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.state.atomic_write import atomic_write_bytes

LINKS_FILE_NAME = "indicator-links.tsv"
LINKS_HEADER = "# partybuild-indicator-links/1: report_id, metric_id, indicator (tab-separated)"
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_MAX_LINKS_BYTES = 16 << 20


def read_links(path: Path) -> dict[LinkKey, str]:
    """The links in ``path`` (none when it does not exist); ``ReportError`` on a bad line."""
    try:
        data = path.read_bytes()[: _MAX_LINKS_BYTES + 1]
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ReportError(str(path), f"cannot read: {error.strerror or error}") from None
    if len(data) > _MAX_LINKS_BYTES:
        raise ReportError(str(path), "too large for a link file (over 16 MiB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportError(str(path), f"not UTF-8 (byte {error.start})") from None
    links: dict[LinkKey, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ReportError(
                str(path), "expected report_id, metric_id and indicator separated by tabs", number
            )
        column = 1
        for part in parts:
            if not _ID.fullmatch(part):
                shown = sanitize_text(part)[:40]
                raise ReportError(str(path), f"{shown!r} is not an id ([a-z0-9-]+)", number, column)
            column += len(part) + 1
        links[(parts[0], parts[1])] = parts[2]
    return links


def links_text(links: Mapping[LinkKey, str]) -> str:
    lines = [LINKS_HEADER]
    lines += [f"{report}\t{metric}\t{indicator}" for (report, metric), indicator in links.items()]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: nothing in a label is interpreted.
    return json.dumps(text, ensure_ascii=False)


def registry_text(registry: Registry, head: str = "") -> str:
    """The registry as YAML, after ``head`` (the comment lines the old file started with)."""
    lines = [head.rstrip("\n")] if head.strip() else []
    lines += [f"schema: {REGISTRY_SCHEMA}", "indicators:"]
    for item in registry.indicators:
        lines.append(f"  - id: {item.id}")
        lines.append(f"    label: {_quoted(item.label)}")
        lines.append(f"    unit: {_quoted(item.unit)}")
        if item.aliases:
            lines.append("    aliases: [" + ", ".join(_quoted(a) for a in item.aliases) + "]")
    return "\n".join(lines) + "\n"


def _leading_comments(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    head = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    return "\n".join(head)


def with_indicator(registry: Registry | None, indicator: Indicator) -> Registry:
    """``registry`` with ``indicator`` added, or its label added as an alias of the known one."""
    items = list(registry.indicators) if registry else []
    for n, known in enumerate(items):
        if known.id != indicator.id:
            continue
        labels = {known.label, *known.aliases}
        new = [label for label in (indicator.label, *indicator.aliases) if label not in labels]
        if new:
            items[n] = Indicator(known.id, known.label, known.unit, known.aliases + tuple(new))
        return Registry(tuple(items))
    items.append(indicator)
    return Registry(tuple(items))


def accept_link(
    root: Path,
    registry: Registry | None,
    indicator: Indicator,
    figures: list[LinkKey],
    registry_path: Path | None = None,
) -> Registry:
    """Record that ``figures`` stand for ``indicator``: update the registry and the link file.

    Returns the new registry. Raises ``OSError`` when the folder cannot be written
    (the bundled example library is read-only) and ``ReportError`` for a broken
    link file (which is left as it is).
    """
    registry_path = registry_path or root / "indicators.yaml"
    links_path = root / LINKS_FILE_NAME
    links = read_links(links_path)
    for key in figures:
        links[key] = indicator.id
    updated = with_indicator(registry, indicator)
    text = registry_text(updated, _leading_comments(registry_path))
    atomic_write_bytes(registry_path, text.encode("utf-8"))
    atomic_write_bytes(links_path, links_text(links).encode("utf-8"))
    return updated
