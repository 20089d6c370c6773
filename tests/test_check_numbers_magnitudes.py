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
    ("La ville a planté plus d’un million d’arbres.", "fr", [1000000]),  # the article elided after d'
    ("La ville a planté plus d'un milliard d'arbres.", "fr", [1000000000]),
    ("Le maire a visité l’une des quatre écoles.", "fr", [4]),
    ("La ville a planté plus d’un type d’arbre.", "fr", []),  # d'un alone is an article, no count of one
    ("I biglietti costano 2 euro l'uno.", "it", [2]),  # l'uno, l'una: "each", a pronoun, not a count of one
    ("Arrivarono l'uno dopo l'altro.", "it", []),
    ("Nell'ottanta per cento dei comuni piove.", "it", [80]),  # another elided number word is read
    ("до миллиона зрителей", "ru", [1000000]),  # "up to a million": the genitive singular alone
    ("миллион зрителей", "ru", [1000000]),
    ("около полумиллиона зрителей", "ru", [500000]),  # half glued to the magnitude
    ("2 миллиона зрителей", "ru", [2000000]),
    ("миллионы зрителей", "ru", []),  # "millions of viewers": no count
    ("несколько миллионов зрителей", "ru", []),
    ("тысячи зрителей", "ru", []),  # also the genitive singular, but the plural first: no count
    # a bare singular qualified by a fraction, a number word or "per" is not one of it
    ("полтора миллиона зрителей", "ru", [1500000]),  # and полтора is 1.5 times it
    ("около полутора миллионов зрителей", "ru", [1500000]),
    ("два с половиной миллиона зрителей", "ru", [2500000]),  # "two and a half": plus_half
    ("около четверти миллиона зрителей", "ru", []),
    ("треть миллиона зрителей", "ru", []),
    ("12 случаев на миллион зрителей", "ru", [12]),
])
def test_a_magnitude_without_digits_is_read_where_the_language_writes_one_of_it(text, lang, values):
    assert numbers(text, lang) == values


FESTIVAL = {"es": "El festival esperaba hasta un millón de visitantes y medio millón de entradas vendidas.",
            "pt": "O festival esperava até um milhão de visitantes e meio milhão de ingressos vendidos.",
            "id": "Festival itu mengharapkan hingga satu juta pengunjung dan setengah juta tiket terjual."}
RU = "Фестиваль ожидал до миллиона посетителей и продажи полумиллиона билетов."
FR = "La ville a besoin d’un million d’arbres pour ses parcs."
TREES = {"es": "La ciudad necesita un millón de árboles para sus parques.",
         "pt": "A cidade precisa de um milhão de árvores para os seus parques.",
         "id": "Kota itu membutuhkan satu juta pohon untuk taman-tamannya."}


def test_a_russian_million_without_digits_changed_to_a_billion_is_a_mismatch():
    assert run_check("number-mismatch", {**FESTIVAL, "ru": RU}) == []
    assert run_check("number-missing", {**FESTIVAL, "ru": RU}) == []
    got = run_check("number-mismatch", {**FESTIVAL, "ru": RU.replace("миллиона", "миллиарда", 1)})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 1000000, 1000000000)]
    assert flagged(got) == [("ru", "миллиарда")]
    # half a million changed to half a billion: the half glued to the magnitude is read
    got = run_check("number-mismatch", {**FESTIVAL, "ru": RU.replace("полумиллиона", "полумиллиарда")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 500000, 500000000)]
    assert flagged(got) == [("ru", "полумиллиарда")]


def test_a_french_million_after_an_elided_article_changed_to_a_billion_is_a_mismatch():
    assert run_check("number-mismatch", {**TREES, "fr": FR}) == []
    got = run_check("number-mismatch", {**TREES, "fr": FR.replace("million", "milliard")})
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


SHOWS = {"es": "El 9 de octubre de 2021 solo un museo estaba abierto. A finales de septiembre de 2021, tres teatros reabrieron.",
         "fr": "Au 9 octobre 2021, un seul musée était ouvert. Fin septembre 2021, trois théâtres ont rouvert.",
         "id": "Per 9 Oktober 2021, hanya satu museum yang buka. Pada akhir September 2021, tiga teater dibuka kembali."}
PT = "Em 9 de outubro de 2021, somente um museu estava aberto. No final de setembro de 2021, três teatros reabriram."


def test_a_month_changed_to_one_the_others_name_only_in_a_dated_day_is_a_date_mismatch():
    # "9 October 2021 ... end of September 2021": the September changed to October. The others
    # name October, but only in the date with a day both sides give: no pair of months read one each
    assert run_check("date-mismatch", {**SHOWS, "pt": PT}) == []
    got = run_check("date-mismatch", {**SHOWS, "pt": PT.replace("setembro", "outubro")})
    assert [(f.check, f.expected, f.found) for f in got] == [("date-mismatch", "09", "10")]
    assert flagged(got) == [("pt", "outubro de 2021")]


PORT = {"es": "La ciudad invirtió 340 millones de dólares en 12 muelles nuevos.",
        "fr": "La ville a investi 340 millions de dollars dans 12 nouveaux quais.",
        "id": "Kota itu menginvestasikan 340 juta dolar untuk 12 dermaga baru."}
UR = "شہر نے 12 نئی گودیوں پر 340 ملین ڈالر لگائے۔"


def test_the_urdu_million_and_billion_are_magnitudes():
    assert numbers(UR, "ur") == [12, 340000000]
    assert run_check("number-mismatch", {**PORT, "ur": UR}) == []
    got = run_check("number-mismatch", {**PORT, "ur": UR.replace("ملین", "بلین")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 340000000, 340000000000)]
    assert flagged(got) == [("ur", "340 بلین")]


def test_a_swahili_magnitude_written_before_the_unit_and_the_number_is_the_same_number():
    # "milioni dola 340": million dollars 340, the magnitude before the unit before the number
    sw = "Jiji liliwekeza milioni dola 340 katika gati 12 mpya."
    assert run_check("number-mismatch", {**PORT, "sw": sw}) == []
    # a magnitude written so that is another one is still a mismatch at the number
    got = run_check("number-mismatch", {**PORT, "sw": sw.replace("milioni", "bilioni")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 340000000, 340)]
    assert flagged(got) == [("sw", "340")]


CROWD = {"es": "Cerca de un cuarto de millón de personas vieron el desfile, y 4 carrozas ganaron premios.",
         "fr": "Près d'un quart de million de personnes ont vu le défilé, et 4 chars ont gagné des prix.",
         "id": "Sekitar seperempat juta orang menonton parade itu, dan 4 kendaraan hias memenangkan hadiah."}
ONE_AND_HALF = {"es": "El museo recibió 1,5 millones de visitantes.",
                "fr": "Le musée a reçu 1,5 million de visiteurs.",
                "id": "Museum itu menerima 1,5 juta pengunjung."}


def test_a_russian_bare_million_qualified_by_a_fraction_is_not_one_million():
    # четверти миллиона (a quarter of a million): not read as 1,000,000 against the others' 4
    ru = "Около четверти миллиона человек увидели парад, и 4 платформы получили призы."
    for check in ("number-mismatch", "number-missing"):
        assert run_check(check, {**CROWD, "ru": ru}) == []
    # полтора миллиона is 1,500,000, the others' 1,5 millones: no mismatch, nothing missing
    ru = "Музей принял полтора миллиона посетителей."
    for check in ("number-mismatch", "number-missing"):
        assert run_check(check, {**ONE_AND_HALF, "ru": ru}) == []
    got = run_check("number-mismatch", {**ONE_AND_HALF, "ru": ru.replace("миллиона", "миллиарда")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 1500000, 1500000000)]
    assert flagged(got) == [("ru", "полтора миллиарда")]


@pytest.mark.parametrize("text, lang, values", [
    ("Two and a half million people watched.", "en", [2500000]),  # was the range 2 to 500,000
    ("One and a half million people watched.", "en", [1500000]),
    # guard (passes on main too): a range whose low end has no "and a half" stays a range
    ("Between two and ten million people watched.", "en", [(2000000, 10000000)]),
    ("три с половиной миллиона зрителей", "ru", [3500000]),
    ("Dos millones y medio de personas lo vieron.", "es", [2500000]),  # the half after the magnitude
    ("Un millón y medio de personas lo vieron.", "es", [1500000]),
    ("Deux millions et demi de personnes l'ont vu.", "fr", [2500000]),
    ("Dois milhões e meio de pessoas viram.", "pt", [2500000]),
    # guard (passes on main too): a half after no magnitude is no count
    ("Tardó un año y medio.", "es", []),
    ("ढाई लाख लोगों ने देखा।", "hi", [250000]),  # Indic words for 2.5 and 1.5 before a magnitude
    ("डेढ़ करोड़ लोगों ने देखा।", "hi", [15000000]),
    ("আড়াই লাখ মানুষ দেখেছেন।", "bn", [250000]),
])
def test_a_number_and_a_half_before_or_after_its_magnitude_is_read(text, lang, values):
    assert numbers(text, lang) == values


VIEWERS = {"es": "Dos millones y medio de personas vieron el desfile.",
           "fr": "Deux millions et demi de personnes ont vu le défilé.",
           "pt": "Dois milhões e meio de pessoas viram o desfile."}


def test_a_russian_number_and_a_half_of_millions_changed_to_billions_is_a_mismatch():
    ru = "Парад посмотрели два с половиной миллиона человек."
    assert run_check("number-mismatch", {**VIEWERS, "ru": ru}) == []
    assert run_check("number-missing", {**VIEWERS, "ru": ru}) == []
    got = run_check("number-mismatch", {**VIEWERS, "ru": ru.replace("миллиона", "миллиарда")})
    assert [(f.check, f.expected, f.found) for f in got] == [("number-mismatch", 2500000, 2500000000)]
    assert flagged(got) == [("ru", "два с половиной миллиарда")]


@pytest.mark.parametrize("text, lang, values", [
    # a half word before a magnitude of its own is that magnitude's half, not the number before's
    ("Entre 300 mil y medio millón de personas huyeron.", "es", [300000, 500000]),
    ("Entre 300 mil e meio milhão de pessoas fugiram.", "pt", [300000, 500000]),
    ("Entre cien mil y medio millón de personas huyeron.", "es", [100000, 500000]),
    ("Entre 2 millones y medio millón de personas huyeron.", "es", [2000000, 500000]),
    # a number ends at the magnitude a "plus a half" stood before: the next one is another number
    ("Between one and a half million and two million people fled.", "en", [(1500000, 2000000)]),
    ("Between two and a half million and three million people fled.", "en", [(2500000, 3000000)]),
    ("бежали два с половиной миллиона, три с половиной миллиона человек", "ru", [2500000, 3500000]),
])
def test_a_half_and_the_number_after_it_are_not_added_to_the_number_before(text, lang, values):
    assert numbers(text, lang) == values


def test_a_range_from_a_number_and_a_half_of_millions_is_no_mismatch():
    fled = {"en": "Between one and a half million and two million people fled.",
            "fr": "Entre 1,5 et 2 millions de personnes ont fui.",
            "de": "Zwischen 1,5 und 2 Millionen Menschen flohen.",
            "sv": "Mellan 1,5 och 2 miljoner människor flydde."}
    assert run_check("number-mismatch", fled) == []
    city = {"en": "Between 300,000 and half a million people fled the city.",
            "fr": "Entre 300 000 et un demi-million de personnes ont fui la ville.",
            "ru": "Из города бежали от 300 тысяч до полумиллиона человек.",
            "es": "Entre 300 mil y medio millón de personas huyeron de la ciudad.",
            "pt": "Entre 300 mil e meio milhão de pessoas fugiram da cidade."}
    assert run_check("number-mismatch", city) == []
