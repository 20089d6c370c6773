"""The inline engine: every task in this process, one after the other."""
from __future__ import annotations

from ..config import Config


class InlineEngine:
    """Documents and facts stay in this process; a handle is the (document, facts) pair itself."""

    blocker = None

    def __init__(self, config: Config):
        self.config = config

    def __enter__(self) -> "InlineEngine":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def read(self, task, files, progress=None) -> list[tuple]:
        out = []
        for k, file in enumerate(files, start=1):
            doc, facts, signature = task(self.config, *file)
            out.append((doc, signature, None if facts is None else (doc, facts)))
            if progress:
                progress("reading", k, len(files))
        return out

    def run_groups(self, task, groups, progress=None) -> list:
        out = []
        for k, (group, handles) in enumerate(groups, start=1):
            out.append(task(self.config, group, list(handles)))
            if progress:
                progress("checking", k, len(groups))
        return out

    def facts(self, handle) -> list:
        return handle[1]
