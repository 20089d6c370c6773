"""list-mismatch: one translation's list drops a member that the other translations list.

Members are compared as what they name, not as words: a territory by its CLDR
code (Alemania = Германия = DE), any other member by per-word phonetic keys
(Jon Rahm = জন র‍্যাম), an inflection after the name and a clitic before it
allowed. Members of the link's translations that meet are one *entity*.

A member is reported dropped only when the evidence is strong, since every
translation reads its own boundaries and translates common words freely:

- the entity is a name: a territory, or written with capitals in a cased
  script (a list of symptoms or sectors is translated, not transliterated);
- at least two translations, and three in four of those whose lists are this
  enumeration, list it (with two translations neither outvotes the other, and a
  list read at another boundary in one of them is no evidence);
- the flagged translation's list is this enumeration (two entities or more in
  common), every member of it meets the others' (a member that cannot be matched
  across scripts may be the "dropped" one, written in a way the keys miss), and
  it repeats no member (that is list-duplicate's finding);
- the flagged paragraph does not write the entity anywhere (a member outside
  the list as read here was cut at another boundary).

A translation whose list is cut at another boundary (a semicolon) and lacks a member
the flagged one lists too is no vote. And a member that need not be a name: where the
others list one between two members met across translations, and agree on the count,
a translation that writes those two side by side, only a conjunction or a separator
between them, lacks it (``_side_by_side``).

One finding per translation and link, naming every member it drops. Members, their
matching and the reading of a paragraph without a list are in ``lists_common``.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from ..extract.labels import country_code, territory_names
from ..extract.lists import _conjunctions, _separators
from ..extract.names import strip_clitic
from ..extract.text import fold, is_cased_script, load_data
from ..model import Fact
from .base import Check, GroupContext, lang_of, location
from .lists_common import (_MAX_TERRITORY_WORDS as _TERRITORY_WORDS, Member, _a_word_written, _entities, _joined_at,
                           _member, _word_written, _writes)
from .names.common import word_keys
from .lists_common import shared_members  # noqa: F401 - re-exported: benchmarks/perturb.py imports it from here

_MIN_WITNESSES = 2
_COVERAGE = 0.75  # of the translations whose lists are this enumeration
_SHORT_COVERAGE = 2 / 3  # of those reading a list, that read the one count a list one shorter lacks a name of


def _strong(entity: list[Member]) -> bool:
    """A territory, or a name with a word of three letters or more in its key ("Dr" cut
    from "Dr. PawPaw" at its full stop is not)."""
    return any(m.territory for m in entity) or any(len(k) >= 3 for m in entity for w in m.words for k in w)


def _plain(word: str) -> str:
    """A folded word without its diacritics: Dubái, Dubaï and Dubai are one spelling of a name."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _placed(entity: list[Member]) -> bool:
    """Strong enough to say where a dropped member stood: ``_strong``, or a word of three
    letters or more that two translations write alike (Dubai, whose key ``db`` is too
    short to be evidence: the spelling is)."""
    if _strong(entity):
        return True
    seen: dict[str, str] = {}
    for m in entity:
        for folded in m.folded:
            w = _plain(folded)
            if len(w) >= 3 and seen.setdefault(w, m.doc) != m.doc:
                return True
    return False


def _guessed(ctx: GroupContext, m: Member) -> bool:
    """A member whose extent the extractor guessed: in a caseless script, the list's last
    when it runs on into the sentence (as wide as the member before it). One that meets no
    other translation's is no evidence that this translation writes another list. (A first
    member, cut from the clause before it, was tried too: on TICO-19 translated names
    then passed for dropped ones, روسيا البيضاء for Belarus, Wina for Vienna.)"""
    if m.index < len(m.fact.keys) - 1 or m.capitalised:
        return False
    text = ctx.documents[m.doc].paragraphs[m.para].text
    rest = text[m.fact.spans[m.index][1]:].lstrip()
    return bool(rest) and rest[0].isalnum()


def _a_name(ctx: GroupContext, entity: list[Member]) -> bool:
    """A territory, or capitalised in a cased script and written alike in two scripts
    or by three translations (Malay and Indonesian share words, as Hindi and Marathi
    do: two translations of one script may share a translation, not a name)."""
    if any(m.territory for m in entity):
        return True
    docs = {m.doc for m in entity}
    return any(m.capitalised for m in entity) and \
        (len({ctx.documents[d].script for d in docs}) >= 2 or len(docs) >= 3)


def _between(entity: list[Member], witnesses: set[str], mine: list[list[Member]]) -> bool:
    """Every witness lists the entity between two members of entities in ``mine`` (the
    flagged translation's): an inner member, which no first member can stand for."""
    listed = {(m.doc, m.para, m.fact.start, m.index) for e in mine for m in e}
    for m in entity:
        if m.doc not in witnesses:
            continue
        at = (m.doc, m.para, m.fact.start)
        if not any(at + (j,) in listed for j in range(m.index)) or \
                not any(at + (j,) in listed for j in range(m.index + 1, len(m.fact.keys))):
            return False
    return True


def _whole_lists(peers: set[str], witnesses: set[str], mine: list[list[Member]]) -> set[str]:
    """The peers whose lists hold every member that the flagged translation and all the
    witnesses list: one that lacks such a member too was read at another boundary (a list
    cut at a semicolon, "CBS, ABC, NBC, CNN; Fox News Channel and MSNBC") and is no vote."""
    common = [{m.doc for m in e} for e in mine if witnesses <= {m.doc for m in e}]
    return {o for o in peers if all(o in docs for docs in common)}


def _written_side_by_side(ctx, d, paras, a, c, seen):
    """(paragraph, the words) of ``paras`` where members of entities ``a`` and ``c`` are written
    next to each other, only a conjunction or a separator between them (None when nowhere). ``seen``
    keeps each paragraph's words and each entity's places in it, found once per link."""
    lang = ctx.documents[d].language
    for i in paras:
        original = ctx.documents[d].paragraphs[i].text
        if (d, i) not in seen:
            text, back = _joined_at(original)  # the words' offsets are the joined text's; back maps them to the paragraph's
            words = word_keys(text, lang)
            conj = _conjunctions(lang)
            nxt, after = [0] * len(words), len(words)
            for n in range(len(words) - 1, -1, -1):  # the next word that is no conjunction
                nxt[n] = after
                if fold(words[n][2]) not in conj:
                    after = n
            index: dict = {}
            for n, (_, _, t, keys) in enumerate(words):
                index.setdefault(("f", _plain(fold(strip_clitic(t, lang)))), []).append(n)
                for k in keys:
                    index.setdefault(k[:3], []).append(n)
            seen[d, i] = (text, back, words, nxt, index, {})
        text, back, words, nxt, index, places = seen[d, i]
        for e in (a, c):
            if id(e) not in places:
                places[id(e)] = _at(words, index, e, lang) | _territory_at(words, e, lang)
        at_c = places[id(c)]
        for pa in sorted(places[id(a)]):
            for pc in range(pa + 1, min(nxt[pa], len(words) - 1) + 1):
                if pc in at_c and (pc > pa + 1 or _separators().search(text[words[pa][1]:words[pc][0]])):
                    start, end = back[words[pa][0]], back[words[pc][1] - 1] + 1
                    return i, Fact(original[start:end], start, end)
    return None


def _at(words, index, entity, lang) -> set[int]:
    """The positions of the paragraph's words written as a member of the entity writes one of
    its words: alike (diacritics aside) when three letters or more, or by a key of three letters
    or more (``index``: the words by plain folded form and by a key's first three letters, which
    a key that meets another shares with it)."""
    out = set()
    for m in entity:
        for want, folded in zip(m.words, m.folded):
            plain = _plain(folded)
            near = set(index.get(("f", plain), ())) if len(plain) >= 3 else set()
            out.update(near)
            if max(map(len, want)) < 3:
                continue
            near = set()
            for k in want:
                near.update(index.get(k[:3], ()))
            out.update(n for n in near if _word_written(want, words[n][3]))
    return out


def _territory_at(words, entity, lang) -> set[int]:
    """The positions of the paragraph's words that name the entity's territory by a CLDR name of
    the language (اٹلی is Italy, whose key ``tl`` is too short for ``_at``): the words of the name
    alone, not a stretch that ends with it."""
    code = next((m.territory for m in entity if m.territory), None)
    if code is None:
        return set()
    out = set()
    for n in range(len(words)):
        for w in range(1, _TERRITORY_WORDS + 1):
            if n + w <= len(words) and country_code(" ".join(t for _, _, t, _ in words[n:n + w]), lang) == code:
                out.update(range(n, n + w))
    return out


def _named(ctx: GroupContext, doc: str, paras, entity: list[Member]) -> bool:
    """Any CLDR name of the entity's territory, however short, written in the paragraphs
    (德国: a script without spaces writes a name in two signs, which ``_writes`` leaves out
    of its search of spaced text)."""
    code = next(m.territory for m in entity if m.territory)
    names = [n for n, c in territory_names(ctx.documents[doc].language).items() if c == code and len(n) >= 2]
    return any(n in fold(ctx.documents[doc].paragraphs[i].text) for i in paras for n in names)


class ListMismatch(Check):
    code = "list-mismatch"
    severity = "error"
    description = "A translation's list drops a member (a name) that the other translations all list."
    rationale = ("A list that loses a name (a province, a company) the other translations list tells its "
                 "readers less. Only names are compared (territories by CLDR code, others by phonetic keys), "
                 "at least three translations and three in four of those with this list must list it, and "
                 "the flagged translation must not write it anywhere in the paragraph. A member that is no "
                 "name is reported only by its place: the others list it between two members they share, "
                 "which the flagged translation writes side by side.")
    messages = {"dropped": "{lang}'s list lacks {quoted}, which {witnesses} of the other {n} translations list",
                "shorter": "{lang}'s list has {found} members where the other {others} translations list {expected}",
                "gap": "{lang}'s list has {found} members where {others} other translations list {expected}: "
                       "between '{before}' and '{after}' they list {quoted}",
                "between": "{lang} writes '{pair}' where {witnesses} of the other {n} translations list a member "
                           "between these two ({quoted})"}

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            if len(present) < _MIN_WITNESSES + 1:
                continue  # with two translations, neither outvotes the other
            members = []
            for d, idx in present:
                doc = ctx.documents[d]
                cased = is_cased_script(" ".join(doc.paragraphs[i].text for i in idx))
                for i in idx:
                    for f in ctx.facts[d][i].lists:
                        members += [_member(d, doc.language, cased, i, f, j) for j in range(len(f.keys))]
            if not members:
                continue
            entities = _entities(members)
            got = list(self._link(ctx, dict(present), entities))
            got += self._unlisted(ctx, dict(present), entities)
            got += self._side_by_side(ctx, dict(present), entities, {loc.document for f in got for loc in f.locations
                                                                    if loc.role == "flagged"})
            got += self._gap(ctx, present, {loc.document for f in got for loc in f.locations
                                            if loc.role == "flagged"}, entities)
            yield from got
            yield from self._shorter(ctx, present, {loc.document for f in got for loc in f.locations
                                                    if loc.role == "flagged"}, entities)

    def _shorter(self, ctx, present, flagged, entities):
        """A list one member shorter than the list every other translation that reads a list
        here gives (two at least), each reading that one list in the link: members translated
        (houses, hospitals) cannot be matched across languages, but their count can. A first
        member that meets no other translation's is set aside when counting (it may be the
        clause before the list). Three in four agreeing was tried: on the corpora, lists read
        at clause commas then outnumber real drops (1 real in 11 on NTREX). So was a list of
        three left as "A and C", which no list is read from, against every other translation's
        closed list of three: 0 real in 4 on NTREX (compounds "pub- bar- och restaurang",
        "Zoran Zaev, his wife Zorica and his son" written without commas)."""
        lists = {d: [(i, f) for i in idx for f in ctx.facts[d][i].lists] for d, idx in present}
        alone = {(m.doc, m.para, m.fact.start) for e in entities for m in e if len(e) == 1 and m.index == 0}

        def size(o):  # a first member that meets no other translation's may be the clause before the list
            (j, g), = lists[o]
            return len(g.keys) - ((o, j, g.start) in alone)

        for d, mine in sorted(lists.items()):
            if d in flagged or len(mine) != 1:
                continue
            [(i, f)] = mine
            others = [o for o in sorted(lists) if o != d and lists[o]]
            sizes = Counter(size(o) for o in others if len(lists[o]) == 1 and not lists[o][0][1].short)
            if not sizes:
                continue
            k, n = sizes.most_common(1)[0]
            if f.short:
                continue
            if n < max(_MIN_WITNESSES, len(others)):
                if len({fold(m) for m in f.members}) == len(f.members):  # keys are coarse: Shenzhen, Xangai
                    yield from self._short_of_a_name(ctx, d, (i, f), present, entities, others, lists, size)
                continue
            if size(d) != k - 1 or len(set(f.keys)) < len(f.keys):
                continue  # every other translation that reads a list here reads one of one size
            witnesses = [o for o in others if len(lists[o]) == 1 and not lists[o][0][1].short and size(o) == k]
            k, found = len(lists[witnesses[0]][0][1].keys), len(f.keys)
            if any(len(lists[o][0][1].keys) != k for o in witnesses) or found != k - 1:
                continue  # the counts agree only once a first member is set aside: not one count to report
            locs = [location(ctx.documents[d], i, f)]
            locs += [location(ctx.documents[o], *lists[o][0], role="support") for o in witnesses]
            msg = self.message("shorter", lang=lang_of(ctx, d), found=k - 1, others=len(witnesses), expected=k)
            yield self.finding(ctx, msg, locs, subject=f"size:{k}->{k - 1}", expected=k, found=k - 1,
                               values=((d, list(f.members)),))

    def _gap(self, ctx, present, flagged, entities):
        """A list one member shorter than the lists most other translations read here at one
        size, with the place of the missing member known: each member of it that meets the
        others' is placed at the position those lists give it, every placed member agrees with
        one gap, and the members on both sides of the gap are placed ("A, B, D" where the others
        list "A, B, C, D", B and D met by key or territory). The missing member need not be a
        name: the count says one is gone, its placed neighbours say which. A first member that
        meets nothing in a list is set aside (the clause before the list), as in ``_shorter``;
        a gap at either end is no evidence (a list read into the clause around it). Not
        reported when the paragraph writes any witness's member there (a list read at other
        boundaries), or when the list repeats a member or two of its members meet one entity."""
        vote = load_data("lists.yaml")["count_vote"]
        lists = {d: [(i, f) for i in idx for f in ctx.facts[d][i].lists if not f.short] for d, idx in present}
        where = {(m.doc, m.para, m.fact.start, m.index): e for e in entities for m in e}
        alone = {(m.doc, m.para, m.fact.start) for e in entities for m in e if len(e) == 1 and m.index == 0}
        shift = lambda o, i, f: int((o, i, f.start) in alone)  # noqa: E731 - the first member set aside
        size = lambda o: len(lists[o][0][1].keys) - shift(o, *lists[o][0])  # noqa: E731
        for d, mine in sorted(lists.items()):
            if d in flagged or len(mine) != 1:
                continue
            (i, f), head = mine[0], shift(d, *mine[0])
            n = len(f.keys) - head
            if n < 2 or len(set(f.keys)) < len(f.keys):
                continue
            readers = [o for o in lists if o != d and len(lists[o]) == 1]
            witnesses = [o for o in readers if size(o) == n + 1]
            if len(witnesses) < max(_MIN_WITNESSES, vote["count"] * len(readers)):
                continue
            placed = {}  # d's member (past the head) -> the place the witnesses' lists give it
            for j in range(n):
                e = where.get((d, i, f.start, j + head), [])
                if sum(m.doc == d for m in e) > 1:
                    placed = None  # two of its members meet one entity: the keys cannot tell them apart
                    break
                at = Counter(m.index - shift(m.doc, m.para, m.fact) for m in e if m.doc in witnesses
                             and (m.para, m.fact) == lists[m.doc][0])
                if at:
                    p, k = at.most_common(1)[0]
                    if k >= max(_MIN_WITNESSES, vote["placed"] * len(witnesses)):
                        placed[j] = p
            if not placed:
                continue
            gaps = [g for g in range(1, n) if g - 1 in placed and g in placed
                    and all(p == (j if j < g else j + 1) for j, p in placed.items())]
            if len(gaps) != 1:
                continue
            g = gaps[0]
            missing = [(o, lists[o][0], g + shift(o, *lists[o][0])) for o in witnesses]
            if any(_writes(ctx, d, present_d, where[o, oi, of.start, k]) for o, (oi, of), k in missing
                   for present_d in [dict(present)[d]] if (o, oi, of.start, k) in where):
                continue  # it writes the member somewhere: a list read at other boundaries
            locs = [location(ctx.documents[d], i, f)]
            shown = []
            for o, (oi, of), k in missing:
                s, t = of.spans[k]
                shown.append(of.members[k])
                locs.append(location(ctx.documents[o], oi, Fact(of.members[k], s, t), "support"))
            e = where.get(missing[0][:1] + (missing[0][1][0], missing[0][1][1].start, missing[0][2]), [])
            name = next((m.surface for m in e if m.capitalised), Counter(shown).most_common(1)[0][0])
            before, after = f.members[g - 1 + head], f.members[g + head]
            msg = self.message("gap", lang=lang_of(ctx, d), found=n, others=len(witnesses), expected=n + 1,
                               quoted=f"'{name}'", before=before, after=after)
            key = lambda x: next((m.territory for m in x if m.territory), None) or \
                Counter(" ".join(sorted(w)[0] for w in m.words) for m in x).most_common(1)[0][0]  # noqa: E731
            subject = f"gap:{key(where[d, i, f.start, g - 1 + head])}|{key(where[d, i, f.start, g + head])}"
            yield self.finding(ctx, msg, locs, subject=subject, expected=name, found=None,
                               values=((d, list(f.members)),))

    def _short_of_a_name(self, ctx, d, mine, present, entities, others, lists, size):
        """Not every other translation reads one count here, but two in three of them (three
        at least) do, by members as read or with an unmatched first member set aside; ``d``'s
        list is one shorter, and the member it lacks is a name they list that its paragraph
        never writes: the count says a member is missing, the name says which."""
        singles = [o for o in others if len(lists[o]) == 1 and not lists[o][0][1].short]
        for measure in (size, lambda o: len(lists[o][0][1].keys)):
            k, n = Counter(measure(o) for o in singles).most_common(1)[0]
            if measure(d) != k - 1 or n < max(_MIN_WITNESSES + 1, _SHORT_COVERAGE * len(others)):
                continue
            dropped = self._missing_name(ctx, d, present, entities, {o for o in singles if measure(o) == k})
            if dropped:
                yield self._finding(ctx, d, [mine], [dropped], {o for o in singles if measure(o) == k})
                return

    def _missing_name(self, ctx, d, present, entities, witnesses):
        """The one territory three in four of ``witnesses`` list that ``d``'s paragraph does
        not write by any of its CLDR names (None when there is none, or several: the count
        says one is missing, and the keys must not guess which; or when a member of ``d``'s
        list past the first meets none of theirs). Other names were tried: their keys miss
        too many of a caseless script's spellings (SARS, Sydney in Tamil) to vouch for an absence."""
        paras = dict(present)[d]
        if any(len(e) == 1 and e[0].doc == d and e[0].index and not e[0].territory for e in entities):
            return None  # a member of its list past the first meets none of theirs: it may be the missing one
        need = max(_MIN_WITNESSES, _COVERAGE * len(witnesses))
        missing = [e for e in entities if d not in {m.doc for m in e} and len({m.doc for m in e} & witnesses) >= need
                   and any(m.territory for m in e)]
        missing = [e for e in missing if not _writes(ctx, d, paras, e) and not _named(ctx, d, paras, e)]
        return missing[0] if len(missing) == 1 else None

    def _unlisted(self, ctx, present, entities):
        """A translation whose paragraph lists none of the enumeration the others list (it
        wrote "A and C", two members no list is read from) but writes every member of it
        except names that three in four of those lists give: it dropped them."""
        listing = {m.doc for e in entities for m in e}
        docs = [({m.doc for m in e}, e) for e in entities]  # an entity's translations, once
        shared = [(ds, e) for ds, e in docs if len(ds) >= 2]
        for d in sorted(present):
            others = [(ds, e) for ds, e in shared if d not in ds]
            peers = Counter(o for ds, _ in others for o in ds)
            peers = {o for o, n in peers.items() if n >= 2}
            if len(peers) < _MIN_WITNESSES or (d in listing and len(self._peers(entities, d)) >= _MIN_WITNESSES):
                continue  # too few witnesses, or its own list is compared with theirs (_link)
            need = max(_MIN_WITNESSES, _COVERAGE * len(peers))
            listed = [e for ds, e in others if len(ds & peers) >= need]
            if len(listed) < 3:
                continue  # an enumeration of three or more: two names are no list to lose a member of
            unwritten = [e for e in listed if not _writes(ctx, d, present[d], e)]
            dropped = [e for e in unwritten if not _a_word_written(ctx, d, present[d], e)]
            if len(dropped) < len(unwritten):
                continue  # a member written only loosely: the translation may write them all another way
            if not dropped or len(dropped) > max(1, len(listed) // 4) or not all(_a_name(ctx, e) and _strong(e) for e in dropped):
                continue  # it writes them all, or too many are "dropped" (it writes them in a way the keys miss)
            yield self._finding(ctx, d, [(present[d][0], None)], dropped, peers)

    def _side_by_side(self, ctx, present, entities, flagged):
        """A member the others list between two members that this translation writes side by
        side, a conjunction or a separator between them ("A, B and C" written "A and C"): two
        entities met across translations bound the place where the dropped one stood, so the
        dropped member need not be a name (common words are translated, and only the count and
        the neighbours say one is gone). Two witnesses at least, and three in four of the
        translations that list both neighbours list a member between them; the flagged
        paragraph writes no middle member that another translation's key meets."""
        where = {(m.doc, m.para, m.fact.start, m.index): n for n, e in enumerate(entities) for m in e}
        lists = {(m.doc, m.para, m.fact.start): m.fact for e in entities for m in e}
        held = [{(m.doc, m.para, m.fact.start) for m in e} for e in entities]  # the lists an entity is in
        apart: dict = {}  # (entity, entity two on) -> {doc: the member between}
        for (doc, para, start), f in lists.items():
            for j in range(len(f.keys) - 2):
                apart.setdefault((where[doc, para, start, j], where[doc, para, start, j + 2]), {})[doc] = \
                    where[doc, para, start, j + 1]
        sizes = {d: [] for d in present}
        for (o, _, _), f in lists.items():
            if not f.short:
                sizes[o].append(len(f.keys))
        seen: dict = {}
        for d in sorted(present):
            if d in flagged:
                continue
            others = [o for o in present if o != d]
            for (a, c), middles in sorted(apart.items()):
                witnesses = {o for o in middles if o != d}
                if d in middles or len(witnesses) < _MIN_WITNESSES:
                    continue
                if len(witnesses) < _COVERAGE * len({o for o, _, _ in held[a] & held[c]} - {d}):
                    continue  # most of the translations listing both list them side by side too
                if not (_placed(entities[a]) and _placed(entities[c])):
                    continue
                # the count: d's list lacks one member of the size the others agree on
                target = Counter(len(sizes[o]) == 1 and sizes[o][0] for o in sorted(witnesses)).most_common(1)[0][0]
                mine = sorted(len(lists[k].keys) for k in held[a] & held[c] if k[0] == d)
                if not target or (mine and mine[0] != target - 1) or (not mine and target != 3):
                    continue
                if sum(sizes[o] == [target] for o in others) < max(_MIN_WITNESSES, _COVERAGE * len(others)):
                    continue
                # the member between must be one entity the witnesses share (met across them by key
                # or territory), so that its absence from this translation can be seen: a common word
                # each writes in its own words may have been moved out of the list, not dropped
                _, shared = Counter(middles[o] for o in witnesses).most_common(1)[0]
                if shared < max(_MIN_WITNESSES, _COVERAGE * len(witnesses)):
                    continue
                spot = _written_side_by_side(ctx, d, present[d], entities[a], entities[c], seen)
                if spot is None:
                    continue
                if any(_writes(ctx, d, present[d], entities[middles[o]]) for o in witnesses):
                    continue  # it writes the member somewhere: a list read at other boundaries
                yield self._between_finding(ctx, d, *spot, [m for o in sorted(witnesses) for m in entities[middles[o]]
                                                            if m.doc == o], entities[a], entities[c], len(others))
                break

    def _between_finding(self, ctx, d, para, pair, middles, a, c, others):
        """One finding for the member the witnesses list between ``a`` and ``c`` (``pair``: how
        ``d`` writes them, side by side): each witness writes it in its own words, so every one
        of them is shown as support."""
        locs = [location(ctx.documents[d], para, pair)]
        for m in middles:
            s, t = m.fact.spans[m.index]
            locs.append(location(ctx.documents[m.doc], m.para, Fact(m.surface, s, t), "support"))
        shown = next((m for m in middles if m.capitalised), middles[0]).surface
        key = lambda e: next((m.territory for m in e if m.territory), None) or \
            Counter(" ".join(sorted(w)[0] for w in m.words) for m in e).most_common(1)[0][0]  # noqa: E731
        msg = self.message("between", lang=lang_of(ctx, d), quoted=f"'{shown}'", witnesses=len({m.doc for m in middles}),
                           n=others, pair=pair.text)
        return self.finding(ctx, msg, locs, subject=f"between:{key(a)}|{key(c)}", expected=shown, found=None,
                            values=((d, [pair.text]),))

    @staticmethod
    def _peers(entities, d) -> set[str]:
        """The translations whose lists share two entities with ``d``'s."""
        peers = Counter(o for e in entities if d in {m.doc for m in e} for o in {m.doc for m in e} if o != d)
        return {o for o, n in peers.items() if n >= 2}

    def _link(self, ctx, present, entities):
        by_doc: dict[str, list[list[Member]]] = {}
        for e in entities:
            for d in {m.doc for m in e}:
                by_doc.setdefault(d, []).append(e)
        for d in sorted(by_doc):
            shared = [e for e in by_doc[d] if len({m.doc for m in e}) >= 2]
            # the translations whose lists are this enumeration: two entities in common
            peers = Counter(o for e in shared for o in {m.doc for m in e} if o != d)
            peers = {o for o, n in peers.items() if n >= 2}
            if len(peers) < _MIN_WITNESSES:
                continue
            lists = {(m.para, m.fact.start): m.fact for e in shared for m in e if m.doc == d and
                     any(x.doc in peers for x in e)}
            alone = [e for e in by_doc[d] if len(e) == 1 and any((m.para, m.fact.start) in lists for m in e)]
            # a first member that meets nothing may be the clause before the list (مباراة القمة، مع
            # بول كيسي): set aside, but then only a member the others list between two of this
            # list's can be the dropped one (the first may be how it writes theirs: روسيا البيضاء)
            heads = [e for e in alone if e[0].index == 0 and not _guessed(ctx, e[0])]
            if any(not _guessed(ctx, e[0]) for e in alone if e not in heads):
                continue  # a member of its list meets no other translation's
            unsure = any(e not in heads for e in alone)  # a member read at a guessed boundary meets nothing: read the paragraph leniently
            if any(len(set(f.keys)) < len(f.keys) for f in lists.values()):
                continue  # a repeated member: list-duplicate reports the list
            mine = [e for e in by_doc[d] if any((m.para, m.fact.start) in lists for m in e if m.doc == d)]
            if any(sum(m.doc == d for m in e) > 1 for e in mine):
                continue  # two of its members meet one of the others': the keys cannot tell them apart
            dropped = []
            for e in entities:
                docs = {m.doc for m in e}
                if d in docs or not _a_name(ctx, e):
                    continue
                witnesses = docs & peers
                if len(witnesses) < max(_MIN_WITNESSES, _COVERAGE * len(_whole_lists(peers, witnesses, mine))):
                    continue
                if any(not ({m.doc for m in e2} & witnesses) and not (len(e2) == 1 and _guessed(ctx, e2[0]))
                       and e2 not in heads for e2 in mine):
                    continue  # a member the witnesses do not list may be how it writes this one (VIH, HIV)
                if heads and not _between(e, witnesses, mine):
                    continue
                if not _writes(ctx, d, present[d], e) and not (unsure and _a_word_written(ctx, d, present[d], e)):
                    dropped.append(e)
            # many members "dropped" at once: the keys miss how this translation writes them
            listed = sum(1 for e in entities if len({m.doc for m in e} & peers) >= max(_MIN_WITNESSES, _COVERAGE * len(peers)))
            if len(dropped) > max(1, listed // 4):
                continue
            if dropped:
                yield self._finding(ctx, d, [(p, lists[p, s]) for p, s in sorted(lists)], dropped, peers)

    def _finding(self, ctx, d, lists, dropped, peers):
        para, f = lists[0]
        locs = [location(ctx.documents[d], para, f)]  # f None: the paragraph, which reads no list
        names, subjects = [], []
        for e in dropped:
            support = sorted((m for m in e if m.doc in peers), key=lambda m: (m.doc, m.para, m.index))
            shown = next((m for m in support if m.capitalised), support[0])
            names.append(shown.surface)
            subjects.append(next((m.territory for m in e if m.territory), None)
                            or Counter(" ".join(sorted(w)[0] for w in m.words) for m in support).most_common(1)[0][0])
            for m in support:
                s, t = m.fact.spans[m.index]
                locs.append(location(ctx.documents[m.doc], m.para, Fact(m.surface, s, t), "support"))
        witnesses = min(len({m.doc for m in e} & peers) for e in dropped)
        quoted = ", ".join(f"'{n}'" for n in names)
        msg = self.message("dropped", lang=lang_of(ctx, d), quoted=quoted, witnesses=witnesses, n=len(peers))
        return self.finding(ctx, msg, locs, subject="|".join(sorted(subjects)),
                            expected=names[0] if len(names) == 1 else names, found=None,
                            values=((d, list(f.members) if f else []),))
