"""Command line: a thin layer over audit.run and the report writers."""
from __future__ import annotations

import argparse
import sys


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", default=["inputs"], help="files or directories to audit (default: inputs)")
    p.add_argument("--config", default=None, help="config file (default: config.yaml if present)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.add_argument("-v", "--verbose", action="store_true", help="print every finding")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="audit", description="Find facts that drift between translations of one article.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="audit and write audit.xlsx, audit.json, audit.sarif")
    _common(p)
    p.add_argument("--out", default="reports", help="directory for the reports (default: reports)")
    p = sub.add_parser("check", help="exit 1 when there are findings not in the baseline")
    _common(p)
    p.add_argument("--baseline", required=True, help="baseline file written by 'audit baseline'")
    p = sub.add_parser("baseline", help="write the current findings as a baseline")
    _common(p)
    p.add_argument("--out", required=True, help="baseline file to write")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from pathlib import Path

    from . import load_config, run
    from .errors import AuditError

    try:
        config_path = args.config or ("config.yaml" if Path("config.yaml").exists() else None)
        config = load_config(config_path)
        report = run(args.paths, config, progress=_progress() if not args.quiet else None)
        say = (lambda *a: None) if args.quiet else (lambda *a: print(*a, file=sys.stderr))
        for s in report.skipped:
            print(f"audit: skipped {s.path}: {s.reason}", file=sys.stderr)
        if args.command == "run":
            from .report import write_reports

            written = write_reports(report, args.out)
            say(f"audit: {len(report.documents)} documents, {len(report.groups)} groups, "
                f"{len(report.findings)} findings; wrote {', '.join(str(p) for p in written)}")
            if args.verbose:
                _print_findings(report.findings, report)
            return 0
        if args.command == "baseline":
            from .report import baseline

            baseline.write(report, args.out)
            say(f"audit: baseline of {len(report.findings)} findings written to {args.out}")
            return 0
        from .report import baseline

        known = baseline.load(args.baseline)
        new = [f for f in report.findings if f.fingerprint not in known and f.status not in ("false positive", "won't fix")]
        gone = known - {f.fingerprint for f in report.findings}
        if new:
            print(f"audit: {len(new)} new finding(s) not in {args.baseline}:")
            _print_findings(new, report)
        if gone and not args.quiet:
            print(f"audit: {len(gone)} baseline finding(s) no longer occur: {', '.join(sorted(gone))}")
        if report.skipped:
            return 2  # never pass silently over a file that could not be read
        return 1 if new else 0
    except AuditError as exc:
        print(f"audit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _print_findings(findings, report) -> None:
    docs = {d.id: d for d in report.documents}
    for f in findings:
        loc = next((x for x in f.locations if x.role == "flagged"), f.locations[0])
        print(f"{docs[loc.document].path}:{loc.line}: {f.check} [{f.severity}] {f.message} ({f.fingerprint})")


def _progress():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 20:
            print(f"\raudit: reading {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    return show


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
