"""What comparing translations' lists rests on: a list member's keys (a territory by its
CLDR code, any other member by per-word phonetic keys), whether two members of different
translations name one thing and the entities they form, and the reading of a paragraph that
lists no member: whether it writes an entity anyway (inflected, in another script, spelt
another way). list-mismatch votes on these; they live here so that no check imports another.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from rapidfuzz.distance import Levenshtein

from ..extract.labels import country_code, territory_names
from ..extract.morphology import elided
from ..extract.names import strip_clitic
from ..extract.text import fold, tokens
from ..languages import char_script, dominant_script
from ..model import Fact
from .base import GroupContext
from .names.common import word_keys
from .names.keys import word_meets as _word_meets

_MAX_TERRITORY_WORDS = 4


def shared_members(a: Fact, b: Fact) -> int:
    """How many members two lists share, when that makes them one list: at least two,
    and at least half of the shorter (by key, as the perturbation benchmark asks)."""
    n = len(set(a.keys) & set(b.keys))
    return n if n >= max(2, (min(len(set(a.keys)), len(set(b.keys))) + 1) // 2) else 0


@dataclass(frozen=True)
class Member:
    doc: str
    para: int  # paragraph index
    fact: Fact  # the list
    index: int  # the member's position in the list
    surface: str
    territory: str | None
    words: tuple[frozenset[str], ...]  # per word, the keys it may stand for
    folded: tuple[str, ...]  # per word, folded without a clitic
    capitalised: bool
    figures: tuple[str, ...] = ()  # a code's figures, in order (HCoV-OC43: 43; SARS-CoV-2: 2)


@lru_cache(maxsize=100000)
def _territory(surface: str, lang: str) -> str | None:
    code = country_code(surface, lang)
    if code is None:
        toks = [_elided(t) for _, _, t in tokens(surface)]
        code = country_code(" ".join(toks), lang)
        for n in range(1, len(toks)):  # "the United States", "la République tchèque"
            code = country_code(" ".join(toks[n:]), lang)
            if code:
                break
    return code


def _elided(word: str) -> str:
    """The word after an elided article (l'Allemagne, d'Iran)."""
    return elided(word) or word


@lru_cache(maxsize=None)
def _territory_names(lang: str, code: str) -> tuple[str, ...]:
    return tuple(name for name, c in territory_names(lang).items() if c == code and len(name) >= 3)


_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner


def _joined(text: str) -> str:
    """Zero-width joiners and non-joiners shape letters inside a word (র‍্যাম); they do not
    end it."""
    return text.replace("\u200d", "").replace("\u200c", "")


def _joined_at(text: str) -> tuple[str, list[int]]:
    """The text without its zero-width joiners (``_joined``), and for each of its characters
    the offset of that character in ``text``."""
    kept = [k for k, ch in enumerate(text) if ch not in _JOINERS]
    return "".join(text[k] for k in kept), kept


def _member(doc: str, lang: str, cased: bool, para: int, fact: Fact, j: int) -> Member:
    surface = fact.members[j]
    return Member(doc, para, fact, j, surface, *_member_parts(surface, lang, cased))


@lru_cache(maxsize=100000)
def _member_parts(surface: str, lang: str, cased: bool):
    """(territory, words, folded, capitalised) of a member as written: the same members
    recur in every link of a batch's translations, and are read once."""
    got = word_keys(_joined(surface), lang)
    words = tuple(keys for *_, keys in got)
    folded = tuple(fold(strip_clitic(t, lang)) for _, _, t, _ in got)
    letters = [_elided(t) for _, _, t in tokens(surface) if t[:1].isalpha()]
    capitalised = cased and bool(letters) and letters[0][:1].isupper() and \
        sum(t[:1].isupper() for t in letters) * 2 >= len(letters)
    return _territory(surface, lang), words, folded, capitalised, _figures(surface)


@lru_cache(maxsize=100000)
def _figures(surface: str) -> tuple[str, ...]:
    """The figures a member writes, in ASCII digits whatever the script (४३ = 43): a code's
    figures tell it from its siblings (HCoV-OC43, HCoV-NL63; IL-2, IL-6), which phonetic keys,
    blind to digits, make one name."""
    out = []
    for _, _, t in tokens(surface):
        run = "".join(str(unicodedata.digit(ch)) if unicodedata.digit(ch, None) is not None else " " for ch in t).split()
        out += run
    return tuple(out)


def meets(x: Member, y: Member) -> bool:
    """Whether two members of different translations name the same thing."""
    if x.territory and y.territory:
        return x.territory == y.territory
    if not x.words or not y.words or x.figures != y.figures:
        return False  # codes meet only with the same figures: SARS-CoV is not SARS-CoV-2
    # word pairs that meet: the same word as written, or by keys; and whether the pair is
    # strong evidence (two-letter keys alone are weak: PBS and Fox are both "bs")
    pairs = {}
    for i, (a, fa) in enumerate(zip(x.words, x.folded)):
        for k, (b, fb) in enumerate(zip(y.words, y.folded)):
            if fa == fb or _word_meets(a, b):
                pairs[i, k] = (fa == fb and len(fa) >= 3) or (max(map(len, a)) >= 3 and max(map(len, b)) >= 3)
    hit_x, hit_y = len({i for i, _ in pairs}), len({k for _, k in pairs})
    need = max(1, (min(len(x.words), len(y.words)) + 1) // 2)
    if hit_x < need or hit_y < need:
        return False
    # or the last words meet (a name ends a member read with words before it: "Sainsbury's
    # Boots" is Boots), or two words or more, every word of the shorter member
    return any(pairs.values()) or (len(x.words) - 1, len(y.words) - 1) in pairs or \
        min(hit_x, hit_y) >= 2 and (hit_x == len(x.words) or hit_y == len(y.words))


def _blocks(m: Member) -> set:
    """What two members that meet have in common, one of at least: a territory, a word
    folded alike, or a word key of two letters (``word_meets`` needs two-letter keys to be
    equal) or the first three letters of a longer one (a longer key meets one it begins)."""
    out = {m.territory} if m.territory else set()
    for keys, folded in zip(m.words, m.folded):
        out.add(("f", folded))
        out.update(k if len(k) == 2 else k[:3] for k in keys if len(k) >= 2)
    return out


def _entities(members: list[Member]) -> list[list[Member]]:
    """The members that name one thing (``meets``, across translations, and what meets
    them), each entity in the members' order, entities in the order of their first member.
    Only members that have a block in common are compared: linear in the members but for
    those that share one, where every pair of members of a link was compared before."""
    owner = list(range(len(members)))

    def root(i):
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    index: dict = {}  # block -> the members before this one that have it
    for i, y in enumerate(members):
        earlier = set()
        for b in _blocks(y):
            seen = index.setdefault(b, [])
            earlier.update(seen)
            seen.append(i)
        for k in sorted(earlier):
            x = members[k]
            if x.doc != y.doc and root(k) != root(i) and meets(x, y):
                owner[root(i)] = root(k)
    out: dict[int, list[Member]] = {}
    for i, m in enumerate(members):
        out.setdefault(root(i), []).append(m)
    return list(out.values())


def _present(m: Member, words: list[tuple[str, frozenset[str]]], same_script: bool, words_text: str) -> bool:
    """The member is written here: in its own script, its words one after another
    (folded, an inflection after the last: Debenhams, Debenhamsin; not one word
    alone: Quang is not Guangxi); in another script, its most distinctive word by
    its key (keys are coarse, and a false absence is a false alarm)."""
    if not m.words:
        return False
    n = len(m.words)
    if len(m.surface) >= 3 and _as_written(fold(_joined(m.surface)), words_text):
        return True  # as written, glued to a word of another script too (和Toby N)
    if m.figures and not _has_run(_figures(words_text), m.figures):
        return False  # a code is written with its figures: HCoV-229E does not write HCoV-OC43
    if same_script:
        want = m.folded
        return any(all(_spelt(want[k], words[s + k][0], last=k == n - 1) for k in range(n))
                   for s in range(len(words) - n + 1))
    longest = max(m.words, key=lambda w: max(map(len, w)))
    if max(map(len, longest)) >= 3:  # across scripts, the name's most distinctive word
        return any(_word_written(longest, keys) for _, keys in words)
    if n > 1:  # or its words written as one (Hong Kong, হংকং)
        joined = frozenset("".join(parts) for parts in product(*m.words))
        if max(map(len, joined)) >= 3 and any(_word_written(joined, keys) for _, keys in words):
            return True
    return any(all(_word_written(m.words[k], words[s + k][1]) for k in range(n))
               for s in range(len(words) - n + 1))


def _as_written(want: str, text: str) -> bool:
    """``want`` written in ``text`` where a word starts, in a cased script: NBC is not written by
    MSNBC. Glued after a letter of another script (和Toby N), or in a caseless script, where a
    clitic or no space may come before it (والصين, 在中国), anywhere."""
    start = text.find(want)
    if start < 0 or not want[0].isalpha() or want[0].lower() == want[0].upper():
        return start >= 0
    own = char_script(want[0])
    while start >= 0:
        if start == 0 or not (text[start - 1].isalpha() and char_script(text[start - 1]) == own):
            return True
        start = text.find(want, start + 1)
    return False


def _has_run(figures: tuple[str, ...], want: tuple[str, ...]) -> bool:
    n = len(want)
    return any(figures[s:s + n] == want for s in range(len(figures) - n + 1))


@lru_cache(maxsize=100000)
def _script(text: str) -> str:
    """The member's own script: a Hindi translation writes Fox Business Network in Latin."""
    return dominant_script(text)


def _spelt(want: str, word: str, last: bool) -> bool:
    """One word as written in the same script: the same, one letter apart (a typo is
    a spelling finding, not a dropped member), or the last with an inflection."""
    if word == want or (last and word.startswith(want) and len(word) - len(want) <= 3):
        return True
    return len(want) >= 5 and Levenshtein.distance(want, word, score_cutoff=1) <= 1


def _word_written(want: frozenset[str], keys: frozenset[str]) -> bool:
    if want & keys:
        return True
    for k in want:
        for w in keys:
            if len(k) >= 3 and w.startswith(k) and len(w) - len(k) <= 2:
                return True
            if len(k) == 2 and w.startswith(k) and len(w) == 3:  # তাইপেইতে, Taipei with a case ending
                return True
            if len(k) >= 4 and len(w) >= 4 and Levenshtein.distance(k, w, score_cutoff=1) <= 1:
                return True
    return False


def _writes(ctx: GroupContext, doc: str, paras, entity: list[Member]) -> bool:
    """Whether ``doc``'s paragraphs name the entity anywhere: its territory's CLDR
    name in the document's language (inflected too: इराणचा), or a word of the name as
    another translation writes it, leniently (a false absence is a false alarm)."""
    lang = ctx.documents[doc].language
    code = next((m.territory for m in entity if m.territory), None)
    for i in paras:
        text = ctx.documents[doc].paragraphs[i].text
        if code:
            folded = fold(text)
            names = _territory_names(lang, code)
            if any(name in folded for name in names):
                return True
            # the territory's name spelt another way (சுவிட்சர்லாந்து, ஸ்விட்சர்லாந்து)
            words = [keys for *_, keys in word_keys(text, lang)]
            for name in names:
                want = [w for *_, w in word_keys(name, lang)]
                if want and any(_word_written(max(want, key=lambda w: max(map(len, w))), keys) for keys in words):
                    return True
            toks = [_elided(t) for _, _, t in tokens(text)]
            for n in range(1, _MAX_TERRITORY_WORDS + 1):
                if any(_territory(" ".join(toks[s:s + n]), lang) == code for s in range(len(toks) - n + 1)):
                    return True
        words = [(fold(strip_clitic(t, lang)), keys) for _, _, t, keys in word_keys(_joined(text), lang)]
        script = ctx.documents[doc].script
        folded_text = fold(_joined(text))
        if any(_present(m, words, _script(m.surface) == script, folded_text) for m in entity):
            return True
    return False


def _a_word_written(ctx: GroupContext, doc: str, paras, entity: list[Member]) -> bool:
    """Any word of the entity, as any translation writes it, written in ``doc``'s paragraphs
    by its key (Burt's Bees, بيرت بيس: the possessive's key differs, Bees' does not).
    Without a list of its own to compare, a translation is given every chance to write it."""
    if any(m.territory for m in entity):
        return False  # a territory is written by its CLDR name (_writes)
    lang = ctx.documents[doc].language
    words = [keys for i in paras for *_, keys in word_keys(_joined(ctx.documents[doc].paragraphs[i].text), lang)]
    # two words of the paragraph written as one of the entity (ولاب كورب, LabCorp)
    words += [frozenset(a + b for a in x for b in y) for x, y in zip(words, words[1:])]
    return any(max(map(len, want)) >= 2 and any(_word_written(want, keys) or _one_letter_more(want, keys)
                                                or _close(want, keys) for keys in words)
               for m in entity for want in m.words)


def _close(want: frozenset[str], keys: frozenset[str]) -> bool:
    """Long keys two edits apart (கொரோனவிரிடேயின், Coronaviridae: a suffix and a vowel's trace)."""
    return any(len(k) >= 5 and len(w) >= 5 and Levenshtein.distance(k, w, score_cutoff=2) <= 2
               for k in want for w in keys)


def _one_letter_more(want: frozenset[str], keys: frozenset[str]) -> bool:
    """A key written with one letter more (Nevada nd, নেভাডা nbd: one script keeps a letter
    the other's key drops)."""
    return any(len(w) == len(k) + 1 and Levenshtein.distance(k, w, score_cutoff=1) <= 1
               for k in want if len(k) >= 2 for w in keys)
