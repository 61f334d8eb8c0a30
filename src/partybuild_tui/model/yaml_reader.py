"""Turn YAML text into plain Python data, strictly, from the parser's events.

Why events and not ``yaml.safe_load``: building from events lets us refuse
aliases before they expand (billion laughs, self-reference), refuse explicit
tags (``!!python/object``, ``!!timestamp abc``), refuse duplicate keys and
absurd nesting without recursion, and keep every scalar as the text the user
wrote. YAML 1.1 would turn ``title: no`` into ``False`` and ``ratio: 1:20``
into ``80``; here a plain scalar stays a string unless it is a plain decimal
number (kept as ``PlainNumber`` with its text) or a null.

Positions are kept as one offset per node (``parse_with_marks``), not per
object: ``locate_in`` finds the node at a data path in them when the validator
refuses something, without parsing the file again.
"""

from __future__ import annotations

import re
from array import array
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

from partybuild_tui.model.errors import Malformed, ReportError, shown
from partybuild_tui.model.scalars import PlainNumber
from partybuild_tui.model.source import position_of

try:  # libyaml's parser is several times faster; fall back to pure Python.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
"""Deepest nesting of YAML collections accepted (a report needs about 2 per level)."""

_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _NoKey:
    __slots__ = ()


_NO_KEY: Any = _NoKey()
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})
_NUMBER_START = frozenset("0123456789+-.")


def _position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


def _refuse_tag_or_anchor(event: Any) -> None:
    """``Malformed`` for an anchor or any explicit tag other than ``!`` and ``!!str``."""
    if event.anchor is not None:
        raise Malformed(
            "anchors (&name) are not allowed in a report (aliases could explode or loop)",
            event.start_mark,
        )
    tag = event.tag
    if tag is None or tag in _STR_TAGS:
        return
    shown_tag = shown(tag.replace("tag:yaml.org,2002:", "!!")).strip("'\"")
    raise Malformed(
        f"explicit tag {shown_tag} is not allowed (write the value plainly, quote text)",
        event.start_mark,
    )


def _char_at(text: str, mark: Any) -> str:
    index = getattr(mark, "index", None)
    return text[index] if index is not None and 0 <= index < len(text) else ""


def _yaml_error(path: str, text: str, error: yaml.YAMLError) -> ReportError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    if "\t" in problem or "'\\t'" in problem or _char_at(text, mark) == "\t":
        message = "tab character where YAML expects spaces (indent with spaces, not tabs)"
    elif "maximum nesting depth" in problem:
        message = f"nesting far deeper than {MAX_DEPTH} levels"
    else:
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    line, column = _position(mark)
    return ReportError(path, " ".join(message.split()), line, column)


def _empty(path: str) -> ReportError:
    return ReportError(
        path, "the file is empty: expected a report (schema:, report:, sections:)", 1, 1
    )


def parse(path: str, text: str) -> Any:
    """The single YAML document in ``text`` as dicts, lists, strings and ``None``."""
    return parse_with_marks(path, text)[0]


def parse_with_marks(path: str, text: str) -> tuple[Any, array[int]]:
    """``parse``, plus where each node starts: ``locate_in`` finds an error's position there.

    ``marks`` holds the character offset of every node (scalar, mapping, sequence,
    keys included) in document order: 8 bytes a node, so an error found by the
    validator is located without parsing the file again.

    One flat loop over the parser's events (no recursion, so no depth can crash
    it); ``top`` is the innermost open container and ``key`` its pending key.
    """
    marks = array("q")
    mark = marks.append
    loader: Any = None
    root: Any = _NO_KEY
    top: Any = None
    top_is_list = False
    key: Any = _NO_KEY
    stack: list[tuple[Any, bool]] = []  # the enclosing containers of ``top``
    documents = 0
    try:
        loader = _Loader(text)  # the pure-Python reader checks characters here
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = event.__class__
            if kind is ScalarEvent:
                mark(event.start_mark.index)
                if event.anchor is not None or event.tag is not None:
                    _refuse_tag_or_anchor(event)
                value = event.value  # _scalar(event), inlined: this runs a million times
                if not event.style and event.tag is None:
                    if value in _NULLS:
                        value = None
                    elif value[0] in _NUMBER_START and _NUMBER.fullmatch(value):
                        value = PlainNumber(value)
                if top_is_list:
                    top.append(value)
                elif top is None:
                    root = value
                elif key is _NO_KEY:
                    key = "" if value is None else str(value)  # _key(value), inlined
                    if key in top:
                        raise Malformed(f"duplicate key {shown(key)}", event.start_mark)
                else:
                    top[key] = value
                    key = _NO_KEY
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                mark(event.start_mark.index)
                if event.anchor is not None or event.tag is not None:
                    _refuse_tag_or_anchor(event)
                container: Any = [] if kind is SequenceStartEvent else {}
                if top_is_list:
                    top.append(container)
                elif top is None:
                    root = container
                elif key is _NO_KEY:
                    raise Malformed("a mapping key must be plain text", event.start_mark)
                else:
                    top[key] = container
                    key = _NO_KEY
                if len(stack) >= MAX_DEPTH:
                    raise Malformed(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
                stack.append((top, top_is_list))
                top, top_is_list = container, kind is SequenceStartEvent
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                top, top_is_list = stack.pop()
                key = _NO_KEY
            elif kind is AliasEvent:
                raise Malformed(
                    f"alias *{shown(event.anchor).strip(chr(39))} is not allowed "
                    "(anchors and aliases are refused)",
                    event.start_mark,
                )
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Malformed(
                        "several YAML documents in one file; a report is one document",
                        event.start_mark,
                    )
            elif kind is StreamEndEvent or event is None:
                break
    except Malformed as error:
        line, column = _position(error.mark)
        raise ReportError(path, error.message, line, column) from None
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is _NO_KEY:
        raise _empty(path)
    return root, marks


def _size(node: Any) -> int:
    """How many marks ``node`` and everything in it take (a key is one mark)."""
    count, stack = 0, [node]
    while stack:
        item = stack.pop()
        count += 1
        if type(item) is dict:
            count += len(item)
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
    return count


def locate_in(
    data: Any, marks: Sequence[int], text: str, target: Sequence[str | int]
) -> tuple[int | None, int | None]:
    """1-based (line, column) of the node at data path ``target``, from ``parse_with_marks``.

    When that node does not exist (a missing key), the position of its deepest
    existing ancestor: for a missing ``title`` the start of the mapping that
    lacks it. Walks the parsed data, skipping whole subtrees: no second parse.
    """
    node, index = data, 0
    for part in target:
        if type(node) is dict:
            at = index + 1
            for key, value in node.items():
                if key == part:
                    node, index = value, at + 1
                    break
                at += 1 + _size(value)
            else:
                break
        elif type(node) is list and type(part) is int and 0 <= part < len(node):
            at = index + 1
            for item in node[:part]:
                at += _size(item)
            node, index = node[part], at
        else:
            break
    if not marks:
        return 1, 1
    return position_of(text, marks[min(index, len(marks) - 1)])
