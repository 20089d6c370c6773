"""Stage 2: which documents translate the same article.

Documents the batch's declared structure places (:mod:`audit.layout`) form
their article's group. The others are grouped by content, without file-name
hints: each document gets a language-independent signature
(numbers from any digit system, dates, transliterated name keys, the paragraphs'
length profile) and candidate
pairs come from an inverted index on rare anchors (blocking), so the cost grows
with the number of shared rare anchors, not with the square of the batch. A lone
document the facts leave without a home is compared by its texture (the transliterated
text's character 5-grams, ``texture.py``) with the clusters it was offered.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..config import Config
from ..model import Group
from .cluster import _cluster, _likely, _offer_leftovers, local_blocks
from .score import _Scorer
from .signature import summary  # noqa: F401 - engines and notebooks make summaries through audit.group


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
