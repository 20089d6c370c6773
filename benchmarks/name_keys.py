"""How often two translations meet on a name both write, by the strict name vote's tests.

On the corpora's aligned lines (line i of every language translates line i of ``en/``), the
capitalised English words of two letters or more that wordfreq says are rare in English
(below ``names.yaml: strict_zipf``) and that are no territory, month, weekday or language name
are the names. For each such name and each cased translation Y of the line, Y's own spelling
is the capitalised word of Y's line most like the English word; then for every other
translation X of the line the strict vote's presence test (``strict._strict_votes.writes``:
by key, near by key and skeleton, near by skeleton alone) is asked whether X's line writes Y's
spelling. The English is the benchmark's only: the tool never sees it.

    .venv/bin/python benchmarks/name_keys.py [--corpus ntrex-dev] [--examples 8] [--json OUT]

Printed per corpus: the meeting rate (the share of (name, Y, X) where X meets Y by key, and
where it supports it: by key or near by key and skeleton), per language pair and per script
pair; "plausible" restricts to X lines that write a word whose consonants (anyascii) come
near the English word's, so names X translates (Red Cross) weigh less; then the commonest
failing script pairs with examples (Y's spelling, X's nearest word).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPORA = Path(os.environ.get("AUDIT_CORPORA") or ROOT.parent / "shared" / "corpora")

from anyascii import anyascii  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

from audit.checks.names.common import word_keys  # noqa: E402
from audit.checks.names.match import _stems, territories, writes_word  # noqa: E402
from audit.checks.names.strict_words import (LinkWords, Word, calendar_words, compound_head,  # noqa: E402
                                             near_anywhere)
from audit.extract.text import cased_script, fold, load_data, phonetic_key, tokens  # noqa: E402

_SCRIPTS = {"LATIN": "Latn", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "BENGALI": "Beng", "DEVANAGARI": "Deva",
            "TAMIL": "Taml", "CJK": "Hani", "GREEK": "Grek"}


def script_of(text: str) -> str:
    counts: Counter = Counter()
    for ch in text:
        if ch.isalpha():
            counts[unicodedata.name(ch, "?").split()[0]] += 1
    top = counts.most_common(1)
    return _SCRIPTS.get(top[0][0], top[0][0].title()) if top else "Zyyy"


def _cons(s: str) -> str:
    s = "".join(c for c in anyascii(s).lower() if c.isalpha())
    return "".join(c for i, c in enumerate(s) if c not in "aeiouyhw" or i == 0)


def english_names(line: str) -> list[str]:
    out = []
    cal = calendar_words("en")
    limit = float(load_data("names.yaml")["strict_zipf"])
    for _, _, t in tokens(line):
        if len(t) < 2 or not t[:1].isupper() or t.isupper() or any(c.isdigit() for c in t):
            continue
        f = fold(t)
        if f in cal or zipf_frequency(f, "en") >= limit or territories(t, "en"):
            continue
        out.append(t)
    return list(dict.fromkeys(out))


def cased_spelling(name: str, words) -> str | None:
    """The capitalised word of a cased line most like the English name word."""
    target = name.lower()
    best, score = None, 0.0
    for _, _, t, _ in words:
        if not t[:1].isupper():
            continue
        a = anyascii(t).lower()
        sc = max(fuzz.ratio(a, target), fuzz.ratio(a[:len(target)], target) - 5)
        if sc > score:
            best, score = t, sc
    return best if score >= 70 else None


def plausible(name: str, words) -> tuple[bool, str]:
    """Whether a line writes a word whose consonants come near the English name's (an oracle
    independent of the tool's keys), and that word."""
    target = _cons(name)
    best, score = "", 0.0
    for _, _, t, _ in words:
        c = _cons(t)
        sc = max(fuzz.ratio(c, target), fuzz.ratio(c[:len(target) + 1], target),
                 fuzz.ratio(c[-len(target) - 1:], target))
        if sc > score:
            best, score = t, sc
    return score >= 60, best


def level(w: Word, ws, lang: str, tb: LinkWords) -> int:
    """The strict vote's presence test (``strict._strict_votes.writes``, no territory): 3 by
    its key, 2 near by key and skeleton, 1 near by skeleton or a looser test alone, 0 none."""
    keys = (w.key,) + w.stems
    if tb.keyed.has(keys):
        return 3
    if len(w.key) >= 4 and any(writes_word(k, ws, lang, tb.table) for k in keys):
        return 2 if near_anywhere(w.text, ws, tb.skeletons) else 1
    if near_anywhere(w.text, ws, tb.skeletons) or compound_head(w, ws, tb.skeletons) \
            or any(writes_word(k, ws, lang, tb.table) for k in keys):
        return 1
    return 0


def corpus_rows(corpus: str, langs: list[str] | None = None):
    root = CORPORA / corpus
    all_langs = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "en")
    langs = langs or all_langs
    for en_file in sorted((root / "en").glob("*.txt")):
        en = en_file.read_text("utf-8").splitlines()
        lines = {}
        for lang in langs:
            f = root / lang / en_file.name
            if f.exists():
                lines[lang] = f.read_text("utf-8").splitlines()
        for i, en_line in enumerate(en):
            names = english_names(en_line)
            if not names:
                continue
            here = {lang: ls[i] for lang, ls in lines.items() if i < len(ls) and ls[i].strip()}
            words = {lang: word_keys(t, lang) for lang, t in here.items()}
            scripts = {lang: script_of(t) for lang, t in here.items()}
            tables = {lang: LinkWords(ws, lang) for lang, ws in words.items()}
            for name in names:
                for y, yws in words.items():
                    if not cased_script(scripts[y]):
                        continue
                    sp = cased_spelling(name, yws)
                    if sp is None:
                        continue
                    k = phonetic_key(sp)
                    if len(k) < 3:
                        continue
                    stems = tuple(x for x in dict.fromkeys(phonetic_key(s) for s in _stems(sp, y)) if len(x) >= 3)
                    w = Word(0, 0, 0, sp, k, stems)
                    for x, xws in words.items():
                        if x == y or scripts[x] == "Hani":
                            continue
                        got = level(w, xws, x, tables[x])
                        ok, near = plausible(name, xws)
                        yield {"file": en_file.name, "line": i + 1, "name": name, "y": y, "x": x,
                               "sy": scripts[y], "sx": scripts[x], "spelling": sp, "key": k,
                               "level": got, "plausible": ok, "nearest": near,
                               "nearest_key": phonetic_key(near) if near else ""}


def rate(rows, at: int) -> str:
    n = len(rows)
    return f"{sum(r['level'] >= at for r in rows) / n:.3f}" if n else "-"


def report(corpus: str, rows: list[dict], examples: int) -> None:
    print(f"== {corpus}: {len(rows)} (name, cased Y, X) pairs, {sum(r['plausible'] for r in rows)} plausible")
    pl = [r for r in rows if r["plausible"]]
    print(f"overall   by key {rate(rows, 3)}  support {rate(rows, 2)}  near {rate(rows, 1)}   "
          f"plausible: by key {rate(pl, 3)}  support {rate(pl, 2)}  near {rate(pl, 1)}")
    for label, field in (("script pair", ("sy", "sx")), ("language pair", ("y", "x"))):
        groups = defaultdict(list)
        for r in rows:
            groups[(r[field[0]], r[field[1]])].append(r)
        print(f"-- per {label} (Y -> X): n, plausible n, by key, support (plausible: by key, support)")
        for (a, b), rs in sorted(groups.items()):
            p = [r for r in rs if r["plausible"]]
            print(f"  {a:>5} -> {b:<5} {len(rs):6d} {len(p):6d}  {rate(rs, 3)} {rate(rs, 2)}"
                  f"  ({rate(p, 3)} {rate(p, 2)})")
    fails = Counter((r["sy"], r["sx"]) for r in pl if r["level"] < 2)
    print("-- commonest failing script pairs (plausible, no support), with examples: "
          "Y spelling [key] -> X nearest [key] (level)")
    for (a, b), c in fails.most_common(8):
        print(f"  {a} -> {b}: {c}")
        shown, seen = 0, set()
        for r in pl:
            if (r["sy"], r["sx"]) == (a, b) and r["level"] < 2 and (r["x"], r["file"], r["line"], r["name"]) not in seen:
                seen.add((r["x"], r["file"], r["line"], r["name"]))
                print(f"     {r['x']} {r['file']}:{r['line']} {r['name']}: {r['spelling']} [{r['key']}] -> "
                      f"{r['nearest']} [{r['nearest_key']}] ({r['level']})")
                shown += 1
                if shown >= examples:
                    break


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="ntrex-dev, tico19 (default both)")
    ap.add_argument("--lang", action="append", help="only these translations")
    ap.add_argument("--examples", type=int, default=6)
    ap.add_argument("--json", help="write every pair as JSON lines here")
    args = ap.parse_args(argv)
    out = open(args.json, "w", encoding="utf-8") if args.json else None
    for corpus in args.corpus or ["ntrex-dev", "tico19"]:
        rows = list(corpus_rows(corpus, args.lang))
        if out:
            for r in rows:
                out.write(json.dumps({"corpus": corpus, **r}, ensure_ascii=False) + "\n")
        report(corpus, rows, args.examples)
    if out:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
