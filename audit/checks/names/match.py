"""Whether a translation writes a name in a form the exact phonetic keys miss.

A name dropped by a translator leaves nothing like it behind; a name that is
merely written another way leaves a near miss. Before a translation is said to
lack a name, its paragraph is searched for one:

- the same consonant skeleton within an edit or two, with an inflection after it,
  glued into a compound (Europakaptenen) or with the first letter written another way
  (Washington = वाशिंगटन, Ballesteros = بايستيروس, Rosenstein = रोसेंटीन);
- a looser key where scripts disagree on voicing, on labials and on a soft c
  (Kavanaugh = ক্যাভানা, Pence = پینس);
- the name's words run together, or one word split in two (Hong Kong = হংকং,
  Bestwood = بيست وود);
- the same country or territory under its CLDR name in the translation's language
  (Germany = Tyskland = ألمانيا), found with the clitics of ``audit/data/numbers*``.

Every step only ever says "present": it can make the tool abstain, never report.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from ...languages import wordfreq_languages
from ...extract.labels import territory_names
from ...extract.text import MEMO_LIMIT, fold, load_data, phonetic_key, remember, tokens, translit

_SOFT_C = re.compile(r"c(?=[eiy])")
_TEXT, _KEYS = itemgetter(2), itemgetter(3)  # of a ``word_keys`` entry (start, end, word, keys)
# after the phonetic classes: voicing of dentals, labials (b/f/p/v are one class) and
# glides are what scripts most often disagree on
_LOOSE = str.maketrans({"d": "t", "b": None})


@lru_cache(maxsize=200000)
def loose_key(word: str) -> str:
    """A looser key than ``phonetic_key``: a soft c is s, dentals unvoiced, labials dropped."""
    return phonetic_key(_SOFT_C.sub("s", translit(word))).translate(_LOOSE)


@lru_cache(maxsize=400000)
def keys_meet(k: str, w: str) -> bool:
    """Whether a paragraph word's key ``w`` may write the name word's key ``k``."""
    if not k or not w:
        return False
    if w.startswith(k):
        return True  # an inflection after the name (ক্রেমলিনের)
    n = len(k)
    if n >= 4 and k in w:
        return True  # a compound or a glued clitic (Europakaptenen, وواشنطن)
    if k.startswith(w) and len(w) >= max(2, n - 1):
        return True  # a silent last letter (Chequers = चेकर)
    if n >= 4 and len(w) >= 4:
        shared = 0
        while shared < min(n, len(w)) and k[shared] == w[shared]:
            shared += 1
        if shared >= max(4, 0.6 * min(n, len(w))):
            return True  # a derived form (Uzbekistan = uzbekisk)
    if n >= 4:
        # two edits in a longer name that starts alike (Consumer = कन्ज़्यूमर्स), else one
        limit = 2 if n >= 7 or (n >= 5 and k[0] == w[0]) else 1
        return any(Levenshtein.distance(k, t, score_cutoff=limit) <= limit for t in {w, w[:n], w[:n + 1]})
    return False


@lru_cache(maxsize=None)
def _data() -> dict:
    return load_data("names.yaml")


@lru_cache(maxsize=None)
def _suffixes(lang: str) -> tuple[str, ...]:
    return tuple(fold(x) for x in _data()["suffixes"].get(lang) or ())


def by_meaning(script: str) -> bool:
    """Whether ``script`` writes foreign names by meaning (Chinese characters)."""
    return script in _data()["by_meaning_scripts"]


@lru_cache(maxsize=200000)
def _stems(word: str, lang: str) -> tuple[str, ...]:
    """The word without one of the language's glued case endings, when two letters are left."""
    f = fold(word)
    return tuple(f[:-len(x)] for x in _suffixes(lang) if f.endswith(x) and len(f) - len(x) >= 2)


# (word, its keys, language) -> (exact keys, loose keys): a batch's vocabulary is far
# smaller than the words ``written`` reads, so each distinct word is keyed once per process
_WORD_FORMS: dict[tuple[str, frozenset[str], str], tuple[frozenset[str], frozenset[str]]] = {}


def _word_keys(words, lang: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per word, its exact and loose keys (with and without a clitic or a case ending)."""
    out = []
    known = _WORD_FORMS
    for _s, _e, t, ks in words:
        got = known.get((t, ks, lang))
        if got is None:
            stems = _stems(t, lang)
            got = remember(known, (t, ks, lang), (frozenset(ks) | {phonetic_key(x) for x in stems},
                                                  frozenset({loose_key(t)} | {loose_key(x) for x in stems})))
        out.append(got)
    return out


@lru_cache(maxsize=200000)
def common_word(word: str, lang: str, kind: str) -> bool:
    """A word this frequent in ``lang`` (wordfreq) is a word first: a title, an institution;
    ``kind`` names the limit in ``names.yaml``."""
    limits = _data()["common_zipf"]
    if lang not in wordfreq_languages():
        return False
    try:
        from wordfreq import zipf_frequency

        z = zipf_frequency(word, lang)
    except Exception:  # noqa: BLE001 - a language wordfreq cannot tokenise has no frequencies
        return False
    return z >= limits[kind]




# language -> word -> the keys of its stems: each distinct word's once per process
_STEM_KEYS: dict[str, dict[str, frozenset[str]]] = {}


def stem_keys(words, lang: str) -> frozenset[str]:
    """The keys of ``words``' stems (each less a glued case ending of ``lang``)."""
    if not _suffixes(lang):
        return frozenset()
    known = _STEM_KEYS.get(lang)
    if known is None or len(known) >= MEMO_LIMIT:  # bounded as ``text.remember``'s memos are
        known = _STEM_KEYS[lang] = {}
    texts = set(map(_TEXT, words))
    for t in texts.difference(known):
        known[t] = frozenset(phonetic_key(x) for x in _stems(t, lang))
    return frozenset().union(*map(known.__getitem__, texts))


def _exact_keys(words, lang: str) -> list[frozenset[str]]:
    """Per word, its exact keys (with and without a clitic or a case ending): the first of
    ``_word_keys``' pair, without working out the loose keys."""
    if not _suffixes(lang):
        return list(map(_KEYS, words))
    stem_keys(words, lang)  # (each word's stems' keys in the memo)
    known = _STEM_KEYS[lang]
    return [ks | known[t] for _, _, t, ks in words]


class WordTable:
    """What ``written`` reads of one list of ``word_keys`` (a link's words of one document),
    gathered once for the many name words asked about it: the distinct exact keys, the
    distinct loose keys of two letters or more, and the keys of two words in a row run
    together. ``written``'s tests are the same over each distinct key as over each word's,
    in any order. The exact keys are one union of the words' key sets; the other two are
    built when first read (``near`` reads them only when no exact key meets, in about half
    the tables). ``exact``: the words' keys and their stems' keys, when the caller has them."""

    __slots__ = ("_words", "_lang", "exact", "_per", "_loose", "_joined", "near_memo")

    def __init__(self, words, lang: str, exact: frozenset[str] | None = None):
        self._words, self._lang = words, lang
        self.exact = exact if exact is not None else \
            frozenset().union(*map(_KEYS, words)) | stem_keys(words, lang)
        self._per = self._loose = self._joined = None
        self.near_memo: dict[tuple[str, str], bool] = {}

    def _per_word(self) -> list[tuple[frozenset[str], frozenset[str]]]:
        if self._per is None:
            self._per = _word_keys(self._words, self._lang)
        return self._per

    @property
    def joined(self) -> frozenset[str]:
        """The exact keys of two words in a row run together (one word split in two)."""
        if self._joined is None:
            # (each word's exact keys only: the loose keys are worked out when ``loose`` is read)
            exact = [e for e, _ in self._per] if self._per is not None else _exact_keys(self._words, self._lang)
            self._joined = frozenset(a + b for x, y in zip(exact, exact[1:]) for a in x for b in y)
        return self._joined

    @property
    def loose(self) -> frozenset[str]:
        if self._loose is None:
            self._loose = frozenset(w for _, ws in self._per_word() for w in ws if len(w) >= 2)
        return self._loose

    def near(self, k: str, lk: str) -> bool:
        got = self.near_memo.get((k, lk))
        if got is None:
            got = self.near_memo[(k, lk)] = any(keys_meet(k, w) for w in self.exact) or \
                any(keys_meet(k, w) for w in self.joined) or \
                (len(lk) >= 3 and any(keys_meet(lk, w) for w in self.loose))
        return got


def written(name_keys: list[tuple[str, str]], words, required: frozenset[str] | None = None,
            lang: str = "", table: WordTable | None = None) -> bool:
    """Whether ``words`` (a paragraph's ``word_keys``) write the name whose words have
    (exact key, loose key) ``name_keys``: every ``required`` word near some word here
    (without any required, any word of three or more letters), or the name's words run
    together in one word or two. ``table``: ``WordTable(words, lang)``, when the caller
    asks about the same words again."""
    if not words:
        return False
    if table is None:
        table = WordTable(words, lang)
    near = table.near
    whole = "".join(k for k, _ in name_keys)
    if required:  # the words this translation writes elsewhere: each must be here
        wanted = [(k, lk) for k, lk in name_keys if k in required]
        if wanted and all(near(k, lk) for k, lk in wanted):
            return True
    else:  # words it never writes: it translates them, and any other long word of the name will do
        if any(near(k, lk) for k, lk in name_keys if len(k) >= 3):
            return True
    # short words (Cao Bang, Ha Long): only the whole name, run together or as written
    return len(name_keys) > 1 and len(whole) >= 3 and any(
        w.startswith(whole) or (len(whole) >= 4 and keys_meet(whole, w)) for w in (*table.joined, *table.exact))


def writes_word(key: str, words, lang: str, table: WordTable | None = None) -> bool:
    """Whether ``words`` write the single name word of phonetic key ``key`` near enough."""
    if len(key) < 3:
        return any(key in ks for *_, ks in words)
    return written([(key, key.translate(_LOOSE))], words, frozenset({key}), lang, table)


def name_keys(surface: str) -> list[tuple[str, str]]:
    return [(phonetic_key(t), loose_key(t)) for _, _, t in tokens(surface) if not any(c.isdigit() for c in t)]


@lru_cache(maxsize=None)
def _territory_keys(lang: str) -> dict[tuple[str, ...], str]:
    """Phonetic keys of each CLDR territory name of ``lang`` -> ISO code."""
    out: dict[tuple[str, ...], str] = {}
    for name, code in list(territory_names(lang).items()) + _pycountry_names(lang):
        keys = tuple(phonetic_key(t) for _, _, t in tokens(name))
        if keys and len("".join(keys)) >= 3:
            out.setdefault(keys, code)
    return out


def _pycountry_names(lang: str) -> list[tuple[str, str]]:
    """Country names of ISO 3166 in ``lang`` from pycountry's translations (names CLDR
    does not give: انگلستان, Förenade kungariket), when pycountry is installed."""
    try:
        import gettext

        import pycountry

        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except (ImportError, OSError):
        return []
    out = []
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                local = tr.gettext(name)
                if local != name:
                    out.append((local, c.alpha_2))
    return out


def territories(surface: str, lang: str) -> set[str]:
    """ISO codes of the CLDR territory names ``surface`` writes (a word or a few, a
    clitic before them allowed)."""
    return set(_territories(surface, lang))


# the strict vote asks about every capitalised word of a cased translation's names, and
# about the same words again in each of their links: once per distinct (words, language)
@lru_cache(maxsize=200000)
def _territories(surface: str, lang: str) -> frozenset[str]:
    from ...extract.labels import country_code

    words = [t for _, _, t in tokens(surface)]
    out = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            code = country_code(" ".join(words[i:i + size]), lang)
            if code:
                out.add(code)
    return frozenset(out)


def writes_territory(words, lang: str, codes: set[str]) -> bool:
    """Whether a paragraph's ``word_keys`` write one of the territories ``codes`` by its
    CLDR name in ``lang``: each word of the name a prefix of the paragraph's word keys
    in a row (inflections after it: Германии, জার্মানীকে, Tysklands)."""
    if not codes:
        return False
    table = _territory_keys(lang)
    wanted = [keys for keys, code in table.items() if code in codes]
    seq = [ks for *_, ks in words]
    for keys in wanted:
        n = len(keys)
        for i in range(len(seq) - n + 1):
            if all(any(_inflected(w, k) for w in seq[i + j]) for j, k in enumerate(keys)):
                return True
    return False



def _inflected(w: str, k: str) -> bool:
    """``w`` is ``k`` with at most an ending after it (one letter after a short key:
    ألمانيا is not المنطقة)."""
    return w.startswith(k) and len(w) - len(k) <= (1 if len(k) <= 3 else 3)
