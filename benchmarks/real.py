"""Findings on real translations, and their precision from the judged files.

Audits the translations of each corpus in ``../shared/corpora/`` (the English
source is left out, as in a newsroom), then prints, per check and language,
the findings per 100 paragraphs and, from ``benchmarks/judged/*.jsonl``, how
many of them the team has read against the English line and how many of those
were real. Findings nobody has judged yet can be written out with their
English line for judging (``--unjudged FILE``).

    .venv/bin/python benchmarks/real.py [--corpus ntrex-dev] [--check name-missing]
                                        [--unjudged /tmp/unjudged.jsonl] [--reuse DIR]

A judged line is one JSON object: ``corpus``, ``file`` (relative to the corpus,
``bn/bbc.381646.txt``), ``line``, ``check``, ``subject`` (see ``judge_key``),
``verdict`` (``real`` or ``false``), ``cause`` (a few words) and optionally
``en`` (the English line) and ``note``. The key survives code changes that keep
the same discrepancy on the same line.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Beside the checkout, as in CI; AUDIT_CORPORA points elsewhere (a git worktree, say).
CORPORA = Path(os.environ.get("AUDIT_CORPORA") or ROOT.parent / "shared" / "corpora")
JUDGED = ROOT / "benchmarks" / "judged"

# The translations of each corpus (its README lists them); ``en`` is the source, never audited.
CORPUS_LANGUAGES = {
    "ntrex-dev": ["bn", "hi", "sv", "ms", "ar"],
    "tico19": ["ar", "bn", "hi", "ms", "fa", "ur", "fr", "es", "pt", "ru", "zh", "id", "sw", "ta", "mr", "ne"],
}


def subject_of(finding: dict) -> str:
    """What a finding is about, as stable as the discrepancy: the flagged evidence,
    else the expected value."""
    for loc in finding.get("locations", []):
        if loc.get("role") == "flagged" and loc.get("evidence"):
            return str(loc["evidence"])
    expected = finding.get("expected")
    if isinstance(expected, str):
        return expected
    return json.dumps(expected, ensure_ascii=False, sort_keys=True)


def flagged(finding: dict) -> dict:
    for loc in finding.get("locations", []):
        if loc.get("role") == "flagged":
            return loc
    return finding["locations"][0]


def judge_key(corpus: str, file: str, line: int, check: str, subject: str) -> tuple:
    return corpus, file, int(line), check, subject


def load_judged() -> dict[tuple, dict]:
    judged: dict[tuple, dict] = {}
    for path in sorted(JUDGED.glob("*.jsonl")):
        for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not raw.strip():
                continue
            try:
                j = json.loads(raw)
                key = judge_key(j["corpus"], j["file"], j["line"], j["check"], j["subject"])
                if j["verdict"] not in ("real", "false"):
                    raise ValueError(f"verdict {j['verdict']!r}")
            except (ValueError, KeyError) as exc:
                sys.exit(f"{path}:{n}: not a judged finding ({exc})")
            judged[key] = j
    return judged


def supported_languages(langs: list[str]) -> list[str]:
    """The corpus languages this build of audit accepts in ``languages:``."""
    sys.path.insert(0, str(ROOT))
    from audit.config import load_config  # noqa: PLC0415
    from audit.errors import AuditError  # noqa: PLC0415

    ok = []
    for lang in langs:
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            f.write(f"languages: [{lang}]\n")
        try:
            load_config(f.name)
            ok.append(lang)
        except AuditError:
            pass
        finally:
            Path(f.name).unlink()
    return ok


def audit_corpus(corpus: str, out: Path, extra_config: str = "", root: Path | None = None,
                 langs: list[str] | None = None) -> dict:
    """Run ``audit run`` on the corpus's translations (under ``root``, default the corpus
    itself: a copy with the same layout, say); return audit.json."""
    langs = langs or supported_languages(CORPUS_LANGUAGES[corpus])
    out.mkdir(parents=True, exist_ok=True)
    cfg = out / "config.yaml"
    cfg.write_text(f"languages: [{', '.join(langs)}]\n{extra_config}", "utf-8")
    paths = [str((root or CORPORA / corpus) / lang) for lang in langs]
    cmd = [sys.executable, "-m", "audit", "run", *paths, "--config", str(cfg), "--out", str(out), "-q"]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return json.loads((out / "audit.json").read_text("utf-8"))


def _select_all() -> str:
    """Config lines that turn on every registered check."""
    sys.path.insert(0, str(ROOT))
    from audit.checks import REGISTRY  # noqa: PLC0415

    return f"checks:\n  select: [{', '.join(c.code for c in REGISTRY)}]\n"


def rows(corpus: str, report: dict) -> list[dict]:
    """One row per finding: its judge key, language and what a judge needs to read."""
    root = (CORPORA / corpus).resolve()
    docs = {d["id"]: d for d in report["documents"]}
    english: dict[str, list[str]] = {}
    out = []
    for f in report["findings"]:
        loc = flagged(f)
        doc = docs[loc["document"]]
        rel = Path(doc["path"]).resolve().relative_to(root).as_posix()
        name = Path(rel).name
        if name not in english:
            en = root / "en" / name
            english[name] = en.read_text("utf-8").splitlines() if en.exists() else []
        lines = english[name]
        line = int(loc["line"])
        key = judge_key(corpus, rel, line, f["check"], subject_of(f))
        support = [
            {"language": docs[s["document"]]["language"], "line": s["line"], "evidence": s.get("evidence", ""),
             "text": s.get("text", "")}
            for s in f["locations"] if s is not loc
        ]
        out.append({
            "key": key, "language": doc["language"], "check": f["check"], "severity": f["severity"],
            "message": f["message"], "expected": f.get("expected"), "found": f.get("found"),
            "text": loc.get("text", ""), "evidence": loc.get("evidence", ""),
            "en": lines[line - 1] if 0 < line <= len(lines) else "", "others": support,
        })
    return out


def paragraphs_by_language(report: dict) -> Counter:
    n: Counter = Counter()
    for d in report["documents"]:
        n[d["language"]] += d["paragraphs"]
    return n


def summarise(corpus: str, found: list[dict], paragraphs: Counter, judged: dict, only: str | None) -> dict:
    per = defaultdict(lambda: Counter())
    for r in found:
        if only and r["check"] != only:
            continue
        j = judged.get(r["key"])
        for scope in ((r["check"], r["language"]), (r["check"], "*"), ("*", "*")):
            c = per[scope]
            c["findings"] += 1
            if j:
                c["judged"] += 1
                c["real"] += j["verdict"] == "real"
    total_paras = sum(paragraphs.values())
    print(f"\n{corpus}: {len(found)} findings over {total_paras} paragraphs "
          f"({100 * len(found) / max(total_paras, 1):.2f} per 100)")
    print(f"{'check':24} {'lang':5} {'findings':>8} {'/100 par':>9} {'judged':>7} {'real':>5} {'precision':>9}")
    for (check, lang), c in sorted(per.items(), key=lambda kv: (kv[0][0] == "*", kv[0][0], kv[0][1] != "*", kv[0][1])):
        paras = total_paras if lang == "*" else paragraphs[lang]
        prec = f"{c['real'] / c['judged']:.2f}" if c["judged"] else "-"
        print(f"{check:24} {lang:5} {c['findings']:8d} {100 * c['findings'] / max(paras, 1):9.2f} "
              f"{c['judged']:7d} {c['real']:5d} {prec:>9}")
    return {f"{k[0]}/{k[1]}": dict(v) for k, v in per.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", choices=sorted(CORPUS_LANGUAGES),
                    help="corpus to audit (repeatable; default: all)")
    ap.add_argument("--check", help="only this check's findings")
    ap.add_argument("--unjudged", type=Path, help="write findings nobody has judged to this JSONL file")
    ap.add_argument("--reuse", type=Path, help="directory of earlier runs (<dir>/<corpus>/audit.json) to read instead of auditing")
    ap.add_argument("--keep", type=Path, help="write the runs' reports under this directory")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    ap.add_argument("--all-checks", action="store_true",
                    help="run every check, those off by default too (to measure them)")
    args = ap.parse_args(argv)

    judged = load_judged()
    unjudged = []
    figures = {}
    for corpus in args.corpus or sorted(CORPUS_LANGUAGES):
        if args.reuse:
            report = json.loads((args.reuse / corpus / "audit.json").read_text("utf-8"))
        else:
            base = args.keep or Path(tempfile.mkdtemp(prefix="audit-real-"))
            report = audit_corpus(corpus, base / corpus, _select_all() if args.all_checks else "")
        found = rows(corpus, report)
        figures[corpus] = summarise(corpus, found, paragraphs_by_language(report), judged, args.check)
        unjudged += [r for r in found if r["key"] not in judged and (not args.check or r["check"] == args.check)]
    if args.unjudged:
        with args.unjudged.open("w", encoding="utf-8") as f:
            for r in unjudged:
                r = dict(r, corpus=r["key"][0], file=r["key"][1], line=r["key"][2], subject=r["key"][4])
                del r["key"]
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"\n{len(unjudged)} unjudged findings written to {args.unjudged}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
