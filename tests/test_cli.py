import json
import shutil

import pytest

from audit.cli import main
from conftest import INPUTS


@pytest.fixture(autouse=True)
def _project(tmp_path, monkeypatch):
    """Each test runs in its own working directory, where config.yaml is absent."""
    monkeypatch.chdir(tmp_path)


def test_run_writes_three_reports_and_finds_sample_discrepancies(tmp_path):
    assert main(["run", str(INPUTS), "--out", str(tmp_path / "r"), "-q"]) == 0
    report = json.loads((tmp_path / "r" / "audit.json").read_text())
    assert (tmp_path / "r" / "audit.xlsx").stat().st_size > 0
    sarif = json.loads((tmp_path / "r" / "audit.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    docs = {d["id"][:3]: d for d in report["documents"]}
    assert docs["004"]["language"] == "ar" and docs["004"]["paragraphs"] == 23
    conflicts = sorted((f["locations"][0]["document"][:3], f["locations"][0]["line"], f["found"])
                       for f in report["findings"] if f["check"] == "country-label-conflict")
    assert conflicts == [("000", 5, "VN"), ("002", 5, "VN")]
    dup = [f for f in report["findings"] if f["check"] == "list-duplicate"]
    # Arabic lists Lang Son twice; Malay writes "Setiausaha Parti Wilayah" twice where the
    # Arabic has provincial and regional party secretaries
    assert sorted((f["locations"][0]["document"][:3], f["locations"][0]["line"], f["locations"][0]["evidence"])
                  for f in dup) == [("003", 5, "Setiausaha Parti Wilayah"), ("004", 17, "لانج سون")]
    link = report["alignment"][0]["links"][4]
    assert link["000_f757e5f0b3b96d17"] == [5] and link["002_f2b97bb889b347b1"] == [5] and 0 <= link["confidence"] <= 1


def test_json_is_deterministic(tmp_path):
    main(["run", str(INPUTS), "--out", str(tmp_path / "a"), "-q"])
    main(["run", str(INPUTS), "--out", str(tmp_path / "b"), "-q"])
    assert (tmp_path / "a" / "audit.json").read_bytes() == (tmp_path / "b" / "audit.json").read_bytes()


def test_baseline_then_check_fails_only_on_new(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(INPUTS, src)
    base = tmp_path / "baseline.json"
    assert main(["baseline", str(src), "--out", str(base), "-q"]) == 0
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 0
    sv = src / "002_f2b97bb889b347b1.txt"
    sv.write_text(sv.read_text().replace("underteckna 29 avtal", "underteckna 28 avtal"))
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 1


def test_check_knows_a_baseline_finding_whose_fingerprint_a_new_version_changed(tmp_path, capsys):
    """A new version of audit may read a name's key another way and so give a known
    discrepancy another fingerprint: the baseline entry's check, group, flagged documents
    and excerpt still know it (one entry for one finding), in baselines written before
    the flagged documents were kept too. A discrepancy that is new still fails."""
    src = tmp_path / "in"
    shutil.copytree(INPUTS, src)
    base = tmp_path / "baseline.json"
    assert main(["baseline", str(src), "--out", str(base), "-q"]) == 0
    data = json.loads(base.read_text())
    assert data["findings"] and all(e["flagged"] for e in data["findings"])
    for k, e in enumerate(data["findings"]):
        e["fingerprint"] = f"from-an-older-version-{k}"
    older = {**data, "findings": [{k: v for k, v in e.items() if k != "flagged"} for e in data["findings"]]}
    for written in (data, older):
        base.write_text(json.dumps(written))
        capsys.readouterr()
        assert main(["check", str(src), "--baseline", str(base)]) == 0
        assert "none new" in capsys.readouterr().out
    # a duplicated entry knows no more than its finding; a finding whose entry is gone is new
    base.write_text(json.dumps({**data, "findings": data["findings"] + data["findings"][:1]}))
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 0
    base.write_text(json.dumps({**data, "findings": data["findings"][1:]}))
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 1
    base.write_text(json.dumps(data))
    sv = src / "002_f2b97bb889b347b1.txt"
    sv.write_text(sv.read_text().replace("underteckna 29 avtal", "underteckna 28 avtal"))
    assert main(["check", str(src), "--baseline", str(base), "-q"]) == 1


def test_usage_and_input_errors_exit_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "c.yaml"
    bad.write_text("languages: [bn]\nfoo: 1\n")
    assert main(["run", str(INPUTS), "--config", str(bad), "--out", str(tmp_path)]) == 2
    assert "unknown config key 'foo'" in capsys.readouterr().err


def test_integration_run_without_a_terminal_writes_progress_lines_to_the_log(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    log = tmp_path / "log"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    batch = tmp_path / "batch"
    batch.mkdir()
    for k in range(25):  # a batch big enough to report its progress
        (batch / f"n{k}.txt").write_text(f"Regeringen i Stockholm tecknade {k + 3} avtal med {k + 40} kommuner.\n"
                                         f"Ministern besökte Uppsala den {k + 1} mars och talade om samarbete.\n")
    with log.open("w") as err:
        subprocess.run([sys.executable, "-m", "audit", "run", str(batch), "--out", str(tmp_path / "r")],
                       stderr=err, check=True, env=env, cwd=tmp_path, timeout=120)
    lines = log.read_text().splitlines()
    assert "audit: reading 25/25 files (" in "\n".join(lines)
    summary = next(k for k, x in enumerate(lines) if "25 documents" in x)
    assert all(" s)" in x for x in lines[:summary]) and summary >= 3  # progress came first, with elapsed time
    with log.open("w") as err:
        subprocess.run([sys.executable, "-m", "audit", "run", str(batch), "--out", str(tmp_path / "r"), "-q",
                        "--jobs", "1"],
                       stderr=err, check=True, env=env, cwd=tmp_path, timeout=120)
    assert log.read_text() == ""


def test_progress_lines_are_written_as_stages_start_and_end_and_every_few_seconds_between():
    import io

    from audit import cli

    now = [0.0]
    out = io.StringIO()
    show = cli._progress(out, clock=lambda: now[0])
    show("grouping", 1, 2)  # a small stage early in the run: nothing yet
    for k in range(1, 101):
        now[0] = k * 0.1  # ten seconds for a hundred files
        show("reading", k, 100)
    show("checking", 1, 2)
    show("checking", 2, 2)
    lines = out.getvalue().splitlines()
    assert lines[0] == "audit: reading 1/100 files (0.1 s)" and lines[-3] == "audit: reading 100/100 files (10.0 s)"
    assert 3 <= len([x for x in lines if "reading" in x]) <= 4  # not a line per file
    assert lines[-2:] == ["audit: checking 1/2 articles (10.0 s)", "audit: checking 2/2 articles (10.0 s)"]
    quick = io.StringIO()
    show = cli._progress(quick, clock=lambda: 0.5)
    show("reading", 1, 1)
    assert quick.getvalue() == ""  # a one-file run that fails says its error alone


def test_version(capsys):
    from audit import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"audit {__version__}"


def test_check_says_in_one_line_that_it_passed(tmp_path, capsys):
    base = tmp_path / "baseline.json"
    assert main(["baseline", str(INPUTS), "--out", str(base), "-q"]) == 0
    capsys.readouterr()
    assert main(["check", str(INPUTS), "--baseline", str(base)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("audit: check passed: 5 documents, 12 findings, none new (12 in the baseline")


def test_a_language_detected_with_low_confidence_is_warned_about_and_shaded(capsys):
    import io

    from openpyxl import load_workbook

    from audit import cli
    from audit.model import Document, Paragraph, Report
    from audit.report import xlsx

    doc = Document("de", "inputs/de.txt", "en", 0.5, "Latn", (Paragraph(0, 1, 1, "Die Regierung hat 29 Abkommen"),))
    report = Report([doc], [], [], [], [], {"checks": []})
    cli._warn_uncertain_languages(report, lambda *a: print(*a, file=__import__("sys").stderr))
    assert "inputs/de.txt: language detected as en with confidence 0.50" in capsys.readouterr().err
    ws = load_workbook(io.BytesIO(xlsx.render(report)))["Documents"]
    header = [c.value for c in ws[1]]
    assert "language uncertain" in ws.cell(2, header.index("Status") + 1).value
    assert ws.cell(2, header.index("Confidence") + 1).fill.fgColor.rgb.endswith("FFE699")


def test_the_command_keeps_a_finished_runs_status_when_ctrl_c_comes_as_it_exits(monkeypatch):
    """``audit`` (and ``python -m audit``) ignore Ctrl-C once main() has returned: the reports
    are written, and an interrupt during the interpreter's exit would replace the status."""
    import signal

    import audit.cli

    monkeypatch.setattr(audit.cli, "main", lambda: 1)
    previous = signal.getsignal(signal.SIGINT)
    try:
        assert audit.cli.entry() == 1
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


THRESHOLD_WRITER = '''
"""Writes the collection thresholds it runs under."""
import gc


def render(report) -> bytes:
    return repr(gc.get_threshold()).encode()
'''


def test_a_command_writes_its_reports_under_the_batch_collection_thresholds_then_gives_the_callers_back(
        tmp_path, monkeypatch):
    import gc
    import sys

    from audit.engine.processes import BATCH_THRESHOLDS
    from audit.report import WRITERS

    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "gc_writer.py").write_text(THRESHOLD_WRITER, "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "mods"))
    monkeypatch.setitem(WRITERS, "gc.txt", "gc_writer")
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_sv.txt").write_text("Parterna undertecknade 29 avtal i Hanoi 2025.\n", "utf-8")
    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert main(["run", str(src), "--out", str(tmp_path / "out"), "-q"]) == 0
        assert (tmp_path / "out" / "gc.txt").read_text() == repr(BATCH_THRESHOLDS)
        assert gc.get_threshold() == (700, 10, 10)
        assert main(["run", str(tmp_path / "missing"), "--out", str(tmp_path / "out2"), "-q"]) == 2
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*old)
        sys.modules.pop("gc_writer", None)
