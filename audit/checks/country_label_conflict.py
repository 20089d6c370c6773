"""country-label-conflict: one entity labelled with two countries in one document."""
from __future__ import annotations

from collections import defaultdict

from .base import Check, GroupContext, location


def same_entity(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Entities match when they end in the same word (the one next to the label) and share
    two consecutive name keys (Guangxi Zhuang), or are one and the same. In a caseless
    script the words read leftwards from "(" may include the sentence's own words
    ("the representatives of Lang Son"); those are shared by every label of the
    sentence pattern, and the word next to the label tells the entities apart."""
    if a == b:
        return True
    if a[-1:] != b[-1:]:
        return False
    pairs = {a[i:i + 2] for i in range(len(a) - 1)}
    return any(b[i:i + 2] in pairs for i in range(len(b) - 1))


class CountryLabelConflict(Check):
    code = "country-label-conflict"
    severity = "error"
    description = "One entity is labelled with two different countries in the same document."
    rationale = ("An entity is in one country: a document that labels it with two has one label wrong. The "
                 "label most of its mentions carry is the expected one; with a tie, every label is flagged.")
    messages = {
        "minority": "'{entity}' is labelled '{country}' ({code}) here but '{expected_country}' ({expected}) "
                    "{times} time(s) elsewhere in {doc}",
        "tie": "'{entity}' is labelled both {codes} in {doc}",
    }

    def run(self, ctx: GroupContext):
        for doc in ctx.docs():
            labels = [(i, f) for d, i, pf in ctx.paragraph_facts() if d is doc for f in pf.labels]
            for cluster in _entities(labels):
                yield from self._conflicts(ctx, doc, cluster)

    def _conflicts(self, ctx, doc, cluster):
        by_code = defaultdict(list)
        for i, f in cluster:
            by_code[f.code].append((i, f))
        if len(by_code) < 2:
            return
        ranked = sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        top, top_hits = ranked[0]
        entity = cluster[0][1].entity
        subject = f"{doc.id}|{'/'.join(cluster[0][1].entity_keys)}"
        if len(ranked[1][1]) == len(top_hits):  # a tie: no majority, flag every label
            codes = " and ".join(c for c, _ in ranked)
            locs = [location(doc, i, f) for _, hits in ranked for i, f in hits]
            yield self.finding(ctx, self.message("tie", entity=entity, codes=codes, doc=doc.id), locs,
                               subject=f"{subject}|{ranked[0][0]}", expected=None, found=ranked[0][0],
                               values=((doc.id, ranked[0][0]),))
            return
        for code, hits in ranked[1:]:
            locs = [location(doc, i, f) for i, f in hits] + [location(doc, i, f, role="support") for i, f in top_hits]
            here, there = hits[0][1].country, top_hits[0][1].country
            yield self.finding(
                ctx, self.message("minority", entity=entity, country=here, code=code, expected_country=there,
                                  expected=top, times=len(top_hits), doc=doc.id),
                locs, subject=f"{subject}|{code}", expected=top, found=code, values=((doc.id, code),))


def _entities(labels):
    """Labels grouped by the entity they label, in order of first mention."""
    clusters: list[list] = []
    for i, f in labels:
        for cl in clusters:
            if same_entity(cl[0][1].entity_keys, f.entity_keys):
                cl.append((i, f))
                break
        else:
            clusters.append([(i, f)])
    return clusters
