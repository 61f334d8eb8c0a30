"""Finding quotes: the all-at-once search gives exactly what searching one by one gives,
and a section whose naive search would be (text × quotes) takes the linear path."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.model import load_text
from partybuild_tui.model import quotes as quotes_module
from partybuild_tui.model.quotes import QuoteFinder

ALPHABET = "党建38次a\u202e𠮷"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(ALPHABET, max_size=30), max_size=4),
    st.lists(st.text(ALPHABET, min_size=1, max_size=4), max_size=12),
)
def test_all_at_once_agrees_with_one_by_one(paragraphs, wanted):
    paragraphs = tuple(paragraphs)
    one_by_one = QuoteFinder(paragraphs)
    all_at_once = QuoteFinder(paragraphs)
    all_at_once._all_at_once(set(wanted))
    for quote in wanted:
        expected = one_by_one.find(quote)
        assert all_at_once.find(quote) == expected
        if expected != (-1, -1):
            index, start = expected
            assert paragraphs[index][start : start + len(quote)] == quote


def test_a_long_section_with_many_quotes_is_searched_once(monkeypatch):
    count = 3000
    tokens = "".join(f"指标{i}号" for i in range(count))
    metrics = "".join(
        f"      - {{id: m{i}, label: 指标, value: {i}, unit: 号, quote: 指标{i}号}}\n"
        for i in range(count)
    )
    text = (
        "schema: partybuild-report/1\nreport:\n  title: 长段落\nsections:\n"
        "  - id: s\n    title: 一节\n    paragraphs:\n      - "
        + "党建引领" * 20000
        + tokens
        + "\n    metrics:\n"
        + metrics
    )
    calls: list[int] = []
    real = QuoteFinder._all_at_once

    def counting(self, wanted):
        calls.append(len(wanted))
        return real(self, wanted)

    monkeypatch.setattr(quotes_module.QuoteFinder, "_all_at_once", counting)
    report = load_text(text, "long.yaml")
    assert calls == [count]
    last = report.metric(f"m{count - 1}")
    assert last.quote_start == 4 * 20000 + len(tokens) - len(f"指标{count - 1}号")


def test_one_huge_quote_is_searched_with_find_not_an_automaton(monkeypatch):
    """One quote as long as its paragraph: the automaton would hold a trie of every one of
    its characters (a 30 M-character quote took 2 GB and never finished); ``find`` is one
    linear scan. Over the threshold all the same, it must take ``find``."""
    paragraph = "学习38次," * 600_000  # 3.6 M characters
    metrics = [{"id": f"m{i}", "quote": paragraph} for i in range(7)]  # 7 × 3.6 M > 20 M

    def refuse(self, quotes):
        raise AssertionError("the automaton was built for one huge quote")

    monkeypatch.setattr(QuoteFinder, "_all_at_once", refuse)
    finder = QuoteFinder((paragraph,), metrics)
    assert finder.find(paragraph) == (0, 0)
