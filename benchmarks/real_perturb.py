"""Recall on real translations: one error injected into one translation of a real document.

Takes the translations of the corpora in ``../shared/corpora/`` (never ``en/``), and
injects each error kind into one translation of one document at a time: a number
changed in its own digits (in the digit system the text uses), a number word changed
to another number word of the language, million <-> billion, a date's day or month
(CLDR month names), a name substituted by another name of the same document or
deleted, a country name swapped for another (CLDR territory names), a list member
dropped or repeated. The English line (line i of ``en/`` translates line i) says which
facts the source has, so an edit always changes a fact the other translations give too.

One audit run carries many edits, one per document and apart from each other within an
article, so a few runs cover a corpus. The audit is run as a user runs it (``audit run``)
and only its audit.json is read: a finding of the right kind (or a related check, as in
``benchmarks/perturb.py``) that flags the edited document at the edited line is a hit.
New findings away from the edited lines (compared with a clean run of the same copy)
are the findings the edits caused elsewhere.

    AUDIT_CORPORA=../shared/corpora .venv/bin/python benchmarks/real_perturb.py \\
        [--corpus ntrex-dev] [--per-kind 5] [--seed 13] [--kind number-digits] [--verbose]

The edits themselves (where each kind can be injected, with which libraries and data)
are in ``benchmarks/_edits.py``.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _tables import recall_row  # noqa: E402
from real import CORPORA, CORPUS_LANGUAGES, ROOT, audit_corpus, supported_languages  # noqa: E402

sys.path.insert(0, str(ROOT))
from _edits import (WORD, Doc, Edit, _apply, _cased, _countries, _english_names, _name_spans,  # noqa: E402
                    _rare_english, candidates, skeleton)

# The checks whose finding at the edited line reports the edit (the related checks count,
# as in benchmarks/perturb.py: a changed number may be read as one missing, a substituted
# name as one missing, a country is a name in running text).
ACCEPT = {
    "number-digits": {"number-mismatch", "number-missing", "date-mismatch"},
    "number-word": {"number-mismatch", "number-missing"},
    "million-billion": {"number-mismatch", "number-missing"},
    "date-day": {"date-mismatch", "number-mismatch", "number-missing"},
    "date-month": {"date-mismatch"},
    "name-substituted": {"name-substituted", "name-missing", "list-mismatch", "list-duplicate"},
    "name-deleted": {"name-missing", "list-mismatch"},
    "country-swapped": {"country-mismatch", "country-label-mismatch", "country-label-conflict", "glossary-country",
                        "name-substituted", "name-missing"},
    "list-dropped": {"list-mismatch", "name-missing", "number-missing"},
    # a member made of figures repeated in place of another ("5-17 años, 5-17 años" for "5-17
    # años, 18-64 años") is a number changed: the number checks compare figures, not list-duplicate
    "list-repeated": {"list-mismatch", "list-duplicate", "number-mismatch"},
}


KINDS = list(ACCEPT)


# ---------------------------------------------------------------- the corpus and the edits

def load_corpus(corpus: str, langs: list[str]) -> dict[str, Doc]:
    root = CORPORA / corpus
    docs = {}
    names = sorted(p.name for p in (root / "en").glob("*.txt"))
    for name in names:
        en = (root / "en" / name).read_text("utf-8").splitlines()
        per = {lang: (root / lang / name).read_text("utf-8").splitlines() for lang in langs if (root / lang / name).exists()}
        for lang, lines in per.items():
            docs[f"{lang}/{name}"] = Doc(lang, f"{lang}/{name}", lines, en,
                                         {k: v for k, v in per.items() if k != lang})
    return docs


def _doc_pool(d: Doc, en_names: list) -> dict:
    """What substitutes are drawn from: the document's own names and countries."""
    doc_names = {}
    cased = _cased(d.lang)
    for j, line in enumerate(d.lines[: len(en_names)]):
        rare = [(n, k) for n, k in en_names[j] if _rare_english(n.lower())]
        for s, e, key in _name_spans(line, rare, cased):
            if skeleton(line[s:e]) == key:  # as written alone, no clitic or case ending
                doc_names.setdefault(key, line[s:e])
    text = "\n".join(d.lines)
    doc_countries = {c for n, c in _countries(d.lang).items() if n in text}
    return {"en_names": en_names + [[]] * max(0, len(d.lines) - len(en_names)),
            "doc_names": doc_names, "doc_countries": doc_countries}


def plan_edits(docs: dict[str, Doc], kinds: list[str], per_kind: int, rng) -> list[Edit]:
    """Up to ``per_kind`` edits of each kind in each language, spread over documents."""
    by_article = defaultdict(list)
    for d in docs.values():
        by_article[Path(d.file).name].append(d)
    pools = {}
    for name, ds in by_article.items():
        en = ds[0].en
        lowered = {w.group() for line in en for w in WORD.finditer(line) if w.group().islower()}
        pools[name] = [_english_names(line, lowered) for line in en]
    edits = []
    used = Counter()
    doc_pools: dict[str, dict] = {}
    for kind in kinds:
        for lang in sorted({d.lang for d in docs.values()}):
            mine = sorted((d for d in docs.values() if d.lang == lang), key=lambda d: d.file)
            rng.shuffle(mine)
            found = []
            for d in mine:  # one edit per document first, then more if the language is short of them
                if d.file not in doc_pools:
                    doc_pools[d.file] = _doc_pool(d, pools[Path(d.file).name])
                pool = doc_pools[d.file]
                options = []
                for i, line in enumerate(d.lines):
                    if i >= len(d.en) or not line.strip():
                        continue
                    for s, e, new, what in candidates(kind, d, i, rng, pool):
                        after = _apply(line, s, e, new)
                        if after != line and after.strip():
                            options.append(Edit(kind, lang, d.file, i + 1, line, after, what))
                rng.shuffle(options)
                found.append(options)
            # the least used line of its article first, then the least used document: edits
            # spread so that one run carries many of them
            flat = [e for o in found for e in o]
            per_doc = Counter()
            picked = []
            while flat and len(picked) < per_kind:
                best = min(range(len(flat)), key=lambda k: (used[(Path(flat[k].file).name, flat[k].line)],
                                                            per_doc[flat[k].file], used[flat[k].file], k))
                e = flat.pop(best)
                picked.append(e)
                per_doc[e.file] += 1
                used[(Path(e.file).name, e.line)] += 1
                used[e.file] += 1
            edits += picked
    return edits


def schedule(edits: list[Edit], gap: int = 3) -> list[list[Edit]]:
    """Runs of edits: one edit per document per run, and edits of one article ``gap``
    lines apart, so no two edits meet in one link."""
    runs: list[list[Edit]] = []
    for e in edits:
        art = Path(e.file).name
        for run in runs:
            if all(o.file != e.file and (Path(o.file).name != art or abs(o.line - e.line) >= gap) for o in run):
                run.append(e)
                break
        else:
            runs.append([e])
    return runs


def _where(report: dict, work: Path) -> dict[str, str]:
    """document id -> file relative to the working copy."""
    return {d["id"]: Path(d["path"]).resolve().relative_to(work.resolve()).as_posix() for d in report["documents"]}


def _located(f: dict, where: dict) -> list[tuple[str, int, str]]:
    return [(where.get(loc["document"], ""), int(loc["line"]), loc.get("role", "")) for loc in f["locations"]]


def measure(corpus: str, kinds: list[str], per_kind: int, seed: int, keep: Path | None, verbose: bool) -> dict:
    langs = supported_languages(CORPUS_LANGUAGES[corpus])
    rng = random.Random(f"{seed}/{corpus}")
    docs = load_corpus(corpus, langs)
    started = time.perf_counter()
    edits = plan_edits(docs, kinds, per_kind, rng)
    runs = schedule(edits)
    print(f"\n{corpus}: {len(edits)} edits in {len(runs)} runs "
          f"(planned in {time.perf_counter() - started:.1f} s)", flush=True)
    base = keep or Path(tempfile.mkdtemp(prefix="audit-perturb-"))
    work = base / corpus / "work"
    if work.exists():
        shutil.rmtree(work)
    for lang in langs:
        shutil.copytree(CORPORA / corpus / lang, work / lang)
    clean = audit_corpus(corpus, base / corpus / "clean", root=work, langs=langs)
    clean_fps = {f["fingerprint"] for f in clean["findings"]}
    results = []  # (edit, hit check or None, checks at the line)
    elsewhere = Counter()
    away = []
    for n, run in enumerate(runs, 1):
        t0 = time.perf_counter()
        for e in run:
            lines = docs[e.file].lines
            edited = lines[: e.line - 1] + [e.after] + lines[e.line:]
            (work / e.file).write_text("\n".join(edited) + "\n", "utf-8")
        try:
            report = audit_corpus(corpus, base / corpus / f"run{n}", root=work, langs=langs)
        finally:
            for e in run:
                shutil.copyfile(CORPORA / corpus / e.file, work / e.file)
        where = _where(report, work)
        by_line = defaultdict(list)
        for f in report["findings"]:
            for path, line, role in _located(f, where):
                by_line[(path, line)].append((f, role))
        edited_at = {(Path(e.file).name, e.line): e for e in run}
        for e in run:
            at = by_line.get((e.file, e.line), [])
            hit = next((f["check"] for f, role in at if role == "flagged" and f["check"] in ACCEPT[e.kind]), None)
            results.append((e, hit, sorted({f["check"] for f, role in at if role == "flagged"})))
            if hit is None and verbose:
                print(f"MISSED {e.kind} {e.file}:{e.line} ({e.what})\n  before: {e.before}\n  after:  {e.after}")
                for f, role in at:
                    print(f"  at the line: {f['check']} ({role}): {f['message']}")
        for f in report["findings"]:
            if f["fingerprint"] in clean_fps:
                continue
            locs = _located(f, where)
            if any((Path(p).name, line) in edited_at for p, line, _ in locs):
                continue
            # an article's new finding away from its edits: the edit of that article caused it
            arts = {Path(p).name for p, _, _ in locs}
            cause = next((e for e in run if Path(e.file).name in arts), None)
            elsewhere[cause.kind if cause else "(no edit in the article)"] += 1
            away.append({"check": f["check"], "message": f["message"], "at": [f"{p}:{line}" for p, line, _ in locs],
                         "edit": f"{cause.file}:{cause.line} {cause.what}" if cause else None})
        if not keep:
            shutil.rmtree(base / corpus / f"run{n}", ignore_errors=True)
        print(f"  run {n}/{len(runs)}: {len(run)} edits, {time.perf_counter() - t0:.1f} s", flush=True)
    if not keep:
        shutil.rmtree(base, ignore_errors=True)
    return {"corpus": corpus, "langs": langs, "results": results, "elsewhere": elsewhere, "away": away,
            "runs": len(runs), "seconds": time.perf_counter() - started}


def print_table(m: dict, verbose: bool) -> dict:
    results, langs = m["results"], m["langs"]
    hits = defaultdict(lambda: [0, 0])
    by_check = defaultdict(Counter)
    for e, hit, _ in results:
        hits[(e.kind, e.lang)][0] += hit is not None
        hits[(e.kind, e.lang)][1] += 1
        by_check[e.kind][hit or "-"] += 1
    print(f"\n{m['corpus']}: recall per error kind and language (found/tried), {m['runs']} runs in {m['seconds']:.0f} s")
    print(f"{'kind':18}" + "".join(f"{lang:>7}" for lang in langs) + f"{'all':>9}{'recall':>8}  elsewhere")
    worst, figures = 1.0, {}
    for kind in (k for k in ACCEPT if any(e.kind == k for e, _, _ in results)):
        row, *total = recall_row(hits, kind, langs)
        r = total[0] / total[1] if total[1] else float("nan")
        if total[1]:
            worst = min(worst, r)
        figures[kind] = {"found": total[0], "tried": total[1], "elsewhere": m["elsewhere"].get(kind, 0),
                         "per_language": {lang: hits[(kind, lang)] for lang in langs if (kind, lang) in hits}}
        print(f"{kind:18}" + "".join(f"{x:>7}" for x in row) + f"{total[0]:>4}/{total[1]:<4}{r:>8.2f}"
              f"  {m['elsewhere'].get(kind, 0)}")
    tried = len(results)
    found = sum(1 for _, h, _ in results if h)
    other = sum(m["elsewhere"].values())
    print(f"all kinds: {found}/{tried} = {found / max(tried, 1):.2f}; lowest recall of a kind {worst:.2f} (target >= 0.95)")
    print(f"findings the edits caused elsewhere: {other} ({100 * other / max(tried, 1):.1f} per 100 edits)"
          + (f", {m['elsewhere']['(no edit in the article)']} in articles without an edit"
             if m["elsewhere"].get("(no edit in the article)") else ""))
    print("found by: " + "; ".join(f"{k}: " + ", ".join(f"{c} {n}" for c, n in by_check[k].most_common())
                                   for k in ACCEPT if by_check[k]))
    misses = [(e, at) for e, h, at in results if h is None]
    if misses and not verbose:
        print("some misses (--verbose prints all):")
        for e, at in misses[:12]:
            print(f"  {e.kind:16} {e.file}:{e.line} {e.what}" + (f"  [at the line: {', '.join(at)}]" if at else ""))
    edits = [{"kind": e.kind, "file": e.file, "line": e.line, "what": e.what, "hit": h, "at_line": at,
              "before": e.before, "after": e.after} for e, h, at in results]
    return {"recall_lowest": worst, "found": found, "tried": tried, "elsewhere": other, "kinds": figures,
            "edits": edits, "elsewhere_findings": m["away"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(CORPUS_LANGUAGES),
                    help="corpus to perturb (repeatable; default: all)")
    ap.add_argument("--per-kind", type=int, default=5, help="edits per kind and language (default 5)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--kind", action="append", choices=KINDS, help="only these error kinds")
    ap.add_argument("--keep", type=Path, help="keep the working copies and reports under this directory")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--verbose", action="store_true", help="print every missed edit and the findings at its line")
    ap.add_argument("--plan", action="store_true", help="print the edits and their runs, audit nothing")
    args = ap.parse_args(argv)
    figures = {}
    if args.plan:
        for corpus in args.corpus or sorted(CORPUS_LANGUAGES):
            langs = supported_languages(CORPUS_LANGUAGES[corpus])
            edits = plan_edits(load_corpus(corpus, langs), args.kind or KINDS, args.per_kind,
                               random.Random(f"{args.seed}/{corpus}"))
            print(f"{corpus}: {len(edits)} edits in {len(schedule(edits))} runs")
            for e in edits:
                print(f"  {e.kind:16} {e.file}:{e.line}  {e.what}")
        return 0
    for corpus in args.corpus or sorted(CORPUS_LANGUAGES):
        m = measure(corpus, args.kind or KINDS, args.per_kind, args.seed, args.keep, args.verbose)
        figures[corpus] = print_table(m, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
