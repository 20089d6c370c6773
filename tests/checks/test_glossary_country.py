"""glossary-country on one document in memory: a label that contradicts the glossary's country."""
from audit.checks.glossary_country import GlossaryCountry
from checkctx import context, flagged, run

GLOSSARY = {"Guangxi": {"country": "CN", "aliases": {"sv": ["Guangxi Zhuang"], "bn": ["গুয়াংসি ঝুয়াং"]}},
            "Xuan Thang": {"country": "VN", "aliases": {"sv": ["Nguyen Xuan Thang"]}}}
SV = ["Regionen Guangxi Zhuang (Vietnam) undertecknade 12 avtal 2025.", "Mötet hölls i Hanoi 2025."]


def test_a_label_other_than_the_glossarys_country_is_flagged():
    got = run(GlossaryCountry, context({"sv": ("sv", SV)}, glossary=GLOSSARY))
    assert [(f.check, f.expected, f.found) for f in got] == [("glossary-country", "CN", "VN")]
    (f,) = got
    assert [(doc, line) for doc, line, _ in flagged(f)] == [("sv", 1)]
    assert f.locations[0].evidence.endswith("Guangxi Zhuang (Vietnam)")


def test_the_glossarys_own_country_is_no_finding():
    sv = [SV[0].replace("(Vietnam)", "(Kina)"), SV[1]]
    assert run(GlossaryCountry, context({"sv": ("sv", sv)}, glossary=GLOSSARY)) == []


def test_without_a_glossary_nothing_is_checked():
    assert run(GlossaryCountry, context({"sv": ("sv", SV)})) == []


def test_an_entity_the_glossary_does_not_hold_is_not_checked():
    sv = ["Staden Dongxing (Vietnam) undertecknade 12 avtal 2025."]
    assert run(GlossaryCountry, context({"sv": ("sv", sv)}, glossary=GLOSSARY)) == []
