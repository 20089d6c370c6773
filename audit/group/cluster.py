"""Candidate pairs and clusters: blocking on shared rare keys (an inverted index), which
candidate pairs are scored up front, average-linkage clustering, and the second pass that
offers leftovers to the clusters lacking their languages."""
from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..model import Group
from .score import _FLOOR, _MIN_TOLERANCE as _NEAR, _PARTIAL, _TOLERANCE as _NEAR_SHARE, _Scorer
from .texture import _LIFT, _MIN_TEXTURE, _OFFERS as _TEXTURE_OFFERS

_SECOND_PASS = 0.6  # a leftover joins a group lacking its languages at this fraction of the threshold
_SECOND_PAIR = 0.75  # ... and scores this fraction of the threshold with one member (or _SECOND_PASS with
# each of the better half of them, two or more: _supported)
_MARGIN = 2.0  # ... when it scores this many times better with it than with any other group
_PARTIAL_BAR = 0.5  # a lone partial translation joins its one clear home at this fraction of the threshold
_PARTIAL_CONTRARY = 0.3  # ... unless its figures say it is another text this surely (Scorer.facts)
_THIN = 0.25  # the least evidence fraction a lone document's bars are scaled by
_THIN_BAR = 0.5  # clustering: a pair's score times its evidence (Scorer.evidence) reaches this much of the threshold
_PARTIAL_EVIDENCE = 0.5  # ... resting on two shared name words, one figure or a confident shape at least
_HOME_DF = 10  # ... counting anchors held by at most this many times group.max_anchor_df documents
_OFFERS = 6  # a lone document is offered the clusters lacking its language that hold most of its anchors: this many
_TEXTURE_VOTES = 2  # a lone document joins where members of this many languages stand out in texture (texture.py)


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

    # a pair resting on one shared anchor and no shape is chance more often than not: its bar is higher
    sure = settings.threshold * _THIN_BAR / _THIN  # a score this high passes on any evidence
    strong = [(-score, pair) for pair, score in scores.items()
              if score >= settings.threshold and (score >= sure or score * max(_THIN, scorer.evidence(*pair))
                                                  >= settings.threshold * _THIN_BAR)]
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


def _anchor_homes(lone: list[str], clusters, scorer: "_Scorer") -> dict[str, set[str]]:
    """For each lone document, the ``_OFFERS`` clusters lacking its language that hold the most
    weight of its anchors at about its paragraph (each cluster named by a member), whatever their
    frequency: a partial translation
    (the first paragraphs of an article) may have no rare anchor to block on, and its few common
    ones (a 2 and a 7 in its opening line) together still point to one article."""
    if not lone:
        return {}
    wanted = set().union(*(scorer.sigs[d].keys() for d in lone))
    holders: dict[str, list[str]] = defaultdict(list)
    for d, sig in scorer.sigs.items():
        for f in sig.keys() & wanted:
            holders[f].append(d)
    common = _HOME_DF * scorer.cap  # an anchor held this widely points everywhere: skipped (the cost stays linear)
    where = {d: k for k, c in enumerate(clusters) for d in c[0]}
    langs = [{scorer.lang[d] for d in c[0]} for c in clusters]
    out = {}
    for d in lone:
        mine, lang, size = scorer.sigs[d], scorer.lang[d], scorer.sizes[d]
        tally: dict[int, float] = defaultdict(float)
        for f, at in mine.items():
            if len(holders[f]) > common:
                continue
            seen = set()
            for o in holders[f]:
                k = where[o]
                if k in seen or lang in langs[k]:
                    continue
                tolerance = max(_NEAR, _NEAR_SHARE * max(size, scorer.sizes[o]))
                if abs(scorer.sigs[o][f][0] - at[0]) < tolerance:
                    seen.add(k)
                    tally[k] += scorer.weight[f]
        out[d] = {clusters[k][0][0] for k in sorted(tally, key=lambda k: (-tally[k], k))[:_OFFERS]}
    return out


def _thin(docs, cross, scorer: "_Scorer") -> float:
    """How much higher a lone document's bars are: 1 when its best pair rests on full evidence
    (``Scorer.evidence``), or the anchors it shares with two members of the home or more do,
    up to ``1 / sqrt(_THIN)`` when on one shared name word and no shape."""
    if len(docs) != 1:
        return 1.0
    members = [b if a == docs[0] else a for a, b in cross]
    evidence = max(_best_evidence(cross, scorer), scorer.evidence_among(docs[0], members))
    return 1.0 / math.sqrt(max(_THIN, evidence))


def _best_evidence(cross, scorer: "_Scorer") -> float:
    best = max(cross, key=lambda pair: (cross[pair], pair))
    return scorer.evidence(*best)


def _partial_home(docs, target, offers, scorer: "_Scorer", settings) -> bool:
    """A lone partial translation (shorter than ``_PARTIAL`` of every member of its best home)
    has less to say than a whole one, so its scores are lower: it joins at ``_PARTIAL_BAR`` of
    the threshold, on average and with one member, when that home lacks its language and it
    scores ``_MARGIN`` times better there than with any other cluster at all (a short text that
    matches the opening of one article and of no other), and its figures do not contradict
    that article's (``_PARTIAL_CONTRARY``)."""
    if len(docs) != 1 or any(scorer.sizes[docs[0]] >= _PARTIAL * scorer.sizes[m] for m in target):
        return False
    score, _, _, cross = offers[0]
    bar = settings.threshold * _PARTIAL_BAR
    runner_up = max((o[0] for o in offers[1:]), default=0.0)
    if score < bar or max(cross.values()) < bar or score < _MARGIN * runner_up:
        return False
    if _best_evidence(cross, scorer) < _PARTIAL_EVIDENCE:
        return False  # one shared name word: chance, however well it scores
    # the figures it has must agree with its closest member's opening: one article's other
    # version (another day's figures in the same template, the same names) is no partial of it
    closest = max(cross, key=lambda pair: (cross[pair], pair))
    return scorer.facts(*closest)[1] <= _PARTIAL_CONTRARY


def _offers(docs, langs, near, clusters, scores, scorer: "_Scorer", cap: int) -> list:
    """(score, fits, cluster index, pair scores) of ``docs`` with each cluster of ``near``: the
    average of the better half of their pairs (one member that shares little with it, or one
    edited fact, is no verdict); ``fits`` when together they keep the per-language cap."""
    offers = []
    for t in sorted(near):
        target = clusters[t][0]
        if len(target) < len(docs):
            continue
        cross = {}
        for a in docs:
            for b in target:
                pair = (min(a, b), max(a, b))
                cross[pair] = scores[pair] if pair in scores else scorer.score(*pair)
        both = langs + Counter(scorer.lang[d] for d in target)
        better = sorted(cross.values(), reverse=True)[:max(1, (len(cross) + 1) // 2)]
        offers.append((sum(better) / len(better), max(both.values()) <= cap, t, cross))
    return sorted(offers, key=lambda o: (-o[0], o[2]))


def _choose(docs, offers, clusters, scorer: "_Scorer", settings):
    """The cluster ``docs`` join (index, pair scores), or (None, None): the best home on average,
    backed by one member it nearly would be grouped with outright or by several alike
    (``_supported``), lacking its languages and
    clear of look-alikes by ``_MARGIN``; else a lone partial translation's one clear home."""
    if not offers or not offers[0][1]:
        return None, None
    score, _, t, cross = offers[0]
    # a lone document's bar rises as the evidence its best pair rests on shrinks
    scale = _thin(docs, cross, scorer)
    bar = settings.threshold * scale
    if score >= bar * _SECOND_PASS and _supported(cross, bar):
        # another fragment of the same article is no rival: a lone document may trail it, and so
        # may a cluster of none of its languages; a look-alike article shares languages with it
        home = {scorer.lang[d] for d in clusters[t][0]}
        runner_up = max((o[0] for o in offers[1:] if len(clusters[o[2]][0]) > 1
                         and home & {scorer.lang[d] for d in clusters[o[2]][0]}), default=0.0)
        if score >= _MARGIN * runner_up:  # a clear home, not one of several look-alikes
            return t, cross
        return None, None
    if _partial_home(docs, clusters[t][0], offers, scorer, settings):
        return t, cross
    return None, None


def _texture_home(d: str, offers, clusters, scorer: "_Scorer", settings):
    """The cluster a lone document the facts leave without a home joins by its texture
    (``texture.py``), or (None, None). Among the ``_TEXTURE_OFFERS`` best offers, each language
    votes for the cluster whose member of that language stands out in texture with the document
    (``_LIFT`` times the best of that language's other candidates): a cluster that lacks the
    document's language joins it when ``_TEXTURE_VOTES`` languages or more vote for it and no
    other cluster gets a third as many votes, the facts lean the same way (it is the best home
    they offer, sharing something: a score above the floor) and its figures do not contradict its
    closest member's (another day's report from the same template shares its wording, never its
    figures)."""
    top = offers[:_TEXTURE_OFFERS]
    if d not in scorer.texture or not any(o[1] for o in top):
        return None, None
    span = scorer.texture.opening(d)
    reach = span + math.ceil(max(_NEAR, _NEAR_SHARE * span))
    compared = {x: min(scorer.sizes[x], reach) for o in top for x in clusters[o[2]][0] if x in scorer.texture}
    sims = scorer.texture.similarities(d, compared, span)
    # per language, each offered cluster's best texture with the document
    best: dict[str, dict[int, float]] = defaultdict(dict)
    for o in top:
        for x in clusters[o[2]][0]:
            if x in sims:
                row = best[scorer.lang[x]]
                row[o[2]] = max(row.get(o[2], 0.0), sims[x])
    votes: Counter = Counter()
    for row in best.values():
        ranked = sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) >= 2 and ranked[0][1] >= _MIN_TEXTURE and ranked[0][1] >= _LIFT * ranked[1][1]:
            votes[ranked[0][0]] += 1
    if not votes:
        return None, None
    (t, n), *rest = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if n < _TEXTURE_VOTES or (rest and 3 * rest[0][1] > n):
        return None, None
    # the facts must lean the same way, however little: the best home they offer, sharing something
    score, _, best, cross = next(o for o in top if o[1])
    if best != t or score <= _FLOOR:
        return None, None
    closest = max(cross, key=lambda pair: (cross[pair], pair))
    if scorer.facts(*closest)[1] > _PARTIAL_CONTRARY:
        return None, None
    return t, cross


def _supported(cross, bar: float) -> bool:
    """Whether a home's members back a leftover: one of them nearly as well as clustering would
    (``_SECOND_PAIR`` of the bar), or each member of the better half of its pairs, two or more of
    them, at ``_SECOND_PASS`` of it. Several members that agree are evidence as strong as one
    close pair, and no single link decides: one fact changed in one member leaves the others."""
    ranked = sorted(cross.values(), reverse=True)
    if ranked[0] >= bar * _SECOND_PAIR:
        return True
    half = ranked[:(len(ranked) + 1) // 2]
    return len(half) >= 2 and half[-1] >= bar * _SECOND_PASS


def _offer_leftovers(clusters, scores, scorer: "_Scorer", settings) -> list:
    """The second pass: each cluster smaller than the largest (a lone document first) is offered
    to the clusters it has a candidate pair with and, a lone document that finds no home there,
    to those lacking its language that hold most of its anchors (``_anchor_homes``, rare or
    common); it joins the one it scores best with on
    average over all their pairs when that one lacks its languages, the average reaches
    ``_SECOND_PASS`` of the threshold, one pair ``_SECOND_PAIR`` of it (or each pair of the
    better half ``_SECOND_PASS``), and no other cluster
    of two or more comes within ``_MARGIN``."""
    cap = settings.max_per_language
    clusters = [[list(docs), score, dict(((a, b), s) for a, b, s in pairs)] for docs, score, pairs in clusters]
    where = {d: k for k, c in enumerate(clusters) for d in c[0]}
    partners: dict[str, set[str]] = defaultdict(set)
    for (a, b), s in scores.items():
        if s > 0:
            partners[a].add(b)
            partners[b].add(a)
    homes = _anchor_homes([c[0][0] for c in clusters if len(c[0]) == 1], clusters, scorer)
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
        near = {where[p] for d in docs for p in partners[d]}
        for d in docs:
            if len(by_size[scorer.sizes[d]]) <= scorer.cap:
                near |= {where[x] for t in by_size[scorer.sizes[d]] for x in clusters[t][0]}
        offers = _offers(docs, langs, near - {k}, clusters, scores, scorer, cap)
        best_t, best_pairs = _choose(docs, offers, clusters, scorer, settings)
        if best_t is None and len(docs) == 1:
            # no home among its candidates: the clusters holding most of its anchors, rare or common
            more = {where[x] for x in homes.get(docs[0], ())} - near - {k}
            if more:
                offers = sorted(offers + _offers(docs, langs, more, clusters, scores, scorer, cap),
                                key=lambda o: (-o[0], o[2]))
                best_t, best_pairs = _choose(docs, offers, clusters, scorer, settings)
        if best_t is None and len(docs) == 1:
            best_t, best_pairs = _texture_home(docs[0], offers, clusters, scorer, settings)
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
