"""What name-missing and name-substituted report of a ``NameVote``: its locations, its subject,
the ``Vote`` the cross-translation base builds the finding from, and the base both checks share."""
from __future__ import annotations

from ...model import Location
from ..base import GroupContext
from ..cross import MAJORITY, PAIR, CrossCheck
from ..vote import Vote
from .strict import strict_votes
from .voting import NameVote, name_votes


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


def units_key(units) -> str:
    """A name's units as a subject writes them: stable whatever the spelling."""
    return "/".join(sorted("+".join(u) for u in units))


def name_subject(v: NameVote) -> str:
    return units_key(v.name.units)


def as_vote(v: NameVote) -> Vote:
    """The vote in the base's terms: the flagged translation with its replacing name (or
    none), the translations that give the name, the name and its replacement."""
    (d, repl, _), = v.flagged
    found = None if repl is None else repl.surface
    return Vote(v.kind, ((d, found),), tuple(s for s, _ in v.support), v.name.surface, found)


class NameVoteCheck(CrossCheck):
    """A check that reports the name votes of one kind (``reports``: missing, substituted)."""

    reports = ""
    cites_support = False
    # which vote it reports: ``voting``'s broad one or ``strict``'s (config ``names.vote``); None reads the config
    broad: bool | None = None

    def outcome(self, vote: Vote, n: int) -> str:
        return PAIR if len(vote.support) == 1 else MAJORITY

    def name_placeholders(self, v: NameVote) -> dict:
        """What this check's templates need beyond the name (the replacement, say)."""
        return {}

    def run(self, ctx: GroupContext):
        broad = self.broad if self.broad is not None else ctx.name_vote == "broad"
        for v in (name_votes(ctx) if broad else strict_votes(ctx)):
            if v.kind == self.reports:
                yield self.from_vote(ctx, as_vote(v), n=len(v.flagged) + len(v.support),
                                     locations=name_locations(ctx, v), name=name_subject(v), **self.name_placeholders(v))
