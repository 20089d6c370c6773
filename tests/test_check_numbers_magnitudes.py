"""A magnitude written without digits (issue 13, session 13): the French "d'un million", the
Russian "до миллиона" and "полмиллиона" are numbers, and changed to a billion they are a
number-mismatch at the changed word; plurals and articles alone stay no number."""
import random
import sys

import pytest

from audit.extract import extract_facts
from conftest import ROOT
from test_check_numbers import flagged, run_check

sys.path.insert(0, str(ROOT / "benchmarks"))
import _edits as rp  # noqa: E402


def numbers(text, lang):
    return [f.value for f in extract_facts(text, lang).numbers]


@pytest.mark.parametrize("text, lang, values", [
    ("Le Japon a fait don d’un million de masques.", "fr", [1000000]),  # the article elided after d'
    ("Le Japon a fait don d'un milliard de masques.", "fr", [1000000000]),
    ("La Russie a envoyé l’un des trois avions.", "fr", [3]),
    ("Le Japon a fait don d’un lot de masques.", "fr", []),  # d'un alone is an article, no count of one
    ("до миллиона человек", "ru", [1000000]),  # "up to a million": the genitive singular alone
    ("миллион человек", "ru", [1000000]),
    ("гибели полумиллиона пациентов", "ru", [500000]),  # half glued to the magnitude
    ("2 миллиона человек", "ru", [2000000]),
    ("миллионы людей", "ru", []),  # "millions of people": no count
    ("несколько миллионов людей", "ru", []),
    ("тысячи людей", "ru", []),  # also the genitive singular, but the plural first: no count
])
def test_a_magnitude_without_digits_is_read_where_the_language_writes_one_of_it(text, lang, values):
    assert numbers(text, lang) == values


EBOLA = {"es": "Se preveía que el ébola causaría hasta un millón de casos con medio millón de muertes.",
         "pt": "Previa-se que o ebola causaria até um milhão de casos com meio milhão de mortes.",
         "id": "Ebola awalnya diperkirakan menyebabkan hingga satu juta kasus dengan setengah juta kematian."}
RU = "Лихорадка Эбола должна была поразить до миллиона человек и стать причиной гибели полумиллиона пациентов."
FR = "Le Japon a fait don d’un million de masques à Wuhan."
MASKS = {"es": "Japón donó un millón de mascarillas a Wuhan.",
         "pt": "O Japão doou um milhão de máscaras a Wuhan.",
         "id": "Jepang menyumbangkan satu juta masker ke Wuhan."}


def test_a_russian_million_without_digits_changed_to_a_billion_is_a_mismatch():
    assert run_check("number-mismatch", {**EBOLA, "ru": RU}) == []
    assert run_check("number-missing", {**EBOLA, "ru": RU}) == []
    got = run_check("number-mismatch", {**EBOLA, "ru": RU.replace("миллиона", "миллиарда", 1)})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 1000000, 1000000000)]
    assert flagged(got) == [("ru", "миллиарда")]
    # half a million changed to half a billion: the half glued to the magnitude is read
    got = run_check("number-mismatch", {**EBOLA, "ru": RU.replace("полумиллиона", "полумиллиарда")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 500000, 500000000)]
    assert flagged(got) == [("ru", "полумиллиарда")]


def test_a_french_million_after_an_elided_article_changed_to_a_billion_is_a_mismatch():
    assert run_check("number-mismatch", {**MASKS, "fr": FR}) == []
    got = run_check("number-mismatch", {**MASKS, "fr": FR.replace("million", "milliard")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 1000000, 1000000000)]
    assert flagged(got) == [("fr", "d’un milliard")]


def test_a_country_swap_in_a_language_that_declines_names_writes_the_new_name_whole():
    # в Сингапуре: the case ending belongs to the old name; the edit writes the new name in its
    # CLDR form, not Великобританияе (no word), and keeps an agglutinated ending elsewhere
    line = "Пандемия в Сингапуре протекала гораздо менее напряженно."
    doc = rp.Doc("ru", "ru/a.txt", [line], ["The pandemic in Singapore was far less severe."])
    (s, e, new, _), = rp.cand_country(doc, 0, random.Random(1), {"doc_countries": ["GB"]})
    assert line[s:e] == "Сингапуре" and new == "Великобритания"
    line = "মহামারীটি সিঙ্গাপুরে অনেক কম তীব্র ছিল।"
    doc = rp.Doc("bn", "bn/a.txt", [line], ["The pandemic in Singapore was far less severe."])
    (s, e, new, _), = rp.cand_country(doc, 0, random.Random(1), {"doc_countries": ["GB"]})
    assert line[s:e] == "সিঙ্গাপুর" and rp._apply(line, s, e, new) == line.replace("সিঙ্গাপুর", new)


TESTS = {"es": "El 7 de abril de 2020 solo una prueba estaba aprobada. A finales de marzo de 2020, dos empresas recibieron aprobaciones.",
         "fr": "Au 7 avril 2020, un seul test était approuvé. Fin mars 2020, deux entreprises ont reçu des approbations.",
         "id": "Per 7 April 2020, hanya satu tes yang disetujui. Pada akhir Maret 2020, dua perusahaan menerima persetujuan."}
PT = "A partir de 7 de abril de 2020, somente um teste foi aprovado. No final de março de 2020, duas empresas receberam aprovações."


def test_a_month_changed_to_one_the_others_name_only_in_a_dated_day_is_a_date_mismatch():
    # "7 April 2020 ... end of March 2020": the March changed to April. The others name April,
    # but only in the date with a day both sides give: no pair of months read one each
    assert run_check("date-mismatch", {**TESTS, "pt": PT}) == []
    got = run_check("date-mismatch", {**TESTS, "pt": PT.replace("março", "abril")})
    assert [(f.check, f.expected, f.found) for f in got] == [("date-mismatch", "03", "04")]
    assert flagged(got) == [("pt", "abril de 2020")]


CANADA = {"es": "El Gobierno de Canadá anunció 275 millones de dólares para 96 proyectos de investigación.",
          "fr": "Le gouvernement du Canada a annoncé 275 millions de dollars pour 96 projets de recherche.",
          "id": "Pemerintah Kanada mengumumkan 275 juta dolar untuk 96 proyek penelitian."}
UR = "کینیڈا کی حکومت نے 96 تحقیقی منصوبوں کے لیے 275 ملین ڈالر کا اعلان کیا۔"


def test_the_urdu_million_and_billion_are_magnitudes():
    assert numbers(UR, "ur") == [96, 275000000]
    assert run_check("number-mismatch", {**CANADA, "ur": UR}) == []
    got = run_check("number-mismatch", {**CANADA, "ur": UR.replace("ملین", "بلین")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 275000000, 275000000000)]
    assert flagged(got) == [("ur", "275 بلین")]


def test_a_swahili_magnitude_written_before_the_unit_and_the_number_is_the_same_number():
    # "milioni dola 275": million dollars 275, the magnitude before the unit before the number
    sw = "Serikali ya Kanada imetangaza milioni dola 275 kwa miradi 96 ya utafiti."
    assert run_check("number-mismatch", {**CANADA, "sw": sw}) == []
    # a magnitude written so that is another one is still a mismatch at the number
    got = run_check("number-mismatch", {**CANADA, "sw": sw.replace("milioni", "bilioni")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 275000000, 275)]
    assert flagged(got) == [("sw", "275")]
