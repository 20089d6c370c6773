"""number-missing on one group in memory: a number the others give, absent from one."""
from audit.checks.number_missing import NumberMissing
from checkctx import context, flagged, run, support

EN = ["The museum received 4,500 visitors and 12 school classes in May 2024."]
DE = ["Das Museum empfing im Mai 2024 Besucher und 12 Schulklassen."]
FR = ["Le musée a reçu 4 500 visiteurs et 12 classes en mai 2024."]


def test_the_translation_without_the_majoritys_number_is_flagged():
    got = run(NumberMissing, context({"en": ("en", EN), "de": ("de", DE), "fr": ("fr", FR)}))
    assert [(f.check, f.expected, f.found) for f in got] == [("number-missing", 4500, None)]
    (f,) = got
    assert flagged(f) == [("de", 1, "")]
    assert support(f) == {"en", "fr"}
    assert [loc.evidence for loc in f.locations if loc.role == "support"] == ["4,500", "4 500"]


def test_two_translations_flag_both_sides_of_a_missing_number():
    (f,) = run(NumberMissing, context({"en": ("en", EN), "de": ("de", DE)}))
    assert sorted((loc.document, loc.role, loc.evidence) for loc in f.locations) == \
        [("de", "flagged", ""), ("en", "flagged", "4,500")]
    assert "de has no such number here" in f.message


def test_a_number_given_in_another_form_is_not_missing():
    # 4 500 with a space, 4.500 with a dot and four thousand five hundred are one number
    de = ["Das Museum empfing im Mai 2024 4.500 Besucher und 12 Schulklassen."]
    assert run(NumberMissing, context({"en": ("en", EN), "de": ("de", de), "fr": ("fr", FR)})) == []


def test_a_different_number_is_a_mismatch_not_a_missing_one():
    de = ["Das Museum empfing im Mai 2024 4.600 Besucher und 12 Schulklassen."]
    assert run(NumberMissing, context({"en": ("en", EN), "de": ("de", de), "fr": ("fr", FR)})) == []


COLDS = {"es": ("es", ["provocan alrededor del 15 % de los resfriados comunes 4."]),
         "fr": ("fr", ["causant principalement 15 % environ des rhumes communs 4."]),
         "ru": ("ru", ["вызывают примерно 15 % общих респираторных заболеваний 4."])}


def test_a_reference_marker_closing_a_sentence_dropped_is_not_missing():
    # "common colds 4.": the superscript of a citation, lost; a translation may drop it
    pt = ["causando principalmente cerca de 15% dos resfriados comuns."]
    assert run(NumberMissing, context({**COLDS, "pt": ("pt", pt)})) == []


def test_a_count_dropped_from_the_middle_of_a_sentence_is_still_missing():
    others = {"es": ("es", ["El 15 % de los 4 casos se recuperó."]), "fr": ("fr", ["15 % des 4 cas ont guéri."]),
              "ru": ("ru", ["15 % из 4 случаев выздоровели."])}
    (f,) = run(NumberMissing, context({**others, "pt": ("pt", ["15% dos casos se recuperaram."])}))
    assert (f.expected, flagged(f)) == (4, [("pt", 1, "")])
