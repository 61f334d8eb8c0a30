"""Write a large synthetic report in our data model, for the load and UI benchmarks.

    python bench/generate.py --sections 10000 --metrics 10 -o /tmp/big.yaml [--seed 1]

The text is built from the bundled article's own vocabulary
(``data/source/jincheng-2025-party-building.txt``): its plain clauses, its
number-bearing clauses turned into templates (``组建{n}个小区党组织``) and its
headings split into halves and recombined. Numbers come with the article's
units and forms: ``530余期`` (over), ``近3000人`` (about), ``3名以上`` (over),
``1.7万余名`` (17000, over), ``5.7万元`` and changes ``由46%提升到87%``
(value 87, baseline 46). Sections nest up to four levels (county → theme →
sub-topic → item) and every metric quotes an exact substring of one of its own
section's paragraphs, so the file passes ``partybuild-tui check``.

The YAML is written by hand (``yaml.dump`` would take minutes at this size) in
the same block style as ``data/report.yaml``; a string is written plain when
that is unambiguous and as a JSON string (valid YAML double-quoted) otherwise.
The same ``--seed`` always gives the same bytes. 10,000 sections × 10 metrics
come to about 37 MB and take a few seconds.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"

MAX_DEPTH = 3  # depth of the deepest sub-topic (0 = top level)
FILLER_PER_METRIC = 1.92  # plain clauses per metric clause; tunes the file size (≈ 37 MB)

_CLAUSE_SPLIT = re.compile(r"[,,。;;!!??]")
_DIGIT = re.compile(r"\d")
_UNITS = "万元|批次|名|个|次|人|件|场|项|家|所|期|条|%"
_TEMPLATE = re.compile(
    rf"(?P<pre>[^\d]*?)(?:近|超过)?\d+(?:\.\d+)?万?余?(?P<unit>{_UNITS})(?:以上)?(?P<post>[^\d]*)"
)
COUNTIES = ("城区", "泽州县", "高平市", "阳城县", "陵川县", "沁水县", "开发区")
THEMES = (  # ASCII slugs for section ids, in the article's order of themes
    "political-guidance",
    "grassroots",
    "cadres",
    "talent",
    "discipline",
    "rule-of-law",
)


class Vocabulary:
    """What the article offers: plain clauses, metric templates, heading halves."""

    def __init__(self, text: str) -> None:
        lines = [line.strip() for line in text.splitlines()]
        start = next(i for i, line in enumerate(lines) if "本报记者" in line) + 1
        end = next(i for i, line in enumerate(lines) if line == "相关内容")
        body = [line for line in lines[start:end] if line]
        headings = [line for line in body if len(line) <= 30 and "。" not in line]
        paragraphs = [line for line in body if line not in headings]
        clauses: list[str] = []
        for paragraph in paragraphs:
            clauses.extend(c.strip() for c in _CLAUSE_SPLIT.split(paragraph) if c.strip())
        plain = [c for c in clauses if not _DIGIT.search(c) and 4 <= len(c) <= 40]
        self.fillers = list(dict.fromkeys(plain))
        self.leads = list(dict.fromkeys(c for c in plain if 6 <= len(c) <= 20))
        templates: list[tuple[str, str, str]] = []
        for clause in clauses:
            match = _TEMPLATE.fullmatch(clause)
            if match and len(match["pre"]) + len(match["post"]) >= 3:
                templates.append((match["pre"], match["unit"], match["post"]))
        self.templates = list(dict.fromkeys(templates))
        self.subjects = list(  # what a 由X%提升到Y% change is about
            dict.fromkeys(
                re.sub(r"(达|为|超过)$", "", pre)
                for pre, unit, _ in self.templates
                if unit == "%" and re.sub("(达|为|超过)$", "", pre).endswith("率")
            )
        ) or ["覆盖率"]
        self.heads = []
        self.tails = []
        for heading in headings:
            head, _, tail = heading.replace(",", ",").partition(",")
            if tail:
                self.heads.append(head)
                self.tails.append(tail)
        if not (self.fillers and self.templates and self.heads):
            raise SystemExit(f"{SOURCE}: not enough text to build a vocabulary from")


def _number_text(rng: random.Random, unit: str) -> tuple[str, float | int, str, str]:
    """(text as written, value, qualifier, unit) for a number with this unit."""
    if unit == "%":
        tenths = rng.randint(300, 1000)
        value = tenths // 10 if tenths % 10 == 0 or rng.random() < 0.6 else tenths / 10
        if rng.random() < 0.15 and value < 100:
            return f"{value}%以上", value, "over", "%"
        return f"{value}%", value, "exact", "%"
    if unit == "万元":
        value = rng.choice((rng.randint(5, 3000), rng.randint(5, 999) / 10))
        if rng.random() < 0.2:
            return f"{value}余万元", value, "over", "万元"
        return f"{value}万元", value, "exact", "万元"
    size = rng.random()
    if size < 0.12:  # a large count, written in 万 like the article's 1.7万余名
        tenths = rng.randint(11, 199)
        text = f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths / 10}"
        return f"{text}万余{unit}", tenths * 1000, "over", unit
    value = int(10 ** rng.uniform(0, 4.3))
    roll = rng.random()
    if roll < 0.15 and value >= 20:
        return f"{value}余{unit}", value, "over", unit
    if roll < 0.25 and value >= 20:
        return f"近{value}{unit}", value, "about", unit
    if roll < 0.3:
        return f"{value}{unit}以上", value, "over", unit
    return f"{value}{unit}", value, "exact", unit


_OPENERS_CLOSERS = "“”《》()()、"


def _plain_ok(text: str) -> bool:
    return bool(text) and not _NEEDS_QUOTES.search(text) and not text.isascii()


_NEEDS_QUOTES = re.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|[:#\n"\\]|\s$""")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when unambiguous, else double-quoted."""
    return text if _plain_ok(text) else json.dumps(text, ensure_ascii=False)


def _number_yaml(value: float | int) -> str:
    return repr(value) if isinstance(value, float) else str(value)


class Generator:
    def __init__(self, vocabulary: Vocabulary, seed: int, metrics: int) -> None:
        self.vocabulary = vocabulary
        self.rng = random.Random(seed)
        self.metrics = metrics

    def depths(self, count: int) -> list[int]:
        """Depth of each section in reading order: a tree of counties, themes and sub-topics."""
        rng = self.rng
        depths: list[int] = []
        depth = -1
        for _ in range(count):
            roll = rng.random()
            if depth < 0:
                depth = 0
            elif depth == 0:
                depth = 1  # a county always opens with a theme
            elif roll < 0.02:
                depth = 0  # the next county: about 50 sections each
            elif roll < 0.34 and depth < MAX_DEPTH:
                depth += 1
            elif roll < 0.62 and depth > 1:
                depth -= 1
            depths.append(depth)
        return depths

    def title(self, depth: int, index: int) -> str:
        vocab, rng = self.vocabulary, self.rng
        if depth == 0:
            return f"{rng.choice(COUNTIES)}党的建设综述({index + 1})"
        if depth == 1:
            return f"{rng.choice(vocab.heads)},{rng.choice(vocab.tails)}"
        return rng.choice(vocab.leads)

    def metric_clause(self) -> tuple[str, int, int, dict[str, object]]:
        """(clause, quote start, quote end, metric fields without id)."""
        vocab, rng = self.vocabulary, self.rng
        if rng.random() < 0.08:
            subject = rng.choice(vocab.subjects)
            baseline = rng.randint(10, 80)
            value = rng.randint(baseline + 1, 100)
            verb = rng.choice(("提升到", "提高到", "增长到"))
            change = f"由{baseline}%{verb}{value}%"
            lead = rng.choice(("推动", "全市", "", "重点企业党组织"))
            clause = f"{lead}{subject}{change}"
            start = len(lead)
            fields = {"label": subject, "value": value, "unit": "%", "qualifier": "exact"}
            fields["baseline"] = baseline
            return clause, start, len(clause), fields
        pre, unit, post = rng.choice(vocab.templates)
        if rng.random() < 0.4:  # recombine: another template's object, same unit
            same = [t for t in vocab.templates if t[1] == unit]
            post = rng.choice(same)[2]
        text, value, qualifier, unit = _number_text(rng, unit)
        clause = pre + text + post
        start = max(0, len(pre) - rng.randint(2, 4))
        end = min(len(clause), len(pre) + len(text) + rng.randint(0, 4))
        label = (pre[-6:] + post[:8]).strip(_OPENERS_CLOSERS) or pre or post
        fields = {"label": label, "value": value, "unit": unit, "qualifier": qualifier}
        return clause, start, end, fields

    def paragraphs(self, section_id: str) -> tuple[list[str], list[dict[str, object]]]:
        vocab, rng = self.vocabulary, self.rng
        count = rng.randint(1, 4)
        slots: list[list[tuple[str, int, int, dict[str, object]] | None]] = [
            [] for _ in range(count)
        ]
        for _ in range(self.metrics):
            slots[rng.randrange(count)].append(self.metric_clause())
        wanted = self.metrics * FILLER_PER_METRIC
        fillers = int(wanted) + (rng.random() < wanted % 1)
        for _ in range(fillers):
            slots[rng.randrange(count)].append(None)
        paragraphs: list[str] = []
        metrics: list[dict[str, object]] = []
        for paragraph_slots in slots:
            rng.shuffle(paragraph_slots)
            text = rng.choice(vocab.leads) + ","
            for position, slot in enumerate(paragraph_slots):
                if slot is None:
                    clause = rng.choice(vocab.fillers)
                    text += clause
                else:
                    clause, start, end, fields = slot
                    fields["quote"] = (
                        clause[start:end].lstrip(_OPENERS_CLOSERS).rstrip(_OPENERS_CLOSERS)
                    )
                    text += clause
                    metrics.append(fields)
                last = position == len(paragraph_slots) - 1
                text += "。" if last or rng.random() < 0.15 else ","
            paragraphs.append(text if paragraph_slots else text[:-1] + "。")
        for number, fields in enumerate(metrics, 1):
            fields["id"] = f"{section_id}-m{number}"
        return paragraphs, metrics

    def write(self, out, sections: int) -> None:
        depths = self.depths(sections)
        write = out.write
        write("schema: partybuild-report/1\n")
        write("report:\n")
        write(f"  id: synthetic-{sections}x{self.metrics}\n")
        write("  title: 党建领航聚合力 铸魂固本启新程(合成测试报告)\n")
        write(f"  subtitle: {sections}个章节、每节{self.metrics}项指标的基准测试数据\n")
        write("  source: partybuild-tui bench/generate.py\n")
        write('  published: "2026-01-19T17:43:15+08:00"\n')
        write('  period: "2025"\n')
        write("  region: 晋城市\n")
        write("  language: zh-CN\n")
        write('not_metrics:\n  - "12345"\n  - "“16+11”实事项目"\n')
        write("sections:\n")
        counties = 0
        for index, depth in enumerate(depths):
            has_children = index + 1 < len(depths) and depths[index + 1] > depth
            if depth == 0:
                counties += 1
            theme = THEMES[index % len(THEMES)] if depth else "county"
            section_id = f"{theme}-{index + 1}"
            dash = "    " * depth + "  "
            indent = dash + "  "
            write(f"{dash}- id: {section_id}\n")
            write(f"{indent}title: {scalar(self.title(depth, counties - 1))}\n")
            paragraphs, metrics = self.paragraphs(section_id)
            write(f"{indent}paragraphs:\n")
            for paragraph in paragraphs:
                write(f"{indent}  - {scalar(paragraph)}\n")
            if metrics:
                write(f"{indent}metrics:\n")
                for metric in metrics:
                    write(_metric_yaml(indent + "  ", metric))
            else:
                write(f"{indent}metrics: []\n")
            if has_children:
                write(f"{indent}children:\n")


def _metric_yaml(indent: str, metric: dict[str, object]) -> str:
    lines = [
        f"{indent}- id: {metric['id']}",
        f"{indent}  label: {scalar(str(metric['label']))}",
        f"{indent}  value: {_number_yaml(metric['value'])}",  # type: ignore[arg-type]
        f"{indent}  unit: {scalar(str(metric['unit']))}",
        f"{indent}  qualifier: {metric['qualifier']}",
        f"{indent}  quote: {scalar(str(metric['quote']))}",
    ]
    if "baseline" in metric:
        lines.append(f"{indent}  baseline: {metric['baseline']}")
    return "\n".join(lines) + "\n"


def generate_text(sections: int, metrics: int, seed: int = 1) -> str:
    """The report's YAML text in memory (for tests)."""
    out = io.StringIO()
    vocabulary = Vocabulary(SOURCE.read_text(encoding="utf-8"))
    Generator(vocabulary, seed, metrics).write(out, sections)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--sections", type=int, required=True, help="sections in all (≥ 1)")
    parser.add_argument("--metrics", type=int, default=10, help="metrics per section")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same file")
    parser.add_argument("--source", default=str(SOURCE), help="article to take words from")
    args = parser.parse_args(argv)
    if args.sections < 1 or args.metrics < 0:
        parser.error("--sections must be ≥ 1 and --metrics ≥ 0")
    vocabulary = Vocabulary(Path(args.source).read_text(encoding="utf-8"))
    generator = Generator(vocabulary, args.seed, args.metrics)
    if args.output:
        tmp = Path(args.output + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            generator.write(out, args.sections)
        tmp.replace(args.output)
    else:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
        generator.write(sys.stdout, args.sections)
    return 0


if __name__ == "__main__":
    sys.exit(main())
