"""Stage 2: which documents translate the same article.

Documents the batch's declared structure places (:mod:`audit.layout`) form
their article's group. The others are grouped by content, without file-name
hints: each document gets a language-independent signature
(numbers from any digit system, dates, transliterated name keys, the paragraphs'
length profile) and candidate
pairs come from an inverted index on rare anchors (blocking), so the cost grows
with the number of shared rare anchors, not with the square of the batch.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from .config import Config
from .extract import quantity_anchors
from .model import Document, Group


_PAIR_ANCHORS = 6  # a document's rarest common anchors that are paired into blocking keys
_TOLERANCE = 0.12  # how far (as a fraction of the longer document) a shared anchor may move
_MIN_TOLERANCE = 1.5  # ... and at least this many paragraphs
_WORD_KEY = 3  # a name word's phonetic key this long at least is an anchor (shorter ones say little)
_WORD_REPEATS = 6  # a word more frequent than this in one document is vocabulary, not a name
_POSITIONS = 12  # occurrences of one anchor kept per document
_BLOCK_KEYS = 24  # a document's rarest anchors that are blocking keys


def signature(doc_facts) -> dict[str, list[float]]:
    """Anchor features of a document, each with the paragraph indices where it occurs.

    Numbers and dates (``n:``, ``d:``), cased multi-word names (``k:``), the phonetic
    key of every word of a cased name (``w:``) and, in caseless scripts, of every word
    (``u:``: a candidate name, an anchor only where some cased translation in the batch
    writes it as a name). No single feature decides: each is weighted by its rarity in
    the batch when documents are compared.
    """
    feats: dict[str, list[float]] = defaultdict(list)
    words: dict[str, list[float]] = defaultdict(list)
    for i, pf in enumerate(doc_facts):
        here = quantity_anchors(pf)
        previous = None
        for f in pf.names:
            if f.cased:
                for key in f.keys:
                    if len(key) >= _WORD_KEY:
                        words["w:" + key].append(float(i))
                here.update("k:" + " ".join(f.keys[j:j + 2]) for j in range(len(f.keys) - 1))
            elif previous is not None and previous.end + 1 >= f.start:
                # a caseless script's two adjacent words may be a two-word name another script writes cased
                here.add("u:" + " ".join(previous.keys + f.keys))
            previous = f if not f.cased else None
        for f in here:
            if len(feats[f]) < _POSITIONS:
                feats[f].append(float(i))
    for f, where in words.items():
        if len(where) <= _WORD_REPEATS:
            feats[f] = where
    return feats


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


def group_documents(documents: list[Document], facts: dict[str, list], config: Config) -> list[Group]:
    return group_signatures([summary(d, facts[d.id]) for d in documents], config)


def summary(doc: Document, doc_facts: list) -> tuple[str, str, int, dict[str, list[float]], tuple[float, ...]]:
    """What grouping needs of a document: (id, language, paragraphs, signature, length profile).
    Small: the Dask engine computes it where the document was read and sends only this."""
    return doc.id, doc.language, len(doc.paragraphs), dict(signature(doc_facts)), profile(doc)


def profile(doc: Document) -> tuple[float, ...]:
    """The log length of each paragraph (characters other than spaces): translations keep the
    rise and fall of their source's paragraph lengths, whatever the script's own scale."""
    return tuple(round(math.log1p(len("".join(p.text.split()))), 3) for p in doc.paragraphs)


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


def group_documents(documents: list[Document], facts: dict[str, list], config: Config) -> list[Group]:
    return group_signatures([summary(d, facts[d.id]) for d in documents], config)


def summary(doc: Document, doc_facts: list) -> tuple[str, str, int, dict[str, list[float]], tuple[float, ...]]:
    """What grouping needs of a document: (id, language, paragraphs, signature, length profile).
    Small: the Dask engine computes it where the document was read and sends only this."""
    return doc.id, doc.language, len(doc.paragraphs), dict(signature(doc_facts)), profile(doc)


def profile(doc: Document) -> tuple[float, ...]:
    """The log length of each paragraph (characters other than spaces): translations keep the
    rise and fall of their source's paragraph lengths, whatever the script's own scale."""
    return tuple(round(math.log1p(len("".join(p.text.split()))), 3) for p in doc.paragraphs)


_SHAPE_SHARE = 0.6  # the length profile's share of a pair's score when it is certain
_SHAPE_Z = (2.0, 6.0)  # Fisher z of the profiles' correlation: no evidence below, full evidence above


def shape_agreement(pa, pb) -> tuple[float, float]:
    """How alike two length profiles rise and fall over the paragraphs both have (the shorter
    one's span: a partial translation is a prefix): (correlation, confidence 0..1). A few
    paragraphs correlate by chance; the confidence grows with how unlikely the correlation
    is by chance (Fisher's z)."""
    k = min(len(pa), len(pb))
    if k < 4:
        return 0.0, 0.0
    import numpy as np

    x = np.asarray(pa[:k]) - sum(pa[:k]) / k
    y = np.asarray(pb[:k]) - sum(pb[:k]) / k
    den = math.sqrt(float(x @ x) * float(y @ y))
    if not den:
        return 0.0, 0.0
    r = min(float(x @ y) / den, 0.999)
    if r <= 0:
        return 0.0, 0.0
    z = math.atanh(r) * math.sqrt(k - 3)
    low, high = _SHAPE_Z
    return r, min(1.0, max(0.0, (z - low) / (high - low)))


def group_signatures(summaries: list[tuple], config: Config, blocker=None,
                     articles: dict[str, str] | None = None) -> list[Group]:
    """Groups from the documents' summaries. ``blocker(keys, lang, cap, max_per_language)``
    turns each document's blocking keys into candidate pairs: ``local_blocks`` here,
    a Dask dataframe shuffle on the Dask engine; both give the same pairs.

    Documents the batch's structure places (``articles``, doc id -> article,
    from :mod:`audit.layout`) form their article's group, with the content score of
    every pair of members (the misfiled-translation check reads them); the others
    are grouped by content."""
    articles = articles or {}
    scorer = _Scorer(summaries, config)
    ids = [s[0] for s in summaries]
    members: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        if d in articles:
            members[articles[d]].append(d)
    groups = [_declared_group(article, docs, scorer) for article, docs in members.items()]
    rest = [d for d in ids if d not in articles]
    if rest:
        settings = config.group
        keys = {d: scorer.keys[d] for d in rest}
        candidates = (blocker or local_blocks)(keys, scorer.lang, scorer.cap, settings.max_per_language)
        scores = {(a, b): scorer.score(a, b) for a, b in _likely(candidates, keys)}
        taken = set(members)
        clusters = _cluster(rest, scores, scorer, settings)
        for docs, score, pairs in _offer_leftovers(clusters, scores, scorer, settings):
            groups.append(Group(_derived_id(docs, taken), docs, score, pairs))
    return sorted(groups, key=lambda g: g.id)


_SECOND_PASS = 0.6  # a leftover joins a group lacking its languages at this fraction of the threshold
_SECOND_PAIR = 0.75  # ... and scores this fraction of the threshold with one member at least
_MARGIN = 2.0  # ... when it scores this many times better with it than with any other group


def _offer_leftovers(clusters, scores, scorer: "_Scorer", settings) -> list:
    """The second pass: each cluster smaller than the largest (a lone document first) is offered
    to the clusters it has a candidate pair with; it joins the one it scores best with on
    average over all their pairs when that one lacks its languages, the average reaches
    ``_SECOND_PASS`` of the threshold, one pair ``_SECOND_PAIR`` of it, and no other cluster
    of two or more comes within ``_MARGIN``."""
    bar = settings.threshold * _SECOND_PASS
    cap = settings.max_per_language
    clusters = [[list(docs), score, dict(((a, b), s) for a, b, s in pairs)] for docs, score, pairs in clusters]
    where = {d: k for k, c in enumerate(clusters) for d in c[0]}
    partners: dict[str, set[str]] = defaultdict(set)
    for (a, b), s in scores.items():
        if s > 0:
            partners[a].add(b)
            partners[b].add(a)
    # a document of few facts may share no blocking key at all: the clusters holding a document of
    # as many paragraphs are offered it too (a count that common says nothing and offers none)
    by_size: dict[int, set[int]] = defaultdict(set)
    for k, c in enumerate(clusters):
        for d in c[0]:
            by_size[scorer.sizes[d]].add(k)
    biggest = max((len(c[0]) for c in clusters), default=0)
    for k in sorted(range(len(clusters)), key=lambda k: (len(clusters[k][0]), min(clusters[k][0]))):
        docs = clusters[k][0]
        if not docs or len(docs) >= biggest:
            continue
        langs = Counter(scorer.lang[d] for d in docs)
        offers = []
        near = {where[p] for d in docs for p in partners[d]}
        for d in docs:
            if len(by_size[scorer.sizes[d]]) <= scorer.cap:
                near |= {where[x] for t in by_size[scorer.sizes[d]] for x in clusters[t][0]}
        for t in sorted(near - {k}):
            target = clusters[t][0]
            if len(target) < len(docs):
                continue
            cross = {}
            for a in docs:
                for b in target:
                    pair = (min(a, b), max(a, b))
                    cross[pair] = scores[pair] if pair in scores else scorer.score(*pair)
            both = langs + Counter(scorer.lang[d] for d in target)
            # the better half of the pairs: one member that shares little with it (or one edited fact) is no verdict
            better = sorted(cross.values(), reverse=True)[:max(1, (len(cross) + 1) // 2)]
            offers.append((sum(better) / len(better), max(both.values()) <= cap, t, cross))
        offers.sort(key=lambda o: (-o[0], o[2]))
        best_t = None
        # the best home on average, with one member at least it nearly would be grouped with outright
        if offers and offers[0][1] and offers[0][0] >= bar and max(offers[0][3].values()) >= settings.threshold * _SECOND_PAIR:
            # another fragment of the same article is no rival: a lone document may trail it, and so
            # may a cluster of none of its languages; a look-alike article shares languages with it
            home = {scorer.lang[d] for d in clusters[offers[0][2]][0]}
            runner_up = max((o[0] for o in offers[1:] if len(clusters[o[2]][0]) > 1
                             and home & {scorer.lang[d] for d in clusters[o[2]][0]}), default=0.0)
            if offers[0][0] >= _MARGIN * runner_up:  # a clear home, not one of several look-alikes
                _, _, best_t, best_pairs = offers[0]
        if best_t is None:
            continue
        target = clusters[best_t]
        target[0] += docs
        target[1] = min(target[1] if len(target[0]) > len(docs) + 1 else 1.0, clusters[k][1] if len(docs) > 1 else 1.0,
                        max(best_pairs.values()))
        target[2].update((p, s) for p, s in best_pairs.items() if s > 0)
        target[2].update(clusters[k][2])
        for d in docs:
            where[d] = best_t
        clusters[k] = [[], 1.0, {}]
    out = []
    for docs, score, pairs in clusters:
        if docs:
            docs = tuple(sorted(docs))
            out.append((docs, score if len(docs) > 1 else 1.0, tuple((a, b, s) for (a, b), s in sorted(pairs.items()))))
    return out


def _derived_id(docs: tuple[str, ...], taken: set[str]) -> str:
    """A content group's id: its first member's id, which no other file changes (an
    article of the declared structure with that name too: a digest of the members)."""
    name = docs[0]
    if name in taken:
        import hashlib

        name = f"{name}~{hashlib.sha256(chr(0).join(docs).encode()).hexdigest()[:8]}"
    taken.add(name)
    return name


def _declared_group(article: str, docs: list[str], scorer: "_Scorer") -> Group:
    """An article's declared members, with the content score of every pair of them."""
    docs = sorted(docs)
    pairs = tuple((a, b, scorer.score(a, b)) for a, b in combinations(docs, 2))
    best = {d: 0.0 for d in docs}
    for a, b, s in pairs:
        best[a], best[b] = max(best[a], s), max(best[b], s)
    return Group(article, tuple(docs), min(best.values()) if len(docs) > 1 else 1.0, pairs)


def _attested(sigs: dict[str, dict]) -> dict[str, dict]:
    """Caseless documents' word keys (``u:``) kept where a cased document has the key as
    a name word (``w:``), then as that name; the rest is vocabulary (Bengali and Hindi
    share many words, none of them evidence of one article)."""
    names = {f for sig in sigs.values() for f in sig if f.startswith("k:")}
    out = {}
    for d, sig in sigs.items():
        if any(f.startswith("u:") for f in sig):
            sig = {("k:" + f[2:] if f.startswith("u:") else f): p for f, p in sig.items()
                   if not f.startswith("u:") or "k:" + f[2:] in names}
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
        for d, sig in sigs.items():
            for other in languages:
                per = [0.0] * _CHANNELS
                for f, p in sig.items():
                    if f in weight and (other in langs_of[f] or _channel(f) == 0):
                        per[_channel(f)] += weight[f] * len(p)
                for ch, v in enumerate(per):
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
        facts = math.exp(logs / mass) if mass else 0.0
        return round(self._with_shape(a, b, facts, contrary), 4)

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


def _likely(candidates, keys: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The candidate pairs worth scoring: those sharing two blocking keys or more, and a document's
    pairs of one shared key where it has none of two. One rare anchor in common is mostly chance
    (nine pairs in ten of a large batch, none of them one article); a translation shares several
    with its article, and the pairs clustering weighs are scored when it weighs them."""
    sets = {d: set(k) for d, k in keys.items()}
    strong, weak = [], []
    paired: set[str] = set()
    for a, b in sorted(candidates):
        if len(sets[a] & sets[b]) >= 2:
            strong.append((a, b))
            paired.update((a, b))
        else:
            weak.append((a, b))
    return strong + [(a, b) for a, b in weak if a not in paired or b not in paired]


def local_blocks(keys: dict[str, list[str]], lang: dict[str, str], cap: int, max_per_language: int) -> set:
    """Candidate pairs: documents of two languages that share a blocking key held by at
    most ``cap`` documents (an inverted index)."""
    index: dict[str, list[str]] = defaultdict(list)
    for doc_id, mine in keys.items():
        for k in mine:
            index[k].append(doc_id)
    candidates: set[tuple[str, str]] = set()
    for docs in index.values():
        candidates |= block_pairs(docs, lang, cap, max_per_language)
    return candidates


def block_pairs(docs: list[str], lang: dict[str, str], cap: int, max_per_language: int) -> set:
    """The candidate pairs of one block (the documents that share one key)."""
    if len(docs) > cap:
        return set()  # a pair of common anchors that is common too
    return {(min(a, b), max(a, b)) for i, a in enumerate(docs) for b in docs[i + 1:]
            if lang[a] != lang[b] or max_per_language > 1}


def _cluster(ids, scores, scorer: "_Scorer", settings) -> list[Group]:
    """Average-linkage clustering over the strong candidate pairs, strongest first. A pair
    blocking did not propose is scored when two clusters are weighed for a merge: the rarest
    anchors of a document need not be the ones each of its translations keeps."""
    lang = scorer.lang
    parent = {d: d for d in ids}
    members = {d: [d] for d in ids}
    weakest = {d: 1.0 for d in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strong = [(-score, pair) for pair, score in scores.items() if score >= settings.threshold]
    for score, (a, b) in sorted(strong):
        score = -score
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        merged = members[ra] + members[rb]
        counts = Counter(lang[m] for m in merged)
        if max(counts.values()) > settings.max_per_language:
            continue
        cross = []
        for x in members[ra]:
            for y in members[rb]:
                pair = (min(x, y), max(x, y))
                if pair not in scores:
                    scores[pair] = scorer.score(*pair)
                cross.append(scores[pair])
        if sum(cross) / len(cross) < settings.threshold:
            continue  # average linkage: one strong pair does not pull in a whole cluster
        parent[rb] = ra
        members[ra] = merged
        weakest[ra] = min(weakest[ra], weakest[rb], score)
    roots = sorted({find(d) for d in ids}, key=lambda r: min(members[r]))
    pairs_of: dict[str, list] = defaultdict(list)
    for (a, b), s in sorted(kv for kv in scores.items() if find(kv[0][0]) == find(kv[0][1])):
        pairs_of[find(a)].append((a, b, s))
    out = []
    for root in roots:
        docs = tuple(sorted(members[root]))
        out.append((docs, weakest[root] if len(docs) > 1 else 1.0, tuple(pairs_of[root])))
    return out
