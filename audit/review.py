"""Editors' decisions: read back from the workbook, kept in a reviews file, applied to later runs.

The reviews file (``reviews:`` in config.yaml, default ``reviews.yaml`` beside
the config) maps a finding's fingerprint to the editor's status and comment.
It is YAML sorted by fingerprint, one entry per finding, so that two editors'
changes merge line by line in version control.
"""
from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import AuditError
from .meta import (  # defined in the bottom module, shared with the writers
    DISMISSED, REOPENED, STATUSES, WRITTEN_COMMENT_HEADER, WRITTEN_HEADER)
from .model import Report

SCHEMA_VERSION = 1
ID_HEADER, STATUS_HEADER, COMMENT_HEADER = "ID", "Status", "Editor comment"
_FIELDS = ("status", "comment", "check", "files", "message", "source", "excerpt")
_MAX_UNZIPPED = 200 * 1024 * 1024  # a workbook that inflates beyond this is refused (zip bomb)
_MAX_WORKBOOK = 100 * 1024 * 1024  # a larger file is not one of ours
_MAX_MEMBER = 100 * 1024 * 1024
_MAX_MEMBERS = 10_000  # parts of one workbook
_MAX_ROWS = 1_048_576  # Excel's own limit
_MAX_COLUMNS = 1_000
_MESSAGE_MAX = 300  # characters of a message kept in the reviews file


def reviews_path(config) -> Path:
    return config.resolve(config.reviews)


def load(path: str | Path) -> dict[str, dict]:
    """fingerprint -> {status, comment, check, files, message, source} (files from before
    these were kept have an excerpt instead); a missing file is no reviews yet."""
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
        out[str(fp)] = {k: [str(x) for x in v] if isinstance(v, list) else str(v)
                        for k, v in entry.items() if v is not None}
    return out


def save(path: str | Path, reviews: dict[str, dict]) -> None:
    import yaml

    from .report.atomic import write_atomic

    body = {"version": SCHEMA_VERSION,
            "reviews": {fp: {k: reviews[fp][k] for k in _FIELDS if reviews[fp].get(k)} for fp in sorted(reviews)}}
    text = ("# Editors' decisions on audit findings, by fingerprint. Written by 'audit review import';\n"
            "# edit by hand if you like: status is one of " + ", ".join(STATUSES) + ".\n")
    text += yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(path, text.encode("utf-8"))


@dataclass(frozen=True)
class Row:
    """One Findings row of an editor's workbook."""

    number: int  # the sheet's row number
    fingerprint: str
    status: str
    comment: str
    written: str | None  # the status when the workbook was written; None in workbooks from before it was recorded
    check: str = ""
    file: str = ""
    message: str = ""
    written_comment: str = ""

    @property
    def changed(self) -> bool:
        """Whether the editor changed this row (every row of an older workbook counts as changed)."""
        if self.written is None:
            return True
        if self.comment == self.written_comment and self.comment.startswith(REOPENED):
            return self.status not in ("Open", self.written)  # shown Open, recorded Fixed: untouched
        return self.status != self.written or self.comment != self.written_comment


_DAMAGED = "this workbook is damaged; save it again from Excel"
_FINGERPRINT = re.compile(r"[0-9a-f]{16}")


def read_workbook(path: str | Path, notes: list[str] | None = None) -> list[Row]:
    """The rows of the Findings sheet of an audit workbook, in sheet order.

    Columns are found by their header, so re-sorted rows, hidden or moved columns
    and added sheets are fine; a renamed or missing column is an error. The file
    is untrusted: its zip members, their sizes and the rows read are bounded, the
    sheet's declared dimension is ignored, a damaged file is one clear error and a
    formula is never taken for a status. Rows with an ID the tool did not write
    are left out and said in ``notes``.
    """
    import io

    from .ingest.files import read_regular

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise AuditError("workbook not found", str(path))
    data = io.BytesIO(read_regular(path, _MAX_WORKBOOK, " for a workbook"))  # a regular file, read once, bounded
    _check_zip(path, data)
    from openpyxl import load_workbook  # reads XML through defusedxml when it is installed

    try:
        wb = load_workbook(data, read_only=True, data_only=False)
    except AuditError:
        raise
    except Exception:  # openpyxl raises many types for damaged files
        raise AuditError(_DAMAGED, str(path)) from None
    try:
        if "Findings" not in wb.sheetnames:
            raise AuditError("workbook has no 'Findings' sheet", str(path))
        ws = wb["Findings"]
        ws.reset_dimensions()  # the declared size may lie; read what is there
        try:
            return _rows(ws, path, notes if notes is not None else [])
        except AuditError:
            raise
        except Exception:  # XML or zip damage surfacing while the sheet streams
            raise AuditError(_DAMAGED, str(path)) from None
    finally:
        wb.close()


def _check_zip(path: Path, data) -> None:
    try:
        with zipfile.ZipFile(data) as z:
            members = z.infolist()
            if len(members) > _MAX_MEMBERS:
                raise AuditError(f"workbook has {len(members):,} parts (at most {_MAX_MEMBERS:,}); refusing to read it",
                                 str(path))
            if sum(i.file_size for i in members) > _MAX_UNZIPPED or any(
                    i.file_size > _MAX_MEMBER for i in members):
                raise AuditError("workbook inflates to more than 200 MB; refusing to read it", str(path))
            if z.testzip() is not None:  # a CRC error in some part
                raise AuditError(_DAMAGED, str(path))
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) or zipfile.is_zipfile(data):
            raise AuditError(_DAMAGED, str(path)) from None
        raise AuditError("not an Excel workbook (.xlsx is a zip file; this is not one)", str(path)) from None
    except (zlib.error, EOFError, OSError):
        raise AuditError(_DAMAGED, str(path)) from None


def _text(cell) -> str:
    v = getattr(cell, "value", None)
    return "" if v is None else str(v)


def _rows(ws, path: Path, notes: list[str]) -> list[Row]:
    cells = ws.iter_rows(max_col=_MAX_COLUMNS)
    header = [_text(c).strip() for c in next(cells, ())]
    missing = [h for h in (ID_HEADER, STATUS_HEADER, COMMENT_HEADER) if h not in header]
    if missing:
        raise AuditError(f"Findings sheet lacks the column(s) {', '.join(repr(m) for m in missing)} "
                         f"(found: {', '.join(h for h in header if h)})", str(path))
    col = {h: header.index(h) for h in header if h}

    def get(row, name) -> str:
        k = col.get(name)
        return _text(row[k]) if k is not None and k < len(row) else ""

    out, seen = [], {}
    for n, row in enumerate(cells, start=2):
        if n > _MAX_ROWS:
            raise AuditError(f"Findings sheet has more than {_MAX_ROWS:,} rows; refusing to read it", str(path))
        fp = get(row, ID_HEADER).strip()
        if not fp:
            continue
        cs = col[STATUS_HEADER]
        cell = row[cs] if cs < len(row) else None
        if getattr(cell, "data_type", None) == "f" or get(row, STATUS_HEADER).startswith("="):
            raise AuditError(f"Findings row {n}: Status is a formula; type one of {', '.join(STATUSES)}", str(path))
        status = get(row, STATUS_HEADER).strip() or "Open"
        if status not in STATUSES:
            raise AuditError(f"Findings row {n}: status '{status[:40]}' is not one of {', '.join(STATUSES)}",
                             str(path))
        written = get(row, WRITTEN_HEADER).strip() if WRITTEN_HEADER in col else None
        if WRITTEN_HEADER in col and (not _FINGERPRINT.fullmatch(fp) or written not in STATUSES):
            notes.append(f"{path}: Findings row {n}: ID '{fp[:40]}' was not written by audit; row left out")
            continue
        key = (fp, get(row, "Fix file"))
        if key in seen:
            notes.append(f"{path}: Findings rows {seen[key]} and {n} have the same ID {fp[:40]}; row {n} left out")
            continue
        seen[key] = n
        out.append(Row(n, fp, status, get(row, COMMENT_HEADER), written, get(row, "Check")[:80],
                       get(row, "Fix file")[:300], _plain(get(row, "Message"))[:_MESSAGE_MAX],
                       get(row, WRITTEN_COMMENT_HEADER)))
    return out


def _plain(message: str) -> str:
    """The message without its bidi isolates: invisible in a diff of the reviews file."""
    return message.replace("\u2068", "").replace("\u2069", "")


def import_workbook(workbook: str | Path, reviews_file: str | Path, prefer: str = "recorded",
                    notes: list[str] | None = None) -> dict[str, int]:
    """Merge the rows an editor changed in ``workbook`` into the reviews file; counts of what changed.

    A changed row is recorded when the reviews file still holds the decision the
    workbook was written with (or none): a later import of another editor's copy
    changes only what that editor changed. When the reviews file already holds
    another decision, set by an import since the workbook was written, that is a
    conflict: it is listed in ``notes`` (file, row, both statuses) and the first
    decision is kept, unless ``prefer`` is "workbook". A finding shown Open because
    it was marked Fixed and still occurs is written with its recorded status, Fixed.
    """
    notes = notes if notes is not None else []
    rows = read_workbook(workbook, notes)
    reviews = load(reviews_file)
    counts = {"recorded": 0, "unchanged": 0, "reopened": 0, "conflicts": 0}
    name = Path(workbook).name
    files: dict[str, list[str]] = {}
    for r in rows:
        files.setdefault(r.fingerprint, [])
        if r.file and r.file not in files[r.fingerprint]:
            files[r.fingerprint].append(r.file)
    decided: dict[str, Row] = {}
    for r in rows:
        if not r.changed:
            continue
        first = decided.get(r.fingerprint)
        if first is not None:  # one finding on two rows (two translations flagged), changed both
            if (first.status, first.comment) != (r.status, r.comment):
                counts["conflicts"] += 1
                notes.append(f"{workbook}: rows {first.number} and {r.number} set finding {r.fingerprint} to "
                             f"'{first.status}' and '{r.status}'; row {first.number} kept")
            continue
        decided[r.fingerprint] = r
    moved = _moved_decisions(decided, files, reviews, {r.fingerprint for r in rows})
    for fp, r in decided.items():
        if fp in moved:  # the decision of this finding, recorded under the fingerprint it had before
            reviews[fp] = reviews.pop(moved[fp])
        old = reviews.get(fp)
        recorded = old["status"] if old else "Open"
        base = r.written
        agrees = base is None or recorded == base
        if not agrees and r.status != recorded and prefer != "workbook":
            counts["conflicts"] += 1
            source = f" by {old['source']}" if old and old.get("source") else ""
            notes.append(f"{workbook}: row {r.number}: finding {fp} was '{base}' when this workbook was written, "
                         f"was set to '{recorded}'{source} since, and this workbook says '{r.status}'; "
                         f"'{recorded}' kept (re-import with --prefer workbook to take '{r.status}')")
            continue
        comment = r.comment.removeprefix(REOPENED).strip()
        if r.status == "Open" and not comment:
            if old:
                del reviews[fp]
                counts["reopened"] += 1
            else:
                counts["unchanged"] += 1
            continue
        entry = {"status": r.status, "comment": comment, "check": r.check or (old or {}).get("check", ""),
                 "files": files.get(fp) or (old or {}).get("files", []), "message": r.message or (old or {}).get(
                     "message", ""), "source": name}
        if old and "excerpt" in old and not r.message:
            entry["excerpt"] = old["excerpt"]
        if old and old.get("status") == r.status and old.get("comment", "") == comment:
            counts["unchanged"] += 1
        else:
            counts["recorded"] += 1
        reviews[fp] = entry
    save(reviews_file, reviews)
    return counts


def apply(report: Report, reviews: dict[str, dict]) -> Report:
    """Statuses and comments onto the findings; reviewed findings that no longer occur become 'resolved'.

    A finding is the reviewed one by its fingerprint, or else by what the editor's row said
    of it (check, files to fix, message), one decision for one finding: a new version of
    audit that reads a name's key another way gives a discrepancy a new fingerprint, and an
    editor's dismissal must not come back as a new finding."""
    present = set()
    findings = []
    moved = _described_matches(report, reviews)
    for f in report.findings:
        fp = f.fingerprint if f.fingerprint in reviews else moved.get(f.fingerprint)
        r = reviews.get(fp) if fp else None
        if r:
            present.add(fp)
            if r["status"] == "Fixed":  # marked fixed, yet here it is again
                note = f"{REOPENED} {r.get('comment', '')}".strip()
                f = replace(f, status="Open", comment=note)
            else:
                f = replace(f, status=r["status"], comment=r.get("comment", ""))
        findings.append(f)
    report.findings = findings
    report.resolved = [{"fingerprint": fp, **{k: v for k, v in r.items()
                                              if k in ("status", "check", "excerpt", "files", "message")}}
                       for fp, r in sorted(reviews.items()) if fp not in present]
    return report


def _description(check: str, files, message: str) -> tuple:
    """What an editor's row shows of its finding besides the fingerprint, as a reviews file
    keeps it: the check, the files to fix and the message."""
    return check, frozenset(files), message


def _free_decisions(reviews: dict[str, dict], present: set[str]) -> dict[tuple, list[str]]:
    """description -> the fingerprints of the decisions no present finding has, oldest
    fingerprint first (decisions recorded before messages were kept have no description)."""
    free: dict[tuple, list[str]] = {}
    for fp in sorted(reviews):
        r = reviews[fp]
        if fp not in present and r.get("check") and r.get("message") and isinstance(r.get("files"), list):
            free.setdefault(_description(r["check"], r["files"], r["message"]), []).append(fp)
    return free


def _moved_decisions(decided: dict, files: dict[str, list[str]], reviews: dict[str, dict],
                     shown: set[str]) -> dict[str, str]:
    """Changed row's fingerprint -> the fingerprint its decision is recorded under, for rows
    whose finding the reviews file knows by what its row shows, not by fingerprint (the
    workbook was written by a version of audit that gave the finding a new one)."""
    free = _free_decisions(reviews, shown)
    out = {}
    for fp, r in decided.items():
        key = _description(r.check, files.get(fp, []), r.message)
        if fp not in reviews and free.get(key):
            out[fp] = free[key].pop(0)
    return out


def _described_matches(report: Report, reviews: dict[str, dict]) -> dict[str, str]:
    """Finding fingerprint -> the fingerprint of the decision that describes it, for the
    findings no decision names and the decisions no finding has: the same check, the same
    files to fix and the same message as the editor's workbook showed (decisions recorded
    before messages were kept have none, and match by fingerprint only)."""
    free = _free_decisions(reviews, {f.fingerprint for f in report.findings})
    if not free:
        return {}
    from .report.readable import finding_message
    from .report.view import fix_targets

    docs = {d.id: d for d in report.documents}
    out = {}
    for f in report.findings:
        if f.fingerprint in reviews:
            continue
        files = frozenset(Path(docs[d].path).name for d in fix_targets(f) if d in docs)
        key = _description(f.check, files, _plain(finding_message(f, docs))[:_MESSAGE_MAX])
        if free.get(key):
            out[f.fingerprint] = free[key].pop(0)
    return out


def is_dismissed(status: str) -> bool:
    return status in DISMISSED
