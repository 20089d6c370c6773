"""Command line: a thin layer over audit.run, the report writers and the review store.

Exit status: 0 the run completed (``run``, ``baseline``, ``review import``) or
nothing new (``check``); 1 ``check`` found findings that are neither in the
baseline nor dismissed by editors; 2 a usage or input error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=["inputs"], help="files or directories to audit (default: inputs)")
    p.add_argument("--config", default=None, help="config file (default: config.yaml if present)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: config 'jobs'; 0 = all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default=None,
                   help="where per-file and per-group work runs (default: config 'engine', local)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786 (engine dask)")
    p.add_argument("--group-by", choices=("auto", "folder", "name", "manifest", "content"), default=None,
                   help="which files make one article (default: config 'group.by', auto)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("-v", "--verbose", action="store_true", help="print every finding")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="audit", description="Find facts that drift between translations of one article.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="audit and write audit.xlsx, audit.json, audit.sarif")
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
    r.add_argument("workbook", help="the audit.xlsx an editor has reviewed")
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
    from . import load_config, run
    from .errors import AuditError

    try:
        config_path = args.config or ("config.yaml" if Path("config.yaml").exists() else None)
        config = load_config(config_path)
        if args.command == "review":
            return _review_import(args, config, Path(config.get("_base_dir") or ".").resolve())
        if args.jobs is not None:
            if args.jobs < 0:
                raise AuditError("--jobs must be 0 (all cores) or more", "command line")
            config["jobs"] = args.jobs
        if args.engine:
            config["engine"] = args.engine
        if args.group_by:
            config["group"]["by"] = args.group_by
        if args.scheduler:
            config["engine"], config["scheduler"] = "dask", args.scheduler
        report = run(args.paths, config, progress=_progress() if not args.quiet else None)
        say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
        for s in report.skipped:
            print(f"audit: skipped {s.path}: {s.reason}", file=sys.stderr)
        for d in report.documents:
            if d.language_warning:
                print(f"audit: warning: {d.path}: {d.language_warning}", file=sys.stderr)
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

            written = write_reports(report, args.out)
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
        print(f"audit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _check(args, report, say) -> int:
    from .report import baseline

    known = baseline.load(args.baseline)
    new = [f for f in report.findings if f.fingerprint not in known and not _dismissed(f)]
    current = {f.fingerprint for f in report.findings}
    gone = sorted(known - current)
    if new:
        if args.format == "text":
            print(f"audit: {len(new)} new finding(s) not in {args.baseline}:")
        _print_findings(new, report, args.format)
    if gone:
        say(f"audit: {len(gone)} baseline finding(s) no longer occur: {', '.join(gone)}"
            + ("" if args.update else " (shrink the baseline with --update)"))
    if args.update and gone:
        baseline.write_subset(report, args.baseline, known & current, baseline.entries(args.baseline))
        say(f"audit: baseline {args.baseline} shrunk to {len(known & current)} finding(s)")
    if report.skipped:
        return 2  # never pass silently over a file that could not be read
    return 1 if new else 0


def _review_import(args, config, root) -> int:
    from .review import import_workbook, reviews_path

    target = _confined(str(reviews_path(config)), root, args.allow_outside_root, "reviews")
    counts = import_workbook(args.workbook, target)
    if not args.quiet:
        print(f"audit: {counts['recorded']} decision(s) recorded, {counts['unchanged']} unchanged, "
              f"{counts['reopened']} reopened, in {target}", file=sys.stderr)
    return 0


def _confined(path: str, root: Path, allowed: bool, what: str) -> Path:
    """A path taken from the config may not lead outside the project root unless the user says so.
    Paths given on the command line (--out, --baseline) are the user's own choice and are not confined."""
    from .errors import AuditError

    p = Path(path)
    p = (p if p.is_absolute() else Path.cwd() / p).resolve()
    if not allowed and root not in (p, *p.parents):
        raise AuditError(f"{what} {p} is outside the project root {root}; pass --allow-outside-root to write there",
                         "command line")
    return p


def _dismissed(f) -> bool:
    from .review import is_dismissed

    return is_dismissed(f.status)


def _print_findings(findings, report, fmt: str) -> None:
    docs = {d.id: d for d in report.documents}
    for f in findings:
        flagged = [x for x in f.locations if x.role == "flagged"] or [f.locations[0]]
        if fmt == "github":  # one annotation on each file the finding flags
            level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
            msg = f"{f.message} ({f.fingerprint})".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            title = f.check.replace(",", "%2C").replace("::", "%3A%3A")
            for loc in dict.fromkeys((x.document, x.line) for x in flagged):
                print(f"::{level} file={_rel(docs[loc[0]].path)},line={loc[1]},title={title}::{msg}")
        else:
            first, *rest = dict.fromkeys(f"{_rel(docs[x.document].path)}:{x.line}" for x in flagged)
            also = f" [also {', '.join(rest)}]" if rest else ""
            print(f"{first}: {f.check} [{f.severity}] {f.message} ({f.fingerprint}){also}")


def _rel(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _progress():
    if not sys.stderr.isatty():
        return None

    def show(stage: str, done: int, total: int) -> None:
        if total < 20:
            return
        width = 30
        filled = int(width * done / max(total, 1))
        end = "\n" if done >= total else ""
        print(f"\raudit: {stage:9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=sys.stderr)

    return show


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
