"""Where per-file and per-group work runs: one interface, three engines.

The pipeline says *what* to do (a read task per file, an audit task per group);
an engine decides *where*:

- :class:`~audit.engine.inline.InlineEngine`: in this process (``jobs: 1``, or
  a batch too small for a pool to pay off);
- :class:`~audit.engine.pool.PoolEngine`: a local process pool; documents and
  facts wait in a hold directory, the parent gets signatures;
- :class:`~audit.engine.dask.DaskEngine`: a Dask cluster; documents and facts
  stay on the worker that read them, as futures.

Every engine gives the same results in the same order, so the report never
depends on the engine. Open one with :func:`open_engine` and use it as a
context manager: leaving it (normally, on an error or on Ctrl-C) stops its
workers and removes what it held.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Callable, Iterator, Protocol

from ..config import Config
from ..errors import AuditError

# task(config, path, doc_id, declared language or None) -> (Document or Skipped, facts or None,
# grouping signature or None)
ReadTask = Callable[..., tuple]  # (config, path, document id, declared language, identity) -> read
# task(config, group, [(Document, facts), ...]) -> anything picklable
GroupTask = Callable[[Config, Any, list], Any]
Progress = Callable[[str, int, int], None]


class Engine(Protocol):
    """What the pipeline asks of an engine."""

    config: Config  # what every task gets (sent to each worker once)
    blocker: Callable | None  # grouping's candidate-pair finder; None: the local inverted index

    def read(self, task: ReadTask, files: list[tuple],
             progress: Progress | None = None) -> list[tuple]:
        """``task`` on each (path, document id, declared language, identity discovery recorded or None),
        in order: (Document or Skipped, signature
        or None, handle or None) per file. The engine keeps each document and its facts;
        the handle names them."""

    def run_groups(self, task: GroupTask, groups: list[tuple[Any, list]], progress: Progress | None = None) -> list:
        """``task`` on each (group, its documents' handles), in order."""

    def facts(self, handle) -> list:
        """The facts (ParagraphFacts per paragraph) a handle names, while the engine is open."""

    def __enter__(self) -> "Engine": ...

    def __exit__(self, *exc) -> None: ...


def open_engine(config: Config) -> Engine:
    """The engine the config asks for (``engine``, ``jobs``, ``scheduler``); not started yet."""
    jobs = worker_count(config)
    if config.engine == "dask":
        from .dask import DaskEngine

        return DaskEngine(config, jobs)
    if jobs > 1:
        from .pool import PoolEngine

        return PoolEngine(config, jobs)
    from .inline import InlineEngine

    return InlineEngine(config)


def worker_count(config: Config) -> int:
    jobs = config.jobs
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


class HeldFacts(Mapping):
    """Document id -> its facts, read through the engine's handles when asked for.

    What ``Report.facts`` is: the same mapping whatever the engine, without
    bringing every document's facts into this process at once. Readable while the
    engine is open (always, for the inline engine, which holds them here).
    """

    def __init__(self, engine: Engine, handles: dict[str, Any]):
        self._engine, self._handles = engine, handles

    def __getitem__(self, doc_id: str) -> list:
        return self._engine.facts(self._handles[doc_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._handles)

    def __len__(self) -> int:
        return len(self._handles)

    def __repr__(self) -> str:
        return f"HeldFacts({len(self)} documents on {type(self._engine).__name__})"


def closed_error(engine: str) -> AuditError:
    return AuditError(f"the {engine} that held the run's facts has closed; read report.facts inside "
                      "'with audit.open_engine(config) as engine:' and pass engine=engine to audit.run", "report")


__all__ = ["Engine", "HeldFacts", "open_engine", "worker_count"]
