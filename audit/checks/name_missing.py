"""name-missing: a name the other translations give is absent from one of them."""
from __future__ import annotations

from .base import GroupContext
from .cross import MAJORITY, PAIR, CrossCheck
from .names.voting import name_votes
from .names.votes import as_vote, name_locations, name_subject


class NameMissing(CrossCheck):
    code = "name-missing"
    severity = "warning"
    description = "A name that the other translations give here is missing from one translation."
    rationale = ("A person or place the other translations name and one leaves out is missing from its "
                 "readers' story. Names are matched by per-word phonetic keys across scripts; a name is one "
                 "when a cased translation capitalises it (or the glossary lists it), and a near miss in the "
                 "paragraph (an inflection, another spelling) counts as present.")
    # Off by default: on professional translations (benchmarks/real.py) fewer than half of its
    # findings are real; translators translate organisations, titles and works (Metropolitan
    # Police = شرطة العاصمة) and spell names in ways no phonetic key meets. ``checks.select`` runs it.
    default_enabled = False
    messages = {
        "majority": "{lang} drops '{expected}', which {n_support} translations ({support_langs}) name here",
        "pair": "the two translations disagree: {support_langs} names '{expected}' here, {lang} does not "
                "(it names it elsewhere)",
    }
    subjects = {"majority": "{name}", "pair": "{name}"}
    cites_support = False

    def outcome(self, vote, n) -> str:
        return PAIR if len(vote.support) == 1 else MAJORITY

    def run(self, ctx: GroupContext):
        for v in name_votes(ctx):
            if v.kind == "missing":
                yield self.from_vote(ctx, as_vote(v), n=len(v.flagged) + len(v.support),
                                     locations=name_locations(ctx, v), name=name_subject(v))
