"""Shared by the benchmarks: the aligned groups they start from, and a quiet pipeline run."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit import load_config, run  # noqa: E402

LANGUAGES = ["bn", "hi", "sv", "ms", "ar", "en", "fr", "de", "es"]
SOURCES = [ROOT / "inputs", ROOT / "tests" / "data" / "articles"]


def config(**overrides):
    return load_config(overrides={"languages": list(LANGUAGES), **overrides})


def groups() -> list[dict[str, str]]:
    """Every group of two or more translations in the sample and the test articles,
    as {document id: text}, found by the tool's own grouping (checked by the tests)."""
    report = run(SOURCES, config())
    texts = {d.id: Path(d.path).read_text("utf-8") for d in report.documents}
    names = {d.id: Path(d.path).name for d in report.documents}
    return [{names[d]: texts[d] for d in g.documents} for g in report.groups if len(g.documents) >= 2]


def run_texts(tmp: Path, texts: dict[str, str], cfg: dict):
    for p in tmp.glob("*"):
        p.unlink()
    for name, text in texts.items():
        (tmp / name).write_text(text, "utf-8")
    return run([tmp], cfg)
