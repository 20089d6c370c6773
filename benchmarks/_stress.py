"""A stress set for the aligner, generated from real parallel paragraphs.

Start from two translations aligned 1-1 (the sample's pairs, the test
articles), then in either or both: merge two adjacent paragraphs, split one at
a sentence boundary, delete one, insert an untranslated paragraph from another
article. Every output paragraph remembers which original paragraphs it holds,
so the gold links are known by construction. Operations never touch
neighbouring paragraphs, so every gold link is a bead the aligner can express
(at most 2 paragraphs a side).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?।؟])\s+(?=\S)")


@dataclass
class Side:
    paragraphs: list[str]
    origin: list[frozenset[int]]  # original indices each paragraph holds; empty: inserted


def perturb(paragraphs: list[str], rng: random.Random, rate: float, blocked: set[int],
            extra: list[str]) -> tuple[Side, set[int]]:
    """One translation with merges, splits, deletions and insertions at ``rate`` per paragraph."""
    out = Side([], [])
    touched: set[int] = set()
    i = 0
    n = len(paragraphs)
    while i < n:
        free = i not in blocked and i - 1 not in touched
        op = rng.random() if free else 1.0
        if op < rate / 4 and i + 1 < n and i + 1 not in blocked:
            out.paragraphs.append(paragraphs[i] + " " + paragraphs[i + 1])
            out.origin.append(frozenset({i, i + 1}))
            touched |= {i, i + 1}
            i += 2
            continue
        if op < rate / 2:
            cut = [m.start() for m in _SENTENCE_END.finditer(paragraphs[i])]
            if cut:
                at = rng.choice(cut)
                out.paragraphs += [paragraphs[i][:at].rstrip(), paragraphs[i][at:].lstrip()]
                out.origin += [frozenset({i}), frozenset({i})]
                touched.add(i)
                i += 1
                continue
        if op < 3 * rate / 4 and n > 3:
            touched.add(i)  # deleted: the other side's paragraph links to nothing
            i += 1
            continue
        if op < rate and extra:
            out.paragraphs.append(rng.choice(extra))
            out.origin.append(frozenset())
            touched.add(i)
        out.paragraphs.append(paragraphs[i])
        out.origin.append(frozenset({i}))
        i += 1
    return out, touched


def gold_links(a: Side, b: Side) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Links as (a paragraph indices, b paragraph indices), by shared original paragraphs."""
    links = set()
    seen_a, seen_b = set(), set()
    for i, oa in enumerate(a.origin):
        if i in seen_a:
            continue
        if not oa:
            links.add(((i,), ()))
            seen_a.add(i)
            continue
        ia, ib = {i}, set()
        grew = True
        while grew:
            grew = False
            origins = set().union(*(a.origin[x] for x in ia))
            nb = {j for j, ob in enumerate(b.origin) if ob & origins}
            origins |= set().union(*(b.origin[x] for x in nb)) if nb else set()
            na = {x for x, o in enumerate(a.origin) if o & origins}
            if na != ia or nb != ib:
                ia, ib, grew = na, nb, True
        links.add((tuple(sorted(ia)), tuple(sorted(ib))))
        seen_a |= ia
        seen_b |= ib
    for j, ob in enumerate(b.origin):
        if j not in seen_b:
            links.add(((), (j,)))
    return links


def stress_pair(pa: list[str], pb: list[str], rng: random.Random, rate: float = 0.25,
                extra_a: list[str] = (), extra_b: list[str] = ()):
    """(side a, side b, gold links) for one randomly perturbed pair of parallel texts."""
    a, touched = perturb(pa, rng, rate, set(), list(extra_a))
    # keep b's operations away from a's, so that each link stays within 2 paragraphs a side
    blocked = {x for t in touched for x in (t - 1, t, t + 1)}
    b, _ = perturb(pb, rng, rate, blocked, list(extra_b))
    return a, b, gold_links(a, b)
