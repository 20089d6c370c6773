"""Number and date shapes of real translations (TICO-19, NTREX) that were false alarms, and
the real discrepancy beside each that must still be found.

One linked paragraph per language, facts extracted from text written here (the helpers of
test_check_numbers.py): no disk, no grouping, no alignment.
"""
import pytest

from audit.extract import extract_facts
from test_check_numbers import flagged, run_check


def numbers(text, lang):
    return [f.value for f in extract_facts(text, lang).numbers]


def dates(text, lang):
    return [f.value for f in extract_facts(text, lang).dates]


# --- dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, value", [
    ("3,150 पुगेको थियो जुन 29 फेब्रुअरीमा बढेर", "ne", (None, 2, 29, 29)),  # जुन: "which", and the case ending -मा
    ("15 मार्चला घोषणा केली", "mr", (None, 3, 15, 15)),
])
def test_a_month_with_a_case_ending_takes_the_day_written_before_it(text, lang, value):
    assert dates(text, lang) == [value]


def test_a_day_between_two_month_names_is_the_day_of_the_one_it_is_written_before():
    others = {"hi": "28 फ़रवरी को 2,000 से अधिक मामले, 29 फ़रवरी को 3,150", "fr": "le 28 février plus de 2 000 cas, le 29 février 3 150",
              "ru": "28 февраля более 2000 случаев, 29 февраля 3150"}
    ne = "28 फेब्रुअरीमा 2,000 भन्दा बढी घटनाहरू थियो जुन 29 फेब्रुअरीमा बढेर 3,150 पुगेको थियो।"
    assert run_check("date-mismatch", {**others, "ne": ne}) == []
    got = run_check("date-mismatch", {**others, "ne": ne.replace("29", "27")})
    assert [(f.expected, f.found) for f in got] == [("02-29", "02-27")]


@pytest.mark.parametrize("text, lang, value", [
    ("pada hari Sabtu (September 29) sebagai pemimpin", "ms", [(None, 9, 29, 29)]),
    ("pada September 29, 2018 ada", "ms", [(2018, 9, 29, 29)]),
    ("சங்கம் மார்ச்-2 அன்று கூறியது", "ta", [(None, 3, 2, 2)]),
    ("pada Mac 15 orang mati", "ms", []),  # in March 15 people died: no date
])
def test_a_day_after_the_month_in_a_day_first_language_when_the_construction_says_so(text, lang, value):
    assert dates(text, lang) == value


def test_a_misprinted_day_after_the_month_is_still_a_date_mismatch():
    others = {"bn": "শনিবার (২৯ সেপ্টেম্বর) বার্লিনে", "hi": "शनिवार (29 सितंबर) को बर्लिन में", "sv": "på lördagen (29 september) i Berlin"}
    assert run_check("date-mismatch", {**others, "ms": "pada hari Sabtu (September 29) di Berlin"}) == []
    got = run_check("date-mismatch", {**others, "ms": "pada hari Sabtu (September 39) di Berlin"})
    assert [(f.expected, f.found) for f in got] == [("09-29", "09-39")] and flagged(got) == [("ms", "September 39")]


# --- codes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang, values", [
    ("تجاوز عدد إصابات فيروس سارس كوف-2 مليون إصابة", "ar", ["#2", 1000000]),
    ("बीमारी कोविड-19 के मामले", "hi", ["#19"]),
    ("सार्स-सीओव्ही-२ खूपच समान आहे", "mr", ["#2"]),  # the letter before the hyphen is a vowel sign
    ("بكوفيد-19 و-50 حالة", "ar", ["#19", 50]),  # و-: a clitic, not a code
    ("மார்ச்-26 அன்று", "ta", []),  # a month and its day
])
def test_a_caseless_word_hyphenated_to_digits_is_a_code(text, lang, values):
    assert numbers(text, lang) == values


def test_a_code_joined_to_the_magnitude_after_it_is_not_a_number():
    others = {"fr": "Le SARS-CoV-2 dépasse un million d'infections", "es": "El SARS-CoV-2 supera el millón de infecciones",
              "hi": "SARS-CoV-2 दुनिया भर में 1 मिलियन संक्रमणों से आगे"}
    assert run_check("number-mismatch", {**others, "ar": "تجاوز عدد إصابات فيروس سارس كوف-2 مليون إصابة"}) == []
    got = run_check("number-mismatch", {**others, "ar": "تجاوز عدد إصابات فيروس سارس كوف-2 10 ملايين إصابة"})
    assert ("ar", "10 ملايين") in flagged(got)  # (the Spanish "el millón" is unread: no majority)


def test_a_billion_written_alone_is_one_billion_where_num2words_writes_another_word():
    # Arabic writes a billion both مليار (num2words') and بليون; alone, each is one billion
    others = {"fr": "Le SARS-CoV-2 dépasse un million d'infections", "es": "El SARS-CoV-2 supera un millón de infecciones",
              "hi": "SARS-CoV-2 दुनिया भर में 1 मिलियन संक्रमणों से आगे"}
    assert numbers("تجاوز عدد إصابات فيروس سارس كوف-2 بليون إصابة", "ar") == ["#2", 1000000000]
    got = run_check("number-mismatch", {**others, "ar": "تجاوز عدد إصابات فيروس سارس كوف-2 بليون إصابة"})
    assert [(f.expected, f.found) for f in got] == [(1000000, 1000000000)] and ("ar", "بليون") in flagged(got)


def test_a_code_written_twice_is_one_designation():
    others = {"fr": "Le SARS-CoV-2 forme une protéine codée par orf3b", "es": "El SARS-CoV-2 forma una proteína codificada por orf3b",
              "hi": "SARS-CoV-2, orf3b द्वारा कोडित प्रोटीन"}
    ta = "சார்ஸ்-கோ.வி-2 (SARS-CoV-2) ஓ.ஆர்.எஃப்.3.பி குறியீடு"
    assert run_check("number-mismatch", {**others, "ta": ta}) == []


# --- ranges, separators, magnitudes ----------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("between 14 and 22 million more people", "en"), ("entre 14 y 22 millones de personas", "es"),
    ("entre 14 et 22 millions de personnes", "fr"), ("लैटिन अमेरिका में 14 और 22 मिलियन लोगों", "hi"),
    ("1,400 万至 2,200 万人", "zh"), ("mellan 14 och 22 miljoner människor", "sv"),
])
def test_two_numbers_share_the_magnitude_after_the_second(text, lang):
    values = [v for x in numbers(text, lang) for v in (x if isinstance(x, tuple) else (x,))]
    assert values == [14000000, 22000000]


def test_a_smaller_first_end_keeps_its_own_value():
    assert numbers("rose from 500 to 2 million", "en") == [(500, 2000000)]


def test_a_range_with_a_shared_magnitude_is_the_same_number_everywhere():
    texts = {"es": "entre 14 y 22 millones de personas", "fr": "entre 14 et 22 millions de personnes",
             "hi": "14 और 22 मिलियन लोगों", "zh": "1,400 万至 2,200 万人"}
    assert run_check("number-mismatch", texts) == [] and run_check("number-missing", texts) == []
    got = run_check("number-mismatch", {**texts, "es": "entre 15 y 22 millones de personas"})
    assert [(f.expected, f.found) for f in got] == [(14000000, 15000000)]


@pytest.mark.parametrize("text, lang, values", [
    ("आतापर्यंत 4600,80 (1.7%) लोकं", "mr", [4600, 80, 1.7]),  # a comma without its space
    ("en ökning med 2,5 procent", "sv", [2.5]),  # the decimal comma
    ("plus de 1,5 1,5 milliard d'enfants", "fr", [1.5, 1500000000]),  # a number written twice
    ("и более 2240 191 подтвержденный", "ru", []),  # a slipped group separator: not 2240 and 191
])
def test_digit_runs_that_are_two_numbers(text, lang, values):
    assert numbers(text, lang) == values


def test_a_number_written_twice_is_not_missing():
    others = {"es": "más de 1500 millones de niños", "pt": "mais de 1,5 bilhão de crianças", "ru": "более 1,5 миллиарда детей"}
    assert run_check("number-missing", {**others, "fr": "plus de 1,5 1,5 milliard d'enfants"}) == []
    assert run_check("number-missing", {**others, "fr": "plus d'enfants"}) != []


def test_a_comma_without_its_space_is_two_numbers_not_a_decimal():
    others = {"en": "a small village of 4600, 80 (1.7%) are already dead", "es": "un pueblo de 4600, 80 (1,7 %) ya han muerto",
              "hi": "4600 की आबादी वाले गाँव में 80 (1.7%) लोग मर चुके हैं"}
    assert run_check("number-mismatch", {**others, "mr": "गावांत आतापर्यंत 4600,80 (1.7%) लोकं मरण पावले"}) == []
    got = run_check("number-mismatch", {**others, "mr": "गावांत आतापर्यंत 4600,90 (1.7%) लोकं मरण पावले"})
    assert [(f.expected, f.found) for f in got] == [(80, 90)]


def test_a_count_of_the_magnitude_is_the_number_whatever_other_numbers_stand_beside_it():
    # Iran at 14.5 million: the Swahili and Urdu magnitudes and the Tamil one with its case
    # ending are unread (14.5); the Tamil date's day (மார்ச் 5 ஆம் தேதி) is no substitute for it
    others = {"fr": "le 5 mars, l'Iran avec 14,5 millions", "es": "el 5 de marzo, Irán con 14,5 millones",
              "ru": "5 марта Иран с 14,5 миллиона", "pt": "em 5 de março, o Irã com 14,5 milhões",
              "sw": "Iran ikiwa na milioni 14.5", "ur": "ایران 14.5 ملین کے ساتھ"}
    ta = "மார்ச் 5 ஆம் தேதி ஈரானில் 14.5 மில்லியனாகவும்"
    assert run_check("number-mismatch", {**others, "ta": ta}) == []
    cased = {lang: others[lang] for lang in ("fr", "es", "pt")}
    got = run_check("number-mismatch", {**cased, "ru": "5 марта Иран с 14,5 тысячи"})
    assert [(f.expected, f.found) for f in got] == [(14500000, 14500)]


# --- conventions ----------------------------------------------------------------------------

def test_a_year_by_its_last_two_digits_is_the_same_year():
    others = {"fr": "la maladie à coronavirus 19 (COVID-19)", "ar": "مرض فيروس كورونا 19", "ru": "коронавирусная болезнь 19"}
    assert run_check("number-mismatch", {**others, "es": "la enfermedad por coronavirus 2019 (COVID-19)"}) == []
    got = run_check("number-mismatch", {**others, "es": "la enfermedad por coronavirus 2018 (COVID-19)"})
    assert [(f.expected, f.found) for f in got] == [(19, 2018)]


def test_an_ordinal_rendered_as_a_count_is_not_a_mismatch():
    others = {"fr": "au cours du troisième trimestre", "pt": "durante o terceiro trimestre", "hi": "तीसरी तिमाही के दौरान"}
    assert run_check("number-mismatch", {**others, "bn": "গর্ভাবস্থার সাত মাসের সময়"}) == []
    got = run_check("number-mismatch", {**others, "bn": "গর্ভাবস্থার ৭ মাসের সময়"})
    assert [(f.expected, f.found) for f in got] == [(3, 7)]


def test_one_slipped_digit_is_the_same_sentence_with_an_error():
    others = {"fr": "7 voitures et 21 motos", "es": "7 coches y 21 motos", "ru": "7 машин и 21 мотоцикл"}
    got = run_check("number-mismatch", {**others, "hi": "31 मोटरसाइकिलें"})  # its seven unread
    assert [(f.expected, f.found) for f in got] == [(21, 31)]
    assert run_check("number-mismatch", {**others, "hi": "58 लोग"}) == []  # another sentence: abstain


def test_a_swapped_magnitude_is_the_same_sentence_with_an_error():
    # the others give a conversion the Swedish leaves out: its one number shares none of theirs
    others = {"fr": "des droits sur 200 milliards de dollars (150 milliards de livres) de biens",
              "es": "aranceles sobre 200 mil millones de dólares (150 mil millones de libras)",
              "hi": "200 बिलियन डॉलर (150 बिलियन पाउंड) के सामान पर"}
    assert run_check("number-mismatch", {**others, "sv": "tullar på varor för 200 miljarder dollar"}) == []
    got = run_check("number-mismatch", {**others, "sv": "tullar på varor för 200 miljoner dollar"})
    assert flagged(got) == [("sv", "200 miljoner")]


def test_the_same_slip_in_two_translations_is_a_mismatch_in_both():
    others = {"sv": "en omsättning på över 9 miljarder pund", "ar": "بإجمالي مبيعات يبلغ أكثر من 9 مليارات جنيه",
              "ms": "pusing ganti bernilai £9 bilion"}
    slipped = {"bn": "যৌথ টার্নওভার 9 মিলিয়ন পাউন্ডেরও বেশি", "hi": "£9 मिलियन के संयुक्त कारोबार"}
    got = run_check("number-mismatch", {**others, **slipped})
    assert sorted((f.expected, f.found) for f in got) == [(9000000000, 9000000)] * 2
    assert flagged(got) == [("bn", "9 মিলিয়ন"), ("hi", "9 मिलियन")]
    assert run_check("number-missing", {**others, **slipped}) == []


def test_a_day_given_by_a_date_is_no_two_digit_year():
    """A number vote may hold a date (a DateFact) beside a year elsewhere: the two-digit-year
    rule (disease 19 = 2019) reads only a two-digit number, never a date's day."""
    from audit.checks.numbers_equiv import same_number
    from audit.extract import extract_facts

    year_text, day_text = "Elle a commencé en 2019.", "Disease 19 spread on 19 March."
    (year,) = extract_facts(year_text, "fr").numbers
    pf = extract_facts(day_text, "en")
    (date,), two = pf.dates, pf.numbers[0]
    assert same_number(2019, 19, year, two, day_text, "en", year_text)
    assert not same_number(2019, 19, year, date, day_text, "en", year_text)


@pytest.mark.parametrize("text, lang, values", [
    ("an impact of $300+ billion on supply chains", "en", [300000000000]),
    ("आपूर्ति श्रृङ्खलामा $300+ अर्ब डलरको प्रभाव", "ne", [300000000000]),
    ("1+1 = 2", "en", [1, 1, 2]),  # a plus between digits is still arithmetic
])
def test_digits_and_a_plus_before_a_magnitude_are_one_number(text, lang, values):
    assert numbers(text, lang) == values


@pytest.mark.parametrize("text, lang, values", [
    ("up to 1 million cases with half a million deaths", "en", [1000000, 500000]),
    ("hasta un millón de casos con medio millón de muertes", "es", [1000000, 500000]),
    ("un million de cas et un demi-million de décès", "fr", [1000000, 500000]),
    ("ما يصل إلى مليون حالة مع نصف مليون حالة وفاة", "ar", [1000000, 500000]),
    ("satu juta kasus dengan setengah juta kematian", "id", [1000000, 500000]),
    ("half of the 300 patients", "en", [300]),  # half of a count is no number of its own
])
def test_a_word_for_half_before_a_magnitude_halves_it(text, lang, values):
    assert numbers(text, lang) == values


def test_half_a_million_changed_to_half_a_billion_is_a_mismatch():
    others = {"es": "hasta un millón de casos con medio millón de muertes",
              "fr": "jusqu'à un million de cas et un demi-million de décès",
              "id": "hingga satu juta kasus dengan setengah juta kematian"}
    assert run_check("number-mismatch", {**others, "ar": "ما يصل إلى مليون حالة مع نصف مليون حالة وفاة"}) == []
    got = run_check("number-mismatch", {**others, "ar": "ما يصل إلى مليون حالة مع نصف بليون حالة وفاة"})
    assert [(f.expected, f.found) for f in got] == [(500000, 500000000)] and ("ar", "نصف بليون") in flagged(got)
