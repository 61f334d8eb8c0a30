"""Navigation history: back/forward like a browser, capped, no Textual."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.state import Bookmarks, History


def test_empty_history() -> None:
    history = History()
    assert history.current is None
    assert history.cursor == -1
    assert history.back() is None
    assert history.forward() is None
    assert not history.can_go_back and not history.can_go_forward


def test_back_and_forward_walk_the_visits() -> None:
    history = History()
    for section_id in ("a", "b", "c"):
        assert history.visit(section_id)
    assert history.current == "c"
    assert history.peek_back() == "b"
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None  # at the start: nothing moves
    assert history.current == "a"
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.forward() is None
    assert history.current == "c"


def test_a_new_visit_drops_the_forward_entries() -> None:
    history = History(entries=["a", "b", "c"])
    history.back()
    history.back()
    assert history.visit("d")
    assert history.entries == ("a", "d")
    assert not history.can_go_forward
    assert history.back() == "a"


def test_visiting_the_current_section_records_nothing() -> None:
    history = History(entries=["a", "b", "c"])
    assert history.back() == "b"
    # the app calls visit() after every move, including the one back() caused
    assert not history.visit("b")
    assert history.entries == ("a", "b", "c")
    assert history.forward() == "c"


def test_revisits_are_recorded() -> None:
    history = History(entries=["a", "b", "a"])
    assert history.entries == ("a", "b", "a")
    assert history.back() == "b"


def test_length_is_capped_oldest_first() -> None:
    history = History(limit=3)
    for section_id in "abcde":
        history.visit(section_id)
    assert history.entries == ("c", "d", "e")
    assert history.cursor == 2
    assert history.back() == "d"
    assert history.back() == "c"
    assert history.back() is None


def test_cap_after_going_back() -> None:
    history = History(limit=3, entries="abc")
    history.back()
    history.visit("x")  # drops c, then nothing to cap
    assert history.entries == ("a", "b", "x")
    history.visit("y")
    assert history.entries == ("b", "x", "y")
    assert history.current == "y"


def test_prune_drops_missing_sections_and_repeats() -> None:
    history = History(entries=["a", "b", "c", "b", "d"])
    history.back()
    history.back()  # on c
    history.prune({"a", "b", "d"})
    assert history.entries == ("a", "b", "d")
    assert history.current == "b"  # c is gone: the nearest older entry
    assert history.forward() == "d"


def test_prune_everything_and_prune_keeping_the_current() -> None:
    history = History(entries="abc")
    history.prune(set())
    assert history.entries == () and history.current is None
    history = History(entries="abc")
    history.back()
    history.prune({"b", "c"})
    assert history.current == "b" and history.entries == ("b", "c")
    history = History(entries="abc")
    history.back()
    history.back()  # on a, which goes
    history.prune({"b", "c"})
    assert history.current == "b"


def test_back_while_skips_entries() -> None:
    history = History(entries="abcd")
    assert history.back_while(lambda s: s in {"c", "b"}) == "a"
    history = History(entries="abcd")
    assert history.back_while(lambda s: True) is None
    assert history.current == "d"  # nothing moved


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        History(limit=0)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("visit"), st.sampled_from("abcde")),
        st.tuples(st.just("back"), st.none()),
        st.tuples(st.just("forward"), st.none()),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(operations, st.integers(min_value=1, max_value=8))
def test_invariants_under_any_sequence(ops, limit) -> None:
    history = History(limit=limit)
    for op, arg in ops:
        before = (history.entries, history.cursor)
        if op == "visit":
            recorded = history.visit(arg)
            assert history.current == arg
            assert recorded == (before[1] < 0 or before[0][before[1]] != arg)
            if recorded:
                assert not history.can_go_forward
            else:
                assert (history.entries, history.cursor) == before
        elif op == "back":
            target = history.back()
            if target is None:
                assert (history.entries, history.cursor) == before
            else:
                assert history.forward() == before[0][before[1]]  # forward undoes back
                assert history.back() == target
        else:
            target = history.forward()
            if target is None:
                assert (history.entries, history.cursor) == before
        entries = history.entries
        assert len(entries) <= limit
        assert (history.cursor == -1) == (not entries)
        assert all(x != y for x, y in itertools.pairwise(entries))  # no repeats in a row


# --- bookmarks ---------------------------------------------------------------------


def test_bookmarks_keep_order_and_uniqueness() -> None:
    bookmarks = Bookmarks(["b", "a", "b"])
    assert bookmarks.ids == ("b", "a")
    assert bookmarks.add("c") and not bookmarks.add("a")
    assert bookmarks.toggle("a") is False
    assert bookmarks.toggle("a") is True
    assert bookmarks.ids == ("b", "c", "a")
    assert bookmarks.prune({"a", "c"}) == ["b"]
    assert list(bookmarks) == ["c", "a"] and "a" in bookmarks and len(bookmarks) == 2
    assert not bookmarks.remove("b")
