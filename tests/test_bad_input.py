"""The bad-input catalogue: a clear one-line error naming the file, the right exit
status, inputs never modified, earlier reports intact; a run with good files
beside a bad one goes on and reports what it skipped."""
import contextlib
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit.cli import main
from conftest import INPUTS

BN, SV = "000_f757e5f0b3b96d17.txt", "002_f2b97bb889b347b1.txt"


def _utf8_then_garbage(p: Path):  # 3 lines of 53 bytes, then 0xff at byte 159
    p.write_bytes("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n".encode() * 3 + b"\xff\xfe broken\n")


BAD = {
    "empty": (lambda p: p.write_bytes(b""), "empty file"),
    "whitespace": (lambda p: p.write_text("  \n\n\t \n"), "only white space"),
    "boilerplate": (lambda p: p.write_text("Källa\nKommentar (0)\n"), "only site boilerplate"),
    "png": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), "PNG image"),
    "nul-bytes": (lambda p: p.write_bytes(b"abc\x00def\x00" * 20), "NUL byte at offset 3"),
    "invalid-utf8": (_utf8_then_garbage, "undecodable byte 0xff at offset 159"),
    "latin-1": (lambda p: p.write_bytes("Mötet i Göteborg den 3 mars 2025.\n".encode("latin-1")), "looks like Latin-1"),
    "other-language": (lambda p: p.write_text("Встреча в Ханое 3 марта 2025 года собрала 40 делегатов.\n"),
                       "written in Cyrillic script"),
    "huge-file": (lambda p: open(p, "wb").truncate(200 * 2**20), "over the limit of 50 MB"),
    "one-5mb-line": (lambda p: p.write_text("Mötet i Hanoi 2025 " * 270_000 + "\n"), "over the limit of 200,000"),
}


def _digest(root: Path) -> dict:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def _audited(tmp_path_factory):
    """Two good files and the reports of their audit, made once for the module."""
    root = tmp_path_factory.mktemp("audited")
    (root / "good").mkdir()
    for name in (BN, SV):
        shutil.copy(INPUTS / name, root / "good" / name)
    with contextlib.chdir(root):
        assert main(["run", "good", "--out", "reports", "-q"]) == 0
    return root


@pytest.fixture
def project(tmp_path, monkeypatch, _audited):
    """The working directory: a copy of the two good files and their reports."""
    shutil.copytree(_audited, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_file_alone_is_a_clear_error_and_touches_nothing(project, capsys, case):
    make, message = BAD[case]
    (project / "bad").mkdir()
    bad = project / "bad" / f"{case}.txt"
    make(bad)
    before_inputs, before_reports = _digest(project / "bad"), _digest(project / "reports")
    capsys.readouterr()
    assert main(["run", str(bad), "--out", "reports"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    # progress lines may come first (stderr is not a terminal here); the error is the one last line
    error = lines[-1]
    assert error.startswith("audit: error: ") and message in error and f"{case}.txt" in error, lines
    assert not any(line.startswith("audit: error") or "Traceback" in line for line in lines[:-1]), lines
    assert _digest(project / "bad") == before_inputs and _digest(project / "reports") == before_reports


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_file_among_good_ones_is_skipped_and_reported(project, capsys, case):
    make, message = BAD[case]
    make(project / "good" / f"{case}.txt")
    assert main(["run", "good", "--out", "reports", "-q"]) == 0
    report = json.loads((project / "reports" / "audit.json").read_text())
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert message in skipped[f"{case}.txt"]
    assert {d["id"] for d in report["documents"]} == {BN[:-4], SV[:-4]}
    rows = [[c.value for c in r] for r in load_workbook(project / "reports" / "audit.xlsx")["Documents"].iter_rows()]
    assert any(str(r[0]).endswith(f"{case}.txt") and str(r[-1]).startswith("skipped:") for r in rows)
    base = project / "base.json"
    assert main(["baseline", "good", "--out", str(base), "-q"]) == 0
    capsys.readouterr()
    assert main(["check", "good", "--baseline", str(base)]) == 2  # never passes over an unreadable file
    assert f"{case}.txt" in capsys.readouterr().err


def test_files_that_are_odd_but_readable(project):
    (project / "good" / "utf16.txt").write_bytes("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater.\n".encode("utf-16-le") * 3)
    (project / "good" / "mixed.txt").write_text(
        "The meeting in Hanoi on 3 March 2025 brought together 40 delegates from the provinces.\n"
        "Mötet i Hanoi den 3 mars 2025 samlade 40 delegater från provinserna.\n")
    shutil.copy(project / "good" / BN, project / "good" / "copy_of_bn.txt")
    os.symlink(project / "good", project / "good" / "loop")  # a symlink loop
    assert main(["run", "good", "--out", "reports", "-q"]) == 0
    report = json.loads((project / "reports" / "audit.json").read_text())
    docs = {d["id"]: d for d in report["documents"]}
    assert docs["utf16"]["encoding"] == "utf-16-le" and docs["utf16"]["language"] == "sv"
    assert docs["mixed"]["language"] in ("en", "sv") and docs["mixed"]["language_confidence"] < 1
    dup = [s for s in report["skipped"] if Path(s["path"]).name in (BN, "copy_of_bn.txt")]
    assert len(dup) == 1 and "same content as" in dup[0]["reason"]


def test_two_documents_of_one_language_in_one_article(project):
    sv2 = (project / "good" / SV).read_text().replace("Livfullt", "Livligt", 1)
    (project / "good" / "sv_second.txt").write_text(sv2)
    assert main(["run", "good", "--out", "reports", "-q"]) == 0
    report = json.loads((project / "reports" / "audit.json").read_text())
    groups = [set(g["documents"]) for g in report["groups"]]
    assert all(len([d for d in g if d in (SV[:-4], "sv_second")]) <= 1 for g in groups)
    assert {d["id"] for d in report["documents"]} == {BN[:-4], SV[:-4], "sv_second"}


@pytest.mark.parametrize("paths, message", [
    (["nowhere"], "no such file or directory"),
    (["empty_dir"], "no input files"),
])
def test_paths_that_are_not_inputs(project, capsys, paths, message):
    (project / "empty_dir").mkdir()
    (project / "empty_dir" / "notes.pdf").write_bytes(b"%PDF-1.4")
    capsys.readouterr()
    assert main(["run", *paths, "--out", "reports"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and paths[0] in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("text, message", [
    ("languages: [bn]\ncolour: red\n", "unknown config key 'colour'"),
    ("languages: bn\n", "'languages' must be list, not str"),
    ("languages: [bn\nalign: {band: 3}\n", "not valid YAML at line 2, column"),
    ("languages: [xx]\n", "'xx' is not an ISO 639-1 code"),
])
def test_bad_config(project, capsys, text, message):
    (project / "config.yaml").write_text(text)
    capsys.readouterr()
    assert main(["run", "good", "--out", "reports"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "config.yaml" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("kind, text, message", [
    ("baseline", "{not json", "baseline is not valid JSON"),
    ("baseline", '{"version": 99, "findings": []}', "newer audit"),
    ("reviews", "reviews: [1, 2\n", "reviews file is not valid YAML"),
    ("reviews", "version: 7\nreviews: {}\n", "newer audit"),
    ("reviews", "reviews:\n  abc: {status: Maybe}\n", "needs a status"),
])
def test_corrupt_or_future_baseline_and_reviews(project, capsys, kind, text, message):
    target = project / ("base.json" if kind == "baseline" else "reviews.yaml")
    if kind == "reviews":
        (project / "config.yaml").write_text("languages: [bn, sv]\n")
        (project / "base.json").write_text('{"version": 1, "findings": []}')
    target.write_text(text)
    capsys.readouterr()
    assert main(["check", "good", "--baseline", "base.json"]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and target.name in err and len(err.splitlines()) == 1


def test_a_reviews_file_from_the_config_may_not_leave_the_project(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "config.yaml").write_text(f"languages: [bn, sv]\nreviews: {elsewhere}/reviews.yaml\n")
    assert main(["run", "good", "--out", "reports", "-q", "--allow-outside-root"]) == 0
    capsys.readouterr()
    assert main(["review", "import", "reports/audit.xlsx"]) == 2
    assert "outside the project root" in capsys.readouterr().err
    assert not list(elsewhere.iterdir())
    assert main(["review", "import", "reports/audit.xlsx", "--allow-outside-root", "-q"]) == 0
    assert (elsewhere / "reviews.yaml").exists()


@pytest.mark.parametrize("command", [["run", "good", "--out", "reports"], ["check", "good", "--baseline", "base.json"]])
def test_a_run_reads_no_reviews_file_from_outside_the_project(project, tmp_path_factory, capsys, command):
    """A config from an untrusted branch names a file elsewhere (here through a symlink inside
    the project): its decisions and comments must not be copied into the reports."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    secret = elsewhere / "reviews.yaml"
    fp = json.loads((project / "reports" / "audit.json").read_text())["findings"][0]["fingerprint"]
    secret.write_text(f"reviews:\n  {fp}: {{status: False positive, comment: the secret comment}}\n")
    (project / "base.json").write_text('{"version": 1, "findings": []}')
    (project / "reviews.yaml").symlink_to(secret)
    (project / "config.yaml").write_text("languages: [bn, sv]\n")
    before = _digest(project / "reports")
    capsys.readouterr()
    assert main(command) == 2
    err = capsys.readouterr().err.strip()
    assert "reviews" in err and "outside the project root" in err and len(err.splitlines()) == 1
    assert _digest(project / "reports") == before
    assert main([*command, "--allow-outside-root", "-q"]) in (0, 1)  # the user's explicit choice is honoured
    if command[0] == "run":
        assert "the secret comment" in (project / "reports" / "audit.sarif").read_text()


def test_a_manifest_outside_the_project_is_not_read(project, tmp_path_factory, capsys):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "manifest.csv").write_text("file,article,language\n")
    (project / "config.yaml").write_text(f"languages: [bn, sv]\ngroup: {{by: manifest, manifest: {elsewhere}/manifest.csv}}\n")
    capsys.readouterr()
    assert main(["run", "good", "--out", "reports"]) == 2
    err = capsys.readouterr().err.strip()
    assert "manifest" in err and "outside the project root" in err and len(err.splitlines()) == 1


def test_an_output_directory_given_on_the_command_line_is_the_users_choice(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert main(["run", "good", "--out", str(elsewhere), "-q"]) == 0
    assert (elsewhere / "audit.json").exists()


def test_no_room_for_the_runs_working_files_is_a_clear_error(project, capsys, monkeypatch):
    import tempfile

    for k in range(8):  # enough files for the process pool, which keeps facts in a temporary directory
        shutil.copy(INPUTS / SV, project / "good" / f"copy{k}.txt")
    monkeypatch.setattr(tempfile, "tempdir", str(project / "no-such-dir"))
    before = _digest(project / "reports")
    capsys.readouterr()
    assert main(["run", "good", "--out", "reports", "--jobs", "2"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no-such-dir" in err and "TMPDIR" in err, err
    assert _digest(project / "reports") == before
