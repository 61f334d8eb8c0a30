"""Hold an imported report against a hand-made one of the same article.

* **Headings**: every top-level title of the reference that is an article
  heading (all but the 导语/结语/正文 parts) must be a top-level title of the import.
* **Lead-phrase sub-topics**: a reference sub-topic whose first paragraph opens
  with its title and 。 is titled by the article's own lead phrase; the import
  must have a sub-topic with exactly that title.
* **Other sub-topics** were titled by hand (落实“第一议题”制度 for a paragraph
  that has no lead phrase). A title chosen by a person cannot be reproduced, so
  these are compared by their paragraphs: the import must have a sub-topic with
  the same paragraphs. Whether the titles agree is reported, not required.
* **Metrics** are compared by place, not by section: a reference metric is
  matched by an imported one in the same paragraph whose quote overlaps it, with
  the same value and unit (one to one). Recall is matched / reference metrics,
  precision matched / imported metrics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partybuild_tui.model import Metric, Report, Section
from partybuild_tui.model.numbers import close

SYNTHETIC_TITLES = frozenset({"导语", "结语", "正文"})


@dataclass
class Comparison:
    headings: int = 0
    headings_missing: list[str] = field(default_factory=list)
    lead_subtopics: int = 0
    lead_subtopics_missing: list[str] = field(default_factory=list)
    other_subtopics: int = 0
    other_subtopics_unmatched: list[str] = field(default_factory=list)
    other_titles_differ: list[tuple[str, str]] = field(default_factory=list)
    reference_metrics: int = 0
    imported_metrics: int = 0
    matched: int = 0
    missed: list[Metric] = field(default_factory=list)
    extra: list[Metric] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.reference_metrics if self.reference_metrics else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.imported_metrics if self.imported_metrics else 1.0


def is_lead_phrase_title(section: Section) -> bool:
    return bool(section.paragraphs) and section.paragraphs[0].startswith(section.title + "。")


def _place(report: Report, metric: Metric) -> tuple[str, int, int]:
    paragraph = report.section(metric.section_id).paragraphs[metric.paragraph_index]
    return paragraph, metric.quote_start, metric.quote_end


def _same_number(a: float, b: float) -> bool:
    return close(a, b)


def _compare_metrics(imported: Report, reference: Report, result: Comparison) -> None:
    free = {id(m): _place(imported, m) for m in imported.metrics}
    by_id = {id(m): m for m in imported.metrics}
    for metric in reference.metrics:
        paragraph, start, end = _place(reference, metric)
        for key, (other_paragraph, other_start, other_end) in free.items():
            candidate = by_id[key]
            if (
                other_paragraph == paragraph
                and other_start < end
                and start < other_end
                and candidate.unit == metric.unit
                and _same_number(candidate.value, metric.value)
            ):
                del free[key]
                result.matched += 1
                break
        else:
            result.missed.append(metric)
    result.extra = [by_id[key] for key in free]


def compare(imported: Report, reference: Report) -> Comparison:
    """How far ``imported`` reproduces ``reference`` (see the module doc)."""
    result = Comparison(
        reference_metrics=len(reference.metrics), imported_metrics=len(imported.metrics)
    )
    top_titles = {section.title for section in imported.sections}
    for section in reference.sections:
        if section.title in SYNTHETIC_TITLES:
            continue
        result.headings += 1
        if section.title not in top_titles:
            result.headings_missing.append(section.title)
    imported_subtopics = [s for s in imported.ordered if s.depth > 0]
    titles = {s.title for s in imported_subtopics}
    by_paragraphs = {s.paragraphs: s for s in imported_subtopics}
    for section in reference.ordered:
        if section.depth == 0:
            continue
        if is_lead_phrase_title(section):
            result.lead_subtopics += 1
            if section.title not in titles:
                result.lead_subtopics_missing.append(section.title)
            continue
        result.other_subtopics += 1
        twin = by_paragraphs.get(section.paragraphs)
        if twin is None:
            result.other_subtopics_unmatched.append(section.title)
        elif twin.title != section.title:
            result.other_titles_differ.append((section.title, twin.title))
    _compare_metrics(imported, reference, result)
    return result


def describe(result: Comparison, limit: int = 20) -> list[str]:
    """The comparison as lines for a terminal."""
    lines = [
        f"headings: {result.headings - len(result.headings_missing)}/{result.headings} found",
        f"lead-phrase sub-topics: {result.lead_subtopics - len(result.lead_subtopics_missing)}"
        f"/{result.lead_subtopics} with the same title",
        f"other sub-topics: {result.other_subtopics - len(result.other_subtopics_unmatched)}"
        f"/{result.other_subtopics} with the same paragraphs "
        f"({len(result.other_titles_differ)} titled differently)",
        f"metrics: {result.matched} matched; recall {result.recall:.1%} "
        f"({result.matched}/{result.reference_metrics}), precision {result.precision:.1%} "
        f"({result.matched}/{result.imported_metrics})",
    ]
    lines += [f"  missing heading: {title}" for title in result.headings_missing]
    lines += [
        f"  missing lead-phrase sub-topic: {title}" for title in result.lead_subtopics_missing
    ]
    lines += [
        f"  no sub-topic with the paragraphs of: {t}" for t in result.other_subtopics_unmatched
    ]
    lines += [
        f"  titled by hand: {hand} / imported: {ours}" for hand, ours in result.other_titles_differ
    ]
    for word, metrics in (("missed", result.missed), ("extra", result.extra)):
        for metric in metrics[:limit]:
            lines.append(
                f"  {word}: {metric.quote} = {metric.value} {metric.unit} ({metric.label})"
            )
        if len(metrics) > limit:
            lines.append(f"  … and {len(metrics) - limit} more {word}")
    return lines
