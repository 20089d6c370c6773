"""The cross-translation base: a check that votes on one kind of fact across the translations
of a link (``checks/vote.py``) and reports each ``Vote`` from its declared templates.

A vote has one of three outcomes, and the check declares a message template for each:

- ``majority``: more than half of the translations agree on a value and one does not
  (it is flagged, the others are cited as support);
- ``pair``: two translations disagree and neither outvotes the other (both flagged);
- ``no_majority``: three or more translations each say something else (all flagged).

Placeholders every template may use (the check may pass more, e.g. ``entity``):

====================  ==============================================================
``lang``              language of the (first) flagged translation
``expected``          the majority's value, as a subject writes it (``label``)
``found``             the flagged translation's value, likewise
``expected_text``     the majority's evidence as the first supporting translation writes it
``found_text``        the flagged translation's evidence as written
``n``                 translations in the link; ``n_support``: how many carry ``expected``
``support_langs``     their languages, comma-separated
``a_lang`` ``a``      the first flagged translation's language and value (a pair)
``b_lang`` ``b``      the second's (empty when it lacks the value)
``labels``            every flagged value (a list: ``{labels:<>}`` joins them with "<>")
``sides``             every flagged translation by the ``side`` template (``{sides:; }``)
====================  ==============================================================

``subjects`` holds the subject template per outcome (the fingerprint is made of it: a
subject names values, never line numbers). ``side`` (in ``messages``) writes one flagged
translation inside ``sides``, with ``lang``, ``value`` (its label) and ``text`` (its
evidence as written).
"""
from __future__ import annotations

from typing import Any

from ..model import Finding, Location
from .base import TEMPLATE, Check, GroupContext, location
from .vote import Vote

MAJORITY, PAIR, NO_MAJORITY = "majority", "pair", "no_majority"


class CrossCheck(Check):
    messages: dict[str, str] = {}  # majority, pair, no_majority (and side)
    subjects: dict[str, str] = {}  # the same outcomes
    # whether a finding's ``values`` lists the supporting translations with the expected value
    # beside the flagged ones (the workbook's per-language cells)
    cites_support: bool = True

    def outcome(self, vote: Vote, n: int) -> str:
        """Which template reports ``vote`` among ``n`` translations."""
        if vote.support:
            return MAJORITY
        return NO_MAJORITY if vote.kind == "unsettled" else PAIR

    def datum(self, value: Any) -> Any:
        """A voted value as the finding's ``expected``, ``found`` and ``values`` carry it."""
        return value

    def label(self, value: Any) -> str:
        """A voted value as a subject and a message write it."""
        return str(self.datum(value))

    def from_vote(self, ctx: GroupContext, vote: Vote, evidence: dict | None = None, *, link: dict | None = None,
                  n: int | None = None, locations: list[Location] | None = None, **placeholders) -> Finding:
        """The finding that reports ``vote``.

        ``evidence``: document -> {voted value: (paragraph index, Fact)} for the link;
        ``link``: document -> paragraph indices (where a translation that lacks the value is
        located); ``n``: translations in the link (default: those in ``evidence``);
        ``locations``: the finding's locations when the evidence is not facts (names)."""
        n = len(evidence) if n is None else n
        outcome = self.outcome(vote, n)
        values = self.placeholders(ctx, vote, evidence or {}, n)
        values.update(placeholders)
        if locations is None:
            locations = self.locations(ctx, vote, evidence or {}, link or {})
        cited = tuple((d, None if val is None else self.datum(val)) for d, val in vote.flagged)
        if self.cites_support:
            cited += tuple((s, self.datum(vote.expected)) for s in vote.support)
        kw = {}
        if vote.expected is not None or vote.found is not None:
            kw = {"expected": None if vote.expected is None else self.datum(vote.expected),
                  "found": None if vote.found is None else self.datum(vote.found)}
        return self.finding(ctx, self.message(outcome, **values), locations,
                            subject=TEMPLATE.format(self.subjects[outcome], **values), values=cited, **kw)

    def placeholders(self, ctx: GroupContext, vote: Vote, evidence: dict, n: int) -> dict:
        def lang(d):
            return ctx.documents[d].language

        def label(val):
            return "" if val is None else self.label(val)

        def text(d, val):
            hit = evidence.get(d, {}).get(val) if val is not None else None
            return hit[1].text if hit else ""

        (d0, v0), *rest = vote.flagged
        b = rest[0] if rest else (None, None)
        out = {"lang": lang(d0), "n": n, "n_support": len(vote.support),
               "support_langs": ", ".join(lang(s) for s in vote.support),
               "expected": label(vote.expected), "found": label(vote.found),
               "expected_text": text(vote.support[0], vote.expected) if vote.support else "",
               "found_text": text(d0, v0),
               "a_lang": lang(d0), "a": label(v0), "b_lang": lang(b[0]) if b[0] else "", "b": label(b[1]),
               "labels": [label(val) for _, val in vote.flagged]}
        if "side" in self.messages:
            out["sides"] = [self.message("side", lang=lang(d), value=label(val), text=text(d, val))
                            for d, val in vote.flagged]
        return out

    def locations(self, ctx: GroupContext, vote: Vote, evidence: dict, link: dict) -> list[Location]:
        """The flagged translations' evidence (the linked paragraph where a value is absent),
        then the supporting translations' evidence of the expected value."""
        locs = []
        for d, val in vote.flagged:
            doc = ctx.documents[d]
            if val is None:
                locs.append(location(doc, link[d][0], None))
            else:
                locs.append(location(doc, *evidence[d][val]))
        for s in vote.support:
            locs.append(location(ctx.documents[s], *evidence[s][vote.expected], role="support"))
        return locs
