"""The text `y` copies: a metric as a citation, a section as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.export import metric_clip_text, metrics_clip_text, section_clip_text
from partybuild_tui.model import load_report

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"


@pytest.fixture(scope="module")
def report():
    return load_report(FIXTURE)


def test_plain_metric(report) -> None:
    assert metric_clip_text(report.metric("first-topic-sessions")) == (
        "“第一议题”学习: 38次\n“学习38次”\n— 凝心铸魂，把稳政治引领“方向盘”"
    )


def test_metric_with_qualifier_words(report) -> None:
    assert metric_clip_text(report.metric("young-cadres")).splitlines()[0] == (
        "年轻干部参加学习: over 17000名"
    )
    assert (
        metric_clip_text(report.metric("institutions")).splitlines()[0] == "制度机制: about 1992项"
    )
    assert metric_clip_text(report.metric("training")).splitlines()[0] == "培训人次: up to 3000人次"


def test_metric_with_baseline_note_and_report_path(report) -> None:
    assert metric_clip_text(report.metric("cases"), report) == (
        "违纪案件: 25件 (from 40件, -15件)\n"
        "“由40件下降到25件”\n"
        "Note: 同比下降\n"
        "— 某市党建工作综述（测试） › 凝心铸魂，把稳政治引领“方向盘” › 作风建设 › 警示教育月"
    )
    assert metric_clip_text(report.metric("coverage")).splitlines()[0] == (
        "党员教育覆盖率: 87% (from 46%, +41 pp)"
    )
    assert metric_clip_text(report.metric("rectification-rate")).splitlines()[0] == "整改率: 99.3%"


def test_every_metric_text_has_its_quote_and_section(report) -> None:
    for metric in report.metrics:
        text = metric_clip_text(metric, report)
        assert f"“{metric.quote}”" in text
        assert text.splitlines()[-1].endswith(report.section(metric.section_id).title)
        assert metric.label in text.splitlines()[0]


def test_several_metrics_are_separated_by_a_blank_line(report) -> None:
    metrics = report.section("grassroots").metrics
    text = metrics_clip_text(metrics)
    assert text.split("\n\n") == [metric_clip_text(m) for m in metrics]


def test_section_as_markdown_without_sub_topics_by_default(report) -> None:
    text = section_clip_text(report.section("discipline"), report)
    assert text.splitlines()[:3] == [
        "*某市党建工作综述（测试） › 凝心铸魂，把稳政治引领“方向盘”*",
        "",
        "# 作风建设",
    ]
    assert "查摆问题整改率达99.3%，健全制度机制约1992项。" in text
    assert "| 整改率 | 99.3% | 整改率达99.3% |" in text
    assert "| 制度机制 | about 1992项 | 约1992项 |" in text
    assert "警示教育月" not in text
    assert "## 警示教育月" in section_clip_text(report.section("discipline"), descendants=True)


def test_section_without_metrics_has_no_table(report) -> None:
    text = section_clip_text(report.section("outlook"))
    assert text == "# 展望\n\n新的一年，继续推进。\n"
