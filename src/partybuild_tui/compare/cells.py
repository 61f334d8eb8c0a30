"""How a cell, a change and a target read as text: one place for the CLI, exports and the view."""

from __future__ import annotations

from partybuild_tui.compare.table import Change
from partybuild_tui.compare.targets import Bound, Status, TargetRow
from partybuild_tui.model.exact import format_number, format_signed
from partybuild_tui.model.report import Number

BOUND_WORDS: dict[Bound, tuple[str, str]] = {
    "at_least": ("at least", "不低于"),
    "around": ("around", "左右"),
    "at_most": ("at most", "不超过"),
    "exactly": ("exactly", "等于"),
}
STATUS_WORDS: dict[Status, tuple[str, str]] = {
    "met": ("met", "已完成"),
    "not_met": ("not met", "未完成"),
    "no_result": ("no result yet", "尚无结果"),
    "unit_clash": ("unit clash", "单位不同"),
}
UNIT_CLASH = "unit clash"


def change_text(change: Change | None) -> str:
    """``+3次 (+8.6%)``, ``+1.2 pp``, ``~+1000名``, ``unit clash``; empty without a change."""
    if change is None:
        return ""
    if change.unit_clash or change.absolute is None:
        return UNIT_CLASH
    mark = "~" if change.approximate else ""
    if change.points:
        return f"{mark}{format_signed(change.absolute)} pp"
    unit = "" if change.absolute == 0 else change.unit
    text = f"{mark}{format_signed(change.absolute)}{unit}"
    if change.relative is not None:
        text += f" ({format_signed(change.relative)}%)"
    return text


def percent_text(value: Number | None) -> str:
    return "" if value is None else f"{format_number(value)}%"


def bound_text(row: TargetRow, language: str = "en") -> str:
    english, chinese = BOUND_WORDS[row.bound]
    return chinese if language == "zh" else english


def status_text(row: TargetRow, language: str = "en") -> str:
    english, chinese = STATUS_WORDS[row.status]
    return chinese if language == "zh" else english


def target_text(row: TargetRow, language: str = "en") -> str:
    """``at least 40次``: the bound (the target's qualifier, read as a bound) and the value."""
    metric = row.target.metric
    return f"{bound_text(row, language)} {format_number(metric.value)}{metric.unit}"
