"""What the Dask engine installs on the workers of the local cluster it starts for a run
(imported only with the dask extra)."""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class TunedCollection(WorkerPlugin):
    """Garbage collection as in the pool's workers (``processes.prepare_worker``), on every
    worker of the run's own cluster, including one its nanny restarts: a Dask worker holds
    its documents' facts (millions of small objects) for the run, and with Python's default
    thresholds every full collection walks them all; nor does the process walk them as it
    exits. The workers of a cluster the caller gives (``scheduler``) live on after the run
    and are not changed."""

    name = "audit-tuned-collection"
    idempotent = True

    def setup(self, worker) -> None:
        import atexit
        import gc

        from .processes import BATCH_THRESHOLDS

        gc.set_threshold(*BATCH_THRESHOLDS)
        # As the worker process ends, the interpreter's closing collections walk every object it
        # still holds (the facts of its documents, the tables) several times over: 3.5 s of a
        # 3.7 s close of the cluster after 200 real-size documents, under load. Frozen, they are
        # left to the process's end; the exit handlers still run.
        atexit.register(gc.freeze)
