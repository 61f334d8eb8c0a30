"""``import --indicators``: figures tagged by text, then pinyin; near misses only suggested."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from partybuild_tui.cli import main
from partybuild_tui.importer import import_article
from partybuild_tui.importer.indicators import SUGGEST_AT, Tagger, normalise

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


@dataclass(frozen=True)
class Indicator:  # the shape of model.registry.Indicator
    id: str
    label: str
    unit: str
    aliases: tuple[str, ...] = ()


REGISTRY = (
    Indicator("new-members", "发展党员", "名", ("新发展党员",)),
    Indicator("grid-count", "划分网格", "个"),
    Indicator("gdp-growth", "地区生产总值增长", "%"),
    Indicator("training-sessions", "举办培训班", "期"),
)


def test_normalising_drops_scope_words_spaces_and_punctuation() -> None:
    assert normalise("全市 新发展党员：") == normalise("新发展党员")


def test_text_then_pinyin_match_and_the_unit_must_agree() -> None:
    tagger = Tagger(REGISTRY)
    assert tagger.match("全县新发展党员", "名") == ("new-members", None)
    assert tagger.match("發展黨員", "名") == ("new-members", None)  # pinyin joins scripts
    assert tagger.match("新发展党员", "%") == (None, None)  # another unit: another figure


def test_near_labels_are_suggested_never_written() -> None:
    tagger = Tagger(REGISTRY)
    assert tagger.match("全市划分网格单元", "个") == (None, "grid-count")  # contains a name
    assert tagger.match("开展党建活动", "个") == (None, None)
    assert 0.5 < SUGGEST_AT < 1


def test_tagging_an_import_lists_matched_suggested_and_unmatched() -> None:
    _, result = import_article(str(ARTICLES / "govreport-jincheng-2024.txt"))
    tagging = Tagger(REGISTRY).tag(result.data["sections"])
    assert tagging.matched == ["地区生产总值增长 5.5%左右 → gdp-growth"]
    tagged = [m for s in result.data["sections"] for m in s["metrics"] if "indicator" in m]
    assert [m["quote"] for m in tagged] == ["5.5%左右"]
    # 增长5.1% after 地区生产总值完成…: the label alone (增长) is in the name: only suggested
    assert tagging.suggested == ["增长 5.1% → gdp-growth?", "增长 8.2% → gdp-growth?"]
    assert len(tagging.unmatched) == 18


def test_the_command_tags_with_a_registry_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    registry = pytest.importorskip("partybuild_tui.model.registry")  # the model's loader
    path = tmp_path / "indicators.yaml"
    path.write_text(
        f"schema: {registry.REGISTRY_SCHEMA}\nindicators:\n"
        "  - {id: grid-count, label: 划分网格, unit: 个}\n"
        "  - {id: grid-staff, label: 网格员, unit: 名, aliases: [配备专兼职网格员]}\n",
        encoding="utf-8",
    )
    out_path = tmp_path / "out.yaml"
    status = main(["import", str(ARTICLES / "portal-news-gaoping-2024.txt"), "-o", str(out_path),
                   "--indicators", str(path)])  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0
    assert "indicators matched (written): 2" in out
    text = out_path.read_text(encoding="utf-8")
    assert "indicator: grid-count" in text and "indicator: grid-staff" in text
