"""name-spelling-variant on one document in memory: one name spelt two ways."""
from audit.checks.name_spelling_variant import NameSpellingVariant
from checkctx import context, flagged, run

HI = ["कॉमरेड त्रान कुओंग ने 2025 में प्रतिनिधिमंडल का स्वागत किया।",
      "बैठक में कॉमरेड ट्रान कुओंग ने 29 समझौतों की घोषणा की।",
      "कॉमरेड त्रान कुओंग ने कहा कि सहयोग करना और व्यापार करने की योजना 2026 तक चलेगी।"]


def test_the_rarer_spelling_of_a_name_in_a_lone_document_is_flagged():
    got = run(NameSpellingVariant, context({"hi": ("hi", HI)}))
    assert [(f.check, f.expected, f.found) for f in got] == [("name-spelling-variant", "त्रान", "ट्रान")]
    assert flagged(got[0]) == [("hi", 2, "ट्रान")]


def test_one_spelling_throughout_is_no_finding():
    assert run(NameSpellingVariant, context({"hi": ("hi", [HI[0], HI[1].replace("ट्रान", "त्रान"), HI[2]])})) == []


def test_inflections_and_clitics_are_not_spelling_variants():
    sv = ["Mötet hölls i Mong Cai City den 3 mars 2025.",
          "Mong Cai Citys borgmästare talade om 12 nya avtal."]
    ar = ["اجتمع ممثلو المقاطعات في هانوي عام 2025.",
          "وقدم ممثلو للمقاطعات الحدودية 12 اقتراحا في هانوي."]
    assert run(NameSpellingVariant, context({"sv": ("sv", sv), "ar": ("ar", ar)})) == []


UR_TERM = ["انواع: موراین کوروناوائرس اور دوسرے۔", "موراین کوروناوائرس چوہوں میں پایا جاتا ہے۔",
           "مورین کوروناوائرس کی ایک قسم ہے۔"]
ES_TERM = ["Especies: Murine Coronavirus y otros.", "El Murine Coronavirus se encuentra en ratones.",
           "El Murine Coronavirus es un tipo."]
FR_TERM = ["Espèces : coronavirus murin et autres.", "Le coronavirus murin se trouve chez les souris.",
           "Le coronavirus murin en est un type."]


def test_a_term_a_cased_translation_writes_in_lower_case_there_is_no_name():
    # Spanish keeps the English "Murine" capitalised; French writes murin, a word: the Urdu
    # transliterations of the term are no name's two spellings
    texts = {"ur": ("ur", UR_TERM), "es": ("es", ES_TERM)}
    assert [(f.expected, f.found) for f in run(NameSpellingVariant, context(texts))] == [("موراین", "مورین")]
    texts["fr"] = ("fr", FR_TERM)
    assert run(NameSpellingVariant, context(texts)) == []
