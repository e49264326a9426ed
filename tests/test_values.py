"""Rule-based DATE / TIME / MONEY / PERCENT mentions (pipeline.values).

Every input goes through the pipeline's normaliser first, as in the pipeline itself.
"""
from __future__ import annotations

import functools
import time

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize_text
from pipeline.values import ValueMention, document_years, find_values, parse_number

norm = functools.cache(normalize_text)
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def values(raw: str, decimal_order: str = "standard", **kwargs) -> list[ValueMention]:
    return find_values(norm(raw), decimal_order, **kwargs)


def one(raw: str, label: str, decimal_order: str = "standard", **kwargs) -> ValueMention:
    found = [m for m in values(raw, decimal_order, **kwargs) if m.label == label]
    assert len(found) == 1, found
    return found[0]


def labels(raw: str, decimal_order: str = "standard", **kwargs) -> set[str]:
    return {m.label for m in values(raw, decimal_order, **kwargs)}


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, order, expected", [
    ("۸/۱", "reversed", 1.8),
    ("۸/۱", "standard", 8.1),
    ("۵/۹۱۷", "reversed", 917.5),
    ("۲۷/۲", "reversed", 2.27),
    ("۲٫۵", "reversed", 2.5),  # only the «/» form is reversed
    ("۲٫۵ میلیارد", "standard", 2.5e9),
    ("سیصد و هفت میلیون", "standard", 307_000_000),
    ("۱۲,۵۰۰", "standard", 12_500),
    ("۱۲٬۵۰۰", "standard", 12_500),
    ("۱٬۰۰۰٬۰۰۰", "standard", 1_000_000),
    ("٣٠٧ میلیون", "standard", 307_000_000),  # Arabic-Indic digits
    ("17 هزار میلیارد", "standard", 17e12),
    ("ده هزار میلیارد", "standard", 1e13),
    ("سه میلیون و پانصد هزار", "standard", 3_500_000),
    ("یک میلیون و نیم", "standard", 1_500_000),
    ("دو و نیم میلیون", "standard", 2_500_000),
    ("هزار و سیصد", "standard", 1300),
    ("صد و بیست و پنج", "standard", 125),
])
def test_parse_number(text: str, order: str, expected: float) -> None:
    assert parse_number(text, order) == pytest.approx(expected)
    assert parse_number(norm(text), order) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["پنج و بیست", "یک و یک", "میلیون ۵۰۰", "دو میلیون و سه میلیون",
                                  "نروژ", ""])
def test_parse_number_rejects_malformed_numbers(text: str) -> None:
    assert parse_number(text) is None


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_reads_grouped_persian_digits(n: int) -> None:
    for sep in (",", "٬"):
        assert parse_number(f"{n:,}".replace(",", sep).translate(PERSIAN_DIGITS)) == n


# ---------------------------------------------------------------- money

def test_reversed_decimal_money() -> None:
    m = one("حدود ۸/۱ میلیارد کرون هزینه داشت", "MONEY", "reversed")
    assert (m.normalized, m.currency, m.amount) == ("1800000000", "NOK", 1.8e9)
    assert m.text == norm("۸/۱ میلیارد کرون")
    assert one("حدود ۸/۱ میلیارد کرون هزینه داشت", "MONEY").normalized == "8100000000"
    m = one("۵/۹۱۷ میلیون دلار صرف کمک کرد", "MONEY", "reversed")
    assert (m.normalized, m.currency) == ("917500000", "USD")


@pytest.mark.parametrize("raw, normalized, currency", [
    ("۳۰۷ میلیون کرون", "307000000", "NOK"),
    ("سیصد و هفت میلیون دلار", "307000000", "USD"),
    ("۱۷۰۰ تومان", "17000", "IRR"),  # tomans are written as IRR × 10
    ("سه میلیون و پانصد هزار تومان", "35000000", "IRR"),
    ("ده هزار میلیارد ریالی", "10000000000000", "IRR"),
    ("۱۲,۵۰۰ یورو", "12500", "EUR"),
    ("۱۰ میلیارد ین", "10000000000", "JPY"),
    ("۵۰ میلیون کرون سوئد", "50000000", "SEK"),
    ("۳ میلیارد دلار کانادا", "3000000000", "CAD"),
    ("۲ میلیون ریال عربستان", "2000000", "SAR"),
    ("۱۰۰ درهم", "100", "AED"),
    ("25 سنت", "0.25", "USD"),
    ("56.81 دلار", "56.81", "USD"),
    ("هزار دلار", "1000", "USD"),
])
def test_money(raw: str, normalized: str, currency: str) -> None:
    m = one(f"مبلغ {raw} پرداخت شد", "MONEY")
    assert (m.normalized, m.currency) == (normalized, currency)
    assert m.amount == pytest.approx(float(normalized))


def test_money_range_is_one_mention_with_the_lower_bound() -> None:
    m = one("بیش از ۶۰ تا ۸۰ میلیارد دلار خواهد رسید", "MONEY")
    assert (m.text, m.normalized, m.currency) == (norm("۶۰ تا ۸۰ میلیارد دلار"), "60000000000", "USD")


def test_decimal_glued_to_scale_word() -> None:
    m = one("وام 5/8ميليارد دلاري", "MONEY", "reversed")
    assert (m.normalized, m.currency) == ("8500000000", "USD")


@pytest.mark.parametrize("raw", ["رشد تولید به 2/27 میلیون بشکه رسید", "صدها میلیارد دلار",
                                 "میلیون‌ها دلار", "۲۰ نفر کشته شدند"])
def test_not_money(raw: str) -> None:
    assert "MONEY" not in labels(raw, "reversed")


# ---------------------------------------------------------------- percent

@pytest.mark.parametrize("raw, order, normalized", [
    ("رشد ۵/۱ درصد", "reversed", "1.5"),
    ("رشد ۵/۱ درصد", "standard", "5.1"),
    ("رشد 8/15 درصدی", "reversed", "15.8"),
    ("رشد ۱.۵ درصد", "reversed", "1.5"),
    ("افزایش ۴۰٪ قیمت", "standard", "40"),
    ("افزایش %40 قیمت", "standard", "40"),
    ("رشد 6 تا 8 درصدی", "standard", "6"),
    ("ده درصد", "standard", "10"),
    ("نیم درصد", "standard", "0.5"),
])
def test_percent(raw: str, order: str, normalized: str) -> None:
    m = one(raw, "PERCENT", order)
    assert m.normalized == normalized
    assert m.amount == pytest.approx(float(normalized))


def test_decimal_comma_fragment_is_not_read_as_a_smaller_percent() -> None:
    assert "PERCENT" not in labels("رشد 2,5 درصد")


# ---------------------------------------------------------------- dates: Jalali and lunar

def test_jalali_day_month_year() -> None:
    expected = jdatetime.date(1400, 4, 20).togregorian().isoformat()
    assert expected == "2021-07-11"
    m = one("در ۲۰ تیرماه ۱۴۰۰ برگزار شد", "DATE")
    assert (m.text, m.normalized) == ("۲۰ تیرماه ۱۴۰۰", expected)
    assert one("در ۲۰ تیر ماه سال ۱۴۰۰ برگزار شد", "DATE").normalized == expected


@pytest.mark.parametrize("raw, normalized", [
    ("تیر ۱۴۰۰", "2021-06"),  # month of the 1st of Tir (2021-06-22)
    ("اسفند ۱۴۰۰", "2022-02"),
    ("سال ۱۳۸۷", "2008"),
    ("سال ۱۳۸۷ هجری شمسی", "2008"),
    ("سال 81", "2002"),  # two-digit Jalali year
    ("در ۱۳۹۲", "2013"),
    ("1392/05/20", "2013-08-11"),
    ("۱ رمضان ۱۴۴۵", "2024-03-11"),  # tabular Islamic calendar
    ("سال ۱۴۴۵ قمری", "2023"),
])
def test_jalali_and_lunar_conversion(raw: str, normalized: str) -> None:
    assert one(f"این رویداد {raw} رخ داد", "DATE").normalized == normalized


def test_jalali_day_month_without_any_year_is_not_a_date() -> None:
    assert "DATE" not in labels("جلسه در ۲۰ تیر برگزار شد و در مهر ماه ادامه یافت.")
    assert "DATE" not in labels("فردا جمعه (7 آبانماه) در مسکو")


def test_jalali_day_month_uses_the_documents_jalali_year() -> None:
    raw = "بودجه سال ۱۴۰۰ تصویب شد. جلسه در ۲۰ تیر برگزار شد."
    dates = {m.text: m.normalized for m in values(raw) if m.label == "DATE"}
    assert dates == {"سال ۱۴۰۰": "2021", "۲۰ تیر": "2021-07-11"}
    assert one("جلسه در ۲۰ تیر برگزار شد.", "DATE", document_year=1399).normalized == "2020-07-10"


def test_invalid_jalali_day_falls_back_to_the_month() -> None:
    m = one("۳۰ اسفند ۱۴۰۰", "DATE")  # 1400 is not a leap year: no 30 Esfand
    assert (m.text, m.normalized) == ("اسفند ۱۴۰۰", "2022-02")


# ---------------------------------------------------------------- dates: Gregorian

@pytest.mark.parametrize("raw, text, normalized", [
    ("در ۲۰ اوت ۱۹۹۳، به اسلو رفت", "۲۰ اوت ۱۹۹۳", "1993-08-20"),
    ("در ژوئن سال ۱۹۹۳، اعلام کرد", "ژوئن سال ۱۹۹۳", "1993-06"),
    ("اشغال کویت در اوت ۱۹۹۰، تا", "اوت ۱۹۹۰", "1990-08"),
    ("دولت در سال ۱۹۸۹، کمک کرد", "سال ۱۹۸۹", "1989"),
    ("انتخابات ۱۹۷۲، که عضویت را رد کرد", "۱۹۷۲", "1972"),
    ("در سال ٢٠٢١ میلادی", "سال ۲۰۲۱ میلادی", "2021"),
    ("فوریه 1999", "فوریه ۱۹۹۹", "1999-02"),
    ("۵ مه ۲۰۰۱", "۵ مه ۲۰۰۱", "2001-05-05"),
    ("در 2019-05-20", "۲۰۱۹ - ۰۵ - ۲۰", "2019-05-20"),
])
def test_gregorian_dates(raw: str, text: str, normalized: str) -> None:
    m = one(raw, "DATE")
    assert (m.text, m.normalized) == (text, normalized)


@pytest.mark.parametrize("raw, normalized", [
    ("لاوروف فردا جمعه ۳ اکتبر در مسکو است", "--10-03"),
    ("از اول ماه آوریل", "--04-01"),
    ("بیست و یکم مارس", "--03-21"),
    ("پرونده در ماه نوامبر بسته شود", "--11"),
    ("آمریکا و ترکیه اواخر سپتامبر توافق کردند", "--09"),
])
def test_gregorian_day_month_without_year(raw: str, normalized: str) -> None:
    assert one(raw, "DATE").normalized == normalized


def test_modifier_belongs_to_the_mention() -> None:
    m = one("آمریکا و ترکیه اواخر سپتامبر توافق کردند", "DATE")
    assert m.text == "اواخر سپتامبر"


@pytest.mark.parametrize("raw, text, normalized", [
    ("اختلاف در اوایل دهه ۱۹۸۰، ناشی از", "اوایل دهه ۱۹۸۰", "198X"),
    ("در دهه ۱۹۹۰ میلادی", "دهه ۱۹۹۰ میلادی", "199X"),
    ("در دهه ۶۰", "دهه ۶۰", "198X"),  # two digits: the Jalali 1360s, which start in 1981
    ("در دهه شصت میلادی", "دهه شصت میلادی", "196X"),
])
def test_decades(raw: str, text: str, normalized: str) -> None:
    m = one(raw, "DATE")
    assert (m.text, m.normalized) == (norm(text), normalized)


@pytest.mark.parametrize("raw", [
    "۱۹۷۲ نفر کشته شدند",
    "بیش از ۲۰۰۰ نفر",
    "بیش از ۲۰۰۰",
    "قطعنامه ۱۷۰۱ شورای امنیت",
    "۲۰۰۰ تا ۳۰۰۰ نفر",
    "۲۰۱۰ میلیون دلار",
    "در مه غلیظ گم شد",
    "در ماه رمضان",
    "دو دهه گذشته",
    "۱۳۹۲ شرکت",  # a Jalali-range number without a year cue
])
def test_not_a_date(raw: str) -> None:
    assert "DATE" not in labels(raw)


def test_year_range_gives_two_dates() -> None:
    found = [m.normalized for m in values("از ۱۹۸۰ تا ۱۹۹۰") if m.label == "DATE"]
    assert found == ["1980", "1990"]


def test_document_years() -> None:
    years = document_years(norm("در سال ۱۳۹۲ و در ژوئن ۲۰۱۰ و ۲۸ اکتبر"))
    assert (years.jalali, years.gregorian, years.any) == ((1392,), (2010,), True)
    assert not document_years(norm("در ۲۸ اکتبر و ۲۰ تیر")).any


# ---------------------------------------------------------------- time

@pytest.mark.parametrize("raw, normalized", [
    ("جلسه ساعت ۱۰ آغاز شد", "10:00"),
    ("جلسه ساعت ۱۰:۳۰ آغاز شد", "10:30"),
    ("جلسه ساعت ۱۰ و ۳۰ دقیقه آغاز شد", "10:30"),
    ("جلسه ساعت ۱۰ و نیم آغاز شد", "10:30"),
    ("جلسه ۱۰ صبح آغاز شد", "10:00"),
    ("جلسه ساعت ۸ شب آغاز شد", "20:00"),
    ("جلسه ساعت ۳ بعدازظهر آغاز شد", "15:00"),
    ("جلسه 14:45 آغاز شد", "14:45"),
])
def test_time(raw: str, normalized: str) -> None:
    assert one(raw, "TIME").normalized == normalized


def test_duration_is_not_a_time() -> None:
    assert "TIME" not in labels("۲۴ ساعت گذشته و سه شب")


# ---------------------------------------------------------------- whole documents

SAMPLE_GOLD = {  # DATE and MONEY rows of corpus/gold/entities.csv for the sample document
    ("DATE", "1972"), ("DATE", "198X"), ("DATE", "1990-08"), ("DATE", "1989"),
    ("DATE", "1993-06"), ("DATE", "1993-08-20"),
    ("MONEY", "1800000000"), ("MONEY", "917500000"), ("MONEY", "307000000"),
    ("MONEY", "461000000"),
}


def test_sample_document(sample_text: str) -> None:
    text = norm(sample_text)
    found = find_values(text, "reversed")
    assert {(m.label, m.normalized) for m in found} == SAMPLE_GOLD
    assert {m.currency for m in found if m.label == "MONEY"} == {"NOK", "USD"}


def test_offsets_are_ordered_and_disjoint(sample_text: str) -> None:
    text = norm(sample_text)
    found = find_values(text, "reversed")
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


WORDS = ["۲۰", "اوت", "۱۹۹۳", "سال", "ساعت", "۱۰", ":", "۳۰", "و", "نیم", "میلیون", "دلار", "تا",
         "درصد", "٪", "/", "٫", ",", "۵", "تیر", "ماه", "دهه", "اوایل", "صد", "بیست", "هزار", "نفر",
         "در", "۱۳۹۲", "صبح", "-", "میلادی", "تومان", "،"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25), st.sampled_from(["standard", "reversed"]))
def test_mentions_never_overlap_and_match_their_text(words: list[str], order: str) -> None:
    text = " ".join(words)
    found = find_values(text, order)
    assert all(text[m.start:m.end] == m.text and m.text.strip() == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_scan_is_linear_on_pathological_input() -> None:
    # Long chains of ranges, separators and number words must not blow up (several-MB documents).
    text = ("۱۹۹۰ تا " * 20000) + ("۱ / " * 20000) + ("صد و " * 20000)
    began = time.perf_counter()
    found = find_values(text, "reversed")
    assert time.perf_counter() - began < 30
    assert len(found) == 20000  # each year of the chain, nothing else


def test_unknown_decimal_order_is_refused() -> None:
    with pytest.raises(ValueError):
        find_values("۵ درصد", "backwards")
