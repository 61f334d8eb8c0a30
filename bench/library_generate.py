"""Write a library of reports for the library benchmarks: regions × periods.

    python bench/library_generate.py -n 300 -o /tmp/library [--broken 2]

Each report is the bundled one under another id, region and period: 晋城市 (and
晋城) become the region's name throughout the text, ``2025年`` the period, so the
reports differ in their words as real ones do and every quote still sits in its
paragraph (the same replacement is made everywhere). Regions are cities and
counties with six-digit codes; when the model knows the optional keys
(``region_code``, ``kind``, metric ``indicator``), every third report carries
them and an ``indicators.yaml`` registry is written at the top. ``--broken N``
adds N files that fail to load (for the error listing). Files go one folder per
region, at depth two, to exercise the walk. The same arguments always give the
same bytes.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "report.yaml"

REGIONS = [
    ("太原市", "140100"), ("大同市", "140200"), ("阳泉市", "140300"), ("长治市", "140400"),
    ("晋城市", "140500"), ("朔州市", "140600"), ("晋中市", "140700"), ("运城市", "140800"),
    ("忻州市", "140900"), ("临汾市", "141000"), ("吕梁市", "141100"), ("城区", "140502"),
    ("沁水县", "140521"), ("阳城县", "140522"), ("陵川县", "140524"), ("泽州县", "140525"),
    ("高平市", "140581"), ("小店区", "140105"), ("迎泽区", "140106"), ("杏花岭区", "140107"),
    ("清徐县", "140121"), ("阳曲县", "140122"), ("娄烦县", "140123"), ("古交市", "140181"),
    ("平城区", "140213"), ("云冈区", "140214"), ("阳高县", "140221"), ("天镇县", "140222"),
    ("广灵县", "140223"), ("灵丘县", "140224"),
]  # fmt: skip
INDICATORS = [  # (metric id in the bundled report, indicator id)
    ("first-topic-sessions", "first-topic-study-sessions"),
    ("members-trained", "party-members-trained"),
    ("serving-members-frontline", "members-serving-frontline"),
    ("members-in-hardship-helped", "members-in-hardship-helped"),
]
BROKEN = [
    "schema: partybuild-report/1\nreport:\n  title: 坏文件\nsections:\n  - id: a\n"
    '    title: 一\n    paragraphs: ["开展学习38次"]\n    metrics:\n      - id: m\n'
    "        label: 学习\n        value: 三十八\n        unit: 次\n        quote: 学习38次\n",
    "schema: partybuild-report/1\nreport:\n  title: [unclosed\n",
]


def new_keys_known() -> bool:
    sys.path.insert(0, str(ROOT / "src"))
    from partybuild_tui.model import ReportMeta

    return "region_code" in {f.name for f in fields(ReportMeta)}


def periods(count: int) -> list[str]:
    years = [str(2025 - i) for i in range(max(1, count))]
    return years[:count]


def make_report(text: str, region: str, code: str, period: str, keys: bool) -> str:
    stem = region[:-1] if len(region) > 2 else region
    text = text.replace("晋城市", region).replace("晋城", stem)
    text = text.replace("2025年", f"{period}年")
    text = text.replace("  id: jincheng-2025-party-building", f"  id: r{code}-{period}")
    text = text.replace('  period: "2025"', f'  period: "{period}"')
    text = text.replace('published: "2026-', f'published: "{int(period) + 1}-')
    if keys:
        extra = f'  region_code: "{code}"\n  kind: 党建综述\n'
        text = text.replace(f"  region: {region}\n", f"  region: {region}\n{extra}")
        for metric_id, indicator in INDICATORS:
            head = f"          - id: {metric_id}\n"
            text = text.replace(head, head + f"            indicator: {indicator}\n")
    return text


def registry(text: str) -> str:
    lines = ["schema: partybuild-indicators/1", "indicators:"]
    for metric_id, indicator in INDICATORS:
        block = text.split(f"- id: {metric_id}\n", 1)[1].split("quote:", 1)[0]
        fields_ = dict(line.strip().split(": ", 1) for line in block.splitlines() if ": " in line)
        lines += [
            f"  - id: {indicator}",
            f"    label: {fields_['label']}",
            f"    unit: {fields_['unit']}",
        ]
    return "\n".join(lines) + "\n"


def generate(out: Path, count: int, broken: int = 0, keys: bool | None = None) -> list[Path]:
    """Write ``count`` reports (and ``broken`` bad files) under ``out``; the report paths."""
    keys = new_keys_known() if keys is None else keys
    text = BUNDLED.read_text(encoding="utf-8")
    per_region = -(-count // len(REGIONS))
    written: list[Path] = []
    if out.exists():
        shutil.rmtree(out)
    for number in range(count):
        region, code = REGIONS[number % len(REGIONS)]
        period = periods(per_region)[number // len(REGIONS)]
        folder = out / code[:4] / code
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{code}-{period}.yaml"
        report = make_report(text, region, code, period, keys and number % 3 == 0)
        path.write_text(report, encoding="utf-8")
        written.append(path)
    for number in range(broken):
        (out / f"broken-{number}.yaml").write_text(BROKEN[number % 2], encoding="utf-8")
    if keys:
        (out / "indicators.yaml").write_text(registry(text), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("-n", "--reports", type=int, default=300)
    parser.add_argument("-o", "--out", required=True, help="the library folder (replaced)")
    parser.add_argument("--broken", type=int, default=0, help="bad files to add")
    args = parser.parse_args(argv)
    written = generate(Path(args.out), args.reports, args.broken)
    print(f"wrote {len(written)} reports to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
