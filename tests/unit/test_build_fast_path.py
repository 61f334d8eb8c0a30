"""The validator's fast path for metrics accepts exactly what the checked path accepts.

``_Builder._plain_metric`` exists only for speed; if it ever accepted a metric the
checked path refuses, or built a different one, a report would load differently
depending on which path it took. Every generated metric must either go the long
way (``None``) or come out equal to what ``_checked_metric`` builds.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partybuild_tui.model.build import Invalid, _Builder
from partybuild_tui.model.report import Metric, new_metric
from partybuild_tui.model.scalars import PlainNumber

PARAGRAPHS = ("覆盖率由46%提升到87%，开展学习38次。", "第二段\x1b[31m有控制字符。")
BREADCRUMB = ("强基固本", "组织覆盖")

texts = st.sampled_from(
    ["覆盖率", "  ", "", "a\tb", "x\x1b]52;c;", "\u202eabc", "87%", "学习38次", "\x1b[31m"]
)
numbers = st.sampled_from(
    ["87", "46", "1.5", "-3", "+7", "1e400", "1e17", "1e19", "0.5e3", "1" * 21, "1" * 20, ".5"]
).map(PlainNumber)
ids = st.sampled_from(["first-topic", "Bad-Id", "a--b", "", "x1", "dup"]) | numbers
anything = st.none() | texts | numbers | st.just(["a", "list"]) | st.just({"a": "map"})
qualifiers = st.sampled_from(["exact", "over", "about", "up_to", "", "bogus"]) | anything


GOOD = {
    "id": st.sampled_from(["first-topic", "x1", "a-2"]),
    "label": st.sampled_from(["覆盖率", "学习次数", "87"]),
    "value": st.sampled_from(["87", "1.5", "-3", "1e17"]).map(PlainNumber),
    "unit": st.sampled_from(["%", "次", "万元"]),
    "quote": st.sampled_from(["46%", "学习38次", "覆盖率由46%提升到87%"]),
    "qualifier": st.sampled_from(["exact", "over", "about", "up_to"]) | st.none(),
    "baseline": numbers | st.none(),
    "note": texts | st.none(),
}
ODD = {
    "id": ids | anything,
    "label": texts | anything,
    "value": numbers | anything,
    "unit": texts | anything,
    "quote": st.sampled_from(["不在", "有控制字符", "\x1b[31m", " "]) | anything,
    "qualifier": qualifiers,
    "baseline": anything,
    "note": anything,
}


@st.composite
def metric_data(draw: st.DrawFn) -> dict[str, object]:
    """Mostly valid metrics with one or two odd or missing fields, and some wholly odd ones."""
    odd_keys = draw(st.sets(st.sampled_from(sorted(GOOD)), max_size=2))
    data: dict[str, object] = {}
    for key in GOOD:
        if key not in odd_keys:
            data[key] = draw(GOOD[key])
        elif draw(st.integers(0, 3)):  # else the key is missing
            data[key] = draw(ODD[key])
    return data


def _checked(data: dict[str, object]) -> Metric | str:
    builder = _Builder()
    builder.metric_ids["dup"] = ("elsewhere",)
    try:
        return builder._checked_metric(data, ("m",), "s", PARAGRAPHS, BREADCRUMB)
    except Invalid as problem:
        return problem.message


accepted: list[dict[str, object]] = []


@settings(max_examples=600, deadline=None)
@given(metric_data())
def test_the_fast_path_agrees_with_the_checked_path(data):
    builder = _Builder()
    builder.metric_ids["dup"] = ("elsewhere",)
    fast = builder._plain_metric(data, ("m",), "s", PARAGRAPHS, BREADCRUMB)
    if fast is None:
        assert builder.metric_ids == {"dup": ("elsewhere",)}, "a refusal must change nothing"
        return
    accepted.append(data)
    checked = _checked(data)
    assert isinstance(checked, Metric), f"fast path accepted what is refused: {checked}"
    assert fast == checked
    assert [type(getattr(fast, f)) for f in Metric.__slots__] == [
        type(getattr(checked, f)) for f in Metric.__slots__
    ]
    assert builder.metric_ids[fast.id] == ("m", "id")


def test_the_generated_metrics_reached_the_fast_path():
    # Guards the test above: it proves something only if many metrics went fast.
    assert len(accepted) > 100


def test_the_fast_path_takes_an_ordinary_metric():
    data = {
        "id": "coverage",
        "label": "覆盖率",
        "value": PlainNumber("87"),
        "unit": "%",
        "quote": "覆盖率由46%提升到87%",
        "baseline": PlainNumber("46"),
    }
    fast = _Builder()._plain_metric(data, ("m",), "s", PARAGRAPHS, BREADCRUMB)
    assert fast is not None
    assert fast == _checked(data)
    assert (fast.value, fast.baseline, fast.qualifier, fast.quote_start) == (87, 46, "exact", 0)


def test_new_metric_builds_what_the_constructor_builds():
    values = ("m", "标签", 1.5, "次", "over", "引文", "s", 2, 3, None, "注", BREADCRUMB)
    made, constructed = new_metric(*values), Metric(*values)
    assert made == constructed
    assert repr(made) == repr(constructed)
    assert hash(made) == hash(constructed)
