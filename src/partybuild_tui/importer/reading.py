"""Read an article's text: a regular file, size-capped, UTF-8 first and GB18030 after.

Chinese news pages saved from a browser or a CMS come in UTF-8 or in the GB
family (GB2312/GBK are subsets of GB18030). UTF-8 is tried strictly first: text
that decodes as UTF-8 is almost never meant as GB18030, while the reverse is
common. The file checks (no FIFOs, no devices, a size cap) are the loader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partybuild_tui.model.errors import ArticleError, ReportError
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.model.source import read_bytes

DEFAULT_MAX_ARTICLE_SIZE = 4 * 1024 * 1024  # 1.3 M hanzi: 60x a 政府工作报告; --max-size raises it

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# What any real article has at least one of: a line break or a punctuation mark. ASCII
# bytes after a UTF-16 mark decode to a run of hanzi without any, and are refused.
_TEXT_MARKS = re.compile("[\n\r\u3000-\u303f\uff01-\uff1f,.:;!?()\"'\u2014\u201c\u201d]")


@dataclass(frozen=True)
class Article:
    """The article's lines, stripped of surrounding blanks, and how it was decoded."""

    path: str
    lines: tuple[str, ...]
    encoding: str
    indents: tuple[int, ...] = ()
    """How many characters were stripped from the start of each line (for columns)."""


def decode_article(data: bytes, path: str = "<article>") -> tuple[str, str]:
    """``(text, encoding)``: a BOM's encoding, else UTF-8, else GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                text = None
            plausible = (
                encoding == "utf-8"
                or (text and _TEXT_MARKS.search(text))
                or (text and max(data[len(bom) :]) >= 0x80)
            )
            if text is not None and plausible:
                return text, encoding
            raise ArticleError(
                f"{path}: starts with a {encoding} mark but is not {encoding} text"
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path}: neither UTF-8 nor GB18030 (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save the article as UTF-8"
        ) from None


def split_lines(text: str) -> tuple[str, ...]:
    """Lines without their indentation (ASCII, full-width or no-break spaces).

    Characters that could act on a terminal are made inert the same way the
    loader does it, so a quote taken from a line is still a substring of the
    paragraph once the report is loaded.
    """
    # splitlines also breaks at \r, \x85, \u2028 and \u2029 (and \v, \f), as an editor does.
    return tuple(line.strip() for line in _raw_lines(text))


def _raw_lines(text: str) -> list[str]:
    return [sanitize_text(line) for line in _ZERO_WIDTH.sub("", text).splitlines()]


def read_article(path: str, max_size: int = DEFAULT_MAX_ARTICLE_SIZE) -> Article:
    """The article at ``path``; ``ArticleError`` (one line) when it cannot be read."""
    try:
        data = read_bytes(path, max_size, noun="article file")
    except ReportError as error:
        raise ArticleError(str(error)) from None
    if b"\0" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        at = data.index(b"\0")
        raise ArticleError(f"{path}: a NUL byte at offset {at}: not a text file")
    text, encoding = decode_article(data, path)
    if "\0" in text:
        raise ArticleError(f"{path}: a NUL character: not a text file")
    if not text.strip():
        raise ArticleError(f"{path}: the article is empty")
    raw = _raw_lines(text)
    lines = tuple(line.strip() for line in raw)
    indents = tuple(len(line) - len(line.lstrip()) for line in raw)
    return Article(path=path, lines=lines, encoding=encoding, indents=indents)
