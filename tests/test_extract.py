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
    assert [f.code for f in labels] == [country]


@pytest.mark.parametrize("text, lang, entities", [
    ("Deaths: 3,245 (Italy), 2,311 (Spain)", "en", []),  # a figure is no entity
    ("By March 2021 Sinovac (India) had shipped", "en", ["Sinovac"]),  # a number ends the entity
    ("ქალაქი თბილისი (საქართველო)", "ka", ["ქალაქი თბილისი"]),  # Georgian writes no capitals
])
def test_a_labels_entity_is_capitalised_words_or_words_of_a_caseless_script(text, lang, entities):
    assert [f.entity for f in extract_facts(text, lang).labels] == entities


def test_list_members():
    pf = extract_facts("Sekreterarna i Quang Ninh, Lang Son, Cao Bang och Ha Giang möttes.", "sv")
    assert [f.members for f in pf.lists] == [("Quang Ninh", "Lang Son", "Cao Bang", "Ha Giang")]


@pytest.mark.parametrize("text, lang, lists", [
    # two names: a short list, kept to meet another translation's longer list
    ("Officials from Lang Son, Cao Bang met in Hanoi.", "en", [(("Lang Son", "Cao Bang"), True)]),
    ("Officials from Lang Son and Cao Bang met in Hanoi.", "en", [(("Lang Son", "Cao Bang"), True)]),
    ("Vertreter von Lang Son, und Cao Bang trafen sich.", "de", [(("Lang Son", "Cao Bang"), True)]),
    # two common words are not a list, nor is a sentence's capitalised first word a name
    ("The cat, the dog ate.", "en", []),
    ("Officials and Cao Bang met.", "en", []),
    # ", ," left by an edit is one separator
    ("في كوانج نينه، ، كاو بانج، لانج سون في عام", "ar", [(("كوانج نينه", "كاو بانج", "لانج سون"), False)]),
    # a long piece may end with a list's first member
    ("Berdasarkan perbincangan, Setiausaha Parti bagi wilayah Quang Ninh, Ha Giang, Cao Bang, dan Lang Son (Vietnam)",
     "ms", [(("Quang Ninh", "Ha Giang", "Cao Bang", "Lang Son"), False)]),
])
def test_short_lists_and_list_boundaries(text, lang, lists):
    got = [(f.members, f.short) for f in extract_facts(text, lang).lists]
    assert got == lists


def test_arabic_conjunction_glued_to_a_member():
    # "Nanning and Ha Giang": و glued to the last member closes the list
    got = [f.members for f in extract_facts("شاركت مقاطعات لانغ سون، كوانغ نينه، نانينغ وها جيانغ في البرنامج.", "ar").lists]
    # the first member is as wide as the inner ones: "the provinces of" is the sentence's
    assert got == [("لانغ سون", "كوانغ نينه", "نانينغ", "ها جيانغ")]
    # from the sample: "... and welcomed Guangxi and the provinces of Quang Ninh, and Lang Son, ...":
    # after a clause that closed, the phrase after و opens the list the next pieces continue
    text = ("مدير أكاديمية هو تشي منه الوطنية للسياسة، البرنامج وألقى كلمة، ورحب بمقاطعة قوانغشي ومقاطعات "
            "كوانغ نينه، ولانغ سون، وكاو بانغ، وها جيانغ لمواصلة الحفاظ على آلية اجتماع الربيع")
    got = [f.members for f in extract_facts(text, "ar").lists]
    assert ("كوانغ نينه", "ولانغ سون", "وكاو بانغ", "وها جيانغ") in got


# --- beyond the sample's five languages: digits, words, months and territories from the libraries ---

@pytest.mark.parametrize("text,lang,expected", [
    ("le 3e congrès a réuni vingt et un délégués et 1 000,5 tonnes", "fr", [3, 21, 1000.5]),
    ("4,2 milliards de dollars", "fr", [4_200_000_000]),
    ("der 75. Jahrestag mit fünfundzwanzig Gästen und 1.000,5 Tonnen", "de", [75, 25, 1000.5]),
    ("4.200 millones de dólares", "es", [4_200_000_000]),
    ("27 billones de dólares", "es", [27 * 10**12]),
    ("tjueen delegater og 3 millioner kroner", "no", [21, 3_000_000]),
    ("двадцать пять делегатов и 3 миллиона рублей", "ru", [25, 3_000_000]),
    ("۲۰۲۵ میں ۲۹ معاہدے", "ur", [2025, 29]),
    ("29개 협정과 3억 원", "ko", [29, 300_000_000]),
    ("二千二十五年に二十九件の協定、27兆円", "ja", [2025, 29, 27 * 10**12]),
])
def test_numbers_in_more_languages(text, lang, expected):
    assert numbers(text, lang) == expected


@pytest.mark.parametrize("text,lang,label", [
    ("le 21 février 2025 à Hanoï", "fr", "2025-02-21"),
    ("am 21. Februar 2025 in Hanoi", "de", "2025-02-21"),
    ("el 21 de febrero de 2025", "es", "2025-02-21"),
    ("den 21. februar 2025", "no", "2025-02-21"),
    ("21 февраля 2025 года", "ru", "2025-02-21"),
    ("21 فروری 2025 کو", "ur", "2025-02-21"),
    ("2025년 2월 21일", "ko", "2025-02-21"),
    ("2025年2月21日", "ja", "2025-02-21"),
])
def test_dates_in_more_languages(text, lang, label):
    assert [date_label(f.value) for f in extract_facts(text, lang).dates] == [label]


@pytest.mark.parametrize("text,lang,country", [
    ("la région Guangxi (Chine) et", "fr", "CN"),
    ("die Region Guangxi (China) und", "de", "CN"),
    ("Mong Cai (Vietnam) y", "es", "VN"),
    ("regionen Guangxi (Kina) og", "no", "CN"),
    ("регион Гуанси (Китай) и", "ru", "CN"),
    ("گوانگشی (چین) اور", "ur", "CN"),
])
def test_country_labels_in_more_languages(text, lang, country):
    assert [f.code for f in extract_facts(text, lang).labels] == [country]


def _num2words_languages():
    from num2words import CONVERTER_CLASSES

    return [lang for lang in ("en", "fr", "de", "es", "no", "ru", "sv", "ar", "bn", "ko", "ja", "id", "ur", "hi")
            if lang in CONVERTER_CLASSES]


@pytest.mark.parametrize("lang", _num2words_languages())
def test_num2words_round_trip(lang):
    """Whatever num2words writes in a language, the extractor reads back to the same value."""
    from hypothesis import given, settings, strategies as st
    from num2words import num2words

    @settings(max_examples=60, deadline=None, derandomize=True)
    @given(st.integers(min_value=3, max_value=9_999))
    def check(n):
        words = num2words(n, lang=lang)
        assert n in [v for f in extract_facts(words, lang).numbers for v in (f.value if isinstance(f.value, tuple) else (f.value,))], words

    check()


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "sv"])
def test_num2words_ordinals_round_trip(lang):
    from hypothesis import given, settings, strategies as st
    from num2words import num2words

    @settings(max_examples=40, deadline=None, derandomize=True)
    @given(st.integers(min_value=3, max_value=100))
    def check(n):
        words = num2words(n, lang=lang, to="ordinal")
        assert [f.value for f in extract_facts(words, lang).numbers] == [n], words

    check()
