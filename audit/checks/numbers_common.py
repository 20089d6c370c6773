"""What number-mismatch and number-missing share: a link's numbers per document, and the vote
(the small-word pass it runs is in ``numbers_small``)."""
from __future__ import annotations

from ..extract.dates import mentions_month
from ..extract.numbers import number_values
from ..model import CodeFact, DateFact, NumberFact
from .base import GroupContext
from .numbers_equiv import (_around, _clock, bracketed_conversion, citation_marker, converted_to_one as _converted_to_one,
                            cross_reference, same_number, written_alike, written_anyway)
from .numbers_small import SMALL, _per_doc, _SmallWords
from .vote import Vote, vote


def link_numbers(ctx: GroupContext, doc_id: str, indices) -> dict:
    """(value, occurrence) -> (paragraph index, fact) for the numbers of the linked paragraphs.

    Counting occurrences lets a year written twice, one of them changed, pair
    the changed one with the second occurrence the others still have. A date's
    year counts as a number here (date-mismatch compares day and month), once per month.
    """
    out: dict = {}
    seen: dict = {}
    years: set = set()

    def add(v, hit):
        seen[v] = seen.get(v, 0) + 1
        out[(v, seen[v])] = hit

    for i in indices:
        pf = ctx.facts[doc_id][i]
        text = ctx.documents[doc_id].paragraphs[i].text
        codes: dict = {}  # a code's value (#2) -> its letters, the code's text without its digits (SARS-CoV)
        for c in pf.numbers:
            if isinstance(c, CodeFact):
                codes.setdefault(c.value, set()).add(c.text.rstrip("0123456789").rstrip("-‐‑ ").casefold())
        for f in sorted(pf.numbers + tuple(d for d in pf.dates if d.year), key=lambda x: x.start):
            if isinstance(f, DateFact):
                # "18 January and 22 January 2020": one year, however many dates of a month; the
                # years of two months ("23 March 2020 ... May/June 2020") are two
                if (f.year, f.month) not in years:
                    years.add((f.year, f.month))
                    add(f.year, (i, f))
                continue
            if f.form != "digits" and all(_small(v) for v in number_values(f)):
                continue
            if _spaced_code_digits(text, f, codes):
                continue  # "SARS-CoV -2" beside SARS-CoV-2: the code's digits, spaced off, not a count
            if cross_reference(text, f, ctx.documents[doc_id].language):
                continue  # Fig. 3, Table 2: a part of the document, not a fact of the article
            if isinstance(f.value, str) and (f.value, 1) in out:
                continue  # a code written twice (சார்ஸ்-கோ.வி-2 (SARS-CoV-2)) is one designation
            for v in number_values(f):
                add(v, (i, f))
    return out


def _spaced_code_digits(text: str, f, codes: dict) -> bool:
    """Whether number fact ``f`` is the digits of a code the paragraph writes (``codes``: #2 of
    SARS-CoV-2 -> its letters, sars-cov) split off it by a space before the hyphen ("SARS-CoV -2"):
    the code again. Only after the code's own letters: "à -2 degrés" is a number, its sign unread."""
    if not (isinstance(f, NumberFact) and f.form == "digits" and isinstance(f.value, int)):
        return False
    stems = codes.get(f"#{f.value}")
    if not stems or text[max(0, f.start - 2):f.start] != " -":
        return False
    before = text[:f.start - 2].casefold()
    return any(stem and before.endswith(stem) for stem in stems)


def closeness(a, b) -> float:
    """How plausibly b is a mistyped or mistranslated a; always positive, so any two numbers pair."""
    if isinstance(a, str) != isinstance(b, str):
        return 0.0  # a code (#19) pairs only with a code
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


def _small(v) -> bool:
    return isinstance(v, (int, float)) and v <= SMALL


def number_votes(ctx: GroupContext) -> list:
    """(link members, value -> (paragraph, fact) per document, Vote on plain values) for every
    discrepancy in the group's confident links; computed once per group, for number-mismatch
    and number-missing alike."""
    return ctx.memo("number_votes", lambda: list(_number_votes(ctx)))


def _number_votes(ctx: GroupContext):
    links = [(present, _normalise(ctx, {d: link_numbers(ctx, d, idx) for d, idx in present}))
             for _, present in ctx.trusted_links()]
    shares = _shares(links)
    for at, (present, keyed) in enumerate(links):
        foreign = _foreign(shares, at)
        votes = vote(keyed, lambda a, b: closeness(a[0], b[0]),
                     counts_for_missing=lambda key, _: key[1] == 1 and not _small(key[0]) and not isinstance(key[0], str))
        reported: set = set()  # one discrepancy, one finding: both ends of a range are one fact
        strangers = _strangers(keyed)
        small = _SmallWords(ctx, present, keyed)
        for v in votes:
            if any(d in strangers or d in foreign for d, _ in v.flagged):
                continue
            v = _slip_shared(keyed, v)
            v = _count_not_ordinal(keyed, v)
            if v.kind == "missing" and v.support:
                v = small.replacing(v)
            kk = small.keyed  # keyed, and the small number words a vote has taken in
            if v.kind == "mismatch" and v.support and (_spelled_ordinal(kk, v) or _ordinals_for_a_count(kk, v)):
                continue  # "a third species", "Troisièmement": an ordinal word is weak evidence of a count
            if v.kind == "mismatch" and v.support and _count_of_magnitude_given(kk, v):
                continue
            if v.kind == "mismatch" and v.support and _rendered(ctx, kk, v):
                continue  # 3:00 p. m. read as 15 where another translation also writes 15h
            if v.kind == "mismatch" and v.support and _digits_of_a_code(kk, v):
                continue  # "கொரோனா நோய்க்கிருமி -2 (SARS-CoV-2)": the code's digits, spaced off
            if v.kind == "mismatch" and v.support and _day_of_the_others_date(ctx, dict(present), kk, v):
                continue  # "மார்ச் 19 நிலவரப்படி": the date's day, which the extractor left a number
            facts = _facts_of(kk, v)
            if facts & reported:
                continue
            if v.kind == "missing" and _absent_only_in_form(ctx, keyed, dict(present), v):
                reported |= facts
                continue
            if v.kind == "unsettled" and 2 * len(v.flagged) < len(keyed):
                # two of many translations each with a stray number: noise, not a dispute (left
                # unreported: the small-word pass may still read one against the others' "two")
                continue
            reported |= facts
            per_doc = _per_doc(small.keyed, v)
            plain = Vote(v.kind, tuple((d, None if key is None else key[0]) for d, key in v.flagged), v.support,
                         None if v.expected is None else v.expected[0], None if v.found is None else v.found[0])
            if plain.kind == "mismatch" and len(plain.flagged) == 2 and plain.flagged[0][1] == plain.flagged[1][1]:
                continue  # the same value, only counted differently
            yield present, per_doc, plain
        for v in small.replaced_by_count(reported, strangers | foreign):
            yield present, small.per_doc(v), v


def _digits_of_a_code(keyed: dict, v) -> bool:
    """Whether the found number of a mismatch is the digits of a code the same translation
    writes here (-2 beside SARS-CoV-2): a code's part, spaced off, not a count."""
    (d, key), = v.flagged
    return isinstance(key[0], int) and any(k[0] == f"#{key[0]}" for k in keyed[d])


def _day_of_the_others_date(ctx: GroupContext, present: dict, keyed: dict, v) -> bool:
    """Whether the found number of a mismatch is the day of a date most of the other
    translations write here, beside that date's month name in the flagged paragraph, which
    reads no date of that month: the date read as a bare number, not a count changed."""
    (d, key), = v.flagged
    i, f = keyed[d][key]
    if not (isinstance(f, NumberFact) and f.form == "digits" and isinstance(key[0], int) and 1 <= key[0] <= 31):
        return False
    others = [x for x in present if x != d]
    months = [{g.month for j in present[x] for g in ctx.facts[x][j].dates if g.day == key[0]} for x in others]
    common = {m for m in set().union(*months) if 2 * sum(m in ms for ms in months) > len(others)}
    doc = ctx.documents[d]
    read = {g.month for g in ctx.facts[d][i].dates}  # "4 dan 5 Maret": 5 March read, the 4 beside it a number
    return any(m not in read and mentions_month(doc.paragraphs[i].text, doc.language, m) for m in common)


def _rendered(ctx: GroupContext, keyed: dict, v) -> bool:
    """Whether the found number of a mismatch renders the expected one (7 p.m. as 19:00, a
    conversion), which the renaming missed because another translation writes it so too."""
    (d, key), = v.flagged
    i, f = keyed[d][key]
    s = v.support[0]
    j, g = keyed[s][v.expected]
    doc = ctx.documents[d]
    return same_number(v.expected[0], key[0], g, f, doc.paragraphs[i].text, doc.language,
                       ctx.documents[s].paragraphs[j].text)


def _count_not_ordinal(keyed: dict, v):
    """A mismatch whose found value ``d`` writes twice, once as an ordinal word and once as a
    count (четыре этапа ... четвертый): the count is the one that changed."""
    if v.kind != "mismatch" or not v.support:
        return v
    (d, key), = v.flagged
    f = keyed[d][key][1]
    if not (isinstance(f, NumberFact) and f.form == "word" and f.ordinal):
        return v
    other = next((k for k, (_, g) in keyed[d].items() if k[0] == key[0] and k != key
                  and isinstance(g, NumberFact) and not g.ordinal), None)
    return v if other is None else Vote("mismatch", ((d, other),), v.support, v.expected, other)


def _shares(links) -> dict:
    """Per translation, the links (by position) where the others agree on a number, each
    with whether this translation shares any number with them there."""
    out: dict = {}
    for at, (_, keyed) in enumerate(links):
        values = {d: {key[0] for key in vals if not isinstance(key[0], str)} for d, vals in keyed.items()}
        for d, mine in values.items():
            others = [v for x, v in values.items() if x != d]
            if len(others) < 2:
                continue
            if any(2 * sum(v in o for o in others) >= len(others) for v in set().union(*others)):
                out.setdefault(d, {})[at] = bool(mine & set().union(*others))
    return out


def _foreign(shares: dict, at: int) -> set:
    """Translations that share no number with the others in at least half of the links where
    the others agree on one (three or more such links): another article filed under this
    one's name, or one whose paragraphs are in another order; the number checks abstain for
    them. The link being checked counts as shared, so that the numbers a translation changed
    there are not what excuses it from the comparison."""
    out = set()
    for d, where in shares.items():
        unshared = sum(1 for k, shared in where.items() if k != at and not shared)
        if len(where) >= 3 and 2 * unshared >= len(where):
            out.add(d)
    return out


def _spelled_ordinal(keyed: dict, v) -> bool:
    """Whether the flagged value of a mismatch is an ordinal written as a word."""
    (d, key), = v.flagged
    f = keyed[d][key][1]
    return isinstance(f, NumberFact) and f.form == "word" and f.ordinal


_MAGNITUDES = (10**3, 10**5, 10**6, 10**7, 10**9, 10**12)  # thousand, lakh, million, crore, billion, trillion


def _slip_shared(keyed: dict, v):
    """A number the majority gives that one translation lacks, while it gives the same number
    slipped (9 million for 9 billion, 31 for 21) that another translation slipped too: a
    mismatch (the vote pairs only numbers no other translation has)."""
    if v.kind != "missing" or not v.support or isinstance(v.expected[0], str):
        return v
    (d, _), = v.flagged
    e = v.expected[0]
    slips = [key for key, (_, f) in keyed[d].items() if key[1] == 1 and _one_slip(key[0], e)
             and not any(key in keyed[s] for s in v.support)
             and (len(str(key[0])) == len(str(e)) or (f.form != "digits" and key[0] >= 1000))]
    # a magnitude apart only with a magnitude word read (9 million): 14.5 or دس (ten) for 14.5 or
    # ten million is the magnitude word unread, which several translations share
    if len(slips) != 1:
        return v
    return Vote("mismatch", ((d, slips[0]),), v.support, v.expected, slips[0])


def _count_of_magnitude_given(keyed: dict, v) -> bool:
    """Whether the flagged translation gives the expected number's count of a magnitude (14.5
    for 14.5 million: a magnitude word it writes in a form the extractor did not read); the
    expected number is there, and its other number is no substitute for it. (A 1 or a 2 is
    any magnitude's count: no evidence.)"""
    (d, found), = v.flagged
    e = v.expected[0]
    return isinstance(e, (int, float)) and any(
        isinstance(u, (int, float)) and not _small(u) and key != found and any(abs(u * m - e) <= 1e-9 * e for m in _MAGNITUDES)
        for key in keyed[d] for u in key[:1])  # not the flagged number: 9 million for 9 billion is the error


def _ordinals_for_a_count(keyed: dict, v) -> bool:
    """Whether a spelled-out count stands where most supporting translations spell an ordinal:
    the construction was rendered, not the number changed ("the third trimester" as "the
    seventh month")."""
    (d, key), = v.flagged
    f = keyed[d][key][1]
    if f.form != "word" or getattr(f, "ordinal", False):
        return False
    ordinal = [s for s in v.support if keyed[s][v.expected][1].form == "word"
               and getattr(keyed[s][v.expected][1], "ordinal", False)]
    return 2 * len(ordinal) > len(v.support)


def _strangers(keyed: dict) -> set:
    """Translations whose linked paragraph shares no number with any other, while most others
    agree on two facts or more (both ends of one range are one fact; codes are names): the
    link pairs another sentence (a shifted or merged paragraph), and every number of it would
    be reported; abstain for them."""
    values = {d: {key[0] for key in vals} for d, vals in keyed.items()}
    where: dict = {}  # value -> the fact that gives it in some translation
    for vals in keyed.values():
        for key, (i, f) in vals.items():
            where.setdefault(key[0], (i, f.start))
    out = set()
    for d, mine in values.items():
        others = [v for x, v in values.items() if x != d]
        if len(others) < 2:
            continue
        common = {v for v in set().union(*others)
                  if not isinstance(v, str) and 2 * sum(v in o for o in others) >= len(others)}  # codes: names
        numbers = {u for u in mine if not isinstance(u, str)}  # a shared code is a shared name, not a number
        if len({where[v] for v in common}) >= 2 and not (numbers & set().union(*others)) \
                and not any(_one_slip(u, c) for u in numbers for c in common):
            out.add(d)
    return out


def _one_slip(u, c) -> bool:
    """Whether ``u`` is ``c`` with one digit changed or its magnitude word swapped (31 for 21,
    200 million for 200 billion): the same sentence with an error in it, not another sentence."""
    if isinstance(u, str) or isinstance(c, str) or not u or not c:
        return False
    if any(abs(max(u, c) - min(u, c) * m) <= 1e-9 * max(u, c) for m in (10**3, 10**6, 10**9)):
        return True
    su, sc = str(u), str(c)
    return len(su) == len(sc) and sum(a != b for a, b in zip(su, sc)) == 1


def _facts_of(keyed: dict, v) -> set:
    """The (document, paragraph, offset) of the facts a vote is about: the flagged ones, or for
    a number one translation lacks, that translation and the fact the others give."""
    out = set()
    for d, key in v.flagged:
        if key is not None:
            i, f = keyed[d][key]
            out.add((d, i, f.start))
        elif v.support:
            i, f = keyed[v.support[0]][v.expected]
            out.add((d, "absent", v.support[0], i, f.start))
    if v.kind == "missing" and not v.support:
        (giver, key), (d, _) = v.flagged
        i, f = keyed[giver][key]
        out = {(d, "absent", giver, i, f.start)}
    return out


def _normalise(ctx: GroupContext, keyed: dict) -> dict:
    """Rename a value of one translation to the others' value it renders (65 km for 40 miles,
    19:00 for 7 p.m., 20.000 for 20,000), so that the vote sees one number, not two."""
    values = {d: {key[0] for key in vals} for d, vals in keyed.items()}
    out = {}
    for d, vals in keyed.items():
        others: dict = {}
        others_text: dict = {}
        for x, xv in keyed.items():
            if x != d:
                for key, hit in xv.items():
                    if key[0] not in others:
                        others[key[0]] = hit
                        others_text[key[0]] = ctx.documents[x].paragraphs[hit[0]].text
        # the others' values this one lacks, the most written first; a value only a few of many
        # others write (one translation's stray number) is none to rename to: 7 mothers read as
        # 19:00 for the "19" one other writes beside COVID-19 would hide the 6 the rest write;
        # a value written alike but for its separators (2,240.191 for 2 240 191) is, however few write it
        support = {v: sum(v in values[x] for x in keyed if x != d) for v in others}
        lacking = sorted((v for v in others if v not in values[d]), key=lambda v: (-support[v], repr(v)))
        missing = [v for v in lacking if 2 * support[v] >= len(keyed) - 1]

        def unmatched(u, f) -> bool:  # a whole-hour clock time matches only a clock time (4:00 is not "4 April")
            return u not in others or (_clock(f) and float(u).is_integer() and not _clock(others[u][1]))

        if not lacking or not any(unmatched(key[0], f) for key, (_, f) in vals.items()):
            out[d] = vals
            continue
        doc = ctx.documents[d]
        renamed: dict = {}
        for key, (i, f) in vals.items():
            u = key[0]
            if unmatched(u, f):
                text = doc.paragraphs[i].text
                match = next((v for v in lacking if written_alike(v, u, others[v][1], f)), None)
                if match is None:
                    match = next((v for v in missing
                                  if same_number(v, u, others[v][1], f, text, doc.language, others_text[v])), None)
                if match is not None:
                    lacking.remove(match)
                    if match in missing:
                        missing.remove(match)
                    u = match
            n = 1
            while (u, n) in renamed:
                n += 1
            renamed[(u, n)] = (i, f)
        out[d] = renamed
    return out


def _absent_only_in_form(ctx: GroupContext, keyed: dict, indices: dict, v) -> bool:
    """Whether a "missing" number is there in a form the extractor did not read, or is one
    that translations rightly leave out (a conversion in brackets, "100 percent sure")."""
    if v.support:
        (d, _), = v.flagged
        value = v.expected[0]
        givers = [(g, keyed[g][v.expected]) for g in v.support]
    else:
        (giver, key), (d, _) = v.flagged
        value = key[0]
        givers = [(giver, keyed[giver][key])]
    if any(bracketed_conversion(ctx.documents[g].paragraphs[i].text, f, ctx.documents[g].language)
           for g, (i, f) in givers):
        return True
    if 2 * sum(citation_marker(ctx.documents[g].paragraphs[i].text, f) for g, (i, f) in givers) >= len(givers):
        return True  # "common colds 4.": a reference marker most givers close a sentence with
    fact = givers[0][1][1]
    if any(isinstance(f, NumberFact) and f.ordinal for _, (_, f) in givers):
        return True  # an ordinal is weak evidence: "third parties", "Third, ...", "a third state"
    if 2 * sum(isinstance(f, DateFact) or f.form != "word" for _, (_, f) in givers) <= len(givers):
        return True  # spelled out by most: "triple", "under-fives", "these four" are rendered, not dropped
    if any(_slash_pair(ctx.documents[g].paragraphs[i].text, f) for g, (i, f) in givers):
        return True  # 24/7: an idiom (round the clock), not two numbers
    if isinstance(value, int) and 1000 <= value <= 2999 and any(
            key[0] in (f"#{value % 100}", value % 100) for key in keyed[d]):
        return True  # "coronavirus disease 2019 (COVID-19)" shortened to the name it expands
    if isinstance(fact, NumberFact) and fact.percent and value in (50, 100):
        return True  # "100 percent certain" = completely sure, 50 percent = half
    doc = ctx.documents[d]
    text = " ".join(doc.paragraphs[j].text for j in indices[d])
    if _converted_to_one(value, text, doc.language):
        return True  # "three feet" as "a metre"
    if isinstance(fact, DateFact) and mentions_month(text, doc.language, fact.month):
        return True  # "on 24 March" for "on 24 March 2020": the year left to the context
    return written_anyway(value, text, doc.language)


def _slash_pair(text: str, fact) -> bool:
    """Whether the number is one side of a slash pair of small numbers (24/7, 9/11)."""
    import regex

    return bool(regex.fullmatch(r"\p{Nd}{1,2}/\p{Nd}{1,2}", _around(text, fact.start, fact.end)))




def fmt(v) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}".replace(",", " ") if isinstance(v, int) and abs(v) >= 10000 else str(v)
