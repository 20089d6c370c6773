"""Stage 3: N-way paragraph alignment within a group.

Each document is aligned to a pivot (the one with the most paragraphs) by
dynamic programming inside a band around the diagonal, with beads 1-1, 1-0,
0-1, 2-1, 1-2 and 2-2. A bead's cost combines a Gale-Church length cost (the
length ratio estimated from the pair itself) with shared language-independent
anchors (numbers, dates, name keys), each weighted down by how often it recurs
so that a lone "2025" cannot pull distant paragraphs together. The pairwise
alignments are then composed through the pivot so that every link spans all
languages, and every paragraph of every document is in exactly one link.
"""
from __future__ import annotations

import math
from collections import Counter

from .extract import quantity_anchors
from .model import Alignment, Document, Group, Link

_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
_PENALTY = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (2, 1): 2.3, (1, 2): 2.3, (2, 2): 3.0}
_ANCHOR_WEIGHT = 4.0
_GC_VARIANCE = 6.8


def paragraph_anchors(pf) -> set[str]:
    out = quantity_anchors(pf)
    for f in pf.names:
        for k in f.value:
            if len(k) >= 3:
                out.add(f"k:{k}")
    return out


def align_group(group: Group, documents: dict[str, Document], facts: dict[str, list], config: dict) -> Alignment:
    ids = list(group.documents)
    if len(ids) == 1:
        doc = documents[ids[0]]
        links = tuple(Link(((doc.id, (p.index,)),), 1.0) for p in doc.paragraphs)
        return Alignment(group.id, doc.id, links)
    pivot = max(ids, key=lambda d: (len(documents[d].paragraphs), -ids.index(d)))
    pairwise = {}
    for other in ids:
        if other != pivot:
            pairwise[other] = align_pair(documents[pivot], documents[other], facts[pivot], facts[other], config)
    return Alignment(group.id, pivot, compose(pivot, len(documents[pivot].paragraphs), pairwise, ids))


def align_pair(a: Document, b: Document, fa: list, fb: list, config: dict) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (a indices, b indices, confidence) covering both documents in order."""
    la = [len(p.text) for p in a.paragraphs]
    lb = [len(p.text) for p in b.paragraphs]
    ratio = (sum(lb) or 1) / (sum(la) or 1)
    sa = [paragraph_anchors(x) for x in fa]
    sb = [paragraph_anchors(x) for x in fb]
    weight = _anchor_weights(sa, sb)
    n, m = len(la), len(lb)
    band = max(config["align"]["band"], abs(n - m) + 3)
    inf = float("inf")
    cost = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m / max(n, 1)
        for j in range(max(0, int(centre - band)), min(m, int(centre + band)) + 1):
            if (i, j) == (0, 0):
                continue
            best, arg = inf, None
            for di, dj in _BEADS:
                pi, pj = i - di, j - dj
                prev = cost.get((pi, pj))
                if prev is None:
                    continue
                c = prev + _bead_cost(la, lb, sa, sb, weight, ratio, pi, i, pj, j)
                if c < best:
                    best, arg = c, (di, dj)
            if arg is not None:
                cost[(i, j)] = best
                back[(i, j)] = arg
    beads = []
    i, j = n, m
    if (n, m) not in back and (n, m) != (0, 0):
        raise RuntimeError("alignment band too narrow")  # cannot happen: band covers |n - m|
    while (i, j) != (0, 0):
        di, dj = back[(i, j)]
        c = _bead_cost(la, lb, sa, sb, weight, ratio, i - di, i, j - dj, j)
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), _confidence(c, di, dj)))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def _anchor_weights(sa, sb) -> dict[str, float]:
    freq = Counter(x for s in sa for x in s) + Counter(x for s in sb for x in s)
    return {x: 2.0 / c for x, c in freq.items()}


def _bead_cost(la, lb, sa, sb, weight, ratio, i0, i1, j0, j1) -> float:
    di, dj = i1 - i0, j1 - j0
    penalty = _PENALTY[(di, dj)]
    if not di or not dj:
        return penalty
    l1, l2 = sum(la[i0:i1]), sum(lb[j0:j1])
    delta = (l2 - l1 * ratio) / math.sqrt(max(l1, 1) * _GC_VARIANCE * ratio)
    length_cost = -math.log(max(2 * (1 - _phi(abs(delta))), 1e-12))
    xa = set().union(*sa[i0:i1])
    xb = set().union(*sb[j0:j1])
    shared = sum(weight[x] for x in xa & xb)
    total = sum(weight[x] for x in xa | xb)
    anchor = -_ANCHOR_WEIGHT * shared / total if total else 0.0
    if total and not shared and xa and xb:
        anchor = 1.5  # both have anchors and none agree: evidence against
    return penalty + 0.6 * min(length_cost, 12.0) + anchor


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _confidence(cost: float, di: int, dj: int) -> float:
    if not di or not dj:
        return 0.5  # an omission is as likely a translator's cut as an aligner's miss
    return round(1 / (1 + math.exp(cost - 2.5)), 3)


def compose(pivot: str, n_pivot: int, pairwise: dict, order: list[str]) -> tuple[Link, ...]:
    """N-way links from pairwise beads against the pivot."""
    parent = list(range(n_pivot))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for beads in pairwise.values():
        for pa, _, _ in beads:
            for x in pa[1:]:
                parent[find(x)] = find(pa[0])
    blocks: dict[int, list[int]] = {}
    for x in range(n_pivot):
        blocks.setdefault(find(x), []).append(x)
    block_of = {x: min(v) for v in blocks.values() for x in v}
    starts = sorted({min(v) for v in blocks.values()})
    slots: dict[tuple[int, int], dict] = {}  # (block start, insertion rank) -> {doc: indices}, confidences
    for s in starts:
        slots[(s, 0)] = {"members": {pivot: tuple(blocks[s])}, "conf": []}
    for doc, beads in pairwise.items():
        last_block = -1
        rank = 0
        for pa, pb, conf in beads:
            if pa:
                key = (block_of[pa[0]], 0)
                last_block, rank = key[0], 0
                slot = slots[key]
                slot["members"][doc] = slot["members"].get(doc, ()) + pb
                slot["conf"].append(conf)
            else:
                rank += 1
                key = (last_block, rank) if last_block >= 0 else (-1, rank)
                slot = slots.setdefault(key, {"members": {}, "conf": []})
                slot["members"][doc] = slot["members"].get(doc, ()) + pb
                slot["conf"].append(conf)
    links = []
    for key in sorted(slots):
        slot = slots[key]
        members = tuple((d, tuple(sorted(slot["members"].get(d, ())))) for d in order)
        conf = min(slot["conf"]) if slot["conf"] else 1.0
        links.append(Link(members, round(conf, 3)))
    return tuple(links)
