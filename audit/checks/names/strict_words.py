"""The words the strict name vote (``strict``) starts from and the tests it reads a
paragraph with: which capitalised words of a cased translation are name words (rare in
their language, no calendar or language name, no territory, no title kept in the loanword
language; ``names.yaml``), and whether a paragraph writes a name word by its key, comes
near it by a looser consonant skeleton, or compounds it.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from ...extract.labels import territory_names
from ...extract.text import fold, key_source, load_data, phonetic_key, tokens
from ...languages import wordfreq_languages
from ...punctuation import BEFORE_SENTENCE_START
from .common import Mention, NameView
from .match import WordTable, _stems, stem_keys, territories

_TEXT, _KEYS = itemgetter(2), itemgetter(3)  # of a ``word_keys`` entry (start, end, word, keys)

# the looser skeleton the absence test reads (what survives Arabic's dropped vowels and its
# letters for one Latin sound, Indic inherent vowels, voicing): a name is absent only when
# no word of the paragraph comes near it even so
_SKELETON = str.maketrans({"p": "b", "v": "b", "f": "b", "w": None, "c": "k", "q": "k", "g": "k", "j": "k",
                           "d": "t", "z": "s", "x": "s", "h": None, "y": None, "a": None, "e": None,
                           "i": None, "o": None, "u": None})


@lru_cache(maxsize=None)
def _limit() -> float:
    return float(load_data("names.yaml")["strict_zipf"])


# (wordfreq and anyascii imported when first needed, once: an import statement run per new
# word, a lookup in Python's import machinery, was 2% of the strict vote)
@lru_cache(maxsize=None)
def _zipf_frequency():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=None)
def _anyascii():
    from anyascii import anyascii

    return anyascii


@lru_cache(maxsize=400000)
def _zipf(word: str, lang: str) -> float:
    if lang not in wordfreq_languages():
        return 0.0
    try:
        return _zipf_frequency()(word, lang)
    except Exception:  # noqa: BLE001 - a language wordfreq cannot tokenise has no frequencies
        return 0.0


@lru_cache(maxsize=400000)
def skeletons(word: str) -> tuple[str, ...]:
    """A word's consonant classes, vowels and glides dropped, doubled letters once; j and c
    each read both ways scripts write them (ج for g, জ for z; a hard and a soft c)."""
    anyascii = _anyascii()
    # (dzh: the Cyrillic romanisation of the sound other scripts write j or g: Джузеппе = Giuseppe)
    # (an anusvara read as the nasal of the consonant after it, as the keys read it: ग्रांट = Grant)
    s = "".join(c for c in anyascii(key_source(word)).lower().replace("ph", "f").replace("x", "ks")
                .replace("dzh", "j") if c.isalpha())
    # (the four readings of j and c, each distinct one classed and its doubled letters made one:
    # a word without a j or a c has one reading of it)
    read = dict.fromkeys(s.replace("j", j).replace("c", c) for j in ("k", "s") for c in ("k", "s"))
    return tuple(dict.fromkeys("".join(map(itemgetter(0), groupby(t.translate(_SKELETON)))) for t in read))


def skeleton(word: str) -> str:
    return skeletons(word)[0]


@lru_cache(maxsize=400000)
def _skeletons_meet(name: str, word: str) -> bool:
    """Whether a paragraph word's skeleton may write the name word's: the name inside it,
    or within one edit of its start (two in a long name) after at most a clitic's letters."""
    n = len(name)
    if n < 2 or len(word) < max(2, n - 1):
        return False
    if name in word:
        return True
    if n <= 4:
        # a short skeleton meets too many words within an edit (Madrid, kemerdekaan): only its
        # last letter may be missing (Kavanaugh = كافانو), after at most a clitic's letters
        return n == 4 and any(word[a:a + 3] == name[:3] for a in range(3))
    limit = 1 if n < 8 else 2
    return any(Levenshtein.distance(name, word[a:a + m], score_cutoff=limit) <= limit
               for m in (n - 1, n, n + 1) for a in range(0, min(3, max(1, len(word) - m + 1))))


@lru_cache(maxsize=100000)
def _meet_pieces(name: str) -> tuple[str, ...]:
    """Parts of a name's skeleton of which a word's skeleton that ``_skeletons_meet`` it writes
    one at least, unchanged: the whole name (two or three letters), its first three letters
    (four), else the name cut into one part more than the edits the test allows (an edit
    changes one part at most, so another is written as it is). A paragraph whose skeletons
    hold none of them meets the name nowhere: one substring search instead of a test per word."""
    n = len(name)
    if n < 2:
        return ()
    if n <= 4:
        return (name,) if n < 4 else (name[:3],)
    if n < 8:  # (one edit: ``_skeletons_meet``'s limit)
        return (name[:n // 2], name[n // 2:])
    return (name[:n // 3], name[n // 3:2 * n // 3], name[2 * n // 3:])  # (two edits)


class Skeletons:
    """What ``near_anywhere`` and ``compound_head`` read of one list of ``word_keys`` (a link's
    words of one document), gathered once for the many name words asked about it: the
    distinct skeletons of its words, the first skeletons of two words in a row run together,
    and each word's first skeleton. The tests are the same over each distinct skeleton as
    over each word's."""

    __slots__ = ("_sk", "flat", "_joined", "_heads", "_text", "_joined_text", "memo")

    def __init__(self, words):
        # (the tests ask whether any skeleton meets, in any order; the run-together and the
        # first skeletons are built when first read: most name words meet a word's skeleton)
        self._sk = sk = list(map(skeletons, map(_TEXT, words)))
        self.flat = frozenset().union(*sk)
        self._joined = self._heads = self._text = self._joined_text = None
        self.memo: dict[str, bool] = {}

    @property
    def words(self) -> list[tuple[str, ...]]:
        """Each word's skeletons, in order."""
        return self._sk

    @property
    def joined(self) -> frozenset[str]:
        if self._joined is None:
            sk = self._sk
            self._joined = frozenset(a[0] + b[0] for a, b in zip(sk, sk[1:]))
        return self._joined

    @property
    def text(self) -> str:
        """The distinct skeletons in one string, apart (a substring of one is a substring of it)."""
        if self._text is None:
            self._text = "\x00".join(self.flat)
        return self._text

    @property
    def joined_text(self) -> str:
        """The run-together skeletons in one string, apart."""
        if self._joined_text is None:
            self._joined_text = "\x00".join(self.joined)
        return self._joined_text

    def may_meet(self, names: tuple[str, ...]) -> bool:
        """False when no skeleton here can ``_skeletons_meet`` any of ``names``."""
        text = self.text
        return any(p in text for ns in names for p in _meet_pieces(ns))

    @property
    def heads(self) -> frozenset[str]:
        if self._heads is None:
            self._heads = frozenset(xs[0] for xs in self._sk)
        return self._heads


def near_anywhere(w: str, words, table: Skeletons | None = None) -> bool:
    """Whether any word of ``words`` (``word_keys``) comes near the name word ``w`` by
    skeleton, or two of them run together write it (Bestwood = بيست وود). ``table``:
    ``Skeletons(words)``, when the caller asks about the same words again."""
    names = skeletons(w)
    if min(len(x) for x in names) < 2:
        return True  # nothing left to tell it by: never call it absent
    if table is None:
        table = words.skeletons if type(words) is LinkWords else Skeletons(words)
    got = table.memo.get(w)
    if got is None:
        # (``_skeletons_meet`` is false for a word shorter than the name's skeleton less a letter)
        # (a skeleton holds a part of the name first: most paragraphs hold none)
        got = table.memo[w] = (table.may_meet(names) and any(_skeletons_meet(ns, x) for ns in names
                                                             for x in table.flat if len(x) >= len(ns) - 1)) or \
            any(ns in table.joined_text for ns in names)
    return got


def near_keys(w: str, words) -> list[str]:
    """Phonetic keys of the words of ``words`` whose skeleton comes near the name word ``w``."""
    names = skeletons(w)
    if min(len(x) for x in names) < 3:
        return []
    if type(words) is LinkWords:  # each distinct skeleton of the link tested once
        table = words.skeletons
        if not table.may_meet(names):
            return []
        meet = {x for x in table.flat if any(_skeletons_meet(ns, x) for ns in names)}
        return [k for (_, _, _, ks), xs in zip(words, table.words) if not meet.isdisjoint(xs) for k in ks] \
            if meet else []
    return [k for _, _, t, ks in words if any(_skeletons_meet(ns, x) for ns in names for x in skeletons(t))
            for k in ks]


def _compound(w: "Word", words) -> bool:
    """A capitalised word that is the name word's first part, or the name word with more
    after it (Chuuköarna = Pulau Chuuk, Torypartiet = Tory): one name, compounded."""
    return any(t[:1].isupper() and len(k) >= 2 and (w.key.startswith(k) or k.startswith(w.key))
               for _, _, t, ks in words for k in ks)


def _keyed(keys: tuple[str, ...], words, lang: str) -> bool:
    """Whether a word of ``words`` has one of the name word's ``keys``, or one with an ending
    after it (ক্রেমলিনের), or the language's case ending glued on. (A ``LinkWords`` of
    ``lang`` answers from its ``Keyed`` table.)"""
    if type(words) is LinkWords and words.lang == lang:
        return words.keyed.has(keys)
    for _, _, t, ks in words:
        for k2 in ks:
            if any(k2 == k or (k2.startswith(k) and len(k2) - len(k) <= 4) for k in keys):
                return True
        if _stems(t, lang) and any(phonetic_key(x) in keys for x in _stems(t, lang)):
            return True
    return False


class Keyed:
    """``_keyed`` for many name words over the same ``words`` (a link's words of one
    document), gathered once: the words' keys sorted, so the keys that begin with a name
    word's key are one run found by bisection (a word's key with an ending of up to four
    letters after the name's), and the keys of the words' stems (a case ending glued on) as a
    set. Building it is one union of the words' key sets in C and one sort, not a set of every
    key's every head per word (a link is asked about five name words on average)."""

    __slots__ = ("word_keys", "keys", "stemmed")

    def __init__(self, words, lang: str):
        self.word_keys = frozenset().union(*map(_KEYS, words))
        self.keys = sorted(self.word_keys)
        self.stemmed = stem_keys(words, lang)

    def has(self, keys: tuple[str, ...]) -> bool:
        """``_keyed(keys, words, lang)``."""
        got = self.keys
        for k in keys:
            if k in self.stemmed:
                return True
            i = bisect_left(got, k)
            while i < len(got) and got[i].startswith(k):
                if len(got[i]) - len(k) <= 4:
                    return True
                i += 1
        return False


def lowered_near(lowered: list[str], keys) -> bool:
    """Whether a key of ``lowered`` (sorted) is one of ``keys``, or one of the long ones (four
    letters or more) with at most three letters after it: the strict vote's ``termlike`` test
    (``any(k == x or (len(x) >= 4 and k.startswith(x) and len(k) - len(x) <= 3) for x in keys
    for k in lowered)``), the keys that begin with ``x`` found as one run by bisection."""
    for x in keys:
        j = bisect_left(lowered, x)
        if j < len(lowered) and lowered[j] == x:
            return True
        if len(x) >= 4:
            while j < len(lowered) and lowered[j].startswith(x):
                if len(lowered[j]) - len(x) <= 3:
                    return True
                j += 1
    return False


def _same_word(w: "Word", k: str) -> bool:
    """A capitalised word of key ``k`` writes the name word ``w``: the same key, or one of them
    the other with an ending (Glasgows, Kavanaughs)."""
    return any(k == x or (len(x) >= 3 and (k.startswith(x) or x.startswith(k)) and abs(len(k) - len(x)) <= 2)
               for x in (w.key,) + w.stems)


def compound_head(w: "Word", words, table: Skeletons | None = None) -> bool:
    """A long compound's first part written as a word of its own (Trumporganisationens =
    ट्रंप संगठन): some word's skeleton begins the name word's."""
    ns = skeleton(w.text)
    if len(ns) < 8:
        return False
    if table is None and type(words) is LinkWords:
        table = words.skeletons
    heads = table.heads if table is not None else (skeleton(t) for _, _, t, _ in words)
    return any(len(x) >= 4 and ns.startswith(x) for x in heads)


class LinkWords(list):
    """One document's words of one link (a list of ``word_keys`` entries) with the tables the
    strict vote's presence tests read of them (``Keyed``, ``match.WordTable``, ``Skeletons``),
    each built once, when first asked. ``_keyed``, ``near_anywhere``, ``compound_head`` and
    ``match.writes_word`` read these tables when given a ``LinkWords``: the strict vote asks
    about one link's words for name word after name word (and, for the names one translation
    adds, for each of its paragraph's words), each a scan of the link's words without them."""

    __slots__ = ("lang", "_keyed", "_table", "_skeletons")

    def __init__(self, words, lang: str):
        super().__init__(words)
        self.lang = lang
        self._keyed = self._table = self._skeletons = None

    @property
    def words(self) -> "LinkWords":
        return self

    @property
    def keyed(self) -> "Keyed":
        if self._keyed is None:
            self._keyed = Keyed(self, self.lang)
        return self._keyed

    @property
    def table(self) -> WordTable:
        if self._table is None:
            keyed = self.keyed
            self._table = WordTable(self, self.lang, keyed.word_keys | keyed.stemmed)
        return self._table

    @property
    def skeletons(self) -> Skeletons:
        if self._skeletons is None:
            self._skeletons = Skeletons(self)
        return self._skeletons


@lru_cache(maxsize=None)
def calendar_words(lang: str) -> frozenset[str]:
    """Month, weekday and language names of ``lang`` (CLDR): capitalised words, not names."""
    from babel import Locale

    try:
        loc = Locale.parse(lang)
    except Exception:  # noqa: BLE001 - a language CLDR lacks has none
        return frozenset()
    out = set()
    for table in (loc.days, loc.months):
        for context in table.values():
            for width in context.values():
                out.update(fold(x) for x in width.values())
    out.update(fold(x) for x in loc.languages.values())
    return frozenset(w for x in out for w in x.split())


@lru_cache(maxsize=None)
def _regions(lang: str) -> tuple[str, ...]:
    """Every one-word CLDR territory and region name of ``lang`` (Europa, Afrika), folded."""
    from ...languages import babel_locale

    loc = babel_locale(lang)
    names = set(territory_names(lang)) | ({fold(n) for n in loc.territories.values()} if loc else set())
    return tuple(sorted(n for n in names if " " not in n and len(n) >= 5))


@lru_cache(maxsize=None)
def _territory_prefixes(lang: str) -> frozenset[str]:
    """The first four letters of each one-word CLDR territory name of ``lang``."""
    return frozenset(n[:4] for n in _regions(lang))


@lru_cache(maxsize=400000)
def _territory_stem(word: str, lang: str) -> bool:
    """A word derived from a territory's name (Europeiska from Europa, britterna): its first
    four letters begin a territory's name and it is no longer than that name and an ending."""
    f = fold(word)
    if len(f) < 5 or f[:4] not in _territory_prefixes(lang):
        return False
    return any(len(f) <= len(n) + 6 and f.startswith(n[:max(4, len(n) - 2)]) for n in _regions(lang))


def _common_loan(word: str) -> bool:
    """A word common in the loanword language (Institution, Center): part of a name that
    translations translate while they keep its rarer words."""
    data = load_data("names.yaml")
    return _zipf(fold(word), data["loanword_language"]) >= float(data["phrase_zipf"])


def _phrase_word(word: str) -> bool:
    """A word as common as a phrase's in the language cased translations keep titles in
    (``names.yaml: loanword_language``): Network, Committee, Monitor."""
    data = load_data("names.yaml")
    return _zipf(fold(word), data["loanword_language"]) >= float(data["phrase_zipf"])


@lru_cache(maxsize=400000)
def rare(word: str, lang: str) -> bool:
    """Rarer in ``lang`` than its common words (wordfreq): names, not titles or institutions.
    (Once per distinct (word, language): the strict vote asks it of every word of a paragraph
    for each link the paragraph is in.)"""
    return _zipf(fold(word), lang) < _limit()


@dataclass(frozen=True)
class Word:
    paragraph: int
    start: int
    end: int
    text: str
    key: str
    stems: tuple[str, ...] = ()  # keys of the word without a case ending (Kavanaughs, Glasgows)


def _lower_vocab(view: NameView) -> frozenset[str]:
    return frozenset(map(fold, [t for words in view.words for _, _, t, _ in words if t[:1].islower()]))


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \u00a0'‘’-–—")
    return not before or before[-1] in BEFORE_SENTENCE_START


def _loanword(word: str, langs: tuple[str, ...]) -> bool:
    """A word of the loanword language (a title kept in English: Discs, Committee) far more
    common there than in any of ``langs``, the batch's cased languages; a name is about as
    frequent in every language's news (Kavanaugh, Jinping)."""
    data = load_data("names.yaml")
    f = fold(word)
    there = _zipf(f, data["loanword_language"])
    return there >= float(data["loanword_zipf"]) and \
        there - max((_zipf(f, x) for x in langs), default=0.0) >= float(data["loanword_gap"])


@lru_cache(maxsize=400000)
def name_like(t: str, lang: str, langs: tuple[str, ...]) -> bool:
    """A capitalised word of ``lang`` that is a name by its frequencies: rare in its language,
    no month, weekday or language name, no title kept in the loanword language."""
    return rare(t, lang) and fold(t) not in calendar_words(lang) and not _loanword(t, langs)


def _mid_capitals(view: NameView) -> frozenset[str]:
    """Words a cased document capitalises inside a sentence somewhere (fold)."""
    out = set()
    for i, words in enumerate(view.words):
        text = view.doc.paragraphs[i].text
        for s, _, t, _ in words:
            if t[:1].isupper() and not _sentence_start(text, s):
                out.add(fold(t))
    return frozenset(out)


def _cased_name_words(view: NameView, i: int, lower: frozenset[str],
                      langs: tuple[str, ...], mid: frozenset[str] = frozenset()) -> list[tuple[Mention, list[Word]]]:
    """The mentions of paragraph ``i`` of a cased document with their name words."""
    text = view.doc.paragraphs[i].text
    lang = view.doc.language
    out = []
    for m in view.mentions(i):
        if m.units[0][0].startswith("g:"):
            continue
        words = []
        for s, e, t in tokens(m.surface):
            s, e = s + m.start, e + m.start
            if len(t) < 3 or any(c.isdigit() for c in t) or not t[:1].isupper() or t.isupper():
                continue  # short, a code, lower case or an acronym (CDC: expanded as often as kept)
            if (_sentence_start(text, s) and fold(t) not in mid) or fold(t) in lower or not name_like(t, lang, langs):
                continue
            if territories(t, lang) or _territory_stem(t, lang):
                continue  # a country or region (Storbritannien, Turkiets, Europeiska): country-mismatch's
            k = phonetic_key(t)
            if len(k) >= 3:
                stems = tuple(x for x in dict.fromkeys(phonetic_key(st) for st in _stems(t, lang)) if len(x) >= 3)
                words.append(Word(i, s, e, t, k, stems))
        if words:
            out.append((m, words))
    return out
