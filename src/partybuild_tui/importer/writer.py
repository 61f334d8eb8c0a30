"""Write report data as YAML the strict loader reads back unchanged.

``yaml.safe_dump`` quotes every string that YAML could read as something else
(``no``, ``2025``, ``2026-01-19T17:43:15+08:00``, ``12345``) and escapes what
needs escaping; numbers stay plain. Lines are never folded, so a paragraph is
one line and a diff of two imports reads paragraph by paragraph.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml's emitter is faster; the output is the same.
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

NEVER_FOLD = 1 << 30
# YAML line breaks beyond \n. Single-quoted or plain, they would be written raw (and
# read back as a break, which the loader refuses); double-quoted, they are escaped.
_OTHER_BREAKS = frozenset("\x85\u2028\u2029")


class _Dumper(_BaseDumper):
    pass


def _represent_str(dumper: _Dumper, text: str) -> yaml.Node:
    style = '"' if _OTHER_BREAKS.intersection(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump(data: dict[str, Any], comment: str = "") -> str:
    """The report as YAML text, after ``comment`` lines (each prefixed with ``# ``)."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=NEVER_FOLD,
        default_flow_style=False,
        indent=2,
    )
    head = "".join(f"# {line}\n".replace("# \n", "#\n") for line in comment.splitlines())
    return head + body
