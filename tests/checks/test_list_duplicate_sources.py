"""list-duplicate: when another translation's repetition is the source's, and when it is not
(session 13). Each case is a repetition that another translation seemed to share."""
from audit.checks.list_duplicate import ListDuplicate
from checkctx import context, flagged, run


def test_a_latin_code_in_a_caseless_list_is_counted_as_written_in_a_translation_that_writes_it_so():
    # Hindi writes CNN in Latin once; its Devanagari word गणना has CNN's key (kn) but is another word
    docs = {"bn": ("bn", ["দর্শকরা CBS, ABC, CNN, CNN এবং MSNBC দেখেছেন।"]),
            "hi": ("hi", ["गणना के अनुसार दर्शकों ने CBS, ABC, CNN, Fox और MSNBC देखे।"]),
            "ms": ("ms", ["Penonton menonton CBS, ABC, CNN, Fox dan MSNBC."]),
            "sv": ("sv", ["Tittarna såg CBS, ABC, CNN, Fox och MSNBC."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "CNN (2 times)", [("bn", 1, "CNN"), ("bn", 1, "CNN")])]


def test_a_member_the_others_write_again_after_the_list_is_repeated_when_this_list_names_it_twice():
    # every translation writes "beta" twice (in the list and after it); this one three times
    docs = {"es": ("es", ["Hay cuatro grupos (alfa, beta, beta y delta), y el grupo beta es el mayor."]),
            "fr": ("fr", ["Il y a quatre groupes (alfa, beta, gamma et delta), et le groupe beta est le plus grand."]),
            "pt": ("pt", ["Há quatro grupos (alfa, beta, gama e delta), e o grupo beta é o maior."]),
            "id": ("id", ["Ada empat kelompok (alfa, beta, gama dan delta), dan kelompok beta adalah yang terbesar."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "beta (2 times)", [("es", 1, "beta"), ("es", 1, "beta")])]
    # when the others name it three times too, the repetition is the source's
    same = {d: (lang, [t.replace("(alfa, beta, ", "(beta, alfa, beta, ")]) for d, (lang, [t]) in docs.items() if d != "es"}
    assert run(ListDuplicate, context({**same, "es": docs["es"]})) == []


def test_another_translations_repeated_member_that_this_one_repeats_too_is_no_evidence_for_this_repetition():
    # the source repeats "lopinavir" (alone, then with interferon); fr and pt read it as a list
    # member twice; es writes it twice too, and repeats "cloroquina" in place of remdesivir
    docs = {"es": ("es", ["Se estudian: cloroquina, cloroquina e hidroxicloroquina, lopinavir y lopinavir con interferón."]),
            "fr": ("fr", ["On étudie le remdesivir, la chloroquine, l'hydroxychloroquine, lopinavir, lopinavir et interféron."]),
            "pt": ("pt", ["Estudam-se remdesivir, cloroquina, hidroxicloroquina, lopinavir, lopinavir e interferon."]),
            "id": ("id", ["Sedang diteliti remdesivir, klorokuin dan hidroksiklorokuin, lopinavir dan lopinavir dengan interferon."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "cloroquina (2 times)", [("es", 1, "cloroquina"), ("es", 1, "cloroquina")])]


def test_a_word_inside_a_longer_member_of_another_translations_list_is_not_that_member_written_again():
    # "hydroxy chloroquine" written as two words holds "chloroquine"; it is another member
    docs = {"sw": ("sw", ["Dawa zinazochunguzwa: chloroquine, hydroxychloroquine, chloroquine na azithromycin."]),
            "ms": ("ms", ["Ubat yang dikaji: remdesivir, hydroxy chloroquine, chloroquine dan azithromycin."]),
            "id": ("id", ["Obat yang diteliti: remdesivir, hydroxy chloroquine, chloroquine dan azithromycin."]),
            "fr": ("fr", ["Les médicaments étudiés : le remdesivir, l'hydroxychloroquine, la chloroquine et l'azithromycine."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "chloroquine (2 times)", [("sw", 1, "chloroquine"), ("sw", 1, "chloroquine")])]


def test_a_common_word_twice_in_a_chain_that_goes_on_past_it_is_a_repeated_member():
    # "A or A or both": not one word for two of the source's ("water, sanitation and sanitation")
    docs = {"ar": ("ar", ["يسبب المرض أعراضًا خفيفة، الحمى أو الحمى أو الاثنين معًا."]),
            "fr": ("fr", ["La maladie cause des symptômes légers, la toux ou la fièvre ou les deux."]),
            "ms": ("ms", ["Penyakit ini menyebabkan simptom ringan, batuk atau demam atau kedua-duanya."]),
            "es": ("es", ["La enfermedad causa síntomas leves, tos o fiebre o ambos."])}
    got = run(ListDuplicate, context(docs))
    assert [(f.check, f.found, flagged(f)) for f in got] == \
        [("list-duplicate", "الحمى (2 times)", [("ar", 1, "الحمى"), ("ar", 1, "الحمى")])]
