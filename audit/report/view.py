"""What the editors' views (the workbook and audit.html) share: which translation a
finding asks to fix, the order findings are read in, the paragraphs a finding
sits on and the ones aligned with them, and a window of text around evidence.

"Fix in" rule: a finding asks to fix each document it flags (role ``flagged``);
with two translations both flagged (no majority), the finding is listed once per
flagged translation, so that a filter on one language selects exactly the
findings that ask that language's editor for a fix.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Finding, Location, Report
from ..punctuation import WINDOW_SENTENCE_ENDS

SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}
_DIGITS = re.compile(r"(\d+)")
# a sentence ends at . ! ? and the stops of other scripts (danda, Arabic full stop, CJK) followed by space
_SENTENCE_END = re.compile(f"[{re.escape(WINDOW_SENTENCE_ENDS)}](?=\\s)")


def natural_key(text: str) -> tuple:
    """'G2' before 'G10': digit runs compare as numbers."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text or ""))


def flagged(f: Finding) -> list[Location]:
    return [x for x in f.locations if x.role == "flagged"] or list(f.locations[:1])


def fix_targets(f: Finding) -> list[str]:
    """The documents the finding asks to fix, in the order they are flagged."""
    return list(dict.fromkeys(x.document for x in flagged(f)))


def sort_key(f: Finding) -> tuple:
    first = (flagged(f) or [None])[0]
    return (SEVERITY_ORDER.get(f.severity, 3), natural_key(f.group), first.document if first else "",
            first.line if first else 0, f.check, f.fingerprint)


@dataclass(frozen=True)
class Row:
    """One row an editor acts on: a finding and the one translation it asks to fix."""

    finding: Finding
    fix: str | None  # document id; None for a finding that cites no document


def rows(report: Report) -> list[Row]:
    """Findings in reading order, one row per flagged translation."""
    out = []
    for f in sorted(report.findings, key=sort_key):
        for d in fix_targets(f) or [None]:
            out.append(Row(f, d))
    return out


class Paragraphs:
    """Looks up the paragraph a location sits on, and the paragraphs aligned with it."""

    def __init__(self, report: Report):
        self.docs = {d.id: d for d in report.documents}
        self._starts = {d.id: [p.line for p in d.paragraphs] for d in report.documents}
        self._link_of: dict[tuple[str, int], tuple[str, int]] = {}  # (doc, paragraph index) -> (group, link)
        self.links = {}
        for al in report.alignments:
            self.links[al.group] = al.links
            for k, link in enumerate(al.links):
                for d, idx in link.members:
                    for i in idx:
                        self._link_of[(d, i)] = (al.group, k)

    def index(self, loc: Location) -> int | None:
        """The 0-based paragraph index of ``loc`` in its document."""
        starts = self._starts.get(loc.document)
        if not starts:
            return None
        i = bisect_right(starts, loc.line) - 1
        return i if i >= 0 else None

    def link(self, doc: str, index: int):
        """(group, link number, Link) of a paragraph, or None when it is in no link."""
        got = self._link_of.get((doc, index))
        if got is None:
            return None
        return got[0], got[1], self.links[got[0]][got[1]]

    def aligned(self, f: Finding) -> dict[str, list[int]]:
        """Document id -> paragraph indices: the finding's paragraphs and every paragraph
        aligned with its flagged ones, the finding's own first."""
        out: dict[str, list[int]] = {}

        def add(d, i):
            if i is not None and i not in out.setdefault(d, []):
                out[d].append(i)

        for loc in f.locations:
            add(loc.document, self.index(loc))
        for loc in flagged(f):
            got = self.link(loc.document, self.index(loc) if self.index(loc) is not None else -1)
            if got:
                for d, idx in got[2].members:
                    for i in idx:
                        add(d, i)
        return out


def window(text: str, spans: list[tuple[int, int]], radius: int = 240) -> list[tuple[int, int]]:
    """Cut points around the evidence: the sentence holding it, or ``radius`` characters
    either side when the sentence is longer; nearby spans share one window."""
    spans = sorted((s, e) for s, e in spans if e > s)
    if len(text) <= 2 * radius or not spans:
        return [(0, min(len(text), 2 * radius) if not spans else len(text))]
    cuts: list[tuple[int, int]] = []
    for s, e in spans:
        a, b = _sentence(text, s, e)
        if s - a > radius:
            a = _word_start(text, s - radius)
        if b - e > radius:
            b = _word_end(text, e + radius)
        if cuts and a <= cuts[-1][1] + 20:
            cuts[-1] = (cuts[-1][0], max(b, cuts[-1][1]))
        else:
            cuts.append((a, b))
    return cuts


def _sentence(text: str, s: int, e: int) -> tuple[int, int]:
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, s):
        a = m.end()
    m = _SENTENCE_END.search(text, e)
    b = m.end() if m else len(text)
    while a < s and text[a].isspace():
        a += 1
    return a, b


def _word_start(text: str, at: int) -> int:
    at = max(0, at)
    k = text.find(" ", at)
    return k + 1 if 0 <= k < at + 30 else at


def _word_end(text: str, at: int) -> int:
    at = min(len(text), at)
    k = text.rfind(" ", at - 30, at)
    return k if k > 0 else at


def excerpt(text: str, spans: list[tuple[int, int]], radius: int = 240) -> list[tuple[str, bool]]:
    """The windows of ``text`` around ``spans`` as (text, is_evidence) runs, '…' where cut."""
    runs: list[tuple[str, bool]] = []
    spans = sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s)
    for n, (a, b) in enumerate(window(text, spans, radius)):
        if a > 0 or n:
            runs.append(("… " if a > 0 else "", False))
        pos = a
        for s, e in spans:
            s, e = max(s, pos), min(e, b)
            if e <= s:
                continue
            if s > pos:
                runs.append((text[pos:s], False))
            runs.append((text[s:e], True))
            pos = e
        if pos < b:
            runs.append((text[pos:b], False))
        if b < len(text):
            runs.append((" …", False))
    return [(t, ev) for t, ev in runs if t]
