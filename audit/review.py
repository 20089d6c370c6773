"""Editors' decisions: read back from the workbook, kept in a reviews file, applied to later runs.

The reviews file (``reviews:`` in config.yaml, default ``reviews.yaml`` beside
the config) maps a finding's fingerprint to the editor's status and comment.
It is YAML sorted by fingerprint, one entry per finding, so that two editors'
changes merge line by line in version control.
"""
from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from .errors import AuditError
from .meta import DISMISSED, STATUSES  # defined in the bottom module, shared with the writers
from .model import Report

SCHEMA_VERSION = 1
ID_HEADER, STATUS_HEADER, COMMENT_HEADER = "ID", "Status", "Editor comment"
_MAX_UNZIPPED = 200 * 1024 * 1024  # a workbook that inflates beyond this is refused (zip bomb)
_MAX_WORKBOOK = 100 * 1024 * 1024  # a larger file is not one of ours


def reviews_path(config: dict) -> Path:
    return Path(config.get("_base_dir") or ".") / config["reviews"]


def load(path: str | Path) -> dict[str, dict]:
    """fingerprint -> {status, comment, check, excerpt}; a missing file is no reviews yet."""
    from .safeload import load_yaml

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return {}
    data = load_yaml(path, "reviews file")
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("reviews", {}), dict):
        raise AuditError("reviews file must have a 'reviews' mapping of fingerprint to decision", str(path))
    if not isinstance(data.get("version", 1), int) or data.get("version", 1) > SCHEMA_VERSION:
        raise AuditError(f"reviews file is from a newer audit (schema {data.get('version')}); upgrade audit", str(path))
    out = {}
    for fp, entry in (data.get("reviews") or {}).items():
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise AuditError(f"reviews file: entry {fp} needs a status, one of {', '.join(STATUSES)}", str(path))
        out[str(fp)] = {k: str(v) for k, v in entry.items() if v is not None}
    return out


def save(path: str | Path, reviews: dict[str, dict]) -> None:
    import yaml

    from .report.atomic import write_atomic

    body = {"version": SCHEMA_VERSION,
            "reviews": {fp: {k: reviews[fp][k] for k in ("status", "comment", "check", "excerpt") if reviews[fp].get(k)}
                        for fp in sorted(reviews)}}
    text = ("# Editors' decisions on audit findings, by fingerprint. Written by 'audit review import';\n"
            "# edit by hand if you like: status is one of " + ", ".join(STATUSES) + ".\n")
    text += yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(path, text.encode("utf-8"))


def read_workbook(path: str | Path) -> dict[str, tuple[str, str]]:
    """fingerprint -> (status, comment) from the Findings sheet of an audit workbook.

    Columns are found by their header, so re-sorted rows, hidden or moved columns
    and added sheets are fine; a renamed or missing column is an error.
    """
    import io

    from .ingest.files import read_regular

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise AuditError("workbook not found", str(path))
    data = io.BytesIO(read_regular(path, _MAX_WORKBOOK, " for a workbook"))  # a regular file, read once, bounded
    try:
        with zipfile.ZipFile(data) as z:
            if sum(i.file_size for i in z.infolist()) > _MAX_UNZIPPED:
                raise AuditError("workbook inflates to more than 200 MB; refusing to read it", str(path))
    except zipfile.BadZipFile:
        raise AuditError("not an Excel workbook (.xlsx is a zip file; this is not one)", str(path)) from None
    from openpyxl import load_workbook  # reads XML through defusedxml when it is installed

    try:
        wb = load_workbook(data, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise AuditError(f"cannot read workbook: {exc}", str(path)) from None
    try:
        if "Findings" not in wb.sheetnames:
            raise AuditError("workbook has no 'Findings' sheet", str(path))
        rows = wb["Findings"].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        missing = [h for h in (ID_HEADER, STATUS_HEADER, COMMENT_HEADER) if h not in header]
        if missing:
            raise AuditError(f"Findings sheet lacks the column(s) {', '.join(repr(m) for m in missing)} "
                             f"(found: {', '.join(h for h in header if h)})", str(path))
        ci, cs, cc = header.index(ID_HEADER), header.index(STATUS_HEADER), header.index(COMMENT_HEADER)
        out = {}
        for n, row in enumerate(rows, start=2):
            row = list(row) + [None] * (len(header) - len(row))
            fp = row[ci]
            if fp is None or str(fp).strip() == "":
                continue
            status = str(row[cs] or "Open").strip()
            if status not in STATUSES:
                raise AuditError(f"Findings row {n}: status '{status}' is not one of {', '.join(STATUSES)}", str(path))
            out[str(fp).strip()] = (status, "" if row[cc] is None else str(row[cc]))
        return out
    finally:
        wb.close()


def import_workbook(workbook: str | Path, reviews_file: str | Path, report: Report | None = None) -> dict[str, int]:
    """Merge the workbook's decisions into the reviews file; counts of what changed."""
    decisions = read_workbook(workbook)
    reviews = load(reviews_file)
    known = {f.fingerprint: f for f in report.findings} if report else {}
    counts = {"recorded": 0, "unchanged": 0, "reopened": 0}
    for fp, (status, comment) in decisions.items():
        old = reviews.get(fp)
        if status == "Open" and not comment:
            if old:
                del reviews[fp]
                counts["reopened"] += 1
            continue
        entry = {"status": status, "comment": comment}
        f = known.get(fp)
        if f is not None:
            entry["check"] = f.check
            entry["excerpt"] = next((loc.evidence for loc in f.locations if loc.evidence), "")[:80]
        elif old:
            entry.update({k: old[k] for k in ("check", "excerpt") if k in old})
        if old and old.get("status") == status and old.get("comment", "") == comment:
            counts["unchanged"] += 1
        else:
            counts["recorded"] += 1
        reviews[fp] = entry
    save(reviews_file, reviews)
    return counts


def apply(report: Report, reviews: dict[str, dict]) -> Report:
    """Statuses and comments onto the findings; reviewed findings that no longer occur become 'resolved'."""
    present = set()
    findings = []
    for f in report.findings:
        r = reviews.get(f.fingerprint)
        if r:
            present.add(f.fingerprint)
            f = replace(f, status=r["status"], comment=r.get("comment", ""))
        findings.append(f)
    report.findings = findings
    report.resolved = [{"fingerprint": fp, **{k: v for k, v in r.items() if k in ("status", "check", "excerpt")}}
                       for fp, r in sorted(reviews.items()) if fp not in present]
    return report


def is_dismissed(status: str) -> bool:
    return status in DISMISSED
