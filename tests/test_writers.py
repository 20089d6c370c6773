"""Writers are one module with ``render(report) -> bytes`` and one line in
``audit.report.WRITERS``: a writer defined here is registered and its file is
written beside the others, from the same report, atomically with them."""
import json
import sys

from audit import run
from audit.report import WRITERS, write_reports

CSV_WRITER = '''
"""A CSV of the findings: check, document, line, message."""
import csv
import io


def render(report) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\\n")
    out.writerow(["check", "document", "line", "message"])
    for f in report.findings:
        loc = next(x for x in f.locations if x.role == "flagged")
        out.writerow([f.check, loc.document, loc.line, f.message])
    return buf.getvalue().encode("utf-8")
'''


def test_a_writer_registered_in_one_line_writes_its_file_beside_the_others(tmp_path, monkeypatch, config):
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "findings_csv.py").write_text(CSV_WRITER, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.setitem(WRITERS, "audit.csv", "findings_csv")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_sv.txt").write_text("Parterna undertecknade 29 avtal i Hanoi 2025.\n", "utf-8")
    (src / "b_ms.txt").write_text("Kedua-dua pihak menandatangani 28 perjanjian di Hanoi pada 2025.\n", "utf-8")
    report = run([src], config)
    written = write_reports(report, tmp_path / "out")
    assert sorted(p.name for p in written) == ["audit.csv", "audit.html", "audit.json", "audit.sarif", "audit.xlsx"]
    rows = (tmp_path / "out" / "audit.csv").read_text("utf-8").splitlines()
    findings = json.loads((tmp_path / "out" / "audit.json").read_text("utf-8"))["findings"]
    assert rows[0] == "check,document,line,message"
    assert len(rows) == 1 + len(findings) and any(r.startswith("number-mismatch,") for r in rows[1:])
    sys.modules.pop("findings_csv", None)


def test_the_default_writers_are_the_four_reports_of_the_cli_contract():
    assert list(WRITERS) == ["audit.json", "audit.sarif", "audit.xlsx", "audit.html"]
