"""Parsing a large report in two processes gives exactly what parsing it whole gives.

``parse_split`` may decline (``None``: the caller parses the file whole), but when
it answers, the data must be the same, value for value and type for type
(``PlainNumber`` included), and it must never answer for a file the whole parse
refuses.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from partybuild_tui.model import ReportError, bundled_report_path
from partybuild_tui.model import split_parse as split_module
from partybuild_tui.model.loader import load_text
from partybuild_tui.model.split_parse import parse_split
from partybuild_tui.model.yaml_reader import parse

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def split_small_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split_module, "MIN_SIZE", 0)


def _typed(value: Any) -> Any:
    """``value`` with the type of every scalar spelled out (1 and "1" differ here)."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


def _whole(text: str) -> Any:
    try:
        return _typed(parse("r.yaml", text))
    except ReportError:
        return ReportError


def _agrees(text: str) -> bool:
    """True if the split parse answered (else it declined, which is always allowed)."""
    split = parse_split("r.yaml", text)
    if split is None:
        return False
    assert _whole(text) == _typed(split)
    return True


@pytest.fixture(scope="module")
def generated(bench_generate) -> str:
    # 200 sections: top-level items start about 56 % and 92 % of the way in
    return bench_generate.generate_text(sections=200, metrics=2, seed=3)


@pytest.mark.parametrize("share", [0.0, 0.3, 0.46, 0.8])
def test_a_generated_report_splits_into_the_same_data(generated, monkeypatch, share):
    monkeypatch.setattr(split_module, "SHARE", share)
    assert _agrees(generated)


def test_the_bundled_report_splits_into_the_same_data():
    assert _agrees(bundled_report_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path",
    sorted((FIXTURES / "hostile").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml")),
    ids=lambda p: p.name,
)
def test_any_fixture_splits_the_same_or_not_at_all(path, monkeypatch):
    text = path.read_text(encoding="utf-8", errors="replace")
    for share in (0.3, 0.6):
        monkeypatch.setattr(split_module, "SHARE", share)
        _agrees(text)  # asserts whenever it answers; a refused file must get None


HEAD = "schema: partybuild-report/1\nreport:\n  title: T\n"


def _sections(*items: str, indent: str = "  ") -> str:
    return HEAD + "sections:\n" + "".join(indent + item for item in items)


@pytest.mark.parametrize(
    "text",
    [
        # a double-quoted title running over the line where the split falls
        _sections(
            '- id: a\n    title: "one\n', '- id: b\n    title: two"\n', "- id: c\n    title: c\n"
        ),
        # a flow mapping across it
        _sections("- {id: a, title:\n", "- id: b, title: x}\n", "- id: c\n    title: c\n"),
        # a block scalar, a plain scalar over two lines, comments between items
        _sections(
            "- id: a\n    title: |\n      one\n      two\n",
            "# a comment\n",
            "- id: b\n    title: plain\n      continued\n",
            "- id: c\n    title: c\n",
        ),
        # more keys after the list, and items at column 0
        _sections("- id: a\n  title: a\n", "- id: b\n  title: b\n", indent="")
        + "not_metrics:\n- '1'\n",
        _sections("- id: a\n    title: a\n", "- id: b\n    title: b\n") + "not_metrics: [x]\n...\n",
        # a duplicate key in the later half, an alias, a second document
        _sections("- id: a\n    title: a\n", "- id: b\n    id: b\n    title: b\n"),
        _sections("- &x {id: a}\n", "- *x\n", "- id: c\n"),
        _sections("- id: a\n", "- id: b\n") + "---\nsections: []\n",
        # a quote that the whole file never closes, but each part would
        _sections('- id: a\n    title: "foo\n', '- id: b\n    title: bar"\n', "- id: c\n")
        + 'x: "\nnot_metrics: []\n',
        # a "sections:" inside a quoted title, then the real one
        'schema: s\ntitle: "x\nsections:\n  - id: a\n  - id: b\n"\n' + _sections("- id: c\n"),
        # a directive: declined
        "%YAML 1.1\n---\n" + _sections("- id: a\n", "- id: b\n"),
    ],
)
@pytest.mark.parametrize("share", [0.5, 0.7, 0.9])
def test_awkward_files_split_the_same_or_not_at_all(text, share, monkeypatch):
    monkeypatch.setattr(split_module, "SHARE", share)
    _agrees(text)


def test_it_does_split_where_it_can(monkeypatch):
    monkeypatch.setattr(split_module, "SHARE", 0.5)
    text = _sections(*(f"- id: s{i}\n    title: t{i}\n" for i in range(20)))
    assert _agrees(text)


def test_a_child_that_fails_means_a_whole_parse(generated, monkeypatch):
    def broken(value: Any) -> Any:
        raise TypeError("no")

    monkeypatch.setattr(split_module, "_pack", broken)
    assert parse_split("r.yaml", generated) is None


def test_a_broken_large_file_gets_the_whole_parse_error(generated):
    broken = generated.replace("title:", "title: [", 1)
    with pytest.raises(ReportError) as split_error:
        load_text(broken, "big.yaml")
    split_module.MIN_SIZE = 1 << 60
    try:
        with pytest.raises(ReportError) as whole_error:
            load_text(broken, "big.yaml")
    finally:
        split_module.MIN_SIZE = 0
    assert str(split_error.value) == str(whole_error.value)
