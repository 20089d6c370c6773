"""Texture: soft evidence of where a lone document belongs, from the character 5-grams of its
transliterated text, for the few documents the facts leave without a home.

Translations of one article share more than their figures and names: words kept or borrowed
(hip hop, vaksin, coronavirus), inflected names a name key misses (Bristol in ব্রিস্টলের), the
vocabulary of related languages. Transliterated (anyascii, ``extract.text.translit``), these
show as shared character 5-grams, each weighted by its rarity (idf) among the documents in
contention: the lone document and the members of the clusters it is offered. Two languages
that share much vocabulary (Hindi and Bengali) score high with any article, so a member's
texture counts only relative to the documents of its own language among the others offered
(its ``lift``): a translation stands out among its language's candidates, chance does not.

Nothing here runs for a document the facts place: only a lone document that the second pass
leaves without a home is compared, with at most ``_OFFERS`` clusters and over its opening
(``_CHARS`` transliterated characters), so the cost stays level whatever the batch's size.
"""
from __future__ import annotations

import math

import numpy as np

_N = 5  # characters per n-gram
_CHARS = 3000  # a lone document's opening this long (transliterated) is compared
_OFFERS = 8  # the best offers (by the facts' score) whose members are compared
_LIFT = 2.0  # a member stands out when its texture with the lone document is this many times its rivals'
_MIN_TEXTURE = 0.01  # ... and is at least this (a cosine: two texts that share next to nothing never stand out)


class Texture:
    """Each document's 5-gram codes over a prefix of its paragraphs, made when first asked."""

    def __init__(self, texts: dict[str, tuple[str, ...]]):
        self.texts = texts
        self._codes: dict[tuple[str, int], np.ndarray] = {}

    def __contains__(self, doc: str) -> bool:
        return doc in self.texts

    def opening(self, doc: str) -> int:
        """How many of the document's paragraphs make its compared opening (``_CHARS``)."""
        from ..extract.text import translit

        total = 0
        for k, text in enumerate(self.texts[doc], start=1):
            total += len(translit(text))
            if total >= _CHARS:
                return k
        return len(self.texts[doc])

    def codes(self, doc: str, upto: int) -> np.ndarray:
        """Sorted distinct 5-gram codes of the document's first ``upto`` paragraphs
        (transliterated, words single-spaced, a space at each end; no n-gram spans two paragraphs)."""
        key = (doc, upto)
        if key not in self._codes:
            from ..extract.text import translit

            parts = [" " + " ".join(translit(t).split()) + " " for t in self.texts[doc][:upto]]
            raw = np.frombuffer("".join(parts).encode("ascii", "replace"), dtype=np.uint8).astype(np.int64)
            if len(raw) < _N:
                self._codes[key] = np.zeros(0, dtype=np.int64)
            else:
                pid = np.repeat(np.arange(len(parts)), [len(p) for p in parts])
                code = np.zeros(len(raw) - _N + 1, dtype=np.int64)
                for k in range(_N):
                    code = (code << 8) | raw[k:len(raw) - _N + 1 + k]
                self._codes[key] = np.unique(code[pid[:1 - _N] == pid[_N - 1:]])
        return self._codes[key]

    def similarities(self, lone: str, others: dict[str, int], span: int) -> dict[str, float]:
        """Cosine of idf-weighted 5-gram sets between ``lone`` (its first ``span`` paragraphs)
        and each of ``others`` (doc -> paragraphs compared), idf counted over all of them."""
        sets = {x: self.codes(x, upto) for x, upto in others.items()}
        mine = self.codes(lone, span)
        if not len(mine) or not sets:
            return {x: 0.0 for x in others}
        every, df = np.unique(np.concatenate([mine, *sets.values()]), return_counts=True)
        idf = np.log((len(sets) + 1) / df)
        weight = idf * idf

        def weights(codes):
            return weight[np.searchsorted(every, codes)]

        norm = math.sqrt(float(weights(mine).sum()))
        out = {}
        for x, codes in sets.items():
            both = np.intersect1d(mine, codes, assume_unique=True)
            other = math.sqrt(float(weights(codes).sum()))
            out[x] = float(weights(both).sum()) / (norm * other) if norm and other else 0.0
        return out
