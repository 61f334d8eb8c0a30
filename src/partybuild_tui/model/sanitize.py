"""Neutralise characters that could act on a terminal, before any widget sees them.

A report is user input and this app runs over SSH: an ESC in a title could set
the clipboard (OSC 52), rename the window (OSC 0) or draw a fake link (OSC 8);
bidi overrides can make text read differently from what it is. The loader
passes every string of a report through ``sanitize_text`` once, so the rest of
the app can treat report text as inert.

Each unsafe character is replaced by one visible placeholder, so the text keeps
its length (quotes stay exact substrings of their paragraphs) and the reader can
still see that something was there:

* C0 controls (except newline) and DEL become their Unicode "control pictures"
  (ESC -> ␛, NUL -> ␀), which also breaks every escape sequence, since a
  sequence needs its ESC (or C1 introducer) to act;
* C1 controls, bidi embeddings/overrides/isolates, the bidi marks (LRM U+200E,
  RLM U+200F, ALM U+061C), a U+FEFF inside text (a byte order mark is only
  legal as a file's first character, and the reader drops it there), tag
  characters (U+E0000–U+E007F, invisible text that can smuggle words past a
  reader) and lone surrogates become ``�``;
* a tab becomes a single space (the only change that is not a placeholder).
"""

from __future__ import annotations

import re

PLACEHOLDER = "\ufffd"

_UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f\x80-\x9f"  # C0 but newline, DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ufeff\U000e0000-\U000e007f"  # a byte order mark inside text, tag characters
    "\ud800-\udfff]"  # lone surrogates
)


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return PLACEHOLDER


def sanitize_text(text: str) -> str:
    """Return ``text`` with every terminal-active character made visible and inert."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_replacement, text)


def is_safe(text: str) -> bool:
    """True when ``sanitize_text`` would leave ``text`` unchanged."""
    return _UNSAFE.search(text) is None


def drop_unsafe(text: str) -> str:
    """``text`` without its terminal-active characters (a tab becomes a space): for what a
    user types to look for (a query), where the invisible ones are noise from a paste."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: " " if match.group() == "\t" else "", text)
