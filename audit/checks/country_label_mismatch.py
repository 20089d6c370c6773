"""country-label-mismatch: one translation gives an entity a different country from the others."""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .base import Check, GroupContext, lang_of, location
from .vote import vote


def entity_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two entities' name keys are, across scripts (0..1)."""
    return Levenshtein.normalized_similarity(" ".join(a), " ".join(b))


class CountryLabelMismatch(Check):
    code = "country-label-mismatch"
    severity = "error"
    description = "A translation labels an entity with a different country than the other translations do."

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            facts = {d: [(i, f) for i in idx for f in ctx.facts[d][i].labels] for d, idx in present}
            if sum(1 for v in facts.values() if v) < 2:
                continue
            per_doc = {}
            for d, labels in facts.items():
                seen: dict = {}
                vals = {}
                for i, f in labels:
                    code = f.code
                    seen[code] = seen.get(code, 0) + 1
                    vals[(code, seen[code])] = (i, f)
                per_doc[d] = vals
            for v in vote(per_doc, lambda a, b: 1.0, counts_for_missing=lambda *_: False):
                yield self._finding(ctx, facts, per_doc, v)

    def _finding(self, ctx, facts, per_doc, v):
        if v.support:
            (d, found), = v.flagged
            ref = per_doc[v.support[0]][v.expected][1]
            # which of this document's labels is the wrong one: the entity most like the others' entity
            i, f = max((x for x in facts[d] if x[1].code == found[0]),
                       key=lambda x: entity_similarity(x[1].entity_keys, ref.entity_keys))
            locs = [location(ctx.documents[d], i, f)]
            locs += [location(ctx.documents[s], *per_doc[s][v.expected], role="support") for s in v.support]
            return self.finding(
                ctx, f"{lang_of(ctx, d)} labels '{f.entity}' {f.country} ({found[0]}) where "
                     f"{len(v.support)} of {len(per_doc)} translations say {ref.country} ({v.expected[0]})",
                locs, subject=f"{'/'.join(ref.entity_keys)}|{v.expected[0]}->{found[0]}",
                expected=v.expected[0], found=found[0], values=((d, found[0]),) + tuple((s, v.expected[0]) for s in v.support))
        (d0, val0), *rest = v.flagged
        ref = per_doc[d0][val0][1]
        chosen = [(d0, per_doc[d0][val0])]
        for d, val in rest:  # the label of the same entity, when a document labels several with one country
            chosen.append((d, max((x for x in facts[d] if x[1].code == val[0]),
                                  key=lambda x: entity_similarity(x[1].entity_keys, ref.entity_keys))))
        locs = [location(ctx.documents[d], i, f) for d, (i, f) in chosen]
        said = "; ".join(f"{lang_of(ctx, d)} '{f.text}'" for d, (i, f) in chosen)
        kind = "the two translations disagree" if len(per_doc) == 2 else "no majority settles this country"
        return self.finding(ctx, f"{kind}: {said}", locs,
                            subject="<>".join(val[0] for _, val in v.flagged),
                            values=tuple((d, val[0]) for d, val in v.flagged))
