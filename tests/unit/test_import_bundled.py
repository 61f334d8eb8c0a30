"""Importing the bundled source article reproduces the hand-made data/report.yaml.

How the two are compared (``importer/compare.py``):

* the five section headings, exactly;
* sub-topics titled by the article's own lead phrase (精准引才,聚焦产业所需),
  exactly; sub-topics the hand-made report titled by hand, where the article
  has no lead phrase (落实“第一议题”制度), by their paragraphs: the import must
  have a sub-topic with the very same paragraphs (its title is its first clause);
* figures by place: a hand-made metric is matched by an imported one in the same
  paragraph whose quote overlaps, with the same value and unit. At least 90% of
  the hand-made metrics must be matched (recall), and at least 90% of the
  imported ones must match (precision).

Print the figures with:
``partybuild-tui import data/source/jincheng-2025-party-building.txt -o - --compare data/report.yaml >/dev/null``
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partybuild_tui.importer import dump, import_article
from partybuild_tui.importer.compare import Comparison, compare, is_lead_phrase_title
from partybuild_tui.model import Report, load_report, load_text

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"
REFERENCE = ROOT / "data" / "report.yaml"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def reference() -> Report:
    return load_report(REFERENCE)


@pytest.fixture(scope="module")
def imported_text() -> str:
    _, result = import_article(str(ARTICLE))
    return dump(result.data)


@pytest.fixture(scope="module")
def imported(imported_text: str) -> Report:
    return load_text(imported_text, "imported.yaml")


@pytest.fixture(scope="module")
def comparison(imported: Report, reference: Report) -> Comparison:
    return compare(imported, reference)


def test_the_reference_is_the_real_report(reference: Report) -> None:
    assert len(reference.metrics) >= 100  # not the placeholder it once was


def test_all_five_headings(comparison: Comparison, imported: Report) -> None:
    assert comparison.headings == 5
    assert comparison.headings_missing == []
    titles = [section.title for section in imported.sections]
    assert titles[1:6] == [
        "凝心铸魂,把稳政治引领“方向盘”",
        "强基固本,激活基层治理“红细胞”",
        "选贤任能,锻造实干担当“主力军”",
        "广聚英才,构筑创新发展“强磁场”",
        "正风肃纪,筑牢廉洁自律“防火墙”",
    ]


def test_every_lead_phrase_sub_topic_has_the_same_title(
    comparison: Comparison, reference: Report
) -> None:
    leads = [s.title for s in reference.ordered if s.depth and is_lead_phrase_title(s)]
    assert "精准引才,聚焦产业所需" in leads
    assert comparison.lead_subtopics == len(leads) >= 10
    assert comparison.lead_subtopics_missing == []


def test_every_hand_titled_sub_topic_has_a_twin_with_the_same_paragraphs(
    comparison: Comparison,
) -> None:
    assert comparison.other_subtopics >= 5
    assert comparison.other_subtopics_unmatched == []


def test_metric_recall_and_precision_are_at_least_90_percent(comparison: Comparison) -> None:
    missed = [(m.quote, m.value, m.unit) for m in comparison.missed]
    extra = [(m.quote, m.value, m.unit) for m in comparison.extra]
    assert comparison.recall >= 0.9, missed
    assert comparison.precision >= 0.9, extra


def test_every_paragraph_is_kept_verbatim_and_in_order(imported: Report, reference: Report) -> None:
    def paragraphs(report: Report) -> list[str]:
        return [p for section in report.ordered for p in section.paragraphs]

    assert paragraphs(imported) == paragraphs(reference)


def test_metadata_is_read_from_the_header(imported: Report, reference: Report) -> None:
    assert imported.meta == reference.meta


def test_the_written_file_loads_with_load_report(tmp_path: Path, imported_text: str) -> None:
    path = tmp_path / "imported.yaml"
    path.write_text(imported_text, encoding="utf-8")
    report = load_report(path)
    assert report.counts()["metrics"] == len(load_text(imported_text).metrics)
    assert report.meta.published == "2026-01-19T17:43:15+08:00"


def test_ids_are_ascii_slugs_and_the_same_on_every_import(imported: Report) -> None:
    ids = [s.id for s in imported.ordered] + [m.id for m in imported.metrics]
    assert all(ID.fullmatch(i) for i in ids)
    again = load_text(dump(import_article(str(ARTICLE))[1].data))
    assert [s.id for s in again.ordered] + [m.id for m in again.metrics] == ids


def test_names_with_numbers_are_not_metrics(imported: Report) -> None:
    names = set(imported.not_metrics)
    assert {"“两个确立”", "“12345”", "2024—2028年", "“16+11”", "2025年"} <= names
    quotes = " ".join(m.quote for m in imported.metrics)
    assert "12345" not in quotes and "2028" not in quotes
