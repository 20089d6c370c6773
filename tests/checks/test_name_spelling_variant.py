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
