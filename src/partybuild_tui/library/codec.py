"""How the library cache turns a report into bytes and back, and signs them.

The state layer owns both: ``state.codec`` packs a report as plain msgpack data
and ``decode_report`` rebuilds it under the loader's rules (shapes, types, inert
text, ids, quotes), raising on anything else; ``state.cache.sign``/``verify`` are
an HMAC-SHA256 under this user's secret key. This module is the small interface
the library cache is written against. No Textual here.
"""

from __future__ import annotations

from partybuild_tui.model import Report
from partybuild_tui.state import cache, codec


def encode_report(report: Report) -> bytes:
    return codec.encode_report(report)


def decode_report(data: bytes) -> Report:
    """The report in ``data``; raises on anything malformed (the caller treats it as a miss)."""
    return codec.decode_report(data)


def sign(data: bytes) -> bytes:
    """This user's HMAC of ``data``; ``ValueError`` when there is no safe key (cache off)."""
    return cache.sign(data)


def verify(data: bytes, signature: bytes) -> bool:
    return cache.verify(data, signature)
