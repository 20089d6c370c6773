"""Aligner quality and speed on a generated stress set, beside a Gale-Church baseline.

Prints link precision, recall and F1 for audit's aligner and for
``nltk.translate.gale_church`` (length only) on the same perturbed pairs in the
same run, the calibration of audit's confidence (how often links at or above
0.8 are right), and time per 1,000 paragraphs including a 2,000-paragraph pair.

    .venv/bin/python benchmarks/align.py [--trials 40] [--rate 0.25] [--seed 1]
"""
from __future__ import annotations

import argparse
import random
import time
from itertools import combinations

from _common import config, groups
from _stress import stress_pair

from audit.align import align_pair
from audit.extract import extract_facts
from audit.ingest import ingest_text


def parallel_pairs(cfg):
    """(lang a, paragraphs a, lang b, paragraphs b) for every two translations of a group, aligned 1-1."""
    out = []
    for texts in groups():
        docs = {}
        for name, text in sorted(texts.items()):
            docs[name] = ingest_text(text, name, name, cfg)
        for x, y in combinations(sorted(docs), 2):
            a, b = docs[x], docs[y]
            if len(a.paragraphs) == len(b.paragraphs):
                out.append((a.language, [p.text for p in a.paragraphs], b.language, [p.text for p in b.paragraphs]))
    return out


def ours(la, pa, lb, pb, cfg):
    a = ingest_text("\n".join(pa), "a", "a", cfg, language=la)
    b = ingest_text("\n".join(pb), "b", "b", cfg, language=lb)
    fa = [extract_facts(p.text, la) for p in a.paragraphs]
    fb = [extract_facts(p.text, lb) for p in b.paragraphs]
    return align_pair(a, b, fa, fb, cfg)


def gale_church(pa, pb):
    from nltk.translate.gale_church import align_blocks

    pairs = align_blocks([max(len(p), 1) for p in pa], [max(len(p), 1) for p in pb])
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(("a", i))] = find(("b", j))
    comps = {}
    for i in range(len(pa)):
        comps.setdefault(find(("a", i)), [[], []])[0].append(i)
    for j in range(len(pb)):
        comps.setdefault(find(("b", j)), [[], []])[1].append(j)
    return {(tuple(a), tuple(b)) for a, b in comps.values()}


def prf(pred, gold):
    tp = len(pred & gold)
    p = tp / max(len(pred), 1)
    r = tp / max(len(gold), 1)
    return tp, len(pred), len(gold), p, r


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trials", type=int, default=40)
    ap.add_argument("--rate", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    cfg = config()
    rng = random.Random(args.seed)
    pairs = parallel_pairs(cfg)
    pool = {}
    for la, pa, lb, pb in pairs:
        pool.setdefault(la, []).extend(pa)
        pool.setdefault(lb, []).extend(pb)
    totals = {"audit": [0, 0, 0], "gale-church": [0, 0, 0]}
    conf_bins = {"high": [0, 0], "low": [0, 0]}
    paragraphs, seconds = 0, 0.0
    for trial in range(args.trials):
        for la, pa, lb, pb in pairs:
            # untranslated inserts come from another article in the same language
            extra_a = [p for p in pool[la] if p not in pa]
            extra_b = [p for p in pool[lb] if p not in pb]
            a, b, gold = stress_pair(pa, pb, rng, args.rate, extra_a, extra_b)
            t0 = time.perf_counter()
            beads = ours(la, a.paragraphs, lb, b.paragraphs, cfg)
            seconds += time.perf_counter() - t0
            paragraphs += len(a.paragraphs) + len(b.paragraphs)
            pred = {(x, y) for x, y, _ in beads}
            for x, y, c in beads:
                bin_ = conf_bins["high" if c >= 0.8 else "low"]
                bin_[0] += (x, y) in gold
                bin_[1] += 1
            gc = gale_church(a.paragraphs, b.paragraphs)
            for name, p in (("audit", pred), ("gale-church", gc)):
                tp, np_, ng, _, _ = prf(p, gold)
                totals[name][0] += tp
                totals[name][1] += np_
                totals[name][2] += ng
    print(f"stress set: {len(pairs)} parallel pairs x {args.trials} trials, perturbation rate {args.rate}")
    f1s = {}
    for name, (tp, np_, ng) in totals.items():
        p, r = tp / max(np_, 1), tp / max(ng, 1)
        f1s[name] = 2 * p * r / max(p + r, 1e-9)
        print(f"  {name:12} precision {p:.3f}  recall {r:.3f}  F1 {f1s[name]:.3f}  ({tp} of {ng} gold links)")
    print(f"  F1 gain over Gale-Church: {100 * (f1s['audit'] - f1s['gale-church']):.1f} points (target >= 15; F1 target >= 0.97)")
    hi, lo = conf_bins["high"], conf_bins["low"]
    print(f"  confidence >= 0.8: {hi[1]} links, {hi[0] / max(hi[1], 1):.3f} correct (target >= 0.98); "
          f"below: {lo[1]} links, {lo[0] / max(lo[1], 1):.3f} correct")
    print(f"  time: {1000 * seconds / max(paragraphs, 1) * 1000:.0f} ms per 1,000 paragraphs (extraction + alignment)")
    # one long pair: 2,000 paragraphs a side, each distinct (numbered) so that no
    # per-text cache makes the repeats free
    la, pa, lb, pb = max(pairs, key=lambda x: len(x[1]))
    reps = 2000 // len(pa) + 1
    long_a = [f"{t} ({k + 1})" for k, t in enumerate((pa * reps)[:2000])]
    long_b = [f"{t} ({k + 1})" for k, t in enumerate((pb * reps)[:2000])]
    a = ingest_text("\n".join(long_a), "a", "a", cfg, language=la)
    b = ingest_text("\n".join(long_b), "b", "b", cfg, language=lb)
    fa = [extract_facts(p.text, la) for p in a.paragraphs]
    fb = [extract_facts(p.text, lb) for p in b.paragraphs]
    from audit.extract.text import translit

    translit.cache_clear()
    t0 = time.perf_counter()
    align_pair(a, b, fa, fb, cfg)
    print(f"  a 2,000-paragraph pair ({la}-{lb}) aligns in {time.perf_counter() - t0:.2f} s (facts extracted beforehand)")


if __name__ == "__main__":
    main()
