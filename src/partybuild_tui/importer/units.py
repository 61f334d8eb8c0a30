"""The measure words a figure can carry, and the words that qualify it.

Units are the article's own counter words. 万/亿 are multipliers, not units:
5.7万元 is 57000 元 and 1.7万余名 is 17000 名 (the bundled report's rule).
"""

from __future__ import annotations

import re

# Longest first, so 批次 wins over 批 and 个百分点 over 个.
_UNIT_WORDS = """个百分点 平方公里 平方米 人次 件次 户次 批次 场次 架次 班次 课时 学时
个月 公里 千米 公顷 小时 次 名 个 人 件 场 项 家 所 期 元 年 条 轮 类 种 批 户
座 处 支 位 篇 部 份 本 套 台 辆 间 亩 吨 天 周 岁 倍 例 起 宗 门 张 册 幅 块 栋
节 堂 级 步 % ％"""
UNITS: tuple[str, ...] = tuple(sorted(_UNIT_WORDS.split(), key=len, reverse=True))
UNIT = "|".join(re.escape(unit) for unit in UNITS)

# Prefix words, longest first: 不超过 before 超过.
_PREFIX_WORDS = {
    "将近": "about",
    "接近": "about",
    "大约": "about",
    "近": "about",
    "约": "about",
    "超过": "over",
    "逾": "over",
    "突破": "over",
    "多于": "over",
    "最高": "up_to",
    "最多": "up_to",
    "不超过": "up_to",
    "不高于": "up_to",
    "不低于": "over",
    "不少于": "over",
    "至少": "over",
    "不足": "about",  # no "under" qualifier in the model: the nearest is about
    "不到": "about",
    "少于": "about",
}
PREFIXES: tuple[str, ...] = tuple(sorted(_PREFIX_WORDS, key=len, reverse=True))
QUALIFIER_OF: dict[str, str] = dict(_PREFIX_WORDS)
SUFFIXES = {"以上": "over", "左右": "about", "上下": "about", "以内": "up_to", "以下": "up_to"}
DURATION_BEFORE = ("连续", "经过", "历时", "累计", "持续")


def normal_unit(unit: str) -> str:
    return "%" if unit == "％" else unit
