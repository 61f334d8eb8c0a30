"""Pinyin matching: a Latin term such as ``djyl``, ``dangjianyinling`` or ``dangjyl``
finds 党建引领, and the highlight lands on the hanzi.

A term matches a run of consecutive hanzi when it can be cut into pieces, one
per hanzi, each piece a non-empty prefix of one of that hanzi's readings (a
full syllable ``dang``, an initial ``d``, or anything between), using **the
fewest hanzi** the letters can spell: ``zhengzhi`` is two hanzi (政治, 整治),
``djyl`` and ``dangjyl`` four (党建引领), ``xian`` one (先, 县). An apostrophe
marks a syllable boundary, as in a pinyin input method: a part between
apostrophes spelled as one piece is a whole syllable, so ``xi'an`` is 西安 (not
信仰, where ``xi`` and ``an`` only begin the readings ``xin`` and ``ang``).
Every reading of a polyphone counts (pypinyin's heteronyms: 调 is both ``diao``
and ``tiao``), but a match that needs a rare reading ranks after one that does
not: pypinyin lists a hanzi's common reading first (干: ``gan`` before ``an``).
A match's *cost* says how far it is from what was typed: ``RARE`` for each hanzi
that only a later reading fits, plus one for each piece that is neither a whole
syllable nor an initial (``xian`` in 项 ``xiang``).

What letters spell does not depend on the report: the pieces are judged against
every syllable pypinyin knows (``SYLLABLES``), and a term's ``Spelling`` (the
automaton below, with what it learnt about each hanzi) is made once per process
and shared by every report's index, so a query across hundreds of reports
compiles it once. The scanning of one report's text is in ``codes``.
"""

from __future__ import annotations

import functools
import threading

RARE = 1000
"""The cost of a hanzi read by a rare reading: more than any number of partial pieces."""

_SYLLABLE_TEXT = (
    "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong "
    "bu ca cai can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong "
    "chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai "
    "dan dang dao de dei den deng di dia dian diao die din ding diu dong dou du duan dui dun "
    "duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei "
    "gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng "
    "hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing "
    "jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan "
    "kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin "
    "ling liu lo long lou lu luan lue lun luo lv lve m ma mai man mang mao me mei men meng mi "
    "mian miao mie min ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia "
    "nian niang niao nie nin ning niu nong nou nu nuan nue nun nuo nv nve o ou pa pai pan "
    "pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin "
    "qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run "
    "ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi "
    "shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai "
    "tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan "
    "wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue "
    "xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze "
    "zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai "
    "zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo "
)
SYLLABLES = frozenset(_SYLLABLE_TEXT.split())
"""Every toneless reading pypinyin gives (427, ``lv`` also as ``lu``); a unit test checks
it against pypinyin's dictionary."""
PREFIXES = frozenset(s[:i] for s in SYLLABLES for i in range(1, len(s) + 1))
"""The pieces a term can be cut into."""


def initial_of(reading: str) -> str:
    """The initial a reading starts with: ``zh``, ``ch``, ``sh`` or its first letter."""
    return reading[:2] if reading[:2] in ("zh", "ch", "sh") else reading[:1]


@functools.lru_cache(maxsize=32768)
def readings_of(char: str) -> tuple[str, ...]:
    """Toneless readings of a hanzi (``lv`` also as ``lu``), or ``()`` if not a hanzi.

    Cached: a library builds one index per report, over mostly the same hanzi.
    """
    # pypinyin takes ~160 ms to import (its phrase dictionary): only when an index is
    # built, in the background, never on the way to the first frame.
    from pypinyin import Style, pinyin
    from pypinyin.constants import PINYIN_DICT

    if ord(char) not in PINYIN_DICT:
        return ()
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings: list[str] = []
    for item in found[0] if found else ():
        reading = item.lower()
        if not reading.isascii() or not reading.isalpha():
            continue
        for variant in (reading, reading.replace("v", "u")):
            if variant not in readings:
                readings.append(variant)
    return tuple(readings)


_READINGS: dict[str, tuple[str, ...]] = {}


def known_readings(char: str) -> tuple[str, ...]:
    """``readings_of(char)``, remembered: the same for every report."""
    found = _READINGS.get(char)
    if found is None:
        found = _READINGS[char] = readings_of(char)
    return found


def primary_count(readings: tuple[str, ...]) -> int:
    """How many of the first ``readings`` are the common one (``lv`` and ``lu``: 2)."""
    return 1 + (readings[1:2] == (readings[0].replace("v", "u"),)) if readings else 1


class Spelling:
    """What a Latin term spells, whatever the report: a small automaton over its letters.

    State ``i`` means "the next hanzi starts at letter ``i``", and a hanzi moves it
    to any ``j`` such that ``letters[i:j]`` is a prefix of one of its readings.
    ``step_states[m]`` are the states the m-th hanzi of a fewest-hanzi match starts
    in. What it learns about each hanzi is kept for every report (``spelling``).
    """

    def __init__(self, spelled: str) -> None:
        letters = spelled.replace("'", "")
        self.spelled = spelled
        self.letters = letters
        self._memo: dict[tuple[int, str], dict[int, int]] = {}
        self.costs: dict[str, int] = {}
        """Text of ``hanzi`` characters → its least cost, or -1 where it spells no match."""
        n = len(letters)
        stops: set[int] = set()
        offset = 0
        for char in spelled:
            if char == "'":
                stops.add(offset)
            else:
                offset += 1
        self._limit = [min([b for b in stops if b > i] + [n]) for i in range(n)]
        self._whole = [-1] * n
        """Where the piece from ``i`` must end to be a whole syllable: the end of its part
        when ``i`` starts a part between apostrophes (``-1``: no such rule)."""
        if stops:
            for i in {0} | stops - {n}:
                self._whole[i] = self._limit[i]
        self._following = [
            tuple(
                j
                for j in range(i + 1, min(self._limit[i], i + 6) + 1)
                if letters[i:j] in (SYLLABLES if j == self._whole[i] else PREFIXES)
            )
            for i in range(n)
        ]
        self.hanzi = 0
        self.step_states: list[frozenset[int]] = []
        levels = [{0}] if n else [set()]
        while levels[-1] and n not in levels[-1] and len(levels) <= n:
            levels.append({j for i in levels[-1] for j in self._following[i]})
        self.possible = bool(levels[-1]) and n in levels[-1]
        if not self.possible:
            return
        self.hanzi = len(levels) - 1
        back = [{n}]
        for _ in range(self.hanzi):
            back.append({i for i in range(n) if any(j in back[-1] for j in self._following[i])})
        self.step_states = [frozenset(levels[m] & back[self.hanzi - m]) for m in range(self.hanzi)]

    def _next(self, i: int, char: str) -> dict[int, int]:
        """State → the least cost (``RARE`` for a rare reading, one for a partial piece)
        of moving there from state ``i`` by ``char``."""
        key = (i, char)
        found = self._memo.get(key)
        if found is None:
            letters = self.letters
            found = {}
            whole = self._whole[i]
            readings = known_readings(char)
            primary = primary_count(readings)
            for rank, reading in enumerate(readings):
                rare = RARE if rank >= primary else 0
                length = 0
                limit = min(len(reading), self._limit[i] - i)
                while length < limit and reading[length] == letters[i + length]:
                    length += 1
                for end in range(i + 1, i + length + 1):
                    piece = end - i
                    if end == whole and len(reading) != piece:
                        continue  # a whole part between apostrophes spells a whole reading
                    partial = 1 < piece < len(reading) and letters[i:end] != initial_of(reading)
                    cost = rare + partial
                    if found.get(end, cost + 1) > cost:
                        found[end] = cost
            self._memo[key] = found
        return found

    def verify(self, text: str, start: int) -> int:
        """The end of a match of the term at ``text[start:]``, or -1."""
        return self.match(text, start)[0]

    def match(self, text: str, start: int) -> tuple[int, int]:
        """(end, cost) of a match of the term at ``text[start:]`` (the cost: ``RARE`` for
        each hanzi only a rare reading fits, one for each partial piece), or (-1, 0)."""
        key = text[start : start + self.hanzi]
        cost = self.costs.get(key)
        if cost is None:
            cost = self.cost(key)
        return (-1, 0) if cost < 0 else (start + self.hanzi, cost)

    def cost(self, key: str) -> int:
        """The least cost of ``key`` (``self.hanzi`` characters) spelling the term, or -1;
        remembered in ``costs``, which the scans read directly (a call per candidate
        would cost more than the lookup)."""
        found = self.costs.get(key)
        if found is None:
            found = self._verify(key)
            if len(self.costs) < 100_000:
                self.costs[key] = found
        return found

    def _verify(self, text: str) -> int:
        """The least cost of ``text`` (``self.hanzi`` characters) spelling the term, or -1."""
        if not self.possible or len(text) < self.hanzi:
            return -1
        n = len(self.letters)
        states = {0: 0}
        for char in text:
            if not known_readings(char):
                return -1
            following: dict[int, int] = {}
            for i, rare in states.items():
                if i < n:
                    for j, more in self._next(i, char).items():
                        if j not in following or following[j] > rare + more:
                            following[j] = rare + more
            states = following
            if not states:
                return -1
        return states.get(n, -1)

    def find_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every (non-overlapping) match in ``text[start:end]``, checking each position."""
        end = len(text) if end is None else end
        spans: list[tuple[int, int]] = []
        position = start
        while self.possible and position + self.hanzi <= end:
            stop = self.verify(text, position)
            if stop > 0:
                spans.append((position, stop))
                position = stop
            else:
                position += 1
        return spans


_SPELLINGS: dict[str, Spelling] = {}
_LOCK = threading.Lock()


def spelling(spelled: str) -> Spelling:
    """The shared ``Spelling`` of a term (the last 64 terms are kept)."""
    with _LOCK:
        found = _SPELLINGS.pop(spelled, None)
        if found is None:
            found = Spelling(spelled)
        while len(_SPELLINGS) >= 64:
            _SPELLINGS.pop(next(iter(_SPELLINGS)))
        _SPELLINGS[spelled] = found  # most recently used last
    return found


def forget_spellings() -> None:
    """Forget every ``Spelling`` (for benchmarks of a query typed the first time)."""
    with _LOCK:
        _SPELLINGS.clear()
