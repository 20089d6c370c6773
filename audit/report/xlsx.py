"""audit.xlsx: the editors' workbook.

Sheets: Summary (counts per group, language, check and severity, a chart, the
run's inputs), Findings (one row per finding with a Status drop-down, the
paragraph of each language with the evidence in bold red, line numbers, an
Editor comment column and a link to the Alignment row), Alignment (one row per
link, one column per language), Documents and Groups.

Input text is untrusted: every string cell is written as text, never as a
formula, whatever it starts with (= + - @, tab, CR), and the workbook carries
no external links.
"""
from __future__ import annotations

import io
from copy import copy
from collections import Counter, defaultdict
from datetime import datetime, timezone

from ..model import Finding, Report
from ..review import STATUSES

_RTL = {"ar", "fa", "ur", "he", "ps", "sd", "yi", "dv"}
_SEVERITY_FILL = {"error": "F8CBAD", "warning": "FFE699", "note": "BDD7EE"}
_LOW_FILL = "FFF2CC"
_DISMISSED_FILL = "E7E6E6"


class _Book:
    def __init__(self):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.align = {False: Alignment(wrap_text=True, vertical="top"),
                      True: Alignment(wrap_text=True, vertical="top", horizontal="right", readingOrder=2)}
        self.bold = Font(bold=True)
        self.fill = lambda rgb: PatternFill("solid", start_color=rgb, end_color=rgb)
        self._styles: dict = {}

    def put(self, ws, row: int, col: int, value, rtl: bool = False):
        cell = ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with
        style = self._styles.get(rtl)
        if style is None:  # the first cell of each kind sets the style; later ones copy it (much faster)
            cell.alignment = self.align[rtl]
            self._styles[rtl] = copy(cell._style)
        else:
            cell._style = copy(style)
        return cell

    def sheet(self, title: str, header: list[str], widths: list[float], index: int | None = None):
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(title, index)
        for c, h in enumerate(header, start=1):
            self.put(ws, 1, c, h).font = self.bold
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = w
        ws.freeze_panes = "A2"
        return ws

    def finish(self, ws, rows: int, cols: int) -> None:
        from openpyxl.utils import get_column_letter

        if rows > 1:
            ws.auto_filter.ref = f"A1:{get_column_letter(cols)}{rows}"


def _rich(text: str, spans: list[tuple[int, int]]):
    """The paragraph with its evidence spans in bold red (openpyxl rich text)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    spans = sorted((s, e) for s, e in spans if e > s)
    if not spans:
        return text
    mark = InlineFont(b=True, color="C00000")
    parts, pos = [], 0
    for s, e in spans:
        s = max(s, pos)
        if s > pos:
            parts.append(text[pos:s])
        if e > s:
            parts.append(TextBlock(mark, text[s:e]))
        pos = max(pos, e)
    if pos < len(text):
        parts.append(text[pos:])
    return CellRichText(*parts)


def _languages(report: Report) -> list[str]:
    return sorted({d.language for d in report.documents})


def render(report: Report) -> bytes:
    book = _Book()
    docs = {d.id: d for d in report.documents}
    langs = _languages(report)
    link_rows = _alignment(book, report, docs, langs)  # first: the Findings sheet links to its rows
    _summary(book, report, docs)
    _findings(book, report, docs, langs, link_rows)
    _documents(book, report)
    _groups(book, report, docs)
    buf = io.BytesIO()
    book.wb.save(buf)
    return buf.getvalue()


def _summary(book: _Book, report: Report, docs) -> None:
    from openpyxl.chart import BarChart, Reference

    ws = book.wb.create_sheet("Summary", 0)
    ws.column_dimensions["A"].width = 26
    for c in "BCDEFGHIJKLMNOP":
        ws.column_dimensions[c].width = 14
    book.put(ws, 1, 1, "Translation consistency audit").font = book.bold
    info = [
        ("Generated", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("audit version", report.signature.get("version", "")),
        ("Config hash", report.signature.get("config_hash", "")),
        ("Languages", ", ".join(report.signature.get("languages", []))),
        ("Documents audited", len(report.documents)),
        ("Files skipped", len(report.skipped)),
        ("Groups (articles)", len(report.groups)),
        ("Findings", len(report.findings)),
        ("Open (not dismissed)", sum(1 for f in report.findings if f.status not in ("False positive", "Won't fix"))),
        ("Resolved since review", len(report.resolved)),
    ]
    for r, (k, v) in enumerate(info, start=2):
        book.put(ws, r, 1, k).font = book.bold
        book.put(ws, r, 2, v)
    checks = report.signature.get("checks", [])
    top = len(info) + 3
    header = ["Group", "Language", "Document"] + checks + ["error", "warning", "note"]
    for c, h in enumerate(header, start=1):
        book.put(ws, top, c, h).font = book.bold
    per = defaultdict(Counter)
    for f in report.findings:
        for d in f.documents:
            per[d][f.check] += 1
            per[d][f.severity] += 1
    r = top
    for g in report.groups:
        for d in g.documents:
            r += 1
            row = [g.id, docs[d].language, d] + [per[d][c] for c in checks] + [per[d][s] for s in ("error", "warning", "note")]
            for c, v in enumerate(row, start=1):
                book.put(ws, r, c, v)
    # findings per check, and a chart of them
    r += 2
    book.put(ws, r, 1, "Check").font = book.bold
    book.put(ws, r, 2, "Findings").font = book.bold
    first = r + 1
    by_check = Counter(f.check for f in report.findings)
    for code in checks:
        r += 1
        book.put(ws, r, 1, code)
        book.put(ws, r, 2, by_check[code])
    if checks:
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Findings per check"
        chart.legend = None
        chart.add_data(Reference(ws, min_col=2, min_row=first - 1, max_row=r), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=r))
        chart.height, chart.width = 7, 14
        ws.add_chart(chart, f"E{first - 1}")


def _findings(book: _Book, report: Report, docs, langs, link_rows) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    header = ["ID", "Status", "Severity", "Check", "Group", "Languages", "Expected", "Found", "Message"] \
        + [f"Text ({lang})" for lang in langs] + ["Lines", "Editor comment", "Alignment"]
    widths = [18, 14, 10, 22, 8, 12, 16, 16, 48] + [60] * len(langs) + [22, 30, 11]
    ws = book.sheet("Findings", header, widths, index=1)  # after Summary, before Alignment
    status_col = 2
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=False,
                        showErrorMessage=True, errorTitle="Status", error="Pick a status from the list")
    ws.add_data_validation(dv)
    first_text = 10
    for r, f in enumerate(report.findings, start=2):
        values = [f.fingerprint, f.status, f.severity, f.check, f.group,
                  ", ".join(sorted({docs[loc.document].language for loc in f.locations})),
                  _str(f.expected), _str(f.found), f.message]
        for c, v in enumerate(values, start=1):
            book.put(ws, r, c, v)
        ws.cell(r, 3).fill = book.fill(_SEVERITY_FILL.get(f.severity, "FFFFFF"))
        if f.status in ("False positive", "Won't fix"):
            ws.cell(r, status_col).fill = book.fill(_DISMISSED_FILL)
        for k, lang in enumerate(langs):
            cell_text = _language_cell(f, docs, lang)
            if cell_text is not None:
                book.put(ws, r, first_text + k, cell_text, lang in _RTL)
        book.put(ws, r, first_text + len(langs), _lines(f, docs))
        book.put(ws, r, first_text + len(langs) + 1, f.comment)
        target = _link_row(f, report, docs, link_rows)
        if target:
            from openpyxl.worksheet.hyperlink import Hyperlink

            cell = book.put(ws, r, first_text + len(langs) + 2, "show link")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'Alignment'!A{target}")
            cell.style = "Hyperlink"
    if report.findings:
        dv.add(f"B2:B{len(report.findings) + 1}")
    book.finish(ws, len(report.findings) + 1, len(header))


def _language_cell(f: Finding, docs, lang: str):
    """The paragraph(s) of ``lang`` that the finding cites, evidence highlighted."""
    by_para: dict[tuple[str, int], list] = defaultdict(list)
    order = []
    for loc in f.locations:
        if docs[loc.document].language != lang:
            continue
        key = (loc.document, loc.line)
        if key not in by_para:
            order.append(key)
        by_para[key].append(loc)
    if not order:
        return None
    if len(order) == 1:
        locs = by_para[order[0]]
        return _rich(locs[0].text, [(x.start, x.end) for x in locs])
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    parts = []
    for n, key in enumerate(order):
        locs = by_para[key]
        head = ("\n\n" if n else "") + f"[line {key[1]}] "
        parts.append(TextBlock(InlineFont(i=True), head))
        piece = _rich(locs[0].text, [(x.start, x.end) for x in locs])
        parts.extend(piece if isinstance(piece, CellRichText) else [piece])
    return CellRichText(*parts)


def _lines(f: Finding, docs) -> str:
    seen = []
    for loc in f.locations:
        item = f"{docs[loc.document].language} {loc.document}:{loc.line}" + (" (evidence)" if loc.role == "support" else "")
        if item not in seen:
            seen.append(item)
    return "\n".join(seen)


def _link_row(f: Finding, report: Report, docs, link_rows) -> int | None:
    loc = next((x for x in f.locations if x.role == "flagged"), f.locations[0])
    return link_rows.get((loc.document, loc.line))


def _alignment(book: _Book, report: Report, docs, langs) -> dict:
    """The Alignment sheet; returns the row of each (document, line)."""
    header = ["Group", "Link", "Confidence", "Status"] + [f"{lang}" for lang in langs]
    ws = book.sheet("Alignment", header, [8, 6, 11, 16] + [60] * len(langs))
    min_conf = report.signature.get("min_confidence", 0.5)
    rows = {}
    r = 1
    for al in report.alignments:
        for k, link in enumerate(al.links, start=1):
            r += 1
            present = [d for d, idx in link.members if idx]
            status = "single document" if len(link.members) == 1 else \
                "omission" if len(present) < len(link.members) else \
                "low confidence: not checked" if link.confidence < min_conf else "aligned"
            for d, idx in link.members:
                for i in idx:
                    rows[(d, docs[d].paragraphs[i].line)] = r
            book.put(ws, r, 1, al.group)
            book.put(ws, r, 2, k)
            book.put(ws, r, 3, link.confidence)
            book.put(ws, r, 4, status)
            for c, lang in enumerate(langs, start=5):
                texts = [f"[{docs[d].paragraphs[i].line}] {docs[d].paragraphs[i].text}"
                         for d, idx in link.members if docs[d].language == lang for i in idx]
                if texts:
                    book.put(ws, r, c, "\n".join(texts), lang in _RTL)
            if status.startswith("low") or status == "omission":
                for c in range(1, 5):
                    ws.cell(r, c).fill = book.fill(_LOW_FILL)
    book.finish(ws, r, len(header))
    return rows


def _documents(book: _Book, report: Report) -> None:
    group_of = report.group_index()
    header = ["File", "Document", "Language", "Confidence", "Script", "Encoding", "Paragraph style", "Paragraphs",
              "Boilerplate set aside", "Group", "Status"]
    ws = book.sheet("Documents", header, [40, 26, 10, 11, 8, 10, 12, 11, 36, 8, 40])
    r = 1
    for d in report.documents:
        r += 1
        row = [d.path, d.id, d.language, d.language_confidence, d.script, d.encoding, d.paragraph_style,
               len(d.paragraphs), "\n".join(f"[{p.line}] {p.text}" for p in d.boilerplate),
               group_of.get(d.id, ""), "audited"]
        for c, v in enumerate(row, start=1):
            book.put(ws, r, c, v, c == 9 and d.language in _RTL)
    for s in report.skipped:
        r += 1
        book.put(ws, r, 1, s.path)
        book.put(ws, r, 11, f"skipped: {s.reason}").fill = book.fill(_SEVERITY_FILL["error"])
    book.finish(ws, r, len(header))


def _groups(book: _Book, report: Report, docs) -> None:
    ws = book.sheet("Groups", ["Group", "Documents", "Languages", "Score", "Pair scores"], [8, 60, 20, 8, 60])
    for r, g in enumerate(report.groups, start=2):
        row = [g.id, "\n".join(g.documents), ", ".join(docs[d].language for d in g.documents),
               g.score, "\n".join(f"{a} ~ {b}: {s:.2f}" for a, b, s in g.pair_scores) or "a lone document"]
        for c, v in enumerate(row, start=1):
            book.put(ws, r, c, v)
    book.finish(ws, len(report.groups) + 1, 5)


def _str(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v)
