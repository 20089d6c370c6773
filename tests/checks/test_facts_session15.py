"""Session 15's number, date and country readings (issue 13): a day paired with the date's day
("4 and 5 March"), one of two mentions of a country swapped, the words for a count and a half or a
quarter (Hindi साढ़े, सवा, पौने), Swedish "och en halv", Arabic عام between a month and its year.
Invented sentences only."""
import pytest

from audit.checks import CountryMismatch, DateMismatch, NumberMismatch
from audit.extract import extract_facts
from checkctx import context, flagged, run

# --- a day joined to the date's day by "and" is a date of that month too

SALE = {
    "en": "The two bakeries limited bread to four loaves on 4 and 5 March respectively.",
    "fr": "Les deux boulangeries ont limité le pain à quatre miches les 4 et 5 mars respectivement.",
    "es": "Las dos panaderías limitaron el pan a cuatro barras el 4 y 5 de marzo respectivamente.",
    "pt": "As duas padarias limitaram o pão a quatro pães em 4 e 5 de março respectivamente.",
    "hi": "दोनों बेकरियों ने क्रमशः 4 व 5 मार्च को रोटी चार तक सीमित की।",
}


def _sale(**changed):
    return context({lang: (lang, [changed.get(lang, text)]) for lang, text in SALE.items()})


def test_the_first_day_of_a_pair_joined_by_and_is_read_as_a_date():
    ctx = _sale()
    assert [(d.month, d.day) for d in ctx.facts["es"][0].dates] == [(3, 4), (3, 5)]
    assert [(d.month, d.day) for d in ctx.facts["hi"][0].dates] == [(3, 4), (3, 5)]  # व, the short "and"
    assert 4 not in [f.value for f in ctx.facts["es"][0].numbers if f.form == "digits"]
    assert run(DateMismatch, ctx) == []


def test_the_first_day_of_a_pair_changed_is_a_date_mismatch():
    # main read the 3 as a bare small number beside the others' bare 4: no finding
    (f,) = run(DateMismatch, _sale(pt=SALE["pt"].replace("em 4 e 5", "em 3 e 5")))
    assert (f.check, f.expected, f.found) == ("date-mismatch", "03-04", "03-03")
    assert [d for d, _, _ in flagged(f)] == ["pt"]


def test_a_pair_read_as_a_range_by_some_and_two_dates_or_one_by_others_is_one_date():
    ctx = context({"en": ("en", ["The fair is held on 3 and 4 February in Mong Cai."]),
                   "fr": ("fr", ["La foire a lieu les 3 et 4 février à Mong Cai."]),
                   "es": ("es", ["La feria se celebra el 3 y el 4 de febrero en Mong Cai."]),
                   "de": ("de", ["Die Messe findet vom 3. bis 4. Februar in Mong Cai statt."])})
    assert run(DateMismatch, ctx) == []


# --- one of two mentions of a country swapped for a country no other translation names

PRESS = {
    "en": "The press of Italy said the grain was of no use to Italy.",
    "de": "Die italienische Presse sagte, das Getreide sei für Italien nutzlos.",
    "fr": "La presse italienne a dit que le grain était inutile pour l'Italie.",
    "es": "La prensa de Italia dijo que el grano no servía a Italia.",
    "pt": "A imprensa da Itália disse que o grão era inútil para a Itália.",
}


def test_one_of_two_mentions_of_a_country_swapped_is_a_country_mismatch():
    texts = {lang: (lang, [t]) for lang, t in PRESS.items()}
    assert run(CountryMismatch, context(texts)) == []
    texts["en"] = ("en", ["The press of Hungary said the grain was of no use to Italy."])
    (f,) = run(CountryMismatch, context(texts))
    assert (f.expected, f.found) == ("IT", "HU") and flagged(f) == [("en", 1, "Hungary")]


def test_one_of_two_mentions_of_a_country_dropped_alone_is_no_finding():
    # guard (passes on main too): the half of a swap alone is a translator's freedom
    texts = {lang: (lang, [t]) for lang, t in PRESS.items()}
    texts["en"] = ("en", ["The press said the grain was of no use to Italy."])
    assert run(CountryMismatch, context(texts)) == []


# --- a count and a half, a quarter more or less (Hindi), a number and a half (Swedish)

def numbers(text, lang):
    return [f.value for f in extract_facts(text, lang).numbers]


@pytest.mark.parametrize("text, lang, values", [
    ("साढ़े तीन लाख लोगों ने मेला देखा।", "hi", [350000]),  # main: 300,000
    ("साढ़े 3 मिलियन लोगों ने मेला देखा।", "hi", [3500000]),
    ("सवा लाख लोगों ने मेला देखा।", "hi", [125000]),  # main: nothing
    ("पौने दो करोड़ रुपये खर्च हुए।", "hi", [17500000]),  # main: 20,000,000
    ("साढ़े चार सौ लोग आए।", "hi", [450]),
    # guard (passes on main too): with no magnitude the count keeps its reading, as the other
    # languages' "seven and a half days" (siete días y medio) reads 7
    ("हर साढ़े सात दिन में मामले दोगुने हुए।", "hi", [7]),
    ("två och en halv miljon människor såg paraden", "sv", [2500000]),  # main: the range 2 to 500,000
    ("en och en halv miljon människor såg paraden", "sv", [1500000]),
])
def test_a_count_with_a_half_or_a_quarter_is_read(text, lang, values):
    assert numbers(text, lang) == values


def test_a_hindi_count_and_a_half_of_lakhs_is_no_mismatch_and_changed_is_one():
    others = {"en": ("en", ["The fair drew 350,000 visitors."]),
              "fr": ("fr", ["La foire a attiré 350 000 visiteurs."]),
              "es": ("es", ["La feria atrajo a 350.000 visitantes."])}
    hi = "मेले में साढ़े {} लाख लोग आए।"
    assert run(NumberMismatch, context({**others, "hi": ("hi", [hi.format("तीन")])})) == []  # main: 300,000
    (f,) = run(NumberMismatch, context({**others, "hi": ("hi", [hi.format("चार")])}))
    assert (f.expected, f.found) == (350000, 450000) and flagged(f) == [("hi", 1, "साढ़े चार लाख")]


def test_a_swedish_number_and_a_half_of_millions_is_no_mismatch():
    texts = {"en": ("en", ["Two and a half million people watched the parade."]),
             "fr": ("fr", ["Deux millions et demi de personnes ont vu le défilé."]),
             "es": ("es", ["Dos millones y medio de personas vieron el desfile."]),
             "sv": ("sv", ["Två och en halv miljon människor såg paraden."])}
    assert run(NumberMismatch, context(texts)) == []


# --- Arabic عام between a month and its year

def test_an_arabic_month_and_its_year_with_aam_between_are_one_date():
    others = {"en": ("en", ["The bridge was opened to traffic in December 2019."]),
              "fr": ("fr", ["Le pont a été ouvert à la circulation en décembre 2019."]),
              "es": ("es", ["El puente se abrió al tráfico en diciembre de 2019."])}
    ar = "افتتح الجسر أمام حركة المرور في {} عام 2019."
    assert run(DateMismatch, context({**others, "ar": ("ar", [ar.format("ديسمبر")])})) == []
    (f,) = run(DateMismatch, context({**others, "ar": ("ar", [ar.format("يناير")])}))
    assert (f.expected, f.found) == ("12", "01") and flagged(f) == [("ar", 1, "يناير عام 2019")]
