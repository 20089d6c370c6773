"""country-label-conflict: one entity labelled with two countries in one document."""
from __future__ import annotations

from collections import defaultdict

from .base import Check, GroupContext, location


def same_entity(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Entities match when they share two consecutive name keys (Guangxi Zhuang), or are one and the same."""
    if a == b:
        return True
    pairs = {a[i:i + 2] for i in range(len(a) - 1)}
    return any(b[i:i + 2] in pairs for i in range(len(b) - 1))


class CountryLabelConflict(Check):
    code = "country-label-conflict"
    severity = "error"
    description = "One entity is labelled with two different countries in the same document."

    def run(self, ctx: GroupContext):
        for doc in ctx.docs():
            labels = [(i, f) for i, pf in enumerate(ctx.facts[doc.id]) for f in pf.labels]
            clusters: list[list] = []
            for i, f in labels:
                for cl in clusters:
                    if same_entity(cl[0][1].value[0], f.value[0]):
                        cl.append((i, f))
                        break
                else:
                    clusters.append([(i, f)])
            for cl in clusters:
                by_code = defaultdict(list)
                for i, f in cl:
                    by_code[f.value[1]].append((i, f))
                if len(by_code) < 2:
                    continue
                ranked = sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                top, top_hits = ranked[0]
                tie = len(ranked[1][1]) == len(top_hits)
                entity = cl[0][1].extra["entity"]
                for code, hits in ranked[1:] if not tie else ranked:
                    if not tie and code == top:
                        continue
                    locs = [location(doc, i, f) for i, f in hits]
                    if not tie:
                        locs += [location(doc, i, f, role="support") for i, f in top_hits]
                    msg = (f"'{entity}' is labelled {code} here but {top} {len(top_hits)} time(s) elsewhere in {doc.id}"
                           if not tie else f"'{entity}' is labelled both {' and '.join(c for c, _ in ranked)} in {doc.id}")
                    yield self.finding(ctx, msg, locs, subject=f"{doc.id}|{'/'.join(cl[0][1].value[0])}|{code}",
                                       expected=None if tie else top, found=code,
                                       values=((doc.id, code),))
                    if tie:
                        break
