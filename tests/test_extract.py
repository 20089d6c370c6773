import pytest

from audit.extract import extract_facts
from audit.extract.dates import date_label


def numbers(text, lang):
    return [f.value for f in extract_facts(text, lang).numbers]


@pytest.mark.parametrize("text,lang,expected", [
    ("২০২৫ সালের ২৯টি চুক্তি", "bn", [2025, 29]),
    ("٢٠٢٥ و 29 اتفاقية", "ar", [2025, 29]),
    ("2025 में 29 समझौते", "hi", [2025, 29]),
    ("lima wilayah dan tujuh puluh lima", "ms", [5, 75]),
    ("الذكرى الخامسة والسبعين", "ar", [75]),
    ("ulang tahun ke-75", "ms", [75]),
    ("৭৫তম বার্ষিকী", "bn", [75]),
    ("det tionde vårmötet", "sv", [10]),
    ("nearly 300 delegations", "en", [300]),
    ("27 trillion and 27 billion", "en", [27 * 10**12, 27 * 10**9]),
    ("১০ লাখ মানুষ", "bn", [1_000_000]),
    ("1,00,000 people", "en", [100000]),
    ("2,5 miljoner", "sv", [2_500_000]),
    ("1950-2025", "sv", [(1950, 2025)]),
    ("১৯৫০-২০২৫", "bn", [(1950, 2025)]),
    ("27兆円", "ja", [27 * 10**12]),
    ("二十九件", "ja", [29]),
    ("en vänlig anda", "sv", []),
])
def test_numbers(text, lang, expected):
    assert numbers(text, lang) == expected


def test_approximation_is_marked():
    f = extract_facts("Partierna organiserade nästan 300 arbetsdelegationer", "sv").numbers[0]
    assert (f.value, f.approx, f.text) == (300, True, "nästan 300")


@pytest.mark.parametrize("text,lang,label", [
    ("den 19–21 februari i Ha Long", "sv", "--02-19/21"),
    ("১৯ থেকে ২১ ফেব্রুয়ারি কোয়াং নিন", "bn", "--02-19/21"),
    ("20 फरवरी को क्वांग निन्ह में", "hi", "--02-20"),
    ("في صباح يوم 21 فبراير", "ar", "--02-21"),
    ("12 شباط 2024", "ar", "2024-02-12"),
    ("on February 21, 2025", "en", "2025-02-21"),
])
def test_dates_compare_as_dates(text, lang, label):
    pf = extract_facts(text, lang)
    assert [date_label(f.value) for f in pf.dates] == [label]
    assert not pf.numbers  # the date claimed its numbers


@pytest.mark.parametrize("text,lang,country", [
    ("regionen Guangxi Zhuang (Kina) och", "sv", "CN"),
    ("গুয়াংসি ঝুয়াং স্বায়ত্তশাসিত অঞ্চল (ভিয়েতনাম) -এর", "bn", "VN"),
    ("منطقة قوانغشي تشوانغ ذاتية الحكم (الصين)", "ar", "CN"),
    ("ग्वांग झुआंग स्वायत्त क्षेत्र (चीन) की", "hi", "CN"),
])
def test_country_labels_from_cldr(text, lang, country):
    labels = extract_facts(text, lang).labels
    assert [f.value[1] for f in labels] == [country]


def test_list_members():
    pf = extract_facts("Sekreterarna i Quang Ninh, Lang Son, Cao Bang och Ha Giang möttes.", "sv")
    assert [f.extra["members"] for f in pf.lists] == [("Quang Ninh", "Lang Son", "Cao Bang", "Ha Giang")]
