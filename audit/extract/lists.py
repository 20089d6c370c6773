"""Enumerations: "Quang Ninh, Lang Son, Cao Bang and Ha Giang" as ordered members.

A list proper has three or more members. Two members ("Lang Son, Cao Bang";
in a cased script also "Lang Son and Cao Bang" between capitals) are kept as a
*short* list (``ListFact.short``): alone it says little, but beside another
translation's list of the same names it is that list with a member dropped.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

import regex

from ..model import ListFact
from ..punctuation import CLAUSE_BREAKS
from .morphology import glues_conjunctions
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

_CLAUSE = regex.compile(f"[^{regex.escape(CLAUSE_BREAKS)}]+")  # a stretch no list runs across


class _Words:
    """A clause's words, tokenised once: the words of any stretch of it are a slice found
    by bisection (a piece, a member), not a new tokenisation of its substring."""

    __slots__ = ("text", "toks", "starts")

    def __init__(self, text: str):
        self.text = text
        self.toks = tokens(text)
        self.starts = [t[0] for t in self.toks]

    def between(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """``tokens(text[s:e])``, offsets in the clause."""
        toks, starts = self.toks, self.starts
        i = bisect_left(starts, s)
        j = bisect_left(starts, e, i)
        if (i and toks[i - 1][1] > s) or (j > i and toks[j - 1][1] > e):
            # a stretch that begins or ends inside a word (a conjunction glued to a member): its own words
            return [(a + s, b + s, t) for a, b, t in tokens(self.text[s:e])]
        return toks[i:j]


class Member(NamedTuple):
    """A member as read in the clause: offsets in the clause, phonetic key."""

    start: int
    end: int
    key: str


class Item(NamedTuple):
    """What one piece between separators holds: a member (``key`` None when the piece
    is not one), whether it closes the list (a conjunction before it), and, for "A and
    B" in one piece, the member ``before`` the conjunction."""

    start: int
    end: int
    key: str | None
    closes: bool
    before: Member | None = None

    @property
    def member(self) -> bool:
        return self.key is not None


def extract_lists(text: str, lang: str) -> list[ListFact]:
    """Lists of short items, each member with its phonetic key."""
    conj, stops, clitics = _words_of(lang)
    articles = _articles(lang)
    glued = _unspaced_conjunctions(lang)
    cased = is_cased_script(text)
    facts = []
    # clauses: a list never crosses these
    for clause in _CLAUSE.finditer(text):
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
        words = _Words(body)
        items = [_item(words, s, e, stops, conj, clitics, articles, first=(k == 0), last=(k == len(pieces) - 1),
                       glued=glued) for k, (s, e) in enumerate(pieces)]
        _parallel(words, pieces, items, stops, conj, articles)
        items, starts = _boundaries(words, pieces, items, stops, conj, clitics, articles, cased)
        run: list = []
        for it, start in zip(items + [None], starts + [False]):
            if start:
                facts += _emit(text, c_start, run, cased)
                run = [it]
                continue
            if it is not None and it.member and (not run or not run[-1].closes):
                run.append(it)
                if it.closes:  # a conjunction closed the list
                    facts += _emit(text, c_start, run, cased)
                    run = []
                continue
            facts += _emit(text, c_start, run, cased)
            run = [it] if it is not None and it.member else []
    return facts


def _parallel(words, pieces, items, stops, conj, articles) -> None:
    """A preposition written before every member ("de viande, de lait, de cuir et de laine":
    French, Spanish and Portuguese repeat "of" where English writes it once) neither closes
    the list nor opens one: a piece that starts with the word written just before the member
    of the piece before it goes on with that list (in place; the first member, cut from the
    clause, starts after that word). It goes on only where what follows is parallel too:
    the next piece starts with that word ("de sucre, de sel ..."), or with a conjunction and
    that word, the list's last member after it ("de décès, et de guérisons"); "En mars, en
    Chine, les médecins ..." is no list of three."""
    for k in range(1, len(items)):
        it, prev = items[k], items[k - 1]
        if not (it.member and it.closes and prev.member) or it.before is not None or k + 1 >= len(items):
            continue
        toks = words.between(*pieces[k])
        w = fold(toks[0][2]) if toks else None
        if w not in stops or w in conj or w in articles or any(fold(t) in conj for _, _, t in toks):
            continue  # a conjunction in the piece closes the list whatever comes before it
        last = _parallel_last(words, pieces[k + 1], w, conj, stops, articles, len(toks) - 1)
        if last is None and not ((nxt := words.between(*pieces[k + 1])) and fold(nxt[0][2]) == w):
            continue  # the clause goes on after the parallel phrase: "in Wuhan, doctors reported"
        before = words.between(pieces[k - 1][0], prev.start)
        if before and fold(before[-1][2]) == w:
            items[k] = it._replace(closes=False)
        elif k == 1:  # the first member, the clause's last words: "une source majeure de viande"
            own = words.between(prev.start, prev.end)
            at = [n for n, (_, _, t) in enumerate(own[:-1]) if fold(t) == w]
            if not at:
                continue
            rest = own[at[-1] + 1:]
            items[0] = Item(rest[0][0], rest[-1][1], _key(rest), prev.closes)
            items[k] = it._replace(closes=False)
        else:
            continue
        if last is not None:
            items[k + 1] = last


def _parallel_last(words, piece, w, conj, stops, articles, width):
    """The last member of a list with ``w`` before every member, when ``piece`` is a
    conjunction, ``w`` and the member (", et de guérisons"): the words after ``w`` past an
    article, no wider than the member before (``width`` words), up to a boundary word. None
    when the piece is not so, or no word is left (never a bare function word)."""
    toks = words.between(*piece)
    if len(toks) < 3 or fold(toks[0][2]) not in conj or fold(toks[1][2]) != w:
        return None
    rest = toks[2:]
    while len(rest) > 1 and fold(rest[0][2]) in articles:
        rest = rest[1:]
    rest = rest[:max(1, width)]
    rest = rest[:next((n for n, (_, _, t) in enumerate(rest) if fold(t) in stops), len(rest))]
    if not rest or _numeric(rest, words.text):
        return None
    return Item(rest[0][0], rest[-1][1], _key(rest), True)


@lru_cache(maxsize=None)
def _words_of(lang: str):
    """(conjunctions, the words that end a member, one-letter conjunctions glued to a word)."""
    conj = _conjunctions(lang) or boundary_words(lang)
    stops = boundary_words(lang) | conj
    return conj, stops, tuple(w for w in stops if len(w) == 1) if glues_conjunctions(lang) else ()


def _boundaries(words, pieces, items, stops, conj, clitics, articles, cased):
    """Where lists open and close around pieces that are not one member each:
    (items, starts), ``starts`` marking the items that open a new list.

    Two general rules, for any language the data files describe:

    - *after no list, a conjunction opens one*: a piece "X and B" where no list is
      open before it (the piece before is no member, or closed a list) and a member
      follows is not the end of a list but its start, B its first member;
    - *a piece that is no member may close the list before it and open the next*:
      its head is the last member of an open list run on into the sentence (as
      many words as the member before it, or its capitals), and, when a member
      follows, its tail is the first member of a new list (its last words, as a
      clause's first piece gives them), after the head when it has one.
    """
    starts = [False] * len(items)
    for k in range(1, len(items) - 1):
        prev, nxt = items[k - 1], items[k + 1]
        if items[k].before is not None and (not prev.member or prev.closes) and nxt.member and nxt.before is None:
            items[k], starts[k] = Item(items[k].start, items[k].end, items[k].key, False), True
    tails = {}  # piece -> the member that opens a new list at its end, after its head closed the last
    for k in range(1, len(items)):
        head = items[k] if items[k].member and items[k].closes else None
        if not items[k].member:
            head = _head(words, pieces, items, k, cased, stops, conj, clitics, articles)
        elif not head:
            continue
        if k < len(items) - 1 and items[k + 1].member:
            tail = _item(words, *pieces[k], stops, conj, clitics, articles, first=True, last=False)
            if tail.member and not (head and tail.start < head.end):
                if head:
                    tails[k] = tail
                else:
                    items[k], starts[k] = tail, True
        if head:
            items[k] = head
    for k in sorted(tails, reverse=True):
        items.insert(k + 1, tails[k])
        starts.insert(k + 1, True)
    return items, starts


def _head(words, pieces, items, k, cased, stops, conj, clitics, articles):
    """The member at the head of piece ``k`` that closes the open list before it, if any:
    before the clause's last piece only after a conjunction."""
    before = 0  # the open list's members before the piece
    while before < k and items[k - 1 - before].member and not (before and items[k - 1 - before].closes):
        before += 1
    if not before or items[k - 1].closes:
        return None
    return _run_on(words, *pieces[k], items[k - 1], before, cased, stops, conj, clitics, articles,
                   need_conj=k < len(items) - 1)


def _run_on(words, s, e, prev, before, cased, stops, conj, clitics, articles, need_conj):
    """The member at the head of a piece that runs on into the sentence: as many words
    as the member before it, and in a cased script no more than its capitalised words
    (two members in all: only a cased script shows where a name ends)."""
    toks = words.between(s, e)
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
    width = len(words.between(prev.start, prev.end))
    if before + 1 >= _MIN_ITEMS:
        # a cased script's name ends where its capitals end; a common word has none
        toks = toks[:min(width, caps) if cased and caps else width]
    else:
        toks = toks[:caps]
    if not toks or _numeric(toks, words.text):
        return None
    return Item(toks[0][0], toks[-1][1], _key(toks), True)


def _item(words, s, e, stops, conj, clitics, articles, first, last, glued=()):
    """(start, end, key, closes) for a short item; the last may start with 'and'."""
    toks, body = words.between(s, e), words.text
    if glued:
        toks = _split_glued(toks, glued)
    closes = False
    opens = bool(toks) and fold(toks[0][2]) in conj  # ", and B ...": the conjunction closes the list at B
    # past _MAX_ITEM_WORDS words before it, a conjunction makes no member
    for k, (ts, te, t) in enumerate(toks[:_MAX_ITEM_WORDS + 1] if not first and not opens else ()):
        if k > 0 and fold(t) in conj and k < len(toks) - 1:
            # "Cao Bang and Ha Giang": the item after the conjunction closes the list
            left, right = toks[:k], toks[k + 1:]
            head = fold(left[0][2])
            if len(left) > 1 and len(right) > 1 and head == fold(right[0][2]) and head in stops \
                    and head not in articles and head not in conj:
                left, right = left[1:], right[1:]  # "de cuir et de laine": the preposition before each (_parallel)
            while len(right) > 1 and fold(right[0][2]) in articles:
                right = right[1:]  # "et la Thaïlande": the member is the name
            if right[0][2][:1].isupper():  # cased script: the member ends where its capitals end
                caps = 0
                while caps < len(right) and right[caps][2][:1].isupper():
                    caps += 1
                right = right[:caps]
            elif len(right) > _MAX_ITEM_WORDS and len(left) <= _MAX_ITEM_WORDS:
                # "tränare och böcker för att få veta ...": the member after the conjunction
                # runs on into the sentence; it is as wide as the member before it, and no
                # boundary word (a preposition) is part of it
                right = right[:len(left)]
                right = right[:next((n for n, (_, _, w) in enumerate(right) if fold(w) in stops), len(right))]
            if right and len(right) <= _MAX_ITEM_WORDS and len(left) <= _MAX_ITEM_WORDS \
                    and not _numeric(left + right, body):
                return Item(right[0][0], right[-1][1], _key(right), True,
                            Member(left[0][0], left[-1][1], _key(left)))
    for k, (ts, te, t) in enumerate(toks[:_MAX_ITEM_WORDS + 1] if clitics else ()):
        glued = next((c for c in clitics if fold(t).startswith(c) and len(t) > len(c) + 1), None)
        if not first and k and k <= _MAX_ITEM_WORDS and glued:
            # Arabic "نانينغ وها جيانغ في": و glued to the last member; "لانج سون ومنطقة
            # قوانجشي تشوانج ذاتية الحكم": و joins a longer phrase, which ends the list
            right = [(ts + len(glued), te, t[len(glued):])] + toks[k + 1:]
            cut = next((n for n, (_, _, w) in enumerate(right) if n and fold(w) in stops), len(right))
            right = right[:cut]
            if len(right) <= _MAX_ITEM_WORDS and not _numeric(toks[:k] + right, body):
                return Item(right[0][0], right[-1][1], _key(right), True,
                            Member(toks[0][0], toks[k - 1][1], _key(toks[:k])))
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
    if not toks or len(toks) > _MAX_ITEM_WORDS or _numeric(toks, body):
        return Item(s, e, None, False)
    return Item(toks[0][0], toks[-1][1], _key(toks), closes)


def _numeric(toks, text: str) -> bool:
    """A number among the words: figures are the number checks' to compare, and "5, 6 and
    7" is no enumeration of names. A code that writes digits in a word (HCoV-OC43, A320,
    COVID-19: digits after a letter's hyphen) names a thing, as a word does."""
    for ts, _, t in toks:
        if any(ch.isalpha() for ch in t) or not any(ch.isdigit() for ch in t):
            continue  # (a word's first letter answers the first test)
        if ts >= 2 and text[ts - 1] in "-‐‑" and text[ts - 2].isalpha():
            continue
        return True
    return False


def _capitalised(text, offset, members) -> bool:
    """Every member starts with a capital letter."""
    return all(text[offset + m.start:offset + m.end][:1].isupper() for m in members)


def _trim_first(text, offset, first, inner):
    """The first member as wide as the widest inner one: the words before a list's
    first member belong to the sentence ("Los síntomas son fiebre, tos, ...")."""
    s, e, key = first
    toks = tokens(text[offset + s:offset + e])
    width = max(len(tokens(text[offset + m.start:offset + m.end])) for m in inner)
    if len(toks) <= width:
        return first
    toks = toks[-width:]
    return Member(s + toks[0][0], s + toks[-1][1], _key(toks))


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
    return Member(s, end - offset, _key(tokens(text[offset + s:end])))


def _key(toks) -> str:
    return " ".join(phonetic_key(t) for _, _, t in toks)


@lru_cache(maxsize=None)
def _articles(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_data("lists.yaml")["articles"].get(lang, []))


@lru_cache(maxsize=None)
def _conjunctions(lang: str) -> frozenset[str]:
    """The words that close a list: the data file's, and the ones of the language's CLDR
    list patterns ("{0} na {1}", "{0} یا {1}"), for a language the data file lacks."""
    return frozenset(fold(w) for w in load_data("translit.yaml")["conjunctions"].get(lang, [])) | _cldr_conjunctions(lang)


def _split_glued(toks, glued):
    """Tokens of a script written without spaces split around a conjunction written inside
    them ("流感和SARS": 流感, 和, SARS)."""
    out = []
    pattern = _alternatives(glued)
    for ts, te, t in toks:
        pos = 0
        for m in pattern.finditer(t):
            if m.start() == 0 or m.end() == len(t):
                continue
            out.append((ts + pos, ts + m.start(), t[pos:m.start()]))
            out.append((ts + m.start(), ts + m.end(), m.group()))
            pos = m.end()
        out.append((ts + pos, te, t[pos:]))
    return out


@lru_cache(maxsize=None)
def _alternatives(words: tuple[str, ...]):
    return regex.compile("|".join(map(regex.escape, words)))


@lru_cache(maxsize=None)
def _unspaced_conjunctions(lang: str) -> tuple[str, ...]:
    """The conjunctions the language's CLDR list patterns write with no space around them
    ("{0}和{1}"): the script does not separate its words."""
    from babel import Locale, UnknownLocaleError

    try:
        pattern = Locale.parse(lang).list_patterns.get("standard", {}).get("end", "")
    except (UnknownLocaleError, ValueError):
        return ()
    word = pattern.replace("{0}", "").replace("{1}", "")
    return (word,) if word and not any(ch.isspace() or unicodedata.category(ch)[0] == "P" for ch in word) \
        and pattern.startswith("{0}") and pattern.endswith("{1}") else ()


@lru_cache(maxsize=None)
def _cldr_conjunctions(lang: str) -> frozenset[str]:
    from babel import Locale, UnknownLocaleError

    try:
        patterns = Locale.parse(lang).list_patterns
    except (UnknownLocaleError, ValueError):
        return frozenset()
    words = set()
    for style in ("standard", "or"):
        for part in ("end", "2"):
            pattern = patterns.get(style, {}).get(part, "")
            words |= {fold(t) for _, _, t in tokens(pattern.replace("{0}", " ").replace("{1}", " "))}
    return frozenset(words)


def _conjoined(text, offset, body, conjunctions) -> list[ListFact]:
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
        if not a or not b or left == 0 or _numeric(a + b, body):
            continue  # the clause's first word is capitalised whatever it is
        facts += _emit(text, offset, [Item(a[0][0], a[-1][1], _key(a), False),
                                      Item(b[0][0], b[-1][1], _key(b), True)], True)
    return facts


def _emit(text, offset, run, cased) -> list[ListFact]:
    members = []
    for it in run:
        if it.before is not None:  # "A and B" as one piece: both are members
            members.append(_whole(text, offset, it.before))
        members.append(_whole(text, offset, Member(it.start, it.end, it.key)))
    if len(members) < _MIN_SHORT:
        return []
    if len(members) >= _MIN_ITEMS:
        members[0] = _trim_first(text, offset, members[0], members[1:-1])
        if cased and _capitalised(text, offset, members[1:]) and not _capitalised(text, offset, members[:1]):
            members = members[1:]  # "... som visade förhöret, C-SPAN och Fox": a list of names
    short = len(members) < _MIN_ITEMS
    names = tuple(text[offset + m.start: offset + m.end] for m in members)
    if short and cased and not all(w[:1].isupper() for name in names for w in name.split()):
        return []  # two members in a cased script: names only
    start, end = offset + members[0].start, offset + members[-1].end
    keys = tuple(m.key for m in members)
    return [ListFact(text[start:end], start, end, keys, members=names,
                     spans=tuple((offset + m.start, offset + m.end) for m in members), short=short)]
