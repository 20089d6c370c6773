"""list-duplicate on one group in memory: a list that repeats a member."""
from audit.checks.list_duplicate import ListDuplicate
from checkctx import context, run, trade

AR = ["وقع أمناء اللجان في كوانج نينه، لانج سون، كاو بانج، لانج سون على المحاضر في عام 2025."]
MS = ["Setiausaha jawatankuasa di Quang Ninh, Lang Son, Cao Bang dan Ha Giang menandatangani minit pada 2025."]


def test_a_caseless_lists_repeated_member_is_a_name_when_a_cased_translation_capitalises_it():
    got = run(ListDuplicate, context({"ar": ("ar", AR), "ms": ("ms", MS)}))
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "لانج سون (2 times)")]
    (f,) = got
    assert [(loc.document, loc.line, loc.evidence) for loc in f.locations] == [("ar", 1, "لانج سون")] * 2


def test_a_member_repeated_in_place_of_another_is_flagged_in_its_translation():
    got = run(ListDuplicate, context(trade(("es", "Lang Son, Quang Ninh y Cao Bang", "Lang Son, Quang Ninh y Lang Son"))))
    assert [(f.check, f.found) for f in got] == [("list-duplicate", "Lang Son (2 times)")]
    assert [(loc.document, loc.line, loc.evidence) for loc in got[0].locations] == [("es", 1, "Lang Son")] * 2


def test_a_list_of_distinct_words_is_not_a_duplicate():
    assert run(ListDuplicate, context({"ar": ("ar", ["التعاون في الصحة، والنقل، والتجارة، والسياحة في عام 2025."])})) == []


def test_lists_without_repeats_are_no_finding():
    assert run(ListDuplicate, context(trade())) == []
