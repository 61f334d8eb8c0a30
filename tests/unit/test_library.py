"""Opening a library: every report at any depth, bad files listed without blocking the
rest, duplicate ids, the registry never taken for a report, one cache for it all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.library_support import make_library

from partybuild_tui.library import loading, open_library, store


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("PARTYBUILD_TUI_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files parsed from YAML in this process (the small libraries here never use workers)."""
    seen: list[str] = []
    real = loading.parse_file

    def counting(job: tuple[str, int]) -> loading.Outcome:
        seen.append(Path(job[0]).name)
        return real(job)

    monkeypatch.setattr(loading, "parse_file", counting)
    return seen


def test_reports_at_any_depth_in_path_order(tmp_path: Path, cache_dir: Path) -> None:
    written = make_library(tmp_path / "lib", 5)
    (tmp_path / "lib" / "a" / "b" / "c").mkdir(parents=True)
    deep = tmp_path / "lib" / "a" / "b" / "c" / "deep.yml"
    shutil.copy(written[0], deep)
    deep.write_text(deep.read_text().replace("id: r140100-2025", "id: deep-one"))
    library = open_library([tmp_path / "lib"])
    assert library.root == tmp_path / "lib"
    paths = [e.path for e in library.entries]
    assert paths == sorted(paths, key=str)
    assert deep in paths and len(library.reports) == 6
    assert {r.meta.region for r in library.reports} >= {"太原市", "大同市", "阳泉市"}


def test_hidden_folders_and_other_files_are_not_reports(tmp_path: Path, cache_dir: Path) -> None:
    written = make_library(tmp_path / "lib", 2)
    (tmp_path / "lib" / ".git").mkdir()
    shutil.copy(written[0], tmp_path / "lib" / ".git" / "copy.yaml")
    (tmp_path / "lib" / "notes.txt").write_text("not a report")
    library = open_library([tmp_path / "lib"])
    assert len(library.entries) == 2


def test_bad_files_are_listed_with_their_error_and_do_not_block(
    tmp_path: Path, cache_dir: Path
) -> None:
    make_library(tmp_path / "lib", 3, broken=2)
    library = open_library([tmp_path / "lib"])
    assert len(library.reports) == 3
    errors = {e.path.name: e.error for e in library.failed}
    assert errors == {
        "broken-0.yaml": f"{tmp_path}/lib/broken-0.yaml:11:16: sections[0].metrics[0].value: "
        "expected a number, got '三十八'",
        "broken-1.yaml": f"{tmp_path}/lib/broken-1.yaml:4:1: YAML syntax error: did not find "
        "expected ',' or ']' (while parsing a flow sequence)",
    }


def test_a_duplicate_id_is_an_error_on_the_second_file(tmp_path: Path, cache_dir: Path) -> None:
    written = make_library(tmp_path / "lib", 2)
    second = tmp_path / "lib" / "zz-copy.yaml"
    shutil.copy(written[0], second)
    library = open_library([tmp_path / "lib"])
    assert [e.path for e in library.entries if e.report is not None] == written
    (entry,) = library.failed
    assert entry.path == second
    line = next(
        n for n, text in enumerate(second.read_text().splitlines(), 1) if "  id: r1401" in text
    )
    assert entry.error == (
        f"{second}:{line}:7: report.id: duplicate report id 'r140100-2025': "
        f"{written[0]} has it already"
    )


def test_the_registry_is_recognised_by_its_schema_line(tmp_path: Path, cache_dir: Path) -> None:
    make_library(tmp_path / "lib", 2)
    (tmp_path / "lib" / "any-name.yaml").write_text(
        "# the indicators\nschema: partybuild-indicators/1\nindicators: []\n"
    )
    library = open_library([tmp_path / "lib"])
    assert library.registry_path == tmp_path / "lib" / "any-name.yaml"
    assert all(e.path.name != "any-name.yaml" for e in library.entries)
    assert len(library.entries) == 2


def test_files_named_one_by_one_and_a_single_report(tmp_path: Path, cache_dir: Path) -> None:
    written = make_library(tmp_path / "lib", 3)
    library = open_library([written[2], written[0]])
    assert library.root is None
    assert [e.path for e in library.entries] == [written[2], written[0]]
    single = open_library([written[1]])
    assert len(single.entries) == 1 and single.reports[0].meta.id == "r140200-2025"


def test_warm_open_parses_nothing_and_a_changed_file_alone_is_read_again(
    tmp_path: Path, cache_dir: Path, parsed: list[str]
) -> None:
    written = make_library(tmp_path / "lib", 4, broken=1)
    cold = open_library([tmp_path / "lib"])
    assert len(parsed) == 5
    assert len(list(cache_dir.glob("library-*.msgpack"))) == 1  # one file for the library
    parsed.clear()
    warm = open_library([tmp_path / "lib"])
    assert parsed == []
    assert [e.error for e in warm.entries] == [e.error for e in cold.entries]
    assert [r.meta for r in warm.reports] == [r.meta for r in cold.reports]
    assert [s.paragraphs for s in warm.reports[0].walk()] == [
        s.paragraphs for s in cold.reports[0].walk()
    ]
    assert list(warm.reports[1].metrics) == list(cold.reports[1].metrics)
    changed = written[2]
    changed.write_text(changed.read_text().replace("title: 党建领航聚合力", "title: 改过的标题"))
    again = open_library([tmp_path / "lib"])
    assert parsed == [changed.name]
    assert again.reports[2].meta.title.startswith("改过的标题")


def test_a_tampered_cache_is_ignored(tmp_path: Path, cache_dir: Path, parsed: list[str]) -> None:
    make_library(tmp_path / "lib", 2)
    open_library([tmp_path / "lib"])
    (file,) = cache_dir.glob("library-*.msgpack")
    data = bytearray(file.read_bytes())
    data[-5] ^= 0xFF
    file.write_bytes(bytes(data))
    parsed.clear()
    library = open_library([tmp_path / "lib"])
    assert len(parsed) == 2 and len(library.reports) == 2


def test_cache_off_or_unwritable_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_library(tmp_path / "lib", 2)
    monkeypatch.setenv("PARTYBUILD_TUI_CACHE_DIR", "")
    assert len(open_library([tmp_path / "lib"]).reports) == 2
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("PARTYBUILD_TUI_CACHE_DIR", str(blocker / "cache"))
    assert len(open_library([tmp_path / "lib"]).reports) == 2


def test_many_files_are_parsed_by_workers_with_the_same_result(
    tmp_path: Path, cache_dir: Path
) -> None:
    count = loading.POOL_THRESHOLD + 2
    make_library(tmp_path / "lib", count, broken=1)
    pooled = open_library([tmp_path / "lib"], use_cache=False)
    assert len(pooled.reports) == count and len(pooled.failed) == 1
    single = open_library([pooled.entries[0].path], use_cache=False)
    assert pooled.reports[0].meta == single.reports[0].meta
    assert list(pooled.reports[0].metrics) == list(single.reports[0].metrics)


def test_stamp_changes_when_a_file_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a")
    before = store.stamp_of(os.stat(path))
    path.write_text("b")
    info = os.stat(path)
    os.utime(path, ns=(info.st_atime_ns, before[1]))  # mtime put back, as some tools do
    assert store.stamp_of(os.stat(path)) != before


def test_a_warm_open_decodes_a_report_only_when_it_is_read(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybuild_tui.library import codec
    from partybuild_tui.library.rows import rows_of

    make_library(tmp_path / "lib", 3, broken=1)
    cold = open_library([tmp_path / "lib"])
    decoded: list[int] = []
    real = codec.decode_report

    def counting(data: bytes):
        decoded.append(len(data))
        return real(data)

    monkeypatch.setattr(codec, "decode_report", counting)
    warm = open_library([tmp_path / "lib"])
    rows = rows_of(warm)
    assert decoded == []
    assert [r.cells for r in rows] == [r.cells for r in rows_of(cold)]
    assert [e.ok for e in warm.entries] == [True, True, True, False]
    assert warm.entries[1].report is not None and len(decoded) == 1
    assert warm.entries[1].report.meta == cold.entries[1].report.meta  # decoded once
    assert len(decoded) == 1
    assert len(warm.reports) == 3 and len(decoded) == 3


def test_a_report_the_cache_codec_cannot_carry_still_opens(tmp_path: Path, cache_dir: Path) -> None:
    edge = Path(__file__).resolve().parents[1] / "fixtures" / "edge_report.yaml"
    (tmp_path / "lib").mkdir()
    shutil.copy(edge, tmp_path / "lib" / "edge.yaml")
    library = open_library([tmp_path / "lib"])
    assert [e.error for e in library.entries] == [None]
    again = open_library([tmp_path / "lib"])
    assert again.reports[0].meta == library.reports[0].meta
