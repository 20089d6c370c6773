"""What the recall benchmarks print alike: one error kind's row of found/tried per language."""
from __future__ import annotations


def recall_row(hits: dict, kind: str, langs: list[str]) -> tuple[list[str], int, int]:
    """('found/tried' or '-' per language, found, tried) of ``kind``; ``hits`` maps
    (kind, language) to [found, tried]."""
    row, found, tried = [], 0, 0
    for lang in langs:
        f, t = hits.get((kind, lang), (0, 0))
        found += f
        tried += t
        row.append(f"{f}/{t}" if t else "-")
    return row, found, tried
