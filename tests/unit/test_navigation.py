"""Where the user is, and the history policy: jumps record where you were and went."""

from __future__ import annotations

from partybuild_tui.ui.navigation import ROOT, Navigation


def test_a_jump_records_both_ends_once() -> None:
    nav = Navigation()
    nav.start()
    nav.jump("a")
    nav.jump("b")
    assert nav.history.entries == (ROOT, "a", "b")
    assert nav.here == "b"


def test_a_jump_from_a_place_reached_by_arrowing_records_that_place() -> None:
    nav = Navigation()
    nav.start()
    nav.move("c")  # the tree cursor moved to c without resting
    nav.jump("d")
    assert nav.history.entries == (ROOT, "c", "d")
    assert nav.back() == "c"
    assert nav.back() == ROOT
    assert nav.back() is None
    assert nav.here == ROOT


def test_back_from_an_unrecorded_place_lets_forward_return_to_it() -> None:
    nav = Navigation(here="a")
    nav.start()
    nav.jump("b")
    nav.move("x")  # reached from b by tree steps, not yet recorded
    assert nav.back() == "b"
    assert nav.forward() == "x"
    assert nav.forward() is None
    assert nav.here == "x"


def test_back_then_forward_walks_the_same_list() -> None:
    nav = Navigation(here="a")
    nav.start()
    for there in ("b", "c", "d"):
        nav.jump(there)
    assert [nav.back() for _ in range(3)] == ["c", "b", "a"]
    assert [nav.forward() for _ in range(3)] == ["b", "c", "d"]
    assert not nav.can_go_forward and nav.can_go_back


def test_resting_records_and_repeats_do_not() -> None:
    nav = Navigation()
    nav.start()
    nav.move("a")
    nav.arrive()
    nav.arrive()
    assert nav.history.entries == (ROOT, "a")


def test_the_previous_session_sits_behind_the_start() -> None:
    nav = Navigation()
    assert nav.start(previous_session="z")
    assert nav.back() == "z"
    assert nav.forward() == ROOT
    assert not Navigation(here="z").start(previous_session="z")
    assert not Navigation().start(previous_session=None)
