"""How the processes of a run behave: garbage collection tuned for a batch (the parent
and every worker), Ctrl-C left to the parent, workers that die with the parent.

A worker blocked on its task queue never notices that the parent is gone (its
siblings keep the queue's pipe open), so a parent killed by SIGTERM or SIGKILL
would leave it running. On Linux the kernel sends it SIGTERM when the parent
dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread watches the
parent's pid. Either way the worker then removes the run's hold directory (the
parent, killed, cannot) and exits. Between two stages no worker is alive, so a
small reaper process, started with the hold directory, removes it when the parent
ends in any way (its pipe from the parent reads end-of-file).

Ctrl-C and SIGTERM are held back while the parent forks (:func:`interrupts_deferred`). Python
ignores an exception raised inside its own after-fork handlers, so an interrupt
there was lost; one raised just after a fork, before the pool recorded the new
worker, left a worker nobody stopped, and the parent then waited for it forever
at exit.
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
import time
from contextlib import contextmanager

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def prepare_worker(parent_pid: int, hold: str | None = None) -> None:
    import gc

    gc.set_threshold(*BATCH_THRESHOLDS)  # as the parent's batch_gc: extraction allocates many small objects
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    # not the parent's handler: terminate() (the parent aborting) or the parent's death ends a worker
    signal.signal(signal.SIGTERM, lambda *_: _exit_removing(hold))
    die_with_parent(parent_pid, hold)


def die_with_parent(parent_pid: int, hold: str | None = None) -> None:
    if not _death_signal():
        threading.Thread(target=_watch, args=(parent_pid, hold), daemon=True, name="audit-parent-watch").start()
    if os.getppid() != parent_pid:  # the parent died before the death signal was armed
        _exit_removing(hold)


def _exit_removing(hold: str | None) -> None:
    """End this worker; the hold directory goes with it (a sibling may have removed it already)."""
    if hold:
        shutil.rmtree(hold, ignore_errors=True)
    os._exit(1)


def start_reaper(hold: str) -> tuple[int, int] | None:
    """A child process that removes ``hold`` once this process and its workers are gone,
    even killed with SIGKILL: it waits for end-of-file on a pipe whose write end only they
    hold. Returns what :func:`stop_reaper` takes; None where processes cannot fork."""
    if not hasattr(os, "fork"):
        return None
    with interrupts_deferred():  # an interrupt between the fork and the return would lose the reaper
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            _reap(hold, read_end, write_end)  # never returns
        os.close(read_end)
    return pid, write_end


def _reap(hold: str, read_end: int, write_end: int) -> None:
    """The reaper: nothing but a read and a removal, then out without the parent's exit handlers."""
    try:
        os.close(write_end)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # so is SIGTERM; the pipe says when it is over
        while os.read(read_end, 1):
            pass
        shutil.rmtree(hold, ignore_errors=True)
    finally:
        os._exit(0)


def stop_reaper(reaper: tuple[int, int] | None) -> None:
    """The run removed its hold directory itself: let the reaper go (it exits on the closed pipe)."""
    if reaper is None:
        return
    pid, write_end = reaper
    os.close(write_end)
    for _ in range(100):  # at most a second; a reaper still waiting on a straggler ends with it
        try:
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
        except ChildProcessError:
            return
        time.sleep(0.01)


def _death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent_pid: int, hold: str | None) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    _exit_removing(hold)


@contextmanager
def interrupts_deferred():
    """Ctrl-C and SIGTERM held back until the block ends, then handled as they would have
    been: for the forks of a pool or a reaper. Python ignores an exception raised inside its
    after-fork handlers, and one raised between a fork and its bookkeeping leaves a process
    nobody stops. Only in the main thread (where Python runs signal handlers) and for a
    signal whose handler is Python's, not SIG_IGN or SIG_DFL (SIGTERM's default kills the
    process outright, and the reaper and the workers' death signal clean up after it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: dict[int, object] = {}  # signal -> frame of its first arrival, in arrival order
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(signum)
        if callable(handler):
            previous[signum] = handler
            signal.signal(signum, lambda signum, frame: pending.setdefault(signum, frame))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum, frame in pending.items():
            previous[signum](signum, frame)


BATCH_THRESHOLDS = (100_000, 50, 100)  # gc.set_threshold's, for the work of a batch


@contextmanager
def batch_gc():
    """Fewer, cheaper garbage collections for a batch run: extraction allocates many small
    objects, and full passes over the long-lived lexicons and language models cost more
    than the work. Objects alive at the start are frozen out of collection for the run;
    the freeze and the thresholds are undone afterwards (a notebook must not leak cycles)."""
    import gc

    gc.collect()
    gc.freeze()
    try:
        with batch_thresholds():
            yield
    finally:
        gc.unfreeze()


@contextmanager
def batch_thresholds():
    """The batch's collection thresholds for the block, then the previous ones again: for work
    that allocates many small objects while a large report is alive. The command line runs a
    whole command so: writing the reports under Python's defaults ran collections over every
    document, link and finding again and again (0.65 of the 5 CPU s of writing them at 1,000
    real-size documents, 0.05 under these), and once ``batch_gc`` ended, the defaults' first
    collections walked the run's young objects, and in a large batch all of them."""
    import gc

    old = gc.get_threshold()
    gc.set_threshold(*BATCH_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*old)
