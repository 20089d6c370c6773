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
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime, timezone

from pathlib import Path

from ..languages import LOW_CONFIDENCE, is_rtl
from ..model import Finding, Report
from ..meta import DISMISSED, STATUSES, WRITTEN_COMMENT_HEADER, WRITTEN_HEADER, written_status
from .html import anchor as html_anchor
from .readable import finding_message
from .view import Paragraphs, excerpt
from .view import rows as view_rows

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

    def url(self, ws, row: int, col: int, target: str, label: str) -> None:
        """A link to ``target`` (a file beside the workbook, with its #fragment)."""
        if self.links[ws.name] >= _LINKS_MAX:
            self.put(ws, row, col, target)
            return
        self.links[ws.name] += 1
        ws.write_url(row - 1, col - 1, "external:" + target, self.fmt(font_color="#0563C1", underline=1), string=label)

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
        ("Open (not dismissed)", sum(1 for f in report.findings if f.status not in DISMISSED)),
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


_TEXT_WIDTH = 50  # characters a language column shows per line
_PARAS_MAX = 4  # paragraphs one language cell shows; the rest are in Lines and audit.html
# how text of a script fills a wrapped cell: characters per unit of column width (combining
# marks not counted) and points per line, measured on the sample's paragraphs in LibreOffice 7.4
# (Carlito, metric-compatible with Excel's Calibri, and the Noto fallbacks)
_FIT = {"Beng": (0.9, 16.0)}
_FIT_DEFAULT = (1.1, 15.0)


def _findings(book: _Book, report: Report, docs, langs, link_rows) -> None:
    header = ["ID", "Status", "Severity", "Check", "Group", "Fix in", "Fix file", "Languages", "Expected", "Found",
              "Message"] + [f"Text ({lang})" for lang in langs] + ["Lines", "Editor comment", "Alignment", "View",
                                                                   WRITTEN_HEADER, WRITTEN_COMMENT_HEADER]
    widths = [18, 14, 10, 22, 8, 7, 24, 12, 16, 16, 44] + [_TEXT_WIDTH] * len(langs) + [22, 30, 11, 8, 10, 10]
    ws = book.sheet("Findings", header, widths)
    first_text = 12
    paras = Paragraphs(report)
    scripts = {lang: next(d.script for d in report.documents if d.language == lang) for lang in langs}
    rows = view_rows(report)
    r = 1
    for row in rows:
        r += 1
        if r >= _ROWS_MAX:
            book.put(ws, r, 1, f"… {len(rows) - (r - 2):,} more rows: Excel's row limit; see audit.json")
            break
        f, fix = row.finding, docs.get(row.fix)
        values = [f.fingerprint, f.status, f.severity, f.check, f.group, fix.language if fix else "",
                  Path(fix.path).name if fix else "",
                  ", ".join(sorted({docs[loc.document].language for loc in f.locations})),
                  _str(f.expected), _str(f.found), finding_message(f, docs)]
        for c, v in enumerate(values, start=1):
            if c == 2 and f.status in DISMISSED:
                book.put(ws, r, c, v, bg_color=_DISMISSED_FILL, pattern=1)
            elif c == 3:
                book.put(ws, r, c, v, bg_color=_SEVERITY_FILL.get(f.severity, "#FFFFFF"), pattern=1)
            else:
                book.put(ws, r, c, v)
        lines_pt = [_height(f.message, 44)]
        cells = _language_cells(f, row.fix, paras)
        for k, lang in enumerate(langs):
            runs = cells.get(lang)
            if runs:
                book.put(ws, r, first_text + k, runs, is_rtl(lang))
                lines_pt.append(_height("".join(t for t, _ in runs), _TEXT_WIDTH, scripts[lang]))
        lines = _lines(f, docs)
        lines_pt.append(_height(lines, 22))
        col = first_text + len(langs)
        book.put(ws, r, col, lines)
        book.put(ws, r, col + 1, f.comment)
        target = _link_row(f, link_rows, row.fix)
        if target:
            book.link(ws, r, col + 2, target, "Alignment")
        book.url(ws, r, col + 3, "audit.html#" + html_anchor(f.fingerprint), "view")
        # what import compares with, to take only the rows an editor changed
        book.put(ws, r, col + 4, written_status(f.status, f.comment))
        book.put(ws, r, col + 5, f.comment)
        ws.set_row(r - 1, min(409.0, max(lines_pt)))
    if rows:
        ws.data_validation(1, 1, r - 1, 1, {"validate": "list", "source": list(STATUSES), "error_type": "stop",
                                            "error_title": "Status", "error_message": "Pick a status from the list"})
    ws.set_column(len(header) - 2, len(header) - 1, 10, None, {"hidden": True})
    ws.set_landscape()
    ws.fit_to_pages(1, 0)  # one page wide, as many long as it takes
    ws.repeat_rows(0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    book.finish(ws, r, len(header))


def _height(text: str, width: int, script: str = "Latn") -> float:
    """Points a wrapped cell ``width`` wide needs to show ``text`` whole."""
    per_width, per_line = _FIT.get(script, _FIT_DEFAULT)
    room = max(1, int(width * per_width) - 2)
    n = sum(max(1, -(-_shown(line) // room)) for line in text.split("\n"))
    return n * per_line + 4


def _shown(text: str) -> int:
    """Characters that take room on a line: combining marks (vowel signs, harakat) do not."""
    shown = 0
    for ch, n in Counter(text).items():  # each distinct character classified once
        room = _ROOM.get(ch)
        if room is None:
            room = _ROOM[ch] = unicodedata.category(ch) not in ("Mn", "Me", "Cf")
        if room:
            shown += n
    return shown


_ROOM: dict[str, bool] = {}  # character -> whether it takes room on a line


def _language_cells(f: Finding, fix: str, paras: Paragraphs) -> dict[str, list]:
    """language -> rich-text runs: the finding's paragraphs and the ones aligned with them,
    each a window around its evidence (the flagged translation's first)."""
    docs = paras.docs
    aligned = paras.aligned(f)
    spans: dict[tuple[str, int], list] = defaultdict(list)
    flagged_at: dict[str, list[int]] = defaultdict(list)
    rel = None  # where the flagged evidence sits in its paragraph, 0..1
    for loc in f.locations:
        i = paras.index(loc)
        if i is None:
            continue
        if loc.end > loc.start:
            spans[(loc.document, i)].append((loc.offset + loc.start, loc.offset + loc.end))  # in the paragraph
        if loc.role == "flagged" and i not in flagged_at[loc.document]:
            flagged_at[loc.document].append(i)
            if rel is None and loc.document == fix and loc.text:
                rel = (loc.offset + (loc.start + loc.end) / 2) / max(1, len(docs[loc.document].paragraphs[i].text))
    out: dict[str, list] = {}
    order = sorted(aligned, key=lambda d: (d != fix, docs[d].language, d))
    for d in order:
        lang = docs[d].language
        idx = sorted(aligned[d], key=lambda i: (i not in flagged_at.get(d, ()), (d, i) not in spans))
        cell = out.setdefault(lang, [])
        several = len(idx) > 1 or sum(1 for x in order if docs[x].language == lang) > 1
        for n, i in enumerate(idx):
            if n == _PARAS_MAX:
                cell.append((f"\n\n… {len(idx) - n} more paragraph(s): see Lines, or the View link", "head"))
                break
            p = docs[d].paragraphs[i]
            if several:
                cell.append((("\n\n" if cell else "") + f"[{d} line {p.line}] ", "head"))
            ev = spans.get((d, i), [])
            if not ev and rel is not None and len(p.text) > 400:
                mid = int(rel * len(p.text))  # no evidence here: the part where the flagged one sits
                ev_runs = [(t, False) for t in _around(p.text, mid)]
            else:  # the flagged translation's sentence; what the others say, more briefly
                ev_runs = excerpt(p.text, ev, 200 if i in flagged_at.get(d, ()) or not ev else 80)
            cell.extend((t, "evidence" if e else None) for t, e in ev_runs)
    return out


def _around(text: str, mid: int, radius: int = 200) -> list[str]:
    a, b = max(0, mid - radius), min(len(text), mid + radius)
    a = text.find(" ", a) + 1 if a and " " in text[a:a + 30] else a
    k = text.rfind(" ", b - 30, b)
    b = k if b < len(text) and k > a else b
    return [("… " if a else "") + text[a:b] + (" …" if b < len(text) else "")]


def _lines(f: Finding, docs) -> str:
    """One line per document: its language, id and the lines flagged, then those cited as evidence."""
    per: dict[str, dict[str, list[int]]] = {}
    for loc in f.locations:
        got = per.setdefault(loc.document, {"flagged": [], "support": []})
        if loc.line not in got[loc.role if loc.role in got else "flagged"]:
            got[loc.role if loc.role in got else "flagged"].append(loc.line)
    out = []
    for d, got in per.items():
        parts = [", ".join(map(str, sorted(got["flagged"])))] if got["flagged"] else []
        if got["support"]:
            parts.append("evidence " + ", ".join(map(str, sorted(got["support"]))))
        out.append(f"{docs[d].language} {d}: {'; '.join(parts)}")
    return "\n".join(out)


def _link_row(f: Finding, link_rows, fix: str | None = None) -> int | None:
    loc = next((x for x in f.locations if x.role == "flagged" and (fix is None or x.document == fix)),
               f.locations[0] if f.locations else None)
    return link_rows.get((loc.document, loc.line)) if loc else None


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
                    book.put(ws, r, c, "\n".join(texts), is_rtl(lang))
    book.finish(ws, r, len(header))


def _status(d) -> str:
    """What an editor should know of a document: audited, and anything to check."""
    parts = ["audited"]
    if d.language_warning:  # a declared language the script or the detector contradicts
        parts.append(f"language to check: {d.language_warning}")
    elif d.language_confidence < LOW_CONFIDENCE:
        parts.append(f"language uncertain ({d.language} at {d.language_confidence:.2f}): check it, "
                     "or set it in language_overrides")
    parts += d.notes  # paragraphs whose facts were skipped (past the extraction budget)
    return "; ".join(parts)


def _documents(book: _Book, report: Report) -> None:
    group_of = report.group_index()
    header = ["File", "Document", "Language", "Confidence", "Script", "Encoding", "Paragraph style", "Paragraphs",
              "Boilerplate set aside", "Group", "Status"]
    ws = book.sheet("Documents", header, [40, 26, 10, 11, 8, 10, 12, 11, 36, 8, 40])
    rows = [[d.path, d.id, d.language, d.language_confidence, d.script, d.encoding, d.paragraph_style,
             len(d.paragraphs), "\n".join(f"[{p.line}] {p.text}" for p in d.boilerplate),
             group_of.get(d.id, ""), _status(d)] for d in report.documents]
    rtl = [is_rtl(d.language) for d in report.documents]
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
        uncertain = row[3] < LOW_CONFIDENCE or bool(report.documents[k].language_warning)
        for c, v in enumerate(row, start=1):
            if uncertain and c in (3, 4, 11):
                book.put(ws, r, c, v, bg_color=_SEVERITY_FILL["warning"], pattern=1)
            else:
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
