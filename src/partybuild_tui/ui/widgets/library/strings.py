"""The library screen's interface strings in Chinese (keys are the English text)."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from partybuild_tui.ui.i18n import get_language, t

ZH: dict[str, str] = {
    "Mark": "标记",
    "Mark the report (c compares the marked ones)": "标记报告(c 比较已标记的报告)",
    "Compare": "比较",
    "Compare the marked reports (Space marks)": "比较已标记的报告(空格标记)",
    "Mark two or more reports with Space, then press c.": "请用空格标记两份或更多报告,再按 c。",
    "Title": "标题",
    "Region": "地区",
    "Period": "时期",
    "Kind": "类别",
    "Source": "来源",
    "Date": "日期",
    "Sections": "节",
    "Metrics": "数据",
    "Library": "报告库",
    "Open": "打开",
    "Sort": "排序",
    "Filter / search": "筛选/搜索",
    "Back": "返回",
    "Sort by this column (again: reverse, off)": "按此列排序(再按:倒序、取消)",
    "Filter the list as you type; Enter searches every report": "输入即筛选;回车搜索全部报告",
    "reports": "份报告",
    "failed": "份读取失败",
    "shown": "显示",
    "hits in": "处命中,分布于",
    "no hits": "没有结果",
    "building the search index…": "正在建立搜索索引…",
    "Filter: title, region, period, pinyin — Enter searches every report": (
        "筛选:标题、地区、时期、拼音 — 回车搜索全部报告"
    ),
    "Back to the library": "回到报告库",
    "Next hit (across reports)": "下一处(跨报告)",
    "Previous hit (across reports)": "上一处(跨报告)",
    "hit": "处",
    "could not be read": "无法读取",
    "Next column": "下一列",
    "Previous column": "上一列",
    "To the list": "到列表",
    "hits shown": "处已列出",
    "reports not checked": "份报告未核对",
}


def tr(key: str) -> str:
    return ZH.get(key, key) if get_language() == "zh" else key


def localize(node: DOMNode) -> None:
    """Translate ``node``'s own binding descriptions (``bindings.localize_bindings``, with
    this module's strings first)."""
    if get_language() == "en":
        return
    bindings = node._bindings.key_to_bindings  # the per-instance copy, as localize_bindings
    for key, key_bindings in bindings.items():
        bindings[key] = [
            replace(
                b,
                description=ZH.get(b.description) or t(b.description),
                tooltip=(ZH.get(b.tooltip) or t(b.tooltip)) if b.tooltip else "",
            )
            for b in key_bindings
        ]
