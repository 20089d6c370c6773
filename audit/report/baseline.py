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
    load(path)
    return [e for e in json.loads(Path(path).read_text("utf-8"))["findings"] if isinstance(e, dict)]


def load(path: str | Path) -> set[str]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except FileNotFoundError:
        raise AuditError("baseline file not found (create it with 'audit baseline')", str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AuditError(f"baseline is not valid JSON: {exc}", str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise AuditError("baseline has no 'findings' list", str(path))
    if data.get("version", 0) > SCHEMA_VERSION:
        raise AuditError(f"baseline is from a newer audit (schema {data.get('version')}); upgrade audit", str(path))
    return {e["fingerprint"] for e in data["findings"] if isinstance(e, dict) and "fingerprint" in e}
