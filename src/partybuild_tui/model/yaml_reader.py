"""Turn YAML text into plain Python data, strictly, from the parser's events.

Why events and not ``yaml.safe_load``: building from events lets us refuse
aliases before they expand (billion laughs, self-reference), refuse explicit
tags (``!!python/object``, ``!!timestamp abc``), refuse duplicate keys and
absurd nesting without recursion, and keep every scalar as the text the user
wrote. YAML 1.1 would turn ``title: no`` into ``False`` and ``ratio: 1:20``
into ``80``; here a plain scalar stays a string unless it is a plain decimal
number (kept as ``PlainNumber`` with its text) or a null.

Positions are not stored (they would double the memory of a large report):
``locate`` parses again to find the node at a data path when an error needs it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from .errors import ReportError

try:  # libyaml's parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Deepest nesting of YAML collections accepted (a report needs about 2 per level)."""

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class PlainNumber(str):
    """An unquoted scalar that reads as a decimal number; the string is the text as written."""

    __slots__ = ()


class _Malformed(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def _position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _scalar(event: ScalarEvent) -> Any:
    if event.style:  # quoted or block scalar: always text (plain is None or "")
        return event.value
    value = event.value
    if value in _NULLS:
        return None
    if _NUMBER.fullmatch(value):
        return PlainNumber(value)
    return value


def _events(text: str):
    loader = _Loader(text)
    try:
        while loader.check_event():
            yield loader.get_event()
    finally:
        loader.dispose()


def _char_at(text: str, mark: Any) -> str:
    index = getattr(mark, "index", None)
    return text[index] if index is not None and 0 <= index < len(text) else ""


def _yaml_error(path: str, text: str, error: yaml.YAMLError) -> ReportError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    if "\t" in problem or "'\\t'" in problem or _char_at(text, mark) == "\t":
        message = "tab character where YAML expects spaces (indent with spaces, not tabs)"
    else:
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    if mark is None and hasattr(error, "position"):  # ReaderError has a character index
        line, column = None, None
    else:
        line, column = _position(mark)
    return ReportError(path, " ".join(message.split()), line, column)


def _check_tag(event: Any) -> None:
    tag = getattr(event, "tag", None)
    if tag is None or tag in ("!", "tag:yaml.org,2002:str"):
        return
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    raise _Malformed(
        f"explicit tag {shown} is not allowed (write the value plainly, quote text)",
        event.start_mark,
    )


def parse(path: str, text: str) -> Any:
    """The single YAML document in ``text`` as dicts, lists, strings and ``None``."""
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # for mappings: pending key, or _NO_KEY
    root: Any = _NO_KEY
    documents = 0
    try:
        for event in _events(text):
            kind = type(event)
            if kind is ScalarEvent:
                _check_tag(event)
                if event.anchor is not None:
                    raise _Malformed(
                        "anchors (&name) are not allowed in a report", event.start_mark
                    )
                value = _scalar(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                _check_tag(event)
                if event.anchor is not None:
                    raise _Malformed(
                        "anchors (&name) are not allowed in a report", event.start_mark
                    )
                if len(stack) >= MAX_DEPTH:
                    raise _Malformed(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
                container: Any = {} if kind is MappingStartEvent else []
                _add(stack, keys, container, event)
                if not stack:
                    root = container
                stack.append(container)
                keys.append(_NO_KEY)
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                keys.pop()
                continue
            elif kind is AliasEvent:
                raise _Malformed(
                    f"alias *{event.anchor} is not allowed (anchors and aliases are refused)",
                    event.start_mark,
                )
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Malformed(
                        "several YAML documents in one file; a report is one document",
                        event.start_mark,
                    )
                continue
            elif kind is StreamEndEvent:
                break
            else:
                continue
            if not stack:
                root = value
            else:
                _add(stack, keys, value, event)
    except _Malformed as error:
        line, column = _position(error.mark)
        raise ReportError(path, error.message, line, column) from None
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from None
    except RecursionError:  # pragma: no cover - MAX_DEPTH keeps us far from it
        raise ReportError(path, "nesting too deep") from None
    if root is _NO_KEY:
        raise ReportError(
            path, "the file is empty: expected a report (schema:, report:, sections:)", 1, 1
        )
    return root


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()


def _add(stack: list[Any], keys: list[Any], value: Any, event: Any) -> None:
    """Put ``value`` into the innermost open container."""
    if not stack:
        return
    top = stack[-1]
    if type(top) is list:
        top.append(value)
        return
    key = keys[-1]
    if key is _NO_KEY:  # ``value`` is a key
        if isinstance(value, (dict, list)):
            raise _Malformed("a mapping key must be plain text", event.start_mark)
        key = "" if value is None else str(value)
        if key in top:
            raise _Malformed(f"duplicate key '{key}'", event.start_mark)
        keys[-1] = key
        return
    top[key] = value
    keys[-1] = _NO_KEY


def locate(text: str, target: Sequence[str | int]) -> tuple[int | None, int | None]:
    """1-based (line, column) of the node at ``target``, or of its deepest existing ancestor."""
    best: tuple[int | None, int | None] = (1, 1)
    target = tuple(target)
    path: list[Any] = []  # data path of the node the next event opens
    counters: list[Any] = []  # per open container: next index (list) or pending key (dict)
    kinds: list[type] = []
    try:
        for event in _events(text):
            kind = type(event)
            if kind in (ScalarEvent, MappingStartEvent, SequenceStartEvent, AliasEvent):
                if kinds and kinds[-1] is dict and counters[-1] is _NO_KEY:
                    # This event is a key: remember it; the value comes next.
                    counters[-1] = getattr(event, "value", "")
                    if kind is not ScalarEvent:
                        return best
                    if tuple(path + [counters[-1]]) == target[: len(path) + 1]:
                        best = _position(event.start_mark)
                    continue
                here = list(path)
                if kinds:
                    here.append(counters[-1])
                if tuple(here) == target[: len(here)]:
                    best = _position(event.start_mark)
                    if len(here) == len(target):
                        return best
                if kinds:
                    if kinds[-1] is list:
                        counters[-1] += 1
                    else:
                        counters[-1] = _NO_KEY
                if kind in (MappingStartEvent, SequenceStartEvent):
                    path = here
                    kinds.append(dict if kind is MappingStartEvent else list)
                    counters.append(_NO_KEY if kind is MappingStartEvent else 0)
            elif kind in (MappingEndEvent, SequenceEndEvent):
                kinds.pop()
                counters.pop()
                path = path[:-1] if kinds else path
    except yaml.YAMLError:
        pass
    return best
