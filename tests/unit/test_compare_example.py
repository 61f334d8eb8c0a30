"""The bundled example library: shipped in the wheel, marked as invented, working from there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from partybuild_tui.compare.example import EXAMPLE_KIND, example_library_dir
from partybuild_tui.model import bundled_report_path, load_report

ROOT = Path(__file__).resolve().parents[2]


def test_every_derived_report_says_it_is_an_example_and_the_real_one_is_unchanged() -> None:
    derived = sorted(example_library_dir().glob("example-*.yaml"))
    assert len(derived) == 4
    for path in derived:
        meta = load_report(str(path)).meta
        assert meta.title.startswith("示例 / example: ") and "invented figures" in meta.title
        assert meta.kind == EXAMPLE_KIND and meta.source == "示例 / example"
    # The real report is the bundled one itself, not a copy that could drift.
    assert not list(example_library_dir().glob("jincheng*.yaml"))
    assert load_report(str(bundled_report_path())).meta.kind is None


@pytest.mark.packaging
def test_the_wheel_ships_the_example_library_and_compare_runs_from_it(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    from hatchling.builders.wheel import WheelBuilder

    out = tmp_path / "dist"
    out.mkdir()
    wheel = Path(
        next(iter(WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])))
    )
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(site)
    for name in ("indicators.yaml", "indicator-links.tsv", "example-jincheng-2024.yaml"):
        assert f"partybuild_tui/data/example-library/{name}" in names
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "compare", "--format", "json", "--targets"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    targets = json.loads(done.stdout)["targets"]
    assert {t["status"] for t in targets} == {"met", "not_met"}
