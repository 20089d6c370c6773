"""Baselines: the findings CI already knows about, so it fails on new ones only."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import AuditError
from ..model import Report
from .atomic import write_atomic

SCHEMA_VERSION = 1


def render(report: Report) -> bytes:
    lang = {d.id: d.language for d in report.documents}
    entries = sorted(({
        "fingerprint": f.fingerprint, "check": f.check, "group": f.group,
        "languages": sorted({lang[loc.document] for loc in f.locations}),
        "excerpt": next((loc.evidence for loc in f.locations if loc.evidence), "")[:80],
    } for f in report.findings), key=lambda e: (e["check"], e["fingerprint"]))
    return (json.dumps({"version": SCHEMA_VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n").encode()


def write(report: Report, path: str | Path) -> None:
    write_atomic(path, render(report))


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
