"""The local engine: a process pool on this machine.

Workers keep each document and its facts in the run's hold directory (a
temporary directory, written and read back by the workers in parallel) and
send the parent only the document and its grouping signature; a group's task
names its documents' files, and the handle of a document is its file's number.
Each stage gets a pool of its own (the checking workers do not carry the
reading workers' language models), and the config travels once per worker, not
with every task. A batch too small for a pool to pay off runs inline.
"""
from __future__ import annotations

import copyreg
import os
import pickle
import tempfile
from collections import ChainMap, deque
from dataclasses import fields
from itertools import repeat
from operator import attrgetter

from ..config import Config
from ..errors import AuditError
from ..model import NameFact, ParagraphFacts
from . import closed_error
from .inline import InlineEngine
from .processes import interrupts_deferred, start_reaper, stop_reaper

MIN_ITEMS = 8  # below this a pool costs more than it saves
_CHUNK_MAX = {"reading": 16, "checking": 2}  # tasks per chunk: ~0.5 s of work at most

_worker: dict = {}  # what every task of a pool worker shares: set once per process by _init


class PoolEngine:
    blocker = None

    def __init__(self, config: Config, jobs: int, min_items: int = MIN_ITEMS):
        self.config, self.jobs, self.min_items = config, jobs, min_items
        self._pool = None
        self._hold: tempfile.TemporaryDirectory | None = None
        self._inline = InlineEngine(config)  # for batches too small for the pool
        self._next_key = 0  # hold files are numbered across reads: one engine may serve several runs
        self._closed = False
        self._restore_sigterm = None
        self._reaper = None  # removes the hold directory if this process is killed between stages

    @property
    def forks(self) -> bool:
        """Whether the workers are forked from this process, so share what it has loaded."""
        import multiprocessing
        import sys

        method = multiprocessing.get_start_method(allow_none=True)
        return method == "fork" or (method is None and sys.platform.startswith("linux") and sys.version_info < (3, 14))

    def __enter__(self) -> "PoolEngine":
        return self

    def __exit__(self, exc_type, *rest) -> None:
        self.close(abort=exc_type is not None)

    def read(self, task, files, progress=None) -> list[tuple]:
        if len(files) < self.min_items:
            return self._inline.read(task, files, progress)
        self._start()
        keys = range(self._next_key, self._next_key + len(files))
        self._next_key += len(files)
        out = self._map(_read_and_hold, [(task, key, *file) for key, file in zip(keys, files)],
                        progress, "reading")
        return [(doc, signature, None if signature is None else key) for key, (doc, signature) in zip(keys, out)]

    def run_groups(self, task, groups, progress=None) -> list:
        if not any(isinstance(key, int) for _, keys in groups for key in keys):  # a batch read inline
            return self._inline.run_groups(task, groups, progress)
        return self._map(_audit_held, [(task, group, list(keys)) for group, keys in groups], progress, "checking")

    def facts(self, handle) -> list:
        if not isinstance(handle, int):
            return self._inline.facts(handle)
        if self._hold is None:
            raise closed_error("process pool")
        return _load(self._hold.name, handle)[1]

    def _start(self) -> None:
        if self._closed:
            raise closed_error("process pool")
        if self._hold is None:
            try:
                self._hold = tempfile.TemporaryDirectory(prefix="audit-hold-")
            except OSError as exc:
                raise _hold_error(exc, tempfile.gettempdir()) from None
            with interrupts_deferred():  # an interrupt as the reaper starts: still recorded, stopped by close()
                self._reaper = start_reaper(self._hold.name)
            self._restore_sigterm = _exit_on_sigterm()

    def _map(self, fn, items: list, progress, stage: str) -> list:
        """``fn`` over ``items`` in order, in a pool of its own: a stage's workers end with it,
        so reading's caches and language models do not stay in the memory of the checking."""
        from concurrent.futures import ProcessPoolExecutor

        if self._hold is None:
            raise closed_error("process pool")
        total = len(items)
        # small chunks, so that no worker idles while the other ends a long last chunk: a
        # real-size file takes ~30 ms to read and extract, a group ~250 ms to align and check,
        # and a chunk's round trip well under a millisecond
        chunk = max(1, min(_CHUNK_MAX[stage], total // (self.jobs * 8)))
        out = []
        try:
            with interrupts_deferred():  # the pool forks its workers while the tasks are submitted
                self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init,
                                                 initargs=(self.config, self._hold.name, os.getpid()))
                results = self._pool.map(fn, items, chunksize=chunk)
            for k, result in enumerate(results, start=1):
                out.append(result)
                if progress:
                    progress(stage, k, total)
        except BaseException:  # an error, or Ctrl-C: stop the workers now, not after their queue
            self.close(abort=True)
            raise
        self._stop_workers(abort=False)
        return out

    def close(self, abort: bool = False) -> None:
        """Stop the workers and remove the hold directory (both at most once). A second
        Ctrl-C (or SIGTERM) while this runs is held back until it is done: an interrupted
        close would leave workers, the reaper and the hold directory behind in a process
        that lives on (a notebook)."""
        self._closed = True
        try:
            with interrupts_deferred():
                self._stop_workers(abort)
                hold, self._hold = self._hold, None
                if hold is not None:
                    hold.cleanup()
                reaper, self._reaper = self._reaper, None
                stop_reaper(reaper)
        finally:  # after the deferral, which puts back the handlers it found
            restore, self._restore_sigterm = self._restore_sigterm, None
            if restore is not None:
                restore()

    def _stop_workers(self, abort: bool) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True)
            return
        # ProcessPoolExecutor has no public terminate before Python 3.14
        workers = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)  # shutdown() lets go of it
        pool.shutdown(wait=False, cancel_futures=True)
        for p in workers:
            p.terminate()
        for p in workers:
            p.join(5)
            if p.is_alive():
                p.kill()
        # a worker stopped while sending a result leaves half a message in the result pipe; with
        # this process's copy of its write end closed, the pool's thread reads end-of-file instead
        # of waiting for the rest forever (and this process for that thread, at exit)
        writer = getattr(results, "_writer", None)
        if writer is not None:
            writer.close()


def _exit_on_sigterm():
    """While the pool runs, SIGTERM exits through the ``finally`` blocks (workers stopped,
    hold directory removed) instead of killing this process on the spot. Only where
    nobody else handles SIGTERM (the default handler, in the main thread); returns
    what puts the previous handler back, or None."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return None

    def leave(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, leave)
    return lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _init(config: Config, hold: str, parent_pid: int) -> None:
    from .processes import prepare_worker

    prepare_worker(parent_pid, hold)
    _worker.update(config=config, hold=hold)


def _read_and_hold(item) -> tuple:
    """A read task in a worker: the document and its facts go to the hold directory; the
    parent gets the document and its grouping signature."""
    task, key, *file = item  # file: (path, document id, declared language, identity)
    doc, facts, signature = task(_worker["config"], *file)
    if facts is None:
        return doc, None
    try:
        with open(os.path.join(_worker["hold"], f"{key}.pickle"), "wb") as fh:
            _dump((doc, facts), fh)
    except OSError as exc:
        raise _hold_error(exc, _worker["hold"]) from None
    return doc, signature


def _audit_held(item):
    """A group task in a worker, on its documents and facts from the hold directory."""
    task, group, keys = item
    return task(_worker["config"], group, [_load(_worker["hold"], key) for key in keys])


def _load(hold: str, key: int) -> tuple:
    try:
        with open(os.path.join(hold, f"{key}.pickle"), "rb") as fh:
            return pickle.load(fh)
    except OSError as exc:
        raise _hold_error(exc, hold) from None


# A caseless paragraph has a NameFact per word (220,000 of the 230,000 facts of 200 real-size
# documents): held as one column per field, they are dumped without a Python call per fact and
# built back field by field through the slots, without a Python call per fact either (the
# frozen dataclass's __init__ is most of the cost of loading); equal objects come back
_NAME_FIELDS = tuple(f.name for f in fields(NameFact))
_NAME_COLUMNS = tuple(attrgetter(name) for name in _NAME_FIELDS)
_NAME_SLOTS = tuple(getattr(NameFact, name).__set__ for name in _NAME_FIELDS)  # member descriptors
_NAME_BY_SLOTS = not hasattr(NameFact, "__post_init__")  # __init__ does nothing but set the fields
_NAMES_AT = [f.name for f in fields(ParagraphFacts)].index("names")


def _reduce_paragraph(pf: ParagraphFacts):
    cls, values = pf.__reduce__()  # model.by_fields: (class, field values)
    names = pf.names
    if not names or any(type(f) is not NameFact for f in names):  # a subclass pickles as itself
        return cls, values
    columns = tuple(tuple(map(get, names)) for get in _NAME_COLUMNS)
    return _paragraph_with_names, (values[:_NAMES_AT], columns, values[_NAMES_AT + 1:])


def _paragraph_with_names(before: tuple, columns: tuple, after: tuple) -> ParagraphFacts:
    if not _NAME_BY_SLOTS:
        return ParagraphFacts(*before, tuple(map(NameFact, *columns)), *after)
    names = tuple(map(object.__new__, repeat(NameFact, len(columns[0]))))
    for fill, column in zip(_NAME_SLOTS, columns):
        deque(map(fill, names, column), maxlen=0)
    return ParagraphFacts(*before, names, *after)


_HOLD_REDUCERS = ChainMap({ParagraphFacts: _reduce_paragraph}, copyreg.dispatch_table)  # later registrations too


def _dump(obj, fh) -> None:
    """Pickle ``obj`` (a document and its facts) to ``fh`` as the hold directory keeps it."""
    pickler = pickle.Pickler(fh, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _HOLD_REDUCERS
    pickler.dump(obj)


def _hold_error(exc: OSError, where: str) -> AuditError:
    return AuditError(f"cannot keep the run's extracted facts there ({exc.strerror or exc}); free some space or "
                      "point TMPDIR at a roomier directory", where)
