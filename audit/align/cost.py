"""The aligner's cost model: what a bead of paragraphs costs for one pair of documents.

A bead's cost combines a Gale-Church length cost (the length ratio estimated
from the pair itself) with shared language-independent anchors (numbers, dates,
name keys), each weighted down by how often it recurs, and with the character
trigrams the transliterated paragraphs share, normalised per pair. The dynamic
programming that picks the beads is in ``audit.align``.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from ..extract import quantity_anchors
from ..extract.text import translit
from ..model import Document

# prior cost of each bead shape (negative log-odds against a 1-1 link)
_PRIOR = {(1, 1): 0.0, (1, 0): 2.3, (0, 1): 2.3, (2, 1): 2.2, (1, 2): 2.2, (2, 2): 5.0}
_GC_VARIANCE = 6.8
# weights tuned on benchmarks/align.py's stress set (seeded random search)
_W_LENGTH = 0.44
_W_TEXT = 3.2  # transliterated character trigrams, normalised per pair
_W_ANCHOR = 3.2  # shared numbers, dates, name keys, weighted by rarity
_W_DISJOINT = 1.0  # both sides have anchors the other document writes, and share none
_W_COVER = 1.2  # a merged paragraph that shares nothing with the other side
_COVER_AT = 0.5  # ... scoring under this (normalised containment)
_RELIABLE_AT = 0.15  # text similarity counts fully when best matches stand this far above background


def paragraph_anchors(pf) -> set[str]:
    out = quantity_anchors(pf)
    out.update(["k:" + k for f in pf.names for k in f.keys if len(k) >= 3])
    return out


def _trigram_table(doc: Document) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(paragraph, trigram code) for every distinct character trigram of every paragraph
    of the transliterated document (words single-spaced, a space at each end), all at
    once: what cognates, names and numbers share across scripts; and the document's
    distinct codes, sorted (once per document, which the pivot's pairs all read)."""
    texts = [" " + " ".join(translit(p.text).split()) + " " for p in doc.paragraphs]
    raw = np.frombuffer("".join(texts).encode("ascii", "replace"), dtype=np.uint8).astype(np.int64)
    if len(raw) < 3:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pid = np.repeat(np.arange(len(texts), dtype=np.int64), [len(t) for t in texts])
    same = pid[:-2] == pid[2:]
    key = _distinct((pid[:-2][same] << 24) | (raw[:-2][same] << 16) | (raw[1:-1][same] << 8) | raw[2:][same])
    code = key & 0xFFFFFF
    return key >> 24, code, _distinct(code)


def _clamp(x: np.ndarray, lo, hi) -> np.ndarray:
    """``np.clip`` without its per-call checks (which cost more than the work on a band's arrays)."""
    return np.minimum(np.maximum(x, lo), hi)


def _distinct(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: faster here than np.unique's hashing)."""
    x = np.sort(x)
    return x[np.concatenate([[True], x[1:] != x[:-1]])] if len(x) else x


def _common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values two sorted arrays of distinct values share, sorted (``np.intersect1d``
    without its sort of both together)."""
    if not len(a) or not len(b):
        return a[:0]
    at = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return a[b[at] == a]


def _shared_trigrams(pa, ca, da, n, pb, cb, db, m, off, cols) -> np.ndarray:
    """Trigrams shared by paragraph p of one side and paragraph off[p] + k of the other,
    as an (n + 1, cols) array: each paragraph a bitset over the trigrams both sides write
    (``da``, ``db``: each side's distinct codes, sorted)."""
    common = _common(da, db)
    words = max(1, (len(common) + 63) // 64)

    def bitsets(pid, code, rows):
        bits = np.zeros((rows + 1, words), dtype=np.uint64)
        ids = np.minimum(np.searchsorted(common, code), max(len(common) - 1, 0))
        keep = common[ids] == code if len(common) else np.zeros(len(code), dtype=bool)
        ids = ids[keep]
        np.bitwise_or.at(bits, (pid[keep], ids >> 6), np.left_shift(np.uint64(1), (ids & 63).astype(np.uint64)))
        return bits

    ba, bb = bitsets(pa, ca, n), bitsets(pb, cb, m)
    out = np.zeros((n + 1, cols))
    step = max(1, 2_000_000 // (cols * words))
    for r0 in range(0, n, step):
        rows = np.arange(r0, min(n, r0 + step))
        q = np.minimum(off[rows, None] + np.arange(cols), m)  # row m of bb is empty
        out[rows] = np.bitwise_count(ba[rows, None, :] & bb[q]).sum(axis=-1)
    return out


_HEAVY = 50_000  # an anchor in p x q paragraph pairs beyond this weighs under 1/450 a pair: left out


def _shared_anchors(sa: list[set], sb: list[set], w: dict, off: np.ndarray, cols: int) -> np.ndarray:
    """Weight of the anchors shared by paragraph p of one side and off[p] + k of the other."""
    out = np.zeros((len(sa) + 1, cols))
    both = sorted(set().union(*sa) & set().union(*sb)) if sa and sb else []
    if not both:
        return out
    ids = {x: i for i, x in enumerate(both)}
    weight = np.array([w[x] for x in both])
    ea = np.array([(p, ids[x]) for p, s in enumerate(sa) for x in s if x in ids], dtype=np.int64).reshape(-1, 2)
    eb = np.array([(q, ids[x]) for q, s in enumerate(sb) for x in s if x in ids], dtype=np.int64).reshape(-1, 2)
    # each paragraph's anchors in a fixed order (sets iterate in hash-seed order), so that
    # np.add.at below adds every cell's weights in the same order in every run
    ea = ea[np.lexsort((ea[:, 1], ea[:, 0]))]
    heavy = np.bincount(ea[:, 1], minlength=len(both)) * np.bincount(eb[:, 1], minlength=len(both)) > _HEAVY
    ea, eb = ea[~heavy[ea[:, 1]]], eb[~heavy[eb[:, 1]]]
    eb = eb[np.argsort(eb[:, 1], kind="stable")]
    lo = np.searchsorted(eb[:, 1], ea[:, 1], "left")
    cnt = np.searchsorted(eb[:, 1], ea[:, 1], "right") - lo
    e = np.repeat(np.arange(len(ea)), cnt)
    at = np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt) + np.repeat(lo, cnt)
    p, q = ea[e, 0], eb[at, 0]
    k = q - off[p]
    ok = (k >= 0) & (k < cols)
    np.add.at(out, (p[ok], k[ok]), weight[ea[e, 1]][ok])
    return out


class _PairModel:
    """Bead costs for one pair of documents, from length, shared anchors and shared trigrams.

    Overlaps are computed once per paragraph pair near the diagonal; a bead that
    joins two paragraphs adds its parts' overlaps. Text similarity is normalised
    per pair (its background level among non-matching paragraphs and its level
    among best matches), because Swedish and Malay share more letters with each
    other than Bengali and Arabic do. Costs are computed for all cells at once.
    """

    def __init__(self, a: Document, b: Document, features_a: tuple, features_b: tuple, band: int):
        n, m = self.n, self.m = len(a.paragraphs), len(b.paragraphs)
        self._seen: dict = {}
        self._base: dict = {}
        self.la = np.array([len(p.text) for p in a.paragraphs] + [0], dtype=float)
        self.lb = np.array([len(p.text) for p in b.paragraphs] + [0], dtype=float)
        self.ratio = (self.lb.sum() or 1) / (self.la.sum() or 1)
        (sa, (pa, ca, da)), (sb, (pb, cb, db)) = features_a, features_b
        # only what both documents write somewhere can be shared: a caseless script's every
        # word is a name candidate, and those the other side never writes only dilute
        common = set().union(*sa) & set().union(*sb)
        sa = [{y for y in x if y in common or y[0] != "k"} for x in sa]
        sb = [{y for y in x if y in common or y[0] != "k"} for x in sb]
        freq = Counter(x for s in sa for x in s) + Counter(x for s in sb for x in s)
        w = {x: 1.0 / c for x, c in freq.items()}
        # fsum: a paragraph's anchors are a set, whose order follows the hash seed, and a plain
        # sum's last bits follow the order (a run's confidences must not depend on the seed)
        self.wa = np.array([math.fsum(w[x] for x in s) for s in sa] + [0.0])
        self.wb = np.array([math.fsum(w[x] for x in s) for s in sb] + [0.0])
        self.na = np.bincount(pa, minlength=n + 1).astype(float)
        self.nb = np.bincount(pb, minlength=m + 1).astype(float)
        # overlaps of paragraph pairs (p, q) with q within `width` of p's diagonal point
        self.width = band + 3
        self.off = np.maximum(0, (np.arange(n + 1) * (m / max(n, 1))).astype(int) - self.width)
        cols = 2 * self.width + 2
        self.gram = _shared_trigrams(pa, ca, da, n, pb, cb, db, m, self.off, cols)
        self.anchor = _shared_anchors(sa, sb, w, self.off, cols)
        dice = 2 * self.gram[:n] / np.maximum(self.na[:n, None] + self.nb[np.minimum(self.off[:n, None] + np.arange(cols), m)], 1)
        valid = (self.off[:n, None] + np.arange(cols)) < m
        if valid.any():
            vals = dice[valid]
            best = np.where(valid, dice, -1).max(axis=1)
            self.g_bg = float(np.median(vals))
            self.g_sep = float(np.median(best[best >= 0])) - self.g_bg
            self.g_top = self.g_bg + max(self.g_sep, 0.05)
        else:
            self.g_bg, self.g_top, self.g_sep = 0.0, 1.0, 1.0
        # how far best matches stand out from the background: little between scripts
        # that transliterate apart (Bengali and Swedish share names and numbers, not words)
        self.reliable = min(1.0, max(self.g_sep, 0.0) / _RELIABLE_AT)

    def overlap(self, p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(shared trigrams, shared anchor weight) for arrays of paragraph pairs; 0 outside."""
        key = (id(p), id(q))
        got = self._seen.get(key)
        if got is not None and got[0] is p and got[1] is q:
            return got[2]
        k = q - self.off[_clamp(p, 0, self.n)]
        ok = (p >= 0) & (p < self.n) & (q >= 0) & (q < self.m) & (k >= 0) & (k < self.gram.shape[1])
        pc, kc = np.where(ok, p, self.n), np.where(ok, k, 0)
        out = np.where(ok, self.gram[pc, kc], 0.0), np.where(ok, self.anchor[pc, kc], 0.0)
        self._seen[key] = (p, q, out)
        return out

    def _shifted(self, base: np.ndarray, side: str, by: int) -> np.ndarray:
        """``base - by``, one array per shift: every bead's costs index the same few
        paragraph pairs (a cell's last one or two rows and columns), so overlaps are
        looked up once per shift, not once per bead and part."""
        if self._base.get((side, by), (None,))[0] is not base:
            self._base[(side, by)] = (base, base - by)
        return self._base[(side, by)][1]

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
        return _clamp((dice - self.g_bg) / (self.g_top - self.g_bg), -1.0, 1.5)

    def contained(self, rows: list, cols: list) -> np.ndarray:
        """How much of one paragraph (``rows`` or ``cols`` holds one) the other side contains,
        normalised like ``text_score``: a merged paragraph that is a translation of part of
        the other side scores like a match, one that is not scores like background."""
        g = sum(self.overlap(r, c)[0] for r in rows for c in cols)
        size = self.na[rows[0]] if len(rows) == 1 else self.nb[cols[0]]
        cont = g / np.maximum(size, 1)
        return _clamp((cont - self.g_bg) / (self.g_top - self.g_bg), -1.0, 1.5)

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
        rows = [self._shifted(i, "a", di - k) for k in range(di)]
        cols = [self._shifted(j, "b", dj - k) for k in range(dj)]
        l1 = sum(self.la[_clamp(r, 0, self.n)] for r in rows)
        l2 = sum(self.lb[_clamp(c, 0, self.m)] for c in cols)
        delta = np.abs(l2 - l1 * self.ratio) / np.sqrt(np.maximum(l1, 1) * _GC_VARIANCE * self.ratio)
        length = _LENGTH_TABLE[np.minimum((delta * 100).astype(int), len(_LENGTH_TABLE) - 1)]
        shared, total, both = self.anchors(rows, cols)
        anchor = np.where(total > 0, np.where(shared > 0, _W_ANCHOR * 2 * shared / np.maximum(total, 1e-9),
                                               np.where(both, -_W_DISJOINT, 0.0)), 0.0)
        c = prior + _W_LENGTH * length - _W_TEXT * self.reliable * self.text_score(rows, cols) - anchor
        if di + dj > 2:  # every merged paragraph must answer to the other side on its own
            parts = [([r], cols) for r in rows] if di > 1 else []
            parts += [(rows, [q]) for q in cols] if dj > 1 else []
            worst = np.min([self.contained(x, y) for x, y in parts], axis=0)
            c += np.where(worst < _COVER_AT, _W_COVER * self.reliable * (_COVER_AT - worst), 0.0)
            for x, y in parts:
                sh, _, bo = self.anchors(x, y)
                c += np.where(bo & (sh <= 0), _W_COVER, 0.0)  # it has numbers or names, none on the other side
        return c


def _phi(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


# Gale-Church: -log P(|delta|) under a standard normal, capped, tabulated in steps of 0.01
_LENGTH_TABLE = np.array([min(-math.log(max(2 * (1 - _phi(d / 100)), 1e-12)), 12.0) for d in range(1001)])


def _features(doc: Document, doc_facts: list) -> tuple:
    """What the pair model reads of one document: anchors per paragraph, trigram table."""
    return [paragraph_anchors(x) for x in doc_facts], _trigram_table(doc)
