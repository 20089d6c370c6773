"""End-to-end speed, memory and quality on generated corpora of growing size.

For 500, 1,000, 2,000 and 4,000 articles x 5 languages (benchmarks/corpus.py),
each size in a fresh process: wall and CPU time per stage, peak RSS, documents
and MB per second, grouping precision/recall and finding recall/precision
against the corpus gold, and a floor (reading, decoding, NFC and paragraph
splitting alone) with the ratio pipeline/floor. Ends with time(4000)/time(2000).

    .venv/bin/python benchmarks/scale.py [--sizes 500 1000 2000 4000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from _common import ROOT, config

CACHE = Path(tempfile.gettempdir()) / "audit-bench-corpus"


def corpus(articles: int) -> Path:
    from corpus import generate

    out = CACHE / f"a{articles}"
    if not (out / "gold.json").exists():
        generate(out, articles, seed=articles)
    return out


def floor(files: list[Path]) -> float:
    """Read, decode, normalise and split into paragraphs: what any tool must do."""
    from audit.ingest.paragraphs import paragraphs_from_text

    start = time.perf_counter()
    for f in files:
        text = unicodedata.normalize("NFC", f.read_bytes().decode("utf-8"))
        paragraphs_from_text(text, "auto")
    return time.perf_counter() - start


def one(articles: int, jobs: int, engine: str = "local") -> dict:
    from audit import run
    from audit.report import write_reports

    src = corpus(articles)
    gold = json.loads((src / "gold.json").read_text())
    files = sorted(src.glob("*.txt"))
    megabytes = sum(f.stat().st_size for f in files) / 2**20
    cfg = config(languages=["sv", "ms", "bn", "hi", "ar"], jobs=jobs, engine=engine)
    cfg["reviews"] = "/nonexistent/reviews.yaml"
    base = floor(files)
    timings: dict = {}
    start = time.perf_counter()
    report = run([src], cfg, timings=timings)
    with tempfile.TemporaryDirectory() as out:
        t0, c0 = time.perf_counter(), time.process_time()
        write_reports(report, out)
        timings["reports"] = (time.perf_counter() - t0, time.process_time() - c0)
    total = time.perf_counter() - start
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    # grouping: pairs of documents put together, against the gold articles
    def pairs(groups):
        return {(a, b) for g in groups for i, a in enumerate(sorted(g)) for b in sorted(g)[i + 1:]}
    got, want = pairs(g.documents for g in report.groups), pairs(gold["groups"])
    gp, gr = len(got & want) / max(len(got), 1), len(got & want) / max(len(want), 1)
    # findings: an injected discrepancy is found when a finding of its check flags its document and line
    found = 0
    true_findings = set()
    for d in gold["discrepancies"]:
        for f in report.findings:
            if f.check == d["check"] and any(loc.document == d["document"] and loc.line == d["line"]
                                             and loc.role == "flagged" for loc in f.locations):
                found += 1
                true_findings.add(f.fingerprint)
                break
    injected = {(d["document"], d["line"]) for d in gold["discrepancies"]}
    about_injected = sum(1 for f in report.findings if any((loc.document, loc.line) in injected for loc in f.locations))
    return {"articles": articles, "documents": len(report.documents), "megabytes": megabytes, "wall": total,
            "stages": timings, "rss_mb": rss / 1024, "floor": base, "group_precision": gp, "group_recall": gr,
            "finding_recall": found / max(len(gold["discrepancies"]), 1),
            "finding_precision": about_injected / max(len(report.findings), 1), "findings": len(report.findings)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="dask: a local Dask cluster of --jobs worker processes")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.jobs, args.engine)))
        return
    results = {}
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n), "--jobs", str(args.jobs),
                               "--engine", args.engine],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            print(proc.stderr[-2000:])
            raise SystemExit(1)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results[n] = r
        print(f"\n{n} articles x 5 languages = {r['documents']} documents, {r['megabytes']:.1f} MB, "
              f"--engine {args.engine} --jobs {args.jobs}")
        for stage, (wall, cpu) in r["stages"].items():
            print(f"  {stage:20} wall {wall:7.2f} s   cpu {cpu:7.2f} s")
        print(f"  {'total':20} wall {r['wall']:7.2f} s   {r['documents'] / r['wall']:.0f} documents/s, "
              f"{r['megabytes'] / r['wall']:.2f} MB/s, peak RSS {r['rss_mb']:.0f} MB")
        print(f"  floor (read, decode, NFC, split): {r['floor']:.2f} s; pipeline/floor = {r['wall'] / max(r['floor'], 1e-9):.0f}")
        print(f"  grouping precision {r['group_precision']:.3f} recall {r['group_recall']:.3f}; "
              f"finding recall {r['finding_recall']:.3f}, {r['findings']} findings, "
              f"{r['finding_precision']:.3f} of them about an injected discrepancy")
    if 2000 in results and 4000 in results:
        print(f"\ntime(4000)/time(2000) = {results[4000]['wall'] / results[2000]['wall']:.2f} (target <= 2.3)")
    if 2000 in results:
        print(f"2,000 articles: {results[2000]['wall']:.1f} s (target <= 60 s with --jobs 2), "
              f"peak RSS {results[2000]['rss_mb']:.0f} MB (target <= 2048 MB)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
