"""Find the figures in one paragraph: value, unit, qualifier, label and the words they stand in.

Each number is read with what clings to it — ``近`` / ``超过`` / ``最高`` before,
``万`` / ``余`` / a measure word / ``以上`` after — and becomes one ``Found``
whose span is exactly those characters. Numbers that only name something go to
``names`` (the report's ``not_metrics``; see ``names.py``), as do years used as
dates, hotlines (12345热线), ordinals (第3) and codes glued to Latin letters (5G).
A number with no measure word after it is left out and said in ``unsure``.

Chinese numerals are read more cautiously, since 一 and 两 are everywhere in
ordinary words (一线, 一体, 两新): a Chinese count needs a measure word, never
stands alone as 一, and a count of 年 needs 连续/经过/近 (连续四年, 近三年) —
unless it is one item of an enumeration of such counts
(一年帮整、两年有责; 开展一次…、组织一轮…、选树一批…).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from partybuild_tui.importer.figures import (
    _ARABIC_DIGIT,
    _BIG,
    _CHANGE,
    _CHINESE_FRACTION,
    _CHINESE_ITEM,
    _CHINESE_PERCENT,
    _CLAUSE_END,
    _COUNT,
    _DATE,
    _FRACTION,
    _JOINED,
    _NAME_AFTER,
    _NUMBER,
    _RANGE,
    _SEPARATOR,
    _TENTHS,
    _WORD,
    _WORD_END,
    MAX_CHINESE_RUN,
    MAX_ENUMERATION,
    MAX_PIECE,
    Findings,
    Found,
    _after_word,
    _context,
    _decimal,
    _fraction,
    _is_year,
    _plain,
    _value,
    pieces,
)
from partybuild_tui.importer.fold import fold
from partybuild_tui.importer.labels import Labeller
from partybuild_tui.importer.names import name_spans
from partybuild_tui.importer.units import (
    DURATION_BEFORE,
    PREFIXES,
    QUALIFIER_OF,
    SUFFIXES,
    normal_unit,
)
from partybuild_tui.model.numerals import (
    Number,
    chinese_to_int,
    fraction_value,
    normalise_digits,
    plain_number,
)


class _Scanner:
    """Reads one paragraph left to right; ``masked`` marks characters already explained."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = text = fold(original)  # matched folded; labels sliced from the original
        self.masked, names = name_spans(text)
        self.found = Findings(names=names)
        self.clause_marks: list[int] | None = None
        self.name_set = set(names)

    def overflow(self, start: int, end: int) -> None:
        self.found.overflow.append((start, end))
        self.take(start, end)

    def take(self, start: int, end: int) -> None:
        for index in range(start, end):
            self.masked[index] = True

    def name(self, text: str) -> None:
        if text not in self.name_set:
            self.name_set.add(text)
            self.found.names.append(text)

    def add(self, found: Found) -> None:
        self.found.metrics.append(found)
        self.take(found.start, found.end)

    def qualified(self, start: int, end: int, value: Decimal | Number, unit: str, **extra) -> None:
        """Add a figure at ``start:end``, widened to the qualifier word written before it."""
        word = _after_word(self.text, start, PREFIXES)
        extra.setdefault("qualifier", QUALIFIER_OF[word] if word else "exact")
        self.add(Found(start - len(word or ""), end, _plain(value), normal_unit(unit), **extra))

    def run(self) -> Findings:
        for match in _NUMBER.finditer(self.text):
            if not self.masked[match.start()]:
                self.number(match)
        metrics = sorted(self.found.metrics, key=lambda found: found.start)
        labeller = Labeller(self.original, [(found.start, found.end) for found in metrics])
        previous = ""
        for found in metrics:
            found.label = labeller.label(found) or previous or "数量"
            previous = found.label
        self.found.metrics = metrics
        if self.original != self.text:  # names as the article wrote them (２０２４年, not 2024年)
            self.found.names = [self.verbatim(name) for name in self.found.names]
        return self.found

    def verbatim(self, name: str) -> str:
        at = self.text.find(name)
        return self.original[at : at + len(name)] if at >= 0 else name

    def number(self, match: re.Match[str]) -> None:
        start = match.start()
        if len(match.group()) > MAX_CHINESE_RUN and not _ARABIC_DIGIT.match(match.group()):
            self.overflow(start, match.end())  # 400 一 in a row: no number of any kind
        elif _ARABIC_DIGIT.match(match.group()):
            shapes = (self.change, self.range, self.fraction, self.named, self.date)
            if not any(shape(match) for shape in shapes):
                self.count(match, arabic=True)
        elif not (self.chinese_special(start) or self.big(start)):
            self.count(match, arabic=False)

    # -- the shapes a figure takes -------------------------------------------------

    def change(self, match: re.Match[str]) -> bool:
        """由46%提升到87%: one metric, value 87, baseline 46."""
        start = match.start()
        if start == 0 or self.text[start - 1] not in "由从":
            return False
        change = _CHANGE.match(self.text, start - 1)
        if change is None:
            return False
        if bool(change["ad"]) != bool(change["bd"]):
            return False
        before: Decimal | Number | None
        after: Decimal | Number | None
        if change["ad"]:  # 由1/2提升到4/5
            before = _fraction(change["a"], change["ad"])
            after = _fraction(change["b"], change["bd"])
            unit: str | None = "比例"
        else:
            before = _decimal(change["a"], change["amult"])
            after = _decimal(change["b"], change["bmult"])
            unit = change["unit"] or change["au"]
        if before is None or after is None or unit is None:
            return False
        self.add(
            Found(change.start(), change.end(), _plain(after), normal_unit(unit),
                  baseline=_plain(before))
        )  # fmt: skip
        return True

    def range(self, match: re.Match[str]) -> bool:
        """2024—2028年 names a period; 3至5名 is a range: value 5, up_to, noted."""
        found = _RANGE.match(self.text, match.start())
        if found is None:
            return False
        if _is_year(found["a"]) and _is_year(found["b"]):
            self.name(found.group() if found["unit"] in (None, "年") else found.group()[:-1])
            self.take(found.start(), found.end())
            return True
        low, high = _decimal(found["a"], found["mult"]), _decimal(found["b"], found["mult"])
        if low is None or high is None or found["unit"] is None or high <= low:
            return False
        unit = normal_unit(found["unit"])
        self.qualified(
            found.start(), found.end(), high, unit, qualifier="up_to",
            note=f"范围 {found['a']}—{found['b']}{unit}",
            unsure=f"a range, read as up to its top: {found.group()}",
        )  # fmt: skip
        return True

    def fraction(self, match: re.Match[str]) -> bool:
        """近2/5的村: value 0.4, unit 比例, about."""
        found = _FRACTION.match(self.text, match.start())
        if found is None:
            return False
        value = _fraction(found["n"], found["d"])
        if value is None:
            return False
        self.qualified(found.start(), found.end(), value, "比例")
        return True

    def chinese_special(self, start: int) -> bool:
        """三分之二 (a fraction), 百分之九十 and 六成 (percentages) written in words."""
        percent = _CHINESE_PERCENT.match(self.text, start)
        tenths = _TENTHS.match(self.text, start)
        if percent or tenths:
            found = percent or tenths
            assert found is not None
            value = _value(found["n"])
            if value is None:
                return False
            extra = {"qualifier": SUFFIXES[found["post"]]} if found["post"] else {}
            if _after_word(self.text, start, PREFIXES):
                extra = {}
            unsure = f"Chinese numerals: {found.group()}"
            self.qualified(start, found.end(), value * (10 if tenths else 1), "%", unsure=unsure,
                           **extra)  # fmt: skip
            return True
        fraction = _CHINESE_FRACTION.match(self.text, start)
        if fraction:
            denominator, numerator = _value(fraction["d"]), _value(fraction["n"])
            share: Number | None = None
            if denominator is not None and numerator is not None:
                share = fraction_value(numerator, denominator)
            if share is None:
                return False
            self.qualified(start, fraction.end(), share, "比例",
                           unsure=f"Chinese numerals: {fraction.group()}")  # fmt: skip
            return True
        return False

    def big(self, start: int) -> bool:
        """三大重点: a count of 3 (个); the noun stays in the quote, as 大 is no measure word."""
        found = _BIG.match(self.text, start)
        if found is None or any(self.masked[found.start() : found.end()]):
            return False
        value = chinese_to_int(found["num"])
        assert value is not None
        self.qualified(start, found.end(), value, "个",
                       unsure=f"Chinese numerals, 大 read as 个: {found.group()}")  # fmt: skip
        return True

    def named(self, match: re.Match[str]) -> bool:
        """Numbers that name: 12345热线, 5G, 1+5 written without quotes, ordinals (第3)."""
        text, start, end = self.text, match.start(), match.end()
        joined = _JOINED.match(text, start)
        if joined:
            self.name(joined.group())
            self.take(start, joined.end())
            return True
        if text.startswith("第", start - 1):
            self.name(text[start - 1 : end])
            self.take(start, end)
            return True
        glued_before = start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()
        glued_after = end < len(text) and text[end].isascii() and text[end].isalpha()
        after = _NAME_AFTER.match(text, end)
        if glued_before or glued_after or after:
            left = start - len(_WORD_END.search(text, 0, start).group())  # type: ignore[union-attr]
            right = after.end() if after else _WORD.match(text, end).end()  # type: ignore[union-attr]
            self.name(text[left:right])
            self.take(start, right)
            return True
        return False

    def date(self, match: re.Match[str]) -> bool:
        """1月19日 and 2025年 (a year as a date) are not counts; 连续2025年 would be."""
        text, start = self.text, match.start()
        date = _DATE.match(text, start)
        if date:
            self.name(date.group())
            self.take(start, date.end())
            return True
        number = match.group()
        if not _is_year(number) or _after_word(text, start, DURATION_BEFORE):
            return False
        count = _COUNT.match(text, start)
        unit = count["unit"] if count else None
        if unit not in (None, "年"):
            return False
        year = number + ("年" if unit else "")
        context = text[max(0, start - 2) : start]
        self.name(year if unit else context + year)  # 回望2025: a bare year, named in context
        self.take(start, match.end() + len(unit or ""))
        return True

    def count(self, match: re.Match[str], *, arabic: bool) -> None:
        """A number with its measure word: 1.7万余名, 97%以上, 连续四年, 近三年."""
        text, start = self.text, match.start()
        count = _COUNT.match(text, start)
        assert count is not None
        if not arabic and text.startswith("第", start - 1) and count["unit"]:
            # 第三种形态: an ordinal names (as 第3 does); the count after it is the figure
            end = count.end()
            end += 2 if text.startswith("形态", end) else 0
            self.name(text[start - 1 : end])
            self.found.ordinals.append(text[start - 1 : end])
            self.take(start, end)
            return
        bounded = text.startswith(("及以下", "及以上"), count.end())
        if count["unit"] == "岁" and (count["post"] in ("以下", "以上", "以内") or bounded):
            # 40岁以下党员: an age bound in a category's name, not a count
            end = count.end() + (3 if text.startswith("及", count.end()) else 0)
            self.name(text[start:end])
            self.found.bounds.append(text[start:end])
            self.take(start, end)
            return
        if not arabic and not self.chinese_count_ok(count):
            return
        value = _decimal(count["num"], count["mult"])
        if value is None:
            if count["unit"]:  # digits before a measure word always read: too long or large
                self.overflow(start, count.end("num"))
                self.take(start, count.end())
            else:
                self.take(start, count.end())
            return
        unit = count["unit"]
        if unit is None:
            if arabic:
                digits = normalise_digits(count["num"])
                if digits.isdigit() and len(digits) >= 5:
                    self.name(count["num"])  # a long bare number is a code or a name
                else:
                    context = _context(text, start, count.end())
                    self.found.unsure.append(f"no measure word after {count['num']}: …{context}…")
                self.take(start, count.end())
            return
        unsure = None if arabic else f"Chinese numerals: {count.group()}"
        if (arabic and _SEPARATOR.search(count["num"])) or count["space"]:
            self.found.spaced.append(count.group())
        if unit == "年" and text.startswith("近", start - 1):
            # 近三年 is "the last three years", a period: exact, with 近 in the quote.
            quote = text[start - 1 : count.end()]
            note = f"{quote}: the last {plain_number(value)} years"
            self.add(
                Found(start - 1, count.end(), plain_number(value), unit, note=note, unsure=unsure)
            )
            return
        extra = {}
        if count["more"] or count["post"]:
            extra["qualifier"] = "over" if count["more"] else SUFFIXES.get(count["post"], "over")
        if _after_word(text, start, PREFIXES):
            extra.pop("qualifier", None)  # a word before wins: 近1000余人 is about
        self.qualified(start, count.end(), value, unit, unsure=unsure, **extra)

    def chinese_count_ok(self, count: re.Match[str]) -> bool:
        """Whether a count written in Chinese numerals is a figure (see the module doc)."""
        number, unit = count["num"], count["unit"]
        if unit is None or _value(number) is None:
            return False
        if number[0] in "百千万亿" and not count["more"]:
            return False  # 万家, 千方百计: words, not numbers
        if self.in_enumeration(count.start()):
            return True
        if number == "一":
            return False
        if unit == "年":
            return bool(
                _after_word(self.text, count.start(), (*DURATION_BEFORE, "近"))
                or self.text.startswith("来", count.end())
            )
        return True

    def in_enumeration(self, start: int) -> bool:
        """True inside a 、 list with at least two Chinese-numeral counts (一年帮整、两年有责)."""
        text = self.text
        if self.clause_marks is None:
            self.clause_marks = [m.start() for m in _CLAUSE_END.finditer(text)]
        at = bisect_left(self.clause_marks, start)
        left = self.clause_marks[at - 1] + 1 if at > 0 else 0
        right = self.clause_marks[at] if at < len(self.clause_marks) else len(text)
        if right - left > MAX_ENUMERATION:
            return False
        items = text[left:right].split("、")
        return len(items) >= 2 and sum(bool(_CHINESE_ITEM.search(item)) for item in items) >= 2


def find_metrics(paragraph: str) -> Findings:
    """The figures, number-names and doubts of one paragraph."""
    if len(paragraph) <= MAX_PIECE:
        return _Scanner(paragraph).run()
    found = Findings()
    names: dict[str, None] = {}
    for offset, piece in pieces(paragraph):
        part = _Scanner(piece).run()
        for metric in part.metrics:
            metric.start += offset
            metric.end += offset
        found.metrics.extend(part.metrics)
        names.update(dict.fromkeys(part.names))
        found.unsure.extend(part.unsure)
        found.spaced.extend(part.spaced)
        found.ordinals.extend(part.ordinals)
        found.bounds.extend(part.bounds)
        found.overflow.extend((start + offset, end + offset) for start, end in part.overflow)
    found.names = list(names)
    found.unsure.append(
        f"a paragraph of {len(paragraph)} characters was read in pieces of at most "
        f"{MAX_PIECE}: check the figures at the cuts"
    )
    return found
