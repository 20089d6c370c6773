"""audit: a translation-consistency auditor.

>>> import audit
>>> report = audit.run(["inputs"], audit.load_config("config.yaml"))
>>> [f.check for f in report.findings]
"""
from __future__ import annotations

from .meta import __version__  # noqa: E402

from .config import load_config  # noqa: E402
from .errors import AuditError  # noqa: E402


def run(paths, config=None, progress=None, timings=None):
    """Audit the files under ``paths`` and return a :class:`~audit.model.Report`.

    ``progress(stage, done, total)`` is called as work completes; ``timings``, a
    dict, receives stage -> (wall seconds, CPU seconds).
    """
    from .pipeline import run as _run

    return _run(paths, config if config is not None else load_config(), progress=progress, timings=timings)


__all__ = ["AuditError", "load_config", "run", "__version__"]
