"""Stage 6: reports. Writers are interchangeable units over one Report; files
are written here (atomically) and nowhere else."""
from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..model import Report
from .atomic import write_atomic, write_many


# The writers: output file name -> the module whose ``render(report) -> bytes`` makes it.
# Adding a format is one module with ``render`` and one line here (docs/architecture.md).
WRITERS: dict[str, str] = {
    "audit.json": "audit.report.json_report",
    "audit.sarif": "audit.report.sarif",
    "audit.xlsx": "audit.report.xlsx",
    "audit.html": "audit.report.html",
}


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    """All reports rendered first, then replaced together (see ``atomic.write_many``)."""
    out = Path(out_dir)
    rendered = [(out / name, import_module(module).render(report)) for name, module in WRITERS.items()]
    write_many(rendered)
    return [p for p, _ in rendered]


__all__ = ["WRITERS", "write_reports", "write_atomic", "write_many"]
