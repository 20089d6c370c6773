"""name-substituted: one translation gives a different name where the others agree."""
from __future__ import annotations

from .base import GroupContext
from .cross import MAJORITY, PAIR, CrossCheck
from .names.voting import name_votes
from .names.votes import as_vote, name_locations, name_subject


class NameSubstituted(CrossCheck):
    code = "name-substituted"
    severity = "error"
    description = "A translation names someone or somewhere else where the other translations agree on a name."
    rationale = ("A translation that names someone else where the others agree on a name tells another "
                 "story. The replacement is a name of the flagged paragraph that none of the others writes.")
    # Off by default, as name-missing: on professional translations its findings were a name
    # spelt beyond the keys' reach beside another name of the line, not a substitution.
    default_enabled = False
    messages = {
        "majority": "{lang} names '{found}' where {n_support} translations ({support_langs}) name '{expected}'",
        "pair": "the two translations disagree: {support_langs} names '{expected}', {lang} names '{found}' "
                "instead",
    }
    subjects = {"majority": "{name}->{replacement}", "pair": "{name}->{replacement}"}
    cites_support = False

    def outcome(self, vote, n) -> str:
        return PAIR if len(vote.support) == 1 else MAJORITY

    def run(self, ctx: GroupContext):
        for v in name_votes(ctx):
            if v.kind == "substituted":
                (_, repl, _), = v.flagged
                yield self.from_vote(ctx, as_vote(v), n=len(v.flagged) + len(v.support),
                                     locations=name_locations(ctx, v), name=name_subject(v),
                                     replacement="/".join(sorted("+".join(u) for u in repl.units)))
