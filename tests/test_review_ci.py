"""Editors' workbook, the review round-trip, and CI gating on new findings only."""
import contextlib
import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from audit.cli import main
from conftest import INPUTS, ROOT

SV = "002_f2b97bb889b347b1.txt"
AR = "004_af34f8aa08ece2c2.txt"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project directory holding a copy of the sample and a config; the working directory."""
    shutil.copytree(INPUTS, tmp_path / "inputs")
    (tmp_path / "config.yaml").write_text("languages: [bn, hi, sv, ms, ar, en]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def _ran_template(tmp_path_factory):
    """The project after one ``audit run``, made once for the module."""
    root = tmp_path_factory.mktemp("ran-project")
    shutil.copytree(INPUTS, root / "inputs")
    (root / "config.yaml").write_text("languages: [bn, hi, sv, ms, ar, en]\n")
    with contextlib.chdir(root):
        assert main(["run", "-q"]) == 0
    return root


@pytest.fixture
def ran_project(tmp_path, monkeypatch, _ran_template):
    """A project as ``project`` gives it, after ``audit run`` (a copy of one run's reports: a
    run writes nothing else, and its reports name no absolute path); the working directory."""
    shutil.copytree(_ran_template, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _report(project):
    return json.loads((project / "reports" / "audit.json").read_text())


def _rows(path):
    ws = load_workbook(path)["Findings"]
    header = [c.value for c in ws[1]]
    return ws, header


def test_workbook_sheets_status_dropdown_evidence_and_links(ran_project):
    wb = load_workbook(ran_project / "reports" / "audit.xlsx", rich_text=True)
    assert wb.sheetnames == ["Summary", "Findings", "Alignment", "Documents", "Groups"]
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    assert header[:11] == ["ID", "Status", "Severity", "Check", "Group", "Fix in", "Fix file", "Languages",
                           "Expected", "Found", "Message"]
    assert {"Text (ar)", "Text (bn)", "Text (sv)", "Lines", "Editor comment", "Alignment", "View"} <= set(header)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    (dv,) = ws.data_validations.dataValidation
    assert "False positive" in dv.formula1 and "B2" in str(dv.sqref)
    report = _report(ran_project)
    row = next(r for r in ws.iter_rows(min_row=2)
               if r[3].value == "list-duplicate" and r[header.index("Fix in")].value == "ar")
    ar_cell = row[header.index("Text (ar)")]
    bold = [block.text for block in ar_cell.value if hasattr(block, "font") and block.font.b]
    assert bold == ["لانج سون", "لانج سون"]
    assert ar_cell.alignment.readingOrder == 2
    link = row[header.index("Alignment")].hyperlink
    target_row = int((link.location or link.target).split("!A")[1])
    assert wb["Alignment"].cell(target_row, 1).value == next(
        f["group"] for f in report["findings"] if f["check"] == "list-duplicate")
    assert len(list(ws.iter_rows(min_row=2))) == len(report["findings"])
    summary = [c.value for r in wb["Summary"].iter_rows() for c in r if c.value is not None]
    assert "Findings per check" in [ch.title.tx.rich.p[0].r[0].t for ch in wb["Summary"]._charts]
    assert "country-label-conflict" in summary


def test_review_round_trip_and_ci_gating(ran_project, capsys):
    findings = _report(ran_project)["findings"]
    dismissed = next(f for f in findings if f["check"] == "name-spelling-variant")
    confirmed = next(f for f in findings if f["check"] == "country-label-conflict")
    # the editor: re-sorts the rows, hides a column, adds a sheet, marks two findings
    path = ran_project / "reports" / "audit.xlsx"
    wb = load_workbook(path)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    ws.column_dimensions["F"].hidden = True
    wb.create_sheet("My notes")
    for row in ws.iter_rows(min_row=2):
        if row[0].value == dismissed["fingerprint"]:
            row[1].value = "False positive"
            row[header.index("Editor comment")].value = "a known variant spelling"
        if row[0].value == confirmed["fingerprint"]:
            row[1].value = "Confirmed"
            row[header.index("Editor comment")].value = "Guangxi is in China; fix the Swedish"
    wb.save(path)
    assert main(["review", "import", str(path), "-q"]) == 0
    reviews = (ran_project / "reviews.yaml").read_text()
    assert dismissed["fingerprint"] in reviews and "False positive" in reviews and "fix the Swedish" in reviews

    assert main(["run", "-q"]) == 0
    statuses = {f["fingerprint"]: f["status"] for f in _report(ran_project)["findings"]}
    assert statuses[dismissed["fingerprint"]] == "False positive"
    assert statuses[confirmed["fingerprint"]] == "Confirmed"

    empty = ran_project / "empty.json"
    empty.write_text('{"version": 1, "findings": []}')
    capsys.readouterr()
    assert main(["check", "--baseline", str(empty)]) == 1
    out = capsys.readouterr().out
    assert confirmed["fingerprint"] in out and dismissed["fingerprint"] not in out

    base = ran_project / "baseline.json"
    assert main(["baseline", "--out", str(base), "-q"]) == 0
    assert main(["check", "--baseline", str(base), "-q"]) == 0
    sv = ran_project / "inputs" / SV
    clean = sv.read_text()
    sv.write_text(clean.replace("underteckna 29 avtal", "underteckna 28 avtal"))
    capsys.readouterr()
    assert main(["check", "--baseline", str(base)]) == 1
    out = capsys.readouterr().out
    assert SV in out and "number-mismatch" in out
    sv.write_text(clean)
    assert main(["check", "--baseline", str(base), "-q"]) == 0


def test_fixed_finding_is_resolved_and_update_shrinks_the_baseline(ran_project, capsys):
    dup = next(f for f in _report(ran_project)["findings"]
               if f["check"] == "list-duplicate" and f["locations"][0]["document"] == AR[:-4])
    base = ran_project / "baseline.json"
    assert main(["baseline", "--out", str(base), "-q"]) == 0
    ar = ran_project / "inputs" / AR
    lines = ar.read_text().split("\n")
    head, _, tail = lines[16].rpartition("لانج سون")  # the list's repeated member, line 17
    lines[16] = head + "ها جيانج" + tail
    ar.write_text("\n".join(lines))
    capsys.readouterr()
    assert main(["check", "--baseline", str(base)]) == 0
    assert dup["fingerprint"] in capsys.readouterr().err
    assert main(["check", "--baseline", str(base), "--update", "-q"]) == 0
    kept = {e["fingerprint"] for e in json.loads(base.read_text())["findings"]}
    assert dup["fingerprint"] not in kept and kept


def test_github_annotations(project, capsys):
    empty = project / "empty.json"
    empty.write_text('{"version": 1, "findings": []}')
    assert main(["check", "--baseline", str(empty), "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(x.startswith(("::error file=inputs/", "::warning file=inputs/", "::notice file=inputs/"))
                         for x in lines)
    assert any(f"file=inputs/{AR},line=17,title=list-duplicate::" in x for x in lines)


def _fingerprints(project):
    assert main(["run", "-q"]) == 0
    return {(f["check"], f["fingerprint"]) for f in _report(project)["findings"]}


@pytest.mark.parametrize("edit", ["insert-paragraph", "typo-elsewhere", "reorder-files"])
def test_fingerprints_survive_unrelated_edits(ran_project, edit):
    before = {(f["check"], f["fingerprint"]) for f in _report(ran_project)["findings"]}
    if edit == "insert-paragraph":
        ar = ran_project / "inputs" / AR
        lines = ar.read_text().split("\n")
        lines.insert(1, "ملاحظة المحرر: نُشر هذا المقال أولاً باللغة الفيتنامية.")
        ar.write_text("\n".join(lines))
    elif edit == "typo-elsewhere":
        sv = ran_project / "inputs" / SV
        sv.write_text(sv.read_text().replace("Livfullt", "Livfult", 1))
    if edit == "reorder-files":  # the same files, named on the command line in reverse order
        files = sorted((ran_project / "inputs").iterdir(), reverse=True)
        assert main(["run", *map(str, files), "-q"]) == 0
        after = {(f["check"], f["fingerprint"]) for f in _report(ran_project)["findings"]}
    else:
        after = _fingerprints(ran_project)
    assert before <= after if edit == "insert-paragraph" else before == after


def test_sarif_validates_against_the_official_schema(ran_project):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    sarif = json.loads((ran_project / "reports" / "audit.sarif").read_text())
    jsonschema.validate(sarif, schema)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "list-duplicate"
                  and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(AR))
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 17
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f"inputs/{AR}"
    assert result["partialFingerprints"]["auditFingerprint/v1"]
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} >= {"number-mismatch", "list-duplicate"}


@pytest.mark.parametrize("damage, message", [
    ("rename-column", "lacks the column(s) 'Status'"),
    ("bad-status", "is not one of"),
    ("not-xlsx", "not an Excel workbook"),
])
def test_review_import_refuses_damaged_workbooks(ran_project, capsys, damage, message):
    path = ran_project / "reports" / "audit.xlsx"
    if damage == "not-xlsx":
        path.write_text("ID,Status\n")
    else:
        wb = load_workbook(path)
        ws = wb["Findings"]
        if damage == "rename-column":
            ws["B1"] = "State"
        else:
            ws["B2"] = "Maybe"
        wb.save(path)
    _refused_in_one_line(ran_project, capsys, path, message)


def test_review_import_tolerates_reordered_columns(ran_project):
    path = ran_project / "reports" / "audit.xlsx"
    wb = load_workbook(path)
    ws = wb["Findings"]
    fp = ws["A2"].value
    ws.insert_cols(1)  # an editor's own column first: everything moves right
    ws["A1"] = "My column"
    ws["C2"] = "Won't fix"
    wb.save(path)
    assert main(["review", "import", str(path), "-q"]) == 0
    assert fp in (ran_project / "reviews.yaml").read_text() and "Won't fix" in (ran_project / "reviews.yaml").read_text()


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def test_input_text_never_becomes_a_formula(project):
    text = "\n".join(f"{f} Stockholm 2025 Uppsala {k}" for k, f in enumerate(FORMULAS)) + "\n"
    (project / "inputs" / "formulas.txt").write_text(text.replace("\r", "\u2028"))
    (project / "inputs" / "formulas2.txt").write_text("=1+2 " + "Uppsala 2025 Stockholm\n" * 3)
    assert main(["run", "-q"]) == 0
    wb = load_workbook(project / "reports" / "audit.xlsx")
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    starts = [c for c in cells if c.value.lstrip("[0123456789] ").startswith(("=", "+", "-", "@"))]
    assert starts, "the formula-like paragraphs should appear in the workbook"
    assert all(c.data_type == "s" for c in cells)
    with __import__("zipfile").ZipFile(project / "reports" / "audit.xlsx") as z:
        names = z.namelist()
        assert not any("externalLink" in n for n in names)
        assert not any("<f>" in z.read(n).decode("utf-8", "replace") for n in names if n.startswith("xl/worksheets/"))


def test_libreoffice_opens_the_workbook_and_keeps_text(project):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed here (make test installs it where apt is available)")
    (project / "inputs" / "formulas.txt").write_text("=1+2 Uppsala 2025 Stockholm\n+3 Uppsala 2024\n")
    assert main(["run", "-q"]) == 0
    out = project / "converted"
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{project}/lo-profile",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(project / "reports" / "audit.xlsx")],
                   check=True, capture_output=True, timeout=180)
    csvs = {p.name: p.read_text("utf-8") for p in out.glob("*.csv")}
    documents = next(v for k, v in csvs.items() if "Documents" in k)
    alignment = next(v for k, v in csvs.items() if "Alignment" in k)
    assert "formulas" in documents
    assert "=1+2 Uppsala 2025 Stockholm" in alignment and "+3 Uppsala 2024" in alignment
    assert "\n3," not in alignment  # the formula was not evaluated


def _pdf_pages(pdf) -> list[str]:
    import re

    pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout.split("\f")
    # bidi controls pdftotext adds around right-to-left runs, and the lam-alef ligature, which it
    # writes as its two letters in visual order
    return [re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", p) for p in pages]


def test_integration_libreoffice_prints_every_findings_evidence_one_page_wide(ran_project):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or pdftotext is not installed here (make test installs them where apt is available)")
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{ran_project}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(ran_project / "pdf"), str(ran_project / "reports" / "audit.xlsx")],
                   check=True, capture_output=True, timeout=180)
    pages = [p for p in _pdf_pages(ran_project / "pdf" / "audit.pdf") if "Fix in" in p]  # the header, on every page
    assert pages and all("ID" in p and "View" in p for p in pages)  # first and last column: one page wide
    text = " ".join(" ".join(pages).split())
    findings = _report(ran_project)["findings"]
    assert len(findings) >= 10
    for f in findings:
        for loc in f["locations"]:
            if loc["role"] == "flagged":
                evidence = " ".join(loc["evidence"].split()).replace("\u0644\u0627", "\u0627\u0644")
                assert evidence in text, (f["check"], loc["evidence"])


def _mark(path, decisions, copy_to=None):
    """An editor's copy of the workbook: {fingerprint: status} set on its rows."""
    wb = load_workbook(path)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in decisions:
            row[header.index("Status")].value = decisions[row[0].value]
    wb.save(copy_to or path)
    return copy_to or path


@pytest.mark.parametrize("order", ["anna-first", "bo-first"])
def test_two_editors_workbooks_keep_both_decisions_and_report_a_conflict(ran_project, capsys, order):
    import yaml

    path = ran_project / "reports" / "audit.xlsx"
    findings = _report(ran_project)["findings"]
    one, two, both = findings[0]["fingerprint"], findings[1]["fingerprint"], findings[2]["fingerprint"]
    anna = _mark(path, {one: "Confirmed", both: "Fixed"}, ran_project / "anna.xlsx")
    bo = _mark(path, {two: "False positive", both: "Won't fix"}, ran_project / "bo.xlsx")
    first, second = (anna, bo) if order == "anna-first" else (bo, anna)
    assert main(["review", "import", str(first), "-q"]) == 0
    capsys.readouterr()
    assert main(["review", "import", str(second), "-q"]) == 0
    err = capsys.readouterr().err
    kept = {"Fixed": "Won't fix", "Won't fix": "Fixed"}
    first_status = "Fixed" if first == anna else "Won't fix"
    (conflict,) = [line for line in err.splitlines() if both in line]
    assert str(second) in conflict and "row " in conflict
    assert f"'{first_status}'" in conflict and f"'{kept[first_status]}'" in conflict
    reviews = yaml.safe_load((ran_project / "reviews.yaml").read_text())["reviews"]
    assert reviews[one]["status"] == "Confirmed" and reviews[two]["status"] == "False positive"
    assert reviews[both]["status"] == first_status
    # the readable diff: each decision says what it is about
    f = next(x for x in findings if x["fingerprint"] == one)
    from audit.report.readable import readable

    assert reviews[one]["check"] == f["check"]
    assert reviews[one]["message"] == readable(f["message"]).replace("\u2068", "").replace("\u2069", "")
    assert reviews[one]["files"] and all(name.endswith(".txt") for name in reviews[one]["files"])
    # --prefer settles the conflict for the second workbook
    assert main(["review", "import", str(second), "--prefer", "workbook", "-q"]) == 0
    assert yaml.safe_load((ran_project / "reviews.yaml").read_text())["reviews"][both]["status"] == kept[first_status]


def test_a_finding_marked_fixed_that_still_occurs_is_reopened_with_a_note(ran_project):
    path = ran_project / "reports" / "audit.xlsx"
    fp = _report(ran_project)["findings"][0]["fingerprint"]
    _mark(path, {fp: "Fixed"})
    assert main(["review", "import", str(path), "-q"]) == 0
    assert main(["run", "-q"]) == 0
    again = next(f for f in _report(ran_project)["findings"] if f["fingerprint"] == fp)
    assert again["status"] == "Open"
    ws, header = _rows(path)
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == fp)
    assert row[header.index("Status")].value == "Open"
    assert "marked Fixed, but this run still finds it" in row[header.index("Editor comment")].value
    # an untouched reopened row does not undo the decision on the next import
    assert main(["review", "import", str(path), "-q"]) == 0
    assert "Fixed" in (ran_project / "reviews.yaml").read_text()


def test_old_reviews_files_with_bare_entries_still_read(ran_project):
    fp = _report(ran_project)["findings"][0]["fingerprint"]
    (ran_project / "reviews.yaml").write_text(
        f"version: 1\nreviews:\n  '{fp}':\n    status: False positive\n    check: x\n    excerpt: y\n")
    assert main(["run", "-q"]) == 0
    assert next(f for f in _report(ran_project)["findings"] if f["fingerprint"] == fp)["status"] == "False positive"


def _damage_crc(path):
    import zipfile

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage, message", [
    ("crc", "this workbook is damaged; save it again from Excel"),
    ("formula", "Status is a formula"),
])
def test_review_import_refuses_a_damaged_workbook_or_a_formula_status(ran_project, capsys, damage, message):
    path = ran_project / "reports" / "audit.xlsx"
    if damage == "crc":
        _damage_crc(path)
    else:
        wb = load_workbook(path)
        wb["Findings"]["B2"] = '=IF(1,"Fixed","Open")'
        wb.save(path)
    _refused_in_one_line(ran_project, capsys, path, message)


def test_review_import_reports_unknown_and_duplicate_ids_and_leaves_them_out(ran_project, capsys):
    path = ran_project / "reports" / "audit.xlsx"
    wb = load_workbook(path)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    fp = ws["A2"].value
    first = [c.value for c in ws[2]]
    ws.append(first)  # the same row twice
    ws.append(["not-a-finding", "Confirmed"] + [None] * (len(header) - 2))
    ws.cell(ws.max_row - 1, 2).value = "Confirmed"
    wb.save(path)
    capsys.readouterr()
    assert main(["review", "import", str(path), "-q"]) == 0
    err = capsys.readouterr().err
    assert "'not-a-finding' was not written by audit" in err
    assert f"same ID {fp}" in err
    assert "not-a-finding" not in (ran_project / "reviews.yaml").read_text()


def test_right_to_left_quotes_are_isolated_in_the_workbook_sarif_and_terminal(ran_project, capsys):
    raw = next(f["message"] for f in _report(ran_project)["findings"] if "'مينه'" in f["message"])
    shown = raw.replace("'مينه'", "'\u2068مينه\u2069' [mynh]").replace("'منه'", "'\u2068منه\u2069' [mnh]")
    ws, header = _rows(ran_project / "reports" / "audit.xlsx")
    assert shown in [r[header.index("Message")].value for r in ws.iter_rows(min_row=2)]
    sarif = json.loads((ran_project / "reports" / "audit.sarif").read_text())
    assert shown in [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    empty = ran_project / "empty.json"
    empty.write_text('{"version": 1, "findings": []}')
    capsys.readouterr()
    assert main(["check", "--baseline", str(empty)]) == 1
    assert shown in capsys.readouterr().out


def _refused_in_one_line(project, capsys, path, message):
    """``review import`` exits 2 with one line naming the workbook and what is wrong, and records nothing."""
    capsys.readouterr()
    assert main(["review", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and str(path) in err and len(err.strip().splitlines()) == 1
    assert not (project / "reviews.yaml").exists()


def test_a_dismissal_survives_a_new_version_that_changes_the_findings_fingerprint(ran_project, capsys):
    """A new version of audit may give a reviewed discrepancy another fingerprint: the
    decision is still found by what the editor's row showed (check, file, message), one
    decision for one finding, so CI does not fail on a finding an editor dismissed. A
    decision whose message is not the finding's does not match."""
    import yaml

    dismissed = next(f for f in _report(ran_project)["findings"] if f["check"] == "name-spelling-variant")
    path = ran_project / "reports" / "audit.xlsx"
    _mark(path, {dismissed["fingerprint"]: "False positive"}, path)
    assert main(["review", "import", str(path), "-q"]) == 0
    store = ran_project / "reviews.yaml"
    data = yaml.safe_load(store.read_text())
    data["reviews"] = {"0123456789abcdef": data["reviews"].pop(dismissed["fingerprint"])}
    store.write_text(yaml.safe_dump(data, allow_unicode=True))
    empty = ran_project / "empty.json"
    empty.write_text('{"version": 1, "findings": []}')
    capsys.readouterr()
    assert main(["check", "--baseline", str(empty)]) == 1
    assert dismissed["fingerprint"] not in capsys.readouterr().out
    assert main(["run", "-q"]) == 0
    report = _report(ran_project)
    assert next(f for f in report["findings"] if f["fingerprint"] == dismissed["fingerprint"])["status"] == \
        "False positive"
    assert "0123456789abcdef" not in {r["fingerprint"] for r in report.get("resolved", [])}

    # the editor then changes that row of the new workbook: the decision moves to the new fingerprint
    moved = ran_project / "moved.xlsx"
    _mark(path, {dismissed["fingerprint"]: "Confirmed"}, moved)
    notes = []
    from audit.review import import_workbook
    import_workbook(moved, store, notes=notes)
    assert not notes
    assert {fp: r["status"] for fp, r in yaml.safe_load(store.read_text())["reviews"].items()} == \
        {dismissed["fingerprint"]: "Confirmed"}
    store.write_text(yaml.safe_dump(data, allow_unicode=True))

    data["reviews"]["0123456789abcdef"]["message"] += " (another)"
    store.write_text(yaml.safe_dump(data, allow_unicode=True))
    capsys.readouterr()
    assert main(["check", "--baseline", str(empty)]) == 1
    assert dismissed["fingerprint"] in capsys.readouterr().out
