"""Tokens, folding and transliteration keys shared by the extractors."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import itemgetter

import regex

# A word: letters with their combining marks (Indic vowel signs are marks), digits.
TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*")
_SPLIT = regex.compile(f"({TOKEN.pattern})")  # split() on it alternates gaps and words


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word. Every extractor asks, and the checks ask again for a
    group's paragraphs, so the texts of about a group's worth of paragraphs are remembered."""
    return list(_tokens(text))


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    # one split() gives gaps and words alternately; their running lengths are the offsets,
    # so no Match object is made and no Python code runs per word
    parts = _SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    return tuple(zip(ends[0::2], ends[1::2], parts[1::2]))


_WORD = itemgetter(2)  # the word of a (start, end, word) token


@lru_cache(maxsize=2048)
def folded_words(text: str) -> tuple[str, ...]:
    """``fold`` of every word of ``tokens(text)``, in order; remembered as the tokens are,
    so the extractors that look words up folded (numbers, dates) fold a paragraph once."""
    return tuple(map(fold, map(_WORD, _tokens(text))))


MEMO_LIMIT = 100_000


def remember(memo: dict, key, value):
    """Store ``value`` under ``key`` in a per-process memo of per-word work and return it.

    Per-word memos pay because a batch's vocabulary is far smaller than its words, but a
    script written without spaces makes a whole clause one token, and a Dask worker lives
    across runs: a memo that reaches ``MEMO_LIMIT`` entries starts again empty, so memory
    stays bounded whatever the text (the values are recomputed, never different).
    """
    if len(memo) >= MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


@lru_cache(maxsize=None)
def load_data(name: str):
    import yaml

    return yaml.safe_load(resources.files("audit").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    data = load_data("folding.yaml")
    table = {ord(k): v for k, v in data["chars"].items()}
    for lo, hi in data["drop_ranges"]:
        for cp in range(ord(lo), ord(hi) + 1):
            table[cp] = ""
    return table


@lru_cache(maxsize=200000)
def fold(word: str) -> str:
    """Case- and spelling-folded form for lexicon look-ups."""
    return unicodedata.normalize("NFC", word.casefold()).translate(_fold_table()).replace("’", "'")


@lru_cache(maxsize=1)
def _translit_rules():
    data = load_data("translit.yaml")
    before = {ord(k): v for k, v in data["before"].items()}
    return before, [tuple(r) for r in data["classes"]], set(data["drop"]), set(data["drop_inner"])


# code point -> its folded, rule-fixed, anyascii rendering (fold, the translit rules and
# anyascii all map one character at a time, so one table composed of the three is the
# same), filled as characters are met
_TRANSLIT: dict[int, str] = {}
_TRANSLIT_MET: set[str] = set()  # the characters _TRANSLIT has, as characters: set(text) is compared without ord()
_NOT_WORD = re.compile(r"[^0-9a-z ]+")


@lru_cache(maxsize=200000)
def translit(text: str) -> str:
    """Lower-case ASCII transliteration (anyascii plus per-script fixes)."""
    text = unicodedata.normalize("NFC", text.casefold())
    new = set(text).difference(_TRANSLIT_MET)
    if new:
        from anyascii import anyascii

        fold_table, before = _fold_table(), _translit_rules()[0]
        for ch in new:
            folded = fold_table.get(ord(ch), ch)
            folded = folded if isinstance(folded, str) else chr(folded)
            _TRANSLIT[ord(ch)] = anyascii("".join(before.get(ord(c), c) for c in folded))
        _TRANSLIT_MET.update(new)
    return _NOT_WORD.sub("", text.translate(_TRANSLIT).lower())


@lru_cache(maxsize=200000)
def phonetic_key(word: str) -> str:
    """A consonant skeleton that one name keeps across scripts (Quang = কোয়াং = كوانغ)."""
    classes, drop, drop_inner, after_vowel, ks = _key_tables()
    s = translit(key_source(word)).replace(" ", "")
    if s[:1] in _translit_rules()[3]:
        s = "f" + s[1:]
    # a last z is the s of an English plural as Arabic writes it (Waters = ووترز, Reuters = رويترز)
    if s.endswith("z"):
        s = s[:-1] + "s"
    # one letter written twice is one sound (Massachusetts = मैसाचुसेट्स: tts is ts), before the
    # classes read letter pairs; not gg, whose first g is ng's (Donggala: ng + g)
    s = _EARLY_RUN.sub(r"\1", s)
    # an n before a labial is m (Istanbul = Стамбул = إسطنبول); not where a script's consonants
    # carry a vowel that translit does not write (কাভানভ is ka-bha-na-bh): there the anusvara
    # says it (इस्तांबुल)
    if "n" in s and not _inherent_script(word[:1]):
        s = _NASAL_LABIAL.sub("m", s)
    # an x after a vowel is ks (Brexit = ब्रेक्सिट, Mexico = المكسيك); elsewhere s (Xi, Guangxi)
    if any(ch in s for ch in ks):
        s = after_vowel.sub(lambda m: m.group(1) + ks[m.group(2)], s)
    s = s[:1] + s[1:].translate(drop_inner)  # a letter dropped inside the word (v), kept first
    for src, dst in classes:
        s = s.replace(src, dst)
    # the dropped letters (vowels, h, w, y) out, then each run of one letter as one
    return _RUN.sub(r"\1", s.translate(drop)) or s[:1]


@lru_cache(maxsize=1)
def _key_tables():
    """phonetic_key's rules as translate tables and patterns: the class rewrites, the letters it
    drops, the letters it drops inside a word, the letters read otherwise after a vowel."""
    _, classes, drop, drop_inner = _translit_rules()
    data = load_data("translit.yaml")
    vowels, after = re.escape(data["vowels"]), data["key_after_vowel"]
    return (classes, {ord(ch): None for ch in drop}, {ord(ch): None for ch in drop_inner},
            re.compile(f"([{vowels}])([{re.escape(''.join(after))}])"), after)


@lru_cache(maxsize=1)
def _key_rules():
    data = load_data("translit.yaml")
    nasal = data["key_nasals"]
    return (frozenset(nasal["marks"]), frozenset(nasal["labials"]),
            {unicodedata.normalize("NFC", k): v for k, v in (data.get("key_before") or {}).items()},
            tuple(data["inherent_vowel_scripts"]))


_FIRST_LETTER: dict[str, str] = {}


@lru_cache(maxsize=200000)
def key_source(word: str) -> str:
    """The word as the keys read it (``translit.yaml``: ``key_nasals``, ``key_before``),
    lower-cased: an anusvara is the nasal of the consonant after it, m before a labial and n
    elsewhere (ट्रंप = Trump, ग्रांट = Grant, কংগ্রেস = Congress); a few letters are read as
    the Latin letter they write (Cyrillic х for h: Хопкинс = Hopkins). Neither touches
    ``translit``, which the aligner reads too."""
    marks, labials, before, _ = _key_rules()
    word = word.casefold()
    for a, b in before.items():
        if a in word:
            word = word.replace(a, b)
    if word.isascii() or not marks.intersection(word):
        return word
    out = []
    for i, ch in enumerate(word):
        nxt = word[i + 1:i + 2]
        if ch in marks:
            out.append("m" if nxt and _first_letter(nxt) in labials else "n")
            continue
        out.append(ch)
    return "".join(out)


@lru_cache(maxsize=4096)
def _inherent_script(ch: str) -> bool:
    """Whether ``ch`` is of a script whose consonants carry a vowel translit does not write."""
    return unicodedata.name(ch, "").startswith(_key_rules()[3])


def _first_letter(ch: str) -> str:
    got = _FIRST_LETTER.get(ch)
    if got is None:
        from anyascii import anyascii

        got = _FIRST_LETTER[ch] = anyascii(ch).lower()[:1]
    return got


_RUN = re.compile(r"(.)\1+", re.S)
_NASAL_LABIAL = re.compile("n(?=[pbfv])")  # (the labials of the ASCII form but m: Stanmore = स्टैनमोर)
_EARLY_RUN = re.compile(r"([^g])\1+", re.S)


@lru_cache(maxsize=1)
def _cased_scripts() -> frozenset[str]:
    return frozenset(load_data("names.yaml")["cased_scripts"])


def cased_script(script: str | None) -> bool:
    """Whether ``script`` (ISO 15924) distinguishes capitals in writing (``cased_scripts``
    in names.yaml: Georgian has capitals in Unicode but writes none): capitals are a name's
    evidence there."""
    return script in _cased_scripts()


def is_cased_script(text: str) -> bool:
    """True when the text's letters distinguish upper and lower case (Latin, Cyrillic, Greek)."""
    for ch in text:
        if ch.isalpha():
            return ch.lower() != ch.upper()
    return False
