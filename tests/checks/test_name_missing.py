"""name-missing on one group in memory: a name the others give here, absent from one translation."""
import pytest

from audit.checks.name_missing import NameMissing
from checkctx import context, flagged, run, support, trade


@pytest.fixture(autouse=True)
def broad_vote(monkeypatch):
    """These tests are of the broad name vote (config ``names.vote: broad``); the default is strict."""
    from audit.checks.names.votes import NameVoteCheck

    monkeypatch.setattr(NameVoteCheck, "broad", True)

GLOSSARY = {"Xuan Thang": {"country": "VN", "aliases": {
    "sv": ["Nguyen Xuan Thang"], "bn": ["নগুয়েন জুয়ান থাং"], "ms": ["Nguyen Xuan Thang"]}}}


def test_the_translation_that_drops_a_name_is_flagged():
    got = run(NameMissing, context(trade(("de", "Volkskomitees von Lang Son", "Volkskomitees der Provinz"))))
    assert [(f.check, f.expected, f.found) for f in got] == [("name-missing", "Lang Son", None)]
    (f,) = got
    assert flagged(f) == [("de", 2, "")]
    assert support(f) == {"en", "fr", "es"}
    assert "de drops 'Lang Son'" in f.message


def test_names_in_every_translation_are_no_finding():
    assert run(NameMissing, context(trade())) == []


def test_glossary_aliases_meet_across_scripts_where_phonetic_keys_do_not():
    # জুয়ান and Xuan have different phonetic keys; the glossary says they are one name
    bn = ["২০২৫ সালে কমরেড নগুয়েন জুয়ান থাং সম্মেলনে ১২টি চুক্তি ঘোষণা করেন।",
          "কমরেড নগুয়েন জুয়ান থাং ৩০টি প্রদেশের প্রতিনিধিদের ধন্যবাদ জানান।"]
    sv = ["År 2025 tillkännagav kamrat Nguyen Xuan Thang 12 avtal vid konferensen.",
          "Kamraten tackade delegaterna från 30 provinser."]
    ms = ["Pada tahun 2025, Nguyen Xuan Thang mengumumkan 12 perjanjian di persidangan itu.",
          "Nguyen Xuan Thang mengucapkan terima kasih kepada perwakilan 30 wilayah."]
    ctx = context({"bn": ("bn", bn), "sv": ("sv", sv), "ms": ("ms", ms)}, glossary=GLOSSARY)
    got = run(NameMissing, ctx)
    assert [(doc, line) for f in got for doc, line, _ in flagged(f)] == [("sv", 2)]
    assert got[0].expected in ("নগুয়েন জুয়ান থাং", "Nguyen Xuan Thang")
