"""How one translation writes a name word elsewhere in the article, and whether it writes
it so here: the strict vote's test of an omission by the translator's own spelling.

A translation that writes a name by its key in other places of the article has shown its
spelling of it (ফুরিক, فيوريك, Furyk). Where the other translations write the name and
this one writes no word near *that* spelling, a looser resemblance to the cased
translations' spelling (a two-letter word "vara" for Furyk, a consonant skeleton met by a
common word) is chance, not the name: the name is absent. Only a translation whose own
spelling is known is judged so; one that never writes the name by its key keeps the
looser test (it may spell it beyond the keys everywhere).
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ...extract.text import phonetic_key
from .match import _stems


def spellings(words, name: str, keys: tuple[str, ...], lang: str) -> frozenset[str]:
    """Keys of the words of ``words`` (``word_keys``) that write the name word ``name`` of
    ``keys``: the same key, or one with an ending after a long one, or a case ending glued
    on; and its consonant skeleton near (so that কংগ্রেসের is no spelling of Kavanaughs)."""
    from .strict_words import near_anywhere

    out = set()
    for word in words:
        t, ks = word[2], word[3]
        stems = {phonetic_key(x) for x in _stems(t, lang)}
        for k2 in set(ks) | stems:
            if any(k2 == k or (len(k) >= 4 and k2.startswith(k) and len(k2) - len(k) <= 3) for k in keys) \
                    and near_anywhere(name, [word]):
                out.add(k2)
    return frozenset(k for k in out if len(k) >= 3)


@lru_cache(maxsize=400000)
def _meets(own: str, k: str) -> bool:
    """Whether a word of key ``k`` may be the spelling ``own``: it, with an ending after
    it, it without its last letter, or within one edit of a long one."""
    if k.startswith(own) or (len(k) >= 3 and own.startswith(k) and len(k) >= len(own) - 1):
        return True
    if (len(own) >= 4 and own in k) or k.endswith(own):
        return True  # a compound, a clitic glued on, or the word before run into it (أنابيبنورد)
    if len(own) >= 4 and len(k) >= 3:
        limit = 2 if len(own) >= 7 else 1  # a vowel sign, a nasal, a doubled letter more or less
        return any(Levenshtein.distance(own, t, score_cutoff=limit) <= limit
                   for t in {k, k[:len(own) - 1], k[:len(own)], k[:len(own) + 1]})
    return False


def written_as(own: frozenset[str], words, lang: str, shared: frozenset[str] = frozenset()) -> bool:
    """Whether ``words`` write one of the spellings ``own`` (clitics and case endings allowed).
    ``shared``: keys of words that most other translations write here too (such a word is that
    word, not this name written short)."""
    for _, _, t, ks in words:
        cands = set(ks) | {phonetic_key(x) for x in _stems(t, lang)}
        if any(_meets(o, k) for o in own for k in cands):
            return True
        # a capitalised word that is a short spelling less its last letter (Boot, where the
        # translation writes Boots elsewhere; not the common word vara for Furyk), unless the
        # others write it here too (Twitter, tr, beside Waters, trs: a word of its own)
        if t[:1].isupper() and any(len(k) == 2 and len(o) == 3 and o.startswith(k) and k not in shared
                                   for o in own for k in cands):
            return True
    return False
