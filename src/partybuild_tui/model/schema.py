"""The JSON Schema of the report model, shipped next to this module.

``report.schema.json`` describes what ``build.py`` accepts, for people and for
other tools (editors, converters); the loader itself does not need it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "report.schema.json"


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) of a report, as shipped in the package."""
    return (resources.files(__package__) / SCHEMA_FILE).read_text(encoding="utf-8")


def report_schema() -> dict[str, Any]:
    """The JSON Schema of a report as a dictionary."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema


REGISTRY_SCHEMA_FILE = "indicators.schema.json"


def registry_schema() -> dict[str, Any]:
    """The JSON Schema of an indicator registry (``indicators.yaml``) as a dictionary."""
    text = (resources.files(__package__) / REGISTRY_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
