"""country-mismatch: one translation names another country where the others agree on one.

Countries are read in running text by their CLDR names in each language
(``extract.labels.country_mentions``: Frankrike = ফ্রান্স = فرنسا = FR), so a
country translated rather than transliterated meets the others' by its code.

A swap is reported only when both halves of it are seen, link by link (at least
three translations the aligner trusts here, ``GroupContext.trusted_links``: with two,
neither outvotes the other; one doubted translation does not hide the others), and one
half plainly:

- every other translation but at most one (two at least), or three in four of
  many where they name one or two countries here, names country X more often
  here than this one does (not at all, or once where the others name it
  twice: one of two mentions swapped), or half of them (two at least) name X,
  this one never does, and the country it names instead has a name spelt like
  X's (Iraq/Iran, Austria/Australia, Cambodia/Colombia: where other translations
  write X in forms CLDR lacks, a like name is the evidence of a confusion), or, with
  many translations and one or two countries named here, half of them (four at least)
  name X and no word of this one begins with X's name (फिलिपिन्सलाई: an ending the case
  endings lack); or, in a list of countries, two in three of many (four at least) name X,
  one for one: X the only country so outvoted, Y the only one this translation adds;
- this one names country Y here, which no other translation names here;
- and, where this one never names X by a CLDR name, no word of it begins with one
  (an ending the case endings lack: X may be there after all).

A country one translation leaves out, or one it adds (a translator's "in the
US" for "in Washington"), is no finding: either half alone is how translators
write. A country inside an "ENTITY (COUNTRY)" label is country-label-mismatch's.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..extract.labels import common_word, marked_country_mentions, may_write_country, spells_country, territory_names
from ..extract.morphology import clitics
from ..extract.text import cased_script, fold
from ..languages import char_script
from ..model import Fact
from .base import Check, GroupContext, lang_of, location

_MIN_AGREE = 2
_ALIKE = 0.5  # names this alike (normalised edit similarity) are ones a translator may confuse
_MAX_SWAPS = 2  # more countries changed at once: the link is not one sentence's translations
_WITNESSES = 4  # others naming X, at least, for half of them to outvote a sentence's one country
_FEW = 2  # countries the others name in a link, at most, for three in four of them to outvote one


def _mentions(ctx: GroupContext, d: str, idx) -> dict[str, list[tuple[int, int, int, bool]]]:
    """code -> (paragraph, start, end, weak) of this document's country names in ``idx``, labels
    left out; weak: read by a ``countries.yaml`` other_names name alone, CLDR's own name of the
    Americas among them (``labels.marked_country_mentions``)."""
    doc = ctx.documents[d]
    out: dict[str, list[tuple[int, int, int, bool]]] = {}
    for i in idx:
        labels = [(f.start, f.end) for f in ctx.facts[d][i].labels]
        for s, e, code, strength in marked_country_mentions(doc.paragraphs[i].text, doc.language):
            if not any(a <= s and e <= b for a, b in labels):
                out.setdefault(code, []).append((i, s, e, strength > 0))
    return out


def _weighed(raw: dict[str, dict[str, list[tuple[int, int, int, bool]]]]):
    """The link's mentions with the weak ones (an other_names name: Bengali আমেরিকা is the US or
    the Americas) kept only where enough other translations (``_MIN_AGREE``) name that country by
    a CLDR name, and per translation the countries it names by a CLDR name (only these can be
    the country a swap would flag in it)."""
    strong = {d: {c for c, v in m.items() if any(not w for *_, w in v)} for d, m in raw.items()}
    by = Counter(c for cs in strong.values() for c in cs)
    named = {}
    for d, m in raw.items():
        named[d] = {}
        for c, v in m.items():
            kept = [(i, s, e) for i, s, e, w in v if not w or by[c] - (c in strong[d]) >= _MIN_AGREE]
            if kept:
                named[d][c] = kept
    return named, strong


def doc_lang(ctx: GroupContext, d: str) -> str:
    return ctx.documents[d].language


@lru_cache(maxsize=4096)
def _alike(lang: str, x: str, y: str) -> bool:
    """Whether the CLDR names of countries ``x`` and ``y`` in ``lang`` are spelt alike
    (half their letters or more in common, by edit distance): a translator's confusion."""
    from anyascii import anyascii
    from rapidfuzz.distance import Levenshtein

    names = territory_names(lang)
    a = [anyascii(n).lower() for n, c in names.items() if c == x]
    b = [anyascii(n).lower() for n, c in names.items() if c == y]
    return any(Levenshtein.normalized_similarity(p, q) >= _ALIKE for p in a for q in b)


def _begins_a_word(ctx: GroupContext, d: str, present, code: str) -> bool:
    """Whether a word of ``d``'s paragraphs in the link begins with a CLDR name of country
    ``code`` in its language (an ending the case endings of ``names.yaml`` lack: फिलिपिन्सलाई,
    அமெரிக்காவிலுள்ள), a clitic before it allowed: the country may be there after all."""
    import regex

    doc = ctx.documents[d]
    names = [n for n, c in territory_names(doc.language).items() if c == code and len(n) >= 3]
    idx = dict(present)[d]
    text = " ".join(fold(doc.paragraphs[i].text) for i in idx)
    return any(regex.search(r"(?<![\p{L}\p{M}])(?:" + "|".join(regex.escape(p) for p in ("",) + clitics(doc.language))
                            + ")" + regex.escape(n), text) for n in names)


def _spells(ctx: GroupContext, d: str, present, code: str) -> bool:
    """Whether ``d``'s paragraphs in the link spell country ``code``'s one-word name in a form
    CLDR lacks (``labels.spells_country``: a letter or two changed, ميكرونيسيا for ميكرونيزيا)."""
    doc = ctx.documents[d]
    return any(spells_country(doc.paragraphs[i].text, doc.language, code) for i in dict(present)[d])


@lru_cache(maxsize=None)
def _own_words(lang: str) -> dict[str, frozenset[str]]:
    """code -> the words of its multi-word CLDR names in ``lang`` (four letters or more) that no
    other country's name has and that are no common word of the language (``labels.common_word``:
    English states, Malay syarikat "company", Hindi राज्य are words first; a language wordfreq
    has no list for has none): Emiriah of Emiriah Arab Bersatu is the Emirates, المتحدة of
    الولايات المتحدة is not (المملكة المتحدة)."""
    import regex

    names = [(regex.findall(r"[\p{L}\p{M}]+", name), code) for name, code in territory_names(lang).items()]
    words: dict[str, set[str]] = {}
    for parts, code in names:
        for w in parts:
            words.setdefault(w, set()).add(code)
    out: dict[str, set[str]] = {}
    for parts, code in names:
        if len(parts) > 1:
            out.setdefault(code, set()).update(w for w in parts if len(w) >= 4 and words[w] == {code}
                                               and not common_word(w, lang))
    return {c: frozenset(ws) for c, ws in out.items() if ws}


def _part_of_name(ctx: GroupContext, d: str, present, code: str) -> bool:
    """Whether ``d``'s paragraphs in the link write a word of country ``code``'s multi-word name
    that no other country's has and that is no common word (``_own_words``): the country
    written shortly, which may be there after all. In a cased script the word must be written
    capitalised and whole (Emiriah, not emiriah nor a longer word it begins); in a caseless
    one a word may begin with it (a case ending glued after it)."""
    import regex

    own = _own_words(ctx.documents[d].language).get(code)
    if not own:
        return False
    doc = ctx.documents[d]
    for i in dict(present)[d]:
        text = doc.paragraphs[i].text
        folded = fold(text)
        for w in own:
            cased = cased_script(char_script(w[0]) or "")
            pattern = r"(?<![\p{L}\p{M}])" + regex.escape(w) + (r"(?![\p{L}\p{M}])" if cased else "")
            for m in regex.finditer(pattern, folded):
                if not cased or (len(folded) == len(text) and text[m.start()].isupper()):
                    return True
    return False


def _may_write(ctx: GroupContext, d: str, present, code: str) -> bool:
    """Whether ``d``'s paragraphs in the link may write country ``code`` in a form CLDR lacks
    (``labels.may_write_country``: a spelling variant, the name a letter or two longer or shorter)."""
    doc = ctx.documents[d]
    return any(may_write_country(doc.paragraphs[i].text, doc.language, code) for i in dict(present)[d])


class CountryMismatch(Check):
    code = "country-mismatch"
    severity = "warning"  # error once measured right nine times in ten on real translations (none found there yet)
    description = "A translation names a different country where the other translations agree on one."
    rationale = ("Country names are known in every language (CLDR), so a country the other translations agree on "
                 "can be compared whatever the script. Only both halves of a swap are reported: the others name X "
                 "here more often than this translation does, and this one alone names Y; a country dropped or "
                 "added alone is a translator's freedom, and two translations cannot outvote each other.")
    messages = {"swapped": "{lang} names {found} where {agree} of the other {others} translations name {expected}"}

    def run(self, ctx: GroupContext):
        # the members the aligner trusts, as the number checks compare them: one misfiled or
        # shifted translation lowers the link's confidence, and must not hide a swap elsewhere
        for link, present in ctx.trusted_links():
            if len(present) < _MIN_AGREE + 1:
                continue
            named, by_cldr = _weighed({d: _mentions(ctx, d, idx) for d, idx in present})
            for d, _ in present:
                others = [o for o, _ in present if o != d]
                # all the others but one; three in four of many where they name one or two
                # countries here (a sentence about one country, where a few translations write
                # a demonym or a form CLDR lacks), not in a list of countries, where a name
                # misread in one translation (a compound, a split pair) looks like a swap
                # (a country one other translation alone names there, its own error or reading, such
                # as Chinese 爱尔兰 "Ireland" for Iceland, does not make the sentence a list)
                often = Counter(c for o in others for c in named[o])
                few = sum(k >= 2 for k in often.values()) <= _FEW
                strong = max(_MIN_AGREE, min(len(others) - 1, -(-3 * len(others) // 4)) if few else len(others) - 1)
                half = max(_MIN_AGREE, (len(others) + 1) // 2)
                most = max(_WITNESSES, -(-2 * len(others) // 3))  # two in three of many, four at least
                mine = {x: len(v) for x, v in named[d].items()}
                # X: how many others name it here more often than this one
                fewer = {x: sum(len(named[o].get(x, ())) > mine.get(x, 0) for o in others)
                         for x in {c for o in others for c in named[o]}}
                added = sorted(y for y in named[d] if y in by_cldr[d] and not any(y in named[o] for o in others))
                if added and few:
                    # in a sentence about one or two countries, an other that spells X's name
                    # another way (मैक्रोनेशिया for CLDR's माइक्रोनेशिया) is a witness of X too,
                    # where this one names X nowhere (not in a list, where one misread compound,
                    # روسيا البيضاء for Belarus, must not be outvoted by the near-spelt ones)
                    for x in fewer:
                        if x not in mine:
                            fewer[x] += sum(x not in named[o] and _spells(ctx, o, present, x) for o in others)
                # (nearly) all the others name X; or half of them do, and this one writes in its
                # place a country of a like name (Iraq/Iran, Austria/Australia, Cambodia/Colombia)
                # or, in a sentence about one or two countries, half of many (four at least) name X
                # and this one never does: the others that do not write X by a CLDR name write a
                # demonym or a form CLDR lacks, and Y, which none of them names, is the swap's half
                # and, whichever rule, where this one never names X by a CLDR name, no word of it
                # begins with one: an ending the case endings lack (फिलिपिन्सलाई) is X after all
                # or, in a sentence about one or two countries, one of X's mentions swapped (this one
                # names X once where half the others name it twice) for the one country Y none names
                dropped = sorted(x for x, k in fewer.items() if (k >= strong or (
                    k >= half and x not in mine and (any(_alike(doc_lang(ctx, d), x, y) for y in added)
                                                     or (few and k >= _WITNESSES)))
                    or (x in mine and few and k >= half and len(added) == 1))
                    and (x in mine or not (_begins_a_word(ctx, d, present, x) or _may_write(ctx, d, present, x)
                                           or _part_of_name(ctx, d, present, x))))
                if not dropped and len(added) == 1:
                    # in a list of countries, two in three of many (four at least) name X and this one
                    # never does, in the place of one country none of them names: one for one, as a
                    # swap is (a compound misread, a pair split in two, drops two for one)
                    # (a country this one writes in a form of its whole name CLDR lacks is no
                    # country dropped; one of whose words alone it writes may be a pair split in
                    # two, "وترينيداد، وتوباغو": counted, so that the rule then abstains)
                    listed = [x for x, k in fewer.items() if k >= most and x not in mine
                              and not _begins_a_word(ctx, d, present, x) and not _may_write(ctx, d, present, x)]
                    dropped = listed if len(listed) == 1 and not _part_of_name(ctx, d, present, listed[0]) else []
                if not dropped or not added or len(dropped) > _MAX_SWAPS or len(added) > _MAX_SWAPS:
                    continue
                yield self._finding(ctx, d, others, named, dropped, added, fewer)

    def _finding(self, ctx, d, others, named, dropped, added, fewer):
        doc = ctx.documents[d]
        locs = []
        for y in added:
            i, s, e = named[d][y][0]
            locs.append(location(doc, i, Fact(doc.paragraphs[i].text[s:e], s, e)))
        support = [o for o in others if any(x in named[o] for x in dropped)]
        for o in support:
            for x in dropped:
                if x in named[o]:
                    i, s, e = named[o][x][0]
                    p = ctx.documents[o].paragraphs[i]
                    locs.append(location(ctx.documents[o], i, Fact(p.text[s:e], s, e), "support"))
        found = ", ".join(f"'{loc.evidence}' ({y})" for loc, y in zip(locs, added))
        expected = ", ".join(dropped)
        agree = min(fewer[x] for x in dropped)
        msg = self.message("swapped", lang=lang_of(ctx, d), found=found, agree=agree, others=len(others),
                           expected=expected)
        return self.finding(ctx, msg, locs, subject=f"{'+'.join(dropped)}->{'+'.join(added)}",
                            expected=dropped[0] if len(dropped) == 1 else dropped,
                            found=added[0] if len(added) == 1 else added,
                            values=((d, added[0] if len(added) == 1 else added),))
