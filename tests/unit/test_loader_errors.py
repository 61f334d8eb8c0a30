"""Every kind of broken report gives one exact line: ``PATH:LINE:COLUMN: data.path: message``.

Each test writes a small file, loads it with ``load_report`` and compares the
whole error line, so a wrong position or a vaguer message fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.model import ReportError, load_report, load_text

VALID = """\
schema: partybuild-report/1
report:
  id: mini
  title: 测试报告
  published: "2026-01-19T17:43:15+08:00"
sections:
  - id: a
    title: 第一节
    paragraphs:
      - 开展学习38次,研讨10次。
    metrics:
      - id: m1
        label: 学习
        value: 38
        unit: 次
        quote: 学习38次
"""


def error_of(tmp_path: Path, content: str | bytes, name: str = "broken.yaml") -> str:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    return str(caught.value)


def test_the_valid_base_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(VALID, encoding="utf-8")
    report = load_report(path)
    assert report.metric("m1").value == 38


# --- the kinds named in issue 2 ---------------------------------------------------------


def test_syntax_error(tmp_path: Path) -> None:
    text = VALID.replace("title: 第一节", "title: [第一节")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:9:15: YAML syntax error: did not find expected ',' or ']' "
        "(while parsing a flow sequence)"
    )


def test_mapping_value_inside_plain_scalar(tmp_path: Path) -> None:
    text = VALID.replace("label: 学习", "label: 学习: 次数")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:13:18: YAML syntax error: "
        "mapping values are not allowed in this context"
    )


def test_tab_indentation(tmp_path: Path) -> None:
    text = VALID.replace("  title: 测试报告", "\ttitle: 测试报告")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:4:1: "
        "tab character where YAML expects spaces (indent with spaces, not tabs)"
    )


def test_duplicate_key(tmp_path: Path) -> None:
    text = VALID.replace("        unit: 次\n", "        unit: 次\n        value: 39\n")
    assert error_of(tmp_path, text) == f"{tmp_path}/broken.yaml:16:9: duplicate key 'value'"


def test_wrong_type(tmp_path: Path) -> None:
    text = VALID.replace("value: 38", "value: 三十八")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:14:16: sections[0].metrics[0].value: "
        "expected a number, got '三十八'"
    )


def test_quoted_number(tmp_path: Path) -> None:
    text = VALID.replace("value: 38", 'value: "38"')
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:14:16: sections[0].metrics[0].value: "
        "expected a number, got '38' (numbers are written without quotes)"
    )


def test_missing_title_points_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    text = VALID.replace("  title: 测试报告\n", "")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:3:3: report.title: missing: expected text"
    )


def test_missing_report(tmp_path: Path) -> None:
    text = "schema: partybuild-report/1\nsections: []\n"
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:1:1: report: missing: "
        "a report needs 'report:' with at least a title"
    )


def test_unknown_schema_version(tmp_path: Path) -> None:
    text = VALID.replace("partybuild-report/1", "partybuild-report/2")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:1:9: schema: unknown schema version 'partybuild-report/2'; "
        "this app reads partybuild-report/1 (a newer partybuild-tui may read it)"
    )


def test_unknown_schema_name(tmp_path: Path) -> None:
    text = VALID.replace("partybuild-report/1", "openapi/3")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:1:9: schema: unknown schema 'openapi/3'; "
        "this app reads partybuild-report/1"
    )


def test_bad_qualifier(tmp_path: Path) -> None:
    text = VALID.replace("        quote:", "        qualifier: roughly\n        quote:")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:16:20: sections[0].metrics[0].qualifier: "
        "unknown qualifier 'roughly'; use one of exact, over, about, up_to"
    )


def test_quote_not_in_section(tmp_path: Path) -> None:
    text = VALID.replace("quote: 学习38次", "quote: 学习39次")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:16:16: sections[0].metrics[0].quote: quote '学习39次' is "
        "not in this section's paragraphs (a quote must be an exact substring of one of them)"
    )


def test_non_utf8_bytes(tmp_path: Path) -> None:
    data = VALID.encode("utf-8").replace("第一节".encode(), "第一节".encode() + b"\xff")
    assert error_of(tmp_path, data) == (
        f"{tmp_path}/broken.yaml:8:15: not valid UTF-8: byte 0xff cannot be decoded "
        "(save the file as UTF-8)"
    )


def test_gbk_file(tmp_path: Path) -> None:
    data = VALID.encode("gbk")
    assert error_of(tmp_path, data) == (
        f"{tmp_path}/broken.yaml:4:10: not valid UTF-8: byte 0xb2 cannot be decoded "
        "(save the file as UTF-8)"
    )


def test_utf16_file(tmp_path: Path) -> None:
    assert error_of(tmp_path, VALID.encode("utf-16")) == (
        f"{tmp_path}/broken.yaml:1:1: the file is UTF-16; save it as UTF-8"
    )


def test_empty_file(tmp_path: Path) -> None:
    assert error_of(tmp_path, b"") == (
        f"{tmp_path}/broken.yaml:1:1: the file is empty: "
        "expected a report (schema:, report:, sections:)"
    )


def test_top_level_list(tmp_path: Path) -> None:
    assert error_of(tmp_path, "- schema: partybuild-report/1\n") == (
        f"{tmp_path}/broken.yaml:1:1: expected a report (a mapping of keys), got a list"
    )


def test_control_character(tmp_path: Path) -> None:
    text = VALID.replace("第一节", "第一\x1b[31m节")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:8:14: control character U+001B is not allowed in a report file"
    )


def test_crlf_lines_are_counted_once(tmp_path: Path) -> None:
    text = VALID.replace("value: 38", "value: x").replace("\n", "\r\n")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:14:16: sections[0].metrics[0].value: expected a number, got 'x'"
    )


def test_control_character_after_crlf_lines(tmp_path: Path) -> None:
    text = VALID.replace("第一节", "第一\x00节").replace("\n", "\r\n")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:8:14: control character U+0000 is not allowed in a report file"
    )


def test_duplicate_section_id(tmp_path: Path) -> None:
    text = VALID + "  - id: a\n    title: 第二节\n"
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:17:9: sections[1].id: "
        "duplicate section id 'a' (also at sections[0].id)"
    )


def test_bad_published_date(tmp_path: Path) -> None:
    text = VALID.replace('"2026-01-19T17:43:15+08:00"', "2001-13-45")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:5:14: report.published: not a valid ISO 8601 date-time: "
        "'2001-13-45' (like \"2026-01-19T17:43:15+08:00\")"
    )


def test_load_text_names_its_source() -> None:
    with pytest.raises(ReportError) as caught:
        load_text("schema: x\n", "memo.yaml")
    assert str(caught.value) == (
        "memo.yaml:1:9: schema: unknown schema 'x'; this app reads partybuild-report/1"
    )


# --- positions of nested data paths (locate) -------------------------------------------

NESTED = """\
schema: partybuild-report/1
report: {title: 嵌套}
sections:
  - {id: s0, title: 零}
  - id: s1
    title: 一
  - id: s2
    title: 二
    children:
      - id: c0
        title: 子
        paragraphs: [学习38次 研讨10次 培训3000人次 覆盖率87%]
        metrics:
          - {id: m0, label: 学习, value: 38, unit: 次, quote: 学习38次}
          - id: m1
            label: 研讨
            value: 10
            unit: 次
            quote: 研讨10次
          - [not, a, mapping]
          - {id: m3, label: 覆盖率, value: 八十七, unit: "%", quote: 覆盖率87%}
"""


def test_position_of_a_deeply_nested_value_in_flow_style(tmp_path: Path) -> None:
    text = NESTED.replace(
        "          - [not, a, mapping]\n",
        "          - {id: m2, label: 培训, value: 3000, unit: 人次, quote: 培训3000人次}\n",
    )
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:21:41: sections[2].children[0].metrics[3].value: "
        "expected a number, got '八十七'"
    )


def test_position_of_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    assert error_of(tmp_path, NESTED) == (
        f"{tmp_path}/broken.yaml:20:13: sections[2].children[0].metrics[2]: "
        "expected a metric (a mapping of keys), got a list"
    )


def test_position_of_a_missing_key_in_a_flow_mapping(tmp_path: Path) -> None:
    text = NESTED.replace("          - [not, a, mapping]\n", "").replace("value: 八十七, ", "")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:20:13: sections[2].children[0].metrics[2].value: "
        "missing: expected a number"
    )


def test_position_of_a_missing_key_in_a_block_mapping(tmp_path: Path) -> None:
    text = NESTED.replace("    title: 一\n", "")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:5:5: sections[1].title: missing: expected text"
    )


def test_position_of_a_missing_title_in_a_flow_section(tmp_path: Path) -> None:
    text = NESTED.replace("{id: s0, title: 零}", "{id: s0}")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:4:5: sections[0].title: missing: expected text"
    )


def test_position_of_an_empty_value(tmp_path: Path) -> None:
    text = NESTED.replace("    title: 一\n", "    title:\n")
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:6:11: sections[1].title: missing: expected text"
    )


def test_position_after_nested_children_and_siblings(tmp_path: Path) -> None:
    # Sections before the broken one hold nested lists and mappings of their own:
    # the counters must come back out of them correctly.
    text = NESTED.replace("          - [not, a, mapping]\n", "").replace(
        "value: 八十七", "value: 87"
    ) + (
        "  - id: s3\n"
        "    title: 三\n"
        "    children:\n"
        "      - {id: c1, title: 深, children: [{id: c2, title: 更深}]}\n"
        "  - id: s4\n"
        "    title: 四\n"
        "    paragraphs: [好]\n"
        "    metrics: [{id: m9, label: x, value: 1, unit: 个, quote: 坏}]\n"
    )
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:28:60: sections[4].metrics[0].quote: quote '坏' is not in "
        "this section's paragraphs (a quote must be an exact substring of one of them)"
    )


def test_position_of_a_key_named_like_a_number(tmp_path: Path) -> None:
    text = VALID.replace("  id: mini\n", "  id: mini\n  2024: 年份\n").replace(
        "title: 测试报告", "title: ''"
    )
    assert error_of(tmp_path, text) == (
        f"{tmp_path}/broken.yaml:5:10: report.title: must not be empty"
    )


# --- the pure-Python parser (no libyaml) gives the same positions ----------------------


@pytest.mark.parametrize(
    "old, new",
    [
        ("value: 八十七", "value: 八十七"),
        ("    title: 一\n", ""),
        ("{id: s0, title: 零}", "{id: s0}"),
    ],
)
def test_pure_python_parser_gives_the_same_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> None:
    import yaml

    from partybuild_tui.model import yaml_reader

    text = NESTED.replace("          - [not, a, mapping]\n", "").replace(old, new)
    with_libyaml = error_of(tmp_path, text)
    monkeypatch.setattr(yaml_reader, "_Loader", yaml.SafeLoader)
    assert error_of(tmp_path, text) == with_libyaml
