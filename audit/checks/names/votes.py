"""What name-missing and name-substituted report of a ``NameVote``: its locations, its subject,
and the ``Vote`` the cross-translation base builds the finding from."""
from __future__ import annotations

from ...model import Location
from ..base import GroupContext
from ..vote import Vote
from .voting import NameVote


def name_locations(ctx: GroupContext, v: NameVote) -> list[Location]:
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


def name_subject(v: NameVote) -> str:
    return "/".join(sorted("+".join(u) for u in v.name.units))


def as_vote(v: NameVote) -> Vote:
    """The vote in the base's terms: the flagged translation with its replacing name (or
    none), the translations that give the name, the name and its replacement."""
    (d, repl, _), = v.flagged
    found = None if repl is None else repl.surface
    return Vote(v.kind, ((d, found),), tuple(s for s, _ in v.support), v.name.surface, found)
