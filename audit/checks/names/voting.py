"""The name vote: names one translation drops or replaces, link by link (``name_votes``,
computed once per group over the name views of ``common``); ``votes`` says what
name-missing and name-substituted report of one."""
from __future__ import annotations

from dataclasses import dataclass

from ...extract.text import phonetic_key, tokens
from ..base import GroupContext
from .common import Mention, NameView, confirmed, name_views
from .match import by_meaning, common_word, name_keys, territories, writes_territory, writes_word, written


def transliterated(views: dict[str, NameView], owner: str, key: str) -> bool:
    """Whether a word of ``owner``'s is carried over into the other translations rather
    than translated: in at least half the links where ``owner`` writes it, another
    translation writes a word with the same key ("Thang", "Vietnam"; not "Parti",
    whose key an Arabic word may share here and there)."""
    mine = views[owner].key_links.get(key, set())
    if not mine:
        return False
    theirs = set().union(*(v.key_links.get(key, set()) for d, v in views.items() if d != owner))
    return 2 * len(mine & theirs) >= len(mine)


@dataclass(frozen=True)
class NameVote:
    kind: str  # missing, substituted
    flagged: tuple  # ((doc id, replacing Mention | None, paragraph indices),)
    support: tuple  # ((doc id, (paragraph, start, end)), ...)
    name: Mention  # the name as the first document that gives it writes it
    owner: str
    replacement: Mention | None = None


def name_votes(ctx: GroupContext) -> list[NameVote]:
    """Names that one translation drops or replaces, link by link (computed once per group)."""
    return ctx.memo("name_votes", lambda: list(_name_votes(ctx)))


def _name_votes(ctx: GroupContext):
    views = name_views(ctx)
    # keys of words some cased translation writes in lower case: common words, whatever their capitals elsewhere
    common = set().union(*(v.lowered_keys for v in views.values() if v.cased))
    memo: dict = {}

    def carried(owner: str, key: str) -> bool:  # the same mention keys recur link after link
        if (owner, key) not in memo:
            memo[(owner, key)] = transliterated(views, owner, key)
        return memo[(owner, key)]

    for link, present in ctx.confident_links():
        n = len(present)
        if n < 3:
            continue  # two translations cannot outvote each other, and a name's absence is weak evidence
        indices = dict(present)
        here = {d: views[d].paragraph_index(idx) for d, idx in present}
        words_here = {d: [w for i in idx for w in views[d].words[i]] for d, idx in present}
        # words a cased translation writes here in lower case ("miljoner dollar"): where a
        # caseless script's mention carries one, it is those common words, not a name
        lowered = {k for d, idx in present if views[d].cased for i in idx
                   for _, _, t, ks in views[d].words[i] if t[:1].islower() for k in ks if len(k) >= 3}
        # who gives a name: a cased translation (capitals are the evidence) or the glossary;
        # a caseless translation's words are names only through them, so they need not give it twice
        named = {d: [m for i in idx for m in views[d].mentions(i)
                     if (views[d].cased or m.units[0][0].startswith("g:")) and confirmed(views[d], m, views)
                     and not any(k in lowered for u in m.units for k in u)]
                 for d, idx in present}
        done: list[tuple[str, set]] = []
        reported: list[tuple[str, set]] = []  # (flagged doc, support spans): one omission, one finding
        for owner, _ in sorted(present, key=lambda p: (not views[p[0]].cased, p[0])):
            lang = views[owner].doc.language
            for m in named[owner]:
                codes = territories(m.surface, lang)
                if views[owner].cased and not m.units[0][0].startswith("g:") and not codes \
                        and _word_like(m.surface, lang):
                    continue  # (a country is a name, however common its name: Jerman, Tyskland)
                # the words of the name that another translation writes as a word somewhere: the
                # transliterated ones, which must all be here (translated ones, "Party", need not)
                keys = {k for u in m.units for k in u if not k.startswith("g:")}
                # (nor need its common words: Region, Polis; Gebiet, Jabatan may stand for them)
                ordinary = {phonetic_key(t) for _, _, t in tokens(m.surface)
                            if views[owner].cased and common_word(t.casefold(), lang, "every_word")}
                required = frozenset(k for k in keys if len(k) >= 3 and k not in ordinary and carried(owner, k))
                nk = name_keys(m.surface)
                # ... as each translation writes them elsewhere (Xuan may be জুয়ান there): the support
                need = {d: frozenset(k for k in required if k in views[d].key_links) for d, _ in present}
                with_it = [d for d, _ in present if d == owner or here[d].has_name(m.units, need[d])]
                # a word every other supporter writes here, in the same key, is needed here too, even
                # where this translation writes it nowhere else (a name said once: Tyler Davis, 18)
                counts = {k: sum(1 for s in with_it if k in here[s].uni
                                 or writes_word(k, words_here[s], views[s].doc.language)) for k in required}
                for d in with_it:
                    others = len(with_it) - 1
                    mine = {k for k in counts if k in here[d].uni or writes_word(k, words_here[d], views[d].doc.language)}
                    need[d] = need[d] | {k for k, c in counts.items() if others >= 2 and c - (k in mine) >= others}
                with_it = [d for d in with_it if d == owner or all(k in here[d].uni for k in need[d])
                           or here[d].has_name(m.units, need[d])]
                if len(with_it) == n or len(with_it) * 2 <= n:
                    continue
                # a translation that writes it near enough, or a country by its own name there, has
                # it too (it is no support: near misses must not outvote anyone)
                for d, _ in present:
                    if d not in with_it:
                        need[d] = need[d] | {k for k, c in counts.items() if c >= len(with_it) >= 2}
                near = {d for d, _ in present if d not in with_it and (
                    written(nk, words_here[d], need[d], views[d].doc.language)
                    or writes_territory(words_here[d], views[d].doc.language, codes))}
                if len(with_it) + len(near) == n:
                    continue
                for d, idx in present:
                    if d in with_it or d in near or by_meaning(views[d].doc.script):
                        continue  # Chinese characters write a name by its meaning or its own reading
                    if not views[d].cased and not any(not views[s].cased for s in with_it):
                        continue  # no caseless translation carries it: it may be one such scripts translate
                    # a word three or more translations write here in one key, which this one lacks
                    shared = len(with_it) >= 3 and any(counts[k] >= len(with_it) for k in need[d] if k in counts)
                    if not views[d].words_index.has_any(m.units):
                        # this document never writes it so. A different rendering, not a drop, unless
                        # every other translation has it here and nothing here even half-matches it
                        # (a one-letter key half-matches only a word whose key is that letter: Nguyen)
                        if len(with_it) + len(near) < n - 1 or (any(k in here[d].uni for k in keys) and not shared) \
                                or not any(len(u) == 2 or len(u[0]) >= 4 for u in m.units) \
                                or {k for k in keys if len(k) >= 2} <= common:
                            continue  # a one-word or common-word title (Région, Comité Popular) is not a name
                    units = set(m.units)
                    if any(d == fd and units & fu for fd, fu in done):
                        continue
                    ordered = [owner] + [s for s in with_it if s != owner]
                    support = tuple((s, views[s].find(indices[s], m.units) or _near(views[s], indices[s], nk)
                                     or (indices[s][0], 0, 0)) for s in ordered)
                    spans = {(s, span) for s, span in support if span[2] > span[1]}
                    if any(d == fd and spans & fs for fd, fs in reported):
                        continue  # the same omission seen through another translation's spelling
                    done.append((d, units))
                    reported.append((d, spans))
                    i0, s0, e0 = support[0][1]
                    name = Mention(i0, s0, e0, views[owner].doc.paragraphs[i0].text[s0:e0], m.units)
                    repl = next((r for r in named[d] if not any(
                        here[s].has_name(r.units) or written(name_keys(r.surface), words_here[s], None,
                                                             views[s].doc.language) for s in with_it)),
                        None) if views[d].cased else None
                    yield NameVote("substituted" if repl else "missing", ((d, repl, idx),), support, name, owner, repl)


def _word_like(surface: str, lang: str) -> bool:
    """A capitalised run that translations may well translate or spell out: an acronym
    (CDC, PCR: letter names, an expansion or the language's own), or nothing but words
    common in the language (Perdana Menteri, Instituto, Jumaat)."""
    words = [t for _, _, t in tokens(surface) if not any(c.isdigit() for c in t)]
    if not words:
        return True
    if all(len(t) >= 2 and t.isupper() for t in words):
        return True
    return all(common_word(t.casefold(), lang, "one_word" if len(words) == 1 else "every_word") for t in words)


def _near(view: NameView, indices, nk) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the word in ``indices`` that writes the name's first long word
    near enough (``names_match.written``), for the support a finding cites."""
    for i in indices:
        for w in view.words[i]:
            if written(nk, [w], None, view.doc.language):
                return i, w[0], w[1]
    return None
