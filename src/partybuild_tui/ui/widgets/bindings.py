"""Key bindings shown in the interface language.

Bindings are declared in English on each class; Textual copies them per
instance, so ``localize_bindings`` rewrites that instance's copy once the
language is known (descriptions and tooltips only, never keys).
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from partybuild_tui.ui.i18n import get_language, t


def localize_bindings(node: DOMNode) -> None:
    """Translate the descriptions of ``node``'s own bindings into the interface language."""
    if get_language() == "en":
        return
    bindings = node._bindings.key_to_bindings  # per-instance copy (see DOMNode.__init__)
    for key, key_bindings in bindings.items():
        bindings[key] = [
            replace(b, description=t(b.description), tooltip=t(b.tooltip) if b.tooltip else "")
            for b in key_bindings
        ]
