"""Suggested matches for figures without an indicator: never joined until accepted.

For a figure with no ``indicator`` (in its report or the link file), the
candidates are, all with the same unit and a label ``similarity`` of at least
``SUGGEST_THRESHOLD``: the registry's indicators (label and aliases), the
indicators other reports' figures use, and figures of other reports that have no
indicator either (accepting one of those creates a new indicator, named by the
label's pinyin). Accepting is ``links.accept_link``: the reports are not touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from partybuild_tui.compare.figures import Figure
from partybuild_tui.compare.links import accept_link
from partybuild_tui.compare.similarity import SUGGEST_THRESHOLD, normalise, similarity
from partybuild_tui.importer.ids import metric_slug
from partybuild_tui.model.registry import Indicator, Registry


@dataclass(frozen=True, slots=True)
class Suggestion:
    """``figure`` may be the indicator ``indicator`` (suggested, not joined)."""

    figure: Figure
    indicator: Indicator
    score: float
    new: bool
    """The indicator does not exist yet: accepting creates it."""
    others: tuple[Figure, ...]
    """Figures without an indicator that accepting links too (for a new indicator)."""


def _new_id(label: str, unit: str, taken: set[str]) -> str:
    base = metric_slug(label, unit) or "indicator"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def suggest(
    figure: Figure,
    figures: Sequence[Figure],
    registry: Registry | None = None,
    *,
    limit: int = 5,
    threshold: float = SUGGEST_THRESHOLD,
) -> list[Suggestion]:
    """The best matches for ``figure`` (which has no indicator), best first."""
    if figure.indicator is not None:
        return []
    label, unit = figure.metric.label, figure.metric.unit
    best: dict[str, Suggestion] = {}

    def offer(indicator: Indicator, score: float, new: bool, others: tuple[Figure, ...]) -> None:
        if score >= threshold and (indicator.id not in best or best[indicator.id].score < score):
            best[indicator.id] = Suggestion(figure, indicator, score, new, others)

    known: dict[str, Indicator] = {}
    if registry is not None:
        for item in registry.indicators:
            known[item.id] = item
            if item.unit == unit:
                offer(
                    item, max(similarity(label, x) for x in (item.label, *item.aliases)), False, ()
                )
    used_labels: dict[tuple[str, str], set[str]] = {}
    loose: dict[str, list[Figure]] = {}
    for other in figures:
        metric = other.metric
        if metric.unit != unit or other.column.report_id == figure.column.report_id:
            continue
        if other.indicator is not None:
            used_labels.setdefault((other.indicator, metric.label), set())
        else:
            loose.setdefault(normalise(metric.label), []).append(other)
    for indicator_id, other_label in used_labels:
        item = known.get(indicator_id) or Indicator(indicator_id, other_label, unit)
        offer(item, similarity(label, other_label), False, ())
    taken = set(known) | {indicator_id for indicator_id, _ in used_labels}
    for group in loose.values():
        score = similarity(label, group[0].metric.label)
        if score >= threshold:
            new_id = _new_id(label, unit, taken)
            taken.add(new_id)
            aliases = tuple({f.metric.label for f in group} - {label})
            offer(Indicator(new_id, label, unit, aliases), score, True, tuple(group))
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.new, s.indicator.id))
    return ranked[:limit]


def accept_suggestion(
    suggestion: Suggestion,
    root: Path,
    registry: Registry | None,
    registry_path: Path | None = None,
) -> Registry:
    """Link the suggested figures to the indicator (``links.accept_link``); the new registry."""
    labels = [f.metric.label for f in (suggestion.figure, *suggestion.others)]
    item = suggestion.indicator
    aliases = tuple(label for label in dict.fromkeys(labels) if label != item.label)
    indicator = Indicator(item.id, item.label, item.unit, aliases)
    keys = [(f.column.report_id, f.metric.id) for f in (suggestion.figure, *suggestion.others)]
    return accept_link(root, registry, indicator, keys, registry_path)
