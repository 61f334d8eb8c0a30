"""The haystack's layout, which the scans rely on: every field ends with \\x00, every
section's run of fields with \\x00\\x01, and a field is found from where it ends."""

from __future__ import annotations

from types import ModuleType

import pytest

from partybuild_tui.model import bundled_report_path, load_report, load_text
from partybuild_tui.search import SearchIndex
from partybuild_tui.search.folding import fold_table, fold_with_map


@pytest.fixture(scope="module", params=["bundled", "generated"])
def index(request: pytest.FixtureRequest, bench_generate: ModuleType) -> SearchIndex:
    if request.param == "bundled":
        report = load_report(bundled_report_path())
    else:
        report = load_text(bench_generate.generate_text(120, 4, seed=5), "synthetic.yaml")
    return SearchIndex.build(report, pinyin=False)


def test_each_field_holds_its_folded_text_and_ends_with_a_field_end(index: SearchIndex) -> None:
    hay = index.hay
    for region in index.regions:
        for field, (start, end) in enumerate(
            zip(region.field_starts, region.field_ends, strict=True)
        ):
            original = region.originals[field]
            assert hay[start:end] == fold_with_map(original, fold_table(original))[0]
            assert hay[end] == "\x00"
            assert "\x00" not in hay[start:end] and "\x01" not in hay[start:end]
            assert region.field_ending[end] == field
            assert (
                region.field_at(start)
                == region.field_at(end - 1 if end > start else start)
                == field
            )


def test_each_section_run_ends_with_a_field_end_then_a_section_end(index: SearchIndex) -> None:
    hay = index.hay
    for region in index.regions:
        for group, (start, end) in enumerate(
            zip(region.group_starts, region.group_ends, strict=True)
        ):
            assert hay[start - 1] == "\x01"
            assert hay[end : end + 2] == "\x00\x01"
            order = region.group_section[group]
            assert region.group_index[order] == group
            fields = [f for f, s in enumerate(region.field_section) if s == order]
            assert region.field_starts[fields[0]] == start and region.field_ends[fields[-1]] == end
