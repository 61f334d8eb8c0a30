"""The wheel carries the bundled report and the schema, and runs from outside the checkout.

Builds the wheel with hatchling's own builder (no network, well under a second),
looks inside it, then unpacks it into a temporary folder and runs
``python -m partybuild_tui check`` from another folder with only that copy on the
path: the bundled report must be the one inside the package, not ``data/`` here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("hatchling")

from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.packaging


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = list(WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"]))
    assert len(built) == 1
    return Path(built[0])


def test_the_wheel_holds_the_bundled_report_and_the_schema(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert (
            archive.read("partybuild_tui/data/report.yaml")
            == (ROOT / "data" / "report.yaml").read_bytes()
        )
        assert (
            archive.read("partybuild_tui/model/report.schema.json")
            == (ROOT / "src" / "partybuild_tui" / "model" / "report.schema.json").read_bytes()
        )
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "partybuild-tui = partybuild_tui.cli:main" in archive.read(entry_points).decode()
    assert "partybuild_tui/__main__.py" in names
    assert not [n for n in names if n.endswith(".pyc") or n.startswith("tests/")]


def test_the_unpacked_wheel_checks_its_own_bundled_report(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "check"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == f"{site / 'partybuild_tui' / 'data' / 'report.yaml'}: valid"
    assert "sections" in result.stdout and "metrics" in result.stdout
    schema = subprocess.run(
        [
            sys.executable,
            "-c",
            "from partybuild_tui.model.schema import report_schema as s; print(s()['title'])",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert schema.stdout.strip() == "partybuild-report/1", schema.stderr
