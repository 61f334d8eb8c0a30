"""Property-based tests: random and mutated YAML never gets anything but ReportError out.

Mutations of the bundled report and of the fixtures (bit flips, truncation,
inserted characters, re-indented, duplicated or deleted lines) and random
YAML-like text go through ``load_report`` / ``load_text``. Whatever happens, the
only exception is ``ReportError``, its message is one inert line that names the
file, each load takes well under a second, and what does load keeps the model's
promises (quotes found where they claim to be, no terminal-active character).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partybuild_tui.model import Report, ReportError, bundled_report_path, load_report, load_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BASES = {
    "bundled": bundled_report_path().read_bytes(),
    "small": (FIXTURES / "small_report.yaml").read_bytes(),
    "edge": (FIXTURES / "edge_report.yaml").read_bytes(),
}
ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
INTERESTING = [
    b"\t",
    b"\n",
    b"\r",
    b"\x00",
    b"\x1b",
    b"\xff",
    b"\xc2\x85",
    b"\xe2\x80\xa8",
    b"\xef\xbb\xbf",
    b"\xe4\xb8",
    b":",
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"!!str ",
    b"!x ",
    b"? ",
    b"|",
    b">",
    b"'",
    b'"',
    b"#",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"<<: ",
    b"~",
    b"null",
    b"yes",
    b"1e999",
    b"0x1F",
    b"1:20",
    b"9" * 30,
    b"\\e]52;c;eA==\\a",
    b"   ",
]
SETTINGS = settings(
    max_examples=400,
    deadline=None,  # the time bound is asserted per load below, not per example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
_folder = Path(tempfile.mkdtemp(prefix="partybuild-fuzz-"))


def check_report(report: Report) -> None:
    for metric in report.metrics:
        paragraph = report.section(metric.section_id).paragraphs[metric.paragraph_index]
        assert paragraph[metric.quote_start : metric.quote_end] == metric.quote
    texts = [report.title, *report.not_metrics]
    for section in report.ordered:
        texts += [section.title, *section.paragraphs]
    for metric in report.metrics:
        texts += [metric.label, metric.unit, metric.quote, metric.note or ""]
    assert not [t for t in texts if ACTIVE.search(t)]


def load_bytes(data: bytes) -> None:
    """Load ``data`` from a file; only ``ReportError`` may escape (how fast: bench/hostile_bench.py)."""
    path = _folder / "fuzzed.yaml"
    path.write_bytes(data)
    try:
        report = load_report(path)
    except ReportError as error:
        message = str(error)
        assert message.startswith(f"{path}:")
        assert "\n" not in message and not ACTIVE.search(message)
    else:
        check_report(report)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(BASES[draw(st.sampled_from(sorted(BASES)))])
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "indent", "lines", "delete"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[position:]
        elif kind == "insert":
            data[position:position] = draw(st.sampled_from(INTERESTING))
        elif kind == "delete":
            del data[position : position + draw(st.integers(1, 40))]
        else:
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "indent":
                delta = draw(st.integers(-4, 4))
                line = lines[index]
                lines[index] = line[-delta:] if delta < 0 else b" " * delta + line
            else:
                other = draw(st.integers(0, len(lines) - 1))
                lines.insert(other, lines[index])  # a line duplicated elsewhere
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@SETTINGS
@given(mutated())
def test_mutated_reports_fail_only_with_report_error(data: bytes) -> None:
    load_bytes(data)


@settings(SETTINGS, max_examples=200)
@given(st.binary(max_size=2000))
def test_random_bytes_fail_only_with_report_error(data: bytes) -> None:
    load_bytes(data)


YAML_PIECES = [
    "\n",
    " ",
    "  ",
    "\t",
    "- ",
    ": ",
    ":",
    "[",
    "]",
    "{",
    "}",
    ",",
    "? ",
    "&a ",
    "*a",
    "!!str ",
    "!!int ",
    "!t ",
    "'",
    '"',
    "|\n",
    ">-\n",
    "#c",
    "---\n",
    "...\n",
    "%TAG ! x\n",
    "schema",
    "partybuild-report/1",
    "report",
    "title",
    "sections",
    "children",
    "metrics",
    "paragraphs",
    "id",
    "a-b",
    "value",
    "unit",
    "quote",
    "qualifier",
    "over",
    "baseline",
    "1",
    "-0.5",
    "1e999",
    "no",
    "~",
    "null",
    "学习38次",
    "\\e",
    "\\ud800",
    "\\x9b",
    "\u202e",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=80).map("".join))
def test_random_yaml_like_text_fails_only_with_report_error(text: str) -> None:
    try:
        check_report(load_text(text, "random.yaml"))
    except ReportError as error:
        assert str(error).startswith("random.yaml")
        assert "\n" not in str(error) and not ACTIVE.search(str(error))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
def test_any_unicode_text_fails_only_with_report_error(text: str) -> None:
    try:
        load_text(text, "any.yaml")
    except ReportError as error:
        assert "\n" not in str(error) and not ACTIVE.search(str(error))


@pytest.mark.parametrize("name", sorted(BASES))
def test_the_unmutated_bases_load(name: str) -> None:
    path = _folder / f"{name}.yaml"
    path.write_bytes(BASES[name])
    check_report(load_report(path))


@settings(SETTINGS, max_examples=60)
@given(mutated())
def test_mutated_reports_with_the_pure_python_parser(data: bytes) -> None:
    import yaml

    from partybuild_tui.model import yaml_reader

    with mock.patch.object(yaml_reader, "_Loader", yaml.SafeLoader):
        load_bytes(data)
