"""Enumerations: "Quang Ninh, Lang Son, Cao Bang and Ha Giang" as ordered members."""
from __future__ import annotations

import regex

from ..model import Fact
from .names import boundary_words
from .text import fold, phonetic_key, tokens

_SEPARATORS = regex.compile(r"\s*[,،、]\s*")
_MAX_ITEM_WORDS = 3
_MIN_ITEMS = 3
_CLITIC_LANGS = ("ar", "fa", "ur", "he")  # a one-letter conjunction is written glued to the next word


def extract_lists(text: str, lang: str) -> list[Fact]:
    """Lists of three or more short items; value is the tuple of member keys."""
    stops = boundary_words(lang)
    clitics = tuple(w for w in stops if len(w) == 1) if lang in _CLITIC_LANGS else ()
    facts = []
    # clauses: a list never crosses these
    for clause in regex.finditer(r"[^.;:!?؛।()\"“”«»\n–—]+", text):
        c_start = clause.start()
        pieces = []
        pos = 0
        body = clause.group()
        for sep in _SEPARATORS.finditer(body):
            pieces.append((pos, sep.start()))
            pos = sep.end()
        pieces.append((pos, len(body)))
        if len(pieces) < _MIN_ITEMS - 1:
            continue
        items = [_item(body, s, e, stops, clitics, first=(k == 0), last=(k == len(pieces) - 1))
                 for k, (s, e) in enumerate(pieces)]
        if len(items) >= 3 and items[-1][2] is None and items[-2][2] is not None:
            # the last member runs on into the sentence: take as many words as the one before it
            width = len(tokens(body[items[-2][0]:items[-2][1]]))
            s, e = pieces[-1]
            toks = tokens(body[s:e])[:width]
            if toks and not any(ch.isdigit() for _, _, t in toks for ch in t):
                items[-1] = (s + toks[0][0], s + toks[-1][1], _key(toks), True)
        run: list = []
        for it in items + [None]:
            if it is not None and it[2] is not None and (not run or not run[-1][3]):
                run.append(it)
                if it[3]:  # a conjunction closed the list
                    facts += _emit(text, c_start, run)
                    run = []
                continue
            facts += _emit(text, c_start, run)
            run = [it] if it is not None and it[2] is not None else []
    return facts


def _item(body, s, e, stops, clitics, first, last):
    """(start, end, key, closes) for a short item; the last may start with 'and'."""
    toks = tokens(body[s:e])
    closes = False
    for k, (ts, te, t) in enumerate(toks):
        if k > 0 and not first and fold(t) in stops and k < len(toks) - 1:
            # "Cao Bang and Ha Giang": the item after the conjunction closes the list
            left, right = toks[:k], toks[k + 1:]
            if right[0][2][:1].isupper():  # cased script: the member ends where its capitals end
                caps = 0
                while caps < len(right) and right[caps][2][:1].isupper():
                    caps += 1
                right = right[:caps]
            if right and len(right) <= _MAX_ITEM_WORDS and len(left) <= _MAX_ITEM_WORDS \
                    and not any(ch.isdigit() for _, _, w in left + right for ch in w):
                return (s + right[0][0], s + right[-1][1], _key(right), True, (s + left[0][0], s + left[-1][1], _key(left)))
    for k, (ts, te, t) in enumerate(toks):
        if k and k <= _MAX_ITEM_WORDS and any(fold(t).startswith(c) and len(t) > 3 for c in clitics):
            toks, closes = toks[:k], True  # Arabic: "لانج سون ومنطقة": و joins the next phrase
            break
    if last and len(toks) > _MAX_ITEM_WORDS:
        for k, (ts, te, t) in enumerate(toks[: _MAX_ITEM_WORDS + 1]):
            if k and fold(t) in stops:
                toks, closes = toks[:k], True
                break
    if first and len(toks) > _MAX_ITEM_WORDS:
        toks = toks[-_MAX_ITEM_WORDS:]  # the clause's words before the first member are not part of it
        while toks and fold(toks[0][2]) in stops:
            toks = toks[1:]
    if first and any(t[:1].isupper() for _, _, t in toks):
        while toks and toks[0][2][:1].islower():
            toks = toks[1:]  # "wilayah Quang Ninh": the member is the name
    if toks and fold(toks[0][2]) in stops and len(toks) > 1:
        toks, closes = toks[1:], True
    if not toks or len(toks) > _MAX_ITEM_WORDS or any(ch.isdigit() for _, _, t in toks for ch in t):
        return (s, e, None, False)
    return (s + toks[0][0], s + toks[-1][1], _key(toks), closes)


def _key(toks) -> str:
    return " ".join(phonetic_key(t) for _, _, t in toks)


def _emit(text, offset, run) -> list[Fact]:
    members = []
    for it in run:
        if len(it) == 5:  # "A and B" as one piece: both are members
            members.append(it[4])
        members.append(it[:3])
    if len(members) < _MIN_ITEMS:
        return []
    start, end = offset + members[0][0], offset + members[-1][1]
    keys = tuple(m[2] for m in members)
    names = tuple(text[offset + m[0]: offset + m[1]] for m in members)
    return [Fact("list", keys, text[start:end], start, end, extra={"members": names,
                 "spans": tuple((offset + m[0], offset + m[1]) for m in members)})]
