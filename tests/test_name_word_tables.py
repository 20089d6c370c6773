"""The strict name vote's per-(document, link) tables (``match.WordTable``,
``strict_words.Skeletons``), built once and asked about many name words, answer exactly as
the word-by-word loops they replace (written out here as the reference); and a link's words with those tables
(``strict_words.LinkWords``) answer the presence tests as the scans over the same words as a
plain list do."""
import random

from audit.checks.names.common import word_keys
from audit.checks.names.match import WordTable, _word_keys, keys_meet, written
from audit.checks.names.strict_words import LinkWords, Skeletons, Word, _keyed, _skeletons_meet, compound_head, near_anywhere, near_keys, skeletons
from audit.extract.text import phonetic_key

TEXTS = {
    "sv": "Ministern Kavanaughs besök i Uppsala och Glasgows hamn, där Trumporganisationens chef talade om Hong Kong",
    "bn": "ক্রেমলিনের মুখপাত্র দিমিত্রি পেসকভ বলেন যে রাশিয়া ও চীনের মধ্যে আলোচনা চলছে হং কং",
    "ar": "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات بين روسيا والصين مستمرة بيست وود",
}
NAMES = ["Kremlin", "Peskov", "Uppsala", "Glasgow", "Kavanaugh", "Hongkong", "Bestwood", "Dmitri", "Moskva",
         "Trumporganisation", "Beijing", "Ryssland", "Chuuk", "Tory", "Pence", "Washington"]


def _written_reference(name_keys, words, required, lang):
    """``written`` as it was, one loop over every word's keys per call."""
    if not words:
        return False
    per = _word_keys(words, lang)
    exact = [e for e, _ in per]
    loose = [lo for _, lo in per]
    joined = [a + b for x, y in zip(exact, exact[1:]) for a in x for b in y]

    def near(k, lk):
        if any(keys_meet(k, w) for ws in exact for w in ws) or any(keys_meet(k, w) for w in joined):
            return True
        return len(lk) >= 3 and any(keys_meet(lk, w) for ws in loose for w in ws if len(w) >= 2)

    whole = "".join(k for k, _ in name_keys)
    if required:
        wanted = [(k, lk) for k, lk in name_keys if k in required]
        if wanted and all(near(k, lk) for k, lk in wanted):
            return True
    elif any(near(k, lk) for k, lk in name_keys if len(k) >= 3):
        return True
    return len(name_keys) > 1 and len(whole) >= 3 and any(
        w.startswith(whole) or (len(whole) >= 4 and keys_meet(whole, w)) for w in joined + [w for ws in exact for w in ws])


def _near_reference(w, words):
    names = skeletons(w)
    if min(len(x) for x in names) < 2:
        return True
    sk = [skeletons(t) for _, _, t, _ in words]
    return any(_skeletons_meet(ns, x) for ns in names for xs in sk for x in xs) or \
        any(ns in a[0] + b[0] for ns in names for a, b in zip(sk, sk[1:]))


def test_one_word_table_answers_as_the_word_by_word_loops_for_every_name_asked():
    rng = random.Random(11)
    for lang, text in TEXTS.items():
        words = word_keys(text, lang)
        table = WordTable(words, lang)
        keys = sorted({k for *_, ks in words for k in ks} | {phonetic_key(n) for n in NAMES})
        keys += [k[:n] for k in keys for n in (2, 3, 4)]
        answers = []
        for _ in range(300):
            nk = [(k, k.translate(str.maketrans({"d": "t", "b": None}))) for k in rng.sample(keys, rng.randint(1, 3))]
            required = frozenset(k for k, _ in nk if rng.random() < 0.5) or None
            got = written(nk, words, required, lang, table)
            assert got == _written_reference(nk, words, required, lang), (lang, nk, required)
            answers.append(got)
        assert True in answers and False in answers  # both answers asked, so the comparison can fail


def test_one_skeleton_table_answers_as_the_word_by_word_loops_for_every_name_asked():
    for lang, text in TEXTS.items():
        words = word_keys(text, lang)
        table = Skeletons(words)
        asked = NAMES + [t for _, _, t, _ in words]
        got = [near_anywhere(n, words, table) for n in asked]
        assert got == [_near_reference(n, words) for n in asked], lang
        assert got == [near_anywhere(n, words, table) for n in asked]  # the table's memo answers the same again
        assert True in got and False in got
        for n in asked:
            w = Word(0, 0, len(n), n, phonetic_key(n))
            assert compound_head(w, words, table) == compound_head(w, words), (lang, n)


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
