"""``import`` on hostile articles (issues 13 and 18): refused with exit 2 in one line, never a
report its own loader refuses, never a raw control character, and linear time."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import partybuild_tui.commands.import_article as command
from partybuild_tui.cli import main
from partybuild_tui.importer import import_article
from partybuild_tui.importer.header import parse_header
from partybuild_tui.importer.reading import split_lines
from partybuild_tui.model import load_report


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["import", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\0" * 100, "NUL"),
        ("标题\n正文\0一句。".encode(), "NUL"),
        (b"\xff\xfe\x00garbage", "utf-16-le mark but is not utf-16-le text"),
        (b"\xfe\xffabc", "utf-16-be mark but is not utf-16-be text"),
    ],
)
def test_binary_or_mislabelled_articles_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, says: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    status, _, err = run(capsys, str(article), "-o", str(tmp_path / "a.yaml"))
    assert status == 2
    assert says in err and err.count("\n") == 1
    assert not (tmp_path / "a.yaml").exists()


def test_a_real_utf16_article_is_still_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "u16.txt"
    article.write_bytes("某县党建综述\n全县发展党员120名。\n".encode("utf-16"))
    status, _, _ = run(capsys, str(article), "-o", str(tmp_path / "u16.yaml"))
    assert status == 0
    assert load_report(tmp_path / "u16.yaml").metrics[0].value == 120


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        ("完成" + "一" * 400 + "个。", "3:5", "400 characters: 一一一一一一一一一一一一…"),
        ("完成" + "一" * 400 + "项工作。", "3:5", "400 characters"),  # no unit: still no number
        ("另有" + "9" * 400 + "个。", "3:5", "400 characters: 999999999999…"),
        ("另有" + "1" * 5000 + "个。", "3:5", "5000 characters"),
        ("另有" + "3" * 20 + ".5万个。", "3:5", "22 characters"),
        ("另有999999999999万元。", "3:5", "12 characters: 999999999999"),  # 10^15 and over
        ("正常12个,另有" + "1" * 17 + "名党员。", "3:11", "17 characters"),
    ],
    ids=["chinese-unit", "chinese-bare", "arabic-400", "arabic-5000", "decimal", "large", "17"],
)
def test_numerals_that_overflow_refuse_the_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, where: str, says: str
) -> None:
    """No report holds them, so none is made: one line ``FILE:LINE:COLUMN: …``, exit 2,
    nothing written (they were left out with a note, exit 0)."""
    article = tmp_path / "big.txt"
    article.write_text("某县党建工作综述\n\n\u3000\u3000" + body + "\n", encoding="utf-8")
    status, out, err = run(capsys, str(article), "-o", str(tmp_path / "big.yaml"))
    assert status == 2
    assert (
        err
        == (
            f"partybuild-tui import: {article}:{where}: a number too long or too large for a "
            f"figure ({says}"
        )
        + err.split(says, 1)[1]
    )
    assert err.count("\n") == 1 and "at most 16 digits" in err
    assert out == ""
    assert not (tmp_path / "big.yaml").exists()


def test_long_numbers_that_are_no_figure_still_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A long run of digits without a measure word is a code or a name, as before."""
    article = tmp_path / "code.txt"
    article.write_text("标题\n统一社会信用代码" + "1" * 40 + ",发展党员12名。\n", encoding="utf-8")
    status, _, _ = run(capsys, str(article), "-o", str(tmp_path / "code.yaml"))
    assert status == 0
    report = load_report(tmp_path / "code.yaml")
    assert [m.value for m in report.metrics] == [12]


def test_a_report_its_loader_refuses_is_never_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题\n全县发展党员120名。\n", encoding="utf-8")
    real = command.import_article

    def broken(*args, **kwargs):  # an importer bug: a value outside the model's range
        found = real(*args, **kwargs)
        found[1].data["sections"][0]["metrics"][0]["value"] = 10**30
        return found

    monkeypatch.setattr(command, "import_article", broken)
    status, _, err = run(capsys, str(article), "-o", str(tmp_path / "a.yaml"))
    assert status == 2
    assert "would not load" in err and "nothing written" in err
    assert not (tmp_path / "a.yaml").exists()


def test_an_escape_in_the_article_name_never_reaches_the_file_or_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = tmp_path / "a\x1b]0;pwned\x07.txt"
    article.write_text("标题\n全县发展党员120名。\n", encoding="utf-8")
    output = tmp_path / "out.yaml"
    status, out, err = run(capsys, str(article), "-o", str(output))
    assert status == 0
    text = output.read_text(encoding="utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\\x1b]0;pwned\\x07" in text
    assert "\x1b" not in out + err


def _seconds(function) -> float:
    """CPU seconds: the machine running the tests may be shared and loaded."""
    start = time.process_time()
    function()
    return time.process_time() - start


def test_header_patterns_do_not_backtrack_over_runs_of_spaces() -> None:
    """60 KB header-like lines of spaces took 58 s; now the header is read in linear time."""
    for line in ("作者:" + " " * 60_000 + "x", "本报记者" + " " * 60_000 + "张三 x",
                 "来源:" + " " * 60_000 + "x y", "记者 " + "张三 " * 20_000):  # fmt: skip
        lines = split_lines("标题\n" + line + "\n正文一句。")
        assert _seconds(lambda lines=lines: parse_header(lines)) < 0.5


def test_repeated_figures_import_in_linear_time(tmp_path: Path) -> None:
    """``1个`` × 3,000 took 31 s (quotes grew to the paragraph's start, each searched from
    the section's start): now each figure costs a bounded amount of work."""
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("标题\n" + "1个" * 1_000 + "\n", encoding="utf-8")
    large.write_text("标题\n" + "1个" * 8_000 + "\n", encoding="utf-8")
    import_article(str(small))  # warm up (imports, pinyin tables)
    t_small = _seconds(lambda: import_article(str(small)))
    t_large = _seconds(lambda: import_article(str(large)))
    assert t_large < 3.0
    assert t_large < 8 * t_small * 2.5 + 0.2  # 8x the input, far under 64x (quadratic)
    _, result = import_article(str(large))
    assert any("left out" in note for note in result.unsure)  # said, not silent


def test_a_section_of_unplaceable_figures_stops_being_read(tmp_path: Path) -> None:
    """``1个`` × 1,500 per line: after 1,000 figures left out in one section its other
    paragraphs are kept as text only, and the summary says so (a million of them took 40 s)."""
    from partybuild_tui.importer.assemble import MAX_LEFT_OUT

    article = tmp_path / "ones.txt"
    article.write_text("标题\n" + "\n".join(["1个" * 1500] * 40) + "\n", encoding="utf-8")
    _, result = import_article(str(article))
    left_out = next(note for note in result.unsure if "figures left out:" in note)
    assert MAX_LEFT_OUT <= int(left_out.split()[0]) < MAX_LEFT_OUT + 1500  # one line read
    assert any("its other 39 paragraphs were not read for figures" in n for n in result.unsure)
    assert result.counts["metrics"] == 12 and result.counts["paragraphs"] == 40


def test_past_the_article_s_figure_bound_a_long_number_still_refuses_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paragraphs past ``MAX_FIGURES`` are not read for figures, except one holding a number
    that would refuse the import: the bound never lets such an article through."""
    import partybuild_tui.importer.assemble as assemble

    monkeypatch.setattr(assemble, "MAX_FIGURES", 3)
    lines = [f"第{n}项工作完成{n + 10}个。" for n in range(1, 8)]
    article = tmp_path / "many.txt"
    article.write_text("标题\n" + "\n".join(lines) + "\n", encoding="utf-8")
    _, result = import_article(str(article))
    assert result.counts["metrics"] == 3
    assert "more than 3 figures in the article: its last 4 paragraphs were not read" in "".join(
        result.unsure
    )
    article.write_text(
        "标题\n" + "\n".join([*lines, "另有" + "9" * 400 + "个。"]) + "\n", encoding="utf-8"
    )
    status, _, err = run(capsys, str(article), "-o", str(tmp_path / "many.yaml"))
    assert status == 2 and f"{article}:9:3: a number too long" in err


def test_a_typed_title_reaches_neither_the_file_nor_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``--title`` is typed by the user: made inert as the article's own lines are, so the
    YAML (``-o -`` prints it) carries no bidi override or escape sequence either."""
    article = tmp_path / "a.txt"
    article.write_text("标题\n全县发展党员120名。\n", encoding="utf-8")
    title = "X\x1b]0;pwned\x07\u202eY"
    status, out, err = run(capsys, str(article), "-o", "-", "--title", title)
    assert status == 0
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out + err)
    assert "title: X␛]0;pwned␇\ufffdY" in out
