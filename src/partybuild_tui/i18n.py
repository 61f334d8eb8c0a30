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
    "Search": "搜索",
    "Sidebar": "目录",
    "Palette": "命令",
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
    "Copy": "复制",
    "Export": "导出",
    "Back": "后退",
    "Forward": "前进",
    "Bookmark": "书签",
    "Bookmarks": "书签列表",
    # Screen text
    "Contents": "目录",
    "figures": "项数据",
    "Figures at a glance": "数据一览",
    "In this section": "本节内容",
    "Sections": "各部分",
    "No figures in this section.": "本节没有数据。",
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
    "percentage points": "个百分点",
    "over": "余/以上",
    "about": "近/约",
    "up_to": "最高",
    "exact": "",
    "Keys": "按键",
    "Search reports": "搜索报告",
    "No results": "无结果",
    "{total} results": "共 {total} 项",
    "Result {n} of {total}": "第 {n}/{total} 项",
    "Figure": "数据",
    "Text": "段落",
    "Next result": "下一条结果",
    "Previous result": "上一条结果",
    "Show only sections with hits": "只显示有结果的章节",
    "search: type text, pinyin or a number": "搜索:输入文字、拼音或数字",
    "Go to section": "转到章节",
    "Jump to a section by its title": "按标题转到章节",
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


def t(key: str) -> str:
    """The interface string ``key`` in the current language."""
    if _language == "zh":
        return _ZH.get(key, key)
    return key
