"""The on-disk FTS5 bigram index of a large library: the same hits as in memory, only
changed files indexed again, candidates never trusted without the text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.library_support import make_library

from partybuild_tui.library import large as large_module
from partybuild_tui.library import open_library
from partybuild_tui.library.fts import FtsIndex, pairs
from partybuild_tui.library.large import LargeLibraryIndex, library_index
from partybuild_tui.library.search import LibraryIndex
from partybuild_tui.search import parse_query

QUERIES = ["阳泉", "党员", "党员 培训", '"党建引领"', "17000", ">=90%", "100..1000", "unit:人",
           "党员 >10000", "1.7万", "djyl", "党", "没有这样的词"]  # fmt: skip


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARTYBUILD_TUI_CACHE_DIR", str(tmp_path / "cache"))
    make_library(tmp_path / "lib", 5, broken=1)
    return open_library([tmp_path / "lib"])


def test_pairs_cover_two_character_words() -> None:
    assert pairs("党员 培训") == ["515ag5458", "5458g57f9", "57f9g8bad", "8badg3"]


def test_above_the_threshold_the_fts_index_is_used(library) -> None:
    assert isinstance(library_index(library), LibraryIndex)
    assert isinstance(library_index(library, threshold=0), LargeLibraryIndex)


@pytest.mark.parametrize("query", QUERIES)
def test_same_hits_as_the_in_memory_index(library, query: str) -> None:
    large = LargeLibraryIndex.build(library)
    small = LibraryIndex.build(library.reports)
    got, expected = large.search(query, limit=None), small.search(query, limit=None)
    assert got.unchecked == 0
    assert got.total == expected.total
    assert [(g.position, g.total) for g in got.groups] == [
        (g.position, g.total) for g in expected.groups
    ]
    assert [h for g in got.groups for h in g.hits] == [h for g in expected.groups for h in g.hits]


def test_candidates_narrow_to_the_reports_that_hold_the_words(library) -> None:
    large = LargeLibraryIndex.build(library)
    places = large.fts.candidates(parse_query("阳泉"))
    assert places is not None and [Path(p).name for p in places] == ["140300-2025.yaml"]
    assert large.fts.candidates(parse_query("djyl")) is None  # pinyin: no narrowing


def test_only_a_changed_file_is_indexed_again(library, monkeypatch) -> None:
    LargeLibraryIndex.build(library)
    added: list[str] = []
    real = FtsIndex.add

    def counting(self, path, stamp, report) -> None:
        added.append(Path(path).name)
        real(self, path, stamp, report)

    monkeypatch.setattr(FtsIndex, "add", counting)
    LargeLibraryIndex.build(library)
    assert added == []
    changed = library.entries[1].path
    os.utime(changed)
    index = LargeLibraryIndex.build(library)
    assert added == [changed.name]
    assert index.search("大同").total == LibraryIndex.build(library.reports).search("大同").total


def test_a_large_result_checks_a_page_and_says_what_is_left(library, monkeypatch) -> None:
    monkeypatch.setattr(large_module, "BATCH", 2)
    result = LargeLibraryIndex.build(library).search("党员", limit=3)
    assert result.shown >= 3
    assert len(result.groups) == 2 and result.unchecked == 3


def test_a_query_decodes_only_the_reports_it_checks(library, monkeypatch) -> None:
    from partybuild_tui.library import codec

    LargeLibraryIndex.build(library)  # the index exists; the library cache too
    warm = open_library([library.entries[0].path.parents[2]])
    decoded: list[int] = []
    real = codec.decode_report

    def counting(data: bytes):
        decoded.append(1)
        return real(data)

    monkeypatch.setattr(codec, "decode_report", counting)
    index = LargeLibraryIndex.build(warm)
    assert decoded == []
    result = index.search("阳泉")
    assert [g.report.meta.region for g in result.groups] == ["阳泉市"]
    assert len(decoded) == 1
