"""The workbook writer on reports built by hand: Excel's limits, the Summary's tables."""
import io

from openpyxl import load_workbook

from audit.model import Alignment, Document, Finding, Group, Link, Location, Paragraph, Report
from audit.report import xlsx, xlsx_book, xlsx_findings


def _report(texts: dict[str, tuple[str, list[str]]], findings=()) -> Report:
    """Documents {id: (language, paragraphs)} in one group, aligned paragraph by paragraph."""
    docs = [Document(d, f"/in/{d}.txt", lang, 1.0, "Latn", tuple(Paragraph(i, i + 1, i + 1, t) for i, t in enumerate(ps)))
            for d, (lang, ps) in texts.items()]
    n = max(len(ps) for _, ps in texts.values())
    links = tuple(Link(tuple((d.id, (i,) if i < len(d.paragraphs) else ()) for d in docs), 0.9) for i in range(n))
    group = Group("G1", tuple(texts), 0.8)
    signature = {"checks": ["number-mismatch", "name-missing"], "min_confidence": 0.5, "languages": ["ar", "sv"]}
    return Report(docs, [], [group], [Alignment("G1", docs[0].id, links)], list(findings), signature)


def _finding(doc: str, text: str, evidence: str, check: str = "number-mismatch") -> Finding:
    at = text.index(evidence)
    loc = Location(doc, 1, text, evidence, at, at + len(evidence), "flagged")
    return Finding(check, "error", "G1", "a message", (loc,), "subject", "29", "28", fingerprint=f"fp-{doc}-{check}")


def _book(report: Report):
    return load_workbook(io.BytesIO(xlsx.render(report)), rich_text=True)


def test_a_paragraph_over_excels_cell_limit_is_cut_with_a_note_and_its_finding_shows_a_window():
    long = "Stockholm 28 avtal. " + "x" * 40_000 + " 😀" * 10
    report = _report({"sv": ("sv", [long]), "ar": ("ar", ["وقعت 29 اتفاقية"])}, [_finding("sv", long, "28")])
    wb = _book(report)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(2, header.index("Text (sv)") + 1).value
    text = "".join(getattr(b, "text", b) for b in cell)
    assert len(text) < 1000 and text.endswith(" …") and text.startswith("Stockholm 28 avtal.")
    assert [b.text for b in cell if hasattr(b, "font") and b.font.b] == ["28"]
    aligned = wb["Alignment"].cell(2, 5 + ["ar", "sv"].index("sv")).value
    assert len(aligned) <= xlsx_book._CELL_MAX and aligned.endswith(xlsx_book._CUT)


def test_characters_outside_the_basic_plane_count_twice_against_the_limit():
    text = "😀" * 20_000  # 40,000 UTF-16 code units
    clipped = xlsx_book._clip(text)
    assert xlsx_book._units(clipped) <= xlsx_book._CELL_MAX and clipped.endswith(xlsx_book._CUT)
    assert xlsx_book._clip("😀" * 100) == "😀" * 100


def test_evidence_that_is_the_whole_paragraph_is_written_bold_red():
    report = _report({"sv": ("sv", ["28"]), "ar": ("ar", ["29"])}, [_finding("sv", "28", "28")])
    ws = _book(report)["Findings"]
    cell = ws.cell(2, [c.value for c in ws[1]].index("Text (sv)") + 1)
    assert cell.value == "28" and cell.font.b and cell.font.color.rgb.endswith("C00000")


def test_summary_counts_per_language_and_lists_only_the_documents_with_findings():
    report = _report({"a": ("sv", ["Uppsala 28"]), "b": ("ar", ["29 أوبسالا"]), "c": ("ms", ["Uppsala 29"])},
                     [_finding("a", "Uppsala 28", "28"), _finding("a", "Uppsala 28", "Uppsala", "name-missing")])
    rows = [[c.value for c in r] for r in _book(report)["Summary"].iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == "Language")
    header = rows[start]
    per_lang = {r[0]: dict(zip(header, r)) for r in rows[start + 1:start + 4]}
    assert per_lang["sv"]["Documents"] == 1 and per_lang["sv"]["With findings"] == 1
    assert per_lang["sv"]["Findings"] == 2 and per_lang["sv"]["number-mismatch"] == 1 and per_lang["sv"]["error"] == 2
    assert per_lang["ar"]["With findings"] == 0 and per_lang["ar"]["Findings"] == 0
    start = next(i for i, r in enumerate(rows) if r[0] == "Group")
    listed = [r[:4] for r in rows[start + 1:] if r[0]]
    assert listed == [["G1", "sv", "a", 2]]


def test_links_past_excels_per_sheet_limit_become_row_numbers(monkeypatch):
    monkeypatch.setattr(xlsx_book, "_LINKS_MAX", 1)
    text = "Uppsala 28 och 28"
    report = _report({"a": ("sv", [text]), "b": ("ar", ["29"])},
                     [_finding("a", text, "28"), _finding("a", text, "Uppsala", "name-missing")])
    ws = _book(report)["Findings"]
    col = [c.value for c in ws[1]].index("Alignment") + 1
    assert ws.cell(2, col).hyperlink.location == "'Alignment'!A2"
    assert ws.cell(3, col).hyperlink is None and ws.cell(3, col).value == "Alignment row 2"


def _finding_at(locs, check="number-mismatch", severity="error", group="G1", fp=None) -> Finding:
    """A finding over (document, text, evidence, role) locations on line 1."""
    out = []
    for doc, text, evidence, role in locs:
        at = text.index(evidence)
        out.append(Location(doc, 1, text, evidence, at, at + len(evidence), role))
    return Finding(check, severity, group, "a message", tuple(out), "subject", "29", "28",
                   fingerprint=fp or f"fp-{check}-{'-'.join(d for d, *_ , r in locs if r == 'flagged')}-{group}")


def _table(ws) -> list[dict]:
    header = [c.value for c in ws[1]]
    return [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]


def test_a_filter_on_fix_in_selects_exactly_the_findings_that_flag_that_translation():
    texts = {"sv": ("sv", ["Uppsala 28"]), "ar": ("ar", ["أوبسالا 27"]), "ms": ("ms", ["Uppsala 29"])}
    report = _report(texts, [
        _finding_at([("sv", "Uppsala 28", "28", "flagged"), ("ms", "Uppsala 29", "29", "support")], fp="only-sv"),
        # three values, no majority: both minority translations flagged
        _finding_at([("ar", "أوبسالا 27", "27", "flagged"), ("sv", "Uppsala 28", "28", "flagged"),
                     ("ms", "Uppsala 29", "29", "support")], fp="ar-and-sv"),
        _finding_at([("ms", "Uppsala 29", "Uppsala", "flagged")], "name-missing", "warning", fp="only-ms"),
    ])
    rows = _table(_book(report)["Findings"])
    assert sorted(r["ID"] for r in rows if r["Fix in"] == "sv") == ["ar-and-sv", "only-sv"]
    assert [r["ID"] for r in rows if r["Fix in"] == "ar"] == ["ar-and-sv"]
    assert [r["ID"] for r in rows if r["Fix in"] == "ms"] == ["only-ms"]
    assert {r["Fix file"] for r in rows if r["Fix in"] == "sv"} == {"sv.txt"}
    # every aligned translation's paragraph on every row, the one to fix with its evidence
    row = next(r for r in rows if r["ID"] == "only-ms")
    assert row["Text (sv)"] == "Uppsala 28" and row["Text (ar)"] == "أوبسالا 27"


def test_rows_read_errors_first_then_warnings_then_notes_and_articles_in_natural_order():
    texts = {"sv": ("sv", ["Uppsala 28"]), "ms": ("ms", ["Uppsala 29"])}
    loc = [("sv", "Uppsala 28", "28", "flagged")]
    report = _report(texts, [_finding_at(loc, "name-missing", "warning", "G2", "w-G2"),
                             _finding_at(loc, "name-missing", "note", "G1", "n-G1"),
                             _finding_at(loc, "number-mismatch", "error", "G10", "e-G10"),
                             _finding_at(loc, "number-mismatch", "error", "G2", "e-G2")])
    assert [r["ID"] for r in _table(_book(report)["Findings"])] == ["e-G2", "e-G10", "w-G2", "n-G1"]


def test_a_long_paragraph_is_shown_as_a_window_around_its_evidence_and_the_row_is_tall_enough():
    before = "Det här är en mening om något helt annat. " * 60
    sv = before + " Regeringen tecknade 28 avtal i Uppsala. " + before
    ms = "Ini ayat tentang perkara lain. " * 60 + " Kerajaan menandatangani 29 perjanjian. " + before
    report = _report({"sv": ("sv", [sv]), "ms": ("ms", [ms])},
                     [_finding_at([("sv", sv, "28", "flagged"), ("ms", ms, "29", "support")])])
    wb = _book(report)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(2, header.index("Text (sv)") + 1).value
    text = "".join(getattr(b, "text", b) for b in cell)
    assert text.startswith("… ") and text.endswith(" …") and len(text) < len(sv) / 3
    assert "Regeringen tecknade 28 avtal i Uppsala." in text
    assert [b.text for b in cell if hasattr(b, "font") and b.font.b] == ["28"]
    height = ws.row_dimensions[2].height
    assert height and height >= 15 * (len(text) // xlsx_findings._TEXT_WIDTH)
    # the full paragraph is one click away: the Alignment row, and the finding in audit.html
    link = ws.cell(2, header.index("Alignment") + 1).hyperlink
    assert wb["Alignment"].cell(int(link.location.split("!A")[1]), 5 + ["ms", "sv"].index("sv")).value.endswith(sv)
    view = ws.cell(2, header.index("View") + 1).hyperlink
    assert (view.target, view.location) == ("audit.html", "f-" + report.findings[0].fingerprint)


def test_findings_sheet_prints_landscape_one_page_wide_with_the_header_repeated_and_records_the_status():
    report = _report({"sv": ("sv", ["28"]), "ar": ("ar", ["29"])}, [_finding("sv", "28", "28")])
    ws = _book(report)["Findings"]
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out of the file
    assert ws.page_setup.fitToHeight == 0 and ws.print_title_rows == "$1:$1"
    header = [c.value for c in ws[1]]
    col = header.index(xlsx_findings.WRITTEN_HEADER) + 1
    from openpyxl.utils import get_column_letter
    assert ws.column_dimensions[get_column_letter(col)].hidden and ws.cell(2, col).value == "Open"


def test_a_doubted_link_says_which_translations_numbers_and_dates_were_still_compared_in():
    report = _report({"ar": ("ar", ["٢٩ اتفاقية"]), "sv": ("sv", ["29 avtal"]), "ms": ("ms", ["lain teks"])})
    doubted = Link(report.alignments[0].links[0].members, 0.2, (("ar", 0.9), ("sv", 0.8), ("ms", 0.2)))
    lonely = Link(report.alignments[0].links[0].members, 0.2, (("ar", 0.9), ("sv", 0.3), ("ms", 0.2)))
    report.alignments[0] = Alignment("G1", "ar", (doubted, lonely))
    ws = _book(report)["Alignment"]
    assert ws.cell(2, 4).value == "low confidence: numbers and dates checked in ar, sv"
    assert ws.cell(3, 4).value == "low confidence: not checked"
    from audit.report import json_report
    links = json_report.to_dict(report)["alignment"][0]["links"]
    assert links[0]["member_confidence"] == {"ar": 0.9, "sv": 0.8, "ms": 0.2}
