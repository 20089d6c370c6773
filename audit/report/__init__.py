"""Stage 6: reports. Writers are interchangeable units over one Report; files
are written here (atomically) and nowhere else."""
from __future__ import annotations

from pathlib import Path

from ..model import Report
from .atomic import write_atomic, write_many


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    """All reports rendered first, then replaced together (see ``atomic.write_many``)."""
    from . import html, json_report, sarif, xlsx

    out = Path(out_dir)
    rendered = [(out / name, writer.render(report))
                for name, writer in (("audit.json", json_report), ("audit.sarif", sarif), ("audit.xlsx", xlsx),
                                     ("audit.html", html))]
    write_many(rendered)
    return [p for p, _ in rendered]


__all__ = ["write_reports", "write_atomic", "write_many"]
