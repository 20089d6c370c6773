"""Why the strict name vote missed injected name edits: a debugging aid, not part of a run.

Reads the MISSED lines of a ``real_perturb.py --verbose`` output, rebuilds each edited
article in memory (every translation of it, never en/, one link per line as the corpora
are aligned), runs the strict vote with its ``TRACE`` hook before and after the edit, and
prints, for the name words of the edited line whose evidence changed, why the vote did not
report them (``strict._why``'s reasons: vote, caps, elsewhere, termlike, ...).

    AUDIT_CORPORA=../shared/corpora .venv/bin/python benchmarks/trace_names.py /tmp/x/perturb.txt
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "checks"))
from checkctx import context  # noqa: E402

from audit.checks.names import strict  # noqa: E402

CORPORA = Path(os.environ.get("AUDIT_CORPORA", ROOT.parent / "shared" / "corpora"))
MISS = re.compile(r"^MISSED (name-\w+) (\w+)/(\S+):(\d+) \((.*)\)$")


def misses(path: str):
    corpus = None
    lines = Path(path).read_text("utf-8").splitlines()
    for j, line in enumerate(lines):
        if re.match(r"^(ntrex-dev|tico19): ", line):
            corpus = line.split(":")[0]
        m = MISS.match(line)
        if m:
            kind, lang, name, ln, what = m.groups()
            after = lines[j + 2].split("after:  ", 1)[1] if j + 2 < len(lines) and "after:" in lines[j + 2] else None
            yield corpus, kind, lang, name, int(ln), what, after


def trace(texts: dict) -> list:
    strict.TRACE = []
    try:
        list(strict._strict_votes(context(texts)))
        return strict.TRACE
    finally:
        strict.TRACE = None


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("perturb_output", help="a file of `real_perturb.py --verbose` output (its MISSED lines)")
    args = ap.parse_args(argv)
    causes = Counter()
    for corpus, kind, lang, name, ln, what, after in misses(args.perturb_output):
        root = CORPORA / corpus
        texts = {p.name: (p.name, p.joinpath(name).read_text("utf-8").splitlines())
                 for p in sorted(root.iterdir()) if p.is_dir() and p.name != "en" and (p / name).exists()}
        en = (root / "en" / name).read_text("utf-8").splitlines()
        if after is None or ln > len(texts[lang][1]):
            continue
        before = {(r[1], r[2]): r for r in trace(texts) if r[0] == ln - 1}
        texts[lang][1][ln - 1] = after
        now = {(r[1], r[2]): r for r in trace(texts) if r[0] == ln - 1}
        print(f"\n{kind} {corpus} {lang}/{name}:{ln} ({what})\n  en: {en[ln - 1][:200]}")
        changed = []
        for k, r in now.items():
            b = before.get(k)
            g0 = (b[4].get("got") or {}).get(lang) if b else None
            g1 = (r[4].get("got") or {}).get(lang)
            if g0 != g1 or (b and b[3] != r[3]):
                changed.append((k, b, r))
        if not changed:
            cause = "no name word changed (not a name word, or still written near)"
            words = sorted({f"{o}:{w}:{r[3]}:{(r[4].get('got') or {}).get(lang)}" for (o, w), r in now.items()})
            print("  words here:", "; ".join(words)[:600])
        else:
            cause = None
            for (o, w), b, r in changed:
                d = {k: v for k, v in r[4].items() if k != "got"}
                print(f"  {o}:{w}: {b[3] if b else '-'} -> {r[3]} got={r[4].get('got')} {d}")
                if cause is None or r[3] == "reported":
                    cause = r[3]
        causes[(kind, cause)] += 1
        print("  cause:", cause)
    print("\ncauses:")
    for (kind, cause), c in sorted(causes.items()):
        print(f"  {kind:18} {c:3}  {cause}")


if __name__ == "__main__":
    main(sys.argv[1:])
