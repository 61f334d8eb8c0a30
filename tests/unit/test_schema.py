"""The shipped JSON Schema (model/report.schema.json) and the loader's validator agree.

The bundled report and every fixture the loader accepts must validate against the
schema; and for a report that uses every field, removing a field, nulling it or
giving it a wrong value is accepted or refused by both alike, so the schema's
``required`` lists, enums and types are the validator's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

from partybuild_tui.model import QUALIFIERS, ReportError, bundled_report_path  # noqa: E402
from partybuild_tui.model.build import META_TEXT_FIELDS, Invalid, build_report  # noqa: E402
from partybuild_tui.model.schema import SCHEMA_FILE, report_schema  # noqa: E402
from partybuild_tui.model.source import read_text  # noqa: E402
from partybuild_tui.model.yaml_reader import PlainNumber, parse  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCHEMA = report_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def as_json(data: Any) -> Any:
    """The parsed YAML as JSON would hold it: an unquoted number becomes a number."""
    if isinstance(data, dict):
        return {key: as_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_json(item) for item in data]
    if isinstance(data, PlainNumber):
        return int(data) if re.fullmatch(r"[-+]?[0-9]+", data) else float(data)
    return data


# What JSON Schema cannot say (the schema's description lists them): the loader
# checks these across fields, so a failure of one of them says nothing about types.
CROSS_FIELD_RULES = (
    "is not in this section's paragraphs",
    "duplicate section id",
    "duplicate metric id",
)


def loader_accepts(data: Any) -> bool:
    """Whether the validator accepts ``data``, leaving aside the cross-field rules."""
    try:
        build_report(copy.deepcopy(data))
    except Invalid as problem:
        return any(rule in problem.message for rule in CROSS_FIELD_RULES)
    return True


def test_cross_field_rules_are_in_the_schema_description() -> None:
    description = SCHEMA["description"]
    assert "exact substring of one of its own section's paragraphs" in description
    assert "section ids are unique" in description and "metric ids" in description


def schema_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(as_json(data))


def parsed(path: Path) -> Any:
    return parse(str(path), read_text(str(path)))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_schema_ships_next_to_the_model() -> None:
    import partybuild_tui.model

    assert (Path(partybuild_tui.model.__file__).parent / SCHEMA_FILE).is_file()


def test_the_bundled_report_agrees_with_the_schema() -> None:
    errors = list(VALIDATOR.iter_errors(as_json(parsed(bundled_report_path()))))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


def loadable_fixtures() -> Iterator[Path]:
    for path in sorted(FIXTURES.rglob("*.yaml")):
        try:
            text = read_text(str(path))
            data = parse(str(path), text)
            build_report(data)
        except (ReportError, Invalid):
            continue
        yield path


FIXTURE_PATHS = list(loadable_fixtures())


def test_there_are_fixtures_to_check() -> None:
    assert len(FIXTURE_PATHS) >= 2


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_loadable_fixture_agrees_with_the_schema(path: Path) -> None:
    errors = list(VALIDATOR.iter_errors(as_json(parsed(path))))
    assert [f"{list(e.absolute_path)}: {e.message}" for e in errors] == []


# --- agreement, field by field ----------------------------------------------------------

FULL = """\
schema: partybuild-report/1
report:
  id: full
  title: 全
  subtitle: 副
  source: 报
  author: 人
  published: "2026-01-19T17:43:15+08:00"
  period: 2025
  region: 市
  language: zh-CN
  region_code: "140500"
  kind: 党建综述
not_metrics: [十二]
sections:
  - id: top
    title: 顶
    paragraphs: [学习38次,由46%提升到87%]
    metrics:
      - id: sessions
        label: 学习
        value: 38
        unit: 次
        qualifier: over
        quote: 学习38次
      - id: coverage
        label: 覆盖率
        value: 87
        unit: "%"
        qualifier: exact
        quote: 由46%提升到87%
        baseline: 46
        note: 提升
        indicator: coverage-rate
        role: target
        target_period: "2026"
    children:
      - id: child
        title: 子
        paragraphs: [段]
        metrics: []
        children: []
"""

# Where each kind of object sits in FULL, and its definition in the schema.
OBJECTS: dict[str, tuple[tuple[str | int, ...], dict[str, Any]]] = {
    "top": ((), SCHEMA),
    "report": (("report",), SCHEMA["$defs"]["meta"]),
    "section": (("sections", 0), SCHEMA["$defs"]["section"]),
    "metric": (("sections", 0, "metrics", 1), SCHEMA["$defs"]["metric"]),
}


def full() -> Any:
    return parse("full.yaml", FULL)


def at(data: Any, where: tuple[str | int, ...]) -> Any:
    for part in where:
        data = data[part]
    return data


def test_the_full_report_is_accepted_by_both() -> None:
    assert loader_accepts(full())
    assert schema_accepts(full())


@pytest.mark.parametrize("kind", OBJECTS)
def test_the_full_report_uses_every_field_the_schema_lists(kind: str) -> None:
    where, definition = OBJECTS[kind]
    assert set(at(full(), where)) == set(definition["properties"])


# A target's role and target_period go together: either alone is refused by both.
PAIRED = {"metric": {"role", "target_period"}}


@pytest.mark.parametrize("kind", OBJECTS)
def test_required_fields_agree(kind: str) -> None:
    where, definition = OBJECTS[kind]
    required = set(definition["required"]) | PAIRED.get(kind, set())
    required_by_loader = set()
    for key in definition["properties"]:
        data = full()
        del at(data, where)[key]
        if not loader_accepts(data):
            required_by_loader.add(key)
        assert schema_accepts(data) == (key not in required), key
    assert required_by_loader == required


WRONG_VALUES: dict[str, Any] = {
    "null": None,
    "mapping": {"a": "b"},
    "list of text": ["x"],
    "empty list": [],
    "empty text": "",
    "blank text": "   ",
    "plain number": PlainNumber("7"),
    "negative number": PlainNumber("-7"),
    "huge number": PlainNumber("1e19"),
    "yes": "yes",
    "word": "roughly",
    "slug": "a-b",
    "date": "2026-01-19",
    "date-time": "2026-01-19T17:43:15Z",
    "bad date-time": "2026-01-19T17:43:15+0800",
    "schema 2": "partybuild-report/2",
    "schema 1.5": "partybuild-report/1.5",
    "qualifier": "up_to",
    "role result": "result",
    "role target": "target",
    "region code": "140500",
    "region code, five digits": "14050",
    "indicator with capitals": "First-Topic",
}


@pytest.mark.parametrize("kind", OBJECTS)
@pytest.mark.parametrize("value_name", WRONG_VALUES)
def test_validator_and_schema_agree_on_each_value_of_each_field(kind: str, value_name: str) -> None:
    where, definition = OBJECTS[kind]
    disagreements = []
    for key in definition["properties"]:
        data = full()
        at(data, where)[key] = copy.deepcopy(WRONG_VALUES[value_name])
        by_loader, by_schema = loader_accepts(data), schema_accepts(data)
        if by_loader != by_schema:
            disagreements.append(f"{key}: loader {by_loader}, schema {by_schema}")
    assert disagreements == []


def test_qualifiers_are_the_same() -> None:
    enum = SCHEMA["$defs"]["metric"]["properties"]["qualifier"]["enum"]
    assert [q for q in enum if q is not None] == list(QUALIFIERS)


def test_metadata_text_fields_are_the_same() -> None:
    properties = SCHEMA["$defs"]["meta"]["properties"]
    assert set(META_TEXT_FIELDS) | {"id", "title", "published", "region_code"} == set(properties)


def test_unknown_keys_are_allowed_by_both() -> None:
    data = full()
    data["extra"] = "x"
    data["sections"][0]["metrics"][0]["extra"] = {"any": ["thing"]}
    assert loader_accepts(data) and schema_accepts(data)
