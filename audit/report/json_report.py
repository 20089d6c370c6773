"""audit.json: the machine-readable report (contract in README)."""
from __future__ import annotations

import json

from ..model import Finding, Report


def to_dict(report: Report) -> dict:
    docs = {d.id: d for d in report.documents}
    group_of = report.group_index()
    min_conf = report.signature.get("min_confidence", 0.5)
    return {
        "signature": report.signature,
        "documents": [
            {"id": d.id, "path": d.path, "language": d.language, "language_confidence": d.language_confidence,
             "language_warning": d.language_warning or None,
             "script": d.script, "encoding": d.encoding, "paragraph_style": d.paragraph_style,
             "paragraphs": len(d.paragraphs), "group": group_of.get(d.id),
             "boilerplate": [{"line": p.line, "text": p.text} for p in d.boilerplate],
             **({"notes": list(d.notes)} if d.notes else {})}
            for d in report.documents
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "groups": [
            {"id": g.id, "documents": list(g.documents), "score": g.score,
             "pairs": [{"documents": [a, b], "score": s} for a, b, s in g.pair_scores]}
            for g in report.groups
        ],
        "alignment": [
            {"group": al.group, "pivot": al.pivot, "links": [
                {**{d: [docs[d].paragraphs[i].line for i in idx] for d, idx in link.members},
                 "confidence": link.confidence,
                 # under align.min_confidence: each member's own confidence (numbers and dates are
                 # compared among the members that reach it)
                 **({"member_confidence": dict(link.trust)} if link.trust and link.confidence < min_conf else {})}
                for link in al.links]}
            for al in report.alignments
        ],
        "findings": [finding_dict(f) for f in report.findings],
        "resolved": report.resolved,
    }


def finding_dict(f: Finding) -> dict:
    return {
        "fingerprint": f.fingerprint, "check": f.check, "severity": f.severity, "group": f.group,
        "status": f.status, "message": f.message, "expected": f.expected, "found": f.found,
        "values": {d: v for d, v in f.values},
        "locations": [{"document": loc.document, "line": loc.line, "text": loc.text, "evidence": loc.evidence,
                       "start": loc.start, "end": loc.end, "role": loc.role,
                       **({"offset": loc.offset} if loc.offset else {})} for loc in f.locations],
        **({"more_locations": f.more_locations} if f.more_locations else {}),
    }


def render(report: Report) -> bytes:
    return (json.dumps(to_dict(report), ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")
