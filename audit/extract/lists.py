"""Enumerations: "Quang Ninh, Lang Son, Cao Bang and Ha Giang" as ordered members.

A list proper has three or more members. Two members ("Lang Son, Cao Bang";
in a cased script also "Lang Son and Cao Bang" between capitals) are kept as a
*short* list (``extra["short"]``): alone it says little, but beside another
translation's list of the same names it is that list with a member dropped.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..model import Fact
from .names import boundary_words
from .text import fold, is_cased_script, load_data, phonetic_key, tokens

# A separator is a run of commas and spaces holding at least one comma (", ," is one).
# Matched from its first comma, then widened over the spaces before it: a pattern that
# may start with spaces retries at every space of a long run (quadratic, issue 18).
@lru_cache(maxsize=1)
def _separators():
    chars = regex.escape(load_data("lists.yaml")["separators"])
    return regex.compile(f"[{chars}][\\s{chars}]*")
_MAX_ITEM_WORDS = 3
_MIN_ITEMS = 3
_MIN_SHORT = 2


def extract_lists(text: str, lang: str) -> list[Fact]:
    """Lists of short items; value is the tuple of member keys."""
    stops = boundary_words(lang)
    conj = _conjunctions(lang) or stops
    clitics = tuple(w for w in stops if len(w) == 1) if lang in load_data("lists.yaml")["glued_conjunctions"] else ()
    articles = _articles(lang)
    cased = is_cased_script(text)
    facts = []
    # clauses: a list never crosses these
    for clause in regex.finditer(r"[^.;:!?؛।()\"“”«»\n–—]+", text):
        c_start = clause.start()
        pieces = []
        pos = 0
        body = clause.group()
        for sep in _separators().finditer(body):
            start = sep.start()
            while start > pos and body[start - 1].isspace():
                start -= 1
            pieces.append((pos, start))
            pos = sep.end()
        pieces.append((pos, len(body)))
        if len(pieces) < 2:
            if cased:
                facts += _conjoined(text, c_start, body, conj)
            continue
        items = [_item(body, s, e, stops, conj, clitics, articles, first=(k == 0), last=(k == len(pieces) - 1))
                 for k, (s, e) in enumerate(pieces)]
        items, starts = _boundaries(body, pieces, items, stops, conj, clitics, articles, cased)
        run: list = []
        for it, start in zip(items + [None], starts + [False]):
            if start:
                facts += _emit(text, c_start, run, cased)
                run = [it]
                continue
            if it is not None and it[2] is not None and (not run or not run[-1][3]):
                run.append(it)
                if it[3]:  # a conjunction closed the list
                    facts += _emit(text, c_start, run, cased)
                    run = []
                continue
            facts += _emit(text, c_start, run, cased)
            run = [it] if it is not None and it[2] is not None else []
    return facts


def _boundaries(body, pieces, items, stops, conj, clitics, articles, cased):
    """Where lists open and close when a piece is more than one member: (items, starts),
    ``starts`` marking the items that open a new list."""
    starts = [False] * len(items)
    extra = {}  # piece -> a member that opens a new list at its end, after one closing the last
    for k in range(1, len(items) - 1):
        prev = items[k - 1]
        if len(items[k]) == 5 and (prev[2] is None or prev[3]) and len(items[k + 1]) == 4 \
                and items[k + 1][2] is not None:
            # "..., ورحب بمقاطعة قوانغشي ومقاطعات كوانغ نينه، ولانغ سون، ...": no list is open
            # before the conjunction, and members follow: what comes after it opens one
            items[k], starts[k] = items[k][:3] + (False,), True
    for k in range(1, len(items)):
        closing = items[k] if items[k][2] is not None and items[k][3] else None
        if items[k][2] is None:
            before = 0
            while before < k and items[k - 1 - before][2] is not None and not (before and items[k - 1 - before][3]):
                before += 1
            if before and not items[k - 1][3]:
                # the list's last member runs on into the sentence ("..., and Ha Giang
                # kerana ..."); before the clause's last piece only after a conjunction
                closing = _run_on(body, *pieces[k], items[k - 1], before, cased, stops, conj, clitics, articles,
                                  need_conj=k < len(items) - 1)
        elif not closing:
            continue
        if k < len(items) - 1 and items[k + 1][2] is not None:
            # "..., Setiausaha Parti bagi wilayah Quang Ninh, Ha Giang, ...": a long piece
            # before a member may end with the first member of a new list, as a clause's
            # first piece does, after the member that closed the list before it
            again = _item(body, *pieces[k], stops, conj, clitics, articles, first=True, last=False)
            if again[2] is not None and not (closing and again[0] < closing[1]):
                if closing:
                    extra[k] = again
                else:
                    items[k], starts[k] = again, True
        if closing:
            items[k] = closing
    for k in sorted(extra, reverse=True):
        items.insert(k + 1, extra[k])
        starts.insert(k + 1, True)
    return items, starts


def _run_on(body, s, e, prev, before, cased, stops, conj, clitics, articles, need_conj):
    """The member at the head of a piece that runs on into the sentence: as many words
    as the member before it, and in a cased script no more than its capitalised words
    (two members in all: only a cased script shows where a name ends)."""
    toks = tokens(body[s:e])
    if not toks:
        return None
    head = fold(toks[0][2])
    if need_conj and head not in conj and not any(head.startswith(c) and len(head) > 2 for c in clitics):
        return None
    if head in stops:
        toks = toks[1:]
    caps = 0
    while cased and caps < min(len(toks), _MAX_ITEM_WORDS) and toks[caps][2][:1].isupper():
        caps += 1
    width = len(tokens(body[prev[0]:prev[1]]))
    if before + 1 >= _MIN_ITEMS:
        toks = toks[:min(width, caps) if cased else width]
    else:
        toks = toks[:caps]
    if not toks or any(ch.isdigit() for _, _, t in toks for ch in t):
        return None
    return (s + toks[0][0], s + toks[-1][1], _key(toks), True)


def _item(body, s, e, stops, conj, clitics, articles, first, last):
    """(start, end, key, closes) for a short item; the last may start with 'and'."""
    toks = tokens(body[s:e])
    closes = False
    for k, (ts, te, t) in enumerate(toks):
        if k > 0 and not first and fold(t) in conj and k < len(toks) - 1:
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
        glued = next((c for c in clitics if fold(t).startswith(c) and len(t) > len(c) + 1), None)
        if not first and k and k <= _MAX_ITEM_WORDS and glued:
            # Arabic "نانينغ وها جيانغ في": و glued to the last member; "لانج سون ومنطقة
            # قوانجشي تشوانج ذاتية الحكم": و joins a longer phrase, which ends the list
            right = [(ts + len(glued), te, t[len(glued):])] + toks[k + 1:]
            cut = next((n for n, (_, _, w) in enumerate(right) if n and fold(w) in stops), len(right))
            right = right[:cut]
            if len(right) <= _MAX_ITEM_WORDS and not any(ch.isdigit() for _, _, w in toks[:k] + right for ch in w):
                return (s + right[0][0], s + right[-1][1], _key(right), True,
                        (s + toks[0][0], s + toks[k - 1][1], _key(toks[:k])))
            toks, closes = toks[:k], True
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
        # "... and Ha Giang" closes; "in Quang Ninh, ..." opens; "..., le Japon, ..." goes on
        closes = not first and fold(toks[0][2]) not in articles
        toks = toks[1:]
    if last and toks and toks[0][2][:1].isupper():
        while toks[-1][2][:1].islower():
            toks = toks[:-1]  # "und Cao Bang trafen": the member ends where its capitals end
    if not toks or len(toks) > _MAX_ITEM_WORDS or any(ch.isdigit() for _, _, t in toks for ch in t):
        return (s, e, None, False)
    return (s + toks[0][0], s + toks[-1][1], _key(toks), closes)


def _trim_first(text, offset, first, inner):
    """The first member as wide as the widest inner one: the words before a list's
    first member belong to the sentence ("Los síntomas son fiebre, tos, ...")."""
    s, e, key = first
    toks = tokens(text[offset + s:offset + e])
    width = max(len(tokens(text[offset + m[0]:offset + m[1]])) for m in inner)
    if len(toks) <= width:
        return first
    toks = toks[-width:]
    return (s + toks[0][0], s + toks[-1][1], _key(toks))


def _whole(text, offset, member):
    """The member to the end of its hyphenated word: "SARS-CoV-2" is not "SARS-CoV"."""
    s, e, key = member
    end = offset + e
    while end + 1 < len(text) and text[end] in "-‐‑" and text[end + 1].isalnum():
        end += 1
        while end < len(text) and (text[end].isalnum() or unicodedata.category(text[end])[0] == "M"):
            end += 1
    if end == offset + e:
        return member
    return (s, end - offset, _key(tokens(text[offset + s:end])))


def _key(toks) -> str:
    return " ".join(phonetic_key(t) for _, _, t in toks)


@lru_cache(maxsize=None)
def _articles(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("lists.yaml")["articles"].get(lang, []))


@lru_cache(maxsize=None)
def _conjunctions(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("translit.yaml")["conjunctions"].get(lang, []))


def _conjoined(text, offset, body, conjunctions) -> list[Fact]:
    """"Lang Son and Cao Bang": two runs of capitalised words around a conjunction."""
    if not conjunctions:
        return []
    toks = tokens(body)
    facts = []
    for k, (_, _, t) in enumerate(toks):
        if fold(t) not in conjunctions or k == 0:
            continue
        left = k
        while left > 0 and k - left < _MAX_ITEM_WORDS and toks[left - 1][2][:1].isupper():
            left -= 1
        right = k + 1
        while right < len(toks) and right - k - 1 < _MAX_ITEM_WORDS and toks[right][2][:1].isupper():
            right += 1
        a, b = toks[left:k], toks[k + 1:right]
        if not a or not b or left == 0 or any(ch.isdigit() for _, _, w in a + b for ch in w):
            continue  # the clause's first word is capitalised whatever it is
        facts += _emit(text, offset, [(a[0][0], a[-1][1], _key(a)), (b[0][0], b[-1][1], _key(b))], True)
    return facts


def _emit(text, offset, run, cased) -> list[Fact]:
    members = []
    for it in run:
        if len(it) == 5:  # "A and B" as one piece: both are members
            members.append(_whole(text, offset, it[4]))
        members.append(_whole(text, offset, it[:3]))
    if len(members) < _MIN_SHORT:
        return []
    if len(members) >= _MIN_ITEMS:
        members[0] = _trim_first(text, offset, members[0], members[1:-1])
    short = len(members) < _MIN_ITEMS
    names = tuple(text[offset + m[0]: offset + m[1]] for m in members)
    if short and cased and not all(w[:1].isupper() for name in names for w in name.split()):
        return []  # two members in a cased script: names only
    start, end = offset + members[0][0], offset + members[-1][1]
    keys = tuple(m[2] for m in members)
    return [Fact("list", keys, text[start:end], start, end, extra={
        "members": names, "spans": tuple((offset + m[0], offset + m[1]) for m in members), "short": short})]
