"""Where the app keeps its files, and the one place that reads environment variables for paths.

* cache: ``$PARTYBUILD_TUI_CACHE_DIR`` (an empty value turns the load cache off),
  else ``platformdirs.user_cache_dir("partybuild-tui")``;
* state (bookmarks, the cache's secret key): ``$PARTYBUILD_TUI_STATE_DIR`` when set
  and not empty, else ``platformdirs.user_state_dir("partybuild-tui")``.

Both directories must be private: ``private_directory`` creates one with mode
0700, and refuses one that another user owns or that group or others may write
to (someone else could plant or swap files there). No Textual here.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

APP_NAME = "partybuild-tui"
CACHE_ENV = "PARTYBUILD_TUI_CACHE_DIR"
STATE_ENV = "PARTYBUILD_TUI_STATE_DIR"
SECRET_NAME = "cache-key"
SERVED_CLIPBOARD_ENV = "PARTYBUILD_TUI_CLIPBOARD"
"""Set by ``serve`` for each browser tab: ``insecure`` when the page is plain http on
another host, where browsers refuse to let a page write the clipboard."""


def cache_dir() -> Path | None:
    """Where load-cache entries live; ``None`` when the cache is turned off."""
    override = os.environ.get(CACHE_ENV)
    if override is not None:
        return Path(override).expanduser() if override.strip() else None
    import platformdirs  # lazy: only when the cache is used; `check` never pays for it

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """``$PARTYBUILD_TUI_STATE_DIR`` if set and not empty, else the platform's state directory."""
    override = os.environ.get(STATE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # lazy: as above

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def secret_path() -> Path:
    """The per-user key that signs load-cache entries (mode 0600, in the state directory)."""
    return state_dir() / SECRET_NAME


def unsafe_reason(info: os.stat_result) -> str | None:
    """Why a directory or file with this ``stat`` must not be trusted; ``None`` if it may."""
    getuid = getattr(os, "getuid", None)
    if getuid is not None and info.st_uid != getuid():
        return "is owned by another user"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "is writable by other users"
    return None


def private_directory(path: Path, *, create: bool = True) -> str | None:
    """Make sure ``path`` is a private directory; ``None`` if it is, else why it is not.

    A missing directory (and its missing parents) is created with mode 0700. An
    existing one (or what a symbolic link to it points at) must be owned by this
    user and not writable by group or others; it is never chmod-ed behind the
    user's back, since it may be shared on purpose.
    """
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(path)
    except OSError as error:
        return f"cannot be used ({error.strerror or error})"
    if not stat.S_ISDIR(info.st_mode):
        return "is not a directory"
    return unsafe_reason(info)


def browser_clipboard_blocked() -> bool:
    """Whether ``serve`` said this tab's browser will refuse clipboard writes."""
    return os.environ.get(SERVED_CLIPBOARD_ENV, "") == "insecure"


def shared_directory(path: Path, what: str, *, create: bool = False) -> str | None:
    """``"{what}: the state directory … is writable by other users"`` when ``path`` is not
    private; ``None`` when it is, and when it cannot be made or read (callers then say so)."""
    if create:
        with contextlib.suppress(OSError):
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        problem = unsafe_reason(os.stat(path))
    except OSError:
        return None
    return None if problem is None else f"{what}: the state directory {path} {problem}"
