"""The web server: one app process per browser tab, state kept per browser.

A tab's app runs the fixed command line built at start (``serve_command``): the
browser sends only keys and sizes, so it cannot make the app open another path.
Each browser gets a random session cookie; its bookmarks, history and last
position live in a state folder named by a hash of that cookie, never shared.
"""

from __future__ import annotations

import asyncio
import hashlib
import ipaddress
import logging
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from partybuild_tui.state.locations import (
    SERVED_CLIPBOARD_ENV,
    STATE_ENV,
    private_directory,
    state_dir,
)
from partybuild_tui.web.page import TEMPLATES, terminal_script, textual_serve_static

log = logging.getLogger("textual-serve")
COOKIE = "partybuild_session"
SCRIPT_ROUTE = "/partybuild/textual.js"


def is_loopback(host: str) -> bool:
    """``localhost`` or an address of the loopback range (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve_command(paths: list[Path], extra: list[str]) -> str:
    """The shell command each tab runs: this Python, this package, these paths."""
    words = [sys.executable, "-m", "partybuild_tui", *(str(p) for p in paths), *extra]
    # exec: the shell textual-serve starts becomes the app, so a signal to it reaches the app
    return "exec " + shlex.join(words)


def session_dir(root: Path, token: str) -> Path:
    """The state folder of one browser: a hash of its cookie, so no path comes from it."""
    return root / hashlib.sha256(token.encode("ascii", "replace")).hexdigest()[:32]


def secure_context(request: web.Request) -> bool:
    """Whether the browser lets a page write the clipboard (https or localhost)."""
    if request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https":
        return True
    host = request.host.rsplit(":", 1)[0] if not request.host.startswith("[") else "::1"
    return is_loopback(host)


class _TabService(AppService):
    """An app process with the environment of its browser session."""

    def __init__(self, command: str, environment: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self._extra_environment = environment

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self._extra_environment)
        return environment

    def terminate(self) -> None:
        """End the tab's app now (it saves its place on SIGTERM, as on q)."""
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()


class ReportServer(Server):
    """textual-serve's server with our page, our script and per-browser state."""

    def __init__(self, command: str, *, host: str, port: int, title: str, state_root: Path) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title=title,
            statics_path=textual_serve_static(),
            templates_path=TEMPLATES,
        )
        self.state_root = state_root
        self._script = terminal_script()
        self._tabs: set[_TabService] = set()
        """The running tabs' apps: ended with the server, never left behind."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get(SCRIPT_ROUTE, self.handle_script)
        return app

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(text=self._script, content_type="application/javascript")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        context = await self._index_context(request)
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        if COOKIE not in request.cookies:
            response.set_cookie(
                COOKIE, secrets.token_urlsafe(32), httponly=True, samesite="Strict", path="/"
            )
        return response

    async def _index_context(self, request: web.Request) -> dict[str, Any]:
        # The page's URLs are relative to where the browser found it (a tunnel or a
        # proxy may change host and port), so no absolute URL is built here.
        font_size = request.query.get("fontsize", "16")
        return {
            "font_size": int(font_size)
            if font_size.isdigit() and 6 <= int(font_size) <= 48
            else 16,
            "script_url": SCRIPT_ROUTE,
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    def _environment_for(self, request: web.Request) -> dict[str, str]:
        token = request.cookies.get(COOKIE) or secrets.token_urlsafe(32)
        state = session_dir(self.state_root, token)
        problem = private_directory(state)
        if problem:  # the app itself then says once that it keeps no state
            log.warning("state folder %s %s", state, problem)
        return {
            STATE_ENV: str(state),
            SERVED_CLIPBOARD_ENV: "browser" if secure_context(request) else "insecure",
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's, with the tab's environment (its state folder)."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _size(request.query.get("width"), 80)
        height = _size(request.query.get("height"), 24)
        service: _TabService | None = None
        try:
            await websocket.prepare(request)
            service = _TabService(
                self.command,
                self._environment_for(request),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self._tabs.add(service)
            await service.start(width, height)
            try:
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one tab's failure must not stop the server
            log.exception(error)
        finally:
            if service is not None:
                self._tabs.discard(service)
                await service.stop()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        for service in list(self._tabs):
            service.terminate()

    async def on_startup(self, app: web.Application) -> None:
        print(f"partybuild-tui: serving {self.title} on http://{self.host}:{self.port}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)


def _size(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() and 1 <= int(text) <= 1000 else default


def default_state_root() -> Path:
    """Where the browsers' state folders go: the user's state folder, ``served/``."""
    return state_dir() / "served"
