"""audit.sarif: SARIF 2.1.0, one result per finding."""
from __future__ import annotations

import json
from pathlib import Path

from ..model import Report

_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def render(report: Report) -> bytes:
    from ..checks import REGISTRY

    codes = [c for c in REGISTRY if c.code in report.signature.get("checks", [])]
    rule_index = {c.code: k for k, c in enumerate(codes)}
    docs = {d.id: d for d in report.documents}
    results = []
    for f in report.findings:
        flagged = [loc for loc in f.locations if loc.role == "flagged"] or list(f.locations)
        results.append({
            "ruleId": f.check, "ruleIndex": rule_index.get(f.check, 0), "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": Path(docs[loc.document].path).as_posix()},
                "region": {"startLine": loc.line, **({"snippet": {"text": loc.evidence}} if loc.evidence else {})},
            }} for loc in flagged],
            "partialFingerprints": {"auditFingerprint/v1": f.fingerprint},
            "properties": {"group": f.group, "status": f.status},
        })
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "audit", "version": report.signature.get("version", ""),
                "rules": [{"id": c.code, "name": c.__name__, "shortDescription": {"text": c.description},
                           "defaultConfiguration": {"level": _LEVEL.get(c.severity, "warning")}} for c in codes],
            }},
            "results": results,
        }],
    }
    return (json.dumps(sarif, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
