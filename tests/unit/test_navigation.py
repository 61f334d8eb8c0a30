"""The history policy: jumps record where you were and where you went; back/forward."""

from __future__ import annotations

from partybuild_tui.ui.navigation import ROOT, Navigation


def test_a_jump_records_both_ends_once() -> None:
    nav = Navigation()
    nav.start(ROOT)
    nav.jump(ROOT, "a")
    nav.jump("a", "b")
    assert nav.history.entries == (ROOT, "a", "b")


def test_a_jump_from_a_place_reached_by_arrowing_records_that_place() -> None:
    nav = Navigation()
    nav.start(ROOT)
    nav.jump("c", "d")  # the tree cursor had moved to c without resting
    assert nav.history.entries == (ROOT, "c", "d")
    assert nav.back("d") == "c"
    assert nav.back("c") == ROOT
    assert nav.back(ROOT) is None


def test_back_from_an_unrecorded_place_lets_forward_return_to_it() -> None:
    nav = Navigation()
    nav.start("a")
    nav.jump("a", "b")
    assert nav.back("x") == "b"  # x: reached from b by tree steps, not yet recorded
    assert nav.forward() == "x"
    assert nav.forward() is None


def test_back_then_forward_walks_the_same_list() -> None:
    nav = Navigation()
    nav.start("a")
    for here, there in (("a", "b"), ("b", "c"), ("c", "d")):
        nav.jump(here, there)
    assert [nav.back(p) for p in ("d", "c", "b")] == ["c", "b", "a"]
    assert [nav.forward() for _ in range(3)] == ["b", "c", "d"]
    assert not nav.can_go_forward and nav.can_go_back


def test_resting_records_and_repeats_do_not() -> None:
    nav = Navigation()
    nav.start(ROOT)
    nav.arrive("a")
    nav.arrive("a")
    assert nav.history.entries == (ROOT, "a")


def test_the_previous_session_sits_behind_the_start() -> None:
    nav = Navigation()
    assert nav.start(ROOT, previous_session="z")
    assert nav.back(ROOT) == "z"
    assert nav.forward() == ROOT
    assert not Navigation().start("z", previous_session="z")
    assert not Navigation().start(ROOT, previous_session=None)
