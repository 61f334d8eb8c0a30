"""Importing the small invented articles in tests/fixtures/articles/ gives their expected reports.

Each ``NAME.txt`` has a ``NAME.expected.yaml`` written by hand from the article. The
import must agree on the metadata, the section tree (titles and verbatim paragraphs),
every section's figures (quote, value, unit, qualifier, baseline) and the numbers
that only name something (``not_metrics``). Ids and labels are the importer's own
wording and are not compared; the loader checks their form.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partybuild_tui.importer import dump, import_article
from partybuild_tui.model import Report, Section, load_report, load_text

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
NAMES = sorted(path.stem for path in ARTICLES.glob("*.txt"))
CHINESE_DIGIT = re.compile("[一二两三四五六七八九十百千]")
ASCII_DIGIT = re.compile("[0-9]")
META_FIELDS = ("id", "title", "subtitle", "source", "author", "published", "period", "region",
               "language")  # fmt: skip


def imported(name: str) -> tuple[Report, list[str], str]:
    article, result = import_article(str(ARTICLES / f"{name}.txt"))
    report = load_text(dump(result.data), f"{name}.yaml")
    return report, result.unsure, article.encoding


def expected(name: str) -> Report:
    return load_report(ARTICLES / f"{name}.expected.yaml")


def outline(report: Report) -> list[tuple[int, str, tuple[str, ...]]]:
    return [(section.depth, section.title, section.paragraphs) for section in report.ordered]


def figures(section: Section) -> list[tuple[str, float, str, str, float | None]]:
    return [(m.quote, m.value, m.unit, m.qualifier, m.baseline) for m in section.metrics]


def test_there_are_at_least_five_articles_each_with_an_expected_report() -> None:
    assert len(NAMES) >= 5
    for name in NAMES:
        assert (ARTICLES / f"{name}.expected.yaml").is_file(), name


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    report, _, _ = imported(name)
    want = expected(name).meta
    for field in META_FIELDS:
        assert getattr(report.meta, field) == getattr(want, field), field


@pytest.mark.parametrize("name", NAMES)
def test_sections_titles_and_paragraphs(name: str) -> None:
    report, _, _ = imported(name)
    assert outline(report) == outline(expected(name))


@pytest.mark.parametrize("name", NAMES)
def test_figures_of_every_section(name: str) -> None:
    report, _, _ = imported(name)
    want = expected(name)
    for section in want.ordered:
        got = report.ordered[section.order]  # ids differ by design: match by place
        assert got.title == section.title
        assert figures(got) == figures(section), section.title
    assert len(report.metrics) == len(want.metrics)


@pytest.mark.parametrize("name", NAMES)
def test_numbers_that_only_name(name: str) -> None:
    report, _, _ = imported(name)
    assert set(report.not_metrics) == set(expected(name).not_metrics)


def test_gb18030_article_is_read_as_gb18030() -> None:
    path = ARTICLES / "qingfeng-2024-gb18030.txt"
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    report, _, encoding = imported("qingfeng-2024-gb18030")
    assert encoding == "gb18030"
    assert report.meta.title == "强根基 聚合力 谱新篇"


def test_a_missing_related_block_is_said_and_the_body_runs_to_the_end() -> None:
    report, unsure, _ = imported("shiling-2024-no-related")
    assert "no 相关内容 block: the body runs to the end of the file" in unsure
    assert report.sections[-1].paragraphs[-1].endswith("不断提升群众获得感。")


def test_furniture_without_a_related_line_still_ends_the_body() -> None:
    report, unsure, _ = imported("liuhe-2024-chinese-numerals")
    assert any("热门资讯" in item for item in unsure)
    assert not any("团拜会" in p for s in report.ordered for p in s.paragraphs)


def test_the_figures_the_fixtures_are_meant_to_cover() -> None:
    every = [m for name in NAMES for m in imported(name)[0].metrics]
    units = {m.unit for m in every}
    assert {"比例", "%", "元", "个百分点"} <= units
    assert any(m.value >= 100_000_000 for m in every)  # 亿
    assert any(m.baseline is not None for m in every)  # changes
    assert any(m.note and "范围" in m.note for m in every)  # ranges
    assert any(CHINESE_DIGIT.search(m.quote) and not ASCII_DIGIT.search(m.quote) for m in every)
