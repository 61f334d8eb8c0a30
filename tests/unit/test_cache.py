"""The load cache: a hit is the very Report a cold load builds, and nothing about the
cache — stale, corrupt, foreign or unwritable — can make a load fail or go wrong."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import msgpack
import pytest

from partybuild_tui.cli import main
from partybuild_tui.model import ReportError, bundled_report_path, loader
from partybuild_tui.model import load_report as read_file
from partybuild_tui.state import cache as cache_module
from partybuild_tui.state import codec, locations
from partybuild_tui.state.cache import load_report


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(locations.CACHE_ENV, str(directory))
    return directory


@pytest.fixture
def cold_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files parsed from YAML (a cache hit parses nothing)."""
    seen: list[str] = []
    real = cache_module.load_bytes

    def counting(path: str, data: bytes):
        seen.append(path)
        return real(path, data)

    monkeypatch.setattr(cache_module, "load_bytes", counting)
    return seen


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    path = tmp_path / "report.yaml"
    shutil.copyfile(bundled_report_path(), path)
    return path


@pytest.fixture(scope="module")
def generated_text(bench_generate) -> str:
    return bench_generate.generate_text(sections=80, metrics=6, seed=7)


@pytest.fixture
def generated(tmp_path: Path, generated_text: str) -> Path:
    path = tmp_path / "big.yaml"
    path.write_text(generated_text, encoding="utf-8")
    return path


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("report-*.msgpack")) if directory.exists() else []


def _exact(report) -> bytes:
    """Every value of the model with its type (1 and 1.0 differ here, unlike ==)."""
    return codec.encode_report(report)


@pytest.mark.parametrize("which", ["bundled", "generated"])
def test_a_cache_hit_is_the_same_report_as_a_cold_load(which, request, cache_dir, cold_loads):
    path: Path = request.getfixturevalue(which)
    cold = read_file(path)
    assert _entries(cache_dir) == []  # reading the file itself never writes the cache

    first = load_report(path)  # a miss: parsed, validated, then stored
    assert len(_entries(cache_dir)) == 1
    assert cold_loads == [str(path)]  # the miss; the first read went through the model

    hit = load_report(path)
    assert cold_loads == [str(path)], "the second load must come from the cache"
    assert hit == cold == first
    assert _exact(hit) == _exact(cold)
    assert [s.id for s in hit.walk()] == [s.id for s in cold.walk()]
    assert hit.section(cold.ordered[-1].id).breadcrumb == cold.ordered[-1].breadcrumb
    for metric in hit.metrics:  # shared like a cold load's, not copied per metric
        assert metric.breadcrumb is hit.section(metric.section_id).breadcrumb


def test_the_entry_holds_plain_data_and_is_private(generated, cache_dir):
    load_report(generated)
    (entry,) = _entries(cache_dir)
    assert entry.read_bytes().startswith(cache_module.MAGIC)
    assert oct(entry.stat().st_mode & 0o777) == "0o600"
    assert not [p for p in cache_dir.iterdir() if p.suffix == ".tmp"]


def test_an_edited_file_is_loaded_afresh(generated, cache_dir, cold_loads):
    before = load_report(generated)
    text = generated.read_text(encoding="utf-8")
    title = before.ordered[3].title
    generated.write_text(text.replace(title, "改过的标题", 1), encoding="utf-8")

    after = load_report(generated)
    assert after.ordered[3].title == "改过的标题"
    assert len(cold_loads) == 2
    assert load_report(generated) == after  # and the new version is cached
    assert len(cold_loads) == 2
    assert len(_entries(cache_dir)) == 1  # one entry per path, replaced


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(generated, cache_dir):
    load_report(generated)
    info = generated.stat()
    data = generated.read_bytes()
    swapped = data.replace("泽州县".encode(), "阳城县".encode(), 1)
    if swapped == data:
        swapped = data.replace("高平市".encode(), "陵川县".encode(), 1)
    assert swapped != data and len(swapped) == len(data)
    generated.write_bytes(swapped)
    os.utime(generated, ns=(info.st_atime_ns, info.st_mtime_ns))

    assert load_report(generated) == read_file(generated)


def test_touching_the_file_rebuilds_the_entry(generated, cache_dir, cold_loads):
    load_report(generated)
    info = generated.stat()
    os.utime(generated, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    assert load_report(generated) == read_file(generated)
    assert len(cold_loads) == 2  # miss, stale miss (read_file is the model's own read)
    load_report(generated)
    assert len(cold_loads) == 2


def test_another_app_version_does_not_use_the_entry(generated, cache_dir, cold_loads, monkeypatch):
    load_report(generated)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    load_report(generated)
    assert len(cold_loads) == 2


def _corrupt_truncate(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])


def _corrupt_flip(entry: Path) -> None:
    data = bytearray(entry.read_bytes())
    data[-100] ^= 0x20  # inside the last strings of the payload
    entry.write_bytes(bytes(data))


def _corrupt_garbage(entry: Path) -> None:
    entry.write_bytes(os.urandom(4096))


def _corrupt_empty(entry: Path) -> None:
    entry.write_bytes(b"")


def _corrupt_header(entry: Path) -> None:
    data = entry.read_bytes()
    entry.write_bytes(cache_module.MAGIC + b"\xff\xff\xff\xff" + data[len(cache_module.MAGIC) :])


def _corrupt_wrong_shape(entry: Path) -> None:
    """An entry signed with the right key whose payload is not a report: decoding fails."""
    data = entry.read_bytes()
    body = memoryview(data)[len(cache_module.MAGIC) + 32 :]
    (length,) = cache_module._LENGTH.unpack_from(body)
    forged = bytes(body[: 4 + length]) + msgpack.packb([codec.FINGERPRINT, 2, 3])
    entry.write_bytes(cache_module.MAGIC + cache_module.sign(forged) + forged)


def _corrupt_directory(entry: Path) -> None:
    entry.unlink()
    entry.mkdir()


def _corrupt_fifo(entry: Path) -> None:
    entry.unlink()
    os.mkfifo(entry)  # opening it for reading must not block the start


@pytest.mark.parametrize(
    "corrupt",
    [
        _corrupt_truncate,
        _corrupt_flip,
        _corrupt_garbage,
        _corrupt_empty,
        _corrupt_header,
        _corrupt_wrong_shape,
        _corrupt_directory,
        _corrupt_fifo,
    ],
)
def test_a_corrupt_entry_means_a_silent_cold_load(generated, cache_dir, cold_loads, corrupt):
    expected = load_report(generated)
    (entry,) = _entries(cache_dir)
    corrupt(entry)

    assert load_report(generated) == expected
    assert len(cold_loads) == 2
    if entry.is_file():  # rewritten, and good again
        assert load_report(generated) == expected
        assert len(cold_loads) == 2


def test_an_unwritable_cache_directory_still_loads(generated, tmp_path, monkeypatch, cold_loads):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv(locations.CACHE_ENV, str(blocker / "cache"))  # mkdir fails, even as root
    expected = read_file(generated)
    assert load_report(generated) == expected
    assert load_report(generated) == expected
    assert len(cold_loads) == 2  # no entry could be written: both loads parse
    assert blocker.read_text() == "x"


def test_an_empty_cache_variable_turns_the_cache_off(generated, tmp_path, monkeypatch, cold_loads):
    monkeypatch.setenv(locations.CACHE_ENV, "")
    monkeypatch.chdir(tmp_path)
    load_report(generated)
    load_report(generated)
    assert len(cold_loads) == 2
    assert not list(tmp_path.rglob("*.msgpack"))


def test_an_invalid_report_is_never_cached(tmp_path, cache_dir):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: partybuild-report/1\nreport: {title: x}\nsections: [{id: A}]\n")
    with pytest.raises(ReportError):
        load_report(bad)
    assert _entries(cache_dir) == []


def test_a_cached_report_made_invalid_is_refused(generated, cache_dir):
    load_report(generated)
    text = generated.read_text(encoding="utf-8")
    generated.write_text(text.replace("qualifier: exact", "qualifier: maybe", 1), encoding="utf-8")
    with pytest.raises(ReportError, match="unknown qualifier 'maybe'"):
        load_report(generated)


def test_the_save_can_wait_for_the_first_frame(generated, cache_dir, cold_loads):
    later: list = []
    report = load_report(generated, schedule_save=later.append)
    assert _entries(cache_dir) == [] and len(later) == 1
    later[0]()
    assert load_report(generated) == report
    assert len(cold_loads) == 1


def test_check_always_validates_the_file_itself(generated, cache_dir, monkeypatch, capsys):
    parsed: list[str] = []  # `check` reads through the model, not the cache layer
    real = loader.load_bytes

    def counting(path: str, data: bytes):
        parsed.append(path)
        return real(path, data)

    monkeypatch.setattr(loader, "load_bytes", counting)
    assert main(["check", str(generated)]) == 0
    assert main(["check", str(generated)]) == 0
    assert parsed == [str(generated), str(generated)]
    assert _entries(cache_dir) == []
    assert "valid" in capsys.readouterr().out


def test_only_the_most_recently_used_entries_are_kept(tmp_path, cache_dir, cold_loads):
    paths = []
    for number in range(cache_module.MAX_ENTRIES):
        path = tmp_path / f"report-{number}.yaml"
        shutil.copyfile(bundled_report_path(), path)
        paths.append(path)
        load_report(path)
    entry = {p: cache_module.entry_path(cache_dir, os.path.abspath(p)) for p in paths}
    for age, path in enumerate(reversed(paths)):  # report-0 oldest
        os.utime(entry[path], (1_000_000_000 - age * 60, 1_000_000_000 - age * 60))
    load_report(paths[0])  # a hit: now the most recently used
    assert len(cold_loads) == cache_module.MAX_ENTRIES
    for number in range(2):
        extra = tmp_path / f"extra-{number}.yaml"
        shutil.copyfile(bundled_report_path(), extra)
        load_report(extra)
    left = set(_entries(cache_dir))
    assert len(left) == cache_module.MAX_ENTRIES
    assert entry[paths[0]] in left
    assert entry[paths[1]] not in left and entry[paths[2]] not in left


def test_a_hit_reads_a_sections_text_and_metrics_only_when_they_are_used(generated, cache_dir):
    from partybuild_tui.state import lazy

    cold = load_report(generated)
    decoded: list[int] = []
    real = lazy.SectionStore.__init__

    def watching(self, bounds, decode, fallback=None):
        def counting(order):
            decoded.append(order)
            return decode(order)

        real(self, bounds, counting, fallback)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(lazy.SectionStore, "__init__", watching)
        hit = load_report(generated)
    # What a first frame needs (the tree, the counts) decodes no section at all.
    assert hit.total_metrics == cold.total_metrics > 0
    assert [s.total_metrics for s in hit.ordered] == [s.total_metrics for s in cold.ordered]
    assert [len(s.paragraphs) for s in hit.ordered] == [len(s.paragraphs) for s in cold.ordered]
    assert decoded == []
    shown = next(s for s in hit.ordered if s.total_metrics and s.depth > 0)
    assert shown.metrics == cold.section(shown.id).metrics
    assert shown.paragraphs == cold.section(shown.id).paragraphs
    assert decoded == [shown.order]
    assert shown.metrics[0] is shown.metrics[0]  # built once, then kept
    assert hit.metrics == cold.metrics  # everything, on first use of the whole list
    assert hit.metric(shown.metrics[0].id) is shown.metrics[0]
    assert sorted(decoded) == list(range(len(cold.ordered)))


def test_metrics_read_from_two_threads_are_the_same_objects(generated, cache_dir):
    load_report(generated)
    hit = load_report(generated)
    sections = [s for s in hit.ordered if s.total_metrics]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda s: list(s.metrics), sections * 4))
        everything = pool.submit(lambda: list(hit.metrics)).result()
    for section in sections:
        for metric in section.metrics:
            assert hit.metric(metric.id) is metric
    assert len(everything) == hit.total_metrics


def test_a_hit_pickles_to_plain_tuples_with_shared_metrics(generated, cache_dir):
    import pickle

    load_report(generated)
    hit = load_report(generated)
    copy = pickle.loads(pickle.dumps(hit))
    assert copy == hit
    assert type(copy.metrics) is tuple and type(copy.ordered[1].metrics) is tuple
    section = next(s for s in copy.ordered if s.metrics)
    assert copy.metric(section.metrics[0].id) is section.metrics[0]


def test_a_minor_schema_version_is_cached_too(tmp_path, cache_dir, cold_loads):
    path = tmp_path / "minor.yaml"
    text = bundled_report_path().read_text(encoding="utf-8")
    path.write_text(text.replace("partybuild-report/1", "partybuild-report/1.2", 1), "utf-8")
    first = load_report(path)
    assert first.schema == "partybuild-report/1.2"
    assert load_report(path) == first
    assert len(cold_loads) == 1


@pytest.mark.parametrize("thread_bytes", [0, 1 << 40], ids=["on-threads", "inline"])
def test_hashing_on_a_thread_or_at_once_gives_the_same_answers(
    generated, cache_dir, cold_loads, monkeypatch, thread_bytes
):
    """Large files are hashed on threads, small ones at once (``THREAD_BYTES``): a hit, a
    forged entry and a same-size same-mtime edit are told apart the same way either way."""
    monkeypatch.setattr(cache_module, "THREAD_BYTES", thread_bytes)
    expected = load_report(generated)
    assert load_report(generated) == expected and len(cold_loads) == 1  # a hit
    (entry,) = _entries(cache_dir)
    _corrupt_flip(entry)
    assert load_report(generated) == expected and len(cold_loads) == 2  # bad signature: a miss
    info, data = generated.stat(), generated.read_bytes()
    swapped = data.replace("泽州县".encode(), "阳城县".encode(), 1)
    assert swapped != data and len(swapped) == len(data)
    generated.write_bytes(swapped)
    os.utime(generated, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert load_report(generated) == read_file(generated)  # other bytes
    assert len(cold_loads) == 3  # the edit is a miss too
