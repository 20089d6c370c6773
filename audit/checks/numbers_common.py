"""What number-mismatch and number-missing share: a link's numbers per document, and the vote."""
from __future__ import annotations

from ..extract.numbers import number_values
from .base import GroupContext, lang_of, location
from .vote import vote

# Spelled-out values this small are articles, duals and idioms as often as counts ("a", "both").
SMALL = 2


def link_numbers(ctx: GroupContext, doc_id: str, indices) -> dict:
    """value -> (paragraph index, fact) of its first occurrence in the linked paragraphs.

    A date's year counts as a number here (date-mismatch compares day and month).
    """
    out: dict = {}
    for i in indices:
        pf = ctx.facts[doc_id][i]
        for f in pf.numbers:
            if f.form != "digits" and all(isinstance(v, (int, float)) and v <= SMALL for v in number_values(f)):
                continue
            for v in number_values(f):
                out.setdefault(v, (i, f))
        for f in pf.dates:
            if f.value[0]:
                out.setdefault(f.value[0], (i, f))
    return out


def closeness(a, b) -> float:
    """How plausibly b is a mistyped or mistranslated a; always positive, so any two numbers pair."""
    sa, sb = str(a), str(b)
    score = 1.0
    if sorted(sa) == sorted(sb):
        score += 2  # transposed digits: 1369 / 1396
    if len(sa) == len(sb):
        score += 1
    try:
        if a and b and max(a, b) / min(a, b) in (1e3, 1e6, 1e9):
            score += 1.5  # a magnitude word changed: billion / trillion
    except (TypeError, ZeroDivisionError):
        pass
    return score / (1 + abs(len(sa) - len(sb)))


def number_votes(ctx: GroupContext):
    """(link members, values per document, Vote) for every discrepancy in the group's confident links."""
    for link, present in ctx.confident_links():
        per_doc = {d: link_numbers(ctx, d, idx) for d, idx in present}
        for v in vote(per_doc, closeness, counts_for_missing=lambda v: not (isinstance(v, (int, float)) and v <= SMALL)):
            yield present, per_doc, v


def fmt(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}".replace(",", " ") if isinstance(v, int) and abs(v) >= 10000 else str(v)


def number_locations(ctx: GroupContext, present, per_doc, v):
    """Flagged locations (with the evidence, or the paragraph when the number is absent), then support."""
    locs = []
    indices = dict(present)
    for d, value in v.flagged:
        doc = ctx.documents[d]
        if value is None:
            locs.append(location(doc, indices[d][0], None))
        else:
            i, f = per_doc[d][value]
            locs.append(location(doc, i, f))
    for d in v.support:
        i, f = per_doc[d][v.expected]
        locs.append(location(ctx.documents[d], i, f, role="support"))
    return locs


def langs(ctx, docs) -> str:
    return ", ".join(lang_of(ctx, d) for d in docs)
