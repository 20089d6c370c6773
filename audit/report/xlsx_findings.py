"""The workbook's Findings sheet: one row per finding with a Status drop-down, the
paragraph of each language with the evidence in bold red, line numbers, an Editor
comment column and a link to the finding's row of the Alignment sheet.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from ..languages import is_rtl
from ..model import Finding, Report
from ..meta import DISMISSED, STATUSES, WRITTEN_COMMENT_HEADER, WRITTEN_HEADER, written_status
from .html import anchor as html_anchor
from .readable import finding_message
from .view import Paragraphs, excerpt
from .view import rows as view_rows
from .xlsx_book import _DISMISSED_FILL, _ROWS_MAX, _SEVERITY_FILL, _Book

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


def _str(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    return str(v)
