"""glossary-country: a country label contradicts the country the glossary gives the entity."""
from __future__ import annotations

from .base import Check, GroupContext, location
from .names.common import glossary_hits


class GlossaryCountry(Check):
    code = "glossary-country"
    severity = "error"
    description = "An entity is labelled with a country other than the one the glossary gives it."
    rationale = ("The editors' glossary says where an entity is; a label that contradicts it is wrong "
                 "whatever the other translations say.")
    messages = {"contradicts": "'{entity}' is labelled '{country}' ({code}); the glossary gives {glossary_entity} "
                               "as {expected}"}

    def run(self, ctx: GroupContext):
        countries = {e: spec["country"].upper() for e, spec in ctx.glossary.items() if spec.get("country")}
        if not countries:
            return
        for doc, i, pf in ctx.paragraph_facts():
            text = doc.paragraphs[i].text
            hits = glossary_hits(text, doc.language, {e: ctx.glossary[e] for e in countries})
            for f in pf.labels:
                entity = next((e for s, end, _, e in hits if f.start <= s and end <= f.end), None)
                if entity is None or f.code == countries[entity]:
                    continue
                yield self.finding(
                    ctx, self.message("contradicts", entity=f.entity, country=f.country,
                                      code=f.code, glossary_entity=entity, expected=countries[entity]),
                    [location(doc, i, f)], subject=f"{doc.id}|{entity}|{f.code}",
                    expected=countries[entity], found=f.code, values=((doc.id, f.code),))
