"""Grouping quality on real translations under opaque names.

Each corpus in ``/work/shared/corpora`` (or ``--corpora``) is flattened: every
translation (never ``en/``) copied under an opaque, shuffled name
(``0001.txt`` ...), all languages of the corpus in one batch, grouped by
content alone. Prints, per corpus:

- pairwise precision, recall and F1 of the grouping against the file names
  (line *i* of each language translates the same article), groups and singletons;
- single-fact edits: a number, a date or a name changed in one translation,
  and how many of the edits change any group (target: none);
- targeted edits: for a sampled translation, the one anchor that weighs most in its closest
  pair is taken out of that pair's other member (the fact the translation hangs on, changed),
  and how many of these change any group (target: none);
- partial translations: one translation cut to its first third, and how often
  it still joins exactly its article (target: 95% or more);
- misfiled files: the corpus in its declared structure (one article per file
  name), then one translation moved into another article in place of that
  article's translation of the same language: how often ``misfiled-translation``
  flags it, and how many files it flags in the clean structure;
- homeless translations: one translation with its article's other translations and every other
  document of its language taken out, so that every cluster could take it and none is its home:
  how often it joins any group (target: never);
- the grouping stage's time.

    .venv/bin/python benchmarks/group.py [--edits 100] [--partials 100] [--seed 7] [--corpus ntrex-dev]
        [--only partials] [--cache DIR]

``--only`` runs some of the measurements (grouping, edits, targeted, partials, misfiled, homeless; repeatable):
``--only partials`` measures TICO-19's partial translations in a few minutes (each trial
regroups the whole batch from the clean run's summaries; only the cut document's is remade).
Each measurement draws its own sample from ``--seed``, so ``--only`` changes no sample.
``--cache DIR`` keeps the read documents and their facts (keyed by the corpus, the seed and the
code of ``audit/`` outside ``audit/group/``), so a grouping change is measured without reading
the corpus again. Every partial that does not join its article is printed: the document, its
article and language, the paragraphs kept, the group it ended in, the best other group and the
right group with the partial's score against each (the better half of its pairs, as the
second pass weighs it).

Languages lingua does not know (tico19's ``ne``) are declared through
``language_overrides`` (the benchmark knows them); the others are detected.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audit import load_config  # noqa: E402
from audit.extract import extract_facts, lowercase_vocabulary  # noqa: E402
from audit.group import group_signatures, summary  # noqa: E402
from audit.ingest import ingest_file  # noqa: E402
from audit.languages import known_language  # noqa: E402
from audit.model import Paragraph  # noqa: E402

CORPORA = Path("/work/shared/corpora")
MEASUREMENTS = ("grouping", "edits", "targeted", "partials", "misfiled", "homeless")


def flatten(corpus: Path, out: Path, rng: random.Random) -> dict[str, tuple[str, str]]:
    """Copies every translation of ``corpus`` under an opaque name; returns name -> (article, language)."""
    files = sorted(p for lang in sorted(corpus.iterdir()) if lang.is_dir() and lang.name != "en"
                   for p in sorted(lang.glob("*.txt")))
    rng.shuffle(files)
    gold = {}
    for k, f in enumerate(files, start=1):
        name = f"{k:04d}"
        (out / f"{name}.txt").write_bytes(f.read_bytes())
        gold[name] = (f.stem, f.parent.name)
    return gold


def _facts(doc):
    vocab = lowercase_vocabulary(p.text for p in doc.paragraphs)
    return [extract_facts(p.text, doc.language, vocab) for p in doc.paragraphs]


def pairwise(groups, gold: dict[str, tuple[str, str]]) -> tuple[float, float, float]:
    found = {frozenset(p) for g in groups for p in combinations(g.documents, 2)}
    by_article: dict[str, list[str]] = {}
    for d, (article, _) in gold.items():
        by_article.setdefault(article, []).append(d)
    truth = {frozenset(p) for docs in by_article.values() for p in combinations(sorted(docs), 2)}
    hit = len(found & truth)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def partition(groups) -> frozenset:
    return frozenset(frozenset(g.documents) for g in groups)


def _edit(doc, doc_facts, kind: str, rng: random.Random, names_by_lang: dict[str, list[str]]):
    """The document with one fact changed in one paragraph, or None when it has no such fact."""
    spots = []
    for i, pf in enumerate(doc_facts):
        if kind == "number":
            spots += [(i, f) for f in pf.numbers if f.form == "digits" and f.text.strip().isdigit()]
        elif kind == "date":
            spots += [(i, f) for f in pf.dates]
        else:
            spots += [(i, f) for f in pf.names if f.form == "cased" or len(f.text) >= 4]
    if not spots:
        return None
    i, f = rng.choice(spots)
    p = doc.paragraphs[i]
    if kind == "number":
        digits = f.text.strip()
        value = str(int("".join(str(int(c)) for c in digits)) + rng.randint(1, 9))
        new = "".join(chr(ord(digits[0]) - int(digits[0]) + int(c)) for c in value)
    elif kind == "date":
        day = next((c for c in f.text if c.isdigit()), None)
        if day is None:
            return None
        new = f.text.replace(day, chr(ord(day) - int(day) + (int(day) + 1) % 10), 1)
    else:
        others = [n for n in names_by_lang.get(doc.language, []) if n != f.text]
        if not others:
            return None
        new = rng.choice(others)
    text = p.text[:f.start] + new + p.text[f.end:]
    paragraphs = list(doc.paragraphs)
    paragraphs[i] = Paragraph(p.index, p.line, p.end_line, text, p.breaks)
    return replace(doc, paragraphs=tuple(paragraphs))


def _read(corpus: Path, args):
    """(config, gold, documents, facts) of the flattened corpus, from ``--cache`` when it holds them."""
    rng = random.Random(args.seed)
    cfg = load_config()
    langs = sorted(p.name for p in corpus.iterdir() if p.is_dir() and p.name != "en")
    cfg = cfg.override({"languages": langs})
    cached = _cache_file(corpus, args)
    if cached is not None and cached.exists():
        gold, docs, facts = pickle.loads(cached.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            gold = flatten(corpus, Path(tmp), rng)
            cfg = _declared(cfg, gold, langs)
            docs = [ingest_file(Path(tmp) / f"{n}.txt", cfg, n) for n in sorted(gold)]
            facts = {d.id: _facts(d) for d in docs}
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(pickle.dumps((gold, docs, facts)))
    return _declared(cfg, gold, langs), gold, docs, facts


def _declared(cfg, gold, langs):
    # a language lingua lacks is declared, as a newsroom would (its script alone cannot tell it)
    lingua_less = {lang for lang in langs if not known_language(lang, detectable=True)}
    return cfg.override({"language_overrides": {f"{n}.txt": lang for n, (_, lang) in gold.items()
                                               if lang in lingua_less}})


def _cache_file(corpus: Path, args) -> Path | None:
    if not args.cache:
        return None
    code = hashlib.sha256(str(corpus.resolve()).encode() + str(args.seed).encode())
    package = Path(__file__).resolve().parent.parent / "audit"
    for f in sorted(package.rglob("*")):
        if f.is_file() and "group" not in f.relative_to(package).parts[:1] and f.suffix in (".py", ".yaml"):
            code.update(str(f.relative_to(package)).encode() + f.read_bytes())
    return Path(args.cache) / f"{corpus.name}-{code.hexdigest()[:16]}.pickle"


def measure(corpus: Path, args) -> None:
    only = set(args.only or MEASUREMENTS)
    started = time.perf_counter()
    cfg, gold, docs, facts = _read(corpus, args)
    read = time.perf_counter() - started
    langs = sorted({lang for _, lang in gold.values()})
    sums = {d.id: summary(d, facts[d.id]) for d in docs}
    started = time.perf_counter()
    groups = group_signatures([sums[d.id] for d in docs], cfg)
    took = time.perf_counter() - started
    p, r, f1 = pairwise(groups, gold)
    wrong_lang = sum(1 for d in docs if d.language != gold[d.id][1])
    singles = sum(1 for g in groups if len(g.documents) == 1)
    articles = len({a for a, _ in gold.values()})
    print(f"{corpus.name}: {len(docs)} documents, {articles} articles, {len(langs)} languages "
          f"(read+extract {read:.1f} s, grouping {took:.2f} s)")
    if "grouping" in only:
        print(f"  grouping: {len(groups)} groups, {singles} singletons; pairwise precision {p:.3f} recall {r:.3f} "
              f"F1 {f1:.3f}; language detected wrong for {wrong_lang} documents")
    by_id = {d.id: d for d in docs}
    mates: dict[str, set[str]] = {}
    for d, (article, _) in gold.items():
        mates.setdefault(article, set()).add(d)
    if "edits" in only:
        _edits(partition(groups), sums, docs, facts, cfg, args, gold)
    if "targeted" in only:
        _targeted(partition(groups), sums, docs, cfg, args, gold)
    if "partials" in only:
        _partials(sums, docs, facts, gold, mates, cfg, args)
    if "homeless" in only:
        _homeless(sums, docs, cfg, args, gold)
    if "misfiled" in only:
        rng = random.Random(f"{args.seed}-misfiled")
        article_of = {d: a for d, (a, _) in gold.items()}
        clean = _misfiled(sums, docs, article_of, cfg)
        caught, tried = 0, 0
        names = sorted(mates)
        for _ in range(args.misfiled):
            d = rng.choice(sorted(by_id))
            lang, home = gold[d][1], gold[d][0]
            away = rng.choice([a for a in names if a != home])
            victim = next((x for x in mates[away] if gold[x][1] == lang), None)
            if victim is None:
                continue
            moved = dict(article_of)
            moved[d] = away
            del moved[victim]
            tried += 1
            caught += d in _misfiled({k: v for k, v in sums.items() if k != victim},
                                     [x for x in docs if x.id != victim], moved, cfg)
        print(f"  misfiled files: {caught} of {tried} moved files flagged; {len(clean)} of {len(docs)} files "
              f"flagged in the clean structure")


def _edits(base, sums, docs, facts, cfg, args, gold) -> None:
    rng = random.Random(f"{args.seed}-edits")
    by_id = {d.id: d for d in docs}
    names_by_lang: dict[str, list[str]] = {}
    for d in docs:
        for pf in facts[d.id]:
            names_by_lang.setdefault(d.language, []).extend(f.text for f in pf.names if f.form == "cased")
    changed, harmful, tried, kinds = 0, 0, 0, ("number", "date", "name")
    attempts = 0
    while tried < args.edits and attempts < args.edits * 20:
        attempts += 1
        kind = kinds[tried % 3]
        d = by_id[rng.choice(sorted(by_id))]
        edited = _edit(d, facts[d.id], kind, rng, names_by_lang)
        if edited is None:
            continue
        tried += 1
        trial = dict(sums)
        trial[d.id] = summary(edited, _facts(edited))
        moved, worse = _regroup(trial, docs, cfg, base, gold, f"a {kind} edit in {d.id}")
        changed, harmful = changed + moved, harmful + worse
    print(f"  single-fact edits (number, date, name in one translation): {changed} of {tried} change a group, "
          f"{harmful} for the worse (a translation parted from its article, or two articles joined)")


def _regroup(trial, docs, cfg, base, gold, what: str) -> tuple[int, int]:
    """Group the edited summaries; (1, whether for the worse) when a group changed, printed,
    else (0, 0)."""
    after = partition(group_signatures([trial[x.id] for x in docs], cfg))
    if after == base:
        return 0, 0
    worse = _worse(base, after, gold)
    was = sorted(" ".join(sorted(g)) for g in base - after)
    now = sorted(" ".join(sorted(g)) for g in after - base)
    print(f"    {what} {'for the worse' if worse else 'joins a lone translation to its own article'}: "
          f"{' | '.join(was)} -> {' | '.join(now)}")
    return 1, int(worse)


def _targeted(base, sums, docs, cfg, args, gold) -> None:
    """The worst single-fact edit for each sampled translation: the anchor of most weight it
    shares with its best-scoring partner of another language is taken out of that partner's
    summary (its name misspelt, its figure changed), and the batch regrouped."""
    from audit.group.score import _Scorer

    rng = random.Random(f"{args.seed}-targeted")
    scorer = _Scorer([sums[d.id] for d in docs], cfg)
    changed = harmful = tried = 0
    for d in rng.sample(sorted(sums), min(args.targeted, len(sums))):
        mates = [m for m in sums if m != d and gold[m][1] != gold[d][1]]
        m = max(mates, key=lambda m: (scorer.score(d, m), m))
        shared = scorer.sigs[d].keys() & scorer.sigs[m].keys()
        if not shared:
            continue
        anchor = max(shared, key=lambda f: (scorer.weight[f], f))
        raw = dict(sums[m][3])
        names = [f for f in raw if f == anchor or f[2:] == anchor[2:]]  # a caseless document's keys are u:/v:
        for f in names:
            del raw[f]
        trial = dict(sums)
        trial[m] = sums[m][:3] + (raw,) + sums[m][4:]
        tried += 1
        moved, worse = _regroup(trial, docs, cfg, base, gold, f"{anchor} taken out of {m} ({gold[m][1]}), {d}'s closest pair")
        changed, harmful = changed + moved, harmful + worse
    print(f"  targeted edits (the anchor a translation's closest pair rests on most, changed in the partner): "
          f"{changed} of {tried} change a group, {harmful} for the worse")


def _homeless(sums, docs, cfg, args, gold) -> None:
    """Each sampled translation alone with the other articles' documents of other languages
    (every cluster lacks its language, none is its article): the joins printed and counted."""
    rng = random.Random(f"{args.seed}-homeless")
    ids = sorted(sums)
    joined = tried = 0
    for d in rng.sample(ids, min(args.homeless, len(ids))):
        article, lang = gold[d]
        keep = [x for x in ids if x == d or (gold[x][0] != article and gold[x][1] != lang)]
        mine = next(g.documents for g in group_signatures([sums[x] for x in keep], cfg) if d in g.documents)
        tried += 1
        if len(mine) > 1:
            joined += 1
            print(f"    {d} {lang} {article} joins {_label([m for m in mine if m != d], gold)}")
    print(f"  homeless translations (no article of theirs in the batch): {joined} of {tried} join a group")


def _worse(base, after, gold) -> bool:
    """Whether ``after`` parts two documents of one article that ``base`` kept together, or
    puts together two documents of different articles that ``base`` kept apart."""
    def pairs(part):
        return {(a, b) for g in part for a in g for b in g if a < b}

    before, now = pairs(base), pairs(after)
    parted = any(gold[a][0] == gold[b][0] for a, b in before - now)
    joined = any(gold[a][0] != gold[b][0] for a, b in now - before)
    return parted or joined


def _partials(sums, docs, facts, gold, mates, cfg, args) -> None:
    """Each sampled translation cut to its first third, the batch regrouped; the misses printed."""
    from audit.group.score import _Scorer

    rng = random.Random(f"{args.seed}-partials")
    by_id = {d.id: d for d in docs}
    joined, tried, misses = 0, 0, []
    for d in rng.sample(sorted(by_id), min(args.partials, len(by_id))):
        doc = by_id[d]
        keep = max(1, len(doc.paragraphs) // 3)
        cut = replace(doc, paragraphs=doc.paragraphs[:keep])
        trial = dict(sums)
        trial[d] = summary(cut, facts[d][:keep])
        got = group_signatures([trial[x.id] for x in docs], cfg)
        mine = next(set(g.documents) for g in got if d in g.documents)
        right = mates[gold[d][0]]
        tried += 1
        if mine == right or (len(mine) > 1 and mine <= right):
            joined += 1
            continue
        scorer = _Scorer([trial[x.id] for x in docs], cfg)
        rows = []
        for g in got:
            others = [m for m in g.documents if m != d]
            if not others:
                continue
            pairs = sorted((scorer.score(d, m) for m in others), reverse=True)
            better = pairs[:max(1, (len(pairs) + 1) // 2)]
            rows.append((sum(better) / len(better), max(pairs), _label(others, gold), set(others) <= right))
        rows.sort(key=lambda row: (-row[0], row[2]))
        best = next((row for row in rows if not row[3]), None)
        home = max((row for row in rows if row[3]), default=None, key=lambda row: (row[1], row[0]))
        placed = _label([m for m in mine if m != d], gold) if len(mine) > 1 else "alone"
        misses.append(f"    {d} {gold[d][1]} {gold[d][0]}: kept {keep} of {len(doc.paragraphs)} paragraphs, "
                      f"{len(trial[d][3])} anchors; in {placed}; best other {_row(best)}; right {_row(home)}")
    print(f"  partial translations (first third): {joined} of {tried} join their article ({joined / tried:.0%})")
    for line in misses:
        print(line)


def _label(docs, gold) -> str:
    """A group named by its members' articles (the most common first) and its size."""
    counts = Counter(gold[m][0] for m in docs)
    return "+".join(a for a, _ in counts.most_common(2)) + f" ({len(docs)})"


def _row(row) -> str:
    return "none" if row is None else f"{row[2]} {row[0]:.3f} (best pair {row[1]:.3f})"


def _misfiled(sums, docs, articles, cfg) -> set[str]:
    """Documents misfiled-translation flags when ``articles`` declares the structure."""
    from audit.checks.base import GroupContext
    from audit.checks.misfiled_translation import MisfiledTranslation

    by_id = {d.id: d for d in docs}
    groups = group_signatures([sums[d.id] for d in docs], cfg, articles=articles)
    out = set()
    for g in groups:
        ctx = GroupContext(g, {d: by_id[d] for d in g.documents}, None, {}, 0.5)
        out |= {d for f in MisfiledTranslation().run(ctx) for d in f.documents}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default=str(CORPORA))
    parser.add_argument("--corpus", action="append", help="ntrex-dev, tico19 (default: both)")
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--targeted", type=int, default=100)
    parser.add_argument("--partials", type=int, default=100)
    parser.add_argument("--misfiled", type=int, default=100)
    parser.add_argument("--homeless", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", action="append", choices=MEASUREMENTS,
                        help="run only these measurements (repeatable; default: all)")
    parser.add_argument("--cache", help="a folder keeping the read documents and facts between runs")
    args = parser.parse_args()
    for name in args.corpus or ["ntrex-dev", "tico19"]:
        measure(Path(args.corpora) / name, args)


if __name__ == "__main__":
    main()
