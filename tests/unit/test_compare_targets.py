"""Targets against results on the compare test library: bound, completion and status exact."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.compare_library import comparison

from partybuild_tui.compare import is_met


@pytest.fixture(scope="module")
def targets():
    rows = comparison().targets
    return {(r.target.column.report_id, r.target.metric.id): r for r in rows}


@pytest.mark.parametrize(
    ("key", "bound", "result_report", "completion", "status"),
    [
        (("jc-2023", "study-goal"), "at_least", "jc-2024", 109.4, "met"),  # 35 / 32 = 109.375
        (("jc-2023", "satisfaction-goal"), "around", "jc-2024", 100.4, "met"),  # 97.4 vs 97 ±5 %
        (("jc-2024", "xuexi-mubiao"), "at_least", "jc-2025", 95, "not_met"),  # 38 < 40
        (("jc-2024", "dangyuan-mubiao"), "around", "jc-2025", 95, "met"),  # 104500: exactly -5 %
        (("jc-2025", "m4"), "around", None, None, "no_result"),  # 2026 not reported yet
        (("yc-2024", "e"), "at_most", "yc-2025", 100.7, "not_met"),  # 141 > 140
        (("yc-2024", "f"), "exactly", "yc-2025", 100, "met"),  # 12 = 12
        (("yc-2024", "g"), "at_least", "yc-2025", None, "unit_clash"),  # 名 against 万名
    ],
)
def test_each_target(targets, key, bound, result_report, completion, status):
    row = targets[key]
    assert row.bound == bound
    assert (row.result.column.report_id if row.result else None) == result_report
    assert row.completion == completion
    assert row.status == status


def test_every_target_is_listed_in_report_order(targets):
    assert list(targets) == [
        ("jc-2023", "study-goal"),
        ("jc-2023", "satisfaction-goal"),
        ("jc-2024", "xuexi-mubiao"),
        ("jc-2024", "dangyuan-mubiao"),
        ("yc-2024", "e"),
        ("yc-2024", "f"),
        ("yc-2024", "g"),
        ("jc-2025", "m4"),
    ]


def test_a_target_matches_only_its_own_region(targets):
    # 阳城县's 2025 study target (12) is met by 阳城县's 12, not 晋城市's 38.
    assert targets[("yc-2024", "f")].result.column.region == "阳城县"


@pytest.mark.parametrize(
    ("bound", "target", "result", "met"),
    [
        ("at_least", 40, 40, True),
        ("at_least", 40, 39.99, False),
        ("at_most", 140, 140, True),
        ("at_most", 140, 140.1, False),
        ("exactly", 0.3, 0.3, True),
        ("exactly", 12, 13, False),
        ("around", 1000, 950, True),
        ("around", 1000, 1050, True),
        ("around", 1000, 949.9, False),
        ("around", 5, 4.75, True),
        ("around", 5, 5.26, False),
        ("around", 0.1, 0.105, True),  # 0.1 * 1.05 is 0.10500000000000001 in floats
    ],
)
def test_bounds(bound, target, result, met):
    assert is_met(bound, target, result) is met


def test_the_about_tolerance_is_five_percent():
    from partybuild_tui.compare import ABOUT_TOLERANCE

    assert Decimal("0.05") == ABOUT_TOLERANCE
