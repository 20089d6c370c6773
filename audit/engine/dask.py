"""The Dask engine: per-file and per-group work on a Dask cluster.

Each document and its facts stay on the worker that read it, as a future (the
handle); the client receives the document and its grouping signature, never
the facts, and a group's task gets its documents' futures, which Dask moves
worker to worker. On a cluster given with ``scheduler``, candidate pairs for
grouping come from tasks over the blocks, dealt to workers by a hash of the
blocking key (on the run's own cluster, from the local index). With ``scheduler`` set
the engine connects to that cluster (whose workers must see the input paths);
without it, it starts a local cluster of ``jobs`` worker processes for the run
and stops it afterwards.
"""
from __future__ import annotations

import os
from dataclasses import replace

from ..config import Config
from ..errors import AuditError
from . import closed_error


# The run's own local cluster without the monitoring a long-lived cluster wants: each worker's
# statistical profiler samples its task's stack every 10 ms, and every process's event loop
# ticks every 20 ms and polls its system load every 500 ms. On 200 real-size documents and two
# workers they took a third of the run's CPU (41.7-46.9 s against 28.6-31.1 s, the same findings).
# The memory monitor keeps its 100 ms: spilling and pausing a worker must not come late.
_QUIET = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "500ms",
          "distributed.admin.system-monitor.interval": "5s", "distributed.admin.system-monitor.gil.enabled": False}


class DaskEngine:
    def __init__(self, config: Config, jobs: int):
        self.config, self.jobs = config, jobs
        self.client = self._cluster = self._shared = None
        self._closed = False

    def __enter__(self) -> "DaskEngine":
        return self  # the cluster starts with the first task, so that a usage error starts none

    def _start(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise AuditError("engine dask needs the dask extra: pip install 'audit[dask]'", "config") from None
        try:
            if self.config.scheduler:
                _reachable(self.config.scheduler)
                self.client = Client(self.config.scheduler, timeout="10s")
            else:
                import dask

                # the config is read as the cluster and its nannies start; the caller's is left as it was.
                # The scheduler's HTTP server takes a free port (Dask's 8787 may be another cluster's
                # dashboard, and taking it warns), and serves no dashboard.
                with dask.config.set(_QUIET):
                    self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                                 dashboard_address=":0", scheduler_kwargs={"dashboard": False})
                    self.client = Client(self._cluster)
                from ._dask_workers import TunedCollection

                # the run's own workers, and any its nannies restart; a caller's cluster is left as it is
                self.client.register_plugin(TunedCollection())
        except (OSError, TimeoutError) as exc:
            self.close()
            raise AuditError(f"cannot reach the Dask scheduler: {exc}",
                             self.config.scheduler or "local cluster") from None

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._closed = True
        client, cluster, self.client, self._cluster, self._shared = self.client, self._cluster, None, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def read(self, task, files, progress=None) -> list[tuple]:
        if self.client is None and not self._closed:
            self._start()
        client = self._client()
        # the config goes to each worker once, not with every task
        self._shared = client.scatter(self.config, broadcast=True)
        # workers resolve paths from their own working directory: they get absolute ones. A
        # worker may be another machine, whose device numbers are its own: the identity
        # discovery recorded (the trailing item of a file) is not checked there.
        held = client.map(_read, [task] * len(files), [os.path.abspath(p) for p, *_ in files],
                          [d for _, d, *_ in files], [lang for _, _, lang, *_ in files], [p for p, *_ in files],
                          config=self._shared, pure=False)
        heads = _heads(client, held)
        if progress:
            progress("reading", len(files), len(files))
        return [(doc, signature, None if signature is None else future)
                for (doc, signature), future in zip(heads, held)]

    def run_groups(self, task, groups, progress=None) -> list:
        client = self._client()
        out = client.gather([client.submit(_audit, task, group, list(futures), self._shared, pure=False)
                             for group, futures in groups])
        if progress:
            progress("checking", len(groups), len(groups))
        return out

    def facts(self, handle) -> list:
        self._client()
        return handle.result()[1]

    @property
    def blocker(self):
        """Grouping's candidate pairs from tasks over the blocks on a cluster given with
        ``scheduler``; on the run's own local cluster, whose workers share this machine's cores,
        the local inverted index here (None), as the local engine does: sending the blocks out
        and their pairs back cost more than expanding them (1,000 real-size documents: the
        grouping stage 3.7 s against 1.2 s of wall on an idle machine, the same pairs)."""
        client = self._client()
        return None if self._cluster is not None else dask_blocks(client)

    def _client(self):
        if self.client is None:
            raise closed_error("Dask client")
        return self.client


def _reachable(address: str) -> None:
    """A refused TCP connection fails at once (the client would retry for its whole timeout)."""
    import socket

    from distributed.comm import parse_address
    from distributed.comm.addressing import parse_host_port

    scheme, location = parse_address(address)
    if scheme != "tcp":
        return
    with socket.create_connection(parse_host_port(location), timeout=5):
        pass


def _read(task, path: str, doc_id: str, declared: str | None, given: str, config: Config) -> tuple:
    """The read task on a worker; the document keeps the path as the user gave it."""
    doc, facts, signature = task(config, path, doc_id, declared)
    return replace(doc, path=given), facts, signature


_HEADS_PER_TASK = 64


def _heads(client, held: list) -> list[tuple]:
    """(document or Skipped, signature) of every read, in order, without the facts: one task
    per worker and 64 reads, run where the reads are held (a task costs client, scheduler
    and worker about 3 ms of CPU in all, more than taking a document's head)."""
    from distributed import wait

    wait(held)
    who = client.who_has(held)  # one round trip for all of them
    where: dict = {}
    for k, future in enumerate(held):
        where.setdefault(min(who.get(future.key) or ("",)), []).append(k)
    tasks = []
    for worker, ks in where.items():
        for i in range(0, len(ks), _HEADS_PER_TASK):
            part = ks[i:i + _HEADS_PER_TASK]
            tasks.append((part, client.submit(_head, *[held[k] for k in part], pure=False,
                                              workers=[worker] if worker else None, allow_other_workers=True)))
    out: list = [None] * len(held)
    for part, got in zip((p for p, _ in tasks), client.gather([t for _, t in tasks])):
        for k, head in zip(part, got):
            out[k] = head
    return out


def _head(*reads: tuple) -> list[tuple]:
    """(document or Skipped, grouping signature or None) of each read: what the client receives of a read file."""
    return [(doc, signature) for doc, _, signature in reads]


def _audit(task, group, held: list, config: Config):
    return task(config, group, [(doc, facts) for doc, facts, _ in held])


def dask_blocks(client):
    """A ``blocker`` for grouping: the blocks (the documents that share a blocking key) are
    dealt into buckets by a hash of the key, so that each block lands whole on one worker,
    which expands its buckets into candidate pairs. Gives the same pairs as
    ``group.local_blocks``. Plain tasks over lists: a dataframe shuffle did the same but
    imported pandas and dask.dataframe in the client and every worker, and cost the
    client more than the pairs themselves."""
    def blocker(keys: dict[str, list[str]], lang: dict[str, str], cap: int, max_per_language: int) -> set:
        import zlib

        workers = max(1, len(client.scheduler_info().get("workers", {})))
        n = 4 * workers
        blocks: dict[str, list[str]] = {}
        for d, mine in keys.items():
            for k in mine:
                blocks.setdefault(k, []).append(d)
        buckets: list[list[list[str]]] = [[] for _ in range(n)]
        for k, docs in blocks.items():
            if len(docs) > 1:  # a key one document holds pairs nothing
                buckets[zlib.crc32(k.encode("utf-8", "surrogatepass")) % n].append(docs)
        buckets = [b for b in buckets if b]
        if not buckets:
            return set()
        shared = client.scatter([lang], broadcast=True)[0]  # once per worker, not per bucket (a list: a
        # dict given alone is scattered value by value)
        parts = client.gather(client.map(_bucket_pairs, buckets, lang=shared, cap=cap,
                                         max_per_language=max_per_language, pure=False))
        return set().union(*parts)

    return blocker


def _bucket_pairs(blocks: list[list[str]], lang: dict[str, str], cap: int, max_per_language: int) -> set:
    """The candidate pairs of every block of one bucket."""
    from ..group.cluster import block_pairs

    out: set = set()
    for docs in blocks:
        out |= block_pairs(docs, lang, cap, max_per_language)
    return out
