"""list-mismatch: one translation's list drops, replaces or repeats a member the others list."""
from __future__ import annotations

from ..model import Fact
from .base import Check, GroupContext, lang_of, location
from .names_common import name_views, word_keys
from .vote import vote


def _members(f: Fact) -> dict:
    """(member key, occurrence) -> member index: a repeated member is a second value."""
    out, seen = {}, {}
    for j, key in enumerate(f.value):
        seen[key] = seen.get(key, 0) + 1
        out[(key, seen[key])] = j
    return out


def _closeness(a, b) -> float:
    return 1.0  # any dropped member may have been replaced by any extra one


def shared_members(a: Fact, b: Fact) -> int:
    """How many members two lists share, when that makes them one list: at least two,
    and at least half of the shorter. Lists of common words (adjectives, sectors)
    never meet across languages; lists of names do."""
    n = len(set(a.value) & set(b.value))
    return n if n >= max(2, (min(len(set(a.value)), len(set(b.value))) + 1) // 2) else 0


def _clusters(lists: dict[str, list[tuple[int, Fact]]]) -> list[dict[str, tuple[int, Fact]]]:
    """The link's lists grouped into one enumeration per group, at most one list per
    document: the pairs that share the most members join first (a paragraph may
    hold several lists of the same provinces). A cluster of short lists only is
    dropped: two names side by side are not a list to compare."""
    items = [(d, k) for d in sorted(lists) for k in range(len(lists[d]))]
    pairs = []
    for x, (d, k) in enumerate(items):
        for y in range(x + 1, len(items)):
            e, m = items[y]
            if e != d:
                n = shared_members(lists[d][k][1], lists[e][m][1])
                if n:
                    pairs.append((-n, x, y))
    owner = list(range(len(items)))
    docs = [{items[x][0]} for x in range(len(items))]

    def root(x):
        while owner[x] != x:
            x = owner[x]
        return x

    for _, x, y in sorted(pairs):
        a, b = root(x), root(y)
        if a != b and not docs[a] & docs[b]:
            owner[b] = a
            docs[a] |= docs[b]
    out: dict[int, dict] = {}
    for x, (d, k) in enumerate(items):
        out.setdefault(root(x), {})[d] = lists[d][k]
    return [c for _, c in sorted(out.items())
            if len(c) >= 2 and not all(f.extra["short"] for _, f in c.values())]


def _unglued(ctx: GroupContext, found: dict) -> dict:
    """Member keys as another translation's list writes the member: without a glued
    conjunction or preposition ("وها جيانج" is "and Ha Giang"), or without the noun
    before the name, which another language puts after it ("ومقاطعات كوانغ نينه",
    "Provinserna Cao Bang")."""
    out = {}
    for d, lists in found.items():
        others = {k for o, ls in found.items() if o != d for _, g in ls for k in g.value}
        lang = ctx.documents[d].language
        fixed = []
        for i, f in lists:
            keys = list(f.value)
            for j, (key, member) in enumerate(zip(f.value, f.extra["members"])):
                if key in others:
                    continue
                words = word_keys(member, lang)
                if not words:
                    continue
                rest = key.split()[1:]
                alt = next((" ".join([k] + rest) for k in sorted(words[0][3]) if " ".join([k] + rest) in others), None)
                alt = alt or next((" ".join(rest[n:]) for n in range(len(rest)) if " ".join(rest[n:]) in others), None)
                if alt:
                    keys[j] = alt
            fixed.append((i, f if keys == list(f.value) else
                          Fact(f.kind, tuple(keys), f.text, f.start, f.end, f.approx, f.form, f.extra)))
        out[d] = fixed
    return out


def _dropped(ctx: GroupContext, value, doc: str, lists: dict, per_doc: dict) -> bool:
    """Whether ``doc``'s list really lacks the member ``value`` (key, occurrence) that
    other lists give. Not when the paragraph writes it in or just around the list (a
    member outside the list as read here, "... Cao Bang and Ha Giang Communist Party",
    was read at another boundary), nor, when only one other list gives it, when the
    translation writes none of its words anywhere (a translated phrase, "the Communist
    Party", not a name it dropped)."""
    key, times = value
    width = len(key.split())
    words = []  # per word of the member, the keys it may stand for, as the lists that give it write it
    for d, members in per_doc.items():
        if value in members:
            _, f = lists[d]
            got = word_keys(f.extra["members"][members[value]], ctx.documents[d].language)[-width:]
            if len(got) == width:
                words.append([ks | {k} for (*_, ks), k in zip(got, key.split())])
    if not words:
        words = [[{k} for k in key.split()]]
    i, f = lists[doc]
    text = ctx.documents[doc].paragraphs[i].text
    lo, hi = max(0, f.start - _NEAR), min(len(text), f.end + _NEAR)
    near = [keys for s, e, _, keys in word_keys(text, ctx.documents[doc].language) if s >= lo and e <= hi]
    for want in words:
        found = sum(1 for j in range(len(near) - width + 1) if all(near[j + n] & w for n, w in enumerate(want)))
        if found >= times:
            return False
    if len(words) >= 2:
        return True  # two lists or more write it alike: a name, not a translated phrase
    known = name_views(ctx)[doc].key_links
    return any(all(any(k in known for k in w if len(k) >= 3) for w in want if max(map(len, w)) >= 3) for want in words)


_NEAR = 40  # characters either side of a list where a member may sit outside it


class ListMismatch(Check):
    code = "list-mismatch"
    severity = "error"
    description = "A translation's list misses, replaces or repeats a member that the other translations list."

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            found = {d: [(i, f) for i in idx for f in ctx.facts[d][i].lists] for d, idx in present}
            found = _unglued(ctx, found)
            for lists in _clusters({d: v for d, v in found.items() if v}):
                per_doc = {d: _members(f) for d, (i, f) in lists.items()}

                def counts(value, doc, lists=lists, per_doc=per_doc):
                    return _dropped(ctx, value, doc, lists, per_doc)

                for v in vote(per_doc, _closeness, counts_for_missing=counts):
                    yield self._finding(ctx, lists, per_doc, v)

    def _finding(self, ctx, lists, per_doc, v):
        locs, said, members = [], [], []
        for d, val in v.flagged:
            i, f = lists[d]
            if val is None:
                locs.append(location(ctx.documents[d], i, f))
                said.append(f"{lang_of(ctx, d)} lists {len(f.value)}")
                continue
            j = per_doc[d][val]
            s, e = f.extra["spans"][j]
            member = f.extra["members"][j]
            members.append(member)
            locs.append(location(ctx.documents[d], i, Fact("list", val, member, s, e)))
            said.append(f"{lang_of(ctx, d)} '{member}'" + (" a second time" if val[1] > 1 else ""))
        for d in v.support:
            i, f = lists[d]
            j = per_doc[d][v.expected]
            s, e = f.extra["spans"][j]
            locs.append(location(ctx.documents[d], i, Fact("list", v.expected, f.extra["members"][j], s, e), "support"))
        expected = None
        if v.support:
            i, f = lists[v.support[0]]
            expected = f.extra["members"][per_doc[v.support[0]][v.expected]]
        (d, val) = v.flagged[0]
        found = members[0] if val is not None else None
        if v.support and v.kind == "mismatch":
            msg = f"{said[0]} where {len(v.support)} of {len(per_doc)} translations list '{expected}'"
        elif v.support:
            msg = f"{lang_of(ctx, d)}'s list lacks '{expected}', which {len(v.support)} of {len(per_doc)} translations list"
        elif len(per_doc) == 2 and v.kind == "missing":
            (has, _), (lacks, _) = v.flagged
            msg = (f"the two translations' lists disagree: {lang_of(ctx, has)} lists '{members[0]}', "
                   f"{lang_of(ctx, lacks)}'s list does not")
        else:
            kind = "the two translations' lists disagree" if len(per_doc) == 2 else "no majority settles this list"
            msg = f"{kind}: " + "; ".join(said)
        subject = "|".join("/".join(map(str, val)) if val else "-" for _, val in v.flagged)
        if v.expected:
            subject = f"{'/'.join(map(str, v.expected))}->{subject}"
        return self.finding(ctx, msg, locs, subject=subject, expected=expected, found=found,
                            values=tuple((dd, f.extra["members"]) for dd, (_, f) in sorted(lists.items())))
