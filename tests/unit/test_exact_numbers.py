"""One text for a number everywhere (screen, exports, comparisons): exact, never an exponent."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from partybuild_tui.export.values import signed_change
from partybuild_tui.model import Metric
from partybuild_tui.model.exact import difference, format_number, format_signed
from partybuild_tui.model.numbers import format_change, format_value


def _metric(value: float, baseline: float | None = None, unit: str = "人") -> Metric:
    return Metric(
        id="m",
        label="m",
        value=value,
        unit=unit,
        qualifier="exact",
        quote="q",
        section_id="s",
        paragraph_index=0,
        quote_start=0,
        baseline=baseline,
    )


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_the_text_reads_back_as_the_same_number_and_never_in_exponent_form(value: float) -> None:
    text = format_number(value)
    assert "e" not in text.lower()
    assert float(text) == value


def test_more_than_ten_significant_digits_are_all_shown() -> None:
    # The screen rounded to ten significant digits: 1234567890.12 read 1234567890.
    assert format_number(1234567890.12) == "1234567890.12"
    assert format_value(1234567890.12) == "1234567890.12"
    assert format_number(0.00001) == "0.00001"
    assert format_number(1e20) == "100000000000000000000"
    assert format_number(Decimal("1.50")) == "1.5"


def test_a_change_is_the_exact_difference_of_what_was_written() -> None:
    # value - baseline in floats, rounded to ten places, gave 1.1100000143 here.
    metric = _metric(123456789.12, baseline=123456788.01)
    assert metric.change == 1.11
    assert format_change(_metric(87, baseline=46, unit="%")) == "46% → 87%"
    assert _metric(87, baseline=46).change == 41
    assert difference(98.1, 99.3) == 1.2


def test_signed_text_is_one_convention_for_exports_and_comparisons() -> None:
    assert format_signed(3) == "+3"
    assert format_signed(-1.5) == "-1.5"
    assert format_signed(0) == "±0"
    assert signed_change(41, "%") == "+41 pp"
    assert signed_change(41, "％") == "+41 pp"
    assert signed_change(-3, "名") == "-3名"
