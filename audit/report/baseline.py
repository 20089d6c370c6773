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
        "flagged": sorted({loc.document for loc in f.locations if loc.role == "flagged"}),
        "excerpt": next((loc.evidence for loc in f.locations if loc.evidence), "")[:80],
    }


def _described(e: dict) -> tuple | None:
    """What an entry says of its finding besides the fingerprint: check, group, the flagged
    documents (the languages in a baseline written before they were kept) and the excerpt.
    None when the entry lacks any of it (a hand-made baseline of fingerprints only)."""
    where = e.get("flagged", e.get("languages"))
    if not all(isinstance(e.get(k), str) for k in ("check", "group", "excerpt")) or not isinstance(where, list):
        return None
    return e["check"], e["group"], "flagged" in e, tuple(map(str, where)), e["excerpt"]


def match(report: Report, old: list[dict]) -> dict[str, str]:
    """The findings of ``report`` the baseline ``old`` knows: finding fingerprint -> the
    fingerprint of the entry that knows it. A finding is known by its fingerprint, or else by
    what its entry says of it (check, group, flagged documents, excerpt), one entry for one
    finding: a new version of audit that reads a name's key another way gives a discrepancy
    a new fingerprint, and CI must not take it for a new one."""
    lang = {d.id: d.language for d in report.documents}
    fingerprints = {e["fingerprint"] for e in old}
    known = {f.fingerprint: f.fingerprint for f in report.findings if f.fingerprint in fingerprints}
    free: dict[tuple, list[str]] = {}
    for e in old:
        described = _described(e)
        if e["fingerprint"] not in known and described is not None:
            free.setdefault(described, []).append(e["fingerprint"])
    for f in report.findings:
        if f.fingerprint in known:
            continue
        for key in _descriptions(_entry(f, lang)):
            if free.get(key):
                known[f.fingerprint] = free[key].pop(0)
                break
    return known


def _descriptions(mine: dict) -> list[tuple]:
    """A finding's descriptions as a baseline entry may hold them: with its flagged documents
    (entries written since they are kept) and with its languages (older ones)."""
    older = {k: v for k, v in mine.items() if k != "flagged"}
    return [d for d in (_described(mine), _described(older)) if d is not None]


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
