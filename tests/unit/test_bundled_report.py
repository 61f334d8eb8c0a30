"""The bundled report (data/report.yaml) held against the article it was typed from.

These tests read the raw article in data/source/ and check, independently of the
loader, that every paragraph is there verbatim and in order, that every figure's
value is the number its quote shows, and that no number of the article is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from partybuild_tui.model import Metric, Report, Section, load_report

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "data" / "report.yaml"
ARTICLE = ROOT / "data" / "source" / "jincheng-2025-party-building.txt"

HEADINGS = [
    "凝心铸魂,把稳政治引领“方向盘”",
    "强基固本,激活基层治理“红细胞”",
    "选贤任能,锻造实干担当“主力军”",
    "广聚英才,构筑创新发展“强磁场”",
    "正风肃纪,筑牢廉洁自律“防火墙”",
]

# --- the article ---------------------------------------------------------------------


def article_body() -> list[str]:
    """Non-empty lines after the reporter's line (□本报记者) and before 相关内容."""
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("□本报记者")) + 1
    end = next(i for i, line in enumerate(lines) if line == "相关内容")
    return [line for line in lines[start:end] if line]


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(REPORT)


@pytest.fixture(scope="module")
def body() -> list[str]:
    return article_body()


def all_metrics(report: Report) -> list[tuple[Section, Metric]]:
    return [(section, metric) for section in report.walk() for metric in section.metrics]


# --- reading the numbers written in a quote -------------------------------------------

CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_NUMERAL = "一二两三四五六七八九十"
# A Chinese numeral counts only when a counter word follows it (一次 yes, 四联 no).
COUNTERS = "个年次轮批级步大家所名项类种场件条人期"
ARABIC = re.compile(r"(\d+(?:\.\d+)?)(?:/(\d+))?(万|亿)?")
CHINESE = re.compile(rf"([{CN_NUMERAL}]+)(?=[{COUNTERS}])")
MULTIPLIERS = {None: 1, "万": 10_000, "亿": 100_000_000}


def chinese_to_int(text: str) -> int:
    """一..九, 十, 十二, 二十, 二十三 (all this article needs)."""
    if "十" not in text:
        assert len(text) == 1, f"unsupported Chinese numeral {text!r}"
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def numbers_in(quote: str) -> list[tuple[Decimal, int, int, bool]]:
    """(value, start, end, is_fraction) of every number written in ``quote``, in order."""
    found = []
    for match in ARABIC.finditer(quote):
        number = Decimal(match.group(1))
        if match.group(2):
            number /= Decimal(match.group(2))
        number *= MULTIPLIERS[match.group(3)]
        found.append((number, match.start(), match.end(), bool(match.group(2))))
    for match in CHINESE.finditer(quote):
        found.append((Decimal(chinese_to_int(match.group(1))), match.start(), match.end(), False))
    return sorted(found, key=lambda item: item[1])


def expected_qualifier(quote: str) -> str:
    if re.search(r"余|以上|超过|多", quote):
        return "over"
    # 近三年 is "the last three years": a period, not an approximation.
    if re.search(r"近|约", re.sub(rf"近[\d{CN_NUMERAL}]+年", "", quote)):
        return "about"
    if "最高" in quote:
        return "up_to"
    return "exact"


def test_parser_reads_the_forms_the_article_uses():
    def values(quote: str) -> list[Decimal]:
        return [n for n, *_ in numbers_in(quote)]

    assert values("1.7万余名") == [Decimal(17000)]
    assert values("2.08万余人") == [Decimal(20800)]
    assert values("2750万元") == [Decimal(27500000)]
    assert values("99.3%") == [Decimal("99.3")]
    assert values("近2/5") == [Decimal("0.4")]
    assert values("由46%提升到87%") == [Decimal(46), Decimal(87)]
    assert values("一次四联共建") == [Decimal(1)]
    assert values("两个") == [Decimal(2)]
    assert values("二十三年") == [Decimal(23)]
    assert expected_qualifier("近2/5") == "about"
    assert expected_qualifier("近三年") == "exact"
    assert expected_qualifier("97%以上") == "over"
    assert expected_qualifier("超过100万元") == "over"
    assert expected_qualifier("38次") == "exact"


# --- metadata and structure -----------------------------------------------------------


def test_metadata(report: Report):
    meta = report.meta
    assert meta.id == "jincheng-2025-party-building"
    assert meta.title == "党建领航聚合力 铸魂固本启新程"
    assert meta.subtitle == "晋城市党的建设综述"
    assert (meta.source, meta.author) == ("太行日报", "闫妮莎")
    assert meta.published == "2026-01-19T17:43:15+08:00"
    assert (meta.period, meta.region, meta.language) == ("2025", "晋城市", "zh-CN")
    first_line = ARTICLE.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"{meta.title}——{meta.subtitle}"


def test_top_level_sections_follow_the_article(report: Report, body: list[str]):
    titles = [section.title for section in report.sections]
    assert titles == ["导语", *HEADINGS, "结语"]
    assert (report.sections[0].id, report.sections[-1].id) == ("lead", "closing")
    for heading in HEADINGS:
        assert heading in body, heading
    assert [line for line in body if line in HEADINGS] == HEADINGS


def test_ids_are_unique_slugs(report: Report):
    section_ids = [section.id for section in report.walk()]
    metric_ids = [metric.id for metric in report.metrics]
    for ids in (section_ids, metric_ids):
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert not set(section_ids) & set(metric_ids)


def test_every_paragraph_once_verbatim_and_in_order(report: Report, body: list[str]):
    in_report = [p for section in report.walk() for p in section.paragraphs]
    in_article = [line for line in body if line not in HEADINGS]
    assert in_report == in_article


def test_subtopic_titles_are_the_articles_own_words(report: Report):
    for section in report.walk():
        if section.depth == 0:
            continue
        assert section.title in "".join(section.paragraphs), section.title


# --- metrics -----------------------------------------------------------------------------


def test_every_quote_is_in_its_own_section_exactly_once(report: Report):
    for section, metric in all_metrics(report):
        text = "\n".join(section.paragraphs)
        assert text.count(metric.quote) == 1, (metric.id, metric.quote)
        paragraph = section.paragraphs[metric.paragraph_index]
        assert paragraph[metric.quote_start : metric.quote_end] == metric.quote


def test_quotes_hold_whole_numbers_and_their_qualifier_words(report: Report):
    """A quote never cuts a number in two, nor leaves 余/以上/近/超过 just outside."""
    for section, metric in all_metrics(report):
        paragraph = section.paragraphs[metric.paragraph_index]
        before = paragraph[: metric.quote_start]
        after = paragraph[metric.quote_end :]
        digit_like = f"0123456789./{CN_NUMERAL}"
        assert not (before[-1:] and before[-1] in digit_like and metric.quote[0] in digit_like)
        assert not (after[:1] and after[0] in digit_like and metric.quote[-1] in digit_like)
        assert not after.startswith(("余", "以上", "多")), (metric.id, metric.quote)
        assert not before.endswith(("近", "约", "超过", "最高")), (metric.id, metric.quote)


def test_values_agree_with_the_numbers_in_the_quotes(report: Report):
    for _, metric in all_metrics(report):
        assert isinstance(metric.value, (int, float)) and not isinstance(metric.value, bool)
        numbers = numbers_in(metric.quote)
        value = Decimal(str(metric.value))
        if metric.baseline is not None:
            assert re.search(r"由.+(提升|提高|增加|下降|降低)到", metric.quote), metric.id
            assert [n for n, *_ in numbers] == [Decimal(str(metric.baseline)), value], metric.id
        else:
            assert [n for n, *_ in numbers] == [value], (metric.id, metric.quote, metric.value)


def test_units_agree_with_the_quotes(report: Report):
    for _, metric in all_metrics(report):
        numbers = numbers_in(metric.quote)
        assert numbers, (metric.id, metric.quote)
        _, _, end, is_fraction = numbers[-1]
        counter = metric.quote[end:].removeprefix("余")
        if metric.unit == "比例":
            assert is_fraction, metric.id
        elif counter.startswith("大"):  # 三大重点: three (个) key areas
            assert metric.unit == "个", metric.id
        else:
            assert counter.startswith(metric.unit), (metric.id, metric.quote, metric.unit)


def test_qualifiers_agree_with_the_quotes(report: Report):
    for _, metric in all_metrics(report):
        assert metric.qualifier == expected_qualifier(metric.quote), (metric.id, metric.quote)


def test_labels_are_short_chinese(report: Report):
    for metric in report.metrics:
        assert 2 <= len(metric.label) <= 30, metric.id
        assert re.search(r"[\u4e00-\u9fff]", metric.label), metric.id


# --- every number in the article is accounted for ------------------------------------

NUMBER = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?")


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def uncovered_numbers(report: Report, body: list[str]) -> list[str]:
    """The fidelity rule: each Arabic number of the body lies inside some metric's
    quote, or one of the not_metrics texts lies within 6 characters of it."""
    quotes = [norm(metric.quote) for metric in report.metrics]
    allowed = [norm(text) for text in report.not_metrics]
    missing = []
    for line in body:
        text = norm(line)
        covered = [False] * len(text)
        for quote in quotes:
            for match in re.finditer(re.escape(quote), text):
                covered[match.start() : match.end()] = [True] * len(quote)
        for match in NUMBER.finditer(text):
            if all(covered[match.start() : match.end()]):
                continue
            context = text[max(0, match.start() - 6) : match.end() + 6]
            if any(a and a in context for a in allowed):
                continue
            missing.append(f"{match.group()} in …{context}…")
    return missing


def test_every_number_is_a_metric_or_a_listed_name(report: Report, body: list[str]):
    assert uncovered_numbers(report, body) == []


def test_not_metrics_are_exact_text_of_the_article(report: Report, body: list[str]):
    text = "".join(body)
    assert report.not_metrics
    for entry in report.not_metrics:
        assert entry in text, entry
    quotes = [metric.quote for metric in report.metrics]
    for entry in report.not_metrics:
        assert not any(entry in quote for quote in quotes), entry
