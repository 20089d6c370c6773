"""audit.xlsx: the editors' workbook.

Sheets: Summary (the run's inputs; findings per language, per check with a
chart, and per document for the documents that have any), Findings (one row
per finding with a Status drop-down, the paragraph of each language with the
evidence in bold red, line numbers, an Editor comment column and a link to the
Alignment row), Alignment (one row per link, one column per language),
Documents and Groups.

Written with XlsxWriter (twice as fast as openpyxl on a batch's hundreds of
thousands of cells); editors' workbooks are read back with openpyxl
(``audit.review``). Input text is untrusted: every string cell is written as
text, never as a formula or a link, whatever it starts with (= + - @, tab, CR),
and the workbook carries no external links. A cell holds at most Excel's 32,767
characters and a sheet Excel's 1,048,576 rows; what is cut says so and points
to audit.json, which has everything.
"""
from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import datetime, timezone

from ..model import Finding, Report
from ..review import STATUSES

_RTL = {"ar", "fa", "ur", "he", "ps", "sd", "yi", "dv"}
_SEVERITY_FILL = {"error": "#F8CBAD", "warning": "#FFE699", "note": "#BDD7EE"}
_LOW_FILL = "#FFF2CC"
_DISMISSED_FILL = "#E7E6E6"
_CELL_MAX = 32767  # characters (UTF-16 code units) in one cell
_ROWS_MAX = 1_048_576
_LINKS_MAX = 65_530  # hyperlinks in one sheet
_CUT = " … [cut at Excel's cell limit: the whole text is in audit.json]"

# a cell's rich text: (text, font) runs, font None (plain), "evidence" or "head"
_FONTS = {"evidence": {"bold": True, "font_color": "#C00000"}, "head": {"italic": True}}


class _Book:
    def __init__(self):
        import xlsxwriter

        self.buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buf, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
        self._formats: dict = {}
        self._fonts = {name: self.wb.add_format(props) for name, props in _FONTS.items()}
        self.links: dict = defaultdict(int)  # sheet name -> hyperlinks written

    def fmt(self, rtl: bool = False, **props):
        """The cell format: wrapped, top-aligned, right-to-left for RTL text, plus ``props``."""
        if not props:
            key = rtl  # the common case, looked up without building a key
        else:
            key = (rtl, tuple(sorted(props.items())))
        got = self._formats.get(key)
        if got is None:
            base = {"text_wrap": True, "valign": "top"}
            if rtl:
                base.update(align="right", reading_order=2)
            got = self._formats[key] = self.wb.add_format({**base, **props})
        return got

    def put(self, ws, row: int, col: int, value, rtl: bool = False, **props) -> None:
        """Write ``value`` at the 1-based ``row`` and ``col``: text as text, numbers as
        numbers, a list of (text, font) runs as rich text."""
        fmt = self.fmt(rtl, **props)
        r, c = row - 1, col - 1
        if value is None:
            if props:
                ws.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, _clip(value), fmt)
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(r, c, value, fmt)
        elif isinstance(value, list):
            runs = [(t, font) for t, font in _clip_runs(value) if t]
            if len(runs) == 1 and runs[0][1] is None:
                ws.write_string(r, c, runs[0][0], fmt)
            elif len(runs) == 1:
                ws.write_string(r, c, runs[0][0], self.fmt(rtl, **props, **_FONTS[runs[0][1]]))
            elif runs:
                args = []
                for text, font in runs:
                    if font is not None:
                        args.append(self._fonts[font])
                    args.append(text)
                ws.write_rich_string(r, c, *args, fmt)
        else:
            ws.write_string(r, c, _clip(str(value)), fmt)

    def link(self, ws, row: int, col: int, target_row: int, sheet: str) -> None:
        """A link to ``target_row`` of ``sheet`` in this workbook (past Excel's limit on
        links per sheet, the row number as text)."""
        if self.links[ws.name] >= _LINKS_MAX:
            self.put(ws, row, col, f"{sheet} row {target_row}")
            return
        self.links[ws.name] += 1
        ws.write_url(row - 1, col - 1, f"internal:'{sheet}'!A{target_row}",
                     self.fmt(font_color="#0563C1", underline=1), string="show link")

    def sheet(self, title: str, header: list[str], widths: list[float]):
        ws = self.wb.add_worksheet(title)
        for c, h in enumerate(header, start=1):
            self.put(ws, 1, c, h, bold=True)
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.freeze_panes(1, 0)
        return ws

    def finish(self, ws, rows: int, cols: int) -> None:
        if rows > 1:
            ws.autofilter(0, 0, rows - 1, cols - 1)

    def close(self) -> bytes:
        self.wb.close()
        return self.buf.getvalue()


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts it."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _clip(text: str) -> str:
    if len(text) <= _CELL_MAX // 2 or _units(text) <= _CELL_MAX:
        return text
    return _clip_runs([(text, None)])[0][0]


def _clip_runs(runs: list) -> list:
    """The runs cut to fit one cell, with a note where they were cut."""
    if sum(len(t) for t, _ in runs) <= _CELL_MAX // 2 or sum(_units(t) for t, _ in runs) <= _CELL_MAX:
        return runs
    room = _CELL_MAX - _units(_CUT)
    out = []
    for text, font in runs:
        if _units(text) > room:
            keep = []
            for ch in text:
                room -= 2 if ord(ch) > 0xFFFF else 1
                if room < 0:
                    break
                keep.append(ch)
            out.append(("".join(keep) + _CUT, font))
            break
        room -= _units(text)
        out.append((text, font))
    return out


def _rich(text: str, spans: list[tuple[int, int]]) -> list:
    """The paragraph as runs, with its evidence spans in bold red."""
    spans = sorted((s, e) for s, e in spans if e > s)
    parts, pos = [], 0
    for s, e in spans:
        s = max(s, pos)
        if s > pos:
            parts.append((text[pos:s], None))
        if e > s:
            parts.append((text[s:e], "evidence"))
        pos = max(pos, e)
    if pos < len(text):
        parts.append((text[pos:], None))
    return parts


def _languages(report: Report) -> list[str]:
    return sorted({d.language for d in report.documents})


def render(report: Report) -> bytes:
    book = _Book()
    docs = {d.id: d for d in report.documents}
    langs = _languages(report)
    link_rows = _link_rows(report, docs)
    _summary(book, report, docs)
    _findings(book, report, docs, langs, link_rows)
    _alignment(book, report, docs, langs)
    _documents(book, report)
    _groups(book, report, docs)
    return book.close()


def _summary(book: _Book, report: Report, docs) -> None:
    ws = book.wb.add_worksheet("Summary")
    ws.set_column(0, 0, 26)
    ws.set_column(1, 15, 14)
    book.put(ws, 1, 1, "Translation consistency audit", bold=True)
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
        book.put(ws, r, 1, k, bold=True)
        book.put(ws, r, 2, v)
    checks = report.signature.get("checks", [])
    counts = ["Findings"] + checks + ["error", "warning", "note"]
    per = defaultdict(Counter)  # document -> check and severity -> findings that flag it
    for f in report.findings:
        for d in f.documents:
            per[d]["Findings"] += 1
            per[d][f.check] += 1
            per[d][f.severity] += 1
    # per language: documents, those with findings, and their counts
    r = len(info) + 3
    for c, h in enumerate(["Language", "Documents", "With findings"] + counts, start=1):
        book.put(ws, r, c, h, bold=True)
    by_lang = defaultdict(list)
    for d in report.documents:
        by_lang[d.language].append(d.id)
    for lang in sorted(by_lang):
        r += 1
        ids = by_lang[lang]
        row = [lang, len(ids), sum(1 for d in ids if per[d])] + [sum(per[d][c] for d in ids) for c in counts]
        for c, v in enumerate(row, start=1):
            book.put(ws, r, c, v)
    # findings per check, and a chart of them
    r += 2
    book.put(ws, r, 1, "Check", bold=True)
    book.put(ws, r, 2, "Findings", bold=True)
    first = r + 1
    by_check = Counter(f.check for f in report.findings)
    for code in checks:
        r += 1
        book.put(ws, r, 1, code)
        book.put(ws, r, 2, by_check[code])
    if checks:
        chart = book.wb.add_chart({"type": "bar"})
        chart.add_series({"name": ["Summary", first - 2, 1], "categories": ["Summary", first - 1, 0, r - 1, 0],
                          "values": ["Summary", first - 1, 1, r - 1, 1]})
        chart.set_title({"name": "Findings per check"})
        chart.set_legend({"none": True})
        chart.set_size({"width": 530, "height": 265})
        ws.insert_chart(f"E{first - 1}", chart)
        r = max(r, first + 14)  # below the chart
    # the documents with findings, group by group (the Documents sheet lists them all)
    r += 2
    for c, h in enumerate(["Group", "Language", "Document"] + counts, start=1):
        book.put(ws, r, c, h, bold=True)
    for g in report.groups:
        for d in g.documents:
            if per[d]:
                r += 1
                row = [g.id, docs[d].language, d] + [per[d][c] for c in counts]
                for c, v in enumerate(row, start=1):
                    book.put(ws, r, c, v)


def _findings(book: _Book, report: Report, docs, langs, link_rows) -> None:
    header = ["ID", "Status", "Severity", "Check", "Group", "Languages", "Expected", "Found", "Message"] \
        + [f"Text ({lang})" for lang in langs] + ["Lines", "Editor comment", "Alignment"]
    widths = [18, 14, 10, 22, 8, 12, 16, 16, 48] + [60] * len(langs) + [22, 30, 11]
    ws = book.sheet("Findings", header, widths)
    first_text = 10
    for r, f in enumerate(report.findings, start=2):
        values = [f.fingerprint, f.status, f.severity, f.check, f.group,
                  ", ".join(sorted({docs[loc.document].language for loc in f.locations})),
                  _str(f.expected), _str(f.found), f.message]
        for c, v in enumerate(values, start=1):
            if c == 2 and f.status in ("False positive", "Won't fix"):
                book.put(ws, r, c, v, bg_color=_DISMISSED_FILL, pattern=1)
            elif c == 3:
                book.put(ws, r, c, v, bg_color=_SEVERITY_FILL.get(f.severity, "#FFFFFF"), pattern=1)
            else:
                book.put(ws, r, c, v)
        for k, lang in enumerate(langs):
            cell_text = _language_cell(f, docs, lang)
            if cell_text is not None:
                book.put(ws, r, first_text + k, cell_text, lang in _RTL)
        book.put(ws, r, first_text + len(langs), _lines(f, docs))
        book.put(ws, r, first_text + len(langs) + 1, f.comment)
        target = _link_row(f, link_rows)
        if target:
            book.link(ws, r, first_text + len(langs) + 2, target, "Alignment")
    if report.findings:
        n = len(report.findings)
        ws.data_validation(1, 1, n, 1, {"validate": "list", "source": list(STATUSES), "error_type": "stop",
                                        "error_title": "Status", "error_message": "Pick a status from the list"})
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
        return _rich(locs[0].text, [(x.start, x.end) for x in locs if x.offset == locs[0].offset])
    parts = []
    for n, key in enumerate(order):
        locs = by_para[key]
        parts.append((("\n\n" if n else "") + f"[line {key[1]}] ", "head"))
        parts.extend(_rich(locs[0].text, [(x.start, x.end) for x in locs if x.offset == locs[0].offset]))
    return parts


def _lines(f: Finding, docs) -> str:
    seen = []
    for loc in f.locations:
        item = f"{docs[loc.document].language} {loc.document}:{loc.line}" + (" (evidence)" if loc.role == "support" else "")
        if item not in seen:
            seen.append(item)
    return "\n".join(seen)


def _link_row(f: Finding, link_rows) -> int | None:
    loc = next((x for x in f.locations if x.role == "flagged"), f.locations[0])
    return link_rows.get((loc.document, loc.line))


def _link_rows(report: Report, docs) -> dict:
    """The Alignment sheet's row of each (document, line): the Findings sheet links there."""
    rows, r = {}, 1
    for al in report.alignments:
        for link in al.links:
            r += 1
            if r >= _ROWS_MAX:
                return rows
            for d, idx in link.members:
                for i in idx:
                    rows[(d, docs[d].paragraphs[i].line)] = r
    return rows


def _alignment(book: _Book, report: Report, docs, langs) -> None:
    header = ["Group", "Link", "Confidence", "Status"] + [f"{lang}" for lang in langs]
    ws = book.sheet("Alignment", header, [8, 6, 11, 16] + [60] * len(langs))
    min_conf = report.signature.get("min_confidence", 0.5)
    total = sum(len(al.links) for al in report.alignments)
    r = 1
    for al in report.alignments:
        for k, link in enumerate(al.links, start=1):
            r += 1
            if r >= _ROWS_MAX:
                book.put(ws, r, 1, f"… {total - (r - 2):,} more links: Excel's row limit; see audit.json")
                book.finish(ws, r, len(header))
                return
            present = [d for d, idx in link.members if idx]
            status = "single document" if len(link.members) == 1 else \
                "omission" if len(present) < len(link.members) else \
                "low confidence: not checked" if link.confidence < min_conf else "aligned"
            shade = {"bg_color": _LOW_FILL, "pattern": 1} if status.startswith("low") or status == "omission" else {}
            for c, v in enumerate((al.group, k, link.confidence, status), start=1):
                book.put(ws, r, c, v, **shade)
            for c, lang in enumerate(langs, start=5):
                texts = [f"[{docs[d].paragraphs[i].line}] {docs[d].paragraphs[i].text}"
                         for d, idx in link.members if docs[d].language == lang for i in idx]
                if texts:
                    book.put(ws, r, c, "\n".join(texts), lang in _RTL)
    book.finish(ws, r, len(header))


def _documents(book: _Book, report: Report) -> None:
    group_of = report.group_index()
    header = ["File", "Document", "Language", "Confidence", "Script", "Encoding", "Paragraph style", "Paragraphs",
              "Boilerplate set aside", "Group", "Status"]
    ws = book.sheet("Documents", header, [40, 26, 10, 11, 8, 10, 12, 11, 36, 8, 40])
    rows = [[d.path, d.id, d.language, d.language_confidence, d.script, d.encoding, d.paragraph_style,
             len(d.paragraphs), "\n".join(f"[{p.line}] {p.text}" for p in d.boilerplate),
             group_of.get(d.id, ""), "audited"] for d in report.documents]
    rtl = [d.language in _RTL for d in report.documents]
    r = 1
    for k, row in enumerate(rows + [None] * len(report.skipped)):
        r += 1
        if r >= _ROWS_MAX:
            book.put(ws, r, 1, f"… {len(rows) + len(report.skipped) - k:,} more files: Excel's row limit; "
                               "see audit.json")
            break
        if row is None:
            s = report.skipped[k - len(rows)]
            book.put(ws, r, 1, s.path)
            book.put(ws, r, 11, f"skipped: {s.reason}", bg_color=_SEVERITY_FILL["error"], pattern=1)
            continue
        for c, v in enumerate(row, start=1):
            book.put(ws, r, c, v, c == 9 and rtl[k])
    book.finish(ws, r, len(header))


def _groups(book: _Book, report: Report, docs) -> None:
    ws = book.sheet("Groups", ["Group", "Documents", "Languages", "Score", "Pair scores"], [8, 60, 20, 8, 60])
    for r, g in enumerate(report.groups, start=2):
        if r >= _ROWS_MAX:
            book.put(ws, r, 1, "… more groups: Excel's row limit; see audit.json")
            break
        row = [g.id, "\n".join(g.documents), ", ".join(docs[d].language for d in g.documents),
               g.score, "\n".join(f"{a} ~ {b}: {s:.2f}" for a, b, s in g.pair_scores) or "a lone document"]
        for c, v in enumerate(row, start=1):
            book.put(ws, r, c, v)
    book.finish(ws, min(len(report.groups) + 1, _ROWS_MAX), 5)


def _str(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v)
