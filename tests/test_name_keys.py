"""The phonetic keys and consonant skeletons a name keeps across scripts (issue 13): each rule
of ``extract.text.phonetic_key`` / ``key_source`` and ``audit/data/translit.yaml`` that lets
two translations' spellings of one name meet, and the spellings that must stay apart.
Every pair here failed to meet before its rule (``benchmarks/name_keys.py`` measures how
often they meet on the corpora). The names are made up or common; no corpus sentence."""
import pytest

from audit.checks.names.strict_words import skeletons
from audit.extract.text import phonetic_key, translit


def meet(*spellings: str) -> bool:
    return len({phonetic_key(s) for s in spellings}) == 1


@pytest.mark.parametrize("spellings", [
    ("Lampo", "लांपो", "লাংপো"),        # an anusvara before a labial is m
    ("Kongress", "কংগ্রেস", "कांग्रेस"),  # ... and n before a velar (Bengali's reads ng + g otherwise)
    ("Stanbury", "स्टांबरी", "Стамбери"),  # n before a labial is m in every script
])
def test_an_anusvara_is_the_nasal_of_the_consonant_after_it(spellings):
    assert meet(*spellings)


def test_an_anusvara_is_read_by_the_skeletons_as_by_the_keys():
    # the replacement guard and the absence test read skeletons: Grant's is krnt in Hindi too
    assert skeletons("ग्रांट")[0] == skeletons("Grant")[0]
    assert skeletons("कैंपबेल")[0] == skeletons("Campbell")[0]


def test_the_keys_rules_leave_translit_as_it_was():
    # (a guard: translit read this way before the keys' rules, and must go on doing so)
    # the aligner and the grouping read translit: the keys' readings are the keys' only
    assert translit("ग्रांट") == "grant" and translit("ट्रंप") == "trnp"
    assert translit("Гейтс") == "geyts" and translit("Хопкинс") == "khopkins"


def test_a_letter_written_twice_is_one_before_the_classes_read_letter_pairs():
    assert meet("Pittsfield", "पिट्सफील्ड")
    assert meet("Wattson", "Watson")
    # ... but not the g of ng + g (Donggala), whose first g is the nasal's
    assert phonetic_key("Donggala") == "dnkl"


def test_an_n_and_a_labial_with_a_vowel_between_them_that_translit_leaves_out_stay_apart():
    # Bengali কাভানভ is ka-bha-na-bh: translit writes kabhanbh, whose n and bh are no cluster
    assert phonetic_key("কাভানভ") == phonetic_key("কাভানাভ")


def test_a_last_z_is_the_s_of_a_plural():
    assert meet("Salters", "سالترز", "Салтерс")


def test_x_is_ks_after_a_vowel_and_s_elsewhere():
    assert meet("Dexter", "डेक्सटर", "Декстер")
    assert meet("Xiaoming", "شياومينغ")


def test_ts_is_t_and_s():
    assert meet("Yates", "Йейтс", "யேட்ஸ்", "ييتس")


def test_cyrillic_letters_for_latin_ones():
    assert meet("Hobson", "Хобсон")           # kha for h
    assert meet("Marcelo", "Марцело")         # tse for a Latin c
    assert meet("Jinhai", "Цзиньхай")         # tse-ze for pinyin j


def test_spellings_of_different_names_stay_apart():
    assert not meet("Lampo", "Lanto")
    assert not meet("Gates", "Geiss")
    assert not meet("Dexter", "Dester")
