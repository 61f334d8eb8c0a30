"""bench/generate.py: the synthetic report is valid, nested, deterministic and quotes exactly."""

from __future__ import annotations

from partybuild_tui.model import load_text


def test_same_seed_same_report_other_seed_other_report(bench_generate):
    generate = bench_generate.generate_text
    assert generate(40, 5, seed=3) == generate(40, 5, seed=3)
    assert generate(40, 5, seed=3) != generate(40, 5, seed=4)


def test_the_report_is_valid_nested_and_has_the_asked_size(bench_generate):
    report = load_text(bench_generate.generate_text(300, 7, seed=1), "synthetic.yaml")
    assert len(report.ordered) == 300
    assert len(report.metrics) == 300 * 7
    assert max(section.depth for section in report.ordered) >= 2
    units = {metric.unit for metric in report.metrics}
    assert {"次", "名", "个", "%", "万元", "人", "件"} <= units
    qualifiers = {metric.qualifier for metric in report.metrics}
    assert {"exact", "over", "about"} <= qualifiers
    changes = [m for m in report.metrics if m.baseline is not None]
    assert changes and all("由" in m.quote and "%" in m.quote for m in changes)
    for metric in report.metrics:  # the loader checks this too; here it is the point
        section = report.section(metric.section_id)
        paragraph = section.paragraphs[metric.paragraph_index]
        assert paragraph[metric.quote_start : metric.quote_end] == metric.quote
        assert any(ch.isdigit() for ch in metric.quote)
