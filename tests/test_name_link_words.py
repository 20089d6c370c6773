"""A link's words with their tables (``strict_words.LinkWords``): the presence tests given one
answer from the tables exactly as the word-by-word scans over the same words as a plain list."""
import random

from audit.checks.names.common import word_keys
from audit.checks.names.strict_words import LinkWords, Word, _keyed, compound_head, near_anywhere, near_keys
from audit.extract.text import phonetic_key

TEXTS = {
    "sv": "Ministern Kavanaughs besök i Uppsala och Glasgows hamn, där Trumporganisationens chef talade om Hong Kong",
    "bn": "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ বলেন যে রাশিয়া ও চীনের মধ্যে আলোচনা চলছে হং কং",
    "ar": "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات بين روسيا والصين مستمرة بيست وود",
}
NAMES = ["Kremlin", "Peskov", "Uppsala", "Glasgow", "Kavanaugh", "Hongkong", "Bestwood", "Dmitri", "Moskva",
         "Trumporganisation", "Beijing", "Ryssland", "Chuuk", "Tory", "Pence", "Washington"]


def test_link_words_answer_as_the_scans_over_the_same_words():
    rng = random.Random(5)
    for lang, text in TEXTS.items():
        words = word_keys(text, lang)
        linked = LinkWords(words, lang)
        assert list(linked) == words and linked.words is linked
        candidates = {k for *_, ks in words for k in ks} | {phonetic_key(n) for n in NAMES}
        candidates |= {k[:n] for k in list(candidates) for n in range(len(k))}
        candidates |= {k + x for k in list(candidates) for x in ("a", "lm", "tsn")}
        answers = []
        for keys in [tuple(rng.sample(sorted(candidates), rng.randint(1, 3))) for _ in range(400)]:
            got = _keyed(keys, linked, lang)
            assert got == _keyed(keys, list(words), lang), (lang, keys)
            answers.append(got)
        assert True in answers and False in answers  # both answers asked, so the comparison can fail
        asked = NAMES + [t for _, _, t, _ in words]
        near = [near_anywhere(n, linked) for n in asked]
        assert near == [near_anywhere(n, list(words)) for n in asked], lang
        assert True in near and False in near
        for n in asked:
            w = Word(0, 0, len(n), n, phonetic_key(n))
            assert compound_head(w, linked) == compound_head(w, list(words)), (lang, n)


def test_link_words_of_another_language_are_scanned_as_that_language():
    # (the stems' case endings are the language's: a table built for one language is not read for another)
    words = word_keys(TEXTS["sv"], "sv")
    linked = LinkWords(words, "sv")
    for n in NAMES:
        keys = (phonetic_key(n),)
        assert _keyed(keys, linked, "bn") == _keyed(keys, list(words), "bn")


def test_link_words_give_the_keys_near_a_name_as_the_scan_does():
    for lang, text in TEXTS.items():
        words = word_keys(text, lang)
        linked = LinkWords(words, lang)
        got = [near_keys(n, linked) for n in NAMES]
        assert got == [near_keys(n, list(words)) for n in NAMES], lang
        assert any(got) and not all(got)
