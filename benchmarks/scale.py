"""End-to-end speed, memory and quality on generated corpora of growing size.

For 500, 1,000, 2,000 and 4,000 articles x 5 languages (benchmarks/corpus.py),
each size in a fresh process: wall and CPU time per stage, peak RSS, documents
and MB per second, grouping precision/recall and finding recall/precision
against the corpus gold, and a floor (reading, decoding, NFC and paragraph
splitting alone) with the ratio pipeline/floor. Ends with time(4000)/time(2000).

    .venv/bin/python benchmarks/scale.py [--sizes 500 1000 2000 4000] [--jobs 2]

``--real-size`` measures articles as long as real news instead (10-25 KB,
``benchmarks/corpus.py --real-size``; sizes are then documents: 1,000, 2,000,
4,000 by default), assembled from ntrex-dev's translations (``--source corpora``,
needs AUDIT_CORPORA or ../shared/corpora) or variants of the sample
(``--source sample``, as issue 16 measured). ``--profile 100`` runs a
single-process pyinstrument profile of 100 real-size documents and prints each
stage's share (pyinstrument is a benchmark tool, not a dependency of audit).
"""
from __future__ import annotations

import argparse
import json
import os
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


def real_size_corpus(documents: int, source: str) -> Path:
    from corpus import generate_real_size

    out = CACHE / f"real-{source}-{documents}"
    if not (out / "gold.json").exists():
        generate_real_size(out, documents, seed=documents, source=source)
    return out


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the pool's workers)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ru.ru_utime + ru.ru_stime


def floor(files: list[Path]) -> float:
    """Read, decode, normalise and split into paragraphs: what any tool must do."""
    from audit.ingest.paragraphs import paragraphs_from_text

    start = time.perf_counter()
    for f in files:
        text = unicodedata.normalize("NFC", f.read_bytes().decode("utf-8"))
        paragraphs_from_text(text, "auto")
    return time.perf_counter() - start


def _run_and_write(src: Path, cfg, timings: dict):
    """A run of ``src`` and its reports written to a scratch directory, as the command line
    runs a command (under the batch's collection thresholds); the reports' time in
    ``timings["reports"]``."""
    from audit import run
    from audit.engine.processes import batch_thresholds
    from audit.report import write_reports

    with batch_thresholds():
        report = run([src], cfg, timings=timings)
        with tempfile.TemporaryDirectory() as out:
            t0, c0 = time.perf_counter(), time.process_time()
            write_reports(report, out)
            timings["reports"] = (time.perf_counter() - t0, time.process_time() - c0)
    return report


def one(articles: int, jobs: int, engine: str = "local", source: str | None = None) -> dict:
    src = real_size_corpus(articles, source) if source else corpus(articles)
    gold = json.loads((src / "gold.json").read_text())
    files = sorted(src.glob("*.txt"))
    megabytes = sum(f.stat().st_size for f in files) / 2**20
    cfg = config(languages=["sv", "ms", "bn", "hi", "ar"], jobs=jobs, engine=engine)
    cfg = cfg.override({"reviews": "/nonexistent/reviews.yaml"})
    base = floor(files)
    timings: dict = {}
    load = os.getloadavg()[0]
    cpu0 = _cpu()
    start = time.perf_counter()
    report = _run_and_write(src, cfg, timings)
    total = time.perf_counter() - start
    cpu = _cpu() - cpu0
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
    return {"articles": len(gold["groups"]), "documents": len(report.documents), "megabytes": megabytes, "wall": total,
            "stages": timings, "rss_mb": rss / 1024, "floor": base, "cpu": cpu,
            "load": [load, os.getloadavg()[0]], "group_precision": gp, "group_recall": gr,
            "finding_recall": found / len(gold["discrepancies"]) if gold["discrepancies"] else None,
            "finding_precision": about_injected / max(len(report.findings), 1), "findings": len(report.findings)}


def profile(documents: int, source: str) -> None:
    """A single-process pyinstrument profile of a whole run on real-size documents."""
    from pyinstrument import Profiler

    src = real_size_corpus(documents, source)
    files = sorted(src.glob("*.txt"))
    megabytes = sum(f.stat().st_size for f in files) / 2**20
    cfg = config(languages=["sv", "ms", "bn", "hi", "ar"], jobs=1)
    cfg = cfg.override({"reviews": "/nonexistent/reviews.yaml"})
    timings: dict = {}
    profiler = Profiler(interval=0.002)
    start = time.perf_counter()
    profiler.start()
    report = _run_and_write(src, cfg, timings)
    profiler.stop()
    total = time.perf_counter() - start
    print(f"{len(files)} real-size documents ({source}), {megabytes:.1f} MB, one process: {total:.1f} s "
          f"({len(files) / total:.1f} documents/s, {megabytes / total:.2f} MB/s; profiled), "
          f"load average {os.getloadavg()[0]:.1f} (2 cores)")
    cpu_total = sum(cpu for _, cpu in timings.values())
    for stage, (wall, cpu) in timings.items():
        print(f"  {stage:20} wall {wall:7.2f} s  {100 * wall / total:5.1f} %   cpu {cpu:6.2f} s  "
              f"{100 * cpu / max(cpu_total, 1e-9):5.1f} %")
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=None,
                    help="articles (default 500 1000 2000 4000), or documents with --real-size (1000 2000 4000)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="dask: a local Dask cluster of --jobs worker processes")
    ap.add_argument("--real-size", action="store_true", help="articles of 10-25 KB, as real news")
    ap.add_argument("--source", choices=("corpora", "sample"), default="corpora",
                    help="real-size articles from ntrex-dev's translations, or variants of inputs/")
    ap.add_argument("--profile", type=int, metavar="DOCUMENTS",
                    help="profile one process on this many real-size documents (pyinstrument)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    source = args.source if args.real_size else None
    if args.profile:
        profile(args.profile, args.source)
        return
    if args.one:
        print(json.dumps(one(args.one, args.jobs, args.engine, source)))
        return
    sizes = args.sizes or ([1000, 2000, 4000] if source else [500, 1000, 2000, 4000])
    results = {}
    for n in sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--jobs", str(args.jobs), "--engine", args.engine]
        if source:
            cmd += ["--real-size", "--source", source]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode:
            print(proc.stderr[-2000:])
            raise SystemExit(1)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        results[n] = r
        what = (f"{r['documents']} real-size documents ({source}, {r['articles']} articles)" if source
                else f"{n} articles x 5 languages = {r['documents']} documents")
        print(f"\n{what}, {r['megabytes']:.1f} MB, {1024 * r['megabytes'] / max(r['documents'], 1):.1f} KB each, "
              f"--engine {args.engine} --jobs {args.jobs}")
        for stage, (wall, cpu) in r["stages"].items():
            print(f"  {stage:20} wall {wall:7.2f} s   cpu {cpu:7.2f} s")
        print(f"  {'total':20} wall {r['wall']:7.2f} s   {r['documents'] / r['wall']:.0f} documents/s, "
              f"{r['megabytes'] / r['wall']:.2f} MB/s, peak RSS {r['rss_mb']:.0f} MB")
        print(f"  floor (read, decode, NFC, split): {r['floor']:.2f} s; pipeline/floor = {r['wall'] / max(r['floor'], 1e-9):.0f}")
        print(f"  CPU of all processes {r['cpu']:.1f} s ({r['documents'] / max(r['cpu'], 1e-9):.0f} documents per CPU second); "
              f"load average {r['load'][0]:.1f} at the start, {r['load'][1]:.1f} at the end (2 cores)")
        recall = "-" if r["finding_recall"] is None else f"{r['finding_recall']:.3f}"
        print(f"  grouping precision {r['group_precision']:.3f} recall {r['group_recall']:.3f}; "
              f"finding recall {recall}, {r['findings']} findings"
              + ("" if source else f", {r['finding_precision']:.3f} of them about an injected discrepancy"))
    big, half = max(results), max(results) // 2
    if half in results:
        print(f"\ntime({big})/time({half}) = {results[big]['wall'] / results[half]['wall']:.2f} "
              f"(target <= {'2.2' if source else '2.3'})")
    if source:
        r = results[big]
        print(f"{r['documents']} real-size documents: {r['megabytes'] / r['wall']:.2f} MB/s (target >= 2), "
              f"pipeline/floor {r['wall'] / max(r['floor'], 1e-9):.0f} (target <= 20), "
              f"peak RSS {r['rss_mb']:.0f} MB (target <= 2048 MB)")
    elif 2000 in results:
        print(f"2,000 articles: {results[2000]['wall']:.1f} s (target <= 60 s with --jobs 2), "
              f"peak RSS {results[2000]['rss_mb']:.0f} MB (target <= 2048 MB)")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
