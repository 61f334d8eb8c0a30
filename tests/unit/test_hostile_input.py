"""Hostile and broken report files: one clear line, exit 2, in under a second.

The committed corpus is tests/fixtures/hostile/ with its expected.yaml (the exact
line for each refused file, or what a file that loads must read as). Files that
are too big or too odd to commit (FIFO, /dev/zero, a sparse 65 MiB file,
100,000 '[') are made here in a temporary folder.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from partybuild_tui.cli import main
from partybuild_tui.model import Report, ReportError, load_report, load_text
from partybuild_tui.model import yaml_reader as yaml_reader_module

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (HOSTILE / "expected.yaml").read_text(encoding="utf-8")
)
# What must never reach a terminal from a report: C0 but newline, DEL, C1, bidi
# controls, lone surrogates.
TERMINAL_ACTIVE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
VALID = """\
schema: partybuild-report/1
report: {title: 测试报告}
sections:
  - id: a
    title: 第一节
    paragraphs: [开展学习38次。]
"""


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``partybuild-tui check ARGS`` in this process: (status, stdout, stderr)."""
    status = main(["check", *args])  # how fast: bench/hostile_bench.py
    out, err = capsys.readouterr()
    return status, out, err


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one line ``check`` prints for a refused file (exit 2, nothing on stdout)."""
    status, out, err = check(capsys, *args)
    assert (status, out) == (2, "")
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and not TERMINAL_ACTIVE.search(err)
    return err[:-1]


def attribute(report: Report, dotted: str) -> Any:
    """``report`` followed along ``meta.title`` or ``metrics[0].value``."""
    value: Any = report
    for part in dotted.split("."):
        name, _, index = part.partition("[")
        value = getattr(value, name)
        if index:
            value = value[int(index.rstrip("]"))]
    return value


# --- the committed corpus -----------------------------------------------------------------


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    files = {p.name for p in HOSTILE.iterdir() if p.name != "expected.yaml"}
    assert files == set(EXPECTED)
    assert len(files) >= 30
    assert sum("error" in entry for entry in EXPECTED.values()) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / name
    expected = EXPECTED[name]
    if "error" in expected:
        assert refused(capsys, str(path)) == f"{path}{expected['error']}"
        return
    status, out, err = check(capsys, str(path))
    assert (status, err) == (0, "")
    assert out.startswith(f"{path}: valid\n")
    assert not TERMINAL_ACTIVE.search(out)
    report = load_report(path)
    for dotted, value in expected["loads"].items():
        assert attribute(report, dotted) == value, dotted


# --- paths that are not report files ------------------------------------------------------


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A folder is a library now: an empty one says so in the same one-line form.
    assert refused(capsys, str(tmp_path)) == (
        f"{tmp_path}: no report files (*.yaml, *.yml, *.json) in this folder"
    )


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere.yaml"
    assert refused(capsys, str(path)) == f"{path}: no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_blocking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # nobody ever writes to it: opening it for reading would block
    assert refused(capsys, str(fifo)) == f"{fifo}: is a FIFO (named pipe), not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert refused(capsys, "/dev/zero") == "/dev/zero: is a device, not a regular file"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_symlink_to_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "report.yaml"
    link.symlink_to("/dev/zero")
    assert refused(capsys, str(link)) == f"{link}: is a device, not a regular file"


def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    path = tmp_path / "a.yaml"
    assert refused(capsys, str(path)) == (f"{path}: cannot open: {os.strerror(errno.ELOOP)}")


def run_as_nobody(action: Callable[[], str]) -> str:
    """``action()`` in a forked child that has given up root; what it returned."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        try:
            os.setgid(65534)
            os.setuid(65534)
            message = action()
        except PermissionError:
            message = "SKIP: cannot drop privileges here"
        except BaseException as error:
            message = f"child failed: {error!r}"
        os.write(write_end, message.encode("utf-8", "backslashreplace"))
        os._exit(0)
    os.close(write_end)
    os.waitpid(pid, 0)
    with os.fdopen(read_end, "rb") as pipe:
        return pipe.read().decode("utf-8")


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() != 0:
        path = tmp_path / "secret.yaml"
        path.write_text(VALID, encoding="utf-8")
        path.chmod(0)
        expected = f"{path}: permission denied: cannot read this file"
        assert refused(capsys, str(path)) == expected
        return
    # root reads anything: check in a child that has become 'nobody' instead, in a
    # folder nobody may enter, next to a readable report that must load there.
    folder = Path(tempfile.mkdtemp(prefix="partybuild-unreadable-"))
    try:
        folder.chmod(0o755)
        readable, secret = folder / "open.yaml", folder / "secret.yaml"
        for path in (readable, secret):
            path.write_text(VALID, encoding="utf-8")
        readable.chmod(0o644)
        secret.chmod(0)

        def load_both() -> str:
            messages = []
            for path in (readable, secret):
                try:
                    messages.append(f"{path}: loaded {load_report(path).title}")
                except ReportError as error:
                    messages.append(str(error))
            return "\n".join(messages)

        message = run_as_nobody(load_both)
        if message.startswith("SKIP"):
            pytest.skip(message)
        assert message.splitlines() == [
            f"{readable}: loaded 测试报告",
            f"{secret}: permission denied: cannot read this file",
        ]
    finally:
        shutil.rmtree(folder)


def test_permission_error_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same refusal through the command line, whoever runs the tests.
    from partybuild_tui.model import source

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(source.os, "open", denied)
    path = tmp_path / "secret.yaml"
    assert refused(capsys, str(path)) == f"{path}: permission denied: cannot read this file"


# --- sizes ------------------------------------------------------------------------------------


def test_over_a_small_max_size_and_raising_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "padded.yaml"
    path.write_text(VALID + "# padding\n" * 200, encoding="utf-8")
    size = path.stat().st_size
    assert refused(capsys, "--max-size", "1K", str(path)) == (
        f"{path}: file is {size:,} bytes, over the 1,024 bytes limit (raise it with --max-size)"
    )
    status, out, err = check(capsys, "--max-size", "4K", str(path))
    assert (status, err) == (0, "") and out.startswith(f"{path}: valid")


def test_over_the_default_64_mib_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: no disk used, nothing read
        handle.truncate(65 * 1024 * 1024)
    assert refused(capsys, str(path)) == (
        f"{path}: file is 65 MiB, over the 64 MiB limit (raise it with --max-size)"
    )


def test_max_size_that_is_not_a_size(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = check(capsys, "--max-size", "lots")
    assert (status, out) == (2, "")
    assert "--max-size: not a size: 'lots' (like 64M or 1G)" in err


# --- generated YAML: deep, wide, odd --------------------------------------------------------

LOADERS = {"libyaml": yaml_reader_module._Loader, "pure-python": yaml.SafeLoader}
DEEP = {
    "100000 [": (
        "[" * 100_000,
        {
            "libyaml": "1:1001: nesting far deeper than 64 levels",
            "pure-python": "1:65: nesting deeper than 64 levels",
        },
    ),
    "100000 {a: ": ("{a: " * 100_000, "1:257: nesting deeper than 64 levels"),
    "100000 '- '": ("- " * 100_000 + "x\n", "1:129: nesting deeper than 64 levels"),
    "100000 [ then ]": (
        "[" * 100_000 + "]" * 100_000,
        {
            "libyaml": "1:1001: nesting far deeper than 64 levels",
            "pure-python": "1:65: nesting deeper than 64 levels",
        },
    ),
}


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("case", DEEP)
def test_very_deep_nesting_never_crashes_the_parser(
    case: str, loader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text, expected = DEEP[case]
    if isinstance(expected, dict):
        expected = expected[loader]
    monkeypatch.setattr(yaml_reader_module, "_Loader", LOADERS[loader])
    with pytest.raises(ReportError) as caught:  # not RecursionError, not a segfault
        load_text(text, "deep.yaml")
    assert str(caught.value) == f"deep.yaml:{expected}"


def test_100000_brackets_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 100_000, encoding="utf-8")
    assert refused(capsys, str(path)) == f"{path}:1:1001: nesting far deeper than 64 levels"


def test_a_5000_digit_title_is_text_and_a_5000_digit_value_is_refused() -> None:
    digits = "7" * 5000
    report = load_text(VALID.replace("{title: 测试报告}", "{title: " + digits + "}"))
    assert report.title == digits
    text = (
        VALID + "    metrics: [{id: m, label: x, value: " + digits + ", unit: 次, quote: 38次}]\n"
    )
    with pytest.raises(ReportError) as caught:
        load_text(text, "big.yaml")
    assert str(caught.value) == (
        "big.yaml:7:40: sections[0].metrics[0].value: number has 5000 digits; at most 20 are accepted"
    )


def test_a_huge_key_is_shortened_in_the_message() -> None:
    key = "键" * 100_000
    with pytest.raises(ReportError) as caught:
        load_text(f"? {key}\n: 1\n? {key}\n: 2\n", "keys.yaml")  # explicit keys: no length cap
    assert str(caught.value) == f"keys.yaml:3:3: duplicate key '{'键' * 40}…'"


def test_an_escape_in_a_key_never_reaches_the_message() -> None:
    with pytest.raises(ReportError) as caught:
        load_text('"\\e]52;c;eA==\\a": 1\n"\\e]52;c;eA==\\a": 2\n', "keys.yaml")
    assert str(caught.value) == "keys.yaml:2:1: duplicate key '␛]52;c;eA==␇'"


def test_lone_surrogates_given_to_load_text() -> None:
    with pytest.raises(ReportError) as caught:
        load_text("schema: partybuild-report/1\nreport: {title: \ud800}\n", "s.yaml")
    assert (
        str(caught.value) == "s.yaml:2:17: control character U+D800 is not allowed in a report file"
    )


def test_a_nul_in_the_path_is_a_report_error() -> None:
    with pytest.raises(ReportError) as caught:
        load_report("bad\x00name.yaml")
    assert str(caught.value) == "bad␀name.yaml: not a valid file name"


# --- as a real process: one line on stderr, exit 2, no traceback, no hang --------------------


@pytest.mark.parametrize("kind", ["fifo", "directory", "deep", "hostile"])
def test_real_process(kind: str, tmp_path: Path) -> None:
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
        expected = f"{path}: is a FIFO (named pipe), not a regular file"
    elif kind == "directory":
        path = tmp_path
        expected = f"{path}: no report files (*.yaml, *.yml, *.json) in this folder"
    elif kind == "deep":
        path = tmp_path / "deep.yaml"
        path.write_text("[" * 100_000, encoding="utf-8")
        expected = f"{path}:1:1001: nesting far deeper than 64 levels"
    else:
        path = HOSTILE / "python-tag.yaml"
        expected = f"{path}{EXPECTED['python-tag.yaml']['error']}"
    result = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n")


# --- the report file is never written to ----------------------------------------------------


def test_loading_opens_the_report_read_only_and_leaves_it_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from partybuild_tui.model import source

    path = tmp_path / "report.yaml"
    path.write_text(VALID, encoding="utf-8")
    path.chmod(0o444)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    flags: list[int] = []
    real_open = os.open

    def recording_open(name: Any, mode: int, *args: Any, **kwargs: Any) -> int:
        if Path(name) == path:
            flags.append(mode)
        return real_open(name, mode, *args, **kwargs)

    monkeypatch.setattr(source.os, "open", recording_open)
    load_report(path)
    status, _, _ = check(capsys, str(path))
    assert status == 0
    assert len(flags) == 2
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    assert [mode & writing for mode in flags] == [0, 0]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
