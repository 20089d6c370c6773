"""number-mismatch and number-missing: the numbers of one link, compared across translations."""
from __future__ import annotations

from ..extract.numbers import number_values
from .base import Check, GroupContext, lang_of, location


def _values(ctx: GroupContext, doc_id: str, indices) -> dict:
    """value -> (paragraph index, fact) of its first occurrence in the linked paragraphs."""
    out: dict = {}
    for i in indices:
        pf = ctx.facts[doc_id][i]
        for f in pf.numbers:
            for v in number_values(f):
                out.setdefault(v, (i, f))
        for f in pf.dates:
            if f.value[0]:
                out.setdefault(f.value[0], (i, f))
    return out


def _closeness(a, b) -> float:
    """How plausibly b is a mistyped or mistranslated a (same digits, same size)."""
    sa, sb = str(a), str(b)
    score = 0.0
    if sorted(sa) == sorted(sb):
        score += 2  # transposed digits: 1369 / 1396
    if len(sa) == len(sb):
        score += 1
    return score - abs(len(sa) - len(sb))


def compare_link(ctx: GroupContext, present):
    """(values per document, in how many documents each value occurs, number of documents)."""
    per_doc = {d: _values(ctx, d, idx) for d, idx in present}
    n = len(per_doc)
    counts: dict = {}
    for vals in per_doc.values():
        for v in vals:
            counts[v] = counts.get(v, 0) + 1
    return per_doc, counts, n


class NumberMismatch(Check):
    code = "number-mismatch"
    severity = "error"
    description = "A number in one translation differs from the same number in the others (29 vs 28)."

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            per_doc, counts, n = compare_link(ctx, present)
            if n == 2:
                yield from self._pair(ctx, per_doc)
                continue
            majority = {v for v, c in counts.items() if c * 2 > n}
            for doc, vals in per_doc.items():
                missing = sorted((v for v in majority if v not in vals), key=str)
                extra = sorted((v for v in vals if counts[v] == 1), key=str)
                for expected, found in _pairs(missing, extra):
                    support = [d for d in per_doc if d != doc and expected in per_doc[d]]
                    i, f = vals[found]
                    locs = [location(ctx.documents[doc], i, f)]
                    for d in support:
                        j, g = per_doc[d][expected]
                        locs.append(location(ctx.documents[d], j, g, role="support"))
                    yield self.finding(
                        ctx, f"{lang_of(ctx, doc)} has {found} where {len(support)} of {n} translations have {expected}",
                        locs, subject=f"{expected}->{found}", expected=expected, found=found,
                        values=tuple((d, per_doc[d][expected][1].text if expected in per_doc[d] else None)
                                     for d in sorted(per_doc)),
                    )

    def _pair(self, ctx, per_doc):
        (a, va), (b, vb) = sorted(per_doc.items())
        only_a = sorted((v for v in va if v not in vb), key=str)
        only_b = sorted((v for v in vb if v not in va), key=str)
        for x, y in _pairs(only_a, only_b):
            i, f = va[x]
            j, g = vb[y]
            yield self.finding(
                ctx, f"the two translations disagree: {lang_of(ctx, a)} has {x}, {lang_of(ctx, b)} has {y}",
                [location(ctx.documents[a], i, f), location(ctx.documents[b], j, g)],
                subject=f"{x}<>{y}", expected=None, found=None, values=((a, x), (b, y)),
            )


def _pairs(missing, extra):
    """Pair each missing value with the extra value most like it."""
    out = []
    extra = list(extra)
    for m in missing:
        if not extra:
            break
        best = max(extra, key=lambda e: _closeness(m, e))
        extra.remove(best)
        out.append((m, best))
    return out
