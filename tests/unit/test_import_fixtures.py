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
import yaml

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


def _raw_metrics(sections: list[dict]) -> list[dict]:
    out: list[dict] = []
    for section in sections:
        out += section.get("metrics", [])
        out += _raw_metrics(section.get("children", []))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_targets_role_and_period(name: str) -> None:
    """role/target_period compared on the data itself (the loader may not model them yet)."""
    _, result = import_article(str(ARTICLES / f"{name}.txt"))
    want = yaml.safe_load((ARTICLES / f"{name}.expected.yaml").read_text(encoding="utf-8"))

    def targets(sections: list[dict]) -> list[tuple[str, str, str | None]]:
        return [(m["quote"], m.get("role", "result"), m.get("target_period"))
                for m in _raw_metrics(sections)]  # fmt: skip

    assert targets(result.data["sections"]) == targets(want["sections"])


DROPPED = {
    "epaper-jincheng-2024-review": ["太行日报数字报", "第05版：综合    上一版  下一版", "返回目录",
                                    "图1：2020—2024年全县新发展党员数量", "上一篇  下一篇",
                                    "版权所有 太行日报社 晋ICP备05004390号"],
    "govportal-yangcheng-2024": ["当前位置：首页 > 政务公开 > 工作动态", "字号：[ 大 中 小 ]",
                                 "打印本页 关闭窗口", "扫一扫在手机打开当前页",
                                 "版权所有：阳城县人民政府办公室  网站标识码：1405220001",
                                 "晋ICP备12001234号 晋公网安备14052202000123号"],
    "wechat-lingchuan-2024": ["原创 陵川组工 陵川组工 2024年11月20日 18:30 山西", "阅读 2563",
                              "在看 分享 点赞"],
    "furniture-middle-2024": ["放大 缩小 默认", "图2：2024年城区“红色物业”小区分布（共118个）",
                              "扫一扫在手机打开当前页",
                              "Copyright © 2024 城区融媒体中心 All Rights Reserved"],
    "portal-news-gaoping-2024": ["首页 > 新闻中心 > 山西要闻", "字号：大 中 小", "分享到：",
                                 "【纠错】 责任编辑：刘佳"],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(DROPPED))
def test_furniture_is_dropped_wherever_it_stands_and_listed(name: str) -> None:
    report, _, _ = imported(name)
    _, result = import_article(str(ARTICLES / f"{name}.txt"))
    assert result.guessed["furniture dropped"] == DROPPED[name]
    text = "\n".join(p for s in report.ordered for p in s.paragraphs)
    assert not any(line in text for line in DROPPED[name])
    with_numbers = result.guessed["dropped lines holding numbers"]
    assert with_numbers == [line for line in DROPPED[name] if ASCII_DIGIT.search(line)]


def test_a_page_without_a_title_line_asks_for_one() -> None:
    report, unsure, _ = imported("untitled-qinshui-2024")
    assert report.meta.title == "untitled-qinshui-2024"  # the file's name, not the body's words
    assert any("--title" in note for note in unsure)
    _, result = import_article(str(ARTICLES / "untitled-qinshui-2024.txt"))
    assert result.guessed["header fields not found"] == ["title", "date", "source", "author"]


def test_spaced_thousands_and_spaced_units_are_one_figure() -> None:
    values = {m.quote: m.value for m in imported("bulletin-shanxi-2024")[0].metrics}
    assert values["2 389 466名"] == 2389466
    _, result = import_article(str(ARTICLES / "bulletin-shanxi-2024.txt"))
    assert "2 389 466名" in result.guessed["spaced numbers joined"]


def test_ordinals_name_and_the_count_after_them_is_the_figure() -> None:
    report = imported("discipline-jincheng-2024")[0]
    assert {"第一种形态", "第二种形态", "第三种形态", "第四种形态"} <= set(report.not_metrics)
    assert not any(m.value in (1, 2, 3, 4) and m.unit == "种" for m in report.metrics)
    assert report.meta.period == "2024-H1"


def test_the_period_is_what_the_figures_are_about() -> None:
    assert imported("govreport-jincheng-2024")[0].meta.period == "2023"
    assert imported("bulletin-shanxi-2024")[0].meta.period == "2023"
