"""Proper names, keyed so that one name meets itself across scripts.

In cased scripts a name is a run of capitalised words that is not just a
sentence-initial common word. Caseless scripts (Bengali, Devanagari, Arabic)
have no such cue, so every word is a candidate there and names are recognised
by meeting their counterpart in another language of the same link
(see ``checks``), or by the glossary.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..model import NameFact
from ..punctuation import BEFORE_SENTENCE_START
from .morphology import clitics
from .text import fold, load_data, phonetic_key, tokens


@lru_cache(maxsize=None)
def boundary_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("translit.yaml")["boundaries"].get(lang, []))


def strip_clitic(word: str, lang: str) -> str:
    """The word without a glued conjunction or article (Arabic وال-, ب-), when enough is left."""
    f = fold(word)
    for p in clitics(lang):
        if f.startswith(p) and len(f) - len(p) >= 3:
            return word[len(p):]
    return word


def extract_names(text: str, lang: str, lowercase_vocab: frozenset[str] = frozenset()) -> list[NameFact]:
    """Name facts; ``keys`` holds the per-word phonetic keys.

    ``lowercase_vocab`` holds the words the document also writes in lower case:
    a capitalised one of those at a sentence start is a common word.
    """
    toks = tokens(text)
    if not toks:
        return []
    facts: list[NameFact] = []
    if _mostly_cased(text):
        run: list[tuple[int, int, str]] = []
        for k, tok in enumerate(toks + [(len(text) + 1, len(text) + 1, "x")]):
            s, e, t = tok
            capital = t[:1].isupper() and not t.isdigit()
            contiguous = run and text[run[-1][1]:s].strip(" -") == ""
            if capital and (not run or contiguous):
                run.append(tok)
                continue
            if run:
                facts += _cased_name(text, run, lowercase_vocab)
            run = [tok] if capital else []
    else:
        for s, e, t in toks:
            if len(t) < 2 or _has_digit(t):
                continue
            facts.append(NameFact(t, s, e, (phonetic_key(t),), cased=False))
    return facts


def _mostly_cased(text: str) -> bool:
    """Whether most letters of ``text`` have case: an Urdu line that opens with "COVID-19" is
    still written in a caseless script."""
    cased = caseless = 0
    for ch, n in Counter(text).items():  # each distinct character classified once
        kind = _CASE_KIND.get(ch)
        if kind is None:
            kind = _CASE_KIND[ch] = (1 if ch.lower() != ch.upper() else -1) if ch.isalpha() else 0
        if kind > 0:
            cased += n
        elif kind < 0:
            caseless += n
    return cased > caseless


def _has_digit(word: str) -> bool:
    got = _HAS_DIGIT.get(word)
    if got is None:
        got = _HAS_DIGIT[word] = any(ch.isdigit() for ch in word)
    return got


_HAS_DIGIT: dict[str, bool] = {}  # word -> whether it has a digit, once per distinct word
_CASE_KIND: dict[str, int] = {}  # character -> 1 a letter with case, -1 one without, 0 not a letter


def _cased_name(text, run, vocab) -> list[NameFact]:
    s0 = run[0][0]
    sentence_start = s0 == 0 or text[:s0].rstrip()[-1:] in BEFORE_SENTENCE_START or not text[:s0].strip()
    if sentence_start and run[0][2].casefold() in vocab:
        run = run[1:]
    if not run:
        return []
    s, e = run[0][0], run[-1][1]
    key = tuple(phonetic_key(t) for _, _, t in run)
    return [NameFact(text[s:e], s, e, key, cased=True)]
