"""The stages composed: ingest, extract, group, align, check."""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from . import __version__
from .config import config_hash
from .errors import AuditError
from .model import Finding, Report


def run(paths, config: dict, progress=None) -> Report:
    from .align import align_group
    from .checks import GroupContext, selected_checks
    from .extract import extract_facts, lowercase_vocabulary
    from .group import group_documents
    from .ingest import ingest_paths

    documents, skipped = ingest_paths(paths, config)
    if not documents:
        reasons = "; ".join(f"{Path(s.path).name}: {s.reason}" for s in skipped[:3])
        raise AuditError(f"nothing could be audited ({reasons})")
    checks = selected_checks(config)
    facts = {}
    for k, doc in enumerate(documents):
        vocab = lowercase_vocabulary(p.text for p in doc.paragraphs)
        facts[doc.id] = [extract_facts(p.text, doc.language, vocab) for p in doc.paragraphs]
        if progress:
            progress(k + 1, len(documents))
    groups = group_documents(documents, facts, config)
    by_id = {d.id: d for d in documents}
    alignments, findings = [], []
    for group in groups:
        alignment = align_group(group, by_id, facts, config)
        alignments.append(alignment)
        ctx = GroupContext(group, by_id, alignment, facts, config["align"]["min_confidence"])
        for check in checks:
            findings.extend(check.run(ctx))
    findings = fingerprint(findings)
    signature = {
        "tool": "audit", "version": __version__, "config_hash": config_hash(config),
        "languages": sorted(config["languages"]), "checks": [c.code for c in checks],
    }
    return Report(documents, skipped, groups, alignments, findings, signature)


def fingerprint(findings: list[Finding]) -> list[Finding]:
    """Stable ids: what the finding is about, never where (line numbers move)."""
    seen: Counter = Counter()
    out = []
    ordered = sorted(findings, key=lambda f: (f.check, f.documents, f.subject,
                                              [(loc.document, loc.line) for loc in f.locations]))
    for f in ordered:
        key = (f.check, f.documents, f.subject)
        seen[key] += 1
        blob = "|".join([f.check, ",".join(f.documents), f.subject, str(seen[key])])
        out.append(replace(f, fingerprint=hashlib.sha256(blob.encode()).hexdigest()[:16]))
    return sorted(out, key=lambda f: (f.group, f.locations[0].document, f.locations[0].line, f.check, f.fingerprint))
