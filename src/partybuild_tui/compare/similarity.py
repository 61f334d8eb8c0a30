"""How alike two figure labels are: normalised text and pinyin, 0.0 to 1.0.

``similarity`` is the best of two ``difflib`` ratios: on the labels with case,
width, spaces and punctuation folded away (“第一议题”学习 = 第一议题学习), and on
their pinyin syllables (so 党圆 and 党员, a typo of the same sound, still match).
``SUGGEST_THRESHOLD`` is where a pair becomes a suggestion; see its note.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from partybuild_tui.importer.ids import syllables

SUGGEST_THRESHOLD = 0.85
"""Measured on the bundled report (133 figures, all different): the closest two
labels of the same unit score 0.83 (软弱涣散村党组织帮整期 against …整顿责任期,
and 市委理论学习中心组学习 against 县级党委理论学习中心组学习), so 0.85 suggests
none of them, while wording variants of one figure score above it (“第一议题”学习
inside 市委常委会“第一议题”学习: 0.93; 发展党员 / 新发展党员: 0.97; 党圆 / 党员,
the same sound: 1.0). Labels whose numbers differ (超过50万元 / 超过30万元) score 0.
``tests/unit/test_compare_suggest.py`` holds both sides of the line."""


_DIGITS = re.compile(r"\d+")
CONTAINED_MIN = 4
"""A label wholly inside another is a variant only from 4 characters on (党员 is in everything)."""


@lru_cache(maxsize=65536)
def normalise(label: str) -> str:
    """Width and case folded, letters and digits kept: ``“第一议题”学习`` -> ``第一议题学习``."""
    text = unicodedata.normalize("NFKC", label).casefold()
    return "".join(ch for ch in text if ch.isalnum())


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, ...]:
    return tuple(syllables(text))


def similarity(a: str, b: str) -> float:
    """How alike labels ``a`` and ``b`` are, 0.0 (nothing shared) to 1.0 (the same)."""
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return 0.0
    if left == right:
        return 1.0
    if _DIGITS.findall(left) != _DIGITS.findall(right):
        return 0.0  # 超过50万元的村 and 超过30万元的村 are different figures
    short, long_ = sorted((left, right), key=len)
    contained = 0.0
    if len(short) >= CONTAINED_MIN and short in long_:
        contained = 0.85 + 0.15 * len(short) / len(long_)
    text = SequenceMatcher(None, left, right, autojunk=False).ratio()
    sound = SequenceMatcher(None, _pinyin(left), _pinyin(right), autojunk=False).ratio()
    return max(text, sound, contained)
