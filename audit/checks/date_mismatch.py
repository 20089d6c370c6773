"""date-mismatch: a date's day or month differs between translations (years are numbers)."""
from __future__ import annotations

from ..extract.dates import date_label, mentions_month
from ..extract.numwords import lexicon
from .base import GroupContext
from .cross import CrossCheck
from .vote import vote


def _key(f):
    return (f.month, f.day, f.last_day)


def _label(key) -> str:
    return date_label((None, *key))[2:]  # "02-19/21"


def _closeness(a, b) -> float:
    return 1.0 + 2 * (a[0] == b[0]) + (a[1:] == b[1:])


class DateMismatch(CrossCheck):
    code = "date-mismatch"
    severity = "warning"  # 2 of 3 right on the judged corpora: an error must be right 9 times in 10
    description = "A date's day or month differs between translations (19 February vs 20 February)."
    rationale = ("A day or month changed in translation sends readers to the wrong day. Years are numbers "
                 "(number-mismatch compares them); a date one side read without its day, a pair of days read "
                 "as a range, or two months of which each side read one are one date read two ways.")
    messages = {
        "majority": "{lang} dates this {found_text} where {n_support} of {n} translations have {expected_text}",
        "pair": "the two translations disagree: {sides:; }",
        "no_majority": "no majority settles this date: {sides:; }",
        "side": "{lang} '{text}'",
    }
    subjects = {"majority": "{expected}->{found}", "pair": "{labels:<>}", "no_majority": "{labels:<>}"}
    cites_support = False

    def datum(self, value) -> str:
        return _label(value)

    def run(self, ctx: GroupContext):
        for link, present in ctx.confident_links():
            per_doc = {}
            for d, idx in present:
                vals: dict = {}
                for i in idx:
                    for f in ctx.facts[d][i].dates:
                        vals.setdefault(_key(f), (i, f))
                per_doc[d] = vals
            if sum(1 for v in per_doc.values() if v) < 2:
                continue  # only one translation gives a date here: nothing to compare
            for v in vote(per_doc, _closeness, counts_for_missing=lambda *_: False):
                if not _compatible(ctx, per_doc, v):
                    yield self.from_vote(ctx, v, per_doc)


def _compatible(ctx, per_doc, v) -> bool:
    """Whether the dates a vote opposes may well be one date read two ways: a day one side
    did not read (21শে মার্চ, 1º de dezembro, 13-மார்ச்), a pair of days read as a range
    ("3 and 4 February"), a pair of months ("May/June") of which each side read one."""
    values = [val for _, val in v.flagged] + ([v.expected] if v.support else [])
    if len({val[0] for val in values}) == 1 and len({val[1:] for val in values if val[1] is not None}) <= 1:
        return True  # one month, one day at most: the others did not read the day ("the 19th day of March")
    sides = [(d, val) for d, val in v.flagged] + [(d, v.expected) for d in v.support[:1]]
    if len(sides) != 2:
        return False
    (da, a), (db, b) = sides
    if a[0] == b[0] and (a[1] is None or b[1] is None or (b[1] == b[2] and a[1] <= b[1] <= a[2])
                         or (a[1] == a[2] and b[1] <= a[1] <= b[2])):
        return True
    for d, other in ((da, b), (db, a)):
        i = per_doc[d][a if d == da else b][0]
        doc = ctx.documents[d]
        text = doc.paragraphs[i].text
        if mentions_month(text, doc.language, other[0]) and (a[1] is None or b[1] is None):
            return True
        unit = lexicon(doc.language).date_units.get("day")
        if a[0] == b[0] and unit and other[1] is not None and f"{other[1]}{unit}" in text.replace(" ", ""):
            return True  # 2 月 3 日和 4 日: the other day is there, after the day unit
    return False
