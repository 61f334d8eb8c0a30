"""Numbers too long for the model, in a report's text, are names: never arithmetic.

The attack files are valid reports (``check`` accepts them) whose quotes hold a
run of 320+ 一, a 5,000-digit run (past CPython's int-string limit) or a
309-digit Arabic number (``inf`` as a float, and ``inf`` was "close" to every
value, so the highlight landed on the run instead of the figure).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.attacks import RUNS, attack_file

from partybuild_tui.cli import main
from partybuild_tui.model import Report, load_report
from partybuild_tui.model.figures import figure_spans, written_numbers
from partybuild_tui.model.numbers import close
from partybuild_tui.model.numerals import MAX_MAGNITUDE, chinese_to_int, to_decimal


@pytest.mark.parametrize("name", sorted(RUNS))
def test_the_attack_file_is_valid_and_its_figure_is_the_38(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = attack_file(tmp_path, RUNS[name])
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    report: Report = load_report(str(path))
    metric = report.metrics[0]
    paragraph = report.sections[0].paragraphs[0]
    [(start, end)] = figure_spans(metric)
    assert paragraph[start:end] == "38名"


@pytest.mark.parametrize("name", sorted(RUNS))
def test_a_run_beyond_the_model_is_not_a_number(name: str) -> None:
    numbers = written_numbers(RUNS[name] + "和38名", "名")
    assert [n.value for n in numbers] == [38]


def test_numbers_in_range_still_read() -> None:
    found = written_numbers("1.7万余名、二〇二五年、一百零五个、2/5、" + "9" * 18, "名")
    assert [n.value for n in found] == [17000, 2025, 105, 0.4, int("9" * 18)]
    assert chinese_to_int("一千万亿") == 10**15


@pytest.mark.parametrize(
    "text", ["一" * 21, "一" * 320, "一亿" * 3, "九" * 5000, "亿" * 40, "一" * 100_000]
)
def test_chinese_numerals_beyond_the_range_are_none(text: str) -> None:
    assert chinese_to_int(text) is None


@pytest.mark.parametrize("text", ["9" * 21, "9" * 309, "1e400", "2" + "0" * 18 + ".5", "NaN"])
def test_decimals_beyond_the_range_are_none(text: str) -> None:
    assert to_decimal(text) is None


def test_the_edges_of_the_range() -> None:
    assert to_decimal(str(MAX_MAGNITUDE)) == MAX_MAGNITUDE
    assert chinese_to_int("一百亿亿") == 10**18
    assert not close(float("inf"), 38)
