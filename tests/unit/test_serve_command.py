"""``partybuild-tui serve`` refuses what it must before it listens (no browser needed)."""

from __future__ import annotations

import importlib.util

import pytest

from partybuild_tui.cli import main
from partybuild_tui.web.server import is_loopback, serve_command, session_dir


def test_without_the_web_extra_it_names_the_install_command(monkeypatch, capsys) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "textual_serve" else real(name, *a),
    )
    assert main(["serve"]) == 2
    assert "pip install 'partybuild-tui[web]'" in capsys.readouterr().err


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "example.org", "::"])
def test_a_host_other_machines_reach_needs_public(host: str, capsys) -> None:
    assert main(["serve", "--host", host]) == 2
    err = capsys.readouterr().err
    assert "--public" in err and "no login" in err


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.8.9.10", "[::1]"])
def test_loopback_hosts_are_loopback(host: str) -> None:
    assert is_loopback(host)


def test_a_missing_path_is_refused(tmp_path, capsys) -> None:
    assert main(["serve", str(tmp_path / "nowhere.yaml")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_bad_port_is_a_usage_error(port: str, capsys) -> None:
    assert main(["serve", "--port", port]) == 2
    assert "port" in capsys.readouterr().err


def test_the_tab_command_is_fixed_and_quoted(tmp_path) -> None:
    odd = tmp_path / "a b; rm -rf ~.yaml"
    command = serve_command([odd], ["--lang", "zh"])
    assert command.startswith("exec ")
    assert "'" + str(odd) + "'" in command  # one shell word, never code


def test_a_browser_cookie_never_becomes_a_path(tmp_path) -> None:
    folder = session_dir(tmp_path, "../../etc/passwd")
    assert folder.parent == tmp_path and len(folder.name) == 32
