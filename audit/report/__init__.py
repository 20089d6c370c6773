"""Stage 6: reports. Writers are interchangeable units over one Report; files
are written here (atomically) and nowhere else."""
from __future__ import annotations

from pathlib import Path

from ..model import Report
from .atomic import write_atomic


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    from . import html, json_report, sarif, xlsx

    out = Path(out_dir)
    written = []
    for name, writer in (("audit.json", json_report), ("audit.sarif", sarif), ("audit.xlsx", xlsx),
                         ("audit.html", html)):
        write_atomic(out / name, writer.render(report))
        written.append(out / name)
    return written


__all__ = ["write_reports", "write_atomic"]
