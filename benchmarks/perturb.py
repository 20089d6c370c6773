"""Recall per error kind and language, false findings per 100 clean paragraphs,
and the same number errors through translate-toolkit's pofilter ``numbers`` check.

Starts from the aligned groups of the sample and the test articles, injects one
realistic error at a time into one language (a value changed, two digits
transposed, a number word changed, a day or a month changed, a name replaced
or deleted, a country label swapped, a list member repeated or dropped), runs
the whole pipeline and looks for a finding of the right kind that flags the
injected document at the injected line.

    .venv/bin/python benchmarks/perturb.py [--per-kind 4] [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from _common import config, groups, run_texts
from _tables import recall_row

from audit.checks.list_mismatch import shared_members
from audit.extract import extract_facts
from audit.extract.dates import month_names
from audit.extract.labels import territory_names
from audit.extract.numbers import number_values
from audit.extract.numwords import lexicon
from audit.extract.text import fold, tokens

ACCEPT = {
    "value-change": {"number-mismatch"},
    "digit-transposition": {"number-mismatch"},
    "number-word-change": {"number-mismatch"},
    "day-change": {"date-mismatch"},
    "month-change": {"date-mismatch"},
    # a substitute that repeats another member is found as the repetition
    "name-substitution": {"name-substituted", "name-missing", "list-mismatch", "list-duplicate"},
    "name-deletion": {"name-missing", "list-mismatch"},
    "country-label-swap": {"country-label-mismatch", "country-label-conflict"},
    "list-member-duplicated": {"list-mismatch", "list-duplicate"},
    "list-member-dropped": {"list-mismatch", "name-missing"},
}
NUMBER_KINDS = ("value-change", "digit-transposition", "number-word-change")


def _wide_months(lang: str) -> dict[int, str]:
    """The language's own wide month names (CLDR), as a writer would put them."""
    from audit.languages import babel_locale

    return dict(babel_locale(lang).months["format"]["wide"])


def _digits_like(template: str, value: int) -> str:
    """``value`` written in the digit system of ``template`` (২৯ -> ৩০)."""
    zero = next((chr(ord(c) - unicodedata.digit(c)) for c in template if c.isdigit()), "0")
    return "".join(chr(ord(zero) + int(d)) for d in str(value))


def _shared(doc_facts, others_facts, key):
    """Facts of this paragraph whose key value also occurs in another translation's linked paragraphs."""
    theirs = {v for pf in others_facts for f in key(pf) for v in _vals(f)}
    return [f for f in key(doc_facts) if any(v in theirs for v in _vals(f))]


def _listed_alike(doc_facts, others_facts):
    """Lists of this paragraph that another translation gives as one list too (the list of
    this paragraph sharing most members with it, two and half at least): an error in a
    list no other translation gives has nothing to be compared with."""
    out = []
    for g in (g for o in others_facts for g in o.lists):
        # the paragraph's list that is that list's counterpart: the one sharing most with it
        best = max(doc_facts.lists, key=lambda f: shared_members(f, g), default=None)
        if best is not None and shared_members(best, g) and best not in out:
            out.append(best)
    return out


def _vals(f):
    if f.kind == "number":
        return number_values(f)
    if f.kind == "date":
        return [(f.month, f.day, f.last_day)]
    if f.kind == "label":
        return [f.code]
    if f.kind == "list":
        return list(f.keys)
    return [f.value]


def candidates(kind, lang, pf, others, rng):
    """(evidence start, end, replacement) options for one injection kind in one paragraph."""
    out = []
    if kind in ("value-change", "digit-transposition"):
        for f in _shared(pf, others, lambda x: x.numbers):
            if f.form != "digits" or isinstance(f.value, tuple) or not isinstance(f.value, int) or f.value < 3:
                continue
            digits = "".join(c for c in f.text if c.isdigit())
            if kind == "value-change":
                new = f.value + rng.choice([1, 2, 10]) if f.value < 1900 or f.value > 2100 else f.value + 1
            else:
                pairs = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]]
                if not pairs:
                    continue
                i = rng.choice(pairs)
                s = str(f.value)
                new = int(s[:i] + s[i + 1] + s[i] + s[i + 2:])
            pos = f.text.index(digits[0])
            end = pos + len(digits)
            out.append((f.start + pos, f.start + end, _digits_like(digits, new)))
    elif kind == "number-word-change":
        words = {v: w for w, (v, ordinal) in lexicon(lang).words.items() if not ordinal and 3 <= v <= 12}
        for f in _shared(pf, others, lambda x: x.numbers):
            if f.form == "word" and isinstance(f.value, int) and 3 <= f.value <= 12 and not f.approx:
                choices = [w for v, w in sorted(words.items()) if v != f.value]
                if choices:
                    out.append((f.start, f.end, rng.choice(choices)))
    elif kind in ("day-change", "month-change"):
        for f in _shared(pf, others, lambda x: x.dates):
            if kind == "day-change" and f.day is not None:
                digits = [m for m in range(len(f.text)) if f.text[m].isdigit()]
                # the first digit run of the date that is its first day
                for i in digits:
                    j = i
                    while j < len(f.text) and f.text[j].isdigit():
                        j += 1
                    run = f.text[i:j]
                    if int("".join(str(unicodedata.digit(c)) for c in run)) == f.day:
                        new = f.day + 1 if f.day < 28 else f.day - 1
                        out.append((f.start + i, f.start + j, _digits_like(run, new)))
                        break
            elif kind == "month-change":
                names = month_names(lang)
                wide = _wide_months(lang)
                for s, e, tok in tokens(f.text):
                    if names.get(fold(tok)) == f.month:
                        out.append((f.start + s, f.start + e, wide[f.month % 12 + 1]))
                        break
    elif kind == "country-label-swap":
        for f in _shared(pf, others, lambda x: x.labels):
            names = territory_names(lang)
            other = next((n for n, c in sorted(names.items()) if c in ("LA", "TH", "KH", "MM") and c != f.code), None)
            inner = f.country
            at = f.text.rfind(inner)
            if other and at >= 0:
                out.append((f.start + at, f.start + at + len(inner), other.title() if inner[:1].isupper() else other))
    elif kind in ("name-substitution", "name-deletion", "list-member-duplicated", "list-member-dropped"):
        for f in _listed_alike(pf, others):
            members, spans = f.members, f.spans
            if len(members) < 3:
                continue
            j = rng.randrange(len(members))
            s, e = spans[j]
            if kind == "list-member-duplicated":
                k = (j + 1) % len(members)
                out.append((s, e, members[k]))
            elif kind == "list-member-dropped" and j + 1 < len(members):
                out.append((s, spans[j + 1][0], ""))
        if kind in ("name-substitution", "name-deletion"):
            out += _name_targets(kind, pf, others, rng)
    return out


def _name_targets(kind, pf, others, rng):
    """Names the label or list extractors recognise, mentioned where other translations mention them."""
    out = []
    names = [(f.start, f.start + len(f.entity), f.entity) for f in pf.labels
             if f.entity.count(" ") <= 2]
    # members of a list that another translation lists too: names, not a list of adjectives
    theirs = {k for o in others for g in o.lists for k in g.keys}
    for f in _listed_alike(pf, others):
        names += [(s, e, m) for m, k, (s, e) in zip(f.members, f.keys, f.spans) if k in theirs]
    if not names:
        return out
    pool = sorted({n for _, _, n in names})
    for s, e, n in names:
        if kind == "name-deletion":
            out.append((s, e, ""))
        else:
            choices = [m for m in pool if m != n and m.split()[0] != n.split()[0]]
            if choices:
                out.append((s, e, rng.choice(choices)))
    return out


def inject(texts, report, doc_id, kind, rng, per_kind):
    """Up to ``per_kind`` (new texts, document, line) injections of ``kind`` into ``doc_id``."""
    doc = next(d for d in report.documents if d.id == doc_id)
    name = Path(doc.path).name
    lang = doc.language
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in report.documents}
    options = []
    for link in report.alignments[0].links:
        mine = link.indices(doc_id)
        others = [facts[d][i] for d, idx in link.members if d != doc_id for i in idx]
        if len(mine) != 1 or not others or link.confidence < 0.5:
            continue
        p = doc.paragraphs[mine[0]]
        for s, e, repl in candidates(kind, lang, facts[doc_id][mine[0]], others, rng):
            options.append((p, s, e, repl))
    rng.shuffle(options)
    out = []
    lines = texts[name].split("\n")
    for p, s, e, repl in options[:per_kind]:
        line = lines[p.line - 1]
        base = line.find(p.text)
        if base < 0:
            continue
        new_line = line[: base + s] + repl + line[base + e:]
        if kind in ("name-deletion", "list-member-dropped"):
            new_line = new_line.replace("  ", " ")
        new = dict(texts)
        new[name] = "\n".join(lines[: p.line - 1] + [new_line] + lines[p.line:])
        out.append((new, doc_id, p.line, line, new_line))
    return out


def pofilter_flags(source: str, target: str) -> bool:
    from translate.filters import checks

    try:
        checks.StandardChecker().numbers(source, target)
        return False
    except checks.FilterFailure:
        return True


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-kind", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-confidence", type=float, default=None, help="override align.min_confidence")
    ap.add_argument("--kind", action="append", choices=sorted(ACCEPT), help="only these error kinds")
    ap.add_argument("--verbose", action="store_true", help="print the findings of every missed injection")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    cfg = config()
    if args.min_confidence is not None:
        cfg = cfg.override({"align": {"min_confidence": args.min_confidence}})
    hits = defaultdict(lambda: [0, 0])  # (kind, lang) -> [found, tried]
    false, clean_paragraphs = 0, 0
    ours = {"tp": 0, "fn": 0, "fp": 0}
    pof = {"tp": 0, "fn": 0, "fp": 0}
    started = time.perf_counter()
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for texts in groups():
            clean = run_texts(tmp, texts, cfg)
            baseline = {f.fingerprint for f in clean.findings}
            by_id = {d.id: d for d in clean.documents}
            # clean aligned pairs: pofilter's false alarms, and ours
            for link in clean.alignments[0].links:
                present = [(d, idx) for d, idx in link.members if idx]
                for a in range(len(present)):
                    for b in range(a + 1, len(present)):
                        (da, ia), (db, ib) = present[a], present[b]
                        src = " ".join(by_id[da].paragraphs[i].text for i in ia)
                        tgt = " ".join(by_id[db].paragraphs[i].text for i in ib)
                        pof["fp"] += pofilter_flags(src, tgt)
            ours["fp"] += sum(1 for f in clean.findings if f.check in ("number-mismatch", "number-missing"))
            for doc in clean.documents:
                for kind in args.kind or ACCEPT:
                    for new, doc_id, line, before, after in inject(texts, clean, doc.id, kind, rng, args.per_kind):
                        report = run_texts(tmp, new, cfg)
                        found = any(f.check in ACCEPT[kind] and any(
                            loc.document == doc_id and loc.line == line and loc.role == "flagged" for loc in f.locations)
                            for f in report.findings)
                        hits[(kind, doc.language)][0] += found
                        hits[(kind, doc.language)][1] += 1
                        if not found:
                            misses.append((kind, doc.language, before[:90], after[:90]))
                            if args.verbose:
                                print(f"MISSED {kind} {doc.language} line {line}\n  before: {before}\n  after:  {after}")
                                for f in report.findings:
                                    if f.fingerprint not in baseline:
                                        print(f"  new finding {f.check}: {f.message}")
                        for f in report.findings:
                            if f.fingerprint not in baseline and not any(
                                    loc.document == doc_id and loc.line == line for loc in f.locations) \
                                    and not any(loc.line == line for loc in f.locations):
                                false += 1
                        clean_paragraphs += sum(len(d.paragraphs) for d in report.documents) - 1
                        if kind in NUMBER_KINDS:
                            ours["tp" if found else "fn"] += 1
                            rep_doc = next(d for d in report.documents if d.id == doc_id)
                            link = next(lk for lk in report.alignments[0].links
                                        if any(rep_doc.paragraphs[i].line == line for i in lk.indices(doc_id)))
                            tgt = " ".join(rep_doc.paragraphs[i].text for i in link.indices(doc_id))
                            flagged = False
                            for d, idx in link.members:
                                if d != doc_id and idx:
                                    other = next(x for x in report.documents if x.id == d)
                                    flagged |= pofilter_flags(" ".join(other.paragraphs[i].text for i in idx), tgt)
                            pof["tp" if flagged else "fn"] += 1
    elapsed = time.perf_counter() - started

    print("recall per error kind and language (found/tried)")
    langs = sorted({lang for _, lang in hits})
    print(f"{'kind':26}" + "".join(f"{lang:>9}" for lang in langs) + f"{'all':>9}")
    worst = 1.0
    for kind in ACCEPT:
        row, *total = recall_row(hits, kind, langs)
        r = total[0] / total[1] if total[1] else float("nan")
        if total[1]:
            worst = min(worst, r)
        print(f"{kind:26}" + "".join(f"{x:>9}" for x in row) + f"{r:>9.2f}")
    print(f"lowest recall of any kind: {worst:.2f} (target >= 0.95)")
    print(f"false findings: {false} over {clean_paragraphs} clean paragraphs = "
          f"{100 * false / max(clean_paragraphs, 1):.2f} per 100 (target <= 1)")

    def prf(c):
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        return p, r, 2 * p * r / max(p + r, 1e-9)

    print("number errors on the same aligned paragraphs (injected = positives, clean pairs = negatives):")
    for label, c in (("audit", ours), ("pofilter numbers", pof)):
        p, r, f1 = prf(c)
        print(f"  {label:18} precision {p:.2f}  recall {r:.2f}  F1 {f1:.2f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    print("  pofilter compares digit strings only: it cannot read ২৯ or ٢٩ as 29 or 'lima' as 5,")
    print("  so native digits and number words become false alarms and word-number errors go unseen.")
    print(f"{sum(t for _, t in hits.values())} injected runs in {elapsed:.1f} s")
    if misses:
        print("missed:")
        for m in misses[:30]:
            print("  ", m)


if __name__ == "__main__":
    main()
