"""Markdown export: headings per section, paragraphs, metric tables; text never becomes markup.

The escaping is checked by rendering with markdown-it (installed with Textual)
with tables, strikethrough, linkify, GFM autolinks, dollar math, footnotes,
sub/superscript and attributes switched on: report text must come back as the
same plain text, with no link, emphasis, HTML, code or list anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from partybuild_tui.export import (
    escape_block,
    escape_inline,
    export_metrics,
    export_report,
    report_markdown,
    section_markdown,
)
from partybuild_tui.export.markdown import one_line
from partybuild_tui.model import bundled_report_path, load_report, load_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"
REPORTS = [pytest.param(FIXTURE, id="fixture"), pytest.param(bundled_report_path(), id="bundled")]

PLAIN_INLINE = {"text", "text_special", "softbreak"}


def _parser() -> MarkdownIt:
    plugins = pytest.importorskip("mdit_py_plugins")
    del plugins
    from mdit_py_plugins.attrs import attrs_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
    from mdit_py_plugins.subscript import sub_plugin
    from mdit_py_plugins.superscript import superscript_plugin
    from mdit_py_plugins.tasklists import tasklists_plugin

    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    for plugin in (
        gfm_autolink_plugin,
        dollarmath_plugin,
        footnote_plugin,
        tasklists_plugin,
        sub_plugin,
        superscript_plugin,
        attrs_plugin,
    ):
        md.use(plugin)
    return md


MD = _parser()


def plain_text(inline: Token) -> str:
    """The text of an inline token, failing on anything that is not plain text."""
    out = []
    for child in inline.children or []:
        assert child.type in PLAIN_INLINE, f"markup {child.type!r} in {inline.content!r}"
        out.append("\n" if child.type == "softbreak" else child.content)
    return "".join(out)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(block type, plain text) for each heading, paragraph and table cell, in order."""
    found = []
    tokens = MD.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            found.append((tokens[index - 1].type.removesuffix("_open"), plain_text(token)))
        elif token.type not in {
            "heading_open", "heading_close", "paragraph_open", "paragraph_close",
            "table_open", "table_close", "thead_open", "thead_close", "tbody_open",
            "tbody_close", "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close",
        }:  # fmt: skip
            raise AssertionError(f"unexpected block {token.type!r}")
    return found


# --- the escaping, by property -------------------------------------------------

PIECES = [
    *"`*_{}[]()<>#+-.!|~^$&@:=\\/\"' abcwhtps019党建，。“”",
    "www.", "http://", "https://x.org", "a@b.co", "&amp;", "&#35;", "<b>", "</p>", "<!--",
    "1.", "2)", "---", "===", "***", "> ", "# ", "- [ ] ", "[^1]", "[x](y)", "![i](j)",
    "$x$", "$$", "~~s~~", "H~2~O", "2^10^", "{#id}", ":smile:", "**b**", "__u__", "`c`",
    "example.com", "WWW.EXAMPLE.COM", "    ", "\\\\", "|-|",
    "详见党建网.cn", "evil.рф", "公司.com.cn", "10.рф", "mail@evil.рф", "党建.中国", "99.3",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_escaped_inline_text_renders_as_itself(text: str) -> None:
    line = one_line(text)
    if not line:
        return
    rendered = blocks("# " + escape_inline(line))
    assert rendered == [("heading", line)]


@settings(max_examples=400, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4).map("\n".join))
def test_escaped_paragraph_renders_as_itself(text: str) -> None:
    expected = [line.strip(" ") for line in text.split("\n") if line.strip(" ")]
    rendered = blocks(escape_block(text))
    assert all(kind == "paragraph" for kind, _ in rendered)
    assert [line for _, t in rendered for line in t.split("\n")] == expected


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_escaped_table_cells_render_as_themselves(label: str, quote: str) -> None:
    label, quote = one_line(label) or "l", one_line(quote) or "q"
    paragraph = f"前{quote}后"
    report = load_text(
        "schema: partybuild-report/1\nreport: {id: r, title: t}\nsections:\n"
        f"  - id: s\n    title: t\n    paragraphs: [{_yaml(paragraph)}]\n"
        f"    metrics: [{{id: m, label: {_yaml(label)}, value: 1, unit: u, quote: {_yaml(quote)}}}]\n"
    )
    cells = [
        text for kind, text in blocks(export_metrics(report.metrics, "markdown")) if kind == "td"
    ]
    assert label in cells
    assert quote in cells


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("普通文本，1.7万名", "普通文本，1.7万名"),
        ("见www.example.com", "见www\\.example\\.com"),
        ("https://evil.example/x", "https\\:\\//evil\\.example/x"),
        ("//1.=", "\\//1.="),
        ("a|b", "a\\|b"),
        ("<script>", "\\<script\\>"),
        ("详见党建网.cn", "详见党建网\\.cn"),
        ("evil.рф", "evil\\.рф"),
        ("10.рф", "10\\.рф"),
        ("99.3%、v2.0", "99.3%、v2.0"),
    ],
)
def test_escape_inline_examples(text: str, escaped: str) -> None:
    assert escape_inline(text) == escaped


def test_line_start_markers_are_escaped() -> None:
    assert escape_block("1. 第一\n- 第二\n+ 三\n=====\n# 四\n> 五") == (
        "1\\. 第一\n\\- 第二\n\\+ 三\n\\=====\n\\# 四\n\\> 五"
    )


def test_ideographic_space_and_cjk_pass_unchanged() -> None:
    assert escape_block("\u3000\u3000党建引领，成效显著。") == "\u3000\u3000党建引领，成效显著。"


# --- documents -------------------------------------------------------------------


@pytest.mark.parametrize("path", REPORTS)
def test_report_markdown_has_a_heading_for_every_section(path: Path) -> None:
    report = load_report(path)
    rendered = blocks(report_markdown(report))
    headings = [text for kind, text in rendered if kind == "heading"]
    assert headings[0] == one_line(report.meta.title)
    assert headings[1:] == [one_line(s.title) for s in report.ordered]
    tokens = MD.parse(report_markdown(report))
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels == [1] + [min(s.depth + 2, 6) for s in report.ordered]


@pytest.mark.parametrize("path", REPORTS)
def test_report_markdown_has_every_paragraph_and_metric(path: Path) -> None:
    report = load_report(path)
    rendered = blocks(report_markdown(report))
    paragraphs = "\n".join(text for kind, text in rendered if kind == "paragraph")
    for section in report.ordered:
        for paragraph in section.paragraphs:
            for line in paragraph.split("\n"):
                assert line.strip(" ") in paragraphs
    cells = [text for kind, text in rendered if kind == "td"]
    for metric in report.metrics:
        assert one_line(metric.label) in cells
        assert one_line(metric.quote) in cells


def test_metric_table_columns(tmp_path: Path) -> None:
    report = load_report(FIXTURE)
    text = section_markdown(report.section("warning-month"), report=report)
    lines = text.splitlines()
    assert lines[0] == "*某市党建工作综述（测试） › 凝心铸魂，把稳政治引领“方向盘” › 作风建设*"
    assert "| Metric | Value | Baseline | Change | Quote | Note |" in lines
    assert "| 违纪案件 | 25件 | 40件 | -15件 | 由40件下降到25件 | 同比下降 |" in lines
    grassroots = section_markdown(report.section("grassroots"))
    assert "| 党员教育覆盖率 | 87% | 46% | +41 pp | 由46%提升到87% |" in grassroots
    assert "| 培训人次 | up to 3000人次 |  |  | 最多培训3000人次 |" in grassroots


def test_section_markdown_levels_are_relative_and_descendants_optional() -> None:
    report = load_report(FIXTURE)
    section = report.section("discipline")
    tokens = MD.parse(section_markdown(section))
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [("h1", "作风建设"), ("h2", "警示教育月")]
    shallow = section_markdown(section, descendants=False)
    assert "警示教育月" not in shallow
    assert "约1992项" in shallow


def test_multi_line_paragraph_keeps_its_lines() -> None:
    report = load_report(FIXTURE)
    rendered = blocks(section_markdown(report.section("warning-month")))
    assert ("paragraph", "连续12年举办“警示教育月”活动。\n违纪案件由40件下降到25件。") in rendered


def test_metrics_only_markdown_is_one_table_with_section_paths() -> None:
    report = load_report(FIXTURE)
    text = export_report(report, "markdown", metrics_only=True)
    rendered = blocks(text)
    assert rendered[0] == ("heading", "某市党建工作综述（测试） — metrics")
    header = [t for kind, t in rendered if kind == "th"]
    assert header[:3] == ["Section", "Metric", "Value"]
    rows = [t for kind, t in rendered if kind == "td"]
    assert len(rows) == len(header) * len(report.metrics)
    assert "凝心铸魂，把稳政治引领“方向盘” › 作风建设 › 警示教育月" in rows


def test_no_metrics_says_so() -> None:
    assert "No metrics" in export_metrics([], "markdown")


def test_hostile_report_renders_without_markup() -> None:
    report = load_text(
        "schema: partybuild-report/1\n"
        "report: {id: h, title: '[点我](https://evil.example) <img src=x onerror=alert(1)>'}\n"
        "sections:\n"
        "  - id: s\n"
        "    title: '# 标题 ## *强调* `代码`'\n"
        "    paragraphs:\n"
        "      - '1. 列表 | 表格 | 见 www.evil.example 或 mail@evil.example $x^2$'\n"
        '      - "---"\n'
        "      - '    缩进四格 <script>alert(1)</script>'\n"
        "    metrics:\n"
        "      - {id: m, label: 'a|b', value: 1, unit: '|', quote: '1. 列表 | 表格'}\n"
    )
    text = report_markdown(report)
    rendered = blocks(text)  # fails on any markup
    assert ("heading", "[点我](https://evil.example) <img src=x onerror=alert(1)>") in rendered
    assert ("heading", "# 标题 ## *强调* `代码`") in rendered
    assert ("paragraph", "---") in rendered
    assert ("paragraph", "缩进四格 <script>alert(1)</script>") in rendered
    assert ("td", "a|b") in rendered
    assert ("td", "1|") in rendered


def test_a_quote_that_only_repeats_the_value_is_not_repeated() -> None:
    """Issue 13.18: `| 活动收集岗位 | 594个 | 594个 |` said the value twice."""
    from partybuild_tui.export.markdown import metrics_table
    from partybuild_tui.model import bundled_report_path, load_report

    report = load_report(bundled_report_path())
    metric = next(m for m in report.metrics if m.label == "活动收集岗位")
    assert metric.quote == "594个"
    (row,) = [line for line in metrics_table([metric]) if "活动收集岗位" in line]
    assert row.count("594个") == 1, row
    longer = next(m for m in report.metrics if m.quote.startswith("由"))  # 由46%提升到87%
    (row,) = [line for line in metrics_table([longer]) if longer.label in line]
    assert longer.quote in row  # a quote that says more is kept
