"""How the library cache turns a report into bytes and back, and signs them.

The state layer owns the codec and the per-user HMAC secret
(``state.cache.encode_report``/``decode_report``/``sign``/``verify``); this module
is the small interface the library cache is written against, so the store never
depends on how a report is packed. No Textual here.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from partybuild_tui.model import Report

try:  # the state layer's codec and per-user HMAC key (helper ``model``'s state/cache.py)
    from partybuild_tui.state import cache as _state_cache
except ImportError:  # pragma: no cover - until that module lands on main
    _state_cache = None  # type: ignore[assignment]


def encode_report(report: Report) -> bytes:
    if _state_cache is not None:
        return _state_cache.encode_report(report)
    import msgpack

    from partybuild_tui.model import cache

    return msgpack.packb(cache.encode(report), use_bin_type=True)


def decode_report(data: bytes) -> Report:
    """The report in ``data``; raises on anything malformed (the caller treats it as a miss)."""
    if _state_cache is not None:
        return _state_cache.decode_report(data)
    import msgpack

    from partybuild_tui.model import cache

    payload: Any = msgpack.unpackb(data, raw=False, use_list=False)
    return cache.decode(payload)


def sign(data: bytes) -> bytes:
    if _state_cache is not None:
        return _state_cache.sign(data)
    return hashlib.sha256(data).digest()


def verify(data: bytes, signature: bytes) -> bool:
    if _state_cache is not None:
        return bool(_state_cache.verify(data, signature))
    return hmac.compare_digest(hashlib.sha256(data).digest(), signature)
