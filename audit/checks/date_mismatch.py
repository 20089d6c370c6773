"""date-mismatch: a date's day or month differs between translations (years are numbers)."""
from __future__ import annotations

from ..extract.dates import date_label, mentions_month
from ..extract.numwords import lexicon
from .base import GroupContext
from .cross import CrossCheck
from .vote import Vote, vote


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
        for link, present in ctx.trusted_links():
            keyed = {}  # (month, day, last day, occurrence) -> (paragraph, fact): "in March 2020 ...
            for d, idx in present:  # and in March 2020", one of them changed, pairs the changed one
                vals: dict = {}
                seen: dict = {}
                for i in idx:
                    for f in ctx.facts[d][i].dates:
                        seen[_key(f)] = seen.get(_key(f), 0) + 1
                        vals[(*_key(f), seen[_key(f)])] = (i, f)
                keyed[d] = vals
            if sum(1 for v in keyed.values() if v) < 2:
                continue  # only one translation gives a date here: nothing to compare
            for v in vote(keyed, lambda a, b: _closeness(a[:3], b[:3]), counts_for_missing=lambda *_: False):
                per_doc = {d: {key[:3]: hit for key, hit in sorted(vals.items(), key=lambda kv: -kv[0][3])}
                           for d, vals in keyed.items()}  # first occurrences, and those of the vote
                for d, key in v.flagged:
                    if key is not None:
                        per_doc[d][key[:3]] = keyed[d][key]
                for d in v.support:
                    per_doc[d][v.expected[:3]] = keyed[d][v.expected]
                plain = Vote(v.kind, tuple((d, None if key is None else key[:3]) for d, key in v.flagged), v.support,
                             None if v.expected is None else v.expected[:3], None if v.found is None else v.found[:3])
                if plain.kind == "mismatch" and len(plain.flagged) == 2 and plain.flagged[0][1] == plain.flagged[1][1]:
                    continue  # the same date, only written more often in one
                # the second mention of a date changed, the first kept: not one date read two ways
                again = v.kind == "mismatch" and bool(v.support) and v.expected[3] > 1 and plain.expected[0] != plain.found[0] \
                    and (*v.expected[:3], 1) in keyed[v.flagged[0][0]]
                if again or not _compatible(ctx, per_doc, plain):
                    yield self.from_vote(ctx, plain, per_doc)
            yield from self._days_after_the_month(ctx, present, keyed)

    def _days_after_the_month(self, ctx: GroupContext, present, keyed: dict):
        """A translation that writes the month before the day against its language's order
        ("மார்ச் 24 அன்று" in Tamil: the extractor leaves such a day unread, as in Malay "Mac 15
        orang", 15 people) where most translations date the link with that month and another
        day: the number right after the month name is the date's day, and it differs."""
        n = len(keyed)
        counts: dict = {}
        for vals in keyed.values():
            for key in vals:
                if key[3] == 1 and key[1] is not None and key[1] == key[2]:
                    counts[key[:3]] = counts.get(key[:3], 0) + 1
        for expected, c in sorted(counts.items()):
            if 2 * c <= n:
                continue
            for d, idx in present:
                if any(key[0] == expected[0] and key[1] is not None for key in keyed[d]):
                    continue  # it dates this month with a day of its own: the vote compared them
                days = {day for x, vals in keyed.items() if x != d for key in vals if key[0] == expected[0]
                        and key[1] is not None for day in range(key[1], key[2] + 1)}
                if days != {expected[1]}:
                    continue  # the others date the month with several days ("March 4 and 5"): which one?
                hit = _day_after_month(ctx, d, idx)
                if hit is None or (hit[1].month == expected[0] and hit[1].day in days):
                    continue
                if hit[1].month != expected[0] and any(key[0] == hit[1].month for vals in keyed.values() for key in vals):
                    continue  # a month the translations date here too
                found = (hit[1].month, hit[1].day, hit[1].day)
                support = tuple(x for x, _ in present if x != d and (*expected, 1) in keyed[x])
                per_doc = {x: {key[:3]: h for key, h in sorted(keyed[x].items(), key=lambda kv: -kv[0][3])}
                           for x in keyed}
                per_doc[d][found] = hit
                yield self.from_vote(ctx, Vote("mismatch", ((d, found),), support, expected, found), per_doc)


def _day_after_month(ctx, d: str, idx):
    """(paragraph, date) of a day number written right after a month name that the extractor
    did not take as the date's day, where the paragraph names one month only (the others'
    month, or another in its place: एप्रिल 6 changed to मे 6); None otherwise."""
    from ..extract.dates import _is_day, _month_at
    from ..model import DateFact

    doc = ctx.documents[d]
    out = []
    for i in idx:
        text = doc.paragraphs[i].text
        numbers = ctx.facts[d][i].numbers
        for m in _month_at(text, doc.language):
            f = next((f for f in numbers if 0 < f.start - m.end <= 2 and not text[m.end:f.start].strip()), None)
            if f is not None and getattr(f, "form", "") == "digits" and isinstance(f.value, int) and _is_day(f):
                out.append((i, DateFact(text[m.start:f.end], m.start, f.end, year=None, month=m.month, day=f.value,
                                        last_day=f.value)))
            else:
                out.append(None)
    return out[0] if len(out) == 1 else None  # the month named once here: its one day


def _compatible(ctx, per_doc, v) -> bool:
    """Whether the dates a vote opposes may well be one date read two ways: a day one side
    did not read (21শে মার্চ, 1º de dezembro, 13-மார்ச்), a pair of days read as a range
    ("3 and 4 February"), a pair of months ("May/June") of which each side read one."""
    values = [val for _, val in v.flagged] + ([v.expected] if v.support else [])
    if len({val[0] for val in values}) == 1 and len({val[1:] for val in values if val[1] is not None}) <= 1:
        return True  # one month, one day at most: the others did not read the day ("the 19th day of March")
    spans = {val[1:] for val in values if val[1] is not None and val[1] < val[2]}
    if len({val[0] for val in values}) == 1 and len(spans) == 1:
        (a, b), = spans
        if all(val[1] is None or val[1:] == (a, b) or (val[1] == val[2] and a <= val[1] <= b) for val in values):
            return True  # "3 and 4 February" read as a range by some, as two dates or one of them by others
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
        # a pair of months of which each side read one ("May 2020 (or June)"): one side naming
        # the other's month is enough, since an inflected month (Russian "в мае", a case CLDR's
        # month forms lack) is not read on the other side; not where it names it only in a date
        # with a day it read ("7 April 2020 ... end of March 2020" against "... end of April"):
        # that mention is another date, which both sides give
        if (a[1] is None or b[1] is None) and mentions_month(_without_days_of(ctx, d, i, other[0], text),
                                                             doc.language, other[0]):
            return True
        unit = lexicon(doc.language).date_units.get("day")
        if a[0] == b[0] and unit and other[1] is not None and f"{other[1]}{unit}" in text.replace(" ", ""):
            return True  # 2 月 3 日和 4 日: the other day is there, after the day unit
    return False


def _without_days_of(ctx, d: str, i: int, month: int, text: str) -> str:
    """The paragraph's text with the dates of ``month`` it reads with a day blanked out."""
    for g in ctx.facts[d][i].dates:
        if g.month == month and g.day is not None:
            text = text[:g.start] + " " * (g.end - g.start) + text[g.end:]
    return text
