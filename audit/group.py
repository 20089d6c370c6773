"""Stage 2: which documents translate the same article.

Documents the batch's declared structure places (:mod:`audit.layout`) form
their article's group. The others are grouped by content, without file-name
hints: each document gets a language-independent signature
(numbers from any digit system, dates, transliterated name keys) and candidate
pairs come from an inverted index on rare anchors (blocking), so the cost grows
with the number of shared rare anchors, not with the square of the batch.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

from .extract import quantity_anchors
from .model import Document, Group


_PAIR_ANCHORS = 6  # a document's rarest common anchors that are paired into blocking keys
_TOLERANCE = 0.12  # how far (as a fraction of the document) a shared anchor may move


def signature(doc_facts) -> dict[str, list[float]]:
    """Anchor features of a document, each with the relative positions where it occurs."""
    feats: dict[str, list[float]] = defaultdict(list)
    n = max(len(doc_facts), 1)
    for i, pf in enumerate(doc_facts):
        pos = (i + 0.5) / n
        here = quantity_anchors(pf)
        for f in pf.names:
            # caseless scripts make every word a candidate name: related languages
            # (Bengali, Hindi) share too much vocabulary for those to be anchors
            if f.form == "cased" and len(f.value) >= 2:
                here.add("k:" + " ".join(f.value))
        for f in here:
            feats[f].append(pos)
    return feats


def _matched(pa: list[float], pb: list[float]) -> float:
    """Occurrences of one anchor that sit at about the same place in both documents."""
    if len(pa) == 1 and len(pb) == 1:  # most anchors occur once
        return max(0.0, 1 - abs(pa[0] - pb[0]) / _TOLERANCE)
    used = [False] * len(pb)
    score = 0.0
    for x in pa:
        best, best_j = 0.0, -1
        for j, y in enumerate(pb):
            closeness = 1 - abs(x - y) / _TOLERANCE
            if not used[j] and closeness > best:
                best, best_j = closeness, j
        if best_j >= 0:
            used[best_j] = True
            score += best
    return score


def group_documents(documents: list[Document], facts: dict[str, list], config: dict) -> list[Group]:
    return group_signatures([summary(d, facts[d.id]) for d in documents], config)


def summary(doc: Document, doc_facts: list) -> tuple[str, str, int, dict[str, list[float]]]:
    """What grouping needs of a document: (id, language, paragraphs, signature). Small:
    the Dask engine computes it where the document was read and sends only this."""
    return doc.id, doc.language, len(doc.paragraphs), dict(signature(doc_facts))


def group_signatures(summaries: list[tuple[str, str, int, dict]], config: dict, blocker=None) -> list[Group]:
    """Groups from the documents' summaries. ``blocker(keys, lang, cap, max_per_language)``
    turns each document's blocking keys into candidate pairs: ``local_blocks`` here,
    a Dask dataframe shuffle on the Dask engine; both give the same pairs.

    Documents the batch's structure places (``config['_articles']``, doc id -> article,
    from :mod:`audit.layout`) form their article's group, with the content score of
    every pair of members (the misfiled-translation check reads them); the others
    are grouped by content."""
    articles = config.get("_articles") or {}
    scorer = _Scorer(summaries, config)
    ids = [d for d, _, _, _ in summaries]
    members: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        if d in articles:
            members[articles[d]].append(d)
    groups = [_declared_group(article, docs, scorer) for article, docs in members.items()]
    rest = [d for d in ids if d not in articles]
    if rest:
        settings = config["group"]
        keys = {d: scorer.keys[d] for d in rest}
        candidates = (blocker or local_blocks)(keys, scorer.lang, scorer.cap, settings["max_per_language"])
        scores = {(a, b): scorer.score(a, b) for a, b in candidates}
        taken = set(members)
        for docs, score, pairs in _cluster(rest, scores, scorer.lang, settings):
            groups.append(Group(_derived_id(docs, taken), docs, score, pairs))
    return sorted(groups, key=lambda g: g.id)


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


class _Scorer:
    """How alike two documents' signatures are, weighted by each anchor's rarity in the batch."""

    def __init__(self, summaries, config: dict):
        settings = config["group"]
        self.sigs = sigs = {d: sig for d, _, _, sig in summaries}
        self.lang = lang = {d: language for d, language, _, _ in summaries}
        self.sizes = {d: size for d, _, size, _ in summaries}
        df: Counter = Counter()
        langs_of: dict[str, set[str]] = defaultdict(set)
        for doc_id, sig in sigs.items():
            for f in sig:
                df[f] += 1
                langs_of[f].add(lang[doc_id])
        n = max(len(summaries), 2)
        # an anchor counts when documents of two languages share it
        idf = {f: math.log(1 + n / c) for f, c in df.items() if len(langs_of[f]) >= 2}
        self.cap = cap = settings["max_anchor_df"]
        self.keys = {}
        for doc_id, sig in sigs.items():
            common = []
            mine = []
            for f in sig:
                if f not in idf:
                    continue
                if df[f] <= cap:
                    mine.append(f)
                else:
                    common.append(f)
            # anchors too common to block on alone (a date in a big batch) still block in pairs:
            # two of them together are rare
            common.sort(key=lambda f: (df[f], f))
            mine += [f"{x}|{y}" for x, y in combinations(common[:_PAIR_ANCHORS], 2)]
            self.keys[doc_id] = mine
        self.norms = {d: math.sqrt(sum(idf.get(f, 0) ** 2 * len(p) for f, p in s.items())) or 1.0
                      for d, s in sigs.items()}
        self.weight = {f: v * v for f, v in idf.items()}

    def score(self, a: str, b: str) -> float:
        sa, sb = self.sigs[a], self.sigs[b]
        shared = 0.0
        for f in sa.keys() & sb.keys():
            w = self.weight.get(f)
            if w is not None:
                shared += w * _matched(sa[f], sb[f])
        anchor = shared / (self.norms[a] * self.norms[b])
        sizes = self.sizes
        shape = min(sizes[a], sizes[b]) / max(sizes[a], sizes[b])
        return round(anchor * (0.7 + 0.3 * shape), 4)


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


def _cluster(ids, scores, lang, settings) -> list[Group]:
    parent = {d: d for d in ids}
    members = {d: [d] for d in ids}
    weakest = {d: 1.0 for d in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strong = [(-score, pair) for pair, score in scores.items() if score >= settings["threshold"]]
    for score, (a, b) in sorted(strong):
        score = -score
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        merged = members[ra] + members[rb]
        counts = Counter(lang[m] for m in merged)
        if max(counts.values()) > settings["max_per_language"]:
            continue
        cross = [scores.get((min(x, y), max(x, y)), 0.0) for x in members[ra] for y in members[rb]]
        if sum(cross) / len(cross) < settings["threshold"]:
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
