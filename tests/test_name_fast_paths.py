"""The name checks' shortcuts answer as the tests they stand in for, on real vocabulary.

Speed work put cheap answers in front of the name checks' per-word tests: a skeleton table
that holds no part of a name is not scanned for it (``Skeletons.may_meet``), a run-together
key table reads only the words' exact keys (``match._exact_keys``), and the test for a name
word written in lower case bisects a sorted list of keys (``strict_words.lowered_near``).
Each test here states what the shortcut replaces, one word at a time, and asks both on
CLDR's territory, language and month names of several languages (Latin, Cyrillic, Bengali,
Devanagari, Arabic scripts), with case endings, clitics and edits of a letter or two."""
import random

import pytest
from test_name_word_tables import _near_reference

from audit.checks.names.common import word_keys
from audit.checks.names.match import _exact_keys, _suffixes, _word_keys, stem_keys
from audit.checks.names.strict_words import (LinkWords, _meet_pieces, _skeletons_meet, lowered_near,
                                            near_anywhere, near_keys, skeletons)

LANGS = ["sv", "ms", "ru", "bn", "hi", "ar", "fa", "mr"]


def _vocabulary(lang: str) -> list[str]:
    """CLDR's names in ``lang`` (territories, languages, months), word by word, as written and
    with one of the language's case endings glued on."""
    from babel import Locale

    loc = Locale.parse(lang)
    names = list(loc.territories.values()) + list(loc.languages.values())
    names += [m for width in loc.months["format"].values() for m in width.values()]
    words = sorted({p for n in names for p in n.replace("-", " ").split() if p.isalpha()})
    rnd = random.Random(lang)
    ends = list(_suffixes(lang)) or ["s", "en", "ের", "ة"]
    return words + [w + rnd.choice(ends) for w in rnd.sample(words, min(200, len(words)))]


def _edited(word: str, rnd: random.Random) -> str:
    """``word`` with a letter or two changed, dropped or added, or letters before or after it."""
    letters = "bkstmnlrpdgfz"
    for _ in range(rnd.randint(1, 2)):
        i = rnd.randrange(len(word) + 1)
        how = rnd.choice("sdiap")
        if how == "s" and i < len(word):
            word = word[:i] + rnd.choice(letters) + word[i + 1:]
        elif how == "d" and i < len(word) and len(word) > 2:
            word = word[:i] + word[i + 1:]
        elif how == "i":
            word = word[:i] + rnd.choice(letters) + word[i:]
        elif how == "a":
            word = rnd.choice(letters) + word
        else:
            word = word + rnd.choice(letters)
    return word


@pytest.mark.parametrize("lang", LANGS)
def test_a_skeleton_that_meets_a_name_holds_one_of_its_parts(lang):
    rnd = random.Random(f"meet/{lang}")
    names = sorted({x for w in _vocabulary(lang) for x in skeletons(w)})
    met = 0
    for ns in names:
        words = [ns] + [_edited(ns, rnd) for _ in range(12)] + rnd.sample(names, min(12, len(names)))
        for x in words:
            if _skeletons_meet(ns, x):
                met += 1
                assert any(p in x for p in _meet_pieces(ns)), (ns, x, _meet_pieces(ns))
    assert met > len(names)  # the edited words meet the names often: the check asked something


def _near_keys_reference(w, words):
    names = skeletons(w)
    if min(len(x) for x in names) < 3:
        return []
    return [k for _, _, t, ks in words if any(_skeletons_meet(ns, x) for ns in names for x in skeletons(t))
            for k in ks]


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_table_finds_a_name_near_as_the_scan_of_its_words_does(lang):
    rnd = random.Random(f"near/{lang}")
    vocab = _vocabulary(lang)
    answers = []
    for _ in range(40):
        words = word_keys(" ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 30))), lang)
        table = LinkWords(words, lang)
        asked = rnd.sample(vocab, 10) + [_edited(rnd.choice(vocab), rnd) for _ in range(10)] + \
            [t for _, _, t, _ in rnd.sample(words, min(5, len(words)))]
        for _ in range(2):  # the second time from the table's memo
            for w in asked:
                got = near_anywhere(w, table)
                assert got == _near_reference(w, words), (w, [t for _, _, t, _ in words])
                assert near_keys(w, table) == _near_keys_reference(w, words), w
                answers.append(got)
    assert True in answers and False in answers


@pytest.mark.parametrize("lang", LANGS)
def test_the_run_together_keys_read_each_words_exact_keys_as_the_full_key_pass_gives_them(lang):
    rnd = random.Random(f"exact/{lang}")
    vocab = _vocabulary(lang)
    for _ in range(30):
        words = word_keys(" ".join(rnd.choice(vocab) for _ in range(rnd.randint(1, 30))), lang)
        assert _exact_keys(words, lang) == [e for e, _ in _word_keys(words, lang)]
    if _suffixes(lang):  # the stems' keys are asked for: words with a case ending glued on
        assert stem_keys(word_keys(" ".join(vocab), lang), lang)


def _lowered_reference(lowered, keys):
    return any(k == x or (len(x) >= 4 and k.startswith(x) and len(k) - len(x) <= 3) for x in keys for k in lowered)


@pytest.mark.parametrize("lang", LANGS)
def test_a_name_word_in_lower_case_is_found_by_bisection_as_by_the_scan(lang):
    rnd = random.Random(f"lower/{lang}")
    keys = sorted({k for *_, ks in word_keys(" ".join(_vocabulary(lang)), lang) for k in ks})
    answers = []
    for _ in range(400):
        lowered = sorted(set(rnd.sample(keys, min(len(keys), rnd.randint(0, 60)))))
        asked = tuple(rnd.choice(keys)[:rnd.randint(2, 8)] for _ in range(rnd.randint(1, 3)))
        got = lowered_near(lowered, asked)
        assert got == _lowered_reference(lowered, asked), (asked, lowered)
        answers.append(got)
    assert True in answers and False in answers
