"""CPU of the name checks alone on real-size documents, for before/after comparisons.

    AUDIT_CORPORA=../shared/corpora .venv/bin/python benchmarks/names_cpu.py --capture /tmp/g200.pkl 200
    .venv/bin/python benchmarks/names_cpu.py /tmp/g200.pkl

``--capture`` runs the whole pipeline once (one process) on ``scale.py``'s real-size
articles and pickles each group's inputs to the checks (documents, facts, alignment);
without it, the three name checks run over the captured groups on fresh contexts, twice
(first pass: the process's per-word caches empty, as in a run; wordfreq's lists loaded
before), and print their CPU seconds (name views apart) and a digest of their findings,
which a speed change must leave as it was. Both run under the run's garbage-collection
settings (``batch_gc``): with Python's defaults the collections over the loaded groups
made the figures swing by about 30% between rounds.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def capture(documents: int, out: str) -> None:
    import audit.pipeline as pipeline
    from _common import config
    from audit import run
    from scale import real_size_corpus

    src = real_size_corpus(documents, "corpora")
    cfg = config(languages=["sv", "ms", "bn", "hi", "ar"], jobs=1).override({"reviews": "/nonexistent/reviews.yaml"})
    saved, audit_group = [], pipeline.audit_group

    def keep(config, group, held):
        from audit.align import align_group

        documents, facts = {doc.id: doc for doc, _ in held}, {doc.id: f for doc, f in held}
        saved.append((group, documents, align_group(group, documents, facts, config), facts,
                      config.align.min_confidence, config.glossary, config.names.vote))
        return audit_group(config, group, held)

    pipeline.audit_group = keep
    run([src], cfg)
    with open(out, "wb") as fh:
        pickle.dump(saved, fh)
    print(f"{len(saved)} groups of {documents} documents -> {out}")


def measure(path: str) -> None:
    from audit.engine.processes import batch_gc

    with batch_gc():  # as a run's checking: loaded facts not frozen, the run's thresholds
        _measure(path)


def _measure(path: str) -> None:
    from wordfreq import zipf_frequency

    from audit.checks import GroupContext
    from audit.checks.name_missing import NameMissing
    from audit.checks.name_spelling_variant import NameSpellingVariant
    from audit.checks.name_substituted import NameSubstituted
    from audit.checks.names.common import name_views

    with open(path, "rb") as fh:
        saved = pickle.load(fh)
    checks = [NameSpellingVariant(), NameMissing(), NameSubstituted()]
    for lang in ("sv", "ms", "bn", "hi", "ar", "en"):
        zipf_frequency("x", lang)  # wordfreq's lists loaded outside the timing
    digests = []
    for label in ("first", "second"):
        found, cpu = [], dict.fromkeys(("views", *(c.code for c in checks)), 0.0)
        for group, docs, alignment, facts, confidence, glossary, vote in saved:
            ctx = GroupContext(group, docs, alignment, facts, confidence, glossary, vote)
            t = time.process_time()
            name_views(ctx)
            cpu["views"] += time.process_time() - t
            for c in checks:
                t = time.process_time()
                found.extend(repr(f) for f in c.run(ctx))
                cpu[c.code] += time.process_time() - t
        digests.append(hashlib.sha256("\n".join(found).encode()).hexdigest()[:16])
        print(f"{label:6} pass: {sum(cpu.values()):6.2f} CPU s  (" + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items())
              + f"); {len(found)} findings, digest {digests[-1]}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--capture", metavar="OUT", help="run the pipeline on DOCUMENTS real-size documents, keep the groups")
    ap.add_argument("path_or_documents")
    args = ap.parse_args(argv)
    if args.capture:
        capture(int(args.path_or_documents), args.capture)
    else:
        measure(args.path_or_documents)


if __name__ == "__main__":
    main()
