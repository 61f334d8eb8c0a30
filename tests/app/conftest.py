"""Fixtures for driving the real app: the bundled report, an app factory."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from partybuild_tui.app import AppOptions, PartyBuildApp, make_app
from partybuild_tui.model import Report, bundled_report_path, load_report


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(bundled_report_path())


@pytest.fixture
def app_factory(report: Report) -> Callable[..., PartyBuildApp]:
    """Build the app on the bundled report; Chinese UI unless asked otherwise."""

    def make(report_: Report | None = None, **options: object) -> PartyBuildApp:
        options.setdefault("language", "zh")
        return make_app(report_ or report, AppOptions(**options))  # type: ignore[arg-type]

    return make
