"""CSV export: parses with the csv module, one row per metric, safe in spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from partybuild_tui.export import CSV_COLUMNS, export_report, metrics_csv, neutralize_formula
from partybuild_tui.model import bundled_report_path, load_report, load_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small_report.yaml"
REPORTS = [pytest.param(FIXTURE, id="fixture"), pytest.param(bundled_report_path(), id="bundled")]


def parse(text: str) -> list[dict[str, str]]:
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("path", REPORTS)
def test_csv_has_one_row_per_metric_with_its_values(path: Path) -> None:
    report = load_report(path)
    rows = parse(export_report(report, "csv"))
    assert [r["metric_id"] for r in rows] == [m.id for m in report.metrics]
    for row in rows:
        metric = report.metric(row["metric_id"])
        assert float(row["value"]) == metric.value
        assert row["unit"].lstrip("'") == metric.unit
        assert row["section_id"] == metric.section_id
        assert row["section_path"].split(" › ")[-1] == " ".join(
            report.section(metric.section_id).title.split()
        )
        assert row["quote"].lstrip("'") == metric.quote
        if metric.baseline is None:
            assert row["baseline"] == row["change"] == ""
        else:
            assert float(row["baseline"]) == metric.baseline
            assert float(row["change"]) == metric.change


def test_csv_columns_and_crlf_line_ends() -> None:
    report = load_report(FIXTURE)
    text = export_report(report, "csv")
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    assert text.count("\r\n") == text.count("\n") == len(report.metrics) + 1
    assert set(parse(text)[0]) == set(CSV_COLUMNS)


def test_csv_nested_path_float_and_negative_change() -> None:
    report = load_report(FIXTURE)
    rows = {r["metric_id"]: r for r in parse(export_report(report, "csv"))}
    assert rows["cases"]["section_path"] == "凝心铸魂，把稳政治引领“方向盘” › 作风建设 › 警示教育月"
    assert rows["cases"]["change"] == "-15"  # a number, not a neutralised formula
    assert rows["cases"]["baseline"] == "40"
    assert rows["rectification-rate"]["value"] == "99.3"
    assert rows["young-cadres"]["qualifier"] == "over"
    assert rows["cases"]["note"] == "同比下降"


def test_section_csv_holds_the_section_and_its_sub_topics_only() -> None:
    report = load_report(FIXTURE)
    rows = parse(export_report(report, "csv", section="discipline"))
    expected = [m.id for s in report.section("discipline").walk() for m in s.metrics]
    assert [r["metric_id"] for r in rows] == expected
    shallow = parse(export_report(report, "csv", section="discipline", descendants=False))
    assert [r["metric_id"] for r in shallow] == ["rectification-rate", "institutions"]


def test_bom_only_when_asked() -> None:
    report = load_report(FIXTURE)
    plain = export_report(report, "csv")
    with_bom = export_report(report, "csv", bom=True)
    assert with_bom == "\ufeff" + plain
    assert not plain.startswith("\ufeff")
    assert with_bom.encode("utf-8").startswith(b"\xef\xbb\xbf")


HOSTILE = """\
schema: partybuild-report/1
report: {id: hostile, title: t}
sections:
  - id: s
    title: "=HYPERLINK(\\"http://evil\\",\\"x\\")"
    paragraphs: ['+1 cmd|calc, -2+3 and @SUM(A1) with "quotes", commas
      and a line']
    metrics:
      - {id: a, label: "=1+1", value: -3, unit: "@u", quote: "+1 cmd|calc"}
      - {id: b, label: "  -2+3", value: 2, unit: x, quote: "-2+3"}
      - {id: c, label: '"quoted", and, commas', value: 1, unit: x, quote: "@SUM(A1)"}
"""


def test_formulas_are_neutralised_and_quoting_survives() -> None:
    report = load_text(HOSTILE)
    rows = {r["metric_id"]: r for r in parse(export_report(report, "csv"))}
    assert rows["a"]["label"] == "'=1+1"
    assert rows["a"]["unit"] == "'@u"
    assert rows["a"]["quote"] == "'+1 cmd|calc"
    assert rows["a"]["value"] == "-3"  # numbers stay numbers
    assert rows["a"]["section_path"].startswith("'=HYPERLINK")
    assert rows["b"]["label"] == "'  -2+3"
    assert rows["b"]["quote"] == "'-2+3"
    assert rows["c"]["label"] == '"quoted", and, commas'
    assert rows["c"]["quote"] == "'@SUM(A1)"
    # no text cell anywhere starts (after spaces) with a formula character
    for row in rows.values():
        for column in ("section_path", "label", "unit", "quote", "note"):
            assert not row[column].lstrip().startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("=A1", "'=A1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), (" =x", "' =x"),
     ("\u3000=x", "'\u3000=x"), ("a=b", "a=b"), ("", ""), ("党建", "党建"),
     ("＝A1", "'＝A1"), ("＋1", "'＋1"), ("－1", "'－1"), ("＠x", "'＠x"), ("\u3000＝x", "'\u3000＝x"),
     ("﹦1", "'﹦1"), ("﹢1", "'﹢1"), ("﹣1", "'﹣1"), ("﹫x", "'﹫x"), ("ａ＝ｂ", "ａ＝ｂ")],
)  # fmt: skip
def test_neutralize_formula(cell: str, expected: str) -> None:
    assert neutralize_formula(cell) == expected


def test_empty_metric_list_is_just_the_header() -> None:
    assert metrics_csv([]) == ",".join(CSV_COLUMNS) + "\r\n"
