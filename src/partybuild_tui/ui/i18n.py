"""Interface strings in Chinese and English; report text is never translated.

The language is chosen once at start-up (``--lang``, else the locale: ``zh_*``
→ zh, otherwise en) with ``set_language``; ``t(key)`` looks a string up. Keys are
the English strings themselves, so a missing translation still reads well.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")

_ZH: dict[str, str] = {
    # Key descriptions (footer, help screen)
    "Quit": "退出",
    "Help": "帮助",
    "Suspend (fg resumes)": "挂起（fg 恢复）",
    "Search": "搜索",
    "Sidebar": "目录",
    "Palette": "命令面板",
    # Textual's own words (ui/chrome.py)
    "palette": "命令面板",
    "Open the command palette": "打开命令面板",
    "Search for commands…": "搜索命令…",
    "Search for themes…": "搜索主题…",
    "Theme": "主题",
    "Change the current theme": "更换主题",
    "Quit the application as soon as possible": "立即退出程序",
    "Hide the keys and widget help panel": "隐藏按键帮助面板",
    "Show help for the focused widget and a summary of available keys": (
        "显示当前区域的帮助和可用按键"
    ),
    "Minimize": "还原",
    "Minimize the widget and restore to normal size": "把区域还原为正常大小",
    "Maximize": "最大化",
    "Maximize the focused widget": "最大化当前区域",
    "Screenshot": "截图",
    "Save an SVG 'screenshot' of the current screen": "把当前屏幕保存为 SVG 截图",
    "Screenshot saved": "截图已保存",
    "Could not save the screenshot": "无法保存截图",
    "Previous section": "上一节",
    "Next section": "下一节",
    "Prev": "上一节",
    "Next": "下一节",
    "Move": "移动",
    "Previous section in reading order": "按阅读顺序的上一节",
    "Next section in reading order": "按阅读顺序的下一节",
    "Show or hide the sidebar": "显示或隐藏目录",
    "Expand / open": "展开/打开",
    "Collapse / parent": "收起/上级",
    "First": "第一项",
    "Last": "最后一项",
    "Scroll down": "向下翻",
    "Scroll up": "向上翻",
    "Page down": "下一页",
    "Half a page down": "向下半页",
    "Open hit": "打开",
    "Half a page up": "向上半页",
    "Expand all": "全部展开",
    "Collapse all": "全部折叠",
    "Page up": "上一页",
    "Focus next": "下一区域",
    "Focus previous": "上一区域",
    "Close": "关闭",
    "Next hit": "下一处",
    "Previous hit": "上一处",
    "Filter tree": "筛选目录",
    "Clear search": "清除搜索",
    "Open": "打开",
    "Metrics": "数据表",
    "Compare": "比较",
    "Targets": "目标",
    "Rotate": "转置",
    "Accept": "接受",
    "This figure across the library (compare view)": "在整个报告库中比较这项数据",
    "This figure across the library": "在整个报告库中比较这项数据",
    "Targets against results, or back": "目标与完成情况,或返回",
    "Indicators as rows or as columns": "指标作行或作列",
    "Accept the suggested match": "接受建议的匹配",
    "Copy": "复制",
    "Export": "导出",
    "Back": "后退",
    "Forward": "前进",
    "Bookmark": "书签",
    "Bookmarks": "书签列表",
    # Screen text
    "Contents": "目录",
    "Metrics at a glance": "数据一览",
    "In this section": "本节内容",
    "Sections": "各部分",
    "… and {n} more sections in the tree": "……另有 {n} 个部分,见目录",
    "No metrics in this section.": "本节没有数据。",
    "No text in this section.": "本节没有正文。",
    "Label": "指标",
    "Value": "数值",
    "Qualifier": "限定",
    "Change": "变化",
    "Section": "部分",
    "Title": "标题",
    "Subtitle": "副标题",
    "Source": "来源",
    "Author": "记者",
    "Published": "发布时间",
    "Period": "时期",
    "Region": "地区",
    "Language": "语言",
    "Report": "报告",
    "sections": "个部分",
    "sub-topics": "个子题",
    "paragraphs": "段",
    "metrics": "项数据",
    # The space belongs to English only: ▲41 percentage points, ▲41个百分点.
    " percentage points": "个百分点",
    "over": "余/以上",
    "about": "近/约",
    "up to": "最高",
    "exact": "",
    "target": "目标",
    "Keys": "按键",
    "Search reports": "搜索报告",
    "No results": "无结果",
    "{total} results": "共 {total} 项",
    "Result {n} of {total}": "第 {n}/{total} 项",
    "/ lists them": "按 / 列出",
    "Figure": "数据",
    "Text": "段落",
    "Next result": "下一条结果",
    "Previous result": "上一条结果",
    "Show only sections with hits": "只显示有结果的部分",
    "No search: press / to search first.": "没有搜索:请先按 / 搜索。",
    "search: type text, pinyin or a number": "搜索:输入文字、拼音或数字",
    "Go to section": "转到部分",
    "Jump to a section by its title": "按标题转到部分",
    "The window is too small": "窗口太小",
    "Please enlarge the window to at least": "请把窗口放大到至少",
    "columns": "列",
    "rows": "行",
    "Press ? for help, q to quit": "按 ? 查看帮助,q 退出",
    "Keys in the tree": "目录中的按键",
    "Keys everywhere": "全局按键",
    "Keys in the text": "正文中的按键",
    "Keys in search": "搜索中的按键",
    "Key": "按键",
    "What it does": "作用",
    # Metrics view, export, copy, history and bookmarks (issue 7)
    "Metrics table": "数据表",
    "Keys in the metrics table": "数据表中的按键",
    "History, bookmarks, export": "历史、书签与导出",
    "Table of every metric (sort, filter, group)": "全部数据的表格(排序、筛选、分组)",
    "Export this section (or the report) to a file": "把本节(或整个报告)导出到文件",
    "Copy this section as Markdown (OSC 52)": "复制本节(Markdown,OSC 52)",
    "Bookmark this section (again: remove)": "给本节加书签(再按一次删除)",
    "Bookmark this section": "给本节加书签",
    "List bookmarks: Enter jumps, d deletes": "书签列表:回车跳转,d 删除",
    "Back to where you were": "回到之前的位置",
    "Forward again after going back": "后退之后再前进",
    "Down": "向下",
    "Up": "向上",
    "Next column": "下一列",
    "Previous column": "上一列",
    "Sort": "排序",
    "Sort by this column (again: reverse, off)": "按当前列排序(再按:反向、取消)",
    "Group": "分组",
    "Group: by unit → by section → none": "分组:按单位 → 按部分 → 不分组",
    "Open the metric's section, quote highlighted": "打开数据所在部分,并标出原文",
    "Filter": "筛选",
    "Back to the text (also H)": "回到正文(H 也可以)",
    "Export the rows shown to a file": "把表中显示的数据导出到文件",
    "Copy the current metric with its quote (OSC 52)": "复制当前数据及其原文(OSC 52)",
    "Hide column": "隐藏列",
    "Hide this column (+ shows it)": "隐藏当前列(按 + 恢复)",
    "Show columns": "显示全部列",
    "Show every hidden column": "重新显示所有隐藏的列",
    "Cell": "单元格",
    "Show the current cell in full": "完整显示当前单元格",
    "hidden": "已隐藏",
    "+ shows them": "按 + 恢复",
    "Delete": "删除",
    "Delete the bookmark under the cursor": "删除光标处的书签",
    "Unit": "单位",
    "Baseline→value": "基数→数值",
    "ascending": "升序",
    "descending": "降序",
    "sorted by": "排序:",
    "grouped by unit": "按单位分组",
    "within each unit (values of different units do not compare)": (
        "各单位内排序(不同单位的数值不可比)"
    ),
    "grouped by section": "按部分分组",
    "sum": "合计",
    "no sum": "不求和",
    "sums by unit": "按单位合计",
    "not added": "未相加",
    "percentages do not add up": "百分比相加没有意义",
    "ratios do not add up": "比例相加没有意义",
    "multiples do not add up": "倍数相加没有意义",
    "years do not add up": "年数相加没有意义",
    "per-person values do not add up": "人均、每人数据相加没有意义",
    "different things are not added": "不同事项不相加",
    "(no unit)": "(无单位)",
    "No metrics match the filter.": "没有符合筛选条件的数据。",
    "No metrics.": "本报告没有数据。",
    "filter: words, pinyin, >10000, 100..1000, unit:% — Enter: table": (
        "筛选:文字、拼音、>10000、100..1000、unit:% — 回车回到表格"
    ),
    "indexing the report for the filter…": "正在为筛选建立索引…",
    "No metrics to export.": "没有可导出的数据。",
    "the metrics shown": "表中显示的数据",
    "the whole report": "整个报告",
    "the whole report as Markdown": "整个报告(Markdown)",
    "Format": "格式",
    "File": "文件",
    "Relative to": "相对于目录",
    "UTF-8 with BOM (for Excel)": "UTF-8 带 BOM(供 Excel 打开)",
    "Cancel": "取消",
    "Overwrite": "覆盖",
    "already exists. Overwrite it?": "已存在。要覆盖吗?",
    "Could not write": "无法写入",
    "That is the report being read; choose another file.": (
        "这是正在阅读的报告文件,请换一个文件名。"
    ),
    "Exported to": "已导出到",
    "Copied": "已复制",
    "Not copied": "未复制",
    "Inside tmux with set-clipboard {setting} nothing reaches the clipboard. "
    "Add `set -g set-clipboard on` to ~/.tmux.conf and run "
    "`tmux source-file ~/.tmux.conf`; or export with e.": (
        "tmux 的 set-clipboard 为 {setting} 时,复制的内容到不了剪贴板。"
        "请在 ~/.tmux.conf 中加入 `set -g set-clipboard on` 并运行 "
        "`tmux source-file ~/.tmux.conf`;或按 e 导出。"
    ),
    "Copied to the clipboard": "已复制到剪贴板",
    "characters": "个字符",
    "too long to copy through the terminal": "太长,无法通过终端复制",
    "export it with e instead": "请按 e 导出",
    "Bookmarked": "已加书签",
    "Bookmark removed": "已删除书签",
    "Open a section to bookmark it.": "请先打开一个部分再加书签。",
    "No bookmarks yet: press b on a section to add one.": "还没有书签:在某个部分按 b 即可添加。",
    "jumps": "跳转",
    "deletes": "删除",
    "closes": "关闭",
    "Nothing to go back to.": "没有可后退的位置。",
    "Nothing to go forward to.": "没有可前进的位置。",
    # Habits from less, vim, ranger, visidata (E, search history, figures, cells)
    "Previous result; in an empty search bar: earlier searches": (
        "上一条结果;搜索栏为空时:以前的搜索"
    ),
    "Next result (after ↑: a later search)": "下一条结果(按 ↑ 之后:较新的搜索)",
    "Earlier searches": "以前的搜索",
    "This section": "仅本节",
    "Search only this section and its sub-topics (in:ID; again: everywhere)": (
        "只在本节及其子部分中搜索(in:ID;再按一次:全文)"
    ),
    "Open a section first: Ctrl+T limits the search to it.": (
        "请先打开一个部分:Ctrl+T 会把搜索限定在该部分。"
    ),
    "Next figure": "下一个数据",
    "Previous figure": "上一个数据",
    "Next figure of the text: marked, its metric shown below": (
        "正文中的下一个数据:标出,并在下方显示其指标"
    ),
    "Previous figure of the text": "正文中的上一个数据",
    "Figure {n} of {total}": "数据 {n}/{total}",
    "Quote: “{quote}”": "原文:“{quote}”",
    "No figures in this text.": "这段正文中没有数据。",
    "Past the last figure: back to the first": "已过最后一个数据,回到第一个",
    "Before the first figure: on to the last": "已到第一个数据之前,转到最后一个",
    "To the list": "到列表",
    "Edit the report": "编辑报告",
    "Open the report in $EDITOR at this section; read again on exit": (
        "在 $EDITOR 中打开报告并定位到本部分;退出编辑器后重新读取"
    ),
    "Open the report in $EDITOR at this metric; read again on exit": (
        "在 $EDITOR 中打开报告并定位到本指标;退出编辑器后重新读取"
    ),
    "This report has no file to edit.": "这份报告没有可编辑的文件。",
    "Report read again after editing.": "编辑后已重新读取报告。",
    "Last time you were reading {place}. Press H to go back there.": (
        "上次读到:{place}。按 H 回到那里。"
    ),
    "Copy (y) goes through the terminal (OSC 52), so it works over SSH. "
    "Inside tmux it needs `set -g set-clipboard on` in ~/.tmux.conf.": (
        "复制(y)通过终端完成(OSC 52),经 SSH 也能用。"
        "在 tmux 中需要在 ~/.tmux.conf 里设置 `set -g set-clipboard on`。"
    ),
    # The library screen (reports as rows; "column|…": a column title, see t())
    "column|Sections": "节",
    "column|Metrics": "数据",
    "Mark": "标记",
    "Mark the report (c compares the marked ones)": "标记报告(c 比较已标记的报告)",
    "Compare the marked reports (Space marks)": "比较已标记的报告(空格标记)",
    "Mark two or more reports with Space, then press c.": "请用空格标记两份或更多报告,再按 c。",
    "Kind": "类别",
    "Date": "日期",
    "Library": "报告库",
    "Filter / search": "筛选/搜索",
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
    "hits shown": "处已列出",
    "reports not checked": "份报告未核对",
}

_language = "en"


def language_from_locale(environ: dict[str, str] | None = None) -> str:
    """``zh`` when the locale (LC_ALL, LC_MESSAGES, LANG, LANGUAGE) is Chinese, else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(language: str | None) -> str:
    """Choose the interface language (``None``: from the locale); returns the choice."""
    global _language
    chosen = language or language_from_locale()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}; choose zh or en")
    _language = chosen
    return _language


def get_language() -> str:
    return _language


def t(key: str, context: str | None = None) -> str:
    """The interface string ``key`` in the current language.

    ``context`` tells apart one English word that Chinese says two ways (as gettext's
    ``pgettext``): ``t("Metrics")`` is the metrics table (数据表), ``t("Metrics",
    "column")`` a column of counts (数据); without an entry for the context, ``key``'s own.
    """
    if _language == "zh":
        if context is not None and f"{context}|{key}" in _ZH:
            return _ZH[f"{context}|{key}"]
        return _ZH.get(key, key)
    return key


_SINGULAR = {
    "metrics": "metric",
    "sections": "section",
    "sub-topics": "sub-topic",
    "paragraphs": "paragraph",
    "characters": "character",
}


def count(number: int, noun: str) -> str:
    """``108 metrics`` / ``108 项数据``: a number and its noun, one way everywhere."""
    if _language == "en" and number == 1:
        return f"1 {_SINGULAR.get(noun, noun)}"
    return f"{number} {t(noun)}"


def pick(english: str, chinese: str) -> str:
    """For text a service already wrote in both languages (what a query was understood
    as): the one for the interface. Everything else goes through ``t``."""
    return chinese if _language == "zh" else english
