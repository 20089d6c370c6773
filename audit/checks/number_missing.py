"""number-missing: a number the other translations give is absent from one of them."""
from __future__ import annotations

from .base import Check, GroupContext, lang_of
from .numbers_common import fmt, langs, number_locations, number_votes


class NumberMissing(Check):
    code = "number-missing"
    severity = "warning"
    description = "A number that the other translations give is absent from the linked paragraph of one."

    def run(self, ctx: GroupContext):
        for present, per_doc, v in number_votes(ctx):
            if v.kind != "missing":
                continue
            locs = number_locations(ctx, present, per_doc, v)
            if v.support:
                (d, _), = v.flagged
                yield self.finding(
                    ctx, f"{lang_of(ctx, d)} does not give {fmt(v.expected)}, which {len(v.support)} of "
                         f"{len(per_doc)} translations ({langs(ctx, v.support)}) give here",
                    locs, subject=f"-{fmt(v.expected)}", expected=v.expected, found=None,
                    values=((d, None),) + tuple((s, v.expected) for s in v.support))
            else:
                (a, x), (b, _) = v.flagged
                yield self.finding(
                    ctx, f"the two translations disagree: {lang_of(ctx, a)} gives {fmt(x)}, "
                         f"{lang_of(ctx, b)} has no such number here",
                    locs, subject=f"-{fmt(x)}", values=((a, x), (b, None)))
