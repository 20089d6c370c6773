"""The workbook writer on reports built by hand: Excel's limits, the Summary's tables."""
import io

from openpyxl import load_workbook

from audit.model import Alignment, Document, Finding, Group, Link, Location, Paragraph, Report
from audit.report import xlsx


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


def test_a_paragraph_over_excels_cell_limit_is_cut_with_a_note_and_keeps_its_evidence():
    long = "Stockholm 28 avtal. " + "x" * 40_000 + " 😀" * 10
    report = _report({"sv": ("sv", [long]), "ar": ("ar", ["وقعت 29 اتفاقية"])}, [_finding("sv", long, "28")])
    wb = _book(report)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(2, header.index("Text (sv)") + 1).value
    text = "".join(getattr(b, "text", b) for b in cell)
    assert len(text) <= xlsx._CELL_MAX and text.endswith(xlsx._CUT) and text.startswith("Stockholm 28 avtal.")
    assert [b.text for b in cell if hasattr(b, "font") and b.font.b] == ["28"]
    aligned = wb["Alignment"].cell(2, 5 + ["ar", "sv"].index("sv")).value
    assert len(aligned) <= xlsx._CELL_MAX and aligned.endswith(xlsx._CUT)


def test_characters_outside_the_basic_plane_count_twice_against_the_limit():
    text = "😀" * 20_000  # 40,000 UTF-16 code units
    clipped = xlsx._clip(text)
    assert xlsx._units(clipped) <= xlsx._CELL_MAX and clipped.endswith(xlsx._CUT)
    assert xlsx._clip("😀" * 100) == "😀" * 100


def test_evidence_that_is_the_whole_paragraph_is_written_bold_red():
    report = _report({"sv": ("sv", ["28"]), "ar": ("ar", ["29"])}, [_finding("sv", "28", "28")])
    cell = _book(report)["Findings"]["K2"]  # Text (sv): after nine columns and Text (ar)
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
    monkeypatch.setattr(xlsx, "_LINKS_MAX", 1)
    text = "Uppsala 28 och 28"
    report = _report({"a": ("sv", [text]), "b": ("ar", ["29"])},
                     [_finding("a", text, "28"), _finding("a", text, "Uppsala", "name-missing")])
    ws = _book(report)["Findings"]
    col = [c.value for c in ws[1]].index("Alignment") + 1
    assert ws.cell(2, col).hyperlink.location == "'Alignment'!A2"
    assert ws.cell(3, col).hyperlink is None and ws.cell(3, col).value == "Alignment row 2"
