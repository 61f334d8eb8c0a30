"""How long ``partybuild-tui import`` takes as the article grows: size -> seconds.

Three shapes of article, each at growing sizes:

* ``prose``    — the bundled article's body repeated (real sentences, headings, figures);
* ``repeated`` — ``1个`` over and over, lines of 3,000 characters (every figure's words
  repeat: the shape that made quote assembly cubic);
* ``numbered`` — short numbered lines ``N. 完成1个`` (many paragraphs, many figures);
* ``spaces``   — header-like lines of spaces (the shape that made the header regexes
  backtrack).

For each: CPU seconds for the import proper (read, header, body, figures, quotes, ids),
for writing the YAML, and for the loader's check of what was written (``import`` loads
what it writes before writing it). Run::

    .venv/bin/python bench/import_bench.py [--sizes 256K,1M,4M] [--shapes prose,repeated]

CPU time, not wall time: the figure to read is how time grows with size (linear:
4x the size, about 4x the time), which a loaded machine does not change.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from partybuild_tui.importer import dump, import_article  # noqa: E402
from partybuild_tui.importer.reading import DEFAULT_MAX_ARTICLE_SIZE  # noqa: E402
from partybuild_tui.model import load_text  # noqa: E402

ARTICLE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"


def prose(size: int) -> str:
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    body = "\n".join(lines[7:])  # after the header
    body = body.split("相关内容")[0]
    out = ["某市党建工作综述汇编", "2026-01-19 17:43:15", "来源:测试日报", "本报记者 张三", ""]
    total = 0
    while total < size:
        out.append(body)
        total += len(body.encode())
    return "\n".join(out)


def repeated(size: int) -> str:
    line = "1个" * 1500
    return "标题\n" + "\n".join(line for _ in range(max(1, size // len(line.encode()))))


def numbered(size: int) -> str:
    out, total, index = ["标题"], 0, 0
    while total < size:
        line = f"{index}. 完成1个"
        out.append(line)
        total += len(line.encode()) + 1
        index += 1
    return "\n".join(out)


def spaces(size: int) -> str:
    line = "作者:" + " " * 2000 + "x"
    return "标题\n" + "\n".join(line for _ in range(max(1, size // len(line))))


SHAPES: dict[str, Callable[[int], str]] = {
    "prose": prose,
    "repeated": repeated,
    "numbered": numbered,
    "spaces": spaces,
}


def parse_size(text: str) -> int:
    units = {"K": 1024, "M": 1024 * 1024}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def cpu(function: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="256K,1M,4M")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--no-load", action="store_true", help="skip the loader's check")
    args = parser.parse_args()
    sizes = [parse_size(size) for size in args.sizes.split(",")]
    print(f"article cap: {DEFAULT_MAX_ARTICLE_SIZE // (1024 * 1024)} MiB")
    print("| shape | size | metrics | import s | write s | load check s | total s | µs/KB |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for shape in args.shapes.split(","):
            for size in sizes:
                path = Path(folder) / f"{shape}-{size}.txt"
                path.write_text(SHAPES[shape](size), encoding="utf-8")
                real = path.stat().st_size
                t_import, (_, result) = cpu(lambda path=path: import_article(str(path), 64 << 20))
                t_write, text = cpu(lambda result=result: dump(result.data))
                t_load = 0.0
                if not args.no_load:
                    t_load, _ = cpu(lambda text=text: load_text(text, "bench.yaml"))
                total = t_import + t_write + t_load
                print(
                    f"| {shape} | {real / 1024:.0f} KB | {result.counts['metrics']} | "
                    f"{t_import:.2f} | {t_write:.2f} | {t_load:.2f} | {total:.2f} | "
                    f"{total * 1e6 / (real / 1024):.0f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
