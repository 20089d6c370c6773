"""name-spelling-variant: one document spells one name two ways (त्रान / ट्रान कुओंग)."""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from itertools import combinations, compress

from rapidfuzz.distance import Levenshtein

from ..extract.morphology import clitics, latin_vowels
from ..extract.text import fold, phonetic_key, tokens, translit
from ..languages import dominant_script
from ..model import Location
from .base import Check, GroupContext
from .names.common import name_views
from .names.match import common_word, territories




def variants(a: str, b: str, strict: bool) -> bool:
    """Two written forms of one word, not two inflections or two words: the same
    phonetic key, and the same sound written differently inside the word (an
    inflection changes the end). ``strict`` (cased scripts, where Dong and Dang
    are two names; lone documents) admits only letters that transliterate alike."""
    ka, kb = phonetic_key(a), phonetic_key(b)
    if ka != kb or len(ka) < 2 or min(len(a), len(b)) < 3:
        return False
    ta, tb = translit(a).replace(" ", ""), translit(b).replace(" ", "")
    if ta == tb:
        return True  # त्रान / ट्रान: different letters, one sound
    if strict or ta.startswith(tb) or tb.startswith(ta) or ta[:1] != tb[:1]:
        return False
    if ta[-1:] != tb[-1:] and (ta[-1:] in latin_vowels() or tb[-1:] in latin_vowels()):
        return False  # a vowel ending changed: करना / करने is grammar, not spelling
    if abs(_letters(a) - _letters(b)) > 1:
        return False  # two letters more is another word (کووید / خود), not another spelling
    return Levenshtein.distance(ta, tb) <= 2


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


class NameSpellingVariant(Check):
    code = "name-spelling-variant"
    # an inconsistency within one translation, not a wrong fact: worth reading after the others
    severity = "note"
    description = "One document spells the same name two ways."
    rationale = ("A name spelt two ways in one translation (त्रान / ट्रान) leaves readers unsure it is one "
                 "person or place. The two forms must sound alike, be written beside the same word, and, "
                 "with other translations in the group, be a name a cased translation capitalises there.")
    messages = {
        "minority": "{doc} writes '{minor}' {minor_times} time(s) but '{major}' {major_times} time(s): "
                    "one name spelt two ways",
        "tie": "{doc} spells one name two ways: '{major}' and '{minor}', {times} time(s) each",
    }

    def run(self, ctx: GroupContext):
        views = name_views(ctx)
        for d, view in views.items():
            yield from self._document(ctx, view, views)

    def _document(self, ctx, view, views):
        """Pairs of forms written beside the same word (ট্রান কুওং / ত্রান কুওং): part of one
        multi-word name. With other translations in the group, that name must be
        one they name too; a lone document has only the shared neighbour."""
        doc = view.doc
        occurrences = defaultdict(list)  # form without clitic -> [(paragraph, start, end, surface)]
        neighbours = defaultdict(set)  # form -> {("<" or ">", neighbour form)}
        if not view.cased:
            # only a form that shares its key with another form of the document can be one
            # half of a pair: the others' occurrences and neighbours are never read
            per_key = defaultdict(list)
            every = list(set().union(*(view.folded(i) for i in range(len(view.words)))))
            for form, key in zip(every, map(phonetic_key, every)):
                per_key[key].append(form)
            paired = {f for forms in per_key.values() if len(forms) >= 2 for f in forms}
            before: set[tuple[str, str]] = set()  # (form, the form before it)
            after: set[tuple[str, str]] = set()  # (form, the form after it)
        for i, words in enumerate(view.words):
            text = doc.paragraphs[i].text
            # each word's form once (not once more as each neighbour's); in a cased script
            # only the names' words and their neighbours are read
            last = len(words) - 1
            if view.cased:
                ks = sorted(_inside_names(words, view.facts[i].names))
                forms = dict.fromkeys({j for k in ks for j in (k - 1, k, k + 1) if 0 <= j <= last})
                for j in forms:
                    forms[j] = _form(words[j][2], doc.language, True)
                for k in ks:
                    s, e, t, _ = words[k]
                    form = forms[k]
                    occurrences[form].append((i, s, e, t))
                    if k and text[words[k - 1][1]:s].strip(" -\u00a0") == "":
                        neighbours[form].add(("<", forms[k - 1]))
                    if k < last and text[e:words[k + 1][0]].strip(" -\u00a0") == "":
                        neighbours[form].add((">", forms[k + 1]))
            else:  # (each distinct pair of adjacent forms once, gathered in C)
                forms = view.folded(i)
                adjacent = view.adjacent(i)
                before.update(compress(zip(forms[1:], forms), adjacent))
                after.update(compress(zip(forms, forms[1:]), adjacent))
        if not view.cased:
            for side, beside_forms in (("<", before), (">", after)):
                for form, nb in beside_forms:
                    if form in paired:
                        neighbours[form].add((side, nb))
            occurrences = _Occurrences(view)  # (read for the few forms a pair gets far with)
        if view.cased:
            by_key = defaultdict(list)
            for form in occurrences:
                by_key[phonetic_key(form)].append(form)
        else:  # (every paired form occurs: its key's forms are the paired ones of that key)
            by_key = {k: forms for k, forms in per_key.items() if len(forms) >= 2}
        # only a cased translation's capitals can say a caseless word is a name: Urdu and
        # Persian (Hindi and Bengali) share vocabulary, so their meeting proves nothing
        others = [v for v in views.values() if v is not view]
        cased_others = [v for v in others if v.cased]
        # keys of words a cased translation writes in lower case: terms (syndrome, université),
        # whatever capitals they have in a title; long keys only (measured: from three letters
        # on, Jixian and Adhanom meet some lower-case word by chance)
        # (asked of each view's own set when a pair gets that far, rather than one union
        # built for every document of the group from every other's lower-case keys)
        for key, forms in sorted(by_key.items()):
            if len(forms) < 2:
                continue
            forms.sort()
            # only two forms beside one same word of two letters or more can be a pair: each
            # such neighbour's forms, then those pairs in the order of the forms (not every pair
            # of a key's forms, which a short key of a caseless script has by the thousand)
            beside = defaultdict(list)  # neighbour -> positions in forms of the forms beside it
            for x, form in enumerate(forms):
                for nb in neighbours.get(form, ()):
                    if len(nb[1]) >= 2:
                        beside[nb].append(x)
            # (each neighbour's positions ascend: its pairs are their combinations, in order)
            pairs = sorted({p for xs in beside.values() for p in combinations(xs, 2)})
            for x, y in pairs:
                a, b = forms[x], forms[y]
                shared = sorted(w for side, w in neighbours[a] & neighbours[b] if len(w) >= 2)
                # alone, only one sound in two alphabets' letters (त्रान / ट्रान) is safe to call a name
                if not shared or _same_word(a, b, doc.language) or not variants(a, b, view.cased or not others):
                    continue
                if len(key) >= 4 and any(key in o.lowered_keys for o in cased_others):
                    continue
                sa, sb = occurrences[a][0][3], occurrences[b][0][3]
                if dominant_script(sa) != dominant_script(sb):
                    continue  # CNN and चीन, SARS and सार्स: an acronym kept, not a spelling
                if common_word(sa, doc.language, "variant") and common_word(sb, doc.language, "variant"):
                    continue  # two common words, or one word's two inflections (شود / شده)
                links = {view.link_of.get(i, -1) for occ in (occurrences[a], occurrences[b]) for i, *_ in occ}
                links.discard(-1)
                if len(key) < 4 and any(_lowered_here(o, key, links) for o in cased_others):
                    continue  # a short key some cased translation writes in lower case right there: a term (murine = murin)
                if others and not self._confirmed(cased_others, key, [phonetic_key(w) for w in shared], links):
                    continue
                yield self._finding(ctx, doc, key, occurrences[a], occurrences[b])

    @classmethod
    def _confirmed(cls, cased_others, key, neighbour_keys, links) -> bool:
        """A name, by the cased translations' capitals. One of them names the pair in a
        paragraph aligned with one of the spellings, and, when there are several, a second
        writes the pair or the word (Piala Ryder) capitalised there too, not as a common word
        of its language (Université): a single cased translation among several that keeps a
        word capitalised is weak evidence, the others translated it as a term (University,
        Bovine Coronavirus left in English); unless what it writes is a territory's CLDR name
        (United Kingdom). And the cased translations name it in at least half of the
        paragraphs that carry the spellings: a word written in thirty paragraphs that meets a
        name in one (जुन, Zhong) is a word."""
        pair = [o for o in cased_others if any(cls._named(o, key, nk, links) for nk in neighbour_keys)]
        if not pair:
            return False
        named = set()
        for o in cased_others:
            for u, got in o.mention_links.items():
                if key in u:
                    named |= got & links
        if 2 * len(named) < len(links):
            return False
        if len(cased_others) == 1:
            return True
        word = [o for o in cased_others if o not in pair and cls._writes_word(o, key, links)]
        if len(pair) + len(word) >= 2:
            return True
        return any(territories(m.surface, o.doc.language) or territories(m.surface, "en")
                   for o in pair for m in cls._mentions_of(o, key, neighbour_keys, links))

    @staticmethod
    def _writes_word(other, key, links) -> bool:
        """A capitalised word with ``key`` in one of a cased translation's mentions in
        ``links``, not a common word of its language."""
        for i in range(len(other.words)):
            if other.link_of.get(i, -1) not in links:
                continue
            for m in other.mentions(i):
                if (key,) not in m.units:
                    continue
                for _, _, t in tokens(m.surface):
                    if phonetic_key(t) == key and t[:1].isupper() and not common_word(t, other.doc.language, "variant"):
                        return True
        return False

    @staticmethod
    def _mentions_of(other, key, neighbour_keys, links):
        for i in range(len(other.words)):
            if other.link_of.get(i, -1) not in links:
                continue
            for m in other.mentions(i):
                if any((key, nk) in m.units or (nk, key) in m.units for nk in neighbour_keys):
                    yield m

    @staticmethod
    def _named(other, key, neighbour_key, links) -> bool:
        """A cased translation names the pair in a paragraph aligned with one of its spellings."""
        got = other.mention_links
        return bool((got.get((key, neighbour_key), set()) | got.get((neighbour_key, key), set())) & links)

    def _finding(self, ctx, doc, key, occ_a, occ_b):
        if len(occ_b) > len(occ_a):
            occ_a, occ_b = occ_b, occ_a
        major, minor = occ_a[0][3], occ_b[0][3]
        tie = len(occ_a) == len(occ_b)
        locs = []
        for occ, role in ((occ_b, "flagged"), (occ_a, "flagged" if tie else "support")):
            for i, s, e, t in occ:
                p = doc.paragraphs[i]
                locs.append(Location(doc.id, p.line_at(s), p.text, t, s, e, role))
        msg = self.message("tie" if tie else "minority", doc=doc.id, major=major, minor=minor, times=len(occ_a),
                           major_times=len(occ_a), minor_times=len(occ_b))
        return self.finding(ctx, msg, locs, subject=f"{doc.id}|{key}|{'/'.join(sorted({major.casefold(), minor.casefold()}))}",
                            expected=None if tie else major, found=minor, values=((doc.id, [major, minor]),))


class _Occurrences(dict):
    """form -> [(paragraph, start, end, surface)] of every word of a caseless document written
    in that form, in text order: each form's worked out when first read."""

    def __init__(self, view):
        super().__init__()
        self._view = view
        self._has: list[frozenset[str]] | None = None

    def __missing__(self, form: str) -> list[tuple[int, int, int, str]]:
        view = self._view
        if self._has is None:
            self._has = [frozenset(view.folded(i)) for i in range(len(view.words))]
        got = self[form] = [(i, s, e, t) for i, has in enumerate(self._has) if form in has
                            for (s, e, t, _), f in zip(view.words[i], view.folded(i)) if f == form]
        return got


def _inside_names(words, names) -> set[int]:
    """Indices of the ``words`` that lie within one of the ``names``' spans. Words are
    in text order and do not overlap, so a span's words are a run from its start."""
    starts = [w[0] for w in words]
    inside = set()
    for f in names:
        k = bisect_left(starts, f.start)
        while k < len(words) and words[k][1] <= f.end:
            inside.add(k)
            k += 1
    return inside


def _lowered_here(view, key: str, links: set[int]) -> bool:
    """Whether ``view`` writes a word of ``key`` in the paragraphs of ``links`` in lower case
    only, never capitalised (murin; not Lang Son beside lång)."""
    cases = {t[:1].islower() for i, words in enumerate(view.words) if view.link_of.get(i, -1) in links
             for _, _, t, ks in words if key in ks}
    return cases == {True}


def _form(word: str, lang: str, cased: bool) -> str:
    return word.casefold() if cased else fold(word)


def _same_word(a: str, b: str, lang: str) -> bool:
    """One word with different glued clitics (للمقاطعات / المقاطعات)."""
    pre = ("",) + clitics(lang)
    return any(a.startswith(p) and b.startswith(q) and a[len(p):] == b[len(q):] for p in pre for q in pre)
