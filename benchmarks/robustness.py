"""Bad input and fuzzing: cases tried, clear errors, crashes (must be 0), fuzz
examples run, and the slowest extractor time per 10 KB paragraph.

    .venv/bin/python benchmarks/robustness.py [--fuzz 2000] [--seed 3]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from _common import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from test_bad_input import BAD  # noqa: E402  the catalogue the tests use
from test_safety import ALPHABET  # noqa: E402

from audit.cli import main as cli  # noqa: E402
from audit.extract.dates import extract_dates  # noqa: E402
from audit.extract.labels import extract_labels  # noqa: E402
from audit.extract.lists import extract_lists  # noqa: E402
from audit.extract.names import extract_names  # noqa: E402
from audit.extract.numbers import extract_numbers  # noqa: E402

LANGS = ["bn", "hi", "sv", "ms", "ar", "en", "fr", "de", "es", "ru", "ur", "ja", "ko"]


def run_cli(args) -> tuple[int | None, str]:
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = cli(args)
    except BaseException:  # a crash: exactly what this benchmark counts
        return None, traceback.format_exc()
    return code, err.getvalue()


def catalogue(tmp: Path) -> tuple[int, int, int, list[str]]:
    tried = clear = crashes = 0
    notes = []
    good = tmp / "good"
    good.mkdir()
    for name in ("000_f757e5f0b3b96d17.txt", "002_f2b97bb889b347b1.txt"):
        (good / name).write_bytes((ROOT / "inputs" / name).read_bytes())
    for case, (make, message) in sorted(BAD.items()):
        bad = tmp / f"{case}.txt"
        make(bad)
        tried += 1
        code, err = run_cli(["run", str(bad), "--out", str(tmp / "out")])
        if code is None:
            crashes += 1
            notes.append(f"CRASH {case}: {err.splitlines()[-1]}")
        elif code == 2 and len(err.strip().splitlines()) == 1 and bad.name in err and message in err:
            clear += 1
        else:
            notes.append(f"unclear {case}: exit {code}: {err.strip()[:120]}")
        mixed = tmp / f"mixed_{case}"
        mixed.mkdir()
        for p in good.iterdir():
            (mixed / p.name).write_bytes(p.read_bytes())
        make(mixed / f"{case}.txt")
        tried += 1
        code, err = run_cli(["run", str(mixed), "--out", str(tmp / "out2"), "-q"])
        if code is None:
            crashes += 1
            notes.append(f"CRASH among good files {case}: {err.splitlines()[-1]}")
        elif code == 0 and case in (tmp / "out2" / "audit.json").read_text():
            clear += 1
        else:
            notes.append(f"not reported among good files {case}: exit {code}")
        bad.unlink()
    for args, what in ((["run", str(tmp / "nowhere")], "nonexistent path"),
                       (["run", str(tmp / "out")], "directory without inputs"),
                       (["check", str(good), "--baseline", str(tmp / "none.json")], "missing baseline")):
        tried += 1
        code, err = run_cli(args)
        if code is None:
            crashes += 1
            notes.append(f"CRASH {what}")
        elif code == 2 and len(err.strip().splitlines()) == 1:
            clear += 1
        else:
            notes.append(f"unclear {what}: exit {code}")
    return tried, clear, crashes, notes


def fuzz(n: int, seed: int) -> tuple[int, int, float, str]:
    rng = random.Random(seed)
    pool = ALPHABET.wrapped_strategy.elements if hasattr(ALPHABET, "wrapped_strategy") else ALPHABET.elements
    extractors = {"numbers": lambda t, lang: extract_numbers(t, lang),
                  "dates": lambda t, lang: extract_dates(t, lang, extract_numbers(t, lang)),
                  "names": extract_names, "labels": extract_labels, "lists": extract_lists}
    for lang in LANGS:  # lexicons are built once per process: not what is measured
        for fn in extractors.values():
            fn("warm 12", lang)
    crashes, slowest, where = 0, 0.0, ""
    per_paragraph = []
    for k in range(n):
        size = 10_000 if k % 10 == 0 else rng.randint(0, 600)
        words = []
        while sum(map(len, words)) < size:
            words.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 14))))
        text = "".join(words)[:size]
        lang = rng.choice(LANGS)
        total = 0.0
        for name, fn in extractors.items():
            start = time.perf_counter()
            try:
                fn(text, lang)
            except Exception:
                crashes += 1
            elapsed = time.perf_counter() - start
            total += elapsed
            per10k = elapsed * 10_000 / max(len(text), 1) if size == 10_000 else 0.0
            if per10k > slowest:
                slowest, where = per10k, f"{name} ({lang})"
        if size == 10_000:
            per_paragraph.append(total)
    per_paragraph.sort()
    p95 = per_paragraph[int(0.95 * (len(per_paragraph) - 1))] if per_paragraph else 0.0
    median = per_paragraph[len(per_paragraph) // 2] if per_paragraph else 0.0
    return n, crashes, slowest, where, median, p95


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fuzz", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            tried, clear, crashes, notes = catalogue(Path(tmp))
        finally:
            os.chdir(cwd)
    print(f"bad-input cases tried: {tried}; with a clear error or a clear skip: {clear}; crashes: {crashes} (target 0)")
    for n in notes:
        print("  ", n)
    from audit.pipeline import batch_gc

    with batch_gc():  # as in a run: the pipeline tunes the garbage collector for batch work
        n, fcrash, slowest, where, median, p95 = fuzz(args.fuzz, args.seed)
    print(f"fuzz examples run: {n} (every 10th a 10 KB paragraph, 13 languages, 5 scripts mixed); crashes: {fcrash}")
    print(f"slowest single extractor on a 10 KB paragraph: {1000 * slowest:.1f} ms, {where} (target < 50 ms)")
    print(f"all five extractors on a 10 KB paragraph: median {1000 * median:.1f} ms, 95th percentile {1000 * p95:.1f} ms")


if __name__ == "__main__":
    main()
