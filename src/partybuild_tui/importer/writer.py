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
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

NEVER_FOLD = 1 << 30


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
