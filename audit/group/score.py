"""The pair-scoring model: how alike two documents' summaries are (rarity-weighted anchors
shared at about the same paragraph, per channel of figures and names, raised by agreeing
length profiles), and each document's blocking keys."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from ..config import Config
from .texture import Texture

_PAIR_ANCHORS = 6  # a document's rarest common anchors that are paired into blocking keys
_TOLERANCE = 0.12  # how far (as a fraction of the longer document) a shared anchor may move
_MIN_TOLERANCE = 1.5  # ... and at least this many paragraphs
_BLOCK_KEYS = 24  # a document's rarest anchors that are blocking keys

_SHAPE_SHARE = 0.6  # the length profile's share of a pair's score when it is certain
_SHAPE_Z = (2.0, 6.0)  # Fisher z of the profiles' correlation: no evidence below, full evidence above


class _Shape:
    """A length profile with its running sums: a pair's correlation over any prefix is one dot product.

    ``agreement``: how alike two profiles rise and fall over the paragraphs both have (the
    shorter one's span: a partial translation is a prefix), as (correlation, confidence 0..1).
    A few paragraphs correlate by chance; the confidence grows with how unlikely the
    correlation is by chance (Fisher's z)."""

    __slots__ = ("x", "sums", "squares")

    def __init__(self, lengths):
        import numpy as np

        self.x = np.asarray(lengths, dtype=float)
        self.sums = np.concatenate(([0.0], np.cumsum(self.x)))
        self.squares = np.concatenate(([0.0], np.cumsum(self.x * self.x)))

    def agreement(self, other: "_Shape") -> tuple[float, float]:
        k = min(len(self.x), len(other.x))
        if k < 4:
            return 0.0, 0.0
        sa, sb = float(self.sums[k]), float(other.sums[k])
        var = (float(self.squares[k]) - sa * sa / k) * (float(other.squares[k]) - sb * sb / k)
        if var <= 1e-12:
            return 0.0, 0.0
        r = min((float(self.x[:k] @ other.x[:k]) - sa * sb / k) / math.sqrt(var), 0.999)
        if r <= 0:
            return 0.0, 0.0
        z = math.atanh(r) * math.sqrt(k - 3)
        low, high = _SHAPE_Z
        return r, min(1.0, max(0.0, (z - low) / (high - low)))


def _matched(pa: list[float], pb: list[float], tolerance: float) -> float:
    """Occurrences of one anchor that sit at about the same place in both documents
    (positions ascending: paired off in one merge pass)."""
    if len(pa) == 1 and len(pb) == 1:  # most anchors occur once
        return max(0.0, 1 - abs(pa[0] - pb[0]) / tolerance)
    i = j = 0
    score = 0.0
    while i < len(pa) and j < len(pb):
        gap = pa[i] - pb[j]
        if -tolerance < gap < tolerance:
            score += 1 - abs(gap) / tolerance
            i += 1
            j += 1
        elif gap < 0:
            i += 1
        else:
            j += 1
    return score


def _attested(sigs: dict[str, dict]) -> dict[str, dict]:
    """Caseless documents' word-pair keys (``u:``) kept where a cased document has the pair
    as a name (``k:``), and single word keys (``v:``) where one has the word in a name (``w:``),
    then as that name; the rest is vocabulary (Bengali and Hindi share many words, none of
    them evidence of one article)."""
    names = {f for sig in sigs.values() for f in sig if f[:2] in ("k:", "w:")}
    out = {}
    for d, sig in sigs.items():
        if any(f[:2] in ("u:", "v:") for f in sig):
            kept = {}
            for f, p in sig.items():
                if f[:2] in ("u:", "v:"):
                    f = ("k:" if f[0] == "u" else "w:") + f[2:]
                    if f not in names:
                        continue
                kept[f] = sorted(kept[f] + p) if f in kept else p
            sig = kept
        out[d] = sig
    return out


class _Scorer:
    """How alike two documents' signatures are, weighted by each anchor's rarity in the batch.

    The score is a cosine of rarity-weighted anchor counts where an anchor counts as
    shared when both documents have it at about the same paragraph. Each side's norm
    holds only the anchors the other side's language can show at all (anchors some
    document of that language has) and, when one document is much shorter (a partial
    translation), only those within the shorter one's span: what one translation cannot
    say is no evidence against it.
    """

    def __init__(self, summaries, config: Config):
        settings = config.group
        self.sigs = sigs = _attested({s[0]: s[3] for s in summaries})
        self.lang = lang = {s[0]: s[1] for s in summaries}
        self.sizes = {s[0]: max(s[2], 1) for s in summaries}
        self.shapes = {s[0]: _Shape(s[4]) for s in summaries}
        self.texture = Texture({s[0]: s[5] for s in summaries if len(s) > 5})
        df: Counter = Counter()
        langs_of: dict[str, set[str]] = defaultdict(set)
        for doc_id, sig in sigs.items():
            for f in sig:
                df[f] += 1
                langs_of[f].add(lang[doc_id])
        n = max(len(summaries), 2)
        # a name counts when documents of two languages share it (a spelling no other language
        # meets is no evidence either way); a figure always does: every language can write it,
        # so one that no other document has speaks against a pairing
        # (weighed as one two documents share, not as the rarest of all)
        idf = {f: math.log(1 + n / max(c, 2)) for f, c in df.items() if len(langs_of[f]) >= 2 or _channel(f) == 0}
        self.langs_of = langs_of
        self.cap = cap = settings.max_anchor_df
        self.keys = {}
        for doc_id, sig in sigs.items():
            common = []
            mine = []
            for f in sig:
                if f not in idf or len(langs_of[f]) < 2:
                    continue
                if df[f] <= cap:
                    mine.append(f)
                elif not f.startswith("w:"):  # a single name word as common as this says little
                    common.append(f)
            # a document blocks on its rarest anchors only: the candidates stay few per document
            mine.sort(key=lambda f: (df[f], f))
            del mine[_BLOCK_KEYS:]
            # anchors too common to block on alone (a date in a big batch) still block in pairs:
            # two of them together are rare
            common.sort(key=lambda f: (df[f], f))
            mine += [f"{x}|{y}" for x, y in combinations(common[:_PAIR_ANCHORS], 2)]
            self.keys[doc_id] = mine
        self.weight = weight = {f: v * v for f, v in idf.items()}
        # what scoring reads: the anchors that count, each with its channel beside its weight
        self.sigs = sigs = {d: {f: p for f, p in sig.items() if f in weight} for d, sig in sigs.items()}
        self.channel = {f: _channel(f) for f in weight}
        # how many facts of each channel a document has: a channel of one or two facts is
        # thin evidence, weighed less (one edited figure of a document's only two is no verdict)
        self.counts = {d: [sum(1 for f in sig if self.channel[f] == ch) for ch in range(_CHANNELS)]
                       for d, sig in sigs.items()}
        languages = sorted(set(lang.values()))
        self.prefix: dict[tuple[str, str], list[float]] = {}
        self.norms: dict[tuple[str, str, int], float] = {}
        channel = self.channel
        for d, sig in sigs.items():
            # one pass over the document's anchors for every language at once, each language's
            # sums taken in the same order as a pass of its own would take them
            per = {other: [0.0] * _CHANNELS for other in languages}
            for f, p in sig.items():  # every anchor here has a weight (sigs kept only those)
                ch, v = channel[f], weight[f] * len(p)
                for other in (languages if ch == 0 else langs_of[f]):
                    per[other][ch] += v
            for other in languages:
                for ch, v in enumerate(per[other]):
                    self.norms[(d, other, ch)] = v

    def _norm(self, d: str, other: str, channel: int, span: float | None) -> float:
        if span is None:
            return self.norms[(d, other, channel)]
        upto = self._prefix_norms(d, other, channel)
        return upto[min(len(upto) - 1, max(0, math.ceil(span) - 1))]

    def _prefix_norms(self, d: str, other: str, channel: int) -> list[float]:
        """The norm of ``d`` towards language ``other`` counting paragraphs 0..i only, per i."""
        key = (d, other, channel)
        if key not in self.prefix:
            per = [[0.0] * self.sizes[d] for _ in range(_CHANNELS)]
            weight, langs_of, last = self.weight, self.langs_of, self.sizes[d] - 1
            for f, p in self.sigs[d].items():
                if f in weight and (other in langs_of[f] or _channel(f) == 0):
                    row, w = per[_channel(f)], weight[f]
                    for x in p:
                        row[min(int(x), last)] += w
            for ch, row in enumerate(per):
                total = 0.0
                for i, v in enumerate(row):
                    total += v
                    row[i] = total
                self.prefix[(d, other, ch)] = row
        return self.prefix[key]

    def score(self, a: str, b: str) -> float:
        """Each channel's cosine (figures; names), combined as a geometric mean weighted by
        how much of each the two documents hold: agreeing facts of either kind raise the
        score, a few differing ones lower it a little, figures that all differ sink it."""
        facts, contrary = self.facts(a, b)
        return round(self._with_shape(a, b, facts, contrary), 4)

    def facts(self, a: str, b: str) -> tuple[float, float]:
        """The facts' score of a pair (before the length profiles) and how surely their figures
        say they are two texts (0: no figures to tell, or figures that agree)."""
        sa, sb = self.sigs[a], self.sigs[b]
        na, nb = self.sizes[a], self.sizes[b]
        longer = max(na, nb)
        tolerance = max(_MIN_TOLERANCE, _TOLERANCE * longer)
        shared = [0.0] * _CHANNELS
        weight, channel = self.weight, self.channel
        for f in (sa.keys() & sb.keys() if len(sa) < len(sb) else sb.keys() & sa.keys()):
            pa, pb = sa[f], sb[f]
            if len(pa) == 1 and len(pb) == 1:
                gap = abs(pa[0] - pb[0])
                if gap < tolerance:
                    shared[channel[f]] += weight[f] * (1 - gap / tolerance)
            else:
                shared[channel[f]] += weight[f] * _matched(pa, pb, tolerance)
        la, lb = self.lang[a], self.lang[b]
        short = min(na, nb)
        if short < _PARTIAL * longer:  # a partial translation: the longer one's prefix only
            span = short + tolerance
            norms = [(self._norm(a, lb, ch, span if na > nb else None), self._norm(b, la, ch, span if nb > na else None))
                     for ch in range(_CHANNELS)]
        else:
            norms = [(self.norms[(a, lb, ch)], self.norms[(b, la, ch)]) for ch in range(_CHANNELS)]
        logs = mass = 0.0
        ca, cb = self.counts[a], self.counts[b]
        contrary = 0.0  # how surely the figures say these are two texts
        for ch, got in enumerate(shared):
            norm_a, norm_b = norms[ch]
            if norm_a > 0 and norm_b > 0:  # both documents have facts of this kind the other could show
                root = math.sqrt(norm_a * norm_b)
                sure = min(1.0, min(ca[ch], cb[ch]) / _EVIDENCE)
                m = _CHANNEL_WEIGHT[ch] * root * sure
                cosine = max(_FLOOR, min(1.0, got / root))
                logs += m * math.log(cosine)
                mass += m
                if ch == 0:
                    contrary = sure * sure * (1 - cosine)  # one or two figures are thin evidence
        return (math.exp(logs / mass) if mass else 0.0), contrary

    def evidence(self, a: str, b: str) -> float:
        """How much a pair's score rests on, 0..1: the anchors the two share (``_EVIDENCE`` of
        them is full evidence, a figure counting as much as its channel's weight: digits are
        exact, a name's phonetic key is not) or their length profiles' confidence, whichever is
        more. One shared name word is a score of chance (a Hindi "trains" whose key is a lake's)."""
        channel = self.channel
        shared = sum(_CHANNEL_WEIGHT[channel[f]] for f in self.sigs[a].keys() & self.sigs[b].keys())
        if shared >= _EVIDENCE:
            return 1.0
        return max(shared / _EVIDENCE, self.shapes[a].agreement(self.shapes[b])[1])

    def evidence_among(self, a: str, members) -> float:
        """How much ``a`` joining ``members`` rests on, 0..1, by the anchors it shares with two of
        them or more (counted as ``evidence`` counts them): several translations that keep one
        fact of it are evidence no single pair's chance match is, and one member's edit leaves it."""
        if len(members) < 2:
            return 0.0
        held = Counter(f for m in members for f in self.sigs[a].keys() & self.sigs[m].keys())
        shared = sum(_CHANNEL_WEIGHT[self.channel[f]] for f, n in held.items() if n >= 2)
        return min(1.0, shared / _EVIDENCE)

    def _with_shape(self, a: str, b: str, facts: float, contrary: float) -> float:
        """The facts' score raised by the length profiles where they agree (never lowered: a
        translation that splits or merges paragraphs differs in shape and is still one). Shape
        stands in for evidence the facts lack (a dialogue of few figures, a short partial text),
        never against figures that differ: the same template filled with another day's figures
        has the shape of its twin."""
        if facts >= 1.0:
            return facts
        r, confidence = self.shapes[a].agreement(self.shapes[b])
        share = _SHAPE_SHARE * confidence * (1 - contrary)
        if not share or r <= facts:
            return facts
        return math.exp((1 - share) * math.log(max(facts, _FLOOR)) + share * math.log(r))


def _channel(feature: str) -> int:
    """0: figures (numbers, dates); 1: names."""
    return 0 if feature[:2] in ("n:", "d:") else 1


_CHANNELS = 2
_CHANNEL_WEIGHT = [2.0, 1.0]
_EVIDENCE = 4  # facts of one channel (in the document with fewer) it takes for the channel's full weight
_FLOOR = 0.05  # a channel's cosine counts as this at least: one changed figure never zeroes a pair
_PARTIAL = 0.6  # a document shorter than this fraction of the other is compared with its prefix
