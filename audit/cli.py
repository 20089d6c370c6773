"""Command line: a thin layer over audit.run, the report writers and the review store.

Exit status: 0 the run completed (``run``, ``baseline``, ``review import``) or
nothing new (``check``); 1 ``check`` found findings that are neither in the
baseline nor dismissed by editors; 2 a usage or input error.
"""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path


def _common(p: argparse.ArgumentParser) -> None:
    from .config import ENGINES, GROUP_MODES  # the config's own words: one list of each

    p.add_argument("paths", nargs="*", default=["inputs"], help="files or directories to audit (default: inputs)")
    p.add_argument("--config", default=None, help="config file (default: config.yaml if present)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: config 'jobs'; 0 = all cores)")
    p.add_argument("--engine", choices=ENGINES, default=None,
                   help="where per-file and per-group work runs (default: config 'engine', local)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786 (engine dask)")
    p.add_argument("--group-by", choices=GROUP_MODES, default=None,
                   help="which files make one article (default: config 'group.by', auto)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="read symlinked inputs whose target lies outside the input directories")
    p.add_argument("--allow-outside-root", action="store_true",
                   help="read a reviews file or manifest (config keys 'reviews', 'group.manifest') outside the project root")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog="audit", description="Find facts that drift between translations of one article.")
    parser.add_argument("--version", action="version", version=f"audit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="audit and write audit.xlsx, audit.json, audit.sarif, audit.html")
    _common(p)
    p.add_argument("--out", default="reports", help="directory for the reports (default: reports)")
    p = sub.add_parser("check", help="exit 1 when there are findings neither in the baseline nor dismissed")
    _common(p)
    p.add_argument("--baseline", required=True, help="baseline file written by 'audit baseline'")
    p.add_argument("--update", action="store_true", help="shrink the baseline to the findings that still occur")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="github: print GitHub Actions ::error annotations")
    p = sub.add_parser("baseline", help="write the current findings as a baseline")
    _common(p)
    p.add_argument("--out", required=True, help="baseline file to write")
    p = sub.add_parser("glossary", help="'audit glossary suggest': aliases mined from aligned translations")
    gsub = p.add_subparsers(dest="glossary_command", required=True)
    g = gsub.add_parser("suggest", help="write proposed glossary entries (aliases per language) for editors")
    _common(g)
    g.add_argument("--out", default="glossary-suggestions.yaml", help="where to write them (default: %(default)s)")
    p = sub.add_parser("review", help="editors' decisions: 'audit review import reports/audit.xlsx'")
    rsub = p.add_subparsers(dest="review_command", required=True)
    r = rsub.add_parser("import", help="record Status and Editor comment from a reviewed workbook in the reviews file")
    r.add_argument("workbook", nargs="+", help="the audit.xlsx an editor has reviewed (several: one after another)")
    r.add_argument("--prefer", choices=("recorded", "workbook"), default="recorded",
                   help="when a row contradicts a decision recorded since the workbook was written: keep the "
                        "recorded one (default) or take the workbook's")
    r.add_argument("--config", default=None, help="config file (default: config.yaml if present)")
    r.add_argument("--allow-outside-root", action="store_true",
                   help="allow a reviews file (config key 'reviews') outside the project root")
    r.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 2 for usage errors, 0 for --help
        return int(exc.code or 0)
    from contextlib import ExitStack

    from . import load_config, open_engine, run
    from .engine.processes import batch_thresholds
    from .errors import AuditError
    from .report.escape import terminal

    stack = ExitStack()  # the engine stays open until the command is done: the glossary reads facts through it
    try:
        # a command is a batch: the reports too are written with the run's few collections, and the
        # run's end does not walk everything it made again (processes.batch_thresholds)
        stack.enter_context(batch_thresholds())
        config_path = args.config or ("config.yaml" if Path("config.yaml").exists() else None)
        config = load_config(config_path)
        if args.command == "review":
            return _review_import(args, config, Path(config.base_dir or ".").resolve())
        config = _overridden(config, args)
        if args.command == "check":
            from .report import baseline

            baseline.load(args.baseline)  # a bad baseline fails before the long part
        reviews = _config_files(args, config)
        engine = stack.enter_context(open_engine(config))
        progress = _progress() if not args.quiet else None
        report = run(args.paths, config, reviews=reviews, progress=progress, engine=engine,
                     follow_symlinks=args.follow_symlinks)
        say = (lambda *a: None) if args.quiet else (lambda *a: print(*map(terminal, a), file=sys.stderr))
        _warn_uncertain_languages(report, say)
        if args.command != "check":  # check refuses them in one line of its own
            for s in report.skipped:
                print(terminal(f"audit: skipped {s.path}: {s.reason}"), file=sys.stderr)
        for d in report.documents:
            for note in d.notes:
                say(f"audit: note: {d.path}: {note}")
        for d in report.documents:  # shown even with -q: the declared structure may be wrong
            if d.language_warning:
                print(terminal(f"audit: warning: {d.path}: {d.language_warning}"), file=sys.stderr)
        if args.command == "glossary":
            from .glossary import render, suggest
            from .report import write_atomic

            out = Path(args.out)
            entries = suggest(report, config)
            write_atomic(out, render(entries))
            say(f"audit: {len(entries)} glossary entries proposed in {out}")
            return 0
        if args.command == "run":
            from .report import write_reports

            if progress:
                progress("writing", 0, 4)
            written = write_reports(report, args.out)
            if progress:
                progress("writing", len(written), len(written))
            dismissed = sum(1 for f in report.findings if _dismissed(f))
            say(f"audit: {len(report.documents)} documents, {len(report.groups)} groups, "
                f"{len(report.findings)} findings ({dismissed} dismissed by review); "
                f"wrote {', '.join(str(p) for p in written)}")
            if args.verbose:
                _print_findings(report.findings, report, "text")
            return 0
        from .report import baseline

        if args.command == "baseline":
            baseline.write(report, args.out)
            say(f"audit: baseline of {len(report.findings)} findings written to {args.out}")
            return 0
        return _check(args, report, say)
    except AuditError as exc:
        print(terminal(f"audit: error: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        stack.close()


def entry() -> int:
    """The ``audit`` command: :func:`main`, then Ctrl-C ignored while the interpreter ends. The
    run's work is done and its reports written by then; an interrupt during the exit would only
    print a traceback from the interpreter's shutdown and replace the run's exit status."""
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return code


def _overridden(config, args):
    """The config with the command line's options applied: a new Config, validated again."""
    from .errors import AuditError

    if args.jobs is not None and args.jobs < 0:
        raise AuditError("--jobs must be 0 (all cores) or more", "command line")
    given = {"jobs": args.jobs, "engine": "dask" if args.scheduler else args.engine, "scheduler": args.scheduler or None,
             "group": {"by": args.group_by} if args.group_by else None}
    given = {k: v for k, v in given.items() if v is not None}
    return config.override(given, "command line") if given else config


def _check(args, report, say) -> int:
    from .errors import AuditError
    from .report import baseline
    from .report.escape import terminal

    unread = [s for s in report.skipped if not s.read]
    if unread:
        # never pass over an input that could not be read, and never shrink the baseline then
        first = unread[0]
        more = f" (and {len(unread) - 1} more input(s) not read)" if len(unread) > 1 else ""
        raise AuditError(f"{first.reason}: check needs every input read; fix or remove it{more}", first.path)
    old = baseline.entries(args.baseline)
    matched = baseline.match(report, old)  # finding -> the entry that knows it
    new = [f for f in report.findings if f.fingerprint not in matched and not _dismissed(f)]
    current = set(matched.values())  # the entries that still occur
    gone = sorted({e["fingerprint"] for e in old} - current)
    if new:
        if args.format == "text":
            print(terminal(f"audit: {len(new)} new finding(s) not in {args.baseline}:"))
        _print_findings(new, report, args.format)
    if gone:
        say(f"audit: {len(gone)} baseline finding(s) no longer occur: {', '.join(gone)}"
            + ("" if args.update else " (shrink the baseline with --update)"))
    if args.update and gone:
        baseline.write_subset(report, args.baseline, current, old)
        say(f"audit: baseline {args.baseline} shrunk to {len(current)} finding(s)")
    if not new and not args.quiet:
        dismissed = sum(1 for f in report.findings if _dismissed(f))
        print(f"audit: check passed: {len(report.documents)} documents, {len(report.findings)} findings, "
              f"none new ({len(current)} in the baseline, {dismissed} dismissed by editors)")
    return 1 if new else 0


def _review_import(args, config, root) -> int:
    from .review import import_workbook, reviews_path

    target = _confined(str(reviews_path(config)), root, args.allow_outside_root, "reviews")
    for workbook in args.workbook:
        notes: list[str] = []
        counts = import_workbook(workbook, target, args.prefer, notes)
        for note in notes:  # conflicts and rows left out: always said
            print(f"audit: {note}", file=sys.stderr)
        if not args.quiet:
            conflicts = f", {counts['conflicts']} conflict(s) kept as recorded" if counts["conflicts"] else ""
            print(f"audit: {workbook}: {counts['recorded']} decision(s) recorded, {counts['unchanged']} unchanged, "
                  f"{counts['reopened']} reopened{conflicts}, in {target}", file=sys.stderr)
    return 0


def _config_files(args, config) -> dict[str, dict]:
    """The reviews the run applies, read only from inside the project root (the config's
    folder), as is the manifest a run grouped by manifest reads: a config from an untrusted
    branch must not copy files from elsewhere on the machine into the reports."""
    from .review import load, reviews_path

    root = Path(config.base_dir or ".").resolve()
    if config.group.by == "manifest" and config.group.manifest:
        _confined(str(config.resolve(config.group.manifest)), root, args.allow_outside_root, "manifest", "read")
    return load(_confined(str(reviews_path(config)), root, args.allow_outside_root, "reviews", "read"))


def _confined(path: str, root: Path, allowed: bool, what: str, verb: str = "write") -> Path:
    """A path taken from the config may not lead outside the project root unless the user says so.
    Paths given on the command line (--out, --baseline) are the user's own choice and are not confined."""
    from .errors import AuditError

    p = Path(path)
    p = (p if p.is_absolute() else Path.cwd() / p).resolve()
    if not allowed and root not in (p, *p.parents):
        raise AuditError(f"{what} {p} is outside the project root {root}; pass --allow-outside-root to {verb} it",
                         "command line")
    return p


def _dismissed(f) -> bool:
    from .review import is_dismissed

    return is_dismissed(f.status)


def _print_findings(findings, report, fmt: str) -> None:
    from .report.escape import github_data, github_property, line_start, terminal
    from .report.readable import finding_message

    docs = {d.id: d for d in report.documents}
    for f in findings:
        flagged = [x for x in f.locations if x.role == "flagged"] or [f.locations[0]]
        if fmt == "github":  # one annotation on each file the finding flags
            level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            msg = finding_message(f, docs, github_data) + github_data(f" ({f.fingerprint})")
            title = github_property(f.check)
            for loc in dict.fromkeys((x.document, x.line) for x in flagged):
                print(f"::{level} file={github_property(_rel(docs[loc[0]].path))},line={int(loc[1])},"
                      f"title={title}::{msg}")
        else:
            first, *rest = dict.fromkeys(f"{_rel(docs[x.document].path)}:{x.line}" for x in flagged)
            also = f" [also {', '.join(rest)}]" if rest else ""
            message = finding_message(f, docs, terminal)  # isolates added after the escaping
            print(line_start(terminal(f"{first}: {f.check} [{f.severity}] ") + message
                             + terminal(f" ({f.fingerprint}){also}")))


def _rel(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _warn_uncertain_languages(report, say) -> None:
    from .languages import LOW_CONFIDENCE

    for d in report.documents:
        if d.language_confidence < LOW_CONFIDENCE:
            say(f"audit: warning: {_rel(d.path)}: language detected as {d.language} with confidence "
                f"{d.language_confidence:.2f} only; if that is wrong, set it in language_overrides")


def _progress(stream=None, clock=None):
    """progress(stage, done, total): a bar on a terminal; on a pipe or a CI log, a line per
    stage as it starts and ends and at most one every few seconds between (stage, counts, elapsed),
    for stages of 20 items or more and for any stage once the run has lasted 2 seconds."""
    import time

    stream = stream or sys.stderr
    clock = clock or time.monotonic
    start = clock()
    if stream.isatty():
        def bar(stage: str, done: int, total: int) -> None:
            if total < 20:
                return
            width = 30
            filled = int(width * done / max(total, 1))
            end = "\n" if done >= total else ""
            print(f"\raudit: {stage:9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end,
                  file=stream, flush=True)

        return bar
    last = {"stage": None, "at": start}

    def lines(stage: str, done: int, total: int) -> None:
        now = clock()
        if total < _PROGRESS_MIN and now - start < _PROGRESS_AFTER:
            return  # a small quick run says nothing: its one line is the summary, or the error
        if stage == last["stage"] and done < total and now - last["at"] < _PROGRESS_EVERY:
            return
        if stage == last["stage"] and done >= total and last.get("done") == (done, total):
            return
        last.update(stage=stage, at=now, done=(done, total))
        unit = _UNITS.get(stage, "")
        print(f"audit: {stage} {done}/{total}{' ' + unit if unit else ''} ({now - start:.1f} s)", file=stream,
              flush=True)

    return lines


_PROGRESS_EVERY = 5.0  # seconds between progress lines in a log
_PROGRESS_MIN, _PROGRESS_AFTER = 20, 2.0  # lines for stages of 20 items or more, or once a run lasts 2 s
_UNITS = {"reading": "files", "checking": "articles", "writing": "reports"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
