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

Work is linear in the group's words: each (document, link, key) presence test is made once.
The name words and the presence tests are in ``strict_words``.
"""
from __future__ import annotations

from ...extract.text import fold, load_data, phonetic_key, tokens
from ..base import GroupContext
from .common import Mention, NameView, name_views
from .match import by_meaning, territories, writes_territory, writes_word
from .strict_words import (Word, _cased_name_words, _common_loan, _compound, _keyed, _limit, _lower_vocab,
                           _mid_capitals, _phrase_word, _same_word, _sentence_start, _zipf, compound_head, name_like,
                           near_anywhere, rare)
from .voting import NameVote


def strict_votes(ctx: GroupContext) -> list[NameVote]:
    """Names one translation drops or replaces, on strong evidence (computed once per group)."""
    return ctx.memo("name_strict_votes", lambda: list(_strict_votes(ctx)))


def _strict_votes(ctx: GroupContext):
    views = name_views(ctx)
    links = [(n, dict(present)) for n, (_, present) in enumerate(ctx.confident_links())]
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
            got = words_at[(d, n)] = [w for i in idx for w in views[d].words[i]]
        return got

    # every link's name words, by the cased documents that write them
    cands: dict[int, list[tuple[str, Mention, list[Word]]]] = {}
    links_of: dict[str, set[int]] = {}  # name key -> links where a cased translation writes it
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
    name_keys = set(links_of)
    present_memo: dict[tuple[str, int, str], bool] = {}
    index = dict(links)

    def writes(d: str, n: int, w: Word, codes: frozenset[str]) -> int:
        """2: ``d`` writes ``w`` here by its key (or as the same territory); 1: something
        near it by skeleton; 0: nothing like it."""
        got = present_memo.get((d, n, w.key))
        if got is None:
            ws = words_here(d, n, index[n][d])
            lang = views[d].doc.language
            keys = (w.key,) + w.stems
            if _keyed(keys, ws, lang) or bool(codes and writes_territory(ws, lang, set(codes))) \
                    or (len(w.key) >= 4 and any(writes_word(k, ws, lang) for k in keys)):
                got = 2  # by its key, an ending after it, or near it (a clitic, voicing, a compound)
            elif near_anywhere(w.text, ws) or compound_head(w, ws) or (views[d].cased and _compound(w, ws)) \
                    or any(writes_word(k, ws, lang) for k in keys):
                got = 1  # something like it: a spelling the keys miss, not an omission
            else:
                got = 0
            present_memo[(d, n, w.key)] = got
        return got

    codes_memo: dict[tuple[str, str], frozenset[str]] = {}

    def codes_of(w: Word, lang: str) -> frozenset[str]:
        got = codes_memo.get((w.text, lang))
        if got is None:
            got = codes_memo[(w.text, lang)] = frozenset(territories(w.text, lang))
        return got

    capitals: dict[tuple[str, int], frozenset[str]] = {}

    def capitalised(d: str, n: int) -> frozenset[str]:
        """Keys of the words a cased document capitalises in link ``n``."""
        got = capitals.get((d, n))
        if got is None:
            lang = views[d].doc.language
            got = capitals[(d, n)] = frozenset(phonetic_key(t) for i in index[n][d] for m in views[d].mentions(i)
                                               for _, _, t in tokens(m.surface) if name_like(t, lang, langs))
        return got

    for n, present in links:
        reported: set[tuple[str, str]] = set()  # (flagged document, name key): one omission, one finding
        for owner, m, ws in cands.get(n, []):
            if len(tokens(m.surface)) >= 2 and all(_phrase_word(w.text) for w in ws):
                continue  # words of a phrase (Fox Business Network, Drought Monitor): a title translators translate
            counted = [d for d in present if not by_meaning(views[d].doc.script)]
            for w in ws:
                codes = codes_of(w, views[owner].doc.language)
                got = {d: 2 if d == owner else writes(d, n, w, codes) for d in counted}
                lacking = [d for d in counted if got[d] == 0]
                support = [d for d in counted if got[d] == 2]
                if len(lacking) != 1 or len(support) < max(3, 0.75 * (len(counted) - 1)):
                    continue
                (f,) = lacking
                if len(ws) > 1 and _common_loan(w.text) and any(writes(f, n, x, codes_of(x, views[owner].doc.language))
                                                                for x in ws if x is not w):
                    continue  # Brookings written, Institution translated: the name is there
                cased = [d for d in counted if d != f and views[d].cased]
                if len(cased) >= 2 and sum(1 for d in cased if any(_same_word(w, k) for k in capitalised(d, n))) < 2:
                    continue  # one cased translation's word alone (Storbritannien, Jawatankuasa) is its language's
                if (f, w.key) in reported or not _consistent(f, n, w, codes, links_of, index, writes,
                                                         len(support) == len(counted) - 1):
                    continue
                reported.update((f, x.key) for x in ws)
                yield _vote(ctx, views, n, present, f, owner, m, ws, w, support, words_here, name_keys, lower, mid)
                break


def _consistent(f: str, n: int, w: Word, codes, links_of, index, writes, every: bool) -> bool:
    """Whether ``f`` writes the name in three in four of the other links where a cased
    translation writes it; a name said once, only when ``every`` other translation writes
    it by its key here."""
    elsewhere = [x for x in links_of.get(w.key, ()) if x != n and f in index[x]]
    if len(elsewhere) < int(load_data("names.yaml")["strict_elsewhere"]):
        return every and not elsewhere and bool(load_data("names.yaml")["strict_said_once"])
    hits = sum(1 for x in elsewhere if writes(f, x, w, codes))
    return 4 * hits >= 3 * len(elsewhere)


def _vote(ctx, views, n, present, f, owner, m, ws, w, support, words_here, name_keys, lower, mid) -> NameVote:
    # the name is the mention's name words (Mickelson, not the weekday before it: Ahad Mickelson)
    start, end = ws[0].start, ws[-1].end
    text = views[owner].doc.paragraphs[m.paragraph].text
    name = Mention(m.paragraph, start, end, text[start:end], m.units)
    ordered = [owner] + sorted(s for s in support if s != owner)
    spans = []
    for s in ordered:
        span = _span(views[s], present[s], w) if s != owner else (m.paragraph, start, end)
        spans.append((s, span or (present[s][0], 0, 0)))
    repl = _replacement(views, n, present, f, support, words_here, name_keys, lower.get(f), mid)
    return NameVote("substituted" if repl else "missing", ((f, repl, present[f]),), tuple(spans), name, owner, repl)


def _span(view: NameView, idx, w: Word) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the word of ``idx`` that writes the name word ``w``."""
    lang = view.doc.language
    for i in idx:
        for word in view.words[i]:
            if writes_word(w.key, [word], lang):
                return i, word[0], word[1]
    return None


def _replacement(views, n, present, f, support, words_here, name_keys, lower, mid) -> Mention | None:
    """A name of ``f``'s paragraph that no supporting translation writes here: what it names instead."""
    view = views[f]
    lang = view.doc.language
    for i in present[f]:
        text = view.doc.paragraphs[i].text
        for s, e, t, ks in view.words[i]:
            if len(t) < 3 or not rare(t, lang) or (not view.cased and _zipf(fold(t), lang) >= _limit() - 1):
                continue  # (a caseless word stands for a name only when rarer still: الآخرين, "the others")
            if view.cased:
                if not t[:1].isupper() or t.isupper() or (_sentence_start(text, s) and fold(t) not in mid) \
                        or fold(t) in lower:
                    continue
            elif not (ks & name_keys):
                continue  # a caseless word is a name only as a cased translation writes one
            k = phonetic_key(t)
            if len(k) < (3 if view.cased else 4) or any(writes_word(k, words_here(d, n, present[d]), views[d].doc.language)
                                 for d in support):
                continue
            return Mention(i, s, e, t, ((k,),))
    return None
