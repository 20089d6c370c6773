"""Small frozen data types passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, ClassVar


def by_fields(cls):
    """Pickle a frozen, slotted dataclass as (class, field values).

    The dataclass default for slots looks its fields up again for every object;
    a run pickles millions of facts to and from worker processes, twice as fast so.
    A subclass (a kind of fact with fields of its own) pickles by its own fields, not as ``cls``.
    """
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names) if len(names) > 1 else (lambda self, one=attrgetter(names[0]): (one(self),))
    cls.__reduce__ = lambda self: (cls, get(self)) if type(self) is cls else _by_own_fields(self)
    return cls


def _by_own_fields(obj) -> tuple:
    kind = type(obj)
    return _construct, (kind, tuple((f.name, getattr(obj, f.name)) for f in fields(kind) if f.init))


def _construct(kind, items: tuple):
    return kind(**dict(items))


@by_fields
@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int  # 0-based position among the document's paragraphs
    line: int  # 1-based line of its first line in the original file
    end_line: int  # 1-based line of its last line
    text: str
    breaks: tuple[int, ...] = ()  # offsets in ``text`` where a further file line starts

    def line_at(self, offset: int) -> int:
        """The 1-based file line holding character ``offset`` of the text."""
        return self.line + sum(1 for b in self.breaks if b <= offset)


@by_fields
@dataclass(frozen=True, slots=True)
class Document:
    id: str  # the path under the input root without extension (audit.layout)
    path: str
    language: str  # ISO 639-1
    language_confidence: float
    script: str  # ISO 15924, e.g. Beng, Deva, Latn, Arab
    paragraphs: tuple[Paragraph, ...]
    boilerplate: tuple[Paragraph, ...] = ()
    encoding: str = "utf-8"
    paragraph_style: str = "lines"
    sha256: str = ""
    notes: tuple[str, ...] = ()  # what the run could not do with this document (a paragraph past the budget)
    language_warning: str = ""  # a declared language the script or the detector contradicts

    def paragraph(self, index: int) -> Paragraph:
        return self.paragraphs[index]


@by_fields
@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be audited, and why."""

    path: str
    reason: str
    read: bool = False  # True when the file was read but is not audited on its own (a duplicate)


@by_fields
@dataclass(frozen=True, slots=True)
class Group:
    """Documents that translate the same article."""

    id: str
    documents: tuple[str, ...]
    score: float  # the weakest link that joined the group; 1.0 for a lone document
    pair_scores: tuple[tuple[str, str, float], ...] = ()


@by_fields
@dataclass(frozen=True, slots=True)
class Link:
    """Paragraphs of several documents that translate one another.

    ``members`` maps document id to the 0-based paragraph indices it contributes
    (possibly none: an omission). ``confidence`` is the weakest member's; ``trust`` gives
    each member's own (its beads against the pivot), so that one misaligned translation
    does not keep the others from being compared.
    """

    members: tuple[tuple[str, tuple[int, ...]], ...]
    confidence: float
    trust: tuple[tuple[str, float], ...] = ()

    def trusted(self, doc_id: str) -> float:
        """The confidence of ``doc_id``'s part of the link (the link's own where not known)."""
        for d, c in self.trust:
            if d == doc_id:
                return c
        return self.confidence

    def indices(self, doc_id: str) -> tuple[int, ...]:
        for d, idx in self.members:
            if d == doc_id:
                return idx
        return ()


@by_fields
@dataclass(frozen=True, slots=True)
class Alignment:
    group: str
    pivot: str
    links: tuple[Link, ...]

    def checked_members(self, min_confidence: float) -> tuple[tuple[str, ...], ...]:
        """Per link, the documents whose paragraphs the number and date checks compare:
        those the aligner trusts there (``Link.trusted``), and those it doubts whose
        paragraph is placed by trusted neighbours: the link lies in a run of one-to-one links
        (one paragraph of the document against one of the pivot, each the next of both)
        between two links the aligner trusts for it. Between two such anchors with as many
        paragraphs on both sides, one-to-one is the path with no merge and no omission; in a
        dialogue of short lines the figures are most of the aligner's evidence, and a changed
        figure must not be what excuses a translation from the comparison."""
        links = self.links
        ok = [{d for d, idx in link.members if idx and link.trusted(d) >= min_confidence} for link in links]
        pivot = [link.indices(self.pivot) for link in links]
        docs = {d for link in links for d, _ in link.members if d != self.pivot}
        for d in docs:
            run: list[int] = []  # doubted one-to-one links since the last trusted one
            last, anchor = None, False  # the chain's last link; whether it holds a trusted link
            for k, link in enumerate(links):
                idx, piv = link.indices(d), pivot[k]
                if not (len(idx) == 1 and len(piv) == 1):
                    run, last, anchor = [], None, False
                    continue
                if last is not None and not (idx[0] == links[last].indices(d)[0] + 1 and piv[0] == pivot[last][0] + 1):
                    run, anchor = [], False
                last = k
                if d in ok[k]:
                    if anchor:
                        for j in run:
                            ok[j].add(d)
                    run, anchor = [], True
                else:
                    run.append(k)
        out = []
        for link, members in zip(links, ok):
            checked = tuple(d for d, _ in link.members if d in members)
            out.append(checked if len(checked) >= 2 else ())
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Fact:
    """What every fact has: the exact evidence substring at ``start:end`` of the paragraph text.

    Each kind is a subclass with named fields (NumberFact, DateFact, ...), found in one
    ParagraphFacts attribute (numbers, dates, ...); ``kind`` names it (number, date, ...),
    and ``value`` is what a vote on that kind compares across languages. A bare ``Fact``
    is evidence alone (a list member as a location).
    """

    kind: ClassVar[str] = ""
    text: str
    start: int
    end: int

    def __reduce__(self):
        # a kind without @by_fields still pickles whole (by_fields on each kind is the fast path)
        return type(self), tuple(getattr(self, f.name) for f in fields(self))


@by_fields
@dataclass(frozen=True, slots=True)
class NumberFact(Fact):
    """A quantity in any digit system or in words: 2025, ২০২৫, "twenty-seven trillion".

    ``value`` is an int or a float, or (low, high) for a range (``range``: 19–21).
    """

    kind: ClassVar[str] = "number"
    value: int | float | tuple[int | float, int | float]
    approx: bool = False  # "almost 300", "more than 20"
    form: str = "digits"  # digits, word, mixed
    ordinal: bool = False  # 15th, ১৫তম, the third
    percent: bool = False  # 20 %, 20 percent
    range: bool = False

    @property
    def values(self) -> tuple:
        """The values the fact contributes to a comparison: both ends of a range."""
        return self.value if isinstance(self.value, tuple) else (self.value,)


@by_fields
@dataclass(frozen=True, slots=True)
class TimeFact(NumberFact):
    """A clock time (19:00, ১৯ঃ৩০): a number whose value is hour.minutes (19.3), so that
    number checks compare it as they always have, with the hour and minute named."""

    hour: int = 0
    minute: int = 0


@by_fields
@dataclass(frozen=True, slots=True)
class CodeFact(Fact):
    """The digits of an alphanumeric code (COVID-19, A320, SARS-CoV-2): found among the
    numbers, compared only with codes (``value`` ``#19``), never as a quantity."""

    kind: ClassVar[str] = "number"
    approx: ClassVar[bool] = False
    form: ClassVar[str] = "code"
    ordinal: ClassVar[bool] = False
    percent: ClassVar[bool] = False
    range: ClassVar[bool] = False
    number: int

    @property
    def value(self) -> str:
        return f"#{self.number}"

    @property
    def values(self) -> tuple:
        return (self.value,)


@by_fields
@dataclass(frozen=True, slots=True)
class DateFact(Fact):
    """A calendar date: a month with a day (or a range of days) and/or a year."""

    kind: ClassVar[str] = "date"
    year: int | None
    month: int
    day: int | None  # the first day of a range; None for "February 2025"
    last_day: int | None  # == day unless a range of days (19–21 February)

    @property
    def value(self) -> tuple:
        """(year, month, day, last_day)."""
        return (self.year, self.month, self.day, self.last_day)

    @property
    def form(self) -> str:
        """How the number checks see a date among numbers: as written in figures (a date's
        year and day are compared as numbers where a translation gives no month)."""
        return "digits"


@by_fields
@dataclass(frozen=True, slots=True)
class NameFact(Fact):
    """A proper name (or, in a caseless script, a word that may be one), one phonetic key per word."""

    kind: ClassVar[str] = "name"
    keys: tuple[str, ...]
    cased: bool  # a run of capitalised words; False: a caseless script's word (a candidate)

    @property
    def form(self) -> str:
        return "cased" if self.cased else "word"

    @property
    def value(self) -> tuple[str, ...]:
        return self.keys


@by_fields
@dataclass(frozen=True, slots=True)
class LabelFact(Fact):
    """A country label: "ENTITY (COUNTRY)"; the evidence spans entity and label."""

    kind: ClassVar[str] = "label"
    entity_keys: tuple[str, ...]  # the entity's phonetic key per word
    code: str  # ISO 3166 alpha-2 of the country
    entity: str  # the entity as written
    country: str  # the country as written in the parentheses

    @property
    def value(self) -> tuple:
        return (self.entity_keys, self.code)


@by_fields
@dataclass(frozen=True, slots=True)
class ListFact(Fact):
    """An enumeration: ordered members, each as written, with its phonetic key and span."""

    kind: ClassVar[str] = "list"
    keys: tuple[str, ...]
    members: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # each member's start and end in the paragraph text
    short: bool = False  # two members: alone it says little (see extract/lists.py)

    @property
    def value(self) -> tuple[str, ...]:
        return self.keys


@by_fields
@dataclass(frozen=True, slots=True)
class ParagraphFacts:
    """The facts of one paragraph, by kind (in text order within a kind).

    The built-in kinds are fields; a kind registered in ``audit.extract.EXTRACTORS``
    beyond them is kept in ``more`` and read as an attribute all the same (``pf.times``).
    """

    numbers: tuple[NumberFact | CodeFact, ...]
    dates: tuple[DateFact, ...]
    names: tuple[NameFact, ...]
    labels: tuple[LabelFact, ...]
    lists: tuple[ListFact, ...]
    note: str = ""  # why this paragraph has no facts although it has text (the extraction budget)
    more: tuple[tuple[str, tuple[Fact, ...]], ...] = ()  # (kind, facts) of the registered kinds

    def __getattr__(self, name: str):
        if not name.startswith("_"):
            for kind, facts in self.more:
                if kind == name:
                    return facts
        raise AttributeError(name)

    def of(self, kind: str) -> tuple[Fact, ...]:
        """The facts of ``kind`` (a ParagraphFacts field or a registered kind); () if none."""
        try:
            return getattr(self, kind)
        except AttributeError:
            return ()


@by_fields
@dataclass(frozen=True, slots=True)
class Location:
    document: str
    line: int
    text: str
    evidence: str
    start: int = 0
    end: int = 0
    role: str = "flagged"  # flagged: where the discrepancy is; support: what the others say
    offset: int = 0  # where ``text`` starts in the paragraph (a window of a long one; see checks/bounds.py)


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    group: str
    message: str
    locations: tuple[Location, ...]
    subject: str  # what the finding is about, stable across unrelated edits
    expected: Any = None
    found: Any = None
    values: tuple[tuple[str, Any], ...] = ()  # document id -> value as that document has it
    fingerprint: str = ""
    status: str = "Open"  # an editor's decision: one of meta.STATUSES
    comment: str = ""
    more_locations: int = 0  # locations left out beyond checks.bounds.MAX_LOCATIONS

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(sorted({loc.document for loc in self.locations if loc.role == "flagged"}))


@dataclass
class Report:
    documents: list[Document]
    skipped: list[Skipped]
    groups: list[Group]
    alignments: list[Alignment]
    findings: list[Finding]
    signature: dict[str, Any] = field(default_factory=dict)
    resolved: list[dict[str, Any]] = field(default_factory=list)
    facts: dict[str, list] = field(default_factory=dict, repr=False)  # doc id -> ParagraphFacts per paragraph

    def group_index(self) -> dict[str, str]:
        """Document id -> group id."""
        return {d: g.id for g in self.groups for d in g.documents}
