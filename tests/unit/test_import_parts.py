"""The importer's pieces on their own: numbers, names, header, segmentation, ids, YAML."""

from __future__ import annotations

import pytest

from partybuild_tui.importer import dump
from partybuild_tui.importer.assemble import import_lines
from partybuild_tui.importer.header import parse_header, split_title
from partybuild_tui.importer.ids import Ids, metric_slug, section_slug
from partybuild_tui.importer.metrics import find_metrics
from partybuild_tui.importer.quotes import Section, shortest_quote
from partybuild_tui.importer.reading import ArticleError, decode_article, split_lines
from partybuild_tui.importer.segment import build_parts, find_body, heading_style, lead_phrase
from partybuild_tui.model import load_text
from partybuild_tui.model.numerals import chinese_to_int

# --- figures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier", "baseline"),
    [
        ("开展“第一议题”学习38次,", "38次", 38, "次", "exact", None),
        ("推动全市1.7万余名年轻干部参加", "1.7万余名", 17000, "名", "over", None),
        ("参观专题展的党员干部共2.08万余人,", "2.08万余人", 20800, "人", "over", None),
        ("村“两委”主干人均薪酬达5.7万元,", "5.7万元", 57000, "元", "exact", None),
        ("撬动社会资本投资12.5亿元,", "12.5亿元", 1_250_000_000, "元", "exact", None),
        ("整改率达99.3%,", "99.3%", 99.3, "%", "exact", None),
        ("满意率97%以上。", "97%以上", 97, "%", "over", None),
        ("全市近2/5的村集体经济收入", "近2/5", 0.4, "比例", "about", None),
        ("覆盖率由46%提升到87%,", "由46%提升到87%", 87, "%", "exact", 46),
        ("占比由1/2提升到4/5,", "由1/2提升到4/5", 0.8, "比例", "exact", 0.5),
        ("每村储备后备力量3至5名,", "3至5名", 5, "名", "up_to", None),
        ("单个项目资助最高80万元。", "最高80万元", 800_000, "元", "up_to", None),
        ("带动就业约2000人。", "约2000人", 2000, "人", "about", None),
        ("受众超过4.3万人。", "超过4.3万人", 43000, "人", "over", None),
        ("年轻干部占比提高2.6个百分点。", "2.6个百分点", 2.6, "个百分点", "exact", None),
        ("连续四年开展营商环境政治监督,", "四年", 4, "年", "exact", None),
        ("市财政近三年拿出资金,", "近三年", 3, "年", "exact", None),
        ("新增三个方向,", "三个", 3, "个", "exact", None),
        ("大专以上学历占比达到三分之二。", "三分之二", 0.6667, "比例", "exact", None),
        ("参与群众达到百分之八十五以上,", "百分之八十五以上", 85, "%", "over", None),
        ("具有专业背景的超过七成。", "超过七成", 70, "%", "over", None),
        ("党员认领微心愿二千三百余个,", "二千三百余个", 2300, "个", "over", None),
        ("聚焦乡村振兴、社区治理、新兴领域党建三大重点,", "三大重点", 3, "个", "exact", None),
        ("推广“10种模式”,", "10种", 10, "种", "exact", None),
    ],
)
def test_a_figure_is_read_with_what_clings_to_it(
    text: str, quote: str, value: float, unit: str, qualifier: str, baseline: float | None
) -> None:
    found = find_metrics(text)
    assert [(text[m.start : m.end], m.value, m.unit, m.qualifier, m.baseline)
            for m in found.metrics] == [(quote, value, unit, qualifier, baseline)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("坚定拥护“两个确立”、坚决做到“两个维护”。", "“两个确立”"),
        ("建立“12345”热线与互通机制,", "“12345”"),
        ("全市12345政务服务热线受理诉求,", "12345"),
        ("拨打12345热线,", "12345热线"),
        ("贯彻《全国党政领导班子建设规划纲要(2024—2028年)》和", "2024—2028年"),
        ("贯通抓好“16+11”实事项目,", "“16+11”"),
        ("开展1+N专项整治,", "1+N"),
        ("新建5G基站,", "5G"),
        ("于3月5日启动,", "3月5日"),
        ("位列第3名。", "第3"),
        ("刚刚过去的2025年,全市", "2025年"),
        ("深入贯彻中央八项规定精神,", "八项规定"),
    ],
)
def test_numbers_that_only_name_are_not_figures(text: str, name: str) -> None:
    found = find_metrics(text)
    assert found.metrics == []
    assert name in found.names


@pytest.mark.parametrize(
    "text",
    [
        "一线工作力量,一体推进,一刻不停",
        "遴选一批优秀人才,",
        "一年帮整",
        "千方百计,润万家",
        "成为示范",
    ],
)
def test_chinese_numerals_in_ordinary_words_are_not_figures(text: str) -> None:
    assert find_metrics(text).metrics == []


def test_an_enumeration_of_chinese_counts_counts_even_one() -> None:
    text = "探索一个入口、三级响应、六步闭环“接诉即办”经验"
    found = find_metrics(text)
    assert [(m.value, m.unit) for m in found.metrics] == [(1, "个"), (3, "级"), (6, "步")]


def test_a_number_without_a_measure_word_is_said_unsure() -> None:
    found = find_metrics("综合得分达到95,位居前列。")
    assert found.metrics == []
    assert found.unsure and "95" in found.unsure[0]


def test_labels_come_from_the_words_around_the_number() -> None:
    text = "市委理论学习中心组学习19次,细化1199个社区网格,连续12年举办“警示教育月”活动"
    labels = [m.label for m in find_metrics(text).metrics]
    assert labels == ["市委理论学习中心组学习", "细化社区网格", "连续举办“警示教育月”活动"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("十二", 12), ("二十", 20), ("一百零五", 105), ("两千三百万", 23_000_000), ("二〇二五", 2025),
     ("三四", None), ("十四五", None)],
)  # fmt: skip
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_to_int(text) == value


def test_the_shortest_quote_is_lengthened_until_it_points_at_its_own_place() -> None:
    paragraphs = ["梳理下发12个文件、2个工作指引", "列席1次专题学习会、召开1次研讨会"]
    assert shortest_quote(Section(paragraphs), 0, 10, 12) == "2个工作"
    assert shortest_quote(Section(paragraphs), 1, 2, 4) == "1次"
    assert shortest_quote(Section(paragraphs), 1, 12, 14) == "召开1次"


# --- header, body, sections --------------------------------------------------------------


def test_header_fields_and_where_the_body_starts() -> None:
    lines = split_lines(
        "标题一 标题二——某某县党建综述\n创始人\n2026-01-19 17:43:15\n\n来源:太行日报\n\n"
        "□本报记者 张三 李四\n\n正文第一段。"
    )
    header = parse_header(lines)
    assert (header.title, header.subtitle) == ("标题一 标题二", "某某县党建综述")
    assert header.published == "2026-01-19T17:43:15+08:00"
    assert (header.source, header.author) == ("太行日报", "张三、李四")
    assert lines[header.body_start] == "正文第一段。"


@pytest.mark.parametrize(
    ("line", "published", "source"),
    [
        ("2024年02月03日 10:05", "2024-02-03T10:05:00+08:00", None),
        ("来源:桐川日报 2026-01-12 08:00", "2026-01-12T08:00:00+08:00", "桐川日报"),
        ("发布时间:2025/1/8", "2025-01-08", None),
    ],
)
def test_dates_and_sources(line: str, published: str, source: str | None) -> None:
    header = parse_header(("标题", line, "", "正文第一段,足够长的一句话,说明情况。"))
    assert (header.published, header.source) == (published, source)


def test_an_article_without_a_title_line_keeps_its_first_paragraph() -> None:
    text = "2024年,某县坚持以党建引领发展,全年发展党员120名,整顿软弱涣散村党组织9个,各项工作取得新进展。"
    result = import_lines(split_lines(text + "\n"), "untitled.txt")
    report = load_text(dump(result.data))
    assert report.sections[0].paragraphs == (text,)
    assert report.meta.title == "untitled"  # the file's name, never the body's words
    assert any("no title line" in note and "--title" in note for note in result.unsure)
    titled = import_lines(split_lines(text + "\n"), "untitled.txt", title="某县党建综述")
    assert titled.data["report"]["title"] == "某县党建综述"
    assert not any("no title line" in note for note in titled.unsure)


def test_an_article_with_a_title_only_is_a_report_without_sections() -> None:
    result = import_lines(("某县党建工作综述", ""), "t.txt")
    report = load_text(dump(result.data))
    assert (report.meta.title, report.sections) == ("某县党建工作综述", ())


def test_a_title_without_a_dash_has_no_subtitle() -> None:
    assert split_title("云溪县:以高质量党建引领乡村全面振兴") == (
        "云溪县:以高质量党建引领乡村全面振兴",
        None,
    )


def test_the_body_ends_at_related_content_and_drops_the_rest() -> None:
    lines = ("甲段。", "创始人", "乙段。", "相关内容", "热门资讯", "别的新闻... 内容")
    body = find_body(lines, 0)
    assert body.paragraphs == ["甲段。", "乙段。"]
    assert body.notes == []


@pytest.mark.parametrize(
    ("line", "style"),
    [
        ("凝心铸魂,把稳政治引领“方向盘”", "plain"),
        ("一、建强组织体系", "chinese"),
        ("(一)优化村级班子", "chinese-paren"),
        ("1.加强政治建设", "arabic"),
        ("(2)建强支部", "arabic-paren"),
        ("【强化政治引领】", "bracket"),
        ("第一部分 2024年工作回顾", "part"),
        ("1.5万名党员参加培训", None),
        ("成绩的背后,汇聚着党建工作迸发出的磅礴力量。", None),
        ("图为活动现场", None),
    ],
)
def test_heading_styles(line: str, style: str | None) -> None:
    assert heading_style(line) == style


def test_heading_levels_follow_the_order_the_styles_appear_in() -> None:
    parts = build_parts(["第一部分 回顾", "一、建强组织", "1.优化班子", "正文一句。", "二、壮大经济",
                         "正文二句。"])  # fmt: skip
    assert [part.title for part in parts] == ["第一部分 回顾"]
    assert [child.title for child in parts[0].children] == ["一、建强组织", "二、壮大经济"]
    assert parts[0].children[0].children[0].paragraphs == ["正文一句。"]


@pytest.mark.parametrize(
    ("paragraph", "lead"),
    [
        ("精准引才,聚焦产业所需。深化“引凤兴晋”引才计划。", "精准引才,聚焦产业所需"),
        ("“三不腐”一体推进。保持惩治腐败强大震慑。", "“三不腐”一体推进"),
        ("千秋大业,人才为本。2025年,我市勇于先试先行。", None),  # a framing opening
        ("基层是党的执政之基、力量之源。我市坚持大抓基层。", None),
        ("清风正气,事业之基;纪律严明,行稳之锚。", None),  # nothing follows
    ],
)
def test_lead_phrases(paragraph: str, lead: str | None) -> None:
    assert lead_phrase(paragraph) == lead


def test_every_paragraph_lands_in_exactly_one_part_in_order() -> None:
    paragraphs = [
        "导语段落。",
        "第一部分标题文字",
        "开篇一句话。",
        "精准引才,聚焦产业所需。甲。",
        "系统育才,夯实成长根基。乙。",
        "此外,我市还做了别的事情,很多。丙。",
        "回望2025,成绩斐然。展望未来。",
    ]
    parts = build_parts(paragraphs)
    assert [p.title for p in parts] == ["导语", "第一部分标题文字", "结语"]
    children = parts[1].children
    assert [c.title for c in children] == ["精准引才,聚焦产业所需", "系统育才,夯实成长根基",
                                           "还做了别的事情"]  # fmt: skip
    every = [p for part in parts for section in part.walk() for p in section.paragraphs]
    assert every == [p for p in paragraphs if p != "第一部分标题文字"]


# --- reading, ids, YAML ------------------------------------------------------------------


def test_decoding() -> None:
    assert decode_article("党建".encode("gb18030")) == ("党建", "gb18030")
    assert decode_article("\ufeff党建".encode()) == ("党建", "utf-8")
    assert decode_article("党建".encode("utf-16")) == ("党建", "utf-16-le")
    with pytest.raises(ArticleError, match="neither UTF-8 nor GB18030"):
        decode_article(b"abc\xff\xff", "x.txt")


def test_lines_lose_indentation_and_terminal_controls() -> None:
    assert split_lines("\u3000\u3000正文\x1b[31m。\r\n第二\u2028第三") == (
        "正文␛[31m。",
        "第二",
        "第三",
    )


def test_ids() -> None:
    assert section_slug("持续深化抓党建促乡村振兴“五项工程”") == "wu-xiang-gong-cheng"
    assert section_slug("精准引才,聚焦产业所需") == "jing-zhun-yin-cai"
    assert metric_slug("市委理论学习中心组学习", "次") == "xin-zu-xue-xi"
    ids = Ids("metric")
    assert [ids.take("xue-xi"), ids.take("xue-xi"), ids.take("")] == [
        "xue-xi",
        "xue-xi-2",
        "metric",
    ]


@pytest.mark.parametrize(
    "text",
    ["no", "2025", "2026-01-19T17:43:15+08:00", "- 一项", "键: 值", "# 不是注释", "'引号'", '"双"',
     "“两个确立”", "12345", "1.5", "@开头", "%百分", "!标签", "*星号", "&锚", "[方括号]", "{花括号}",
     "~", "null", "行尾空格 ", "a\u2028b"],
)  # fmt: skip
def test_yaml_keeps_every_string_a_string(text: str) -> None:
    data = {
        "schema": "partybuild-report/1",
        "report": {"title": text, "period": text},
        "sections": [{"id": "s", "title": text, "paragraphs": [text],
                      "metrics": [{"id": "m", "label": text, "value": 1, "unit": text,
                                   "quote": text}]}],
    }  # fmt: skip
    report = load_text(dump(data, "a comment\nover two lines"))
    assert report.meta.title == text and report.meta.period == text
    section = report.sections[0]
    assert (section.title, section.paragraphs, section.metrics[0].quote) == (text, (text,), text)
