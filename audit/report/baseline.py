"""Baselines: the findings CI already knows about, so it fails on new ones only."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import AuditError
from ..model import Report
from .atomic import write_atomic

SCHEMA_VERSION = 1


def _entry(f, lang) -> dict:
    return {
        "fingerprint": f.fingerprint, "check": f.check, "group": f.group,
        "languages": sorted({lang[loc.document] for loc in f.locations}),
        "excerpt": next((loc.evidence for loc in f.locations if loc.evidence), "")[:80],
    }


def _render(entries: list[dict]) -> bytes:
    entries = sorted(entries, key=lambda e: (e["check"], e["fingerprint"]))
    return (json.dumps({"version": SCHEMA_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n").encode()


def render(report: Report) -> bytes:
    lang = {d.id: d.language for d in report.documents}
    return _render([_entry(f, lang) for f in report.findings])


def write(report: Report, path: str | Path) -> None:
    write_atomic(path, render(report))


def write_subset(report: Report, path: str | Path, keep: set[str], old: list[dict]) -> None:
    """The baseline shrunk to ``keep``: entries as they were, so a review diff shows only removals."""
    write_atomic(path, _render([e for e in old if e.get("fingerprint") in keep]))


def entries(path: str | Path) -> list[dict]:
    """The baseline's entries as written (validated as ``load`` does)."""
    return _read(path)


def load(path: str | Path) -> set[str]:
    """The fingerprints of a baseline; a missing, unreadable or malformed one is an AuditError
    naming the file and its first bad entry."""
    return {e["fingerprint"] for e in _read(path)}


def _read(path: str | Path) -> list[dict]:
    from ..ingest.files import display
    from ..safeload import load_json

    where = display(path)
    if not Path(path).exists() and not Path(path).is_symlink():
        raise AuditError("baseline file not found (create it with 'audit baseline')", where)
    data = load_json(path, "baseline")
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise AuditError("baseline has no 'findings' list", where)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AuditError(f"baseline 'version' must be a whole number from 1, not {_show(version)}", where)
    if version > SCHEMA_VERSION:
        raise AuditError(f"baseline is from a newer audit (schema {version}); upgrade audit", where)
    for k, e in enumerate(data["findings"]):
        if not isinstance(e, dict):
            raise AuditError(f"baseline entry findings[{k}] must be a mapping, not {_show(e)}", where)
        fp = e.get("fingerprint")
        if not isinstance(fp, str) or not fp.strip() or len(fp) > 200:
            raise AuditError(f"baseline entry findings[{k}]: 'fingerprint' must be a string, not {_show(fp)}", where)
    return data["findings"]


def _show(value) -> str:
    """A value in an error message: its type, and a short repr (never the whole of a huge value)."""
    text = repr(value)
    return f"{type(value).__name__} {text[:40]}{'…' if len(text) > 40 else ''}"
