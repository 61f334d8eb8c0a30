"""Tag imported figures with a registry's indicators (``import --indicators indicators.yaml``).

A figure is *matched* — its ``indicator`` written — when its unit is the indicator's
and its label, normalised, is the indicator's label or one of its aliases:

1. as text, once folded (full-width forms), stripped of spaces, punctuation and
   quotation marks, and of the scope words the genre puts before a count
   (全市, 我县, 累计, 共 …): ``全市新发展党员`` = ``新发展党员``;
2. else by pinyin, which also joins traditional and simplified script and
   homophone typing slips (``黨員`` = ``党员``).

Anything less certain is only *suggested* (listed in the summary, never written):
the label contains a name or is contained in it, or the two are similar, with a
character similarity (``difflib`` ratio) of at least ``SUGGEST_AT`` = 0.7. Why 0.7:
two labels of the same figure reworded (``城镇新增就业`` / ``新增城镇就业``, 0.67–0.83)
mostly pass it, while labels of different figures that share a head word
(``发展党员`` / ``发展村党组织``, 0.6) do not; as suggestions are never written, a wrong
one costs a glance, not a wrong join.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Protocol

from pypinyin import lazy_pinyin

from partybuild_tui.importer.fold import fold

SUGGEST_AT = 0.7
_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()\[\]【】,.:;!?、·…—-]+")
_SCOPE = re.compile(
    r"^(?:全市|全县|全区|全省|全镇|我市|我县|我区|我省|市|县|区|累计|共计|共|总计|其中|新增)+"
)


class IndicatorLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...


def normalise(label: str) -> str:
    text = _NOISE.sub("", fold(label)).lower()
    return _SCOPE.sub("", text) or text


def _pinyin(text: str) -> str:
    return " ".join(lazy_pinyin(text))


@dataclass
class Tagging:
    """What tagging did: matched (written), suggested (not written), unmatched."""

    matched: list[str] = field(default_factory=list)
    suggested: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


class Tagger:
    def __init__(self, indicators: Sequence[IndicatorLike]) -> None:
        self.names: list[tuple[str, str, str, str]] = []  # (normalised, pinyin, unit, id)
        for indicator in indicators:
            for name in (indicator.label, *indicator.aliases):
                text = normalise(name)
                self.names.append((text, _pinyin(text), indicator.unit, indicator.id))
        self.by_text = {(text, unit): id_ for text, _, unit, id_ in self.names}
        self.by_pinyin = {(pinyin, unit): id_ for _, pinyin, unit, id_ in self.names}

    def match(self, label: str, unit: str) -> tuple[str | None, str | None]:
        """``(matched id, suggested id)``: at most one of them is set."""
        text = normalise(label)
        found = self.by_text.get((text, unit)) or self.by_pinyin.get((_pinyin(text), unit))
        if found:
            return found, None
        best, best_id = 0.0, None
        for name, _, name_unit, id_ in self.names:
            if name_unit != unit or not name:
                continue
            contained = name in text or text in name
            score = 1.0 if contained else SequenceMatcher(None, text, name).ratio()
            if score > best:
                best, best_id = score, id_
        return None, best_id if best >= SUGGEST_AT else None

    def tag(self, sections: list[dict[str, Any]]) -> Tagging:
        """Write ``indicator`` into the matched metrics of ``sections`` (the import's data)."""
        tagging = Tagging()
        stack = list(sections)
        while stack:
            section = stack.pop(0)
            for metric in section["metrics"]:
                what = f"{metric['label']} {metric['quote']}"
                matched, suggested = self.match(metric["label"], metric["unit"])
                if matched:
                    metric["indicator"] = matched
                    tagging.matched.append(f"{what} → {matched}")
                elif suggested:
                    tagging.suggested.append(f"{what} → {suggested}?")
                else:
                    tagging.unmatched.append(what)
            stack[:0] = section.get("children", [])
        return tagging
