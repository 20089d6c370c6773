"""The stages composed: ingest, extract, group, align, check.

Per-file work (read, decode, detect, extract) and per-group work (align,
check) are independent, so with ``jobs`` > 1 they run in a local process pool;
results are gathered in input order, so the report is the same whatever
``jobs`` is. Pool workers keep each document and its facts in the run's hold
directory and send the parent only the document and its grouping signature;
a group's task names its documents' files. On Dask (``engine: dask``) they
stay on the worker that read them, as futures.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import __version__
from .config import config_hash
from .errors import AuditError
from .model import Document, Finding, Report, Skipped

_POOL_MIN_ITEMS = 8  # below this a pool costs more than it saves


class _Clock:
    """Wall and CPU seconds per stage (CPU includes finished worker processes)."""

    def __init__(self, sink: dict | None):
        self.sink = sink
        self.stage = None

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


def run(paths, config: dict, progress=None, timings: dict | None = None) -> Report:
    """The whole audit. ``timings``, if given, receives stage -> (wall s, CPU s)."""
    from .ingest import discover, unique_ids

    clock = _Clock(timings)
    clock("read+extract")
    refused: list[Skipped] = []  # inputs discovery does not read (FIFOs, symlinks leading outside, ...)
    files = discover(paths, config.get("_follow_symlinks", False), refused)
    ids = unique_ids(files)
    jobs = _jobs(config)
    pooled = jobs > 1 and len(files) >= _POOL_MIN_ITEMS and config.get("engine", "local") != "dask"
    with batch_gc(), _engine(config, jobs) as engine, _hold(pooled) as hold:
        return _run(files, ids, config, jobs, engine, progress, clock, hold, refused)


@contextmanager
def _hold(pooled: bool):
    """The run's hold directory (removed afterwards) when a local pool does the work, else None."""
    if not pooled:
        yield None
        return
    try:
        hold = tempfile.TemporaryDirectory(prefix="audit-hold-")
    except OSError as exc:
        raise _hold_error(exc) from None
    with hold as path:
        yield path


@contextmanager
def batch_gc():
    """Fewer, cheaper garbage collections for a batch run.

    Extraction allocates many small objects; with the default thresholds the
    collector's full passes over the long-lived lexicons and language models
    cost more than the work (a 10 KB paragraph: 30 ms at worst instead of 100).
    Objects alive at the start are frozen out of collection for the run; both
    the freeze and the thresholds are undone afterwards.
    """
    import gc

    old = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.unfreeze()  # back to normal collection: a long-lived caller (a notebook) must not leak cycles
        gc.set_threshold(*old)


class _Worker:
    """What every task of a pool worker shares: set once per process, not sent per task."""

    config: dict = {}
    hold: str = ""


def _worker_init(config: dict, hold: str, parent: int | None = None) -> None:
    import gc

    from .lifeline import worker_lifeline

    worker_lifeline(hold, parent)  # SIGKILL of the parent: the worker stops and the hold directory goes
    gc.set_threshold(100_000, 50, 100)
    _Worker.config, _Worker.hold = config, hold


def _run(files, ids, config, jobs, engine, progress, clock, hold, refused=()) -> Report:
    from .group import group_signatures, summary

    # workers read the files themselves, by path
    args = [(str(f), i, config) for f, i in zip(files, ids)]
    pooled = hold is not None
    if pooled:
        # each worker keeps what it extracts in the run's hold directory and sends back
        # only the document and its signature; a group's task names its documents' files
        summaries = _map(_read_and_hold, [(path, i, k) for k, (path, i, _) in enumerate(args)], jobs, progress,
                         "reading", (config, hold))
        facts_of = {doc.id: k for k, (doc, sig) in enumerate(summaries) if sig is not None}
    elif engine is None:
        read = []
        for k, a in enumerate(args, start=1):
            read.append(_read_one(a))
            if progress:
                progress("reading", k, len(args))
        summaries = [(doc, summary(doc, doc_facts) if doc_facts is not None else None) for doc, doc_facts in read]
        facts_of = {doc.id: doc_facts for doc, doc_facts in read if doc_facts is not None}
    else:
        # on Dask each document and its facts stay on the worker that read it; the
        # client receives the document and its grouping signature, never the facts
        shared = engine.scatter(config, broadcast=True)  # the config goes to each worker once, not with every task
        held = engine.map(_read_path, [a[0] for a in args], [a[1] for a in args], config=shared, pure=False)
        summaries = engine.gather(engine.map(_summarise, held, pure=False))
        facts_of = dict(zip(ids, held))
        if progress:
            progress("reading", len(args), len(args))
    documents, skipped, facts, kept = [], list(refused), {}, []
    by_hash: dict[str, str] = {}
    for item, sig in summaries:
        if isinstance(item, Skipped):
            skipped.append(item)
        elif item.sha256 in by_hash:
            skipped.append(Skipped(item.path, f"same content as {by_hash[item.sha256]}: audited once", read=True))
        else:
            by_hash[item.sha256] = item.path
            documents.append(item)
            kept.append(sig)
            facts[item.id] = facts_of[item.id]
    if not documents:
        if len(skipped) == 1:
            raise AuditError(f"{skipped[0].reason} (nothing else to audit)", skipped[0].path)
        reasons = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in skipped[:3])
        more = f"; and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        raise AuditError(f"nothing could be audited ({reasons}{more})")
    from .checks import selected_checks

    checks = selected_checks(config)  # an unknown check name fails before the long part
    clock("group")
    if engine is None:
        groups = group_signatures(kept, config)
    else:
        from .group import dask_blocks

        groups = group_signatures(kept, config, blocker=dask_blocks(engine))
    clock("align+check")
    alignments, findings = [], []
    if pooled:
        results = _map(_audit_stored, [(g, [facts[d] for d in g.documents]) for g in groups], jobs, progress,
                       "checking", (config, hold))
        facts = {}  # in the hold directory; the glossary suggester extracts again what it needs
    elif engine is None:
        by_id = {d.id: d for d in documents}
        results = []
        for k, g in enumerate(groups, start=1):
            results.append(_audit_group((g, {d: by_id[d] for d in g.documents}, {d: facts[d] for d in g.documents},
                                         config)))
            if progress:
                progress("checking", k, len(groups))
    else:
        # each group's task gets its documents' futures: Dask moves them worker to worker
        results = engine.gather([engine.submit(_audit_held, g, [facts[d] for d in g.documents], shared, pure=False)
                                 for g in groups])
        facts = {}  # on the workers; the glossary suggester extracts again what it needs
        if progress:
            progress("checking", len(groups), len(groups))
    for alignment, group_findings in results:
        alignments.append(alignment)
        findings.extend(group_findings)
    clock("fingerprint+review")
    findings = fingerprint(findings)
    signature = {
        "tool": "audit", "version": __version__, "config_hash": config_hash(config),
        "languages": sorted(config["languages"]), "checks": [c.code for c in checks],
        "min_confidence": config["align"]["min_confidence"],
    }
    report = Report(documents, skipped, groups, alignments, findings, signature, facts=facts)
    from .review import apply, load, reviews_path

    report = apply(report, load(reviews_path(config)))
    clock(None)
    return report


def _read_one(args) -> tuple[Document | Skipped, list | None]:
    """One file: read, decode, split, detect, extract. Errors become a Skipped entry."""
    from .extract import extract_document
    from .ingest import display, ingest_file

    path, doc_id, config = args
    try:
        doc = ingest_file(Path(path), config, doc_id)
    except AuditError as exc:
        return Skipped(display(path), exc.detail), None
    return extract_document(doc)


def _read_path(path: str, doc_id: str, config: dict) -> tuple[Document | Skipped, list | None]:
    """``_read_one`` as a Dask task."""
    return _read_one((path, doc_id, config))


def _read_and_hold(args) -> tuple:
    """``_read_one`` in a pool worker: the document and its facts go to the hold
    directory (written and read back by the workers, in parallel); the parent gets
    the document and its grouping signature."""
    from .group import summary

    path, doc_id, key = args
    doc, doc_facts = _read_one((path, doc_id, _Worker.config))
    if doc_facts is None:
        return doc, None
    try:
        with open(os.path.join(_Worker.hold, f"{key}.pickle"), "wb") as fh:
            pickle.dump((doc, doc_facts), fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        raise _hold_error(exc) from None
    return doc, summary(doc, doc_facts)


def _hold_error(exc: OSError) -> AuditError:
    return AuditError(f"cannot keep the run's extracted facts there ({exc.strerror or exc}); free some space or "
                      "point TMPDIR at a roomier directory", _Worker.hold or tempfile.gettempdir())


def _audit_stored(args):
    """``_audit_group`` in a pool worker, on documents and facts from the hold directory."""
    group, keys = args
    held = []
    for key in keys:
        try:
            with open(os.path.join(_Worker.hold, f"{key}.pickle"), "rb") as fh:
                held.append(pickle.load(fh))
        except OSError as exc:
            raise _hold_error(exc) from None
    return _audit_held(group, held, _Worker.config)


def _summarise(read) -> tuple:
    """(document or Skipped, grouping signature or None) of one read file, on its worker."""
    from .group import summary

    doc, doc_facts = read
    return doc, (summary(doc, doc_facts) if doc_facts is not None else None)


def _audit_held(group, held: list, config: dict):
    """``_audit_group`` for the Dask engine: ``held`` is the group's (document, facts) pairs."""
    return _audit_group((group, {doc.id: doc for doc, _ in held}, {doc.id: f for doc, f in held}, config))


def _audit_group(args):
    """One group: align its documents and run every selected check."""
    from .align import align_group
    from .checks import GroupContext, selected_checks

    group, documents, facts, config = args
    alignment = align_group(group, documents, facts, config)
    ctx = GroupContext(group, documents, alignment, facts, config["align"]["min_confidence"], config["glossary"])
    findings = [f for check in selected_checks(config) for f in check.run(ctx)]
    return alignment, findings


@contextmanager
def _engine(config: dict, jobs: int):
    """None for the local engine; a dask.distributed Client for ``engine: dask``.

    With ``scheduler`` set, the client connects to that cluster; without it, a
    local cluster of ``jobs`` worker processes is started for the run.
    """
    if config.get("engine", "local") != "dask":
        yield None
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AuditError("engine dask needs the dask extra: pip install 'audit[dask]'", "config") from None
    cluster = None
    try:
        if config.get("scheduler"):
            client = Client(config["scheduler"], timeout="10s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise AuditError(f"cannot reach the Dask scheduler: {exc}", config.get("scheduler") or "local cluster") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _jobs(config: dict) -> int:
    jobs = config.get("jobs", 1)
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


def _map(fn, items: list, jobs: int, progress, stage: str, initargs: tuple) -> list:
    """``fn`` over ``items`` in order, in a local process pool whose workers get ``initargs``."""
    from concurrent.futures import ProcessPoolExecutor

    total = len(items)
    out = []
    chunk = max(1, min(64, total // (jobs * 8)))
    from .lifeline import stop_pool

    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(*initargs, os.getpid())) as pool:
        try:
            for k, result in enumerate(pool.map(fn, items, chunksize=chunk)):
                out.append(result)
                if progress:
                    progress(stage, k + 1, total)
        except BaseException:
            stop_pool(pool)  # an interrupt or an error: the workers stop now, not after their tasks
            raise
    return out


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
