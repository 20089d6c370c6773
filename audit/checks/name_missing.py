"""name-missing: a name the other translations give is absent from one of them."""
from __future__ import annotations

from ..model import Location
from .base import Check, GroupContext, lang_of
from .names.common import name_votes


def name_locations(ctx: GroupContext, v) -> list[Location]:
    locs = []
    for d, mention, idx in v.flagged:
        doc = ctx.documents[d]
        if mention is None:
            p = doc.paragraphs[idx[0]]
            locs.append(Location(d, p.line, p.text, "", 0, 0))
        else:
            p = doc.paragraphs[mention.paragraph]
            locs.append(Location(d, p.line_at(mention.start), p.text, mention.surface, mention.start, mention.end))
    role = "flagged" if len(v.flagged) + len(v.support) == 2 else "support"  # two: neither outvotes
    for d, (i, s, e) in v.support:
        p = ctx.documents[d].paragraphs[i]
        locs.append(Location(d, p.line_at(s), p.text, p.text[s:e], s, e, role))
    return locs


def name_subject(v) -> str:
    return "/".join(sorted("+".join(u) for u in v.name.units))


class NameMissing(Check):
    code = "name-missing"
    severity = "warning"
    description = "A name that the other translations give here is missing from one translation."
    # Off by default: on professional translations (benchmarks/real.py) fewer than half of its
    # findings are real; translators translate organisations, titles and works (Metropolitan
    # Police = شرطة العاصمة) and spell names in ways no phonetic key meets. ``checks.select`` runs it.
    default_enabled = False

    def run(self, ctx: GroupContext):
        for v in name_votes(ctx):
            if v.kind != "missing":
                continue
            (d, _, _), = v.flagged
            n_support = len(v.support)
            who = ", ".join(lang_of(ctx, s) for s, _ in v.support)
            if n_support == 1:
                msg = (f"the two translations disagree: {who} names '{v.name.surface}' here, "
                       f"{lang_of(ctx, d)} does not (it names it elsewhere)")
            else:
                msg = f"{lang_of(ctx, d)} drops '{v.name.surface}', which {n_support} translations ({who}) name here"
            yield self.finding(ctx, msg, name_locations(ctx, v), subject=name_subject(v),
                               expected=v.name.surface, found=None, values=((d, None),))
