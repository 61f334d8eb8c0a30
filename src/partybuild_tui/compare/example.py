"""The bundled example library: the bundled report beside invented example reports.

``partybuild-tui compare`` with no path, and ``c`` in the app on the bundled
report, compare within it. It is the bundled report (real, unchanged: its
figures join through ``indicator-links.tsv``, the same side file an accepted
suggestion writes) and four reports derived from it whose figures are invented:
each says so in its title (``示例 / example: …(虚构数据 invented figures)``), its
subtitle, its source and its kind (``示例 / example``), and a column of one is
headed ``… 示例``. Only the real report carries real numbers. The folder is
``data/example-library`` in a checkout, ``partybuild_tui/data/example-library``
in the wheel; it is read-only (accepting a suggestion there is refused).
"""

from __future__ import annotations

from pathlib import Path

from partybuild_tui.model import bundled_report_path

EXAMPLE_KIND = "示例 / example"
"""The ``kind`` of an invented example report; their columns are marked."""


def example_library_dir() -> Path:
    """The example library's folder (in the package, or ``data/`` in a source checkout)."""
    packaged = Path(__file__).resolve().parent.parent / "data" / "example-library"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "data" / "example-library"


def example_library_paths() -> list[Path]:
    """What to open as the example library: the bundled report, then the example folder."""
    return [bundled_report_path(), example_library_dir()]


def is_example_kind(kind: str | None) -> bool:
    return kind == EXAMPLE_KIND
