"""date-mismatch: a date's day or month differs between translations (years are numbers)."""
from __future__ import annotations

from ..extract.dates import date_label, mentions_month
from ..extract.numwords import lexicon
from .base import Check, GroupContext, lang_of, location
from .vote import vote


def _key(f):
    return (f.month, f.day, f.last_day)


def _label(key) -> str:
    return date_label((None, *key))[2:]  # "02-19/21"


def _closeness(a, b) -> float:
    return 1.0 + 2 * (a[0] == b[0]) + (a[1:] == b[1:])


class DateMismatch(Check):
    code = "date-mismatch"
    severity = "warning"  # 2 of 3 right on the judged corpora: an error must be right 9 times in 10
    description = "A date's day or month differs between translations (19 February vs 20 February)."

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
                if _compatible(ctx, per_doc, v):
                    continue
                locs = [location(ctx.documents[d], *per_doc[d][val]) for d, val in v.flagged]
                locs += [location(ctx.documents[d], *per_doc[d][v.expected], role="support") for d in v.support]
                values = tuple((d, _label(val)) for d, val in v.flagged)
                if v.support:
                    (d, found), = v.flagged
                    msg = (f"{lang_of(ctx, d)} dates this {_said(per_doc, d, found)} where {len(v.support)} of "
                           f"{len(per_doc)} translations have {_said(per_doc, v.support[0], v.expected)}")
                    yield self.finding(ctx, msg, locs, subject=f"{_label(v.expected)}->{_label(found)}",
                                       expected=_label(v.expected), found=_label(found), values=values)
                else:
                    said = "; ".join(f"{lang_of(ctx, d)} '{_said(per_doc, d, val)}'" for d, val in v.flagged)
                    kind = "the two translations disagree" if len(per_doc) == 2 else "no majority settles this date"
                    yield self.finding(ctx, f"{kind}: {said}", locs,
                                       subject="<>".join(_label(val) for _, val in v.flagged), values=values)


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


def _said(per_doc, d, key) -> str:
    return per_doc[d][key][1].text
