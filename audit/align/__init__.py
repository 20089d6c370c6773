"""Stage 3: N-way paragraph alignment within a group.

Each document is aligned to a pivot (the one with the most paragraphs) by
dynamic programming inside a band around the diagonal, with beads 1-1, 1-0,
0-1, 2-1, 1-2 and 2-2. A bead's cost combines a Gale-Church length cost (the
length ratio estimated from the pair itself) with shared language-independent
anchors (numbers, dates, name keys), each weighted down by how often it recurs
so that a lone "2025" cannot pull distant paragraphs together, and with the
character trigrams the transliterated paragraphs share. The pairwise
alignments are then composed through the pivot so that every link spans all
languages, and every paragraph of every document is in exactly one link.
The bead costs (the pair model) are in ``audit.align.cost``.
"""
from __future__ import annotations

import math

import numpy as np

from ..config import Config
from ..model import Alignment, Document, Group, Link
from .cost import _PairModel, _clamp, _features

_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
_TEMPERATURE = 1.0  # costs to log-probabilities for the posterior confidence


def align_group(group: Group, documents: dict[str, Document], facts: dict[str, list], config: Config) -> Alignment:
    ids = list(group.documents)
    if len(ids) == 1:
        doc = documents[ids[0]]
        links = tuple(Link(((doc.id, (p.index,)),), 1.0) for p in doc.paragraphs)
        return Alignment(group.id, doc.id, links)
    pivot = max(ids, key=lambda d: (len(documents[d].paragraphs), -ids.index(d)))
    pivot_features = _features(documents[pivot], facts[pivot])  # the pivot meets every other document
    pairwise = {}
    for other in ids:
        if other != pivot:
            pairwise[other] = align_pair(documents[pivot], documents[other], facts[pivot], facts[other], config,
                                         pivot_features)
    return Alignment(group.id, pivot, compose(pivot, len(documents[pivot].paragraphs), pairwise, ids))


class _Band:
    """The cells (i, j) of the DP within a band around the diagonal, as flat arrays."""

    def __init__(self, n: int, m: int, band: int):
        self.n, self.m = n, m
        centre = np.arange(n + 1) * (m / max(n, 1))
        self.lo = np.maximum(0, (centre - band).astype(int))
        self.hi = np.minimum(m, (centre + band).astype(int))
        self.hi[n] = m
        self.lo[0] = 0
        counts = self.hi - self.lo + 1
        self.start = np.concatenate([[0], np.cumsum(counts)[:-1]])
        self.size = int(counts.sum())
        self.i = np.repeat(np.arange(n + 1), counts)
        self.j = (np.arange(self.size) - self.start[self.i]) + self.lo[self.i]

    def index(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Flat index of cells (i, j), -1 where outside the band."""
        ok = (i >= 0) & (i <= self.n)
        ic = _clamp(i, 0, self.n)
        ok &= (j >= self.lo[ic]) & (j <= self.hi[ic])
        return np.where(ok, self.start[ic] + j - self.lo[ic], -1)



def align_pair(a: Document, b: Document, fa: list, fb: list, config: Config,
               features_a: tuple | None = None) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (a indices, b indices, confidence) covering both documents in order.

    Viterbi picks the beads; the confidence of each is its posterior probability
    under the same costs (forward-backward), so it says how much of the
    alternatives' weight the chosen link leaves over. ``features_a``: ``a``'s
    features when the caller has them already.
    """
    n, m = len(a.paragraphs), len(b.paragraphs)
    band = max(config.align.band, abs(n - m) + 3)
    grid = _Band(n, m, band)
    model = _PairModel(a, b, features_a or _features(a, fa), _features(b, fb), band)
    nb = len(_BEADS)
    pred = np.empty((nb, grid.size), dtype=np.int64)
    succ = np.empty((nb, grid.size), dtype=np.int64)
    cost = np.empty((nb, grid.size))
    for k, (di, dj) in enumerate(_BEADS):
        pred[k] = grid.index(grid.i - di, grid.j - dj)
        succ[k] = grid.index(grid.i + di, grid.j + dj)
        cost[k] = np.where(pred[k] >= 0, model.costs(grid.i, grid.j, di, dj), np.inf)
    best, arg, fwd = _forward(grid, pred, cost)
    bwd = _backward(grid, succ, cost)
    total = fwd[grid.size - 1]
    beads = []
    x = grid.size - 1
    while x != 0:
        k = int(arg[x])
        p = int(pred[k, x])
        i, j = int(grid.i[x]), int(grid.j[x])
        di, dj = _BEADS[k]
        post = math.exp(min(0.0, fwd[p] - cost[k, x] / _TEMPERATURE + bwd[x] - total))
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), round(post, 3)))
        x = p
    beads.reverse()
    return beads


# The DP runs a row of the band at a time: beads that advance in the first document
# read finished rows; the one that advances only in the second (0-1) chains along the
# row, which is a running minimum (Viterbi) or a running log-sum-exp (forward,
# backward) once its constant step cost is folded into a cumulative sum.
_ALONG = _BEADS.index((0, 1))
_DOWN = np.array([k for k, (di, _) in enumerate(_BEADS) if di])


def _forward(grid: _Band, pred: np.ndarray, cost: np.ndarray):
    t = _TEMPERATURE
    best = np.full(grid.size, np.inf)
    fwd = np.full(grid.size, -np.inf)
    arg = np.full(grid.size, _ALONG, dtype=np.int64)
    for i in range(grid.n + 1):
        x0 = int(grid.start[i])
        x1 = x0 + int(grid.hi[i] - grid.lo[i]) + 1
        if i == 0:
            down = np.full(x1 - x0, np.inf)
            terms = np.full(x1 - x0, -np.inf)
            down[0], terms[0] = 0.0, 0.0  # the empty prefix
            came = np.full(x1 - x0, _ALONG)
        else:
            p = pred[_DOWN, x0:x1]
            c = cost[_DOWN, x0:x1]
            ok = p >= 0
            pc = np.where(ok, p, 0)
            cand = np.where(ok, best[pc] + c, np.inf)
            pick = np.argmin(cand, axis=0)
            down = cand[pick, np.arange(x1 - x0)]
            came = _DOWN[pick]
            terms = np.logaddexp.reduce(np.where(ok, fwd[pc] - c / t, -np.inf), axis=0)
        step = cost[_ALONG, x0:x1].copy()
        step[0] = 0.0
        run = np.cumsum(step)
        row = np.minimum.accumulate(down - run) + run
        left = np.concatenate([[np.inf], row[:-1] + step[1:]])
        best[x0:x1] = row
        arg[x0:x1] = np.where(left < down, _ALONG, came)
        fwd[x0:x1] = np.logaddexp.accumulate(terms + run / t) - run / t
    return best, arg, fwd


def _backward(grid: _Band, succ: np.ndarray, cost: np.ndarray) -> np.ndarray:
    t = _TEMPERATURE
    bwd = np.full(grid.size, -np.inf)
    ok_all = succ[_DOWN] >= 0
    at = np.where(ok_all, succ[_DOWN], 0)
    # the cost of each bead out of a cell, over the cell it leads to
    out = np.where(ok_all, np.take_along_axis(cost[_DOWN], at, 1) / t, np.inf)
    for i in range(grid.n, -1, -1):
        x0 = int(grid.start[i])
        x1 = x0 + int(grid.hi[i] - grid.lo[i]) + 1
        if i == grid.n:
            terms = np.full(x1 - x0, -np.inf)
            terms[-1] = 0.0  # the whole of both documents
        else:
            ok = ok_all[:, x0:x1]
            terms = np.logaddexp.reduce(np.where(ok, bwd[at[:, x0:x1]] - out[:, x0:x1], -np.inf), axis=0)
        step = cost[_ALONG, x0:x1].copy()
        step[0] = 0.0
        run = np.cumsum(step) / t
        bwd[x0:x1] = np.logaddexp.accumulate((terms - run)[::-1])[::-1] + run
    return bwd


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
            own = slot.setdefault("own", {})
            own[doc] = min(own.get(doc, 1.0), conf)
    links = []
    for key in sorted(slots):
        slot = slots[key]
        members = tuple((d, tuple(sorted(slot["members"].get(d, ())))) for d in order)
        conf = min(slot["conf"]) if slot["conf"] else 1.0
        own = slot.get("own", {})
        trust = tuple((d, round(own.get(d, 1.0), 3)) for d in order if d in slot["members"])
        links.append(Link(members, round(conf, 3), trust))
    return tuple(links)
