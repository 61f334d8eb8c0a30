"""Read a ``.json`` report as JSON: strict, with positions, numbers kept as written.

JSON is read by the standard library's parser (C), not as YAML: escapes such as
surrogate pairs (``\\ud842\\udfb7``, what ``json.dumps`` writes for 𠮷) mean what
JSON says. Numbers come back as ``PlainNumber`` (their text), so the validator
treats ``38`` and ``"38"`` as it does in YAML; ``true``/``false`` are the words;
duplicate keys, ``NaN`` and ``Infinity`` are refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from partybuild_tui.model.errors import ReportError, shown
from partybuild_tui.model.scalars import PlainNumber
from partybuild_tui.model.source import position_of

MAX_DEPTH = 64


class _Refused(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"duplicate key {shown(key)}")
        out[key] = "true" if value is True else "false" if value is False else value
    return out


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is not a number a report may hold")


def _depth_ok(data: Any) -> bool:
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if type(node) is dict:
            stack.extend((v, depth + 1) for v in node.values())
        elif type(node) is list:
            stack.extend((v, depth + 1) for v in node)
    return True


def parse_json(path: str, text: str) -> Any:
    """The JSON document in ``text`` as dicts, lists, strings, ``PlainNumber`` and ``None``."""
    if not text.strip():
        raise ReportError(
            path, "the file is empty: expected a report (schema:, report:, sections:)", 1, 1
        )
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_int=PlainNumber,
            parse_float=PlainNumber,
            parse_constant=_constant,
        )
    except json.JSONDecodeError as error:
        message = f"JSON syntax error: {error.msg}"
        raise ReportError(path, message, error.lineno, error.colno) from None
    except _Refused as error:
        raise ReportError(path, str(error), 1, 1) from None
    if not _depth_ok(data):
        raise ReportError(path, f"nesting deeper than {MAX_DEPTH} levels", 1, 1)
    if data is True or data is False:
        data = "true" if data else "false"
    return data


def locate_json(text: str, target: Sequence[str | int]) -> tuple[int | None, int | None]:
    """1-based (line, column) of the value at data path ``target`` in JSON ``text``.

    Found with a scanning decoder over the text (JSON has no marks to keep): it
    descends into the containers on the path only, so this costs one pass over
    the text at most, and only when there is an error to locate.
    """
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0)
    for part in target:
        if index >= len(text) or text[index] not in "{[":
            break
        found = _child(decoder, text, index, part)
        if found is None:
            break
        index = found
    return position_of(text, index)


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def _child(decoder: json.JSONDecoder, text: str, index: int, part: str | int) -> int | None:
    """The offset of member ``part`` of the object or array starting at ``index``."""
    is_object = text[index] == "{"
    position, count = _skip_space(text, index + 1), 0
    while position < len(text) and text[position] not in "}]":
        if is_object:
            key, position = decoder.raw_decode(text, position)
            position = _skip_space(text, position) + 1  # the colon
            position = _skip_space(text, position)
            if key == part:
                return position
        elif count == part:
            return position
        _, position = decoder.raw_decode(text, position)
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        count += 1
    return None
