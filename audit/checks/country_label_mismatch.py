"""country-label-mismatch: one translation gives an entity a different country from the others."""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .base import GroupContext
from .cross import CrossCheck
from .vote import vote


def entity_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two entities' name keys are, across scripts (0..1)."""
    return Levenshtein.normalized_similarity(" ".join(a), " ".join(b))


class CountryLabelMismatch(CrossCheck):
    code = "country-label-mismatch"
    severity = "error"
    description = "A translation labels an entity with a different country than the other translations do."
    rationale = ("A country label (\"Guangxi (China)\") states where an entity is; a translation that gives "
                 "another country where the others agree misinforms its readers. Labels are compared by "
                 "their CLDR territory codes, whatever the language writes.")
    messages = {
        "majority": "{lang} labels '{entity}' {country} ({found}) where {n_support} of {n} translations say "
                    "{expected_country} ({expected})",
        "pair": "the two translations disagree: {sides:; }",
        "no_majority": "no majority settles this country: {sides:; }",
        "side": "{lang} '{text}'",
    }
    subjects = {"majority": "{entity_keys}|{expected}->{found}", "pair": "{labels:<>}", "no_majority": "{labels:<>}"}

    def datum(self, value) -> str:
        return value[0]  # (code, occurrence) -> code

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
        """The vote's finding, citing for each flagged translation the label whose entity is most
        like the others' (a document may label several entities with one country)."""
        evidence = {d: dict(vals) for d, vals in per_doc.items()}
        if v.support:
            (d, found), = v.flagged
            ref = per_doc[v.support[0]][v.expected][1]
            i, f = evidence[d][found] = self._closest(facts[d], found, ref)
            return self.from_vote(ctx, v, evidence, entity=f.entity, country=f.country,
                                  expected_country=ref.country, entity_keys="/".join(ref.entity_keys))
        (d0, val0), *rest = v.flagged
        ref = per_doc[d0][val0][1]
        for d, val in rest:
            evidence[d][val] = self._closest(facts[d], val, ref)
        return self.from_vote(ctx, v, evidence)

    @staticmethod
    def _closest(labels, value, ref):
        # which of this document's labels is the wrong one: the entity most like the others' entity
        return max((x for x in labels if x[1].code == value[0]),
                   key=lambda x: entity_similarity(x[1].entity_keys, ref.entity_keys))
