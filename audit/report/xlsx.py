"""audit.xlsx: the editors' workbook.

Sheets: Summary (the run's inputs; findings per language, per check with a
chart, and per document for the documents that have any), Findings (one row
per finding with a Status drop-down, the paragraph of each language with the
evidence in bold red, line numbers, an Editor comment column and a link to the
Alignment row), Alignment (one row per link, one column per language),
Documents and Groups.

The Findings sheet is written in ``xlsx_findings``, the cells by ``xlsx_book``.

Written with XlsxWriter (twice as fast as openpyxl on a batch's hundreds of
thousands of cells); editors' workbooks are read back with openpyxl
(``audit.review``). Input text is untrusted: every string cell is written as
text, never as a formula or a link, whatever it starts with (= + - @, tab, CR),
and the workbook carries no external links. A cell holds at most Excel's 32,767
characters and a sheet Excel's 1,048,576 rows; what is cut says so and points
to audit.json, which has everything.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timezone

from ..languages import LOW_CONFIDENCE, is_rtl
from ..model import Report
from ..meta import DISMISSED
from .xlsx_book import _LOW_FILL, _ROWS_MAX, _SEVERITY_FILL, _Book
from .xlsx_findings import _findings, _link_rows


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


def _alignment(book: _Book, report: Report, docs, langs) -> None:
    header = ["Group", "Link", "Confidence", "Status"] + [f"{lang}" for lang in langs]
    ws = book.sheet("Alignment", header, [8, 6, 11, 16] + [60] * len(langs))
    min_conf = report.signature.get("min_confidence", 0.5)
    total = sum(len(al.links) for al in report.alignments)
    r = 1
    for al in report.alignments:
        checked_in = al.checked_members(min_conf) if any(link.confidence < min_conf for link in al.links) else ()
        for k, link in enumerate(al.links, start=1):
            r += 1
            if r >= _ROWS_MAX:
                book.put(ws, r, 1, f"… {total - (r - 2):,} more links: Excel's row limit; see audit.json")
                book.finish(ws, r, len(header))
                return
            present = [d for d, idx in link.members if idx]
            status = "single document" if len(link.members) == 1 else \
                "omission" if len(present) < len(link.members) else \
                "aligned" if link.confidence >= min_conf else _low(checked_in[k - 1], docs)
            shade = {"bg_color": _LOW_FILL, "pattern": 1} if status.startswith("low") or status == "omission" else {}
            for c, v in enumerate((al.group, k, link.confidence, status), start=1):
                book.put(ws, r, c, v, **shade)
            for c, lang in enumerate(langs, start=5):
                texts = [f"[{docs[d].paragraphs[i].line}] {docs[d].paragraphs[i].text}"
                         for d, idx in link.members if docs[d].language == lang for i in idx]
                if texts:
                    book.put(ws, r, c, "\n".join(texts), is_rtl(lang))
    book.finish(ws, r, len(header))


def _low(checked: tuple[str, ...], docs) -> str:
    """The status of a link under ``align.min_confidence``: not checked, or only numbers and
    dates compared, among the translations whose own part the aligner trusts."""
    if not checked:
        return "low confidence: not checked"
    return "low confidence: numbers and dates checked in " + ", ".join(docs[d].language for d in checked)


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
