"""audit.xlsx: the editors' workbook. Input text is untrusted: it is always written as text."""
from __future__ import annotations

import io

from ..model import Report

_RTL = {"ar", "fa", "ur", "he"}


def _styles():
    from openpyxl.styles import Alignment

    return {False: Alignment(wrap_text=True, vertical="top"),
            True: Alignment(wrap_text=True, vertical="top", horizontal="right", readingOrder=2)}


def _put(ws, row: int, col: int, value, style):
    cell = ws.cell(row=row, column=col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    cell.alignment = style
    return cell


def _sheet(wb, title, header, rows, widths):
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    styles = _styles()
    for c, h in enumerate(header, start=1):
        _put(ws, 1, c, h, styles[False]).font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, (value, rtl) in enumerate(row, start=1):
            _put(ws, r, c, value, styles[bool(rtl)])
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    from openpyxl.utils import get_column_letter

    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = w
    return ws


def render(report: Report) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    docs = {d.id: d for d in report.documents}
    lang = {d.id: d.language for d in report.documents}
    _sheet(wb, "Findings",
           ["ID", "Status", "Severity", "Check", "Group", "Languages", "Expected", "Found", "Message", "Locations", "Evidence", "Editor comment"],
           [[(f.fingerprint, False), (f.status.capitalize(), False), (f.severity, False), (f.check, False), (f.group, False),
             (", ".join(sorted({lang[loc.document] for loc in f.locations})), False),
             (_str(f.expected), False), (_str(f.found), False), (f.message, False),
             ("\n".join(f"{loc.document}:{loc.line}" + (" (support)" if loc.role == "support" else "") for loc in f.locations), False),
             ("\n".join(loc.evidence for loc in f.locations), any(lang[loc.document] in _RTL for loc in f.locations)),
             (f.comment, False)] for f in report.findings],
           [18, 12, 10, 22, 8, 12, 14, 14, 50, 28, 40, 30])
    _sheet(wb, "Documents",
           ["File", "Document", "Language", "Confidence", "Script", "Paragraphs", "Boilerplate set aside", "Group"],
           [[(d.path, False), (d.id, False), (d.language, False), (d.language_confidence, False), (d.script, False),
             (len(d.paragraphs), False), (" | ".join(p.text for p in d.boilerplate), d.language in _RTL),
             (report.group_of(d.id) or "", False)] for d in report.documents]
           + [[(s.path, False), ("", False), ("", False), ("", False), ("", False), (0, False), ("", False), (f"skipped: {s.reason}", False)]
              for s in report.skipped],
           [40, 26, 10, 11, 8, 11, 30, 10])
    _sheet(wb, "Groups", ["Group", "Members", "Languages", "Score"],
           [[(g.id, False), (", ".join(g.documents), False), (", ".join(lang[d] for d in g.documents), False), (g.score, False)]
            for g in report.groups], [8, 60, 20, 8])
    rows = []
    for al in report.alignments:
        for k, link in enumerate(al.links, start=1):
            for d, idx in link.members:
                rows.append([(al.group, False), (k, False), (d, False), (lang[d], False),
                             (", ".join(str(docs[d].paragraphs[i].line) for i in idx), False),
                             (" ".join(docs[d].paragraphs[i].text for i in idx), lang[d] in _RTL), (link.confidence, False)])
    _sheet(wb, "Alignment", ["Group", "Link", "Document", "Language", "Lines", "Text", "Confidence"], rows, [8, 6, 26, 9, 8, 90, 11])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _str(v) -> str:
    return "" if v is None else str(v)
