"""What every check shares: the context it reads, its declaration, and how findings are built."""
from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ..languages import quoted as quote  # noqa: F401 - for messages: 'value' as written, isolated, romanised
from ..model import Alignment, Document, Fact, Finding, Group, Location


@dataclass(frozen=True)
class GroupContext:
    group: Group
    documents: dict[str, Document]
    alignment: Alignment
    facts: dict[str, list]  # doc id -> ParagraphFacts per paragraph
    min_confidence: float
    glossary: dict = field(default_factory=dict)  # entity -> {"aliases": {lang: [names]}, "country": code}
    name_vote: str = "strict"  # config names.vote: which vote the name checks report (strict, broad)
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: str, build: Callable[[], Any]) -> Any:
        """What several checks derive from the same group (name views, name votes), built once."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]

    def docs(self) -> list[Document]:
        return [self.documents[d] for d in self.group.documents]

    def paragraph_facts(self) -> Iterator:
        """(document, paragraph index, ParagraphFacts) for every paragraph of the group."""
        for doc in self.docs():
            for i, pf in enumerate(self.facts[doc.id]):
                yield doc, i, pf

    def confident_links(self) -> Iterator:
        """Links that join two or more documents and that the aligner trusts."""
        for link in self.alignment.links:
            present = [(d, idx) for d, idx in link.members if idx]
            if len(present) >= 2 and link.confidence >= self.min_confidence:
                yield link, present

    def trusted_links(self) -> Iterator:
        """Links as ``confident_links``, where a link the aligner doubts for one translation
        (another article filed under this one's name, a shifted paragraph) keeps the members it
        trusts, or that their trusted neighbours place (``Alignment.checked_members``): two or more."""
        for link, checked in zip(self.alignment.links, self.alignment.checked_members(self.min_confidence)):
            if checked:
                yield link, [(d, idx) for d, idx in link.members if d in checked]


class Template(string.Formatter):
    """``str.format`` for message templates, where a list placeholder is joined by its format
    spec: ``"{sides:; }"`` writes the items of ``sides`` separated by "; "."""

    def format_field(self, value, format_spec):
        if isinstance(value, (list, tuple)):
            return format_spec.join(str(v) for v in value)
        return super().format_field(value, format_spec)


TEMPLATE = Template()


class Check:
    """A check declares itself in class attributes, as pylint's messages do: ``code`` (what
    ``checks.select`` / ``.ignore`` / ``.severity`` name, and SARIF's rule id), ``severity``,
    a one-line ``description``, a ``rationale`` (why a finding of it is worth an editor's
    time, and when it abstains), ``default_enabled``, and ``messages``: one template per
    outcome with named placeholders, filled by ``message``."""

    code: str = ""
    severity: str = "warning"
    description: str = ""
    rationale: str = ""
    # Off unless ``checks.select`` names it: a check whose measured precision on
    # real translations is below what an editor should be asked to read.
    default_enabled: bool = True
    messages: dict[str, str] = {}  # outcome -> template ("{lang} has {found} where ...")

    def run(self, ctx: GroupContext) -> Iterable[Finding]:  # pragma: no cover - interface
        raise NotImplementedError

    def message(self, outcome: str, **values) -> str:
        """The ``outcome`` template of ``messages`` with its placeholders filled."""
        return TEMPLATE.format(self.messages[outcome], **values)

    def finding(self, ctx: GroupContext, message: str, locations: list[Location], subject: str, **kw) -> Finding:
        from .bounds import bound_locations, bound_message

        bounded, more = bound_locations(locations)  # windows of long paragraphs, at most MAX_LOCATIONS
        message = bound_message(message)
        if more:
            message = f"{message} (and {more:,} more locations)"
        return Finding(self.code, self.severity, ctx.group.id, message, bounded, subject, more_locations=more, **kw)


def location(doc: Document, index: int, fact: Fact | None, role: str = "flagged") -> Location:
    p = doc.paragraphs[index]
    if fact is None:
        return Location(doc.id, p.line, p.text, "", 0, 0, role)
    return Location(doc.id, p.line_at(fact.start), p.text, fact.text, fact.start, fact.end, role)


def lang_of(ctx: GroupContext, doc_id: str) -> str:
    return ctx.documents[doc_id].language
