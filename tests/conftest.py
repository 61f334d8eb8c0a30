"""Shared by every test: keep the load cache out of the user's real cache directory.

``load_report`` caches validated reports (``model/cache.py``); the suite, and the
commands it runs in subprocesses, use a throwaway directory instead.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from partybuild_tui.model.cache import ENV_VAR


@pytest.fixture(autouse=True, scope="session")
def _private_report_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(tmp_path_factory.mktemp("report-cache"))
    yield
    if previous is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = previous


@pytest.fixture(scope="session")
def bench_generate() -> ModuleType:
    """``bench/generate.py`` as a module (the synthetic report generator)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
