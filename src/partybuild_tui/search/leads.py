"""Choosing a pinyin scan's lead when every pair of neighbouring steps has codes that
fit both its steps (see ``codes``): such a pair may still lead, its shared codes
becoming ``BOTH`` and found by a second pass, when that costs less than the
look-arounds at every hit of the rarest single step.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

BOTH = 0x0E
"""In a translated string: fits both steps of a lead pair (see ``codes.PinyinPattern.compile``)."""
PASS_COST = 50
"""A scan's cost in lead hits: each hit tries the look-arounds (~25 ns), while a pass
over the code string costs ~0.5 ns a byte, a sampled byte standing for 31."""


def _around(klass: Callable[[int], bytes], step: int, steps: int) -> bytes:
    """Look-arounds at a ``BOTH`` byte taken as step ``step``: the steps before it
    behind, the steps after it ahead."""
    before = b"".join(klass(m) for m in range(step))
    after = b"".join(klass(m) for m in range(step + 1, steps))
    both_byte = re.escape(bytes([BOTH]))
    return (b"(?<=" + before + both_byte + b")" if before else b"") + (
        b"(?=" + after + b")" if after else b""
    )


def pair_with_both(
    fits: dict[int, frozenset[int]],
    frequency: Counter[int],
    sample: Counter[int],
    steps: int,
) -> tuple[int, float] | None:
    """The cheapest lead pair that codes fit both steps of, and its cost in sampled
    lead hits: its literal's hits, a second pass over the code string for ``BOTH``
    and that pass's hits (when every pair has such codes, as the code shared by the
    rarest hanzi fits every step)."""
    total = sum(sample.values())
    if steps < 2 or not total:
        return None
    best: tuple[int, float] | None = None
    for m in range(steps - 1):
        shared = sum(sample[c] for c, found in fits.items() if m in found and m + 1 in found)
        cost = frequency[m] * frequency[m + 1] / total + 2 * shared + total / PASS_COST
        if best is None or cost < best[1]:
            best = (m, cost)
    return best


def both_regex(klass: Callable[[int], bytes], anchor: int, steps: int) -> re.Pattern[bytes]:
    """``CodeScan.both`` for the lead pair at ``anchor``: ``BOTH`` taken as the lead's
    first step (group 1), its second (group 2 or 3), or either (groups 1 and 2)."""
    first, second = _around(klass, anchor, steps), _around(klass, anchor + 1, steps)
    both = re.escape(bytes([BOTH]))
    return re.compile(both + b"(?:" + first + b"()(?:" + second + b"())?|" + second + b"())")
