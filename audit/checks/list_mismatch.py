"""list-mismatch: one translation's list drops, replaces or repeats a member the others list."""
from __future__ import annotations

from ..model import Fact
from .base import Check, GroupContext, lang_of, location
from .vote import vote


def _members(f: Fact) -> dict:
    """(member key, occurrence) -> member index: a repeated member is a second value."""
    out, seen = {}, {}
    for j, key in enumerate(f.value):
        seen[key] = seen.get(key, 0) + 1
        out[(key, seen[key])] = j
    return out


def _trimmed(f: Fact, lists: dict, doc: str) -> Fact:
    """Member keys cut to what the other lists write: a list's first member may carry
    the noun before it ("Provinserna Cao Bang", "Wilayah Cao Bang") where another
    language puts it after. A key whose trailing words are another list's member
    becomes that member."""
    others = {k for d, (_, g) in lists.items() if d != doc for k in g.value}
    keys = []
    for key in f.value:
        words = key.split()
        cut = next((" ".join(words[n:]) for n in range(1, len(words)) if " ".join(words[n:]) in others), key)
        keys.append(key if key in others else cut)
    return Fact(f.kind, tuple(keys), f.text, f.start, f.end, f.approx, f.form, f.extra)


def _closeness(a, b) -> float:
    return 1.0  # any dropped member may have been replaced by any extra one


def _comparable(lists: dict) -> dict:
    """Only lists of names compare across scripts: keep a document's list when it
    shares at least half its members (and two) with another document's list.
    Lists of common words (adjectives, sectors) never meet across languages."""
    keys = {d: set(f.value) for d, (_, f) in lists.items()}
    keep = {}
    for d, (i, f) in lists.items():
        need = max(2, (len(keys[d]) + 1) // 2)
        if any(len(keys[d] & keys[o]) >= need for o in lists if o != d):
            keep[d] = (i, f)
    return keep


class ListMismatch(Check):
    code = "list-mismatch"
    severity = "error"
    description = "A translation's list misses, replaces or repeats a member that the other translations list."

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            lists = {}
            for d, idx in present:
                found = [(i, f) for i in idx for f in ctx.facts[d][i].lists]
                if found:
                    lists[d] = max(found, key=lambda x: len(x[1].value))  # the link's main enumeration
            lists = _comparable(lists)
            if len(lists) < 2:
                continue
            lists = {d: (i, _trimmed(f, lists, d)) for d, (i, f) in lists.items()}
            per_doc = {d: _members(f) for d, (i, f) in lists.items()}
            # with two lists a member one of them lacks is as likely a list boundary read
            # differently ("... Cao Bang and Ha Giang Communist Party"): only a replaced
            # or repeated member is a finding then
            two = len(per_doc) == 2
            for v in vote(per_doc, _closeness, counts_for_missing=lambda _: not two):
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
        else:
            kind = "the two translations' lists disagree" if len(per_doc) == 2 else "no majority settles this list"
            msg = f"{kind}: " + "; ".join(said)
        subject = "|".join("/".join(map(str, val)) if val else "-" for _, val in v.flagged)
        if v.expected:
            subject = f"{'/'.join(map(str, v.expected))}->{subject}"
        return self.finding(ctx, msg, locs, subject=subject, expected=expected, found=found,
                            values=tuple((dd, f.extra["members"]) for dd, (_, f) in sorted(lists.items())))
