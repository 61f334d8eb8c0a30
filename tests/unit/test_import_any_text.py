"""Whatever the article says, the import is a report the strict loader accepts, or (for a
number no figure can hold) a refusal that says where: ``any.txt:LINE:COLUMN: …``."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from partybuild_tui.importer import dump, import_lines
from partybuild_tui.importer.reading import split_lines
from partybuild_tui.model import load_text
from partybuild_tui.model.errors import ArticleError

PIECES = list(
    "党建引领发展全市县区村年次名个人件场项家元万亿余多以上超过近约最高连续由到提升"
    "一二两三四五六七八九十百千0123456789.%/—-+,,。、;:“”《》()()\n\n □"
) + ["相关内容", "热门资讯", "本报记者 张三", "来源:日报", "2025-01-19 17:43:15", "——",
     "精准引才,聚焦产业所需。", "回望2025,", "\u2028", "\x85", "\x1b", "\t", "\u3000", "no", "- "]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
@example("—\u3000—")  # a title line of dashes and an ideographic space: no title, not "\u3000"
def test_any_article_imports_to_a_loadable_report(text: str) -> None:
    lines = split_lines(text)
    try:
        result = import_lines(lines, "any.txt")
    except ArticleError as error:
        assert re.match(r"any\.txt:\d+:\d+: a number too long or too large", str(error))
        return
    report = load_text(dump(result.data, "comment"))  # raises if the loader refuses it
    assert all(p in lines for section in report.ordered for p in section.paragraphs)
    assert all(m.value == m.value for m in report.metrics)  # no NaN
