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
from .text import fold, load_data, phonetic_key, remember, tokens


@lru_cache(maxsize=None)
def boundary_words(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("translit.yaml")["boundaries"].get(lang, []))


def strip_clitic(word: str, lang: str) -> str:
    """The word without a glued conjunction or article (Arabic وال-, ب-), when enough is left."""
    known = _STRIPPED.get(lang)
    if known is None:
        known = _STRIPPED[lang] = {}
    got = known.get(word)
    if got is None:
        got = remember(known, word, _strip_clitic(word, lang))
    return got


def _strip_clitic(word: str, lang: str) -> str:
    f = fold(word)
    for p in clitics(lang):
        if f.startswith(p) and len(f) - len(p) >= 3:
            return word[len(p):]
    return word


_STRIPPED: dict[str, dict[str, str]] = {}  # language -> word -> the word without its clitic, once per distinct word


def extract_names(text: str, lang: str, lowercase_vocab: frozenset[str] = frozenset()) -> list[NameFact]:
    """Name facts; ``keys`` holds the per-word phonetic keys.

    ``lowercase_vocab`` holds the words the document also writes in lower case:
    a capitalised one of those at a sentence start is a common word.
    """
    toks = tokens(text)
    if not toks:
        return []
    if not _mostly_cased(text):
        # a caseless script: every word of two letters or more without a digit is a candidate
        known = _CASELESS
        return [NameFact(t, s, e, key, False) for s, e, t in toks
                if (key := known[t] if t in known else _caseless_key(t)) is not None]
    facts: list[NameFact] = []
    run: list[tuple[int, int, str]] = []
    for tok in toks:
        capital = _CAPITAL.get(tok[2])
        if capital is None:
            t = tok[2]
            capital = remember(_CAPITAL, t, t[:1].isupper() and not t.isdigit())
        if capital:
            if not run or text[run[-1][1]:tok[0]].strip(" -") == "":  # contiguous with the run
                run.append(tok)
                continue
            facts += _cased_name(text, run, lowercase_vocab)
            run = [tok]
        elif run:
            facts += _cased_name(text, run, lowercase_vocab)
            run = []
    if run:
        facts += _cased_name(text, run, lowercase_vocab)
    return facts


def _mostly_cased(text: str) -> bool:
    """Whether most letters of ``text`` have case: an Urdu line that opens with "COVID-19" is
    still written in a caseless script."""
    kinds = {}
    for ch in set(text):  # each distinct character classified once
        kind = _CASE_KIND.get(ch)
        if kind is None:
            kind = _CASE_KIND[ch] = (1 if ch.lower() != ch.upper() else -1) if ch.isalpha() else 0
        if kind:
            kinds[ch] = kind
    signs = set(kinds.values())
    if len(signs) < 2:  # letters of one kind only (or none): no need to count them
        return signs == {1}
    counts = Counter(text)  # one pass in C, whatever the number of distinct letters
    cased = sum(counts[ch] for ch, kind in kinds.items() if kind > 0)
    caseless = sum(counts[ch] for ch, kind in kinds.items() if kind < 0)
    return cased > caseless


def _caseless_key(word: str) -> tuple[str, ...] | None:
    """A caseless word's keys as a name candidate, or None when it cannot be one (one letter,
    a digit in it); once per distinct word."""
    got = _CASELESS.get(word, _UNSEEN)
    if got is _UNSEEN:
        got = remember(_CASELESS, word, None if len(word) < 2 or any(ch.isdigit() for ch in word) else (phonetic_key(word),))
    return got


_UNSEEN = object()
_CASELESS: dict[str, tuple[str, ...] | None] = {}  # word -> its keys as a caseless candidate (None: none)
_CAPITAL: dict[str, bool] = {}  # word -> whether it can be part of a cased name (a capital, not digits)
_CASE_KIND: dict[str, int] = {}  # character -> 1 a letter with case, -1 one without, 0 not a letter


def _cased_name(text, run, vocab) -> list[NameFact]:
    before = s0 = run[0][0]
    while before and text[before - 1].isspace():  # the last character before the run that is not a space
        before -= 1
    sentence_start = not before or text[before - 1] in BEFORE_SENTENCE_START
    if sentence_start and run[0][2].casefold() in vocab:
        run = run[1:]
    if not run:
        return []
    s, e = run[0][0], run[-1][1]
    key = tuple(phonetic_key(t) for _, _, t in run)
    return [NameFact(text[s:e], s, e, key, cased=True)]
