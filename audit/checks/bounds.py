"""A finding's locations kept to a size a report can carry.

One 150 KB paragraph naming one member 15,000 times once gave a finding with
15,000 locations, each holding the whole paragraph: a 2.25 GB ``audit.json``.
Every finding is built through ``Check.finding``, which passes its locations
through ``bound_locations``: each location's ``text`` is a window of the
paragraph around its evidence (``…`` where cut), with ``start``/``end`` relative
to that window and ``offset`` the window's start in the paragraph (so the
paragraph offsets are ``offset + start`` and ``offset + end``); and a finding
keeps at most MAX_LOCATIONS locations, every document it is about among them,
saying how many more there were.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Location

WINDOW = 200  # characters of context each side of the evidence
MAX_EVIDENCE = 400  # longer evidence (a whole list) is cut
MAX_LOCATIONS = 20
MAX_MESSAGE = 600  # a message quoting a 150 KB list quotes its start
ELLIPSIS = "…"


def _span(loc: Location) -> tuple[int, int]:
    start, end = (loc.start, loc.end) if loc.end > loc.start else (0, 0)
    return start, min(end, start + MAX_EVIDENCE)


def window(loc: Location, around: tuple[int, int] | None = None) -> Location:
    """``loc`` with its text cut to a window around ``around`` (default: its own evidence)."""
    text = loc.text
    if len(text) <= 2 * WINDOW + MAX_EVIDENCE:
        return loc
    start, end = _span(loc)
    evidence = loc.evidence if end - start == len(loc.evidence) or not loc.evidence else text[start:end]
    a, b = around or (start, end)
    lo, hi = max(0, a - WINDOW), min(len(text), b + WINDOW)
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(text) else ""
    shift = lo - len(head)
    return replace(loc, text=head + text[lo:hi] + tail, evidence=evidence, start=start - shift, end=end - shift,
                   offset=loc.offset + shift)


def _windows(locations: list[Location]) -> list[Location]:
    """Locations of one paragraph share a window when their evidence lies close together, so that a
    reader of one text sees every span at the offsets given."""
    groups: dict[tuple[str, int, int], list[int]] = {}
    for k, loc in enumerate(locations):
        groups.setdefault((loc.document, loc.line, id(loc.text)), []).append(k)
    out = list(locations)
    for ks in groups.values():
        spans = [_span(locations[k]) for k in ks]
        around = (min(s for s, _ in spans), max(e for _, e in spans))
        shared = around if around[1] - around[0] <= 4 * MAX_EVIDENCE else None
        for k in ks:
            out[k] = window(locations[k], shared)
    return out


def bound_locations(locations) -> tuple[tuple[Location, ...], int]:
    """(windowed locations, at most MAX_LOCATIONS of them; how many were left out).

    The first location of each (document, role) is always kept, so the finding's
    documents (and with them its fingerprint) do not depend on the cap.
    """
    locations = list(locations)
    if len(locations) <= MAX_LOCATIONS:
        return tuple(_windows(locations)), 0
    keep, seen = set(), set()
    for k, loc in enumerate(locations):
        if (loc.document, loc.role) not in seen:
            seen.add((loc.document, loc.role))
            keep.add(k)
    for k in range(len(locations)):
        if len(keep) >= MAX_LOCATIONS:
            break
        keep.add(k)
    kept = _windows([loc for k, loc in enumerate(locations) if k in keep])
    return tuple(kept), len(locations) - len(kept)


def bound_message(message: str) -> str:
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE - 1] + ELLIPSIS
