"""country-label-mismatch on one group in memory: an entity given another country by one translation."""
from audit.checks.country_label_mismatch import CountryLabelMismatch
from checkctx import context, flagged, run, support, trade


def test_the_translation_that_labels_the_entity_with_another_country_is_flagged():
    got = run(CountryLabelMismatch, context(trade(("en", "Dongxing (China)", "Dongxing (Vietnam)"))))
    assert [(f.check, f.expected, f.found) for f in got] == [("country-label-mismatch", "CN", "VN")]
    (f,) = got
    assert flagged(f) == [("en", 3, "Dongxing (Vietnam)")]
    assert support(f) == {"fr", "de", "es"}
    assert "'Dongxing' Vietnam (VN)" in f.message


def test_two_translations_that_disagree_flag_both():
    ctx = context({"en": ("en", ["The delegation of Guangxi (China) signed 12 agreements."]),
                   "de": ("de", ["Die Delegation von Guangxi (Vietnam) unterzeichnete 12 Abkommen."])})
    (f,) = run(CountryLabelMismatch, ctx)
    assert sorted(flagged(f)) == [("de", 1, "Guangxi (Vietnam)"), ("en", 1, "Guangxi (China)")]
    assert f.message.startswith("the two translations disagree")


def test_the_same_countries_in_each_languages_name_are_no_finding():
    # (Chine), (China) and (Vietnam) in four languages: the same two countries in every translation
    assert run(CountryLabelMismatch, context(trade())) == []


def test_a_label_only_one_translation_gives_is_not_a_mismatch():
    ctx = context({"en": ("en", ["The delegation of Guangxi (China) signed 12 agreements."]),
                   "de": ("de", ["Die Delegation von Guangxi unterzeichnete 12 Abkommen."]),
                   "fr": ("fr", ["La délégation du Guangxi a signé 12 accords."])})
    assert run(CountryLabelMismatch, ctx) == []
