"""country-label-conflict on one document in memory: one entity labelled with two countries."""
from audit.checks.country_label_conflict import CountryLabelConflict
from checkctx import context, flagged, run

SV = ["Provinserna Quang Ninh och regionen Guangxi Zhuang (Kina) möttes i februari 2025.",
      "Folket i Quang Ninh och den autonoma regionen Guangxi Zhuang (Vietnam) fick förtroende.",
      "Kamraten tackade regionen Guangxi Zhuang (Kina) för samarbetet 2025."]


def test_the_minority_label_of_an_entity_is_flagged_against_the_majority():
    got = run(CountryLabelConflict, context({"sv": ("sv", SV)}))
    assert [(f.check, f.expected, f.found) for f in got] == [("country-label-conflict", "CN", "VN")]
    (f,) = got
    assert flagged(f) == [("sv", 2, "Guangxi Zhuang (Vietnam)")]
    assert [loc.line for loc in f.locations if loc.role == "support"] == [1, 3]


def test_a_tie_flags_every_label():
    (f,) = run(CountryLabelConflict, context({"sv": ("sv", SV[:2])}))
    assert (f.expected, f.found) == (None, "CN")
    assert [line for _, line, _ in flagged(f)] == [1, 2]
    assert "labelled both CN and VN" in f.message


def test_two_entities_with_two_countries_are_no_conflict():
    sv = ["Mong Cai (Vietnam) och Dongxing (Kina) håller en mässa i november 2025.",
          "Dongxing (Kina) välkomnade 450 utställare från Mong Cai (Vietnam)."]
    assert run(CountryLabelConflict, context({"sv": ("sv", sv)})) == []


def test_each_document_is_read_on_its_own():
    # one translation says Kina, the other Vietnam: a cross-translation question, not a conflict within one
    ctx = context({"sv": ("sv", [SV[0]]), "en": ("en", ["Officials of Guangxi Zhuang (Vietnam) met in 2025."])})
    assert run(CountryLabelConflict, ctx) == []
