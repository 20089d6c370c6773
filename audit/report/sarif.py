"""audit.sarif: SARIF 2.1.0, one result per finding."""
from __future__ import annotations

import json
from pathlib import Path

from ..meta import DISMISSED
from ..model import Report
from .readable import finding_message

_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def render(report: Report) -> bytes:
    from ..checks import REGISTRY

    codes = [c for c in REGISTRY if c.code in report.signature.get("checks", [])]
    rule_index = {c.code: k for k, c in enumerate(codes)}
    docs = {d.id: d for d in report.documents}
    uris: dict[str, str] = {}  # document id -> its URI, resolved once per document, not per location

    def uri(doc_id: str) -> str:
        got = uris.get(doc_id)
        if got is None:
            got = uris[doc_id] = _uri(docs[doc_id].path)
        return got

    results = []
    for f in report.findings:
        flagged = [loc for loc in f.locations if loc.role == "flagged"] or list(f.locations)
        results.append({
            "ruleId": f.check, "ruleIndex": rule_index.get(f.check, 0), "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": finding_message(f, docs)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri(loc.document)},
                "region": {"startLine": loc.line, **({"snippet": {"text": loc.evidence}} if loc.evidence else {})},
            }} for loc in flagged],
            "partialFingerprints": {"auditFingerprint/v1": f.fingerprint},
            "properties": {"group": f.group, "status": f.status},
        })
        support = [loc for loc in f.locations if loc.role == "support"]
        if support:
            results[-1]["relatedLocations"] = [{"id": k, "physicalLocation": {
                "artifactLocation": {"uri": uri(loc.document)},
                "region": {"startLine": loc.line, **({"snippet": {"text": loc.evidence}} if loc.evidence else {})},
            }, "message": {"text": "what the other translations say"}} for k, loc in enumerate(support)]
        if f.status in DISMISSED:
            results[-1]["suppressions"] = [{"kind": "external", "status": "accepted",
                                            "justification": f"{f.status}: {f.comment}".rstrip(": ")}]
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


def _uri(path: str) -> str:
    """The input as a URI reference: relative to the working directory when inside it."""
    import os
    from urllib.parse import quote

    from ..ingest.files import fs_path

    p = Path(fs_path(path))  # the file's own bytes, percent-encoded, even when its name is not UTF-8
    try:
        p = p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return p.resolve().as_uri()
    return quote(os.fsencode(p.as_posix()))
