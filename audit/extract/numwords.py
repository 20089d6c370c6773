"""Number-word lexicons per language, built once per process.

Cardinals and ordinals come from num2words wherever it knows the language;
data files under ``audit/data/numbers`` add what no library has (Hindi and
Urdu words, Arabic feminine and accusative forms, approximation and range
words, magnitudes such as lakh and crore).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..languages import writes_ideographic_numerals
from .morphology import clitics, elided
from .text import fold, load_data, tokens

_MAGNITUDES = (100, 1000, 10**6, 10**9, 10**12)


class Hit(NamedTuple):
    """What the lexicon knows of a word: a number word, a magnitude or a connector."""

    kind: str  # num, mag (hundred, lakh, 万), conn (and, و)
    value: int
    ordinal: bool


@dataclass(eq=False)  # hashed by identity: one lexicon per language per process
class NumberLexicon:
    lang: str
    words: dict[str, tuple[int, bool]] = field(default_factory=dict)  # folded -> (value, ordinal)
    magnitudes: dict[str, int] = field(default_factory=dict)
    small_magnitudes: frozenset[int] = frozenset({100})
    connectors: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    ignore: frozenset[str] = frozenset()
    approx: tuple[tuple[str, ...], ...] = ()
    approx_after: tuple[tuple[str, ...], ...] = ()
    half: tuple[tuple[str, ...], ...] = ()  # half a (million): halves the magnitude after it
    range_words: frozenset[str] = frozenset()
    joined_words: frozenset[str] = frozenset()  # 14 and 22 million: the magnitude is both numbers'
    percent: tuple[tuple[str, ...], ...] = ()
    ordinal_suffix: tuple[str, ...] = ()
    ordinal_prefix: tuple[str, ...] = ()
    classifiers: tuple[str, ...] = ()
    case_endings: tuple[str, ...] = ()  # মিলিয়নের: a magnitude or number word with a case ending
    ordinal_word_suffix: tuple[str, ...] = ()
    phrases: dict[tuple[str, ...], tuple[int, bool]] = field(default_factory=dict)  # quatre vingt dix -> 90
    max_phrase: int = 0
    phrase_heads: frozenset[str] = frozenset()  # the first words of ``phrases``
    bare: set[str] = field(default_factory=set)
    # words after which a bare magnitude is not one of it (a fraction, "per"); "x-" is a beginning
    bare_not_after: tuple[str, ...] = ()
    fractions: tuple[tuple[float, tuple[tuple[str, ...], ...]], ...] = ()  # полтора (миллиона): 1.5 times it
    plus_half: tuple[tuple[str, ...], ...] = ()  # два с половиной миллиона, two and a half million: N.5 times it
    plus_half_after: tuple[tuple[str, ...], ...] = ()  # dos millones y medio: the magnitude's half added
    count_offsets: tuple[tuple[float, tuple[tuple[str, ...], ...]], ...] = ()  # साढ़े तीन: 3.5, पौने दो: 1.75
    glued: bool = False  # numerals are written as one word (tvåhundrafemtio); elsewhere دوباره is "again", not 2+12
    teen_words: bool = False  # 11-19 are words of their own (thirteen, तेरह), not "three ten"
    stems: dict[str, int] = field(default_factory=dict)  # inflected forms start so (трёх, пятью): presence only
    magnitudes_before: dict[str, int] = field(default_factory=dict)  # Swahili elfu 52 = 52,000
    date_units: dict[str, str] = field(default_factory=dict)  # year/month/day -> 年/月/日  # magnitude words that alone are a number (mille)
    year_words: frozenset[str] = frozenset()  # words for "year" between a month and its year beyond CLDR's unit name
    # the words (folded; as written where CJK numerals are read) in which numbers.py's word
    # pass finds something, and those it finds nothing in: each distinct word is tested
    # once per process, a batch's vocabulary being far smaller than its tokens
    active_words: set[str] = field(default_factory=set, repr=False)
    inert_words: set[str] = field(default_factory=set, repr=False)

    def lookup(self, token: str) -> Hit | None:
        """('num'|'mag'|'conn', value, ordinal) for a word, trying clitics and compounds."""
        return self._lookup(fold(token))

    def lookup_folded(self, word: str) -> Hit | None:
        """``lookup`` of a word already folded (``text.folded_words``)."""
        return self._lookup(word)

    @lru_cache(maxsize=65536)  # noqa: B019 - lexicons live for the whole process
    def _lookup(self, word: str) -> Hit | None:
        for candidate in self._unclitic(word):
            hit = self._direct(candidate)
            if hit:
                return hit
        if self.glued and len(word) >= 6 and not any(ch.isdigit() for ch in word):
            return self._compound(word)
        return None

    def _unclitic(self, word: str):
        yield word
        tail = elided(word, self.lang)  # d'un million, l'une: the word after an elided article
        if tail:
            yield tail
        for p in self.prefixes:
            if word.startswith(p) and len(word) > len(p) + 1:
                yield word[len(p):]
        for c in self.classifiers + self.case_endings:
            if word.endswith(c) and len(word) > len(c) + 1:
                yield word[: -len(c)]

    def ignored(self, word: str) -> bool:
        """Whether a folded word is one too ambiguous to count alone (un, d'un: an article), or
        the word for one after an elided article (l'uno, l'un: "the one", "each"), which alone is
        a pronoun, not a count."""
        if word in self.ignore:
            return True
        tail = elided(word, self.lang)
        if tail is None:
            return False
        return tail in self.ignore or self.words.get(tail, (None,))[0] == 1

    def blocks_bare(self, word: str | None) -> bool:
        """Whether a bare magnitude after the folded ``word`` is not one of it: a number word,
        digits, a fraction or a "per" word (numbers.yaml bare_not_after) qualifies it."""
        if not word:
            return False
        if any(ch.isdigit() for ch in word) or word in self.words or any(word.startswith(s) for s in self.stems):
            return True
        return any(word.startswith(b[:-1]) if b.endswith("-") else word == b for b in self.bare_not_after)

    def _direct(self, word: str) -> Hit | None:
        if word in self.words:
            value, ordinal = self.words[word]
            return Hit("num", value, ordinal)
        if word in self.magnitudes:
            return Hit("mag", self.magnitudes[word], False)
        if word in self.connectors:
            return Hit("conn", 0, False)
        for suffix in self.ordinal_word_suffix:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and stem in self.words:
                return Hit("num", self.words[stem][0], True)
        return None

    def _compound(self, word: str) -> Hit | None:
        """Split a glued numeral (tvåhundrafemtio, dreihundertneunundsechzig) into known parts."""
        atoms = self._atoms()
        parts = _segment(word, atoms, self._longest_atom())
        if not parts or len(parts) < 2:
            return None
        items = [self._direct(p) for p in parts]
        value = combine([(h.kind, h.value) for h in items if h.kind != "conn"], self.small_magnitudes)
        if value is None:
            return None
        return Hit("num", value, items[-1].ordinal)

    @lru_cache(maxsize=1)  # noqa: B019
    def _atoms(self) -> frozenset[str]:
        return frozenset(w for w in (*self.words, *self.magnitudes, *self.connectors) if len(w) >= 2)

    @lru_cache(maxsize=1)  # noqa: B019
    def _longest_atom(self) -> int:
        return max(map(len, self._atoms()), default=0)


def _segment(word: str, atoms: frozenset[str], longest: int) -> list[str] | None:
    """Split ``word`` into known atoms, preferring the longest atom at each position.

    Right-to-left DP with back-pointers: each position tries at most ``longest``
    piece lengths, so the cost is linear in the word (a 150,000-letter run of
    "hahaha..." or unspaced CJK text must not stall extraction).
    """
    n = len(word)
    nxt: list[int] = [-1] * (n + 1)  # end of the first piece of a split of word[i:], or -1
    nxt[n] = n
    for i in range(n - 1, -1, -1):
        for j in range(min(n, i + longest), i + 1, -1):
            if nxt[j] != -1 and word[i:j] in atoms:
                nxt[i] = j
                break
    if nxt[0] == -1:
        return None
    parts, i = [], 0
    while i < n:
        parts.append(word[i:nxt[i]])
        i = nxt[i]
    return parts


def combine(items: list[tuple[str, int]], small: frozenset[int] = frozenset({100})) -> int | None:
    """Value of a spelled-out number from its parts: ('num', 5), ('mag', 100), ...

    A small magnitude (hundred; 十, 百, 千 in East Asian numerals) multiplies the
    digit just before it; a large one (thousand, lakh, 万) multiplies everything
    since the previous large one: 二千二十五 = 2025, five hundred twenty-three
    thousand = 523000.
    """
    total, section, digit, last_mag = 0, 0, 0, None
    for kind, value in items:
        if kind == "num":
            digit += value
        elif value in small:
            # a digit as large as the magnitude is added, not multiplied: ألفان و مائة = 2100
            section += digit + value if digit >= value else (digit or 1) * value
            digit = 0
        else:
            if last_mag is not None and value >= last_mag and not (section or digit):
                return None  # "thousand thousand": reduplication means "thousands", not a number
            total += (section + digit or 1) * value
            section, digit, last_mag = 0, 0, value
    return total + section + digit


def with_clitic(table: dict, key: str, lang: str):
    """``table[key]``, or the entry of ``key`` without one of the language's clitic
    prefixes (بفبراير, والصين); None when neither is there."""
    if key in table:
        return table[key]
    for p in clitics(lang):
        if key.startswith(p) and key[len(p):] in table:
            return table[key[len(p):]]
    return None


@lru_cache(maxsize=None)
def lexicon(lang: str) -> NumberLexicon:
    data = load_data("numbers.yaml")
    spec = {**data["default"], **data.get(lang, {})}
    lex = NumberLexicon(lang)
    _from_num2words(lex, spec.get("num2words", lang))
    if "words_file" in spec:
        extra = load_data(spec["words_file"])
        for w, v in extra.get("words", {}).items():
            lex.words[fold(w)] = (int(v), False)
        for w, v in extra.get("ordinals", {}).items():
            lex.words[fold(w)] = (int(v), True)
    for w, v in spec.get("words", {}).items():
        lex.words[fold(w)] = (int(v), False)
    for source in (spec, extra if "words_file" in spec else {}):
        for v, forms in source.get("stems", {}).items():
            lex.stems.update({fold(f): int(v) for f in forms})
        lex.magnitudes_before.update({fold(w): int(v) for w, v in source.get("magnitudes_before", {}).items()})
    for w, v in spec.get("ordinals", {}).items():
        lex.words[fold(w)] = (int(v), True)
    lex.magnitudes.update({fold(w): int(v) for w, v in spec["magnitudes"].items()})
    for w in lex.magnitudes:
        lex.words.pop(w, None)
    code = spec.get("num2words", lang)
    for m in _MAGNITUDES[1:]:
        words = _say(code, m)
        if len(words) == 1 and lex.magnitudes.get(words[0]) == m:
            lex.bare.add(words[0])  # mille, ألف, 千: the magnitude alone is the number
    lex.bare.update(fold(w) for w in spec.get("bare_magnitudes", ()) if fold(w) in lex.magnitudes)
    lex.bare_not_after = tuple(fold(w) for w in spec.get("bare_not_after", ()))
    if spec.get("small_magnitudes"):
        lex.small_magnitudes = frozenset(spec["small_magnitudes"])
    elif writes_ideographic_numerals(lang):
        lex.small_magnitudes = frozenset({10, 100, 1000})
    lex.date_units = dict(spec.get("date_units", {}))
    lex.year_words = frozenset(fold(w) for w in spec.get("year_words", ()))
    lex.teen_words = any(v == 13 for v, _ in lex.words.values())
    lex.glued = bool(spec.get("glued_numerals", False))
    for ending, forms in spec.get("ordinal_forms", {}).items():  # cuarta, terceira: feminine and plural ordinals
        for word, (value, ordinal) in list(lex.words.items()):
            if ordinal and word.endswith(ending):
                for form in forms:
                    lex.words.setdefault(word[: -len(ending)] + form, (value, True))
    lex.connectors = frozenset(fold(w) for w in spec["connectors"])
    lex.prefixes = clitics(lang)  # audit/data/morphology.yaml
    lex.ignore = frozenset(fold(w) for w in spec["ignore_words"])
    lex.approx = _phrases(spec["approx"])
    lex.approx_after = _phrases(spec["approx_after"])
    lex.half = _phrases(spec.get("half", []))
    lex.plus_half = _phrases(spec.get("plus_half", []))
    lex.plus_half_after = _phrases(spec.get("plus_half_after", []))
    by_factor: dict[float, list[str]] = {}
    for w, f in spec.get("fractions", {}).items():
        by_factor.setdefault(float(f), []).append(w)
    lex.fractions = tuple((f, _phrases(ws)) for f, ws in sorted(by_factor.items()))
    by_offset: dict[float, list[str]] = {}
    for w, f in spec.get("count_offsets", {}).items():
        by_offset.setdefault(float(f), []).append(w)
    lex.count_offsets = tuple((f, _phrases(ws)) for f, ws in sorted(by_offset.items()))
    for phrase in lex.half:  # полмиллиона, halvmiljon: a word for one half glued to the magnitude
        if len(phrase) == 1:
            for w, v in lex.magnitudes.items():
                if v >= 1000:
                    lex.words.setdefault(phrase[0] + w, (v // 2, False))
    lex.range_words = frozenset(fold(w) for w in spec["range"])
    lex.joined_words = frozenset(fold(w) for w in spec["joined"])
    lex.percent = _phrases(spec["percent"])
    lex.ordinal_suffix = tuple(sorted((fold(s) for s in spec["ordinal_suffix"]), key=len, reverse=True))
    lex.ordinal_prefix = tuple(sorted((fold(s) for s in spec["ordinal_prefix"]), key=len, reverse=True))
    lex.classifiers = tuple(fold(s) for s in spec.get("classifiers", []))
    lex.case_endings = tuple(sorted((fold(s) for s in spec.get("case_endings", [])), key=len, reverse=True))
    lex.ordinal_word_suffix = tuple(fold(s) for s in spec.get("ordinal_word_suffix", []))
    return lex


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    out = []
    for item in items:
        toks = tuple(fold(t) for _, _, t in tokens(item)) or (item,)
        out.append(toks)
    return tuple(sorted(out, key=len, reverse=True))


def _say(code: str, n: int, to: str = "cardinal") -> list[str]:
    """num2words' words for n, folded; [] where it has none."""
    from num2words import num2words

    try:
        return [fold(t) for _, _, t in tokens(num2words(n, lang=code, to=to))]
    except Exception:  # num2words raises assorted errors for unsupported forms
        return []


def _from_num2words(lex: NumberLexicon, code: str) -> None:
    from num2words import CONVERTER_CLASSES

    if code not in CONVERTER_CLASSES:
        return

    def say(n: int, to: str = "cardinal") -> list[str]:
        return _say(code, n, to)

    for n in range(0, 1000):
        words = say(n)
        if len(words) == 1:
            lex.words.setdefault(words[0], (n, False))
        elif words:
            lex.phrases.setdefault(tuple(words), (n, False))  # soixante dix sept, ciento uno
    for n in range(1, 101):
        words = say(n, "ordinal")
        if len(words) == 1 and words[0] not in lex.words:
            lex.words[words[0]] = (n, True)
        elif len(words) > 1:
            lex.phrases.setdefault(tuple(words), (n, True))
            if n < 100 and n % 10 and words[-1] not in lex.words:
                head = say(n - n % 10)
                if len(head) == 1 and words[:-1] == head:
                    lex.words[words[-1]] = (n % 10, True)
    for m in _MAGNITUDES:
        for k in (1, 2, 3):
            words = say(k * m)
            if not words:
                continue
            last = words[-1]
            if len(words) == 1:
                # glued (zweihundert, tvåhundra): the magnitude is what follows the word for k
                head = say(k)
                if not head or not last.startswith(head[0]) or len(last) <= len(head[0]):
                    continue
                last = last[len(head[0]):]
            if last not in lex.words or lex.words[last][0] == m:
                lex.magnitudes.setdefault(last, m)
    for m in _MAGNITUDES[1:]:
        words = say(m)  # eintausend, одна тысяча: what precedes the magnitude is a word for one
        for k in range(1, 10):  # две тысячи: the form a digit word takes before a magnitude
            kw = say(k * m)
            if len(kw) == 2 and lex.magnitudes.get(kw[1]) == m:
                lex.words.setdefault(kw[0], (k, False))
        if len(words) == 1:
            for mag, value in lex.magnitudes.items():
                if value == m and words[0].endswith(mag) and len(words[0]) > len(mag):
                    lex.words.setdefault(words[0][: -len(mag)], (1, False))
    for phrase in list(lex.phrases):
        if len(phrase) == 1 or any(w in lex.magnitudes and lex.magnitudes[w] >= 1000 for w in phrase):
            del lex.phrases[phrase]  # large magnitudes combine at reading time
    lex.max_phrase = max(map(len, lex.phrases), default=0)
    lex.phrase_heads = frozenset(phrase[0] for phrase in lex.phrases)
