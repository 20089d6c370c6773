"""list-duplicate: the reviewer's findings on session 13's lists branch. Invented sentences."""
from audit.checks.list_duplicate import ListDuplicate
from checkctx import context, run


def test_a_common_word_twice_around_the_conjunction_is_one_word_for_two_when_punctuation_ends_the_list():
    # "water, hygiene and hygiene": one word for sanitation and hygiene. The conjunction after
    # the comma starts another clause; it is no chain going on past the pair
    docs = {"fr": ("fr", ["Il faut trois choses : de l'eau, hygiène et hygiène, et puis un toit pour tous."]),
            "es": ("es", ["Hacen falta tres cosas: agua, saneamiento e higiene, y luego un techo para todos."]),
            "pt": ("pt", ["São precisas três coisas: água, saneamento e higiene, e depois um teto para todos."]),
            "ms": ("ms", ["Tiga perkara diperlukan: air, sanitasi dan kebersihan, dan kemudian bumbung untuk semua."])}
    assert run(ListDuplicate, context(docs)) == []
    dot = {d: (lang, [t.replace(", et puis", ". Et puis").replace(", y luego", ". Y luego")
                      .replace(", e depois", ". E depois").replace(", dan kemudian", ". Dan kemudian")])
           for d, (lang, [t]) in docs.items()}
    assert run(ListDuplicate, context(dot)) == []


def test_a_name_the_source_repeats_is_no_finding_when_this_translation_writes_it_for_the_others_pronoun():
    # every list names Okafor twice (the source's); sw writes the name twice more where the
    # others write a pronoun once
    docs = {"sw": ("sw", ["Wagombea ni Okafor, Okafor na Lindqvist, na Okafor alisema Okafor atashinda."]),
            "ms": ("ms", ["Calonnya ialah Okafor, Okafor dan Lindqvist, dan dia berkata akan menang."]),
            "id": ("id", ["Calonnya adalah Okafor, Okafor dan Lindqvist, dan dia berkata akan menang."]),
            "fr": ("fr", ["Les candidats sont Okafor, Okafor et Lindqvist, et il a dit qu'il gagnerait."])}
    assert run(ListDuplicate, context(docs)) == []


