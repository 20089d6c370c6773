"""Pool workers that do not outlive the run that started them.

SIGKILL of the parent gives it no chance to stop anything: each worker asks the
kernel (Linux ``PR_SET_PDEATHSIG``) for SIGTERM when its parent dies, and on
that signal removes the run's hold directory and exits. An interrupt of the
parent (SIGINT, KeyboardInterrupt) terminates the workers instead of waiting
for their current tasks. Elsewhere than Linux the workers notice the lost
parent when they next read a task (``concurrent.futures`` behaviour).
"""
from __future__ import annotations

import os
import shutil
import signal

PR_SET_PDEATHSIG = 1


def _on_parent_death(hold: str):
    def handler(signum, frame):
        if hold:
            shutil.rmtree(hold, ignore_errors=True)
        os._exit(1)
    return handler


def worker_lifeline(hold: str, parent: int | None = None) -> None:
    """In a pool worker: die, removing ``hold``, when the parent process dies."""
    parent = os.getppid() if parent is None else parent
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):
        return
    signal.signal(signal.SIGTERM, _on_parent_death(hold))
    if os.getppid() != parent:  # the parent died before the request took effect
        _on_parent_death(hold)(signal.SIGTERM, None)


def stop_pool(pool) -> None:
    """Terminate a ProcessPoolExecutor's workers now (an interrupt must not wait for their tasks)."""
    import threading
    from concurrent.futures import InvalidStateError

    processes = list((getattr(pool, "_processes", None) or {}).values())
    previous = threading.excepthook

    def quiet(args):
        # the manager thread then fails futures the interrupted map already cancelled (CPython 3.11)
        if not issubclass(args.exc_type, InvalidStateError):
            previous(args)

    threading.excepthook = quiet
    try:
        for p in processes:
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join(timeout=5)
        # with its workers gone the manager thread sees a broken pool and ends: wait for it here,
        # or it writes to a closed wake-up pipe at interpreter exit
        pool.shutdown(wait=True)
    finally:
        threading.excepthook = previous
