"""number-missing: a number the other translations give is absent from one of them."""
from __future__ import annotations

from .base import GroupContext
from .cross import CrossCheck
from .numbers_common import fmt, number_votes


class NumberMissing(CrossCheck):
    code = "number-missing"
    severity = "warning"
    description = "A number that the other translations give is absent from the linked paragraph of one."
    rationale = ("A figure the other translations give and one leaves out is a fact its readers lack. Only a "
                 "number's first occurrence counts, small spelled-out values (articles, duals) and ordinals "
                 "are weak evidence, and a number written in a form the extractor did not read, or one "
                 "translations rightly drop (a conversion in brackets, \"100 percent sure\"), is no finding.")
    messages = {
        "majority": "{lang} does not give {expected}, which {n_support} of {n} translations ({support_langs}) "
                    "give here",
        "pair": "the two translations disagree: {a_lang} gives {a}, {b_lang} has no such number here",
    }
    subjects = {"majority": "-{expected}", "pair": "-{a}"}

    def label(self, value) -> str:
        return fmt(value)

    def run(self, ctx: GroupContext):
        for present, per_doc, v in number_votes(ctx):
            if v.kind == "missing":
                yield self.from_vote(ctx, v, per_doc, link=dict(present))
