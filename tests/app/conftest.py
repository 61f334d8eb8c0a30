"""Fixtures for driving the real app: the bundled report, an app factory."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from partybuild_tui.model import Report, bundled_report_path, load_report
from partybuild_tui.state import ENV_VAR as STATE_DIR_VAR
from partybuild_tui.ui import session
from partybuild_tui.ui.app import AppOptions, PartyBuildApp, make_app
from partybuild_tui.ui.screens import library as library_screen


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Bookmarks and positions go to a fresh directory per test, never the user's."""
    monkeypatch.setenv(STATE_DIR_VAR, str(tmp_path_factory.mktemp("state")))


@pytest.fixture(autouse=True)
def _colour_terminal(monkeypatch) -> None:
    """A 24-bit colour terminal, whatever runs the tests: what is drawn depends on it."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(autouse=True)
def _apps_do_not_freeze(request: pytest.FixtureRequest, monkeypatch) -> Iterator[None]:
    """The app exempts its long-lived data from the collector (``freeze_long_lived``:
    ``gc.freeze``, which takes in everything alive, the app included). A test process
    runs hundreds of apps: kept frozen, every one would stay in memory (~3 MB a test);
    thawed after each test, the full pass over all that survives costs a quarter more
    CPU. So apps here do not freeze, but in tests marked ``freezes``, thawed after."""
    if request.node.get_closest_marker("freezes") is None:
        for module in (session, library_screen):
            monkeypatch.setattr(module, "freeze_long_lived", lambda: None)
        yield
        return
    yield
    gc.unfreeze()


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
