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


BRANDS = {"ms": ("ms", ["termasuk jenama seperti Revlon, Essie, Tweezerman dan Dr. PawPaw buat pertama kali."]),
          "sv": ("sv", ["inklusive märken som Revlon, Essie, Tweezerman och Dr. PawPaw för första gången."])}


def test_a_name_repeated_in_an_arabic_list_written_without_separators_is_a_duplicate():
    # Arabic glues و to each member and may write no comma: no list is read, the repetition still is
    docs = dict(BRANDS, ar=("ar", ["منتجات العلامات التجارية مثل ريفلون وإيسي وتويزرمان ودي آر. بوبو لأول مرة."]))
    assert run(ListDuplicate, context(docs)) == []
    docs["ar"] = ("ar", ["منتجات العلامات التجارية مثل ريفلون وتويزرمان وتويزرمان ودي آر. بوبو لأول مرة."])
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, [loc.document for loc in f.locations]) for f in got] == \
        [("list-duplicate", "وتويزرمان (2 times)", ["ar", "ar"])]


def test_a_name_the_other_translations_repeat_too_is_not_a_duplicate_in_arabic():
    docs = {d: (lang, [t[0].replace("Essie", "Tweezerman")]) for d, (lang, t) in BRANDS.items()}
    docs["ar"] = ("ar", ["منتجات العلامات التجارية مثل ريفلون وتويزرمان وتويزرمان ودي آر. بوبو لأول مرة."])
    assert run(ListDuplicate, context(docs)) == []
