"""sanitize_text, the one place report text is made inert, tested on its own and in use.

Every character that can act on a terminal (C0 but newline, DEL, C1, the ESC of
every escape sequence, bidi overrides and isolates, lone surrogates) becomes one
visible placeholder, so text keeps its length; a tab becomes a space. A loaded
report holds no such character in any string, and quotes stay exact substrings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.model import Report, load_text, sanitize_text
from partybuild_tui.model.sanitize import PLACEHOLDER, is_safe
from partybuild_tui.model.yaml_reader import parse

ACTIVE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\U000e0000-\U000e007f\ud800-\udfff]"
)


@pytest.mark.parametrize("code", [c for c in range(0x20) if c not in (0x09, 0x0A)])
def test_each_c0_control_becomes_its_control_picture(code: int) -> None:
    assert sanitize_text(f"a{chr(code)}b") == f"a{chr(0x2400 + code)}b"


def test_nul_esc_and_del_pictures() -> None:
    assert sanitize_text("\x00\x1b\x7f") == "␀␛␡"


def test_newline_is_kept_and_tab_becomes_a_space() -> None:
    assert sanitize_text("第一行\n\t第二行") == "第一行\n 第二行"


@pytest.mark.parametrize("code", range(0x80, 0xA0))
def test_each_c1_control_becomes_the_placeholder(code: int) -> None:
    assert sanitize_text(f"x{chr(code)}y") == f"x{PLACEHOLDER}y"


@pytest.mark.parametrize(
    "sequence, shown",
    [
        ("\x1b]52;c;cm0gLXJmIH4=\x07", "␛]52;c;cm0gLXJmIH4=␇"),  # OSC 52: set the clipboard
        ("\x1b]52;c;cm0gLXJmIH4=\x1b\\", "␛]52;c;cm0gLXJmIH4=␛\\"),  # ... ended by ST
        ("\x1b]0;pwned\x07", "␛]0;pwned␇"),  # OSC 0: window title
        (
            "\x1b]8;;https://evil.example\x1b\\点我\x1b]8;;\x1b\\",
            "␛]8;;https://evil.example␛\\点我␛]8;;␛\\",
        ),
        ("\x1b[2J\x1b[31;1m", "␛[2J␛[31;1m"),  # CSI: clear screen, colours
        ("\x9b2J", f"{PLACEHOLDER}2J"),  # CSI as a C1 byte
        ("\x9d0;t\x9c", f"{PLACEHOLDER}0;t{PLACEHOLDER}"),  # OSC and ST as C1
        ("\x1bP+q\x1b\\", "␛P+q␛\\"),  # DCS
    ],
)
def test_escape_sequences_lose_their_introducer(sequence: str, shown: str) -> None:
    result = sanitize_text(sequence)
    assert result == shown
    assert "\x1b" not in result and not ACTIVE.search(result)


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
def test_bidi_overrides_and_isolates_become_the_placeholder(code: int) -> None:
    assert sanitize_text(f"abc{chr(code)}def") == f"abc{PLACEHOLDER}def"


@pytest.mark.parametrize(
    "char",
    ["\u200e", "\u200f", "\u061c", "\ufeff", "\U000e0000", "\U000e0041", "\U000e007f"],
    ids=["LRM", "RLM", "ALM", "BOM-inside", "tag-first", "tag-A", "tag-cancel"],
)
def test_bidi_marks_an_inner_bom_and_tag_characters_become_the_placeholder(char: str) -> None:
    assert sanitize_text(f"abc{char}def") == f"abc{PLACEHOLDER}def"
    assert not is_safe(f"abc{char}def")


def test_hidden_words_in_tag_characters_are_shown_as_placeholders() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore this")  # invisible on screen
    assert sanitize_text(f"党建{hidden}") == "党建" + PLACEHOLDER * len(hidden)


def test_joiners_in_emoji_and_variation_selectors_stay() -> None:
    family, flag = "👨\u200d👩\u200d👧", "🏴\U000e0067\U000e0062\U000e007f"
    assert sanitize_text(family) is family
    assert sanitize_text("☺\ufe0f") == "☺\ufe0f"
    # A subdivision flag is built from tag characters: it shows as placeholders (its base stays).
    assert sanitize_text(flag) == "🏴" + PLACEHOLDER * 3


def test_lone_surrogates_from_an_escape() -> None:
    assert sanitize_text("a\ud800b\udfffc") == f"a{PLACEHOLDER}b{PLACEHOLDER}c"
    sanitize_text("\ud800").encode("utf-8")  # printable now: no UnicodeEncodeError


def test_ordinary_text_is_returned_unchanged() -> None:
    text = "党建领航聚合力 “第一议题” 1.7万余名 99.3% [b]x[/i] arr[i] 😀 \u200b\u200d"
    assert sanitize_text(text) is text
    assert is_safe(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(exclude_categories=()),  # surrogates included
            st.sampled_from(
                "\x00\t\n\r\x1b\x7f\x85\x9b\u202e\u2067\u200e\u061c\ufeff\U000e0041\ud800\udfff"
            ),
        )
    )
)
def test_any_text_comes_out_inert_same_length_and_stable(text: str) -> None:
    result = sanitize_text(text)
    assert ACTIVE.search(result) is None
    assert len(result) == len(text)
    assert sanitize_text(result) == result
    assert is_safe(result)
    for before, after in zip(text, result, strict=True):
        if not ACTIVE.match(before):
            assert after == before


# --- every string of a loaded report ----------------------------------------------------

E = "\\e]52;c;cm0=\\a\\e[31m\\u202e\\x9b\\t\\0\\x7f\\u200e\\ufeff\\U000e0041"  # YAML escapes: OSC 52, CSI, RLO, C1, tab, NUL, DEL
HOSTILE_REPORT = f"""\
schema: "partybuild-report/1"
report:
  id: escapes
  title: "标题{E}"
  subtitle: "副{E}"
  source: "源{E}"
  author: "作者{E}"
  period: "2025{E}"
  region: "市{E}"
  language: "zh{E}"
not_metrics: ["十二{E}"]
sections:
  - id: top
    title: "顶{E}"
    paragraphs: ["开展学习{E}38次,以及更多。", "第二段{E}"]
    metrics:
      - id: m1
        label: "学习{E}"
        value: 38
        unit: "次{E}"
        quote: "学习{E}38次"
        note: "备注{E}"
    children:
      - id: child
        title: "子{E}"
        paragraphs: ["子段{E}有5人"]
        metrics:
          - {{id: m2, label: "人{E}", value: 5, unit: "人{E}", quote: "{E}有5人"}}
"""


def strings_of(value: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every string reachable from ``value`` (dataclass fields, tuples, dicts)."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from strings_of(getattr(value, field.name), seen)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings_of(item, seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_of(key, seen)
            yield from strings_of(item, seen)


@pytest.fixture(scope="module")
def report() -> Report:
    return load_text(HOSTILE_REPORT, "escapes.yaml")


def test_the_hostile_report_really_carries_escapes() -> None:
    raw = parse("escapes.yaml", HOSTILE_REPORT)
    assert raw["report"]["title"] == (
        "标题\x1b]52;c;cm0=\x07\x1b[31m\u202e\x9b\t\x00\x7f\u200e\ufeff\U000e0041"
    )


def test_every_string_of_a_loaded_report_is_inert(report: Report) -> None:
    strings = list(strings_of(report))
    marked = [s for s in strings if "␛]52" in s]
    # titles ×2 + breadcrumbs, paragraphs ×3, labels, units, quotes, note, meta ×7, not_metrics
    assert len(marked) >= 20
    assert [s for s in strings if ACTIVE.search(s)] == []


def test_each_field_is_sanitized(report: Report) -> None:
    inert = "␛]52;c;cm0=␇␛[31m" + PLACEHOLDER + PLACEHOLDER + " ␀␡" + PLACEHOLDER * 3
    meta = report.meta
    assert [meta.title, meta.subtitle, meta.source, meta.author] == [
        f"标题{inert}",
        f"副{inert}",
        f"源{inert}",
        f"作者{inert}",
    ]
    assert [meta.period, meta.region, meta.language] == [f"2025{inert}", f"市{inert}", f"zh{inert}"]
    assert report.not_metrics == (f"十二{inert}",)
    top = report.section("top")
    assert top.title == f"顶{inert}"
    assert top.paragraphs == (f"开展学习{inert}38次,以及更多。", f"第二段{inert}")
    m1 = report.metric("m1")
    assert (m1.label, m1.unit, m1.quote, m1.note) == (
        f"学习{inert}",
        f"次{inert}",
        f"学习{inert}38次",
        f"备注{inert}",
    )
    assert report.section("child").breadcrumb == (f"顶{inert}", f"子{inert}")


def test_quotes_stay_exact_substrings_at_their_offsets(report: Report) -> None:
    for metric in report.metrics:
        paragraph = report.section(metric.section_id).paragraphs[metric.paragraph_index]
        assert paragraph[metric.quote_start : metric.quote_end] == metric.quote
    assert report.metric("m1").quote_start == 2
    assert report.metric("m2").quote_start == 2
