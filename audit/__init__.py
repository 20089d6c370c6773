"""audit: a translation-consistency auditor.

>>> import audit
>>> report = audit.run(["inputs"], audit.load_config("config.yaml"))
>>> [f.check for f in report.findings]
"""
from __future__ import annotations

from .meta import __version__
from .config import Config, load_config  # noqa: E402
from .errors import AuditError  # noqa: E402


def run(paths, config=None, progress=None, timings=None, reviews=None, engine=None, follow_symlinks=False):
    """Audit the files under ``paths`` and return a :class:`~audit.model.Report`.

    ``progress(stage, done, total)`` is called as work completes; ``timings``, a
    dict, receives stage -> (wall seconds, CPU seconds). ``reviews`` (fingerprint
    -> decision) defaults to the config's reviews file. ``follow_symlinks`` reads
    symlinked inputs whose target lies outside the paths given. ``engine``, from
    :func:`open_engine`, keeps the report's facts readable after the run:

    >>> with audit.open_engine(config) as engine:
    ...     report = audit.run(["inputs"], config, engine=engine)
    ...     report.facts["000_..."]
    """
    from .config import as_config
    from .pipeline import run as _run

    config = as_config(config)  # a Config, a mapping shaped as config.yaml, a config file's path, or the defaults
    if reviews is None:
        from .review import load, reviews_path

        reviews = load(reviews_path(config))
    return _run(paths, config, reviews=reviews, engine=engine, progress=progress, timings=timings,
                follow_symlinks=follow_symlinks)


def open_engine(config):
    """The engine ``config`` asks for (inline, local pool or Dask), as a context manager."""
    from .config import as_config
    from .engine import open_engine as _open

    return _open(as_config(config))


__all__ = ["AuditError", "Config", "load_config", "open_engine", "run", "__version__"]
