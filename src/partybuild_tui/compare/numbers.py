"""Exact arithmetic for comparisons: changes, relative changes, completion rates.

A wrong number is the worst bug a comparison can have, so nothing here is done in
binary floating point: every value goes through ``Decimal(repr(value))`` (the
shortest digits that round-trip, so 99.3 is 99.3, not 99.299999…), differences are
exact, and ratios are rounded once, half away from zero, to ``RATIO_PLACES``
decimal places (0.1 %), as statistical tables print them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from partybuild_tui.model.exact import Number, exact, plain
from partybuild_tui.model.numbers import POINT_UNITS

RATIO_PLACES = Decimal("0.1")
"""Relative changes and completion rates are given to 0.1 %."""

_CONTEXT = Context(prec=40, rounding=ROUND_HALF_UP)
"""Enough digits that dividing two report values never rounds before the final quantize."""

NO_RELATIVE_UNITS = POINT_UNITS | {"‰", "比例", "倍"}
"""Units that are already ratios: a relative change of a ratio reads as nonsense."""


def ratio_percent(part: Number | Decimal, whole: Number | Decimal) -> Number | None:
    """``part / whole`` as a percentage to 0.1 (``None`` when ``whole`` is 0)."""
    base = exact(whole)
    if base == 0:
        return None
    share = _CONTEXT.divide(_CONTEXT.multiply(exact(part), 100), base)
    return plain(share.quantize(RATIO_PLACES, rounding=ROUND_HALF_UP, context=_CONTEXT))


def relative_change(old: Number, new: Number, unit: str) -> Number | None:
    """``(new - old) / old`` in % to 0.1, where that means something.

    ``None`` for ratio units (``%`` changes in points instead), for a base of 0 or
    below (a change from nothing, or across zero, has no meaningful percentage).
    """
    if unit in NO_RELATIVE_UNITS or exact(old) <= 0:
        return None
    return ratio_percent(exact(new) - exact(old), old)
