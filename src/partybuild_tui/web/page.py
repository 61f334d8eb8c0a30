"""The page the browser loads: our own template and a local copy of the terminal script.

textual-serve's template loads a web font from an outside host, which hangs the first
paint in offices without internet access. Ours loads nothing but this server's files,
and gives the terminal a font stack with the CJK fonts browsers already have.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

# Tried in order; the first is shipped with textual-serve (served locally below), the
# others are CJK monospace/sans fonts of Linux, macOS and Windows desktops.
FONT_STACK = (
    "'Roboto Mono', 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'Source Han Sans SC', "
    "'Sarasa Mono SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', monospace"
)
_BUNDLE_FONT = "'Roboto Mono', Monaco, 'Courier New', monospace"
_TERMINAL_OPENED = "this.terminal.open(e),"
TEMPLATES = Path(__file__).with_name("templates")


def textual_serve_static() -> Path:
    """textual-serve's static folder (scripts, CSS, the Roboto Mono files)."""
    return Path(str(files("textual_serve"))) / "static"


def terminal_script() -> str:
    """textual-serve's script with our font stack, and the terminal reachable for tests.

    ``window.partybuildTerminal`` lets a test read the terminal's text as drawn
    (the WebGL renderer leaves no text in the DOM).
    """
    script = (textual_serve_static() / "js" / "textual.js").read_text(encoding="utf-8")
    if _BUNDLE_FONT in script:
        script = script.replace(_BUNDLE_FONT, FONT_STACK, 1)  # inside a "…" string
    if _TERMINAL_OPENED in script:
        script = script.replace(
            _TERMINAL_OPENED, _TERMINAL_OPENED + "window.partybuildTerminal=this.terminal,", 1
        )
    return script


_OUTSIDE_URL = re.compile(r"https?://", re.IGNORECASE)


def outside_urls(text: str) -> list[str]:
    """Absolute URLs in a page or script (the page must have none that leave the server)."""
    return [text[m.start() : m.start() + 80] for m in _OUTSIDE_URL.finditer(text)]
