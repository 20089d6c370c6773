"""Majority voting over the facts of one link, shared by the cross-translation checks.

There is no source text. With three or more translations, a value that more
than half of them carry is the expected one and a translation without it is the
outlier (the others are cited as support). With two translations neither can
outvote the other, so both sides are flagged as a disagreement. When three or
more translations disagree and no value has a majority, that is reported too.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Hashable


@dataclass(frozen=True)
class Vote:
    """One discrepancy. ``flagged``: (document, value or None when absent);
    ``support``: documents that carry ``expected``."""

    kind: str  # mismatch, missing, unsettled
    flagged: tuple[tuple[str, Any], ...]
    support: tuple[str, ...]
    expected: Any
    found: Any


def vote(per_doc: dict[str, dict[Hashable, Any]], closeness: Callable[[Any, Any], float],
         counts_for_missing: Callable[[Any, str], bool] = lambda v, d: True) -> list[Vote]:
    """Discrepancies among ``per_doc`` (document -> {value: evidence}).

    ``closeness`` pairs a missing value with the extra value most like it (a
    substitution); ``counts_for_missing(value, document)`` says whether a value
    that ``document`` lacks, and that no extra value of it replaces, is worth
    reporting.
    """
    docs = sorted(per_doc)
    n = len(docs)
    if n < 2:
        return []
    if n == 2:
        return _two(per_doc, docs, closeness, counts_for_missing)
    counts: dict = {}
    for d in docs:
        for v in per_doc[d]:
            counts[v] = counts.get(v, 0) + 1
    majority = sorted((v for v, c in counts.items() if c * 2 > n), key=repr)
    out: list[Vote] = []
    leftovers: dict[str, list] = {}
    for d in docs:
        vals = per_doc[d]
        missing = [v for v in majority if v not in vals]
        extra = sorted((v for v in vals if counts[v] * 2 <= n), key=lambda v: (counts[v], repr(v)))
        pairs = pair_up(missing, [v for v in extra if counts[v] == 1], closeness)
        for expected, found in pairs:
            support = tuple(x for x in docs if x != d and expected in per_doc[x])
            out.append(Vote("mismatch", ((d, found),), support, expected, found))
        paired = {m for m, _ in pairs}
        for expected in missing:
            if expected not in paired and counts_for_missing(expected, d):
                support = tuple(x for x in docs if x != d and expected in per_doc[x])
                out.append(Vote("missing", ((d, None),), support, expected, None))
        left = [v for v in extra if v not in {e for _, e in pairs}]
        if left and not missing:
            leftovers[d] = left
    # values no majority settles: translations that each say something else
    if len(leftovers) >= 2 and len({v for vals in leftovers.values() for v in vals}) >= 2:
        first, *rest = sorted(leftovers)
        for v in leftovers[first]:
            flagged = [(first, v)]
            for d in rest:
                if v in leftovers[d]:
                    continue  # agrees with the first
                options = [e for e in leftovers[d] if e not in per_doc[first]]
                if options:
                    best = max(options, key=lambda e: closeness(v, e))
                    if closeness(v, best) > 0:
                        leftovers[d].remove(best)
                        flagged.append((d, best))
            if len(flagged) >= 2:
                out.append(Vote("unsettled", tuple(flagged), (), None, None))
    return out


def _two(per_doc, docs, closeness, counts_for_missing) -> list[Vote]:
    a, b = docs
    only_a = sorted((v for v in per_doc[a] if v not in per_doc[b]), key=repr)
    only_b = sorted((v for v in per_doc[b] if v not in per_doc[a]), key=repr)
    pairs = pair_up(only_a, only_b, closeness)
    out = [Vote("mismatch", ((a, x), (b, y)), (), None, None) for x, y in pairs]
    used_a = {x for x, _ in pairs}
    used_b = {y for _, y in pairs}
    for v in only_a:
        if v not in used_a and counts_for_missing(v, b):
            out.append(Vote("missing", ((a, v), (b, None)), (), None, None))
    for v in only_b:
        if v not in used_b and counts_for_missing(v, a):
            out.append(Vote("missing", ((b, v), (a, None)), (), None, None))
    return out


def pair_up(missing, extra, closeness) -> list[tuple]:
    """Pair missing values with extra values (score > 0), the closest pairs first over all of
    them: a changed magnitude (200 miljarder for 200 miljoner) is paired with the value it
    changed, not with whichever missing value sorts first. Ties keep the order given. The
    pairs come in the order of ``missing``."""
    scored = sorted((-closeness(m, e), i, j) for i, m in enumerate(missing) for j, e in enumerate(extra))
    chosen: dict[int, int] = {}  # index in missing -> index in extra
    taken: set[int] = set()
    for neg, i, j in scored:
        if neg >= 0:
            break
        if i not in chosen and j not in taken:
            chosen[i] = j
            taken.add(j)
    return [(missing[i], extra[chosen[i]]) for i in sorted(chosen)]
