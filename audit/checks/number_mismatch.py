"""number-mismatch: a number in one translation differs from the others (29 vs 28)."""
from __future__ import annotations

from .base import GroupContext
from .cross import CrossCheck
from .numbers_common import fmt, number_votes


class NumberMismatch(CrossCheck):
    code = "number-mismatch"
    # measured on real translations at 0.70 (tico19) and below 0.9 everywhere: a warning
    severity = "warning"
    description = "A number in one translation differs from the same number in the others (29 vs 28)."
    rationale = ("A figure is a fact no translator should change; a translation whose number differs where the "
                 "others agree was mistyped or mistranslated. Numbers rendered differently (units converted, "
                 "7 p.m. as 19:00, spelled out) are matched first, and a translation that shares no number "
                 "with the others in its link (another sentence aligned there) is left alone.")
    messages = {
        "majority": "{lang} has {found} where {n_support} of {n} translations ({support_langs}) have {expected}",
        "pair": "the two translations disagree: {a_lang} has {a}, {b_lang} has {b}",
        "no_majority": "no majority settles this number: {sides:; }",
        "side": "{lang} {value}",
    }
    subjects = {"majority": "{expected}->{found}", "pair": "{a}<>{b}", "no_majority": "{labels:?}"}

    def label(self, value) -> str:
        return fmt(value)

    def run(self, ctx: GroupContext):
        for present, per_doc, v in number_votes(ctx):
            if v.kind in ("mismatch", "unsettled"):
                yield self.from_vote(ctx, v, per_doc, link=dict(present))
