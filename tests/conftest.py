"""Shared by every test: keep the load cache and its key out of the user's real directories.

``state.cache.load_report`` caches validated reports and signs them with a key in
the state directory; the suite, and the commands it runs in subprocesses, use
throwaway directories instead.
"""

from __future__ import annotations

import gc
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from xdist.scheduler import LoadScopeScheduling

from partybuild_tui.state.locations import CACHE_ENV, STATE_ENV

STARTS_FIRST = (
    # Long in wall time (a browser, tmux, a pty, a cold mypy): started first, they
    # overlap with everything else instead of running alone at the end.
    "tests/web/",
    "tests/app/test_notices_in_tmux.py",
    "tests/unit/test_static_checks.py",
    "tests/app/test_terminal_signals.py",
    "tests/app/test_crash.py",
    "tests/app/test_hostile_display.py",
    "tests/app/test_key_bursts.py",
    "tests/app/test_tmux_clipboard.py",
    "tests/unit/test_packaging.py",
    "tests/unit/test_compare_example.py",
    "tests/unit/test_imports.py",
    "tests/unit/",  # then the other modules, each a unit (below), some of them long
)  # the pilot tests last: one unit each, short, they fill the gaps at the end
MODULE_SETUP = (
    # app test modules whose fixtures are module-scoped: kept on one worker
    "tests/app/test_hostile_display.py",
    "tests/app/test_large_reports.py",
    "tests/app/test_targets_and_header.py",
)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Twice the cores for ``-n auto``: a pilot test spends most of its time waiting
    (each key press idles at least 40 ms in Textual's pilot), so a worker per core
    leaves the cores half idle; two per core keep them busy."""
    return 2 * (os.cpu_count() or 1)


def _start_order(item: pytest.Item) -> int:
    path = item.nodeid.split("::", 1)[0]
    return next(
        (i for i, prefix in enumerate(STARTS_FIRST) if path.startswith(prefix)), len(STARTS_FIRST)
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_start_order)  # stable: file order within each rank


class _Scheduler(LoadScopeScheduling):
    """Each pilot test is a unit of its own (they are long and uneven), any other module is
    one unit (its module-scoped fixtures are built once); units go out in collection order,
    a few at a time, to whichever worker is free. xdist's default sends each worker a
    quarter of the suite up front in file order: two workers got the pilot tests and ran
    for minutes after the other two had finished."""

    def _split_scope(self, nodeid: str) -> str:
        path = nodeid.split("::", 1)[0]
        if path.startswith("tests/app/") and path not in MODULE_SETUP:
            return nodeid
        return path


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> LoadScopeScheduling:
    config.option.loadscopereorder = False  # keep the order above, not largest unit first
    return _Scheduler(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported and collected lives until the worker ends: out of the collector's way."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After each test, collect its garbage and freeze what survives (caches, fixtures).

    A pilot test makes hundreds of thousands of objects; without this, every full
    collection in a later test walks all that earlier tests left alive, and a worker
    spent a quarter of its CPU in the collector. Inside a test the collector runs as usual.
    """
    yield
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True, scope="session")
def _private_report_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = {name: os.environ.get(name) for name in (CACHE_ENV, STATE_ENV)}
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("report-cache"))
    os.environ[STATE_ENV] = str(tmp_path_factory.mktemp("state"))
    yield
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def bench_generate() -> ModuleType:
    """``bench/generate.py`` as a module (the synthetic report generator)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
