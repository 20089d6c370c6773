"""The hostile-input catalogue: what a careless user, a full disk or a hostile pull
request hands the tool, and what each case gets.

Every case states its command, the exit status and the one line the user reads
(or, for a run that goes on, the input it skips and why). For every case the
runner also checks: no traceback, the inputs unchanged, the previous reports
intact when the command fails, no temporary file left. Cases about file
permissions run as the unprivileged user ``nobody`` when the tests run as root
(as CI does: root reads any file, so the check would pass without testing
anything); as any other user they run as that user.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import stat
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from audit.cli import main

EN = ("The meeting in Hanoi on 3 March 2025 brought together 40 delegates from 12 provinces.\n"
      "The delegates signed 29 agreements worth 5 million dollars with Vietnam.\n"
      "The next meeting is planned for 14 October 2025 in Hue.\n")
SV = ("Mötet i Hanoi den 3 mars 2025 samlade 40 delegater från 12 provinser.\n"
      "Delegaterna undertecknade 28 avtal värda 5 miljoner dollar med Vietnam.\n"
      "Nästa möte planeras till den 14 oktober 2025 i Hue.\n")
SECRET = "token ghp_SECRETSECRETSECRET in a file outside the inputs"
NOBODY = 65534
LAST_CPU = [0.0]  # CPU seconds of the last case's command (in-process cases)


@dataclass
class Case:
    setup: Callable[[Path], None]  # makes the hostile input in the project
    argv: list[str]  # the command, run in the project directory
    code: int  # expected exit status
    message: str = ""  # in the one-line error (exit 2), or in the skipped input's reason (exit 0)
    skipped: str = ""  # for a run that goes on: the name of the input it skips
    nobody: bool = False  # run as an unprivileged user (permission cases)
    check: Callable[[Path, str, str], None] | None = None  # more assertions on (project, stdout, stderr)
    unchanged: tuple[str, ...] = ("in", "config.yaml", "base.json", "secret.txt")
    patch: Callable | None = None  # monkeypatch-taking function applied before the command


# --- helpers -----------------------------------------------------------------------------------------

def _files(root: Path) -> dict[str, str]:
    out = {}
    if not os.path.lexists(root):
        return out
    items = [root] if not root.is_dir() or root.is_symlink() else sorted(root.rglob("*"))
    for p in items:
        try:
            mode = os.lstat(p).st_mode
        except OSError:
            continue
        if stat.S_ISLNK(mode):
            out[str(p)] = "-> " + os.readlink(p)
        elif stat.S_ISREG(mode):
            try:
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
            except OSError:
                out[str(p)] = "unreadable"
        else:
            out[str(p)] = stat.filemode(mode)
    return out


def _invoke(argv: list[str], cwd: Path, nobody: bool) -> tuple[int, str, str]:
    """Run the CLI in-process; as ``nobody`` in a forked child when we are root."""
    if not (nobody and os.geteuid() == 0):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        return code, out.getvalue(), err.getvalue()
    r_out, w_out = os.pipe()
    r_err, w_err = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop privileges, run, report through the pipes
        code = 99
        try:
            os.close(r_out), os.close(r_err)
            sys.stdout = os.fdopen(w_out, "w")
            sys.stderr = os.fdopen(w_err, "w")
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.chdir(cwd)
            code = main(argv)
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush(), sys.stderr.flush()
            os._exit(code)
    os.close(w_out), os.close(w_err)
    with os.fdopen(r_out) as fo, os.fdopen(r_err) as fe:
        out, err = fo.read(), fe.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out, err


@pytest.fixture(scope="module")
def _first_run(tmp_path_factory):
    """The project's files and the reports of its first run, made once for the module."""
    root = tmp_path_factory.mktemp("hostile-first-run")
    (root / "in").mkdir()
    (root / "in" / "en.txt").write_text(EN)
    (root / "in" / "sv.txt").write_text(SV)
    (root / "config.yaml").write_text("languages: [en, sv]\n")
    (root / "secret.txt").write_text(SECRET + "\n")
    (root / "base.json").write_text('{"version": 1, "findings": []}\n')
    os.chmod(root / "base.json", 0o666)
    with contextlib.chdir(root):
        assert main(["run", "in", "--out", "reports", "-q"]) == 0
    for p in [root / "reports", *(root / "reports").iterdir()]:
        os.chmod(p, 0o777 if p.is_dir() else 0o666)
    return root


@pytest.fixture
def project(monkeypatch, _first_run):
    """A project any user may read (the permission cases run as nobody): in/ with an English
    and a Swedish translation that disagree once, a config, a baseline, reports of a first run
    (copied, with their modes, from the one run the module makes)."""
    root = Path(tempfile.mkdtemp(prefix="audit-hostile-"))
    old = signal.getsignal(signal.SIGALRM)
    try:
        for src in _first_run.iterdir():
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / src.name)
        os.chmod(root, 0o777)
        monkeypatch.chdir(root)
        limit = int(os.environ.get("AUDIT_HOSTILE_TIMEOUT", "60"))

        def timeout(signum, frame):
            raise TimeoutError(f"case took over {limit} s")

        signal.signal(signal.SIGALRM, timeout)
        signal.alarm(limit)  # a FIFO that hangs a read must fail the test, not stall the suite
        yield root
    finally:  # also when the set-up fails: no project left behind in the temporary directory
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        for p in [root, *root.rglob("*")]:
            with contextlib.suppress(OSError):
                if not p.is_symlink():
                    os.chmod(p, 0o777 if p.is_dir() else 0o666)
        shutil.rmtree(root, ignore_errors=True)


def run_case(project: Path, case: Case, monkeypatch=None) -> tuple[str, str]:
    case.setup(project)
    if case.patch is not None:
        case.patch(monkeypatch)
    before = {name: _files(project / name) for name in case.unchanged}
    reports = _files(project / "reports")
    cpu = time.process_time()
    code, out, err = _invoke(case.argv, project, case.nobody)
    LAST_CPU[0] = time.process_time() - cpu
    assert "Traceback" not in err and "Traceback" not in out, err
    assert code == case.code, (code, out, err)
    if code == 2:
        lines = err.strip().splitlines()  # progress notes may come first; the error is one line, the last
        assert lines and all(line.startswith("audit: ") for line in lines), err
        assert [line for line in lines if line.startswith("audit: error: ")] == lines[-1:], err
        assert case.message in lines[-1], err
        assert _files(project / "reports") == reports, "a failed command changed the previous reports"
    if case.skipped:
        report = json.loads((project / "reports" / "audit.json").read_text("utf-8"))
        reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
        assert case.message in reasons.get(case.skipped, ""), reasons
    for name, digest in before.items():
        assert _files(project / name) == digest, f"{name} was modified"
    leftovers = [p for p in project.rglob("*.tmp") if p.name.startswith(".")]
    assert not leftovers, leftovers
    if case.check:
        case.check(project, out, err)
    return out, err


def _report(project: Path) -> dict:
    return json.loads((project / "reports" / "audit.json").read_text("utf-8"))


def _docs(project: Path) -> set[str]:
    return {Path(d["path"]).name for d in _report(project)["documents"]}


def nothing(project: Path) -> None:
    pass


def symlink(name: str, target: str):
    def make(project: Path) -> None:
        os.symlink(target, project / "in" / name)
    return make


def fifo(rel: str):
    def make(project: Path) -> None:
        os.mkfifo(project / rel)
    return make


def sock(rel: str):
    def make(project: Path) -> None:
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(project / rel))  # the socket file stays after close
        s.close()
    return make


def write(rel: str, text: str | bytes, mode: int | None = None):
    def make(project: Path) -> None:
        p = project / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode() if isinstance(text, str) else text)
        if mode is not None:
            os.chmod(p, mode)
    return make


def chmod(rel: str, mode: int):
    def make(project: Path) -> None:
        os.chmod(project / rel, mode)
    return make


def both(*steps):
    def make(project: Path) -> None:
        for s in steps:
            s(project)
    return make


def no_secret(project: Path, out: str, err: str) -> None:
    for p in (project / "reports").iterdir():
        if p.is_file():
            assert b"SECRETSECRET" not in p.read_bytes(), p
    assert "SECRETSECRET" not in out + err


def has_doc(name: str):
    def check(project: Path, out: str, err: str) -> None:
        assert name in _docs(project), _docs(project)
    return check


def only_docs(*names: str):
    def check(project: Path, out: str, err: str) -> None:
        assert _docs(project) == set(names), _docs(project)
    return check


def both_checks(*checks):
    def check(project, out, err):
        for c in checks:
            c(project, out, err)
    return check


RUN = ["run", "in", "--out", "reports", "-q"]
CHECK = ["check", "in", "--baseline", "base.json"]
STALE_BASE = '{"version": 1, "findings": [{"fingerprint": "0123456789abcdef", "check": "number-mismatch"}]}\n'


def base_unchanged_by_update(project: Path, out: str, err: str) -> None:
    assert (project / "base.json").read_text() == STALE_BASE


# --- 1. inputs confined --------------------------------------------------------------------------------

CONFINED = {
    "symlink-to-a-file-outside": Case(symlink("leak.txt", "../secret.txt"), RUN, 0, "outside the input directories",
                                      "leak.txt", check=no_secret),
    "symlink-to-etc-passwd": Case(symlink("passwd.txt", "/etc/passwd"), RUN, 0, "outside the input directories",
                                  "passwd.txt"),
    "symlink-to-git-config": Case(both(write(".git/config", f"[http]\n\textraheader = {SECRET}\n"),
                                       symlink("x.txt", "../.git/config")), RUN, 0, "outside the input directories",
                                  "x.txt", check=no_secret, unchanged=("in", ".git")),
    "symlink-absolute-outside": Case(lambda p: os.symlink(p / "secret.txt", p / "in" / "abs.txt"), RUN, 0,
                                     "not followed (pass --follow-symlinks", "abs.txt", check=no_secret),
    "symlink-inside-the-root-is-read": Case(both(write("in/.drafts/de.txt", SV.replace("28", "27")),
                                                 symlink("draft.txt", ".drafts/de.txt")), RUN, 0,
                                            check=has_doc("draft.txt")),
    "follow-symlinks-reads-outside": Case(both(write("outside/sv2.txt", SV.replace("28", "27")),
                                               symlink("leak.txt", "../outside/sv2.txt")),
                                          RUN + ["--follow-symlinks"], 0, check=has_doc("leak.txt")),
    "broken-symlink": Case(symlink("gone.txt", "nowhere.txt"), RUN, 0, "broken symlink", "gone.txt"),
    "symlink-loop-file": Case(both(symlink("a.txt", "b.txt"), symlink("b.txt", "a.txt")), RUN, 0,
                              "broken symlink", "a.txt"),
    "symlinked-directory-outside-not-walked": Case(lambda p: os.symlink("/etc", p / "in" / "etc"), RUN, 0,
                                                   check=only_docs("en.txt", "sv.txt")),
    "symlinked-directory-loop": Case(lambda p: os.symlink(p / "in", p / "in" / "loop"), RUN, 0,
                                     check=only_docs("en.txt", "sv.txt")),
    "fifo-in-the-tree": Case(fifo("in/x.txt"), RUN, 0, "FIFO", "x.txt"),
    "fifo-alone": Case(fifo("in/x.txt"), ["run", "in/x.txt", "--out", "reports"], 2, "FIFO"),
    "symlink-to-dev-zero": Case(symlink("z.txt", "/dev/zero"), RUN, 0, "outside the input directories", "z.txt"),
    "symlink-to-dev-zero-followed": Case(symlink("z.txt", "/dev/zero"), RUN + ["--follow-symlinks"], 0,
                                         "a device", "z.txt"),
    "device-named-on-the-command-line": Case(nothing, ["run", "/dev/zero", "--out", "reports"], 2, "a device"),
    "dev-null-named-on-the-command-line": Case(nothing, ["run", "/dev/null", "--out", "reports"], 2, "a device"),
    "socket-in-the-tree": Case(sock("in/s.txt"), RUN, 0, "a socket", "s.txt"),
    "symlink-named-on-the-command-line": Case(symlink("leak.txt", "../secret.txt"),
                                              ["run", "in/leak.txt", "--out", "reports"], 2, "outside the input"),
    "file-over-the-size-limit": Case(both(write("config.yaml", "languages: [en, sv]\nmax_file_mb: 0.001\n"),
                                          write("in/big.txt", SV * 20)), RUN, 0,
                                     "over the limit of 1,048 bytes (config key max_file_mb)",
                                     "big.txt", unchanged=("in",)),
    "config-is-a-fifo": Case(both(lambda p: (p / "config.yaml").unlink(), fifo("config.yaml")), RUN, 2, "FIFO",
                             unchanged=("in",)),
    "config-symlink-to-dev-zero": Case(both(lambda p: (p / "config.yaml").unlink(),
                                            lambda p: os.symlink("/dev/zero", p / "config.yaml")), RUN, 2, "a device",
                                       unchanged=("in",)),
    "config-is-a-directory": Case(nothing, RUN + ["--config", "in"], 2, "is a directory"),
    "baseline-is-a-fifo": Case(fifo("fifo.json"), ["check", "in", "--baseline", "fifo.json"], 2, "FIFO"),
    "baseline-is-dev-zero": Case(nothing, ["check", "in", "--baseline", "/dev/zero"], 2, "a device"),
    "baseline-is-a-directory": Case(nothing, ["check", "in", "--baseline", "in"], 2, "is a directory"),
    "reviews-file-is-a-fifo": Case(both(write("config.yaml", "languages: [en, sv]\nreviews: r.yaml\n"),
                                        fifo("r.yaml")), RUN, 2, "FIFO", unchanged=("in",)),
    "workbook-is-a-fifo": Case(fifo("wb.xlsx"), ["review", "import", "wb.xlsx"], 2, "FIFO"),
    "workbook-is-dev-zero": Case(nothing, ["review", "import", "/dev/zero"], 2, "a device"),
    "workbook-is-a-directory": Case(nothing, ["review", "import", "in"], 2, "is a directory"),
}


# --- 3. check never passes over what it could not read (permission cases as nobody) ----------------------

UNREAD = {
    "unreadable-file-skipped": Case(write("in/locked.txt", SV.replace("28", "27"), 0o000), RUN, 0,
                                    "permission denied", "locked.txt", nobody=True),
    "unreadable-file-fails-check": Case(write("in/locked.txt", SV.replace("28", "27"), 0o000), CHECK, 2,
                                        "permission denied", nobody=True),
    "unreadable-directory-skipped": Case(both(write("in/sub/de.txt", SV.replace("28", "27")), chmod("in/sub", 0)),
                                         RUN, 0, "cannot list the directory", "sub", nobody=True),
    "unreadable-directory-fails-check": Case(both(write("in/sub/de.txt", SV.replace("28", "27")),
                                                  chmod("in/sub", 0)), CHECK, 2, "cannot list the directory",
                                             nobody=True),
    "check-update-with-an-unreadable-file": Case(both(write("base.json", STALE_BASE, 0o666),
                                                      write("in/locked.txt", SV.replace("28", "27"), 0o000)),
                                                 CHECK + ["--update"], 2, "permission denied", nobody=True,
                                                 check=base_unchanged_by_update),
    "check-update-with-a-fifo": Case(both(write("base.json", STALE_BASE, 0o666), fifo("in/x.txt")),
                                     CHECK + ["--update"], 2, "FIFO", check=base_unchanged_by_update),
    "check-with-a-broken-symlink": Case(symlink("gone.txt", "nowhere.txt"), CHECK, 2, "broken symlink"),
    "check-with-a-symlink-outside": Case(symlink("leak.txt", "../secret.txt"), CHECK, 2, "outside the input"),
    "check-with-an-empty-file": Case(write("in/empty.txt", ""), CHECK, 2, "empty file"),
    "check-with-a-socket": Case(sock("in/s.txt"), CHECK, 2, "a socket"),
    "check-names-how-many-more": Case(both(fifo("in/x.txt"), write("in/y.txt", "")), CHECK, 2, "1 more input"),
    "check-with-a-duplicate-passes": Case(write("in/copy.txt", SV), CHECK, 1),  # read, audited once: not an error
    "unreadable-config": Case(chmod("config.yaml", 0), RUN, 2, "permission denied", nobody=True, unchanged=("in",)),
    "unreadable-baseline": Case(chmod("base.json", 0), CHECK, 2, "permission denied", nobody=True),
    "unreadable-reviews-file": Case(both(write("config.yaml", "languages: [en, sv]\nreviews: r.yaml\n"),
                                         write("r.yaml", "reviews: {}\n", 0o000)), RUN, 2, "permission denied",
                                    nobody=True, unchanged=("in",)),
    "unreadable-workbook": Case(chmod("reports/audit.xlsx", 0), ["review", "import", "reports/audit.xlsx"], 2,
                                "permission denied", nobody=True),
    "only-input-unreadable": Case(write("in/locked.txt", SV, 0o000), ["run", "in/locked.txt", "--out", "reports"],
                                  2, "permission denied", nobody=True),
    "baseline-update-unwritable": Case(both(write("base.json", STALE_BASE, 0o444), lambda p: os.chmod(p, 0o755)),
                                       ["check", "in", "--baseline", "base.json", "--update"], 2,
                                       "permission denied", nobody=True, check=base_unchanged_by_update),
}


# --- 2. output escaped ------------------------------------------------------------------------------------

FORGED = "sv\n::error file=README.md,line=1,title=Injected::pwned\n::stop-commands::hide\n.txt"
ANNOTATION = r"^::(error|warning|notice) file=[^,:\n\r]*,line=\d+,title=[^,:\n\r]*::"


def rename_sv(name: str):
    def make(project: Path) -> None:
        (project / "in" / "sv.txt").rename(project / "in" / name)
    return make


def no_forged_commands(project: Path, out: str, err: str) -> None:
    import re

    for line in (out + err).splitlines():
        if line.startswith(("::", "##[")):
            assert re.match(ANNOTATION, line), line
        assert "\x1b" not in line and "\r" not in line
    assert "::stop-commands" not in "\n".join(line for line in out.splitlines() if not line.startswith("::error"))
    assert re.search(ANNOTATION, out), out  # the real finding is still annotated


def line_not_overridden(project: Path, out: str, err: str) -> None:
    lines = [line for line in out.splitlines() if "a%2Cline=999.txt" in line]
    assert lines and all(",line=2," in line and ",line=999" not in line for line in lines), out


def no_line_starts_a_command(project: Path, out: str, err: str) -> None:
    assert out and not any(line.startswith(("::", "##")) for line in (out + err).splitlines()), out + err


def no_control_characters(project: Path, out: str, err: str) -> None:
    assert not any(ord(ch) < 32 and ch != "\n" for ch in out + err), repr(out + err)


def every_stderr_line_is_ours(project: Path, out: str, err: str) -> None:
    assert err and all(line.startswith("audit: ") for line in err.splitlines()), err


def valid_json_reports(project: Path, out: str, err: str) -> None:
    report = _report(project)
    paths = [d["path"] for d in report["documents"]] + [s["path"] for s in report["skipped"]]
    assert any("\\xe9" in p for p in paths), paths
    sarif = json.loads((project / "reports" / "audit.sarif").read_text("utf-8"))
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"] for loc in r["locations"]]
    assert all("\n" not in u and " " not in u for u in uris), uris


LATIN1_NAME = os.fsdecode(b"caf\xe9.txt")

ESCAPED = {
    "forged-annotation-in-a-file-name": Case(rename_sv(FORGED), CHECK + ["--format", "github"], 1,
                                             check=no_forged_commands),
    "comma-line-in-a-file-name": Case(rename_sv("a,line=999.txt"), CHECK + ["--format", "github"], 1,
                                      check=line_not_overridden),
    "forged-annotation-text-format": Case(rename_sv(FORGED), CHECK, 1, check=no_line_starts_a_command),
    "file-name-that-starts-a-command": Case(lambda p: (p / "in" / "sv.txt").rename(p / "::warning::x.txt"),
                                            ["check", "in/en.txt", "::warning::x.txt", "--baseline", "base.json"], 1,
                                            check=no_line_starts_a_command, unchanged=("in", "::warning::x.txt")),
    "escape-sequence-in-a-file-name": Case(rename_sv("\x1b[2J\x1b]0;pwned\x07.txt"), CHECK, 1,
                                           check=no_control_characters),
    "escape-sequence-in-a-skipped-name": Case(write("in/\x1b[31mred\n::error::x.txt", ""), RUN[:-1], 0,
                                              "empty file", "\x1b[31mred\n::error::x.txt",  # JSON escapes it
                                              check=both_checks(no_control_characters, every_stderr_line_is_ours)),
    "newline-in-a-missing-path": Case(nothing, ["run", "no\n::error::such", "--out", "reports"], 2,
                                      "no such file", check=no_control_characters),
    "non-utf8-file-name": Case(rename_sv(LATIN1_NAME), RUN, 0, check=valid_json_reports),
    "non-utf8-name-of-a-skipped-file": Case(write(f"in/{LATIN1_NAME}", ""), RUN, 0, "empty file",
                                            "caf\\xe9.txt", check=valid_json_reports),
    "non-utf8-name-in-check-github": Case(rename_sv(LATIN1_NAME), CHECK + ["--format", "github"], 1,
                                          check=no_forged_commands),
    "non-utf8-name-in-check-text": Case(rename_sv(LATIN1_NAME), CHECK, 1, check=no_control_characters),
    "non-utf8-missing-path": Case(nothing, ["run", os.fsdecode(b"\xff\xfe"), "--out", "reports"], 2,
                                  "\\xff\\xfe: no such file"),
}


# --- 4. YAML and JSON that would exhaust the loader -----------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


def baseline(text: str | bytes):
    return write("base.json", text, 0o666)


LOADERS = {
    "config-alias-bomb": Case(write("config.yaml", "languages: [en, sv]\nglossary:\n  " + BOMB.replace("\n", "\n  ")),
                              RUN, 2, "anchors and aliases", unchanged=("in",)),
    "config-one-anchor": Case(write("config.yaml", "languages: &l [en, sv]\n"), RUN, 2, "anchors and aliases",
                              unchanged=("in",)),
    "config-nested-10000-deep": Case(write("config.yaml", "glossary: " + "[" * 10000 + "]" * 10000 + "\n"), RUN, 2,
                                     "config", unchanged=("in",)),
    "config-not-a-mapping": Case(write("config.yaml", "- en\n- sv\n"), RUN, 2, "must be a mapping",
                                 unchanged=("in",)),
    "config-not-utf8": Case(write("config.yaml", b"languages: [en, sv]\n# \xff\n"), RUN, 2, "not valid UTF-8",
                            unchanged=("in",)),
    "reviews-alias-bomb": Case(both(write("config.yaml", "languages: [en, sv]\nreviews: r.yaml\n"),
                                    write("r.yaml", BOMB)), RUN, 2, "anchors and aliases", unchanged=("in",)),
    "reviews-alias-bomb-in-review-import": Case(both(write("config.yaml", "languages: [en, sv]\nreviews: r.yaml\n"),
                                                     write("r.yaml", BOMB)),
                                                ["review", "import", "reports/audit.xlsx"], 2, "anchors and aliases",
                                                unchanged=("in", "r.yaml")),
    "baseline-nested-20000-deep": Case(baseline("[" * 20000 + "]" * 20000), CHECK, 2, "nested"),
    "baseline-nested-40-deep": Case(baseline('{"version": 1, "findings": [], "x": ' + "[" * 40 + "]" * 40 + "}"),
                                    CHECK, 2, "nested more than"),
    "baseline-5000-digit-number": Case(baseline('{"version": ' + "9" * 5000 + ', "findings": []}'), CHECK, 2,
                                       "a number of 5000 characters"),
    "baseline-huge-float": Case(baseline('{"version": 1e999, "findings": []}'), CHECK, 2, "not finite"),
    "baseline-nan": Case(baseline('{"version": NaN, "findings": []}'), CHECK, 2, "NaN is not a JSON number"),
    "baseline-version-string": Case(baseline('{"version": "1", "findings": []}'), CHECK, 2, "'version' must be"),
    "baseline-version-list": Case(baseline('{"version": [1], "findings": []}'), CHECK, 2, "'version' must be"),
    "baseline-version-null": Case(baseline('{"version": null, "findings": []}'), CHECK, 2, "'version' must be"),
    "baseline-version-true": Case(baseline('{"version": true, "findings": []}'), CHECK, 2, "not bool"),
    "baseline-fingerprint-number": Case(baseline('{"version": 1, "findings": [{"fingerprint": 12}]}'), CHECK, 2,
                                        "findings[0]: 'fingerprint' must be a string, not int"),
    "baseline-fingerprint-list": Case(baseline('{"version": 1, "findings": [{"fingerprint": "a"}, '
                                               '{"fingerprint": ["a"]}]}'), CHECK, 2, "findings[1]"),
    "baseline-fingerprint-object": Case(baseline('{"version": 1, "findings": [{"fingerprint": {}}]}'), CHECK, 2,
                                        "not dict"),
    "baseline-entry-not-a-mapping": Case(baseline('{"version": 1, "findings": ["abc"]}'), CHECK, 2,
                                         "findings[0] must be a mapping"),
    "baseline-empty-file": Case(baseline(""), CHECK, 2, "not valid JSON"),
    "baseline-not-utf8": Case(baseline(b'{"version": 1, "findings": ["\xff"]}'), CHECK, 2, "not valid UTF-8"),
    "baseline-too-large": Case(lambda p: os.truncate(p / "base.json", 30 * 2**20), CHECK, 2, "over the limit",
                               unchanged=()),
    "baseline-missing": Case(nothing, ["check", "in", "--baseline", "nope.json"], 2, "baseline file not found"),
    "baseline-with-bom-is-fine": Case(baseline("\ufeff" + '{"version": 1, "findings": []}'), CHECK, 1),
}


# --- 5. writes the operating system refuses -------------------------------------------------------------

def disk_full(after: int = 0):
    """The ``after``+1-th file written finds the disk full (ENOSPC), as a full tmpfs would."""
    def patch(monkeypatch) -> None:
        import errno

        from audit.report import atomic

        real, calls = atomic._write, []

        def write(fd, data):
            calls.append(fd)
            if len(calls) > after:
                os.write(fd, data[: len(data) // 2])  # half written, then the disk is full
                raise OSError(errno.ENOSPC, "No space left on device")
            real(fd, data)

        monkeypatch.setattr(atomic, "_write", write)
    return patch


def swap_after_discovery(name: str, target: str):
    """Between discovery and the read, the input ``name`` becomes a symlink to ``target``
    (relative to the project): the race a hostile checkout or a second process could win."""
    def patch(monkeypatch) -> None:
        import audit.ingest

        real = audit.ingest.discover

        def discover(*args, **kwargs):
            found = real(*args, **kwargs)
            for p in found:
                if p.name == name:
                    os.remove(p)
                    os.symlink(os.path.abspath(target), p)
            return found

        monkeypatch.setattr(audit.ingest, "discover", discover)
    return patch


def read_only_fs(monkeypatch) -> None:
    import errno

    from audit.report import atomic

    def refuse(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)


def reports_of_one_run(project: Path, out: str, err: str) -> None:
    names = {p.name for p in (project / "reports").iterdir()}
    assert {"audit.html", "audit.json", "audit.sarif", "audit.xlsx"} <= names and not [n for n in names if n.endswith(".tmp")]


WRITES = {
    "out-is-a-file": Case(write("out.txt", "x"), ["run", "in", "--out", "out.txt"], 2, "exists and is not a directory"),
    "out-under-a-file": Case(write("out.txt", "x"), ["run", "in", "--out", "out.txt/sub"], 2,
                             "a part of this path is a file"),
    "out-read-only": Case(lambda p: os.chmod(p / "reports", 0o555), RUN, 2, "permission denied", nobody=True),
    "out-holds-a-directory-named-audit-json": Case(lambda p: ((p / "reports" / "audit.json").unlink(),
                                                              (p / "reports" / "audit.json").mkdir()),
                                                   RUN, 2, "audit.json: cannot write here (is a directory"),
    "disk-full-on-the-first-report": Case(nothing, RUN, 2, "no space left on the device", patch=disk_full(0)),
    "disk-full-on-the-last-report": Case(nothing, RUN, 2, "no space left on the device", patch=disk_full(3),
                                         check=reports_of_one_run),
    # what discovery approved is what is read: swapped between the two, a file is refused
    "file-swapped-for-a-symlink-after-discovery": Case(nothing, RUN, 0, "replaced after it was found", "sv.txt",
                                                       check=no_secret, unchanged=("config.yaml", "secret.txt"),
                                                       patch=swap_after_discovery("sv.txt", "secret.txt")),
    "approved-symlink-retargeted-after-discovery": Case(
        both(write("in/.drafts/de.txt", SV.replace("28", "27")), symlink("draft.txt", ".drafts/de.txt")), RUN, 0,
        "replaced after it was found", "draft.txt", check=no_secret, unchanged=("config.yaml", "secret.txt"),
        patch=swap_after_discovery("draft.txt", "secret.txt")),
    "swapped-input-under-a-dot-path": Case(nothing, ["run", "./in", "--out", "reports", "-q"], 0,
                                           "replaced after it was found", "sv.txt", check=no_secret,
                                           unchanged=("config.yaml", "secret.txt"),
                                           patch=swap_after_discovery("sv.txt", "secret.txt")),
    "swapped-input-fails-check": Case(nothing, CHECK, 2, "sv.txt", unchanged=("config.yaml", "secret.txt"),
                                      patch=swap_after_discovery("sv.txt", "secret.txt")),
    "read-only-file-system": Case(nothing, RUN, 2, "read-only file system", patch=read_only_fs),
    "lock-file-of-another-user": Case(chmod("reports/.audit.lock", 0o644), RUN, 0, nobody=True,
                                      check=reports_of_one_run),
    "baseline-out-is-a-directory": Case(nothing, ["baseline", "in", "--out", "reports"], 2, "is a directory"),
    "baseline-out-disk-full": Case(nothing, ["baseline", "in", "--out", "base.json"], 2, "no space left",
                                   patch=disk_full(0)),
    "glossary-out-is-a-directory": Case(nothing, ["glossary", "suggest", "in", "--out", "reports"], 2,
                                        "is a directory"),
    "reviews-file-unwritable": Case(both(write("config.yaml", "languages: [en, sv]\nreviews: rv/r.yaml\n"),
                                         write("rv/r.yaml", "reviews: {}\n"), chmod("rv", 0o555)),
                                    ["review", "import", "reports/audit.xlsx"], 2, "permission denied",
                                    nobody=True, unchanged=("in", "rv")),
    "baseline-update-disk-full": Case(baseline(STALE_BASE), CHECK + ["--update"], 2, "no space left",
                                      patch=disk_full(0), check=base_unchanged_by_update),
}


# --- 6. configuration values ------------------------------------------------------------------------------

def config(text: str):
    return write("config.yaml", "languages: [en, sv]\n" + text)


CONFIG_VALUES = {
    f"config-{name}": Case(config(text), RUN, 2, message, unchanged=("in",))
    for name, text, message in [
        ("band-inf", "align:\n  band: .inf\n", "'align.band' must be a finite number"),
        ("band-huge", "align:\n  band: 100000000000\n", "'align.band' must be between 1 and 10,000"),
        ("band-negative", "align:\n  band: -5\n", "'align.band' must be between"),
        ("threshold-nan", "group:\n  threshold: .nan\n", "'group.threshold' must be a finite number"),
        ("threshold-above-one", "group:\n  threshold: 1.5\n", "'group.threshold' must be between 0 and 1"),
        ("max-per-language-zero", "group:\n  max_per_language: 0\n", "'group.max_per_language' must be between"),
        ("min-confidence-nan", "align:\n  min_confidence: .nan\n", "'align.min_confidence' must be a finite"),
        ("max-file-mb-inf", "max_file_mb: .inf\n", "'max_file_mb' must be a finite number"),
        ("max-file-mb-huge", "max_file_mb: 1.0e+12\n", "'max_file_mb' must be between"),
        ("nested-checks-select", "checks:\n  select: [[number-mismatch]]\n", "'checks.select' must list check codes"),
        ("number-in-checks-ignore", "checks:\n  ignore: [12]\n", "'checks.ignore' must list check codes"),
        ("non-string-override-key", "language_overrides:\n  1: sv\n", "'language_overrides' has a key that is not"),
        ("non-string-severity-key", "checks:\n  severity:\n    7: error\n", "'checks.severity' has a key"),
        ("reviews-empty", "reviews: ''\n", "'reviews' must name a file"),
        ("max-words-negative", "boilerplate:\n  max_words: -1\n", "'boilerplate.max_words' must be between"),
        ("paragraph-chars-zero", "max_paragraph_chars: 0\n", "'max_paragraph_chars' must be between"),
        ("jobs-negative", "jobs: -3\n", "'jobs' must be between"),
    ]
}


def upper_case_languages(project: Path) -> None:
    (project / "config.yaml").write_text("languages: [EN, SV]\nlanguage_overrides:\n  'sv*': SV\n")


def languages_lower_cased(project: Path, out: str, err: str) -> None:
    assert {d["language"] for d in _report(project)["documents"]} == {"en", "sv"}
    assert _report(project)["signature"]["languages"] == ["en", "sv"]


CONFIG_VALUES.update({
    "config-languages-upper-case": Case(upper_case_languages, RUN, 0, check=languages_lower_cased,
                                        unchanged=("in",)),
    "jobs-100000-capped": Case(nothing, RUN + ["--jobs", "100000"], 0),
    "jobs-100000-in-config-capped": Case(config("jobs: 100000\n"), RUN, 0, unchanged=("in",)),
})


# --- 7, 8. shapes of text that once took minutes or gigabytes ----------------------------------------------

HEAD = "Mötet i Hanoi den 3 mars 2025 samlade 40 delegater från 12 provinser.\n"
NAME = "Setiausaha Parti Wilayah"


def cpu_under(seconds: float):
    def check(project: Path, out: str, err: str) -> None:
        assert LAST_CPU[0] < seconds, f"took {LAST_CPU[0]:.1f} s of CPU"
    return check


def read_as(name: str, *texts: str):
    """The document ``name`` was read and holds each of ``texts``."""
    def check(project: Path, out: str, err: str) -> None:
        assert name in _docs(project), (_docs(project), err)
        report = _report(project)
        doc = next(d for d in report["documents"] if Path(d["path"]).name == name)
        assert doc["paragraphs"] >= len(texts), doc
    return check


def bounded_list_finding(project: Path, out: str, err: str) -> None:
    size = (project / "reports" / "audit.json").stat().st_size
    assert size < 2_000_000, size
    dup = [f for f in _report(project)["findings"] if f["check"] == "list-duplicate"]
    assert dup, _report(project)["findings"]
    for f in dup:
        assert len(f["locations"]) <= 20 and len(f["message"]) <= 700
        assert all(len(loc["text"]) <= 1000 for loc in f["locations"])
        for loc in f["locations"]:
            assert loc["text"][loc["start"]:loc["end"]] == loc["evidence"], loc


SHAPES = {
    "markdown-150000-brackets": Case(write("in/x.md", HEAD + "[" * 150_000 + "\n"), RUN, 0,
                                     check=both_checks(read_as("x.md"), cpu_under(10))),
    "markdown-150000-link-starts": Case(write("in/x.md", HEAD + "![a](" * 30_000 + "\n"), RUN, 0,
                                        check=both_checks(read_as("x.md"), cpu_under(10))),
    "html-40000-inline-tags": Case(write("in/x.html", "<p>" + HEAD + "</p><p>" + "<b>x</b> " * 40_000 + "</p>"),
                                   RUN, 0, check=both_checks(read_as("x.html"), cpu_under(10))),
    "html-30000-unclosed-tags": Case(write("in/x.html", "<p>" + HEAD + "</p><p>Nästa möte.</p>" + "<a " * 30_000),
                                     RUN, 0, check=both_checks(read_as("x.html"), cpu_under(10))),
    "html-unclosed-quoted-attributes": Case(write("in/x.html", "<p>" + HEAD + "</p>" + '<a "' * 25_000), RUN, 0,
                                            check=both_checks(read_as("x.html"), cpu_under(10))),
    "html5-without-head-end": Case(write("in/x.html", "<!doctype html><html><head><title>T</title><meta charset=utf-8>"
                                         "<p>" + HEAD + "</p><p>Nästa möte den 14 oktober 2025.</p>"), RUN, 0,
                                   check=read_as("x.html", "", "")),
    "html-unclosed-svg": Case(write("in/x.html", "<body><svg><path d='M0'/><text>logo</text><p>" + HEAD +
                                    "</p><p>Nästa möte den 14 oktober 2025.</p></body>"), RUN, 0,
                              check=read_as("x.html", "", "")),
    "html-only-a-head": Case(write("in/x.html", "<html><head><title>Hanoi</title></head></html>"), RUN, 0,
                             "no text", "x.html"),
    "150000-letters": Case(write("in/x.txt", HEAD + "ha" * 75_000 + "\n"), RUN, 0,
                           check=both_checks(read_as("x.txt"), cpu_under(10))),
    "150000-spaces": Case(write("in/x.txt", HEAD + "A" + " " * 150_000 + "B, C\n"), RUN, 0,
                          check=both_checks(read_as("x.txt"), cpu_under(10))),
    "150-kb-list-of-one-name": Case(write("in/x.txt", HEAD + "Deltagare: " + ", ".join([NAME] * 6000) + " och Hue.\n"),
                                    RUN, 0, check=both_checks(bounded_list_finding, cpu_under(10))),
}

def baseline_written(project: Path, out: str, err: str) -> None:
    data = json.loads((project / "b2.json").read_text("utf-8"))
    assert data["version"] == 1 and data["findings"]


OTHER_COMMANDS = {
    "baseline-with-a-non-utf8-name": Case(rename_sv(LATIN1_NAME), ["baseline", "in", "--out", "b2.json", "-q"], 0,
                                          check=baseline_written),
    "baseline-with-a-fifo-in-the-tree": Case(fifo("in/x.txt"), ["baseline", "in", "--out", "b2.json", "-q"], 0,
                                             check=baseline_written),
    "glossary-suggest-with-a-fifo": Case(fifo("in/x.txt"), ["glossary", "suggest", "in", "--out", "g.yaml", "-q"], 0),
    "glossary-suggest-with-a-symlink-outside": Case(symlink("leak.txt", "../secret.txt"),
                                                    ["glossary", "suggest", "in", "--out", "g.yaml", "-q"], 0),
    "baseline-symlink-to-dev-zero": Case(lambda p: os.symlink("/dev/zero", p / "zero.json"),
                                         ["check", "in", "--baseline", "zero.json"], 2, "a device"),
    "workbook-with-a-non-utf8-name-missing": Case(nothing, ["review", "import", os.fsdecode(b"wb\xe9.xlsx")], 2,
                                                  "wb\\udce9.xlsx: workbook not found"),
    "workbook-not-a-zip": Case(write("wb.xlsx", "just text"), ["review", "import", "wb.xlsx"], 2,
                               "not an Excel workbook"),
    "check-format-github-with-a-fifo": Case(fifo("in/x.txt"), CHECK + ["--format", "github"], 2, "FIFO",
                                            check=no_control_characters),
    "run-verbose-prints-escaped-findings": Case(rename_sv("\x1b[2Jsv.txt"), ["run", "in", "--out", "reports", "-v"], 0,
                                                check=no_control_characters),
}

CATALOGUE = {**CONFINED, **UNREAD, **ESCAPED, **LOADERS, **WRITES, **CONFIG_VALUES, **SHAPES, **OTHER_COMMANDS}


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_hostile_case(project, monkeypatch, name):
    case = CATALOGUE[name]
    if case.nobody and os.geteuid() == 0 and not hasattr(os, "setuid"):
        pytest.skip("cannot drop privileges here")
    run_case(project, case, monkeypatch)


def test_permission_cases_really_run_unprivileged(project):
    """As root the permission cases fork a child that drops to nobody: a file only root may
    read must be refused there, or the cases above test nothing."""
    (project / "in" / "locked.txt").write_text(SV.replace("28", "27"))
    os.chmod(project / "in" / "locked.txt", 0)
    code, out, err = _invoke(["check", "in", "--baseline", "base.json"], project, nobody=True)
    assert code == 2 and "permission denied" in err, err


def test_a_read_is_bounded_whatever_stat_says(tmp_path):
    """/proc files report size 0 and hold more: the read stops at the limit."""
    from audit.errors import AuditError
    from audit.ingest.files import read_regular

    with pytest.raises(AuditError, match="more than the limit"):
        read_regular("/proc/self/maps", 64)
    assert read_regular(__file__, 10 * 2**20).startswith(b'"""The hostile')


def test_display_form_of_a_file_name_is_readable_and_reversible():
    from audit.ingest.files import display, fs_path

    raw = os.fsdecode(b"caf\xe9-\xff.txt")
    shown = display(raw)
    assert shown == "caf\\xe9-\\xff.txt" and shown.encode("utf-8") and fs_path(shown) == raw
    assert display("plain ü.txt") == "plain ü.txt"


def test_workflow_command_escaping():
    from audit.report.escape import github_data, github_property, line_start, terminal

    assert github_property("a,b:c%d\r\ne") == "a%2Cb%3Ac%25d%0D%0Ae"
    assert github_data("50% done\nnext::x") == "50%25 done%0Anext::x"
    assert terminal("a\x1b[31mb\x07\u2028c") == "a\\x1b[31mb\\x07\\u2028c"
    assert line_start("::error::x") == "./::error::x" and line_start("in/a.txt") == "in/a.txt"


def test_jobs_are_capped_at_a_multiple_of_the_cores():
    from audit.config import JOBS_PER_CORE, load_config

    cfg = load_config(overrides={"jobs": 100_000})
    assert 1 <= cfg.jobs <= JOBS_PER_CORE * (os.cpu_count() or 1)


@pytest.mark.parametrize("mask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_reports_get_the_permissions_of_the_users_umask(project, mask, mode):
    old = os.umask(mask)
    try:
        assert main(RUN) == 0
    finally:
        os.umask(old)
    for name in ("audit.json", "audit.sarif", "audit.xlsx", "audit.html"):
        assert stat.S_IMODE(os.stat(project / "reports" / name).st_mode) == mode, name


def test_a_symlinked_report_path_updates_its_target(project):
    (project / "kept").mkdir()
    target = project / "kept" / "audit.json"
    target.write_text("{}")
    (project / "reports" / "audit.json").unlink()
    os.symlink("../kept/audit.json", project / "reports" / "audit.json")
    assert main(RUN) == 0
    assert (project / "reports" / "audit.json").is_symlink()
    assert json.loads(target.read_text())["documents"]


def test_reports_are_replaced_together_under_a_lock(project, monkeypatch):
    """All three temporaries are written before the first rename, while the directory is locked."""
    import fcntl

    from audit.report import atomic

    events = []
    real_replace, real_flock = os.replace, fcntl.flock
    monkeypatch.setattr(atomic.os, "replace", lambda a, b: (events.append(("rename", Path(b).name)),
                                                            real_replace(a, b))[1])
    monkeypatch.setattr(fcntl, "flock", lambda fd, op: (events.append(("lock", op)), real_flock(fd, op))[1])
    real_prepare = atomic._prepare
    monkeypatch.setattr(atomic, "_prepare", lambda p, d: (events.append(("temp", p.name)), real_prepare(p, d))[1])
    assert main(RUN) == 0
    kinds = [e[0] for e in events]
    assert kinds == ["lock", "temp", "temp", "temp", "temp", "rename", "rename", "rename", "rename"], events


# --- growth: twice the text, at most 2.5 times the time ----------------------------------------------------

def _cpu(fn, *args) -> float:
    start = time.process_time()
    fn(*args)
    return time.process_time() - start


def _growth(make, n: int, run) -> tuple[float, float]:
    """CPU seconds for inputs of n and 2n characters, the best of three fresh texts each (caches see new text)."""
    t1 = min(_cpu(run, make(n, salt)) for salt in range(3))
    t2 = min(_cpu(run, make(2 * n, salt)) for salt in range(3, 6))
    return t1, t2


def _letters(n, salt):
    import random

    rng = random.Random(salt)
    return "".join(rng.choice("ah") for _ in range(n))


def _extract(text):
    from audit.extract import extract_facts

    pf = extract_facts(text, "sv", budget=60)
    assert not pf.note


GROWTH = {
    "letters": (_letters, 1000, ()),
    "spaces": (lambda n, salt: "A" + " " * n + f"B{salt}, C", 4000, ()),
    "list-of-one-name": (lambda n, salt: ", ".join([f"{NAME}{salt}"] * (n // 26)), 20_000, ()),
}


@pytest.mark.parametrize("shape", [pytest.param(k, marks=v[2]) for k, v in GROWTH.items()])
def test_extraction_grows_linearly(shape):
    make, n, _ = GROWTH[shape]
    t1, t2 = _growth(make, n, _extract)
    assert t2 <= 2.5 * t1 + 0.03, f"{n} characters: {t1:.3f} s; {2 * n}: {t2:.3f} s"


@pytest.mark.parametrize("shape, make, n", [
    ("markdown-brackets", lambda n, salt: "x" * salt + "[" * n, 75_000),
    ("markdown-link-starts", lambda n, salt: "x" * salt + "![a](" * (n // 5), 75_000),
])
def test_markdown_reader_grows_linearly(shape, make, n):
    from audit.ingest.paragraphs import paragraphs_from_text

    t1, t2 = _growth(make, n, lambda text: paragraphs_from_text(text, markdown=True))
    assert t2 <= 2.5 * t1 + 0.03, (t1, t2)


@pytest.mark.parametrize("shape, make, n", [
    ("inline-tags", lambda n, salt: "<p>" + "<b>x</b> " * (n // 9) + f"{salt}</p>", 90_000),
    ("unclosed-tags", lambda n, salt: f"<p>{salt}</p>" + "<a " * (n // 3), 30_000),
    ("unclosed-quotes", lambda n, salt: f"<p>{salt}</p>" + '<a "' * (n // 4), 30_000),
])
def test_html_reader_grows_linearly(shape, make, n):
    from audit.ingest.paragraphs import paragraphs_from_html

    t1, t2 = _growth(make, n, paragraphs_from_html)
    assert t2 <= 2.5 * t1 + 0.03, (t1, t2)


def test_html_text_after_the_last_tag_keeps_its_angle_brackets():
    from audit.ingest.paragraphs import paragraphs_from_html

    ps = paragraphs_from_html("<p>One</p>\n<p>Two</p>\nif a < b and c <d")
    assert [(p.line, p.text) for p in ps] == [(1, "One"), (2, "Two"), (3, "if a < b and c <d")]


@pytest.mark.parametrize("shape, text", [
    ("150000-letters", "ha" * 75_000),
    ("150000-spaces", "A" + " " * 150_000 + "B, C"),
])
def test_pathological_paragraph_extracted_within_the_budget(shape, text):
    """Linear extractors fit the budget: the guard is for what nobody foresaw."""
    from audit.extract import extract_facts

    assert not extract_facts(text, "sv").note


def test_budget_guard_skips_a_paragraph_with_a_note(monkeypatch):
    from audit import extract

    def slow(text, lang, vocab):
        while True:
            pass

    monkeypatch.setattr(extract, "_extract", slow)
    start = time.perf_counter()
    pf = extract.extract_facts("Mötet i Hanoi 2025.", "sv", budget=0.3)
    # The loop never ends by itself: returning at all is the guard working. The bound is loose,
    # so that a loaded machine (load 20+ on two cores) cannot fail it.
    assert time.perf_counter() - start < 30
    assert pf.numbers == () and "extraction budget of 0.3 s" in pf.note


def test_a_paragraph_past_the_budget_is_noted_in_the_report(project, monkeypatch):
    from audit import extract

    real = extract._extract

    def stall_on_long(text, lang, vocab):
        if "hahaha" in text:
            while True:
                pass
        return real(text, lang, vocab)

    monkeypatch.setattr(extract, "_extract", stall_on_long)
    monkeypatch.setattr(extract, "BUDGET_SECONDS", 0.3)
    (project / "in" / "x.txt").write_text(HEAD + "hahaha hahaha\n")
    code, out, err = _invoke(RUN[:-1] + ["--jobs", "1"], project, False)
    assert code == 0
    doc = next(d for d in _report(project)["documents"] if d["id"] == "x")
    assert doc["notes"] == ["line 2: facts not extracted: the paragraph (13 characters) took more than the "
                            "extraction budget of 0.3 s"]
    assert "x.txt: line 2: facts not extracted" in err


def test_long_paragraph_windows_keep_offsets():
    from audit.checks.bounds import bound_locations
    from audit.model import Location

    para = "x" * 5000 + " Hanoi " + "y" * 5000
    locs = [Location("d", 1, para, "Hanoi", 5001, 5006)] * 30 + [Location("e", 2, "short Hue", "Hue", 6, 9, "support")]
    kept, more = bound_locations(locs)
    assert len(kept) == 20 and more == 11 and {x.document for x in kept} == {"d", "e"}
    loc = kept[0]
    assert loc.text.startswith("…") and loc.text.endswith("…") and len(loc.text) < 500
    assert loc.text[loc.start:loc.end] == "Hanoi" and para[loc.offset + loc.start:loc.offset + loc.end] == "Hanoi"
    assert kept[-1].text == "short Hue" and kept[-1].offset == 0
