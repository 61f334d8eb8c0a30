"""Issue 18 on the loader: bounds that are errors (exit 2), JSON read as JSON, errors
located without a second parse, the report file hashed once per start, and a
state directory others can write to refused."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from partybuild_tui.cli import main
from partybuild_tui.model import ReportError, bundled_report_path, load_report
from partybuild_tui.model import yaml_reader as yaml_reader_module
from partybuild_tui.state import digest, locations
from partybuild_tui.state.cache import load_report as load_cached
from partybuild_tui.state.store import ReportSession, StateStore

BASE = {
    "schema": "partybuild-report/1",
    "report": {"id": "mini", "title": "测试"},
    "sections": [
        {
            "id": "a",
            "title": "一",
            "paragraphs": ["开展学习38次,见𠮷。"],
            "metrics": [
                {"id": "m1", "label": "学习", "value": 38, "unit": "次", "quote": "学习38次"}
            ],
        }
    ],
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_schema_version_of_5000_digits_is_bad_input(tmp_path, capsys):
    path = write(
        tmp_path, "r.yaml", f"schema: partybuild-report/{'9' * 5000}\nreport: {{title: x}}\n"
    )
    with pytest.raises(ReportError, match="unknown schema version"):
        load_report(path)
    assert main(["check", str(path)]) == 2
    assert "unknown schema version" in capsys.readouterr().err


@pytest.mark.parametrize(
    "value", ["1000000000000000001", "-1000000000000000001", "99999999999999999999"]
)
def test_integers_past_1e18_are_refused_like_floats(tmp_path, value):
    data = json.loads(json.dumps(BASE))
    data["sections"][0]["metrics"][0]["value"] = "VALUE"
    path = write(tmp_path, "r.yaml", json.dumps(data, ensure_ascii=False).replace('"VALUE"', value))
    with pytest.raises(ReportError) as caught:
        load_report(path)
    assert "sections[0].metrics[0].value: number out of range" in str(caught.value)


def test_1e18_itself_is_accepted(tmp_path):
    data = json.loads(json.dumps(BASE))
    data["sections"][0]["metrics"][0]["value"] = 10**18
    path = write(tmp_path, "r.json", json.dumps(data))
    assert load_report(path).metric("m1").value == 10**18


def test_json_with_surrogate_pair_escapes_is_read_as_json(tmp_path):
    path = write(tmp_path, "r.json", json.dumps(BASE))  # ensure_ascii: \ud842\udfb7 for 𠮷
    assert "\\ud842\\udfb7" in path.read_text()
    report = load_report(path)
    assert report.section("a").paragraphs == ("开展学习38次,见𠮷。",)
    assert report.metric("m1").value == 38 and type(report.metric("m1").value) is int


def test_json_errors_have_positions(tmp_path):
    data = json.loads(json.dumps(BASE))
    data["sections"][0]["metrics"][0]["value"] = "38"
    path = write(tmp_path, "r.json", json.dumps(data, indent=2, ensure_ascii=False))
    with pytest.raises(ReportError) as caught:
        load_report(path)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if '"value"' in text)
    column = path.read_text().splitlines()[line - 1].index('"38"') + 1
    assert str(caught.value) == (
        f"{path}:{line}:{column}: sections[0].metrics[0].value: expected a number, got '38' "
        "(numbers are written without quotes)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema": "partybuild-report/1", "schema": "x"}', ":1:1: duplicate key 'schema'"),
        ('{"schema": NaN}', ":1:1: NaN is not a number a report may hold"),
        ('{"schema": ', ":1:12: JSON syntax error: Expecting value"),
        ("[" * 100 + "]" * 100, ":1:1: nesting deeper than 64 levels"),
    ],
)
def test_bad_json_is_one_line(tmp_path, text, expected):
    path = write(tmp_path, "r.json", text)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    assert str(caught.value) == f"{path}{expected}"


def test_an_empty_path_is_not_the_bundled_report():
    with pytest.raises(ReportError) as caught:
        load_report("")
    assert str(caught.value) == "<empty path>: an empty path names no report file"


def test_an_error_is_located_without_a_second_parse(tmp_path, monkeypatch):
    text = bundled_report_path().read_text(encoding="utf-8")
    at = text.rfind("value: ")
    bad = text[:at] + "value: abc" + text[text.index("\n", at) :]
    path = write(tmp_path, "r.yaml", bad)
    made: list[int] = []
    real = yaml_reader_module._Loader

    def counting(stream):
        made.append(1)
        return real(stream)

    monkeypatch.setattr(yaml_reader_module, "_Loader", counting)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    assert made == [1]
    line = bad[:at].count("\n") + 1
    column = at - bad.rfind("\n", 0, at) - 1 + len("value: ") + 1
    assert str(caught.value).startswith(f"{path}:{line}:{column}: ")


def test_the_report_file_is_hashed_once_per_start(tmp_path, monkeypatch):
    path = tmp_path / "report.yaml"
    shutil.copyfile(bundled_report_path(), path)
    monkeypatch.setenv(locations.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv(locations.STATE_ENV, str(tmp_path / "state"))
    report = load_cached(path)
    hashed: list[str] = []
    real = digest.hashlib.sha256

    def counting(*args):
        hashed.append("x")
        return real(*args)

    monkeypatch.setattr(digest.hashlib, "sha256", counting)
    session = ReportSession.open(report.meta.id, path, report.section_ids())
    assert hashed == [] and session.key is not None
    assert session.key.content_hash == digest.content_hash(path.read_bytes())


def test_a_state_directory_others_can_write_turns_bookmarks_off(tmp_path):
    state = tmp_path / "state"
    state.mkdir(mode=0o700)
    os.chmod(state, 0o777)
    path = tmp_path / "report.yaml"
    shutil.copyfile(bundled_report_path(), path)
    session = ReportSession.open("r", path, ["a"], store=StateStore(state))
    assert len(session.warnings) == 1 and "writable by other users" in session.warnings[0]
    _, warnings = session.toggle_bookmark("a")
    assert warnings and "bookmarks are off" in warnings[0]
    assert not (state / "reports").exists()
