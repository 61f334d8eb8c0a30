"""Stable ASCII ids from Chinese titles and labels: pinyin slugs, made unique.

The same article always gives the same ids (deep links and bookmarks keep
working after a re-import). A section is named by the quoted term in its title
when it has one (…“五项工程” -> wu-xiang-gong-cheng), else by its first words
(精准引才,… -> jing-zhun-yin-cai); a metric by the last words of its label,
where the counted thing usually is (市委理论学习中心组学习 -> xin-zu-xue-xi).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

_QUOTED_TERM = re.compile(r"“([^“”]{2,12})”")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
SECTION_SYLLABLES = 4
METRIC_SYLLABLES = 4


def syllables(text: str) -> list[str]:
    """Pinyin syllables of ``text``; other letters and digits kept as lowercase words."""
    out: list[str] = []
    for token in lazy_pinyin(text):
        out.extend(part for part in _NOT_SLUG.split(token.lower()) if part)
    return out


@lru_cache(maxsize=4096)  # labels repeat; pinyin is the costly part
def slug(text: str, limit: int, *, from_end: bool = False) -> str:
    words = syllables(text)
    words = words[-limit:] if from_end else words[:limit]
    return "-".join(words)


def section_slug(title: str) -> str:
    term = _QUOTED_TERM.search(title)
    return slug(term.group(1) if term else title, SECTION_SYLLABLES)


def metric_slug(label: str, unit: str) -> str:
    han = "".join(_HAN.findall(label))
    return slug(han or label, METRIC_SYLLABLES, from_end=True) or slug(unit, 2) or "metric"


class Ids:
    """Hands out ids unique within one namespace: a second ``xue-xi`` becomes ``xue-xi-2``."""

    def __init__(self, fallback: str) -> None:
        self.used: set[str] = set()
        self.last: dict[str, int] = {}  # the last number given to a base: no rescans
        self.fallback = fallback

    def take(self, wanted: str) -> str:
        base = _NOT_SLUG.sub("-", wanted.lower()).strip("-") or self.fallback
        candidate, number = base, self.last.get(base, 1)
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.last[base] = number
        self.used.add(candidate)
        return candidate
