"""Pinyin ranks by how common the reading is, and an apostrophe marks a syllable
boundary (issue 13, item 16).

pypinyin lists a hanzi's common reading first; a match that needs a later
reading (广 and 干 for ``an``) ranks after every match that does not. Expected
orders are computed from pypinyin's readings, never hard-coded lists.
"""

from __future__ import annotations

import pytest

from partybuild_tui.model import Report, bundled_report_path, load_report, load_text
from partybuild_tui.search import SearchIndex
from partybuild_tui.search.pinyin import readings_of

TINY = """\
schema: partybuild-report/1
report: {id: tiny, title: 拼音排序, published: "2026-01-19T17:43:15+08:00", period: 2025}
sections:
  - id: a
    title: 广场与干部
    paragraphs:
      - 坚定信仰,秀干部风采,赴西安学习,平安建设,大案要案。
"""


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex.build(load_report(bundled_report_path()))


@pytest.fixture(scope="module")
def tiny() -> tuple[Report, SearchIndex]:
    report = load_text(TINY, "tiny.yaml")
    return report, SearchIndex.build(report)


def matched(hit, hanzi: int = 1) -> str:  # type: ignore[no-untyped-def]
    """The hanzi of the hit's first match (touching matches are merged into one span)."""
    start, _ = hit.spans[0]
    return hit.text[start : start + hanzi]


def ranked_by(hit, letters: str) -> str:  # type: ignore[no-untyped-def]
    """The hanzi a one-hanzi pinyin hit ranks by: its first match read by a common
    reading, else its first match."""
    chars = [hit.text[i] for start, end in hit.spans for i in range(start, end)]
    return next((c for c in chars if common(c, letters)), chars[0])


def common(char: str, piece: str) -> bool:
    """Whether ``piece`` begins the common (first) reading of ``char``."""
    readings = readings_of(char)
    return bool(readings) and readings[0].replace("v", "u").startswith(piece)


@pytest.mark.parametrize("letters", ["an", "gan", "chang", "de"])
def test_common_readings_rank_before_rare_ones(bundled: SearchIndex, letters: str) -> None:
    hits = bundled.search(letters).hits
    rare = [not common(ranked_by(hit, letters), letters) for hit in hits]
    assert rare == sorted(rare), [ranked_by(hit, letters) for hit in hits]  # rare ones last
    assert False in rare


def test_an_finds_an_and_an_before_guang_and_gan(bundled: SearchIndex) -> None:
    """The review: ``search an`` showed 广 and 干 (rare readings) ahead of 安 and 案."""
    first = [ranked_by(hit, "an") for hit in bundled.search("an", limit=5).hits]
    assert first and all(common(char, "an") for char in first), first
    later = [ranked_by(hit, "an") for hit in bundled.search("an").hits]
    assert {"广", "干"} <= set(later)  # still found: every reading counts


def test_a_rare_reading_ranks_after_a_common_one_in_a_later_region(tiny) -> None:  # type: ignore[no-untyped-def]
    """广 and 干 in a title (rare ``an``) after 安 in a paragraph (common ``an``), though
    the paragraph's first match is 仰 (rare ``ang``): a field ranks by its first match
    that needs no rare reading."""
    _, index = tiny
    hits = index.search("an").hits
    assert [h.kind for h in hits] == ["paragraph", "title"]
    assert matched(hits[1]) == "广"


def test_xi_an_finds_only_xi_an(tiny) -> None:  # type: ignore[no-untyped-def]
    """``xi'an`` is 西安: not 信仰 (xin, yang/ang) nor 秀干 (xiu, gan/an), which only
    begin with the letters."""
    _, index = tiny
    found = {hit.text[s:e] for hit in index.search("xi'an").hits for s, e in hit.spans}
    assert found == {"西安"}
    # without the apostrophe, the fewest hanzi: xian is one (先, 县), not 西安
    assert "西安" not in {matched(hit) for hit in index.search("xian").hits}


def test_xi_an_on_the_bundled_report_finds_no_partial_syllables(bundled: SearchIndex) -> None:
    for hit in bundled.search("xi'an").hits:
        first, second = matched(hit, 2)
        assert "xi" in readings_of(first) and "an" in readings_of(second)


def test_a_whole_syllable_ranks_before_a_partial_one(bundled: SearchIndex) -> None:
    """``xian``: 县 and 先 (whole syllable) before 乡 and 项 (``xiang``), region by region."""
    hits = bundled.search("xian").hits
    for kind in ("title", "metric", "paragraph"):
        here = [ranked_by(h, "xian") for h in hits if h.kind == kind]
        here = [c for c in here if common(c, "xian")]
        partial = [readings_of(c)[0] != "xian" for c in here]
        assert partial == sorted(partial), here


def test_the_syllables_are_every_reading_pypinyin_gives() -> None:
    """``SYLLABLES`` (what a piece may be, whatever the report) is a constant: it must
    hold every reading of every hanzi — checked on a spread sample of pypinyin's
    dictionary and on every hanzi of the bundled report."""
    from pypinyin.constants import PINYIN_DICT

    from partybuild_tui.search.pinyin import SYLLABLES

    codes = sorted(PINYIN_DICT)
    report = load_report(bundled_report_path())
    chars = {chr(code) for code in codes[:: max(1, len(codes) // 3000)]}
    chars |= {c for s in report.ordered for p in (s.title, *s.paragraphs) for c in p}
    missing = {(c, r) for c in chars for r in readings_of(c) if r not in SYLLABLES}
    assert not missing


@pytest.mark.parametrize("letters", ["an", "gan", "zhengzhi", "de"])
def test_a_page_is_the_start_of_the_whole_ranking(bundled: SearchIndex, letters: str) -> None:
    """Once a page holds enough fields that need no rare reading, later regions are only
    counted: the page must still be the head of the full ranking, the total the same."""
    whole = bundled.search(letters)
    keys = [(h.kind, h.section_id, h.paragraph_index, h.metric_id) for h in whole.hits]
    for limit in (1, 5, 20):
        bundled.clear_caches()
        page = bundled.search(letters, limit=limit)
        assert page.total == whole.total
        assert [(h.kind, h.section_id, h.paragraph_index, h.metric_id) for h in page.hits] == (
            keys[:limit]
        )
