"""The stages composed: ingest + extract per file, group, align + check per group,
fingerprint, reviews.

This module says what is done; an engine (``audit/engine/``) says where: in this
process, in a local process pool or on a Dask cluster. The engine keeps each
document's facts (in this process, in the pool's hold directory, on the Dask
worker that read it) and hands back a handle; grouping needs only the small
signatures, a group's task gets its documents' handles. Results come back in
input order, so the report is the same whatever the engine and ``jobs``.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from .config import Config, as_config, config_hash
from .engine.processes import batch_gc
from .errors import AuditError
from .meta import __version__
from .model import Finding, Report, Skipped


def run(paths, config: Config, reviews: dict | None = None, engine=None, progress=None,
        timings: dict | None = None, follow_symlinks: bool = False) -> Report:
    """The whole audit. ``reviews``: fingerprint -> editor's decision (``review.load``);
    ``engine``: an engine opened with this config, whose lifetime the caller owns
    (default: the config's, for this run only); ``timings``, if given, receives stage -> (wall s, CPU s);
    ``follow_symlinks``: read symlinked inputs whose target lies outside the input roots too."""
    from .checks import selected_checks
    from .engine import HeldFacts, open_engine
    from .group import group_signatures
    from .layout import plan
    from .review import apply

    config = as_config(config)  # a mapping or a path from a caller of the old API
    if engine is not None and config_hash(engine.config) != config_hash(config):  # where work runs may differ
        raise ValueError("the engine was opened with another config than this run's")
    clock = _Clock(timings)
    clock("read+extract")
    checks = selected_checks(config)  # codes the registry lacks were refused when the Config was made
    refused: list[Skipped] = []  # inputs discovery does not read (FIFOs, symlinks leading outside, ...)
    layout = plan(paths, config, follow_symlinks, refused)  # ids, declared articles, languages
    declared = layout.declared_languages()
    with batch_gc(), (nullcontext(engine) if engine is not None else open_engine(config)) as engine:
        read = engine.read(read_file, [(str(f), i, declared.get(str(f)), layout.identities.get(str(f)))
                                       for f, i in zip(layout.files, layout.ids)], progress)
        documents, skipped, signatures, handles = _distinct(read, refused)
        clock("group")
        groups = group_signatures(signatures, config, blocker=engine.blocker, articles=layout.articles)
        clock("align+check")
        if getattr(engine, "forks", False):
            share_tables({doc.language for doc in documents})
        results = engine.run_groups(audit_group, [(g, [handles[d] for d in g.documents]) for g in groups], progress)
        clock("fingerprint+review")
        findings = fingerprint([f for _, group_findings in results for f in group_findings])
        signature = {
            "tool": "audit", "version": __version__, "config_hash": config_hash(config),
            "languages": sorted(config.languages), "checks": [c.code for c in checks],
            "min_confidence": config.align.min_confidence,
        }
        report = Report(documents, skipped, groups, [a for a, _ in results], findings, signature,
                        facts=HeldFacts(engine, handles))
        report = apply(report, reviews or {})
    clock(None)
    return report


def read_file(config: Config, path: str, doc_id: str, declared: str | None = None,
              identity: tuple[int, int] | None = None) -> tuple:
    """One file: read, decode, split, detect, extract -> (document, facts, grouping
    signature). An input error becomes (Skipped, None, None); so does a file that is
    no longer the one discovery approved (``identity``)."""
    from .extract import extract_document
    from .group import summary
    from .ingest import display, ingest_file

    try:
        doc = ingest_file(Path(path), config, doc_id, declared, identity)
    except AuditError as exc:
        return Skipped(display(path), exc.detail), None, None
    doc, facts = extract_document(doc)  # past the per-paragraph budget a paragraph's facts are a note
    return doc, facts, summary(doc, facts)


def audit_group(config: Config, group, held: list) -> tuple:
    """One group: align its documents and run every selected check -> (alignment, findings)."""
    from .align import align_group
    from .checks import GroupContext, selected_checks

    documents, facts = {doc.id: doc for doc, _ in held}, {doc.id: f for doc, f in held}
    alignment = align_group(group, documents, facts, config)
    ctx = GroupContext(group, documents, alignment, facts, config.align.min_confidence, config.glossary,
                       config.names.vote)
    return alignment, [f for check in selected_checks(config) for f in check.run(ctx)]


def share_tables(languages) -> None:
    """Load here, before a pool forks its checking workers, the per-language tables each of
    them would otherwise load for itself (wordfreq's frequencies, also of names.yaml's
    ``loanword_language``; the number lexicons; CLDR's country names: about 1.3 s of CPU
    for five languages): forked workers share the pages. Frozen out of garbage collection,
    so that the workers' collections do not touch (and copy) them. A table that cannot
    load here fails in the worker as it did before."""
    import gc

    from wordfreq import available_languages, get_frequency_dict, zipf_frequency

    from .extract.labels import _country_table
    from .extract.numwords import lexicon
    from .extract.text import load_data

    for lang in sorted(languages):
        for load in (lexicon, _country_table):
            try:
                load(lang)
            except Exception:  # noqa: BLE001 - see above
                pass
    loanwords = load_data("names.yaml").get("loanword_language")  # the name checks ask its frequencies too
    frequent = available_languages()
    for lang in sorted(set(languages) | ({loanwords} if isinstance(loanwords, str) else set())):
        if lang in frequent:
            try:
                get_frequency_dict(lang, "best")  # what zipf_frequency(word, lang) reads
                zipf_frequency("a", lang)  # and the language's tokeniser
            except Exception:  # noqa: BLE001 - a tokeniser wordfreq needs from elsewhere (jieba, mecab)
                pass
    gc.freeze()


def _distinct(read: list[tuple], refused: list[Skipped]) -> tuple[list, list, list, dict]:
    """Documents (a file whose content another has already given is skipped), skipped
    files (``refused`` by discovery first), grouping signatures, and document id -> handle."""
    documents, skipped, signatures, handles = [], list(refused), [], {}
    by_hash: dict[str, str] = {}
    for doc, signature, handle in read:
        if isinstance(doc, Skipped):
            skipped.append(doc)
        elif doc.sha256 in by_hash:
            skipped.append(Skipped(doc.path, f"same content as {by_hash[doc.sha256]}: audited once", read=True))
        else:
            by_hash[doc.sha256] = doc.path
            documents.append(doc)
            signatures.append(signature)
            handles[doc.id] = handle
    if not documents:
        if len(skipped) == 1:
            raise AuditError(f"{skipped[0].reason} (nothing else to audit)", skipped[0].path)
        reasons = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in skipped[:3])
        more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        raise AuditError(f"nothing could be audited ({reasons}{more})")
    return documents, skipped, signatures, handles


def fingerprint(findings: list[Finding]) -> list[Finding]:
    """Stable ids: what the finding is about, never where (line numbers move)."""
    seen: Counter = Counter()
    out = []
    ordered = sorted(findings, key=lambda f: (f.check, f.documents, f.subject,
                                              [(loc.document, loc.line) for loc in f.locations]))
    for f in ordered:
        key = (f.check, f.documents, f.subject)
        seen[key] += 1
        blob = "|".join([f.check, ",".join(f.documents), f.subject, str(seen[key])])
        out.append(replace(f, fingerprint=hashlib.sha256(blob.encode()).hexdigest()[:16]))
    return sorted(out, key=lambda f: (f.group, f.locations[0].document, f.locations[0].line, f.check, f.fingerprint))


class _Clock:
    """Wall and CPU seconds per stage (CPU includes finished worker processes)."""

    def __init__(self, sink: dict | None):
        self.sink, self.stage = sink, None

    def __call__(self, stage: str | None) -> None:
        if self.sink is None:
            return
        import resource
        import time

        now = (time.perf_counter(), time.process_time() + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime)
        if self.stage is not None:
            wall, cpu = self.sink.get(self.stage, (0.0, 0.0))
            self.sink[self.stage] = (wall + now[0] - self.started[0], cpu + now[1] - self.started[1])
        self.stage, self.started = stage, now
