"""number-mismatch: a number in one translation differs from the others (29 vs 28)."""
from __future__ import annotations

from .base import Check, GroupContext, lang_of
from .numbers_common import fmt, langs, number_locations, number_votes


class NumberMismatch(Check):
    code = "number-mismatch"
    # measured on real translations at 0.70 (tico19) and below 0.9 everywhere: a warning
    severity = "warning"
    description = "A number in one translation differs from the same number in the others (29 vs 28)."

    def run(self, ctx: GroupContext):
        for present, per_doc, v in number_votes(ctx):
            locs = number_locations(ctx, present, per_doc, v)
            values = tuple(v.flagged) + tuple((d, v.expected) for d in v.support)
            if v.kind == "mismatch" and v.support:
                (d, found), = v.flagged
                yield self.finding(
                    ctx, f"{lang_of(ctx, d)} has {fmt(found)} where {len(v.support)} of {len(per_doc)} translations "
                         f"({langs(ctx, v.support)}) have {fmt(v.expected)}",
                    locs, subject=f"{fmt(v.expected)}->{fmt(found)}", expected=v.expected, found=found,
                    values=values)
            elif v.kind == "mismatch":
                (a, x), (b, y) = v.flagged
                yield self.finding(
                    ctx, f"the two translations disagree: {lang_of(ctx, a)} has {fmt(x)}, {lang_of(ctx, b)} has {fmt(y)}",
                    locs, subject=f"{fmt(x)}<>{fmt(y)}", values=values)
            elif v.kind == "unsettled":
                said = "; ".join(f"{lang_of(ctx, d)} {fmt(val)}" for d, val in v.flagged)
                yield self.finding(
                    ctx, f"no majority settles this number: {said}", locs,
                    subject="?".join(fmt(val) for _, val in v.flagged), values=values)
