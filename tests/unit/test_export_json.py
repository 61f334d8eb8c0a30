"""JSON export: the report in its own data model, read back to an equal report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partybuild_tui.export import (
    export_metrics,
    export_report,
    load_json_report,
    report_json,
    section_json,
)
from partybuild_tui.model import ReportError, bundled_report_path, load_report, load_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"
REPORTS = [pytest.param(FIXTURE, id="fixture"), pytest.param(bundled_report_path(), id="bundled")]


@pytest.fixture(scope="module")
def small():
    return load_report(FIXTURE)


@pytest.mark.parametrize("path", REPORTS)
def test_report_json_round_trips_to_an_equal_report(path: Path) -> None:
    report = load_report(path)
    text = report_json(report)
    again = load_json_report(text)
    assert again == report
    # equality of numbers alone would let 38 come back as 38.0: types survive too
    for before, after in zip(report.metrics, again.metrics, strict=True):
        assert type(after.value) is type(before.value)
        assert type(after.baseline) is type(before.baseline)


@pytest.mark.parametrize("path", REPORTS)
def test_report_json_has_the_data_model_keys(path: Path) -> None:
    report = load_report(path)
    data = json.loads(report_json(report))
    assert list(data)[:2] == ["schema", "report"]
    assert data["schema"] == report.schema
    assert data["report"]["id"] == report.meta.id
    assert data["report"]["title"] == report.meta.title
    assert [s["id"] for s in data["sections"]] == [s.id for s in report.sections]
    if report.sections:
        first = data["sections"][0]
        assert {"id", "title", "paragraphs", "metrics", "children"} <= set(first)


def test_json_round_trip_keeps_floats_notes_qualifiers_and_not_metrics(small) -> None:
    again = load_json_report(report_json(small))
    assert again.metric("rectification-rate").value == 99.3
    assert isinstance(again.metric("rectification-rate").value, float)
    assert again.metric("cases").note == "同比下降"
    assert again.metric("cases").change == -15
    assert again.metric("young-cadres").qualifier == "over"
    assert again.not_metrics == ("二十届",)
    assert again.section("warning-month").breadcrumb == small.section("warning-month").breadcrumb


def test_hostile_text_survives_json_exactly() -> None:
    text = (
        "schema: partybuild-report/1\nreport: {id: h, title: '\"引号\" \\\\ </script>'}\n"
        'sections:\n  - id: s\n    title: "a\\u2028b"\n'
        "    paragraphs: ['=1+1 | *x* \\\\n 㐀𠀀']\n"
        "    metrics: [{id: m, label: '\"q\"', value: 1e-05, unit: x, quote: '=1+1'}]\n"
    )
    report = load_text(text)
    assert load_json_report(report_json(report)) == report
    assert load_json_report(report_json(report)).metric("m").value == 1e-05


def test_section_json_is_a_report_of_that_section(small) -> None:
    section = small.section("discipline")
    sub = load_json_report(section_json(small, section))
    assert sub.meta == small.meta
    assert [s.id for s in sub.ordered] == [s.id for s in section.walk()]
    assert [m.id for m in sub.metrics] == [m.id for s in section.walk() for m in s.metrics]
    for exported in sub.ordered:
        original = small.section(exported.id)
        assert exported.title == original.title
        assert exported.paragraphs == original.paragraphs
        assert [(m.value, m.quote) for m in exported.metrics] == [
            (m.value, m.quote) for m in original.metrics
        ]


def test_section_json_without_descendants_has_no_children(small) -> None:
    data = json.loads(section_json(small, small.section("political"), descendants=False))
    (section,) = data["sections"]
    assert section["children"] == []
    assert [m["id"] for m in section["metrics"]] == ["first-topic-sessions", "young-cadres"]


def test_metrics_json_rows_match_the_model(small) -> None:
    rows = json.loads(export_metrics(small.metrics, "json"))
    assert [r["id"] for r in rows] == [m.id for m in small.metrics]
    for row in rows:
        metric = small.metric(row["id"])
        assert row["value"] == metric.value
        assert row["change"] == metric.change
        assert row["section_id"] == metric.section_id
        assert row["section_path"] == list(metric.breadcrumb)


def test_export_report_json_metrics_only_for_a_section_includes_sub_topics(small) -> None:
    rows = json.loads(export_report(small, "json", section="discipline", metrics_only=True))
    expected = [m.id for s in small.section("discipline").walk() for m in s.metrics]
    assert [r["id"] for r in rows] == expected
    shallow = json.loads(
        export_report(small, "json", section="discipline", metrics_only=True, descendants=False)
    )
    assert [r["id"] for r in shallow] == [m.id for m in small.section("discipline").metrics]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "not valid JSON"),
        ('{"schema": "partybuild-report/1", "report": {"title": "t"}, "x": NaN}', "not valid"),
        (
            '{"schema": "partybuild-report/1", "report": {"title": "t"}, "sections": '
            '[{"id": "s", "title": "t", "metrics": [{"id": "m", "label": "l", "value": "3", '
            '"unit": "u", "quote": "q"}]}]}',
            "sections[0].metrics[0].value: expected a number",
        ),
        (
            '{"schema": "partybuild-report/1", "report": {"title": true}}',
            "report.title: expected text or a number, got true",
        ),
    ],
)
def test_bad_json_raises_report_error_with_a_path(text: str, expected: str) -> None:
    with pytest.raises(ReportError) as caught:
        load_json_report(text, "x.json")
    assert expected in str(caught.value)
    assert str(caught.value).startswith("x.json: ")


def test_unknown_format_and_section_are_refused(small) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_report(small, "xml")
    with pytest.raises(KeyError):
        export_report(small, "json", section="no-such-section")


@pytest.mark.parametrize("path", REPORTS)
def test_json_export_also_opens_as_a_report_file(path: Path, tmp_path: Path) -> None:
    report = load_report(path)
    target = tmp_path / "report.json"
    target.write_text(report_json(report), encoding="utf-8")
    assert load_report(target) == report


def test_line_separators_are_escaped_so_the_yaml_reader_accepts_the_json() -> None:
    report = load_json_report(
        '{"schema": "partybuild-report/1", "report": {"id": "r", "title": "a\\u2028b\\u2029c"}}'
    )
    text = report_json(report)
    assert "\u2028" not in text and "\\u2028" in text
    assert load_text(text) == report
