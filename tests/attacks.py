"""Attack files made on the fly: valid-looking reports built to crash, freeze or fool the app.

Shared by the unit tests and the app tests (which draw them in the real app).
"""

from __future__ import annotations

from pathlib import Path

# Numerals no report number can be: longer than 20 digits or beyond 1e18.
RUNS = {
    "chinese-320": "一" * 320,
    "chinese-5000": "一" * 5000,
    "chinese-units": "一千" * 200,
    "arabic-309": "9" * 309,
    "arabic-5000": "7" * 5000,
    "fraction": "1/" + "3" * 400,
    "wan": "9" * 19 + "万",
}


def attack_file(tmp_path: Path, run: str) -> Path:
    """A valid report whose one metric's quote starts with ``run`` then the figure 38名."""
    paragraph = f"编号{run},共有党员38名。"
    path = tmp_path / "attack.yaml"
    path.write_text(
        "schema: partybuild-report/1\n"
        "report: {title: 攻击}\n"
        "sections:\n"
        "  - id: a\n"
        "    title: 第一节\n"
        f"    paragraphs: ['{paragraph}']\n"
        "    metrics:\n"
        "      - {id: m, label: 党员, value: 38, unit: 名, "
        f"quote: '{run},共有党员38名'}}\n",
        encoding="utf-8",
    )
    return path


def broken_title_file(tmp_path: Path) -> Path:
    """A valid report whose titles hide a second line (and a parent title with backslashes)."""
    path = tmp_path / "titles.yaml"
    path.write_text(
        "schema: partybuild-report/1\n"
        'report: {title: "正常标题\\n隐藏的第二行"}\n'
        "sections:\n"
        '  - id: top\n    title: "C:\\\\dir\\\\[b]x"\n    paragraphs: [顶层。]\n'
        "    children:\n"
        '      - id: a\n        title: "第一节\\n藏起来的字"\n        paragraphs: [开展学习38次。]\n',
        encoding="utf-8",
    )
    return path
