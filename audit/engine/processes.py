"""How the processes of a run behave: garbage collection tuned for a batch (the parent
and every worker), Ctrl-C left to the parent, workers that die with the parent.

A worker blocked on its task queue never notices that the parent is gone (its
siblings keep the queue's pipe open), so a parent killed by SIGTERM or SIGKILL
would leave it running. On Linux the kernel sends it SIGTERM when the parent
dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a daemon thread watches the
parent's pid. Either way the worker then removes the run's hold directory (the
parent, killed, cannot) and exits.
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

    gc.set_threshold(100_000, 50, 100)  # as the parent's batch_gc: extraction allocates many small objects
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
def batch_gc():
    """Fewer, cheaper garbage collections for a batch run: extraction allocates many small
    objects, and full passes over the long-lived lexicons and language models cost more
    than the work. Objects alive at the start are frozen out of collection for the run;
    the freeze and the thresholds are undone afterwards (a notebook must not leak cycles)."""
    import gc

    old = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*old)
