"""Names across translations: mentions, and who else names them.

A mention in a cased script is a run of capitalised words; in a caseless script
(Bengali, Devanagari, Arabic) two adjacent words, or one long word, may be a
name. A mention counts as a name only when a mention in another document, in
another script or in a cased one, names it too: capitalisation or a second
script is the evidence, which keeps common words, German nouns and
sentence-initial words from passing for names without a glossary.

Names are compared on per-word phonetic keys (``extract.text.phonetic_key``),
as bigrams and as unigrams of 3+ letters. Whether a paragraph *contains* a name
is tested leniently (a word key may carry an inflection after the name's key,
a clitic before it): a missed name is a missed finding, a false absence is a
false alarm. The vote on names one translation drops or replaces is in ``voting``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from functools import cached_property, lru_cache
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ...extract.names import boundary_words
from ...extract.morphology import clitics, elided
from ...extract.text import MEMO_LIMIT, fold, phonetic_key, tokens
from ..base import GroupContext
from ...extract.text import cased_script


class Mention(NamedTuple):
    """Words of one paragraph that may write a name, and the units they are matched by.
    (A named tuple, not a frozen dataclass: a caseless document has about two per word, and a
    frozen dataclass's ``__init__`` was a sixth of finding them; the fields, equality, hash and
    ``repr`` are the dataclass's.)"""

    paragraph: int
    start: int
    end: int
    surface: str
    units: tuple[tuple[str, ...], ...]


_KEYS = itemgetter(3)  # of a ``word_keys`` entry (start, end, word, keys)
_WORD = itemgetter(2)
_SURFACE, _UNITS = attrgetter("surface"), attrgetter("units")


def _units(keys: list[str]) -> tuple[tuple[str, ...], ...]:
    units = [(a, b) for a, b in zip(keys, keys[1:]) if len(a) + len(b) >= 3 and max(len(a), len(b)) >= 2]
    units += [(k,) for k in keys if len(k) >= 3]
    return tuple(units)


class Index:
    """Exact units (for matching mention to mention) or lenient word keys (for presence)."""

    def __init__(self, lenient: bool):
        self.lenient = lenient
        self.uni: set[str] = set()
        self.bi: set[tuple[str, str]] = set()

    def _forms(self, keys: frozenset[str]) -> frozenset[str]:
        return _prefixes(keys) if self.lenient else keys

    def add_words(self, words: list[set[str]]) -> None:
        """Consecutive words, each as the set of keys it may stand for."""
        forms = [self._forms(w) for w in words]
        for f in forms:
            self.uni |= f
        for a, b in zip(forms, forms[1:]):
            self.bi.update((x, y) for x in a for y in b)

    def add_units(self, units) -> None:
        for u in units:
            if len(u) == 1:
                self.uni.add(u[0])
            else:
                self.bi.add(u)

    def has(self, unit: tuple[str, ...]) -> bool:
        return unit[0] in self.uni if len(unit) == 1 else unit in self.bi

    def has_any(self, units) -> bool:
        return any(self.has(u) for u in units)

    def has_name(self, units, required: frozenset = frozenset()) -> bool:
        """The name is written here: one of its word pairs, or every one of its
        ``required`` words (not merely one: Quang is not Guangxi, Xuan Thang not
        Dai Thang), or with none required any of its words."""
        if any(self.has(u) for u in units if len(u) == 2 or u[0].startswith("g:")):
            return True
        if required:
            return all(k in self.uni for k in required)
        return self.has_any(units)


@lru_cache(maxsize=200000)
def _prefixes(keys: frozenset[str]) -> frozenset[str]:
    """Every prefix of two or more letters of the keys (a word key may carry an inflection)."""
    return frozenset(k[:n] for k in keys for n in range(min(len(k), 2), len(k) + 1))


# language -> word -> its keys (None for a number): a batch's vocabulary is far smaller
# than its words, so each distinct word is keyed once per process
_WORD_KEYS: dict[str, dict[str, frozenset[str] | None]] = {}


def word_keys(text: str, lang: str) -> list[tuple[int, int, str, frozenset[str]]]:
    """(start, end, word, keys) of every word that is not a number; keys with and without a clitic."""
    known = _WORD_KEYS.get(lang)
    if known is None:
        known = _WORD_KEYS[lang] = {}
    words = tokens(text)
    if len(known) >= MEMO_LIMIT:  # bounded as ``text.remember``'s memos are
        known.clear()
    for t in set(map(_WORD, words)).difference(known):
        known[t] = _word_key_set(t, lang)
    return [(s, e, t, keys) for s, e, t in words if (keys := known[t]) is not None]


def _word_key_set(t: str, lang: str) -> frozenset[str] | None:
    """The keys of a word, None for a number."""
    if any(ch.isdigit() for ch in t):
        return None
    folded = fold(t)
    keys = {phonetic_key(t)} | {phonetic_key(t[len(p):]) for p in clitics(lang)
                                if folded.startswith(p) and len(t) - len(p) >= 2}
    tail = elided(t)
    if tail:
        keys.add(phonetic_key(tail))  # elision: d'Uppsala, l'Orchestre
    return frozenset(keys)


class NameView:
    """Mentions and key indexes of one document."""

    def __init__(self, ctx: GroupContext, doc_id: str):
        self.doc = ctx.documents[doc_id]
        self.facts = ctx.facts[doc_id]
        self.words = [word_keys(p.text, self.doc.language) for p in self.doc.paragraphs]
        # by the document's script, not its first letters (an Urdu text may open with "COVID-19")
        self.cased = cased_script(self.doc.script)
        self.stops = boundary_words(self.doc.language)
        self.glossary = [glossary_hits(p.text, self.doc.language, ctx.glossary) for p in self.doc.paragraphs]
        self._mentions: dict[int, list[Mention]] = {}
        self._adjacent: dict[int, list[bool]] = {}
        self._folded: dict[int, list[str]] = {}

    @cached_property
    def words_index(self) -> Index:
        ix = Index(lenient=True)
        for i, w in enumerate(self.words):
            ix.add_words([k for *_, k in w])
            ix.add_units([(f"g:{h[3]}",) for h in self.glossary[i]])
        return ix

    @cached_property
    def lowered_keys(self) -> frozenset[str]:
        """Keys of the words this document writes in lower case (common words, in a cased script)."""
        return frozenset().union(*[ks for words in self.words for _, _, t, ks in words if t[:1].islower()])

    def link_maps(self, link_of: dict[int, int]) -> None:
        """Which links mention each unit (exactly), and which contain it (leniently): each
        link's keys, surfaces and units gathered as sets first, then inverted, so a unit
        written many times in one link is entered once."""
        self.link_of = link_of  # paragraph index -> link number
        keys_of: dict[int, set] = defaultdict(set)
        surfaces_of: dict[int, set] = defaultdict(set)
        units_of: dict[int, set] = defaultdict(set)
        for i, w in enumerate(self.words):
            n = link_of.get(i, -1)
            keys_of[n].update(*map(_KEYS, w))
            ms = self.mentions(i)
            surfaces_of[n].update(map(fold, map(_SURFACE, ms)))
            units_of[n].update(*map(_UNITS, ms))
        self.key_links: dict = _invert(keys_of)  # word key -> links where this document writes a word with it
        self.surface_links: dict = _invert(surfaces_of)
        self.mention_links: dict = _invert(units_of)

    def paragraph_index(self, indices) -> Index:
        ix = Index(lenient=True)
        for i in indices:
            ix.add_words([k for *_, k in self.words[i]])
            ix.add_units([(f"g:{h[3]}",) for h in self.glossary[i]])
        return ix

    def adjacent(self, i: int) -> list[bool]:
        """Per word of paragraph ``i`` but the last, whether only spaces or hyphens part it
        from the next (computed once per paragraph, for the mentions and the spellings)."""
        got = self._adjacent.get(i)
        if got is None:
            text, w = self.doc.paragraphs[i].text, self.words[i]
            got = self._adjacent[i] = [text[a[1]:b[0]].strip(" -\u00a0") == "" for a, b in zip(w, w[1:])]
        return got

    def folded(self, i: int) -> list[str]:
        """``fold`` of each word of paragraph ``i`` (computed once per paragraph)."""
        got = self._folded.get(i)
        if got is None:
            got = self._folded[i] = list(map(fold, map(_WORD, self.words[i])))
        return got

    def mentions(self, i: int) -> list[Mention]:
        got = self._mentions.get(i)
        if got is None:
            got = self._mentions[i] = self._find_mentions(i)
        return got

    def _find_mentions(self, i: int) -> list[Mention]:
        text = self.doc.paragraphs[i].text
        pf = self.facts[i]
        # numbers, dates (month names) and the country of a label are other checks' facts
        taken = [(f.start, f.end) for f in pf.numbers + pf.dates]
        for f in pf.labels:
            at = f.text.rfind(f.country)
            if at >= 0:
                taken.append((f.start + at, f.start + at + len(f.country)))
        # a glossary alias is a name by definition; its entity meets the other languages' aliases
        out = [Mention(i, s, e, surface, ((f"g:{entity}",),) + _units([phonetic_key(t) for _, _, t in tokens(surface)]))
               for s, e, surface, entity in self.glossary[i]]
        if self.cased:
            for f in pf.names:
                if any(s < f.end and f.start < e for s, e in taken):
                    continue
                units = _surface_units(f.text)
                if units:
                    out.append(Mention(i, f.start, f.end, f.text, units))
            return out
        words = self.words[i]
        stops = self.stops
        free = _free(words, taken)
        # "and", "of": never part of a name
        usable = [f and t not in stops for f, t in zip(free, self.folded(i))]
        last = len(words) - 1
        adjacent = self.adjacent(i)
        # (about two mentions per word: the memos read inline, each Mention made in C, as its
        # ``__new__`` makes it)
        pair_units, long_units, mention = _PAIR_UNITS.get, _LONG_UNITS.get, tuple.__new__
        for k, (s, e, t, keys) in enumerate(words):
            if not usable[k]:
                continue
            if k < last and usable[k + 1] and adjacent[k]:
                nxt = words[k + 1]
                b = phonetic_key(nxt[2])
                units = pair_units((keys, b))
                if units is None:
                    units = _pair_units(keys, b)
                if units:
                    out.append(mention(Mention, (i, s, nxt[1], text[s:nxt[1]], units)))
            long = long_units(keys)
            if long is None:
                long = _long_units(keys)
            if long:
                out.append(mention(Mention, (i, s, e, t, long)))
        return out

    def find(self, indices, units) -> tuple[int, int, int] | None:
        """(paragraph, start, end) of the first words in ``indices`` that carry one of ``units``."""
        entities = {u[0][2:] for u in units if u[0].startswith("g:")}
        for i in indices:
            for s, e, _, entity in self.glossary[i]:
                if entity in entities:
                    return i, s, e
        for i in indices:
            w = self.words[i]
            for k in range(len(w)):
                for u in units:
                    got = w[k:k + len(u)]
                    if len(got) == len(u) and all(any(x.startswith(a) for x in ks) for a, (*_, ks) in zip(u, got)):
                        return i, got[0][0], got[-1][1]
        return None


def _invert(items_of: dict[int, set]) -> dict:
    """{link: items} -> {item: links}. An item first met in link ``n`` is entered in C with
    that link's one-link set, shared (the callers only read these sets); an item met again
    gets a set of its own."""
    out: dict = {}
    seen: set = set()
    for n, items in items_of.items():
        one = frozenset((n,))
        again = items & seen
        if again:
            for x in again:
                out[x] = out[x] | one
            out.update(dict.fromkeys(items - again, one))
        else:
            out.update(dict.fromkeys(items, one))
        seen |= items
    return out


def _free(words, taken) -> list[bool]:
    """Per word, whether it overlaps none of the ``taken`` spans. Words are in text order
    and do not overlap, so the words a span overlaps are a run from the first that ends
    after its start."""
    free = [True] * len(words)
    if taken:
        ends = [w[1] for w in words]
        for a, b in taken:
            k = bisect_right(ends, a)
            while k < len(words) and words[k][0] < b:
                free[k] = False
                k += 1
    return free


_SURFACE_UNITS: dict = {}


def _surface_units(surface: str) -> tuple:
    """The units of a cased name's words (computed once per distinct name)."""
    got = _SURFACE_UNITS.get(surface)
    if got is None:
        got = _SURFACE_UNITS[surface] = _units([phonetic_key(t) for _, _, t in tokens(surface)])
    return got


_PAIR_UNITS: dict = {}
_LONG_UNITS: dict = {}


def _pair_units(keys: frozenset[str], b: str) -> tuple:
    """The units of a caseless word (any of its ``keys``) followed by a word of key ``b``:
    each key's first unit with it (computed once per distinct pair)."""
    got = _PAIR_UNITS.get((keys, b))
    if got is None:
        got = _PAIR_UNITS[(keys, b)] = tuple(sorted({u for a in keys for u in _units([a, b])[:1]}))
    return got


def _long_units(keys: frozenset[str]) -> tuple:
    """A caseless word's keys of four or more letters, as units (computed once per distinct word)."""
    got = _LONG_UNITS.get(keys)
    if got is None:
        got = _LONG_UNITS[keys] = tuple(sorted((key,) for key in keys if len(key) >= 4))
    return got


def glossary_hits(text: str, lang: str, glossary: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, entity) of every glossary alias of ``lang`` in ``text``."""
    if not glossary:
        return []
    import regex

    hits = []
    for entity, spec in sorted(glossary.items()):
        for alias in spec["aliases"].get(lang, []):
            pattern = r"(?<![\p{L}\p{M}])" + regex.escape(alias.strip()) + r"(?![\p{L}\p{M}])"
            for m in regex.finditer(pattern, text, flags=regex.IGNORECASE):
                hits.append((m.start(), m.end(), m.group(), entity))
    return sorted(hits)


def confirmed(view: NameView, m: Mention, views: dict[str, NameView]) -> bool:
    """A mention is a name when another document names it too, in a paragraph aligned
    with one where this document writes these same words: a common word that happens
    to sound like a name does not meet it in an aligned place. A word of a caseless
    script is a name only where a cased translation writes it capitalised (or the
    glossary lists it): two caseless scripts share vocabulary (Hindi राजनीति and
    Bengali রাজনীতি, "politics"), so their meeting is no evidence of a name."""
    if m.units[0][0].startswith("g:"):
        return True  # in the glossary: a name by definition
    here = view.surface_links.get(fold(m.surface), set())
    for o, other in views.items():
        if other is view or (not view.cased and not other.cased):
            continue
        for u in m.units:
            if other.mention_links.get(u, set()) & here:
                return True
    return False


def name_views(ctx: GroupContext) -> dict[str, NameView]:
    return ctx.memo("name_views", lambda: _name_views(ctx))


def _name_views(ctx: GroupContext) -> dict[str, NameView]:
    views = {d: NameView(ctx, d) for d in ctx.group.documents}
    link_of: dict[str, dict[int, int]] = {d: {} for d in views}
    for n, link in enumerate(ctx.alignment.links):
        for d, idx in link.members:
            for i in idx:
                link_of[d][i] = n
    for d, v in views.items():
        v.link_maps(link_of[d])
    return views
