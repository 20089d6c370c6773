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

import numpy as np

from .extract import quantity_anchors
from .extract.text import translit
from .model import Alignment, Document, Group, Link

_BEADS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
# prior cost of each bead shape (negative log-odds against a 1-1 link)
_PRIOR = {(1, 1): 0.0, (1, 0): 2.3, (0, 1): 2.3, (2, 1): 2.2, (1, 2): 2.2, (2, 2): 5.0}
_GC_VARIANCE = 6.8
# weights tuned on benchmarks/align.py's stress set (seeded random search)
_W_LENGTH = 0.44
_W_TEXT = 3.2  # transliterated character trigrams, normalised per pair
_W_ANCHOR = 3.2  # shared numbers, dates, name keys, weighted by rarity
_W_COVER = 0.64  # a merged paragraph that shares nothing with the other side
_TEMPERATURE = 1.0  # costs to log-probabilities for the posterior confidence


def paragraph_anchors(pf) -> set[str]:
    out = quantity_anchors(pf)
    for f in pf.names:
        for k in f.value:
            if len(k) >= 3:
                out.add(f"k:{k}")
    return out


def trigrams(text: str) -> frozenset[str]:
    """Character trigrams of the transliterated text: what cognates, names and numbers share across scripts."""
    t = " " + " ".join(translit(text).split()) + " "
    return frozenset(map("".join, zip(t, t[1:], t[2:])))


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
        ic = np.clip(i, 0, self.n)
        ok &= (j >= self.lo[ic]) & (j <= self.hi[ic])
        return np.where(ok, self.start[ic] + j - self.lo[ic], -1)


class _PairModel:
    """Bead costs for one pair of documents, from length, shared anchors and shared trigrams.

    Overlaps are computed once per paragraph pair near the diagonal; a bead that
    joins two paragraphs adds its parts' overlaps. Text similarity is normalised
    per pair (its background level among non-matching paragraphs and its level
    among best matches), because Swedish and Malay share more letters with each
    other than Bengali and Arabic do. Costs are computed for all cells at once.
    """

    def __init__(self, a: Document, b: Document, fa: list, fb: list, band: int):
        n, m = self.n, self.m = len(a.paragraphs), len(b.paragraphs)
        self.la = np.array([len(p.text) for p in a.paragraphs] + [0], dtype=float)
        self.lb = np.array([len(p.text) for p in b.paragraphs] + [0], dtype=float)
        self.ratio = (self.lb.sum() or 1) / (self.la.sum() or 1)
        sa = [paragraph_anchors(x) for x in fa]
        sb = [paragraph_anchors(x) for x in fb]
        freq = Counter(x for s in sa for x in s) + Counter(x for s in sb for x in s)
        w = {x: 1.0 / c for x, c in freq.items()}
        self.wa = np.array([sum(w[x] for x in s) for s in sa] + [0.0])
        self.wb = np.array([sum(w[x] for x in s) for s in sb] + [0.0])
        ga = [trigrams(p.text) for p in a.paragraphs]
        gb = [trigrams(p.text) for p in b.paragraphs]
        self.na = np.array([len(g) for g in ga] + [0], dtype=float)
        self.nb = np.array([len(g) for g in gb] + [0], dtype=float)
        # overlaps of paragraph pairs (p, q) with q within `width` of p's diagonal point
        self.width = band + 3
        self.off = np.maximum(0, (np.arange(n + 1) * (m / max(n, 1))).astype(int) - self.width)
        cols = 2 * self.width + 2
        self.gram = np.zeros((n + 1, cols))
        self.anchor = np.zeros((n + 1, cols))
        for p in range(n):
            for k in range(cols):
                q = int(self.off[p]) + k
                if q >= m:
                    break
                self.gram[p, k] = len(ga[p] & gb[q])
                shared = sa[p] & sb[q]
                if shared:
                    self.anchor[p, k] = sum(w[x] for x in shared)
        dice = 2 * self.gram[:n] / np.maximum(self.na[:n, None] + self.nb[np.minimum(self.off[:n, None] + np.arange(cols), m)], 1)
        valid = (self.off[:n, None] + np.arange(cols)) < m
        if valid.any():
            vals = dice[valid]
            best = np.where(valid, dice, -1).max(axis=1)
            self.g_bg = float(np.median(vals))
            self.g_top = max(float(np.median(best[best >= 0])), self.g_bg + 0.05)
        else:
            self.g_bg, self.g_top = 0.0, 1.0

    def overlap(self, p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(shared trigrams, shared anchor weight) for arrays of paragraph pairs; 0 outside."""
        k = q - self.off[np.clip(p, 0, self.n)]
        ok = (p >= 0) & (p < self.n) & (q >= 0) & (q < self.m) & (k >= 0) & (k < self.gram.shape[1])
        pc, kc = np.where(ok, p, self.n), np.where(ok, k, 0)
        return np.where(ok, self.gram[pc, kc], 0.0), np.where(ok, self.anchor[pc, kc], 0.0)

    def text_score(self, rows: list, cols: list) -> np.ndarray:
        """chrF-like F-score of trigram containment both ways, normalised per pair.

        ``rows``/``cols``: arrays of paragraph indices of each side (one or two of them)."""
        na = sum(self.na[r] for r in rows)
        nb = sum(self.nb[c] for c in cols)
        if len(rows) == 1 and len(cols) == 1:
            g = self.overlap(rows[0], cols[0])[0]
            dice = 2 * g / np.maximum(na + nb, 1)
        else:
            inter = {(x, y): self.overlap(r, c)[0] for x, r in enumerate(rows) for y, c in enumerate(cols)}
            rec = sum(np.minimum(self.na[r], sum(inter[(x, y)] for y in range(len(cols)))) for x, r in enumerate(rows))
            prec = sum(np.minimum(self.nb[c], sum(inter[(x, y)] for x in range(len(rows)))) for y, c in enumerate(cols))
            rec, prec = rec / np.maximum(na, 1), prec / np.maximum(nb, 1)
            dice = 2 * prec * rec / np.maximum(prec + rec, 1e-9)
        return np.clip((dice - self.g_bg) / (self.g_top - self.g_bg), -1.0, 1.5)

    def anchors(self, rows: list, cols: list):
        """(shared, total, both sides have anchors) for arrays of beads."""
        ta = sum(self.wa[r] for r in rows)
        tb = sum(self.wb[c] for c in cols)
        shared = sum(self.overlap(r, c)[1] for r in rows for c in cols)
        return np.minimum(shared, np.minimum(ta, tb)), ta + tb, (ta > 0) & (tb > 0)

    def costs(self, i: np.ndarray, j: np.ndarray, di: int, dj: int) -> np.ndarray:
        """Cost of the bead (di, dj) ending at each cell (i, j)."""
        prior = _PRIOR[(di, dj)]
        if not di or not dj:
            return np.full(len(i), prior)
        rows = [i - di + k for k in range(di)]
        cols = [j - dj + k for k in range(dj)]
        l1 = sum(self.la[np.clip(r, 0, self.n)] for r in rows)
        l2 = sum(self.lb[np.clip(c, 0, self.m)] for c in cols)
        delta = np.abs(l2 - l1 * self.ratio) / np.sqrt(np.maximum(l1, 1) * _GC_VARIANCE * self.ratio)
        length = _LENGTH_TABLE[np.minimum((delta * 100).astype(int), len(_LENGTH_TABLE) - 1)]
        shared, total, both = self.anchors(rows, cols)
        anchor = np.where(total > 0, np.where(shared > 0, _W_ANCHOR * 2 * shared / np.maximum(total, 1e-9),
                                               np.where(both, -1.0, 0.0)), 0.0)
        c = prior + _W_LENGTH * length - _W_TEXT * self.text_score(rows, cols) - anchor
        if di + dj > 2:  # every merged paragraph must answer to the other side on its own
            parts = [([r], cols) for r in rows] if di > 1 else []
            parts += [(rows, [q]) for q in cols] if dj > 1 else []
            worst = np.min([self.text_score(x, y) for x, y in parts], axis=0)
            c += np.where(worst < 0.3, _W_COVER * (0.3 - worst), 0.0)
            for x, y in parts:
                sh, _, bo = self.anchors(x, y)
                c += np.where(bo & (sh <= 0), _W_COVER, 0.0)  # it has numbers or names, none on the other side
        return c


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


# Gale-Church: -log P(|delta|) under a standard normal, capped, tabulated in steps of 0.01
_LENGTH_TABLE = np.array([min(-math.log(max(2 * (1 - _phi(d / 100)), 1e-12)), 12.0) for d in range(1001)])


def align_pair(a: Document, b: Document, fa: list, fb: list, config: dict) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Beads (a indices, b indices, confidence) covering both documents in order.

    Viterbi picks the beads; the confidence of each is its posterior probability
    under the same costs (forward-backward), so it says how much of the
    alternatives' weight the chosen link leaves over.
    """
    n, m = len(a.paragraphs), len(b.paragraphs)
    band = max(config["align"]["band"], abs(n - m) + 3)
    grid = _Band(n, m, band)
    model = _PairModel(a, b, fa, fb, band)
    preds, costs = [], []
    for di, dj in _BEADS:
        idx = grid.index(grid.i - di, grid.j - dj)
        c = model.costs(grid.i, grid.j, di, dj)
        preds.append(idx.tolist())
        costs.append(np.where(idx >= 0, c, np.inf).tolist())
    size = grid.size
    inf = float("inf")
    best = [inf] * size
    arg = [-1] * size
    fwd = [-inf] * size
    best[0], fwd[0] = 0.0, 0.0
    nb = len(_BEADS)
    t = _TEMPERATURE
    for x in range(1, size):
        b_cost, b_arg, terms = inf, -1, []
        for k in range(nb):
            p = preds[k][x]
            if p < 0:
                continue
            c = costs[k][x]
            v = best[p] + c
            if v < b_cost:
                b_cost, b_arg = v, k
            if fwd[p] > -inf:
                terms.append(fwd[p] - c / t)
        best[x], arg[x] = b_cost, b_arg
        if terms:
            fwd[x] = _logsumexp(terms)
    bwd = [-inf] * size
    bwd[size - 1] = 0.0
    for x in range(size - 1, 0, -1):
        if bwd[x] == -inf:
            continue
        for k in range(nb):
            p = preds[k][x]
            if p >= 0:
                v = bwd[x] - costs[k][x] / t
                bwd[p] = v if bwd[p] == -inf else _logaddexp(bwd[p], v)
    total = fwd[size - 1]
    beads = []
    x = size - 1
    while x != 0:
        k = arg[x]
        p = preds[k][x]
        i, j = int(grid.i[x]), int(grid.j[x])
        di, dj = _BEADS[k]
        post = math.exp(min(0.0, fwd[p] - costs[k][x] / t + bwd[x] - total))
        beads.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), round(post, 3)))
        x = p
    beads.reverse()
    return beads


def _logaddexp(a: float, b: float) -> float:
    if a < b:
        a, b = b, a
    return a + math.log1p(math.exp(b - a))


def _logsumexp(xs) -> float:
    top = max(xs)
    if top == float("-inf"):
        return top
    return top + math.log(sum(math.exp(x - top) for x in xs))


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
