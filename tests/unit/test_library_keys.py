"""The keys that let reports be compared (region_code, kind, indicator, role,
target_period) and the indicator registry: loaded, and refused in one exact line."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.model import ReportError, load_report
from partybuild_tui.model.registry import (
    REGISTRY_SCHEMA,
    Indicator,
    is_registry_file,
    load_registry,
)
from partybuild_tui.model.schema import registry_schema

REPORT = """\
schema: partybuild-report/1
report:
  id: jc-2025
  title: 晋城市党建综述
  region: 晋城市
  region_code: "140500"
  period: "2025"
  kind: 党建综述
sections:
  - id: a
    title: 第一节
    paragraphs:
      - 开展学习38次,明年力争50次以上。
    metrics:
      - id: m1
        label: 学习
        value: 38
        unit: 次
        quote: 学习38次
        indicator: first-topic-study-sessions
      - id: m2
        label: 学习目标
        value: 50
        unit: 次
        qualifier: over
        quote: 50次以上
        indicator: first-topic-study-sessions
        role: target
        target_period: "2026"
"""


def load(tmp_path: Path, text: str, name: str = "r.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_report(path)


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ReportError) as caught:
        load(tmp_path, text, "broken.yaml")
    return str(caught.value)


def test_the_new_keys_are_loaded(tmp_path: Path) -> None:
    report = load(tmp_path, REPORT)
    assert report.meta.region_code == "140500"
    assert report.meta.kind == "党建综述"
    result, target = report.metrics
    assert (result.indicator, result.role, result.target_period) == (
        "first-topic-study-sessions",
        "result",
        None,
    )
    assert (target.role, target.target_period, target.qualifier) == ("target", "2026", "over")


def test_a_report_without_them_is_unchanged(tmp_path: Path) -> None:
    text = "\n".join(
        line
        for line in REPORT.splitlines()
        if not line.strip().startswith(("region_code", "kind", "indicator", "role", "target_"))
    )
    report = load(tmp_path, text)
    assert report.meta.region_code is None and report.meta.kind is None
    assert all(m.role == "result" and m.indicator is None for m in report.metrics)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'region_code: "140500"',
            'region_code: "14050"',
            "6:16: report.region_code: region code '14050' must be six digits, like 140500",
        ),
        (
            'region_code: "140500"',
            'region_code: "１４０５００"',
            "6:16: report.region_code: region code '１４０５００' must be six digits, like 140500",
        ),
        (
            'region_code: "140500"',
            "region_code: 140500",
            "6:16: report.region_code: region code '140500' must be quoted text, "
            'like region_code: "140500"',
        ),
        (
            "indicator: first-topic-study-sessions\n      - id: m2",
            "indicator: First_Topic\n      - id: m2",
            "20:20: sections[0].metrics[0].indicator: indicator 'First_Topic' must be "
            "lowercase ASCII letters, digits and hyphens (like first-topic-study-sessions)",
        ),
        (
            "role: target",
            "role: goal",
            "28:15: sections[0].metrics[1].role: unknown role 'goal'; use one of result, target",
        ),
        (
            '        target_period: "2026"\n',
            "",
            "21:9: sections[0].metrics[1].target_period: missing: a metric with role: target "
            'needs target_period (like target_period: "2026")',
        ),
        (
            "        role: target\n",
            "",
            "28:24: sections[0].metrics[1].target_period: target_period is only for a "
            "metric with role: target",
        ),
    ],
    ids=[
        "region-code-five-digits",
        "region-code-full-width",
        "region-code-unquoted",
        "indicator",
        "role",
        "target-without-period",
        "period-without-target",
    ],
)
def test_each_rule_is_one_line_with_a_position(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in REPORT
    assert error_of(tmp_path, REPORT.replace(old, new, 1)) == f"{tmp_path}/broken.yaml:{expected}"


# --- the registry -----------------------------------------------------------------------

REGISTRY = """\
# the indicators of this library
schema: partybuild-indicators/1
indicators:
  - id: first-topic-study-sessions
    label: 市委常委会“第一议题”学习
    unit: 次
    aliases: ["“第一议题”学习"]
  - id: party-members
    label: 党员人数
    unit: 名
"""


def test_the_registry_loads(tmp_path: Path) -> None:
    path = tmp_path / "indicators.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = load_registry(path)
    assert registry.get("first-topic-study-sessions") == Indicator(
        "first-topic-study-sessions", "市委常委会“第一议题”学习", "次", ("“第一议题”学习",)
    )
    assert registry.get("party-members").aliases == ()  # type: ignore[union-attr]
    assert registry.get("nothing") is None
    assert [i.id for i in registry.indicators] == ["first-topic-study-sessions", "party-members"]


def test_the_registry_is_told_from_reports_by_its_schema_line(tmp_path: Path) -> None:
    registry, report, json_registry, other = (
        tmp_path / "indicators.yaml",
        tmp_path / "r.yaml",
        tmp_path / "i.json",
        tmp_path / "x.yaml",
    )
    registry.write_text(REGISTRY, encoding="utf-8")
    report.write_text(REPORT, encoding="utf-8")
    json_registry.write_text(f'{{"schema": "{REGISTRY_SCHEMA}", "indicators": []}}')
    other.write_text("title: schema: partybuild-indicators/1\n")
    assert is_registry_file(registry) and is_registry_file(json_registry)
    assert not is_registry_file(report) and not is_registry_file(other)
    assert not is_registry_file(tmp_path / "missing.yaml") and not is_registry_file(tmp_path)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "id: party-members",
            "id: first-topic-study-sessions",
            "8:9: indicators[1].id: duplicate indicator id 'first-topic-study-sessions' "
            "(also at indicators[0].id)",
        ),
        (
            "id: party-members",
            "id: Party_Members",
            "8:9: indicators[1].id: indicator id 'Party_Members' must be lowercase ASCII "
            "letters, digits and hyphens (like first-topic-study-sessions)",
        ),
        ("    unit: 名\n", "", "8:5: indicators[1].unit: missing: expected the unit"),
        (
            "partybuild-indicators/1",
            "partybuild-indicators/2",
            "2:9: schema: unknown schema version 'partybuild-indicators/2'; this app reads "
            "partybuild-indicators/1 (a newer partybuild-tui may read it)",
        ),
        ("    unit: 次\n", "    unit: 次\n    unit: 次\n", "7:5: duplicate key 'unit'"),
    ],
    ids=["duplicate-id", "bad-id", "missing-unit", "schema-version", "duplicate-key"],
)
def test_registry_errors_are_one_line_with_a_position(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = tmp_path / "indicators.yaml"
    assert old in REGISTRY
    path.write_text(REGISTRY.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_registry(path)
    assert str(caught.value) == f"{path}:{expected}"


def test_the_registry_agrees_with_its_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(registry_schema())
    validator = jsonschema.Draft202012Validator(registry_schema())
    good = {"schema": REGISTRY_SCHEMA, "indicators": [{"id": "a-b", "label": "x", "unit": "次"}]}
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "indicators": [{"id": "A", "label": "x", "unit": "次"}]})
    assert not validator.is_valid({**good, "indicators": [{"id": "a", "label": "x"}]})
