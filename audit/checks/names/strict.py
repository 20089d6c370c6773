"""The strict name vote: names one translation drops or replaces, reported only on strong
evidence (name-missing and name-substituted, on by default).

The broad vote (``voting``) takes a caseless translation's words for names whenever a
cased one has a capitalised word with the same key, and is right less than half the
time on professional translations: translators translate titles, organisations and
countries, and spell names beyond the keys' reach. This vote starts only from words
that are names by every sign a cased translation gives, and reports a translation
only where nothing in its paragraph could be the name:

- a name word is capitalised in a cased translation, not at a sentence's start, not an
  acronym, not written in lower case anywhere in that document, and not a common word
  of its language (wordfreq, ``names.yaml: strict_zipf``);
- every translation of the link but the flagged one (and at least two) writes it, by
  its phonetic key or near it (``match.writes_word``: inflections, clitics, compounds,
  voicing), or as the same CLDR territory in its own language (Britain = Storbritannien
  = بريطانيا); scripts that write names by meaning are not counted either way;
- the flagged translation writes it nowhere near in this link, and wherever else in the
  article the others write it, this translation writes it too in at least half those
  places: a translation that never meets a name there renders it its own way (an exonym,
  a translation, a spelling the keys miss), which is no omission;
- it is a substitution when the flagged paragraph writes, in its place, a name that no
  other translation writes there: in a cased script a rare capitalised word, in a caseless
  one a rare word whose key a cased translation writes as a name elsewhere in the article.

- a word a cased translation of the link writes in lower case (by its key) is a term or a
  demonym of that language (parti communiste, cristianos), which translations render by
  meaning: no name word there; nor is one that fewer than half the cased translations
  capitalise here (Wakanada);
- a cased translation that spells the name by its key in three in four of the other places
  (its own spelling, known) and writes nothing near that spelling here has dropped it, even
  where a word comes near the others' spelling by chance ("vara" for Furyk: ``own_forms``);
  a near word a translation writes wherever the name is (its own spelling beyond the keys:
  كافانو) counts as support;
- one omission is one finding: a name word whose skeleton meets one already reported for
  the flagged translation in this link (Baltik, Балтии) is the same omission;
- a name said fewer times than ``strict_elsewhere`` is reported where every other translation
  writes it here by its exact key, the flagged one writes it wherever else the article says it,
  and the word is rarer than ``strict_once_zipf`` in the owner's language (in a caseless
  translation, only where no word of it has a key within one edit of the name's, or cut short, or
  two rare words run together into it: a misspelling, which keeps the name's first letter and is no
  common word of the language;
  and, for a name of several name words, where it writes another of them here: a title translated
  whole writes none);
- the other places where the article says a name are those where half the translations but the
  flagged one write something like it by its consonant skeleton, not every link where a cased
  translation writes a name word of its key (a Hurricane of Arizona's key is no Arizona);
- a caseless translation near a name only by chance (where every other writes it by its key, and
  it writes neither its own known spelling nor another word of the name here, nor a key a
  misspelling away) has dropped it;
- a translation that writes a name of the article no other translation writes here, where most
  others write one rare word (by one key, in two scripts) or, in a cased translation, one country
  (each by its own name) it lacks, has substituted the name; not in a caseless language without
  a frequency list;
- an acronym with a tail (TNFα) is no name word;
- a replacing name is one no supporting translation writes by its key or near it by
  consonant skeleton (a short key within two edits of a common word is no trace of it), and
  no country (those are ``country-mismatch``'s).

Work is linear in the group's words: each (document, link, key) presence test is made once.
The name words and the presence tests are in ``strict_words``.
"""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from ...extract.text import fold, load_data, phonetic_key, tokens
from ...languages import wordfreq_languages
from ..base import GroupContext
from .common import Mention, NameView, name_views
from .match import by_meaning, territories, writes_territory, writes_word
from .own_forms import spellings, written_as
from .strict_words import (LinkWords, Word, _cased_name_words, calendar_words, _common_loan, _compound, _keyed, _limit, _lower_vocab,
                           _mid_capitals, _phrase_word, _same_word, _sentence_start, _zipf, compound_head, lowered_near, name_like,
                           near_anywhere, near_keys, rare, skeletons, _skeletons_meet)
from .voting import NameVote


# A debugging hook nobody sets by default: a list that collects (link, owner, name word, why it
# was not reported, details) for every name word the vote looks at (benchmarks/trace_names.py).
TRACE: list | None = None


def _why(n: int, owner: str, w, reason: str, **details) -> None:
    if TRACE is not None:
        TRACE.append((n, owner, getattr(w, "text", w), reason, details))


def strict_votes(ctx: GroupContext) -> list[NameVote]:
    """Names one translation drops or replaces, on strong evidence (computed once per group)."""
    return ctx.memo("name_strict_votes", lambda: list(_strict_votes(ctx)))


def _strict_votes(ctx: GroupContext):
    views = name_views(ctx)
    confident = list(ctx.confident_links())
    links = [(n, dict(present)) for n, (_, present) in enumerate(confident)]
    # a confident link's number among all the alignment's links, as a NameView's link maps count them
    at = {id(link): k for k, link in enumerate(ctx.alignment.links)}
    aligned = [at[id(link)] for link, _ in confident]
    if not any(len(p) >= 3 for _, p in links):
        return
    lower = {d: _lower_vocab(v) for d, v in views.items() if v.cased}
    langs = tuple(sorted({v.doc.language for v in views.values() if v.cased}))
    # a word at a sentence's start is a name word when a cased translation capitalises it inside one
    mid = frozenset().union(*(_mid_capitals(v) for v in views.values() if v.cased))
    words_at: dict[tuple[str, int], list] = {}

    def words_here(d: str, n: int, idx) -> list:
        got = words_at.get((d, n))
        if got is None:
            got = words_at[(d, n)] = LinkWords([w for i in idx for w in views[d].words[i]], views[d].doc.language)
        return got

    # every link's name words, by the cased documents that write them
    cands: dict[int, list[tuple[str, Mention, list[Word]]]] = {}
    links_of: dict[str, set[int]] = {}  # name key -> links where a cased translation writes it
    named_by: dict[str, set[str]] = {}  # name key -> the cased documents that write it as a name
    spelt: dict[str, set[str]] = {}  # name key -> the name words of that key, as the cased translations write them
    for n, present in links:
        if len(present) < 3:
            continue
        for d, idx in sorted(present.items()):
            if not views[d].cased:
                continue
            for i in idx:
                for m, ws in _cased_name_words(views[d], i, lower[d], langs, mid):
                    cands.setdefault(n, []).append((d, m, ws))
                    for w in ws:
                        links_of.setdefault(w.key, set()).add(n)
                        named_by.setdefault(w.key, set()).add(d)
                        spelt.setdefault(w.key, set()).add(w.text)
    name_keys = set(links_of)
    # (document, link, key, territory codes) -> the answer. Words of one key share it, whatever
    # translation's spelling asked first (keying on the spelling too raised two false findings
    # on TICO-19: a caseless rendering near one spelling of the name and not another's).
    present_memo: dict[tuple, int] = {}
    index = dict(links)
    tables: dict[tuple[str, int], LinkWords] = {}  # (document, link) -> its words' tables, for the tests

    def writes(d: str, n: int, w: Word, codes: frozenset[str]) -> int:
        """3: ``d`` writes ``w`` here by its key (or as the same territory); 2: near it (a
        clitic, voicing, a compound); 1: something near it by skeleton; 0: nothing like it."""
        memo_key = (d, n, w.key, codes)
        got = present_memo.get(memo_key)
        if got is None:
            ws = words_here(d, n, index[n][d])
            lang = views[d].doc.language
            keys = (w.key,) + w.stems
            tb = tables.get((d, n))
            if tb is None:
                tb = tables[(d, n)] = ws
            if tb.keyed.has(keys) or bool(codes and writes_territory(ws, lang, set(codes))):
                got = 3  # by its key, an ending after it
            elif len(w.key) >= 4 and any(writes_word(k, ws, lang, tb.table) for k in keys):
                # near it (a clitic, voicing, a compound); support only where the consonant skeleton
                # comes near too: two edits of a short key meet common words (पढ़ने, reading, Paddington)
                got = 2 if near_anywhere(w.text, ws, tb.skeletons) else 1
            elif near_anywhere(w.text, ws, tb.skeletons) or compound_head(w, ws, tb.skeletons) \
                    or (views[d].cased and _compound(w, ws)) or any(writes_word(k, ws, lang, tb.table) for k in keys):
                got = 1  # something like it: a spelling the keys miss, not an omission
            else:
                got = 0
            present_memo[memo_key] = got
        return got

    own_memo: dict[tuple[str, int, str], frozenset[str]] = {}

    def not_own(d: str, n: int, w: Word) -> bool:
        """Whether ``d`` spells the name word by its key in three in four of the other links
        where a cased translation writes it (its own spelling, known), and writes no word
        near that spelling in link ``n``."""
        lang, keys = views[d].doc.language, (w.key,) + w.stems
        own: set[str] = set()
        others = [x for x in links_of.get(w.key, ()) if x != n and d in index[x]]
        spelt = 0
        for x in others:
            got = own_memo.get((d, x, w.key))
            if got is None:
                got = own_memo[(d, x, w.key)] = spellings(words_here(d, x, index[x][d]), w.text, keys, lang)
            own |= got
            spelt += bool(got)
        return bool(own) and 4 * spelt >= 3 * len(others) and \
            not written_as(frozenset(own), words_here(d, n, index[n][d]), lang, shared_keys(d, n))

    shared_memo: dict[tuple[str, int], frozenset[str]] = {}

    def shared_keys(d: str, n: int) -> frozenset[str]:
        """Keys of words that at least half the other translations of link ``n`` write there."""
        got = shared_memo.get((d, n))
        if got is None:
            others = [x for x in index[n] if x != d and not by_meaning(views[x].doc.script)]
            counts: dict[str, int] = {}
            for x in others:
                for k in {k for *_, ks in words_here(x, n, index[n][x]) for k in ks}:
                    counts[k] = counts.get(k, 0) + 1
            got = shared_memo[(d, n)] = frozenset(k for k, c in counts.items() if 2 * c >= len(others))
        return got

    def own_near(d: str, n: int, w: Word) -> bool:
        """Whether a word of ``d`` here that comes near the name word by skeleton is one ``d``
        writes in at least half the other links where a cased translation writes the name."""
        others = [x for x in links_of.get(w.key, ()) if x != n and d in index[x]]
        if not others:
            return False
        there = {aligned[x] for x in others}
        for k in near_keys(w.text, words_here(d, n, index[n][d])):
            if 2 * len(views[d].key_links.get(k, set()) & there) >= len(others):
                return True
        return False

    def own_keys(d: str, n: int, w: Word) -> frozenset[str]:
        """Keys of words of ``d`` here that ``d`` writes in every other link where a cased
        translation writes the name word (two at least), and in few links besides (no more than
        ``names.yaml: own_spread`` times the name's): its own spelling of the name, known; not a
        word it writes nearly everywhere (ने, the "said" after every Nugroho)."""
        others = [aligned[x] for x in links_of.get(w.key, ()) if x != n and d in index[x]]
        if len(others) < 2:
            return frozenset()
        spread = float(load_data("names.yaml")["own_spread"]) * (len(others) + 1)
        return frozenset(k for *_, ks in words_here(d, n, index[n][d]) for k in ks
                         if set(others) <= views[d].key_links.get(k, set())
                         and len(views[d].key_links.get(k, ())) <= spread)

    said_memo: dict[tuple, list[int]] = {}

    def said_at(f: str, n: int, w: Word, codes: frozenset[str]) -> list[int]:
        """The other links where the article says the name word: a cased translation writes it
        as a name there, and at least half the translations but ``f`` write something like it
        there by its consonant skeleton (মরিস, mrs, for Maurice, mrk). Not a link where another
        word has its key (हरिकेन, Hurricane, rkn, as Arizona's, in a skeleton of its own): ``f``
        need not write Arizona there."""
        memo_key = (f, n, w.key, w.text, codes)  # (near_anywhere reads the spelling)
        got = said_memo.get(memo_key)
        if got is None:
            got = []
            for x in sorted(links_of.get(w.key, ())):
                if x == n or f not in index[x]:
                    continue
                others = [d for d in index[x] if d != f and not by_meaning(views[d].doc.script)]
                near = sum(1 for d in others if writes(d, x, w, codes) and (
                    codes or near_anywhere(w.text, tables[(d, x)].words, tables[(d, x)].skeletons)))
                if 2 * near >= len(others):
                    got.append(x)
            said_memo[memo_key] = got
        return got

    codes_memo: dict[tuple[str, str], frozenset[str]] = {}

    def codes_of(w: Word, lang: str) -> frozenset[str]:
        got = codes_memo.get((w.text, lang))
        if got is None:
            got = codes_memo[(w.text, lang)] = frozenset(territories(w.text, lang))
        return got

    lowered: dict[int, list[str]] = {}  # link -> the lower-case keys of its cased translations, sorted

    def termlike(n: int, w: Word) -> bool:
        """Whether a cased translation of link ``n`` writes the name word in lower case (by its
        key, or with an ending after a long one): a term or a demonym in that language
        (cristianos, communiste, américains), which translations render by meaning."""
        got = lowered.get(n)
        if got is None:  # (the keys sorted: those that begin with a long key are one run, found by bisection)
            got = lowered[n] = sorted(frozenset(k for d, idx in index[n].items() if views[d].cased
                                                for _, _, t, ks in words_here(d, n, idx) if t[:1].islower() for k in ks))
        return lowered_near(got, (w.key,) + w.stems)

    capitals: dict[tuple[str, int], frozenset[str]] = {}

    def capitalised(d: str, n: int) -> frozenset[str]:
        """Keys of the words a cased document capitalises in link ``n``."""
        got = capitals.get((d, n))
        if got is None:
            lang = views[d].doc.language
            got = capitals[(d, n)] = frozenset(phonetic_key(t) for i in index[n][d] for m in views[d].mentions(i)
                                               for _, _, t in tokens(m.surface) if name_like(t, lang, langs))
        return got

    def swap_near(d: str, n: int, w: Word, counted: list[str]) -> bool:
        """Whether ``d``'s word near the name word ``w`` is there by chance: no spelling of its own
        (``own_near``), no misspelling of the name (``_unlike``) among its words that the others do not
        write here too (Furyk, brk, which every translation writes, beside Brookline, brkln), and, in
        its place, another name of the article that none of the others writes here (``_swapped``)."""
        if own_near(d, n, w):
            return False
        shared = shared_keys(d, n)
        words = [x for x in words_here(d, n, index[n][d]) if not x[3] & shared]
        return _unlike(w, words, views[d].doc.language, own_keys(d, n, w)) and _swapped(
            views, n, index[n], d, [x for x in counted if x != d], words_here, name_keys, lower.get(d), mid, w,
            named_by, spelt)

    for n, present in links:
        reported: set[tuple[str, str]] = set()  # (flagged document, name key): one omission, one finding
        said: list[tuple[str, str]] = []  # (flagged document, name word) reported in this link
        for owner, m, ws in cands.get(n, []):
            if len(tokens(m.surface)) >= 2 and all(_phrase_word(w.text) for w in ws):
                TRACE is not None and _why(n, owner, m.surface, "phrase")
                continue  # words of a phrase (Fox Business Network, Drought Monitor): a title translators translate
            counted = [d for d in present if not by_meaning(views[d].doc.script)]
            for w in ws:
                if _acronym(w.text):
                    TRACE is not None and _why(n, owner, w, "acronym")
                    continue
                if termlike(n, w):
                    TRACE is not None and _why(n, owner, w, "termlike")
                    continue
                codes = codes_of(w, views[owner].doc.language)
                got = {d: 3 if d == owner else writes(d, n, w, codes) for d in counted}
                lacking = [d for d in counted if got[d] == 0]
                if not lacking:  # near the others' spelling but not its own one: chance, not the name
                    # (a caseless one too where every other translation writes the name by its key,
                    # and it writes no other word of the name here: its own known spelling, not written
                    # here, is the evidence the keys lack; Biosolutions written, Emergent translated;
                    # nor a word whose key is a misspelling of the name's: Hindi चेकर, kr, for krs)
                    lacking = [d for d in counted if got[d] in (1, 2) and (views[d].cased or (
                        len(counted) >= 5 and all(got[x] == 3 for x in counted if x != d)
                        and not any(writes(d, n, x, frozenset()) for x in ws if x is not w)
                        and _unlike(w, words_here(d, n, index[n][d]), views[d].doc.language, own_keys(d, n, w)))) \
                        and not_own(d, n, w)]
                    if not lacking:  # nor by a chance near word: a name of the article written in its place
                        lacking = _swap_lacking(got, counted, owner, lambda d: swap_near(d, n, w, counted))
                    for d in lacking:
                        got[d] = 0
                for d in counted:
                    if got[d] == 1 and own_near(d, n, w):
                        got[d] = 2  # its own spelling, beyond the keys, as it writes it wherever the name is
                    elif got[d] == 2 and d != owner and not_own(d, n, w):
                        got[d] = 1  # near the others' spelling by chance, not near its own known one: no support
                support = [d for d in counted if got[d] >= 2]
                if len(lacking) != 1 or len(support) < max(3, 0.75 * (len(counted) - 1)):
                    TRACE is not None and _why(n, owner, w, "vote", got=dict(got))
                    continue
                (f,) = lacking
                if len(ws) > 1 and _common_loan(w.text) and any(writes(f, n, x, codes_of(x, views[owner].doc.language))
                                                                for x in ws if x is not w):
                    TRACE is not None and _why(n, owner, w, "loan", got=dict(got))
                    continue  # Brookings written, Institution translated: the name is there
                cased = [d for d in counted if d != f and views[d].cased]
                caps = sum(1 for d in cased if any(_same_word(w, k) for k in capitalised(d, n)))
                if len(cased) >= 2 and (caps < 2 or 2 * caps < len(cased)):
                    TRACE is not None and _why(n, owner, w, "caps", got=dict(got), caps=caps)
                    continue  # a word that few cased translations capitalise (Storbritannien, Wakanada) is its language's
                if (f, w.key) in reported or any(_skeletons_meet(a, b) or _skeletons_meet(b, a) for g, t in said
                                                 if g == f for a in skeletons(w.text) for b in skeletons(t)):
                    TRACE is not None and _why(n, owner, w, "same-omission", got=dict(got))
                    continue  # the same omission seen through another script's spelling (Baltik, Балтии)
                # a name said fewer times than strict_elsewhere: a cased translation that drops it where
                # every other writes it by its key, and writes it wherever else it is said; not a word of
                # the owner's language (Akademi of Academy Awards, which a translation names otherwise)
                # (a language wordfreq lacks cannot say the word is no common one: not there). A
                # caseless translation only where it writes no word a key's edit from it (a
                # misspelling: درليك, Drake)
                by_key = (views[f].cased or (_unlike(w, words_here(f, n, index[n][f]), views[f].doc.language, own_keys(f, n, w))
                                             and _rest_written(f, n, w, ws, writes))) and \
                    _by_key(got, f, counted) and \
                    (all(got[d] == 3 for d in counted if d != f) or (
                        views[f].cased and _rest_written(f, n, w, ws, writes)
                        and all(_zipf(fold(w.text), views[d].doc.language) < _once_limit() for d in counted
                                if d != f and views[d].cased))) and \
                    views[owner].doc.language in wordfreq_languages() and \
                    _zipf(fold(w.text), views[owner].doc.language) < _once_limit()
                elsewhere = said_at(f, n, w, codes)
                if not _consistent(f, w, codes, elsewhere, writes, len(support) == len(counted) - 1, by_key) \
                        and not _swapped(views, n, present, f, support, words_here, name_keys, lower.get(f), mid, w,
                                         named_by, spelt) \
                        and not (_rendered_here(views[f].cased, f, n, m, w, views[owner], writes,
                                                words_here(f, n, index[n][f]))
                                 and _written_where_said(f, w, codes, elsewhere, writes)):
                    TRACE is not None and _why(n, owner, w, "elsewhere", got=dict(got), f=f, by_key=by_key,
                                               places=elsewhere)
                    continue  # (a swap's two halves, or the rest of the name written here, need no other mention)
                reported.update((f, x.key) for x in ws)
                said.extend((f, x.text) for x in ws)
                TRACE is not None and _why(n, owner, w, "reported", got=dict(got))
                yield _vote(ctx, views, n, present, f, owner, m, ws, w, support, words_here, name_keys, lower, mid,
                            spelt, named_by)
                break
        # a name of the article that one translation writes here and none of the others does
        flagged_here = {g for g, _ in said}
        for f in sorted(present):
            if f in flagged_here or by_meaning(views[f].doc.script):
                continue
            if not views[f].cased and views[f].doc.language not in wordfreq_languages():
                continue  # no frequency list to tell a rare word from a common one sharing a name's key by chance
            others = [d for d in present if d != f and not by_meaning(views[d].doc.script)]
            if len(others) < 3:
                continue
            lost: list = []  # what f lost here, worked out once for all its added names
            for repl in _replacements(views, n, present, f, others, words_here, name_keys, lower.get(f), mid):
                if not _article_name(views, f, repl, named_by, spelt) or _beside_written(views[f], repl, others,
                                                                                       n, writes):
                    continue
                if not lost:
                    lost.append(_gone(views, n, present, f, others, writes, mid))
                gone = lost[0]
                TRACE is not None and _why(n, f, repl.surface, "added" if gone else "added-alone")
                if gone is None:
                    continue
                d, word, spans = gone
                name = Mention(word.paragraph, word.start, word.end, word.text, ((word.key,),))
                yield NameVote("substituted", ((f, repl, present[f]),), spans, name, d, repl)
                break


def _acronym(t: str) -> bool:
    """Whether most of the word's letters are capitals (TNFα, IFNγ, SARSr): an acronym with a
    tail, which translations spell out in their letters' names (டி.என்.எஃப்.ஆல்ஃபா)."""
    letters = [c for c in t if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 2 and 2 * sum(c.isupper() for c in letters) > len(letters)


def _unlike(w: Word, words, lang: str, own: frozenset[str] = frozenset()) -> bool:
    """Whether no word of ``words`` has a key within one edit of the name word's (a misspelling
    beyond the skeleton's reach: درليك for Drake), nor one that is the name's key cut short after
    three letters or more (a spelling that loses the name's end: বার্মিহাম, brm, for Birmingham,
    brmnm): a caseless translation that writes nothing of the kind here has dropped a name every
    other translation writes by its key. A misspelling keeps the name's first letter and is no
    common word of the language (``names.yaml: common_zipf: one_word``; ফলে, "so", bl, an edit from
    Abigail's bkl, is a word). Neither rule reads a word of ``own`` (keys the translation writes
    for the name elsewhere), a word within the name's consonant skeleton (a famous name is a common
    word: फेसबुक, bsbk, Facebook, bkbk), nor a first letter that one key has and the other lacks
    (W and V, which keys drop in Latin and keep as b in Devanagari: वॉशिंगटन, bsntn, Washington, sntn)."""
    names = (w.key,) + w.stems
    sk = skeletons(w.text)

    def first(k: str, x: str) -> bool:
        # the same first letter, or one more letter in front of the same key: a glide or vowel that
        # one script's key keeps and another's drops; not another first letter (وصرحت, srt, nor
        # القرارات, krt, beside Nauert, nrt)
        return k[:1] == x[:1] or k[1:] == x or x[1:] == k

    def like(k: str, free: bool = False) -> bool:
        return any((len(k) >= 3 and x.startswith(k)) or
                   ((free or first(k, x)) and Levenshtein.distance(k, x, score_cutoff=1) <= 1) for x in names)

    def transliterated(t: str) -> bool:
        return any(a == b or _skeletons_meet(a, b) for a in sk for b in skeletons(t))

    common = float(load_data("names.yaml")["common_zipf"]["one_word"])
    keys = []
    for _, _, t, ks in words:
        if own & ks or (any(like(k, True) for k in ks) and transliterated(t)):
            return False
        keys.append(frozenset() if _zipf(fold(t), lang) >= common else ks)
    if any(like(k) for ks in keys for k in ks):
        return False
    # two rare words that run together into it (a joiner that split the word: পিট্‌সবার্গ,
    # Pittsburgh, bt and sbrk); not common ones (की स्थिति, "the state of", k and st, for
    # Jakarta, krt)
    return not any(like(a + b) for p, q in zip(keys, keys[1:]) for a in p for b in q)


def _rest_written(f: str, n: int, w: Word, ws: list[Word], writes) -> bool:
    """Whether ``f`` writes here, by its key, another name word of the mention (Damian of
    Alejandro Damian Pagnucco), or the mention has no other. A
    caseless translation that writes no word of a name of several rare words may have translated
    it whole (Coffer Peach Tracker = مراقب مبيعات ... الخوخ, a sales monitor): no omission shown."""
    rest = [x for x in ws if x is not w]
    return not rest or any(writes(f, n, x, frozenset()) == 3 for x in rest)


def _by_key(got: dict[str, int], f: str, counted: list[str]) -> bool:
    """Whether every translation but ``f`` writes the name here by its key (``got`` 3), or, among
    many (``names.yaml: strict_many``), nearly every one, the rest writing it near its key and
    skeleton (``got`` 2: a spelling of their own beyond the keys, Tamil or Persian, support all
    the same). With fifteen translations one such spelling was enough to hide a name dropped.
    The said-once rule reads the second form only for a cased ``f``, for a word rare in every
    cased language of the link (not London, 5.1 in Malay, which Portuguese writes Londres), and,
    for a name of several name words, where ``f`` writes another of them here (not Diamond
    Princess translated, nor a line of another text): caseless translations so read raised as many
    false findings on TICO-19 as real ones (Clostridium translated in Arabic, SafeTrace split in
    Tamil; Urdu Andres, Medicago and Hartnup dropped)."""
    others = [d for d in counted if d != f]
    keyed = sum(1 for d in others if got[d] == 3)
    if keyed == len(others):
        return True
    many = load_data("names.yaml")["strict_many"]
    return len(others) >= int(many["others"]) and keyed >= float(many["by_key"]) * len(others) and \
        all(got[d] >= 2 for d in others)


def _once_limit() -> float:
    return float(load_data("names.yaml")["strict_once_zipf"])


def _written_where_said(f: str, w: Word, codes, elsewhere: list[int], writes) -> bool:
    """Whether ``f`` writes the name in three in four of ``elsewhere``, the other links where
    the article says it (none: nothing says otherwise)."""
    return 4 * sum(1 for x in elsewhere if writes(f, x, w, codes)) >= 3 * len(elsewhere)


def _consistent(f: str, w: Word, codes, elsewhere: list[int], writes, every: bool, by_key: bool = False) -> bool:
    """Whether ``f`` writes the name in three in four of ``elsewhere``, the other links where
    the article says it. A name said fewer times than ``strict_elsewhere`` other places:
    when every other translation writes it here by its exact key (``by_key``) and ``f``
    writes it in each other place; said once, also when ``every`` other translation supports
    it and ``strict_said_once`` is set."""
    if len(elsewhere) < int(load_data("names.yaml")["strict_elsewhere"]):
        if by_key and all(writes(f, x, w, codes) for x in elsewhere):
            return True
        return every and not elsewhere and bool(load_data("names.yaml")["strict_said_once"])
    return _written_where_said(f, w, codes, elsewhere, writes)


def _rendered_here(cased: bool, f: str, n: int, m: Mention, w: Word, owner: NameView, writes, words) -> bool:
    """Whether ``f``, a cased translation, writes here, by its key, another rare word of the
    owner's mention of the name (Tommy of Tommy Fleetwood), and no word within one edit of the
    missing word's key (a misspelling: درليك for Drake): then it has rendered the name here and
    dropped that word. A caseless script may transliterate the rest beyond the keys or translate
    it (Roche Diagnostics = रोश निदान): there the rest of the name is no evidence."""
    if not cased or any(Levenshtein.distance(w.key, k, score_cutoff=1) <= 1 for *_, ks in words for k in ks):
        return False
    return any(writes(f, n, x, frozenset()) == 3 if len(x.key) >= 3 else any(x.key in ks for *_, ks in words)
               for x in _rest_of_name(m, w, owner))


def _rest_of_name(m: Mention, w: Word, view: NameView) -> list[Word]:
    """The mention's other rare capitalised words (Tommy of Tommy Fleetwood, a first name that is
    no name word by itself): a translation that writes one of them by its key here has rendered
    the name here, so the word of it that it lacks is dropped, however seldom the article says it."""
    lang = view.doc.language
    toks = tokens(m.surface)
    at = next((i for i, (s, _, t) in enumerate(toks) if m.start + s == w.start), None)
    if at is None:
        return []
    run = []  # the capitalised words next to it (not Coles of "Woolworths y Coles")
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(toks) and toks[i][2][:1].isupper():
            run.append(toks[i])
            i += step
    out = []
    for s, e, t in run:
        if len(t) < 3 or t.isupper() or not rare(t, lang):
            continue
        k = phonetic_key(t)
        if len(k) >= 2 and k != w.key:  # (a short key must be met exactly: Tommy, tm)
            out.append(Word(m.paragraph, m.start + s, m.start + e, t, k))
    return out


def _swapped(views, n, present, f, support, words_here, name_keys, lower, mid, w: Word, named_by, spelt) -> bool:
    """Whether ``f`` writes here, where the others write ``w``, another name of the article
    (one a cased translation other than ``f`` writes as a name elsewhere) that none of them
    writes here, and nothing like ``w``: both halves of a substitution, which needs no other
    mention of ``w``."""
    return _swap_replacement(views, n, present, f, support, words_here, name_keys, lower, mid, w, named_by,
                             spelt) is not None


def _swap_replacement(views, n, present, f, support, words_here, name_keys, lower, mid, w: Word, named_by,
                      spelt) -> Mention | None:
    """The first name of ``f``'s paragraph that no supporting translation writes here, that is a
    name of the article and nothing like ``w``: what ``f`` names in place of ``w`` (not a word
    it adds beside it that is no name of the article: Brink for Brink's)."""
    for repl in _replacements(views, n, present, f, support, words_here, name_keys, lower, mid):
        if not _article_name(views, f, repl, named_by, spelt):
            continue
        if not any(_skeletons_meet(a, b) or _skeletons_meet(b, a)
                   for a in skeletons(w.text) for b in skeletons(repl.surface)):
            return repl
    return None


def _swap_lacking(got: dict[str, int], counted: list[str], owner: str, swapped) -> list[str]:
    """The translation that writes the name word only near by chance (``got`` 1: a word of its line
    within the skeleton's or a loose key's reach, not its own spelling) where every other translation
    writes it by its key, at least ``names.yaml: strict_swap: others`` of them (among many, nearly every
    one: ``strict_many``, the rest near it), and that writes in its place another name of the article
    none of them writes here (``swapped``): the chance word is no evidence the name is there when the
    translation names someone else instead."""
    data = load_data("names.yaml")
    if len(counted) - 1 < int(data["strict_swap"]["others"]):
        return []
    many = data["strict_many"]

    def agreed(d: str) -> bool:  # every other by its key or, among many, nearly every one (strict_many)
        keyed = sum(1 for x in counted if x != d and got[x] == 3)
        return keyed == len(counted) - 1 or (
            len(counted) - 1 >= int(many["others"]) and keyed >= float(many["by_key"]) * (len(counted) - 1))
    hits = [d for d in counted if d != owner and got[d] == 1 and agreed(d) and swapped(d)]
    return hits if len(hits) == 1 else []


def _beside_written(view: NameView, repl: Mention, others, n: int, writes) -> bool:
    """Whether a capitalised word next to ``repl`` in its mention is one every other translation
    writes here by its key: the name made explicit (Donald of Donald Trump, a first name added),
    not another name."""
    text = view.doc.paragraphs[repl.paragraph].text
    for m in view.mentions(repl.paragraph):
        if not (m.start <= repl.start and repl.end <= m.end):
            continue
        for s, e, t in tokens(m.surface):
            k = phonetic_key(t)
            if m.start + s == repl.start or len(k) < 2 or not t[:1].isupper():
                continue
            w = Word(repl.paragraph, m.start + s, m.start + e, t, k)
            if all(writes(d, n, w, frozenset()) >= 2 for d in others):
                return True
    return False


def _gone(views, n: int, present, f: str, others, writes, mid: frozenset[str]):
    """A word most other translations write here by one key, in two scripts at least, of which
    ``f`` writes nothing like it: what ``f`` lost where it writes another name. (the writer,
    the word as it writes it, the supporting spans)"""
    at: dict[str, dict[str, tuple]] = {}  # key -> document -> (paragraph, start, end, text)
    for d in others:
        for i in present[d]:
            for s, e, t, ks in views[d].words[i]:
                for k in ks:
                    if len(k) >= 3 and not t.isupper() and not any(c.isdigit() for c in t):
                        at.setdefault(k, {}).setdefault(d, (i, s, e, t))
    need = max(3, 0.75 * len(others))
    for k, by in sorted(at.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(by) < need:
            break
        if len({views[d].doc.script for d in by}) < 2:
            continue
        owner = next((d for d in sorted(by) if views[d].cased), None)
        if owner is None:
            continue  # no cased translation to say the word is a name
        i, s, e, t = by[owner]
        lang = views[owner].doc.language
        if not (rare(t, lang) or territories(t, lang)) or fold(t) in calendar_words(lang):
            continue  # a common word, a month (a date dropped is date-mismatch's): no name lost (a country is one)
        if not t[:1].isupper() or (_sentence_start(views[owner].doc.paragraphs[i].text, s) and fold(t) not in mid):
            continue  # a cased translation writes it as a word, not a name ("Olympic" made "Fagerlund")
        w = Word(i, s, e, t, k)
        if writes(f, n, w, frozenset()) == 0:
            spans = tuple((d, by[d][:3]) for d in [owner] + sorted(x for x in by if x != owner))
            return owner, w, spans
    # A country the others each write in their own words (Turkiet, Turki) is not read as lost:
    # a capital or a government written for its country ("Ankara rejected the plan") is a
    # faithful rendering, and without knowing every capital it cannot be told from a swap.
    return None


def _article_name(views, f: str, repl: Mention, named_by, spelt) -> bool:
    """Whether ``repl``, a word of ``f``, is a name of the article: one a cased translation other
    than ``f`` writes as a name (somewhere), and, in a caseless script, near that spelling by
    consonant skeleton."""
    if not any(named_by.get(k, set()) - {f} for u in repl.units for k in u):
        return False
    if not views[f].cased and not any(_skeletons_meet(a, b) for t in _spellings(views[f], repl, spelt)
                                      for a in skeletons(t) for b in skeletons(repl.surface)):
        return False  # a caseless word that shares a name's key by chance (Tamil கழிவறைக், "toilet", klrk)
    return True


def _spellings(view: NameView, repl: Mention, spelt) -> set[str]:
    """The cased translations' spellings of the names that share a key with the caseless
    replacement ``repl``."""
    keys = {k for s, _, _, ks in view.words[repl.paragraph] if s == repl.start for k in ks}
    return set().union(*(spelt.get(k, set()) for k in keys | {phonetic_key(repl.surface)}))


def _vote(ctx, views, n, present, f, owner, m, ws, w, support, words_here, name_keys, lower, mid,
          spelt=None, named_by=None) -> NameVote:
    # the name is the mention's name words (Mickelson, not the weekday before it: Ahad Mickelson)
    start, end = ws[0].start, ws[-1].end
    text = views[owner].doc.paragraphs[m.paragraph].text
    name = Mention(m.paragraph, start, end, text[start:end], m.units)
    ordered = [owner] + sorted(s for s in support if s != owner)
    spans = []
    for s in ordered:
        span = _span(views[s], present[s], w) if s != owner else (m.paragraph, start, end)
        spans.append((s, span or (present[s][0], 0, 0)))
    # (the name of the article written in its place, where the paragraph adds another word first)
    repl = (named_by is not None and _swap_replacement(views, n, present, f, support, words_here, name_keys,
                                                       lower.get(f), mid, w, named_by, spelt)) \
        or _replacement(views, n, present, f, support, words_here, name_keys, lower.get(f), mid)
    if repl is not None and spelt is not None and not views[f].cased and \
            not any(_skeletons_meet(a, b) for t in _spellings(views[f], repl, spelt)
                    for a in skeletons(t) for b in skeletons(repl.surface)):
        repl = None  # a caseless word with a name's key by chance (करंट, "current", Grant's krnt): a drop
    return NameVote("substituted" if repl else "missing", ((f, repl, present[f]),), tuple(spans), name, owner, repl)


def _span(view: NameView, idx, w: Word) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the word of ``idx`` that writes the name word ``w``: one that
    has its key first (Tedros), else one near it (not the first word a loose key meets: terhadap)."""
    lang = view.doc.language
    keys = (w.key,) + w.stems
    for near in (False, True):
        for i in idx:
            for word in view.words[i]:
                if writes_word(w.key, [word], lang) if near else _keyed(keys, [word], lang):
                    return i, word[0], word[1]
    return None


def _writes_here(k: str, t: str, words, lang: str) -> bool:
    """Whether ``words`` write the replacing word ``t`` (key ``k``): by its key (an ending after
    it, a case ending), or a word near it by consonant skeleton. Not a word within an edit or two
    of a short key: Vettel's (btl) is that far from many words that are nothing like it."""
    return _keyed((k,), words, lang) or near_anywhere(t, words)


def _replacement(views, n, present, f, support, words_here, name_keys, lower, mid) -> Mention | None:
    """A name of ``f``'s paragraph that no supporting translation writes here: what it names instead."""
    return next(_replacements(views, n, present, f, support, words_here, name_keys, lower, mid), None)


def _replacements(views, n, present, f, support, words_here, name_keys, lower, mid):
    """The names of ``f``'s paragraph that no supporting translation writes here, in order."""
    view = views[f]
    lang = view.doc.language
    cased = view.cased
    for i in present[f]:
        text = view.doc.paragraphs[i].text
        for s, e, t, ks in view.words[i]:
            # (the tests of the word alone first: most words are lower case, or share no name's key)
            if len(t) < 3 or ((not t[:1].isupper() or t.isupper()) if cased else ks.isdisjoint(name_keys)):
                continue  # a caseless word is a name only as a cased translation writes one
            if not rare(t, lang) or (not cased and _zipf(fold(t), lang) >= _limit() - 1):
                continue  # (a caseless word stands for a name only when rarer still: الآخرين, "the others")
            if cased and ((_sentence_start(text, s) and fold(t) not in mid) or fold(t) in lower):
                continue
            k = phonetic_key(t)
            if territories(t, lang):
                continue  # a country is country-mismatch's (Storbritannien, which the others write by meaning)
            if len(k) < (3 if view.cased else 4) or _written_by(k, t, support, views, n, present, words_here):
                continue
            yield Mention(i, s, e, t, ((k,),))


def _written_by(k: str, t: str, support, views, n, present, words_here) -> bool:
    """Whether a supporting translation writes the replacing word ``t`` (key ``k``) here. Among many
    (``names.yaml: strict_many: others``), one by its key, or more than ``strict_swap: near_share`` of
    them near it by consonant skeleton only: with fifteen translations one or two words of other
    languages meet a name's skeleton by chance."""
    data = load_data("names.yaml")
    if len(support) < int(data["strict_many"]["others"]):
        return any(_writes_here(k, t, words_here(d, n, present[d]), views[d].doc.language) for d in support)
    near = 0
    for d in support:
        words, lang = words_here(d, n, present[d]), views[d].doc.language
        if _keyed((k,), words, lang):
            return True
        near += _writes_here(k, t, words, lang)
    return near > float(data["strict_swap"]["near_share"]) * len(support)
