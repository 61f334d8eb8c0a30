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

from partybuild_tui.state.locations import CACHE_ENV, STATE_ENV


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Twice the cores for ``-n auto``: a pilot test spends most of its time waiting
    (each key press idles at least 40 ms in Textual's pilot), so a worker per core
    leaves the cores half idle; two per core keep them busy."""
    return 2 * (os.cpu_count() or 1)


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
