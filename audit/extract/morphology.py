"""How words are put together (audit/data/morphology.yaml), for every stage that looks words up.

The numbers' lexicon, month and territory look-ups, names and lists read clitics,
elision and glued conjunctions from here, so that a language's morphology is
stated once, as data, and no stage asks another for it.
"""
from __future__ import annotations

from functools import lru_cache

from .text import fold, load_data


def _data() -> dict:
    return load_data("morphology.yaml")


@lru_cache(maxsize=None)
def clitics(lang: str) -> tuple[str, ...]:
    """The clitics written glued before a word in ``lang``, folded, longest first (وال before و)."""
    return tuple(sorted((fold(p) for p in _data()["clitics"].get(lang, ())), key=len, reverse=True))


def glues_conjunctions(lang: str) -> bool:
    """Whether ``lang`` writes its one-letter "and" glued to the next word (Arabic و)."""
    return lang in _data()["glued_conjunctions"]


def elided(word: str, lang: str | None = None) -> str | None:
    """The word after an elided article or preposition (l'Inde -> Inde), None when there is none.

    With ``lang``, only that language's elided heads (morphology.yaml: Italian dell'Italia,
    French jusqu'en); without, any head of up to ``head_letters`` letters."""
    spec = _data()["elision"]
    for mark in spec["apostrophes"][1:]:
        word = word.replace(mark, spec["apostrophes"][0])
    head, _, tail = word.partition(spec["apostrophes"][0])
    if not tail:
        return None
    if lang is None:
        return tail if len(head) <= spec["head_letters"] else None
    return tail if fold(head) in _elided_heads(lang) else None


@lru_cache(maxsize=None)
def _elided_heads(lang: str) -> frozenset[str]:
    return frozenset(fold(h) for h in (_data()["elision"].get("heads") or {}).get(lang, ()))


@lru_cache(maxsize=1)
def date_connectors() -> frozenset[str]:
    """Folded words that may stand between a day and its month (13 de marzo, den 13)."""
    return frozenset(fold(w) for w in _data()["date_connectors"])


@lru_cache(maxsize=1)
def latin_vowels() -> frozenset[str]:
    return frozenset(_data()["latin_vowels"])
