"""Small frozen data types passed between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any


def by_fields(cls):
    """Pickle a frozen, slotted dataclass as (class, field values).

    The dataclass default for slots looks its fields up again for every object;
    a run pickles millions of facts to and from worker processes, twice as fast so.
    """
    names = [f.name for f in fields(cls)]
    get = attrgetter(*names)
    cls.__reduce__ = (lambda self: (cls, get(self))) if len(names) > 1 else (lambda self: (cls, (get(self),)))
    return cls


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
    (possibly none: an omission).
    """

    members: tuple[tuple[str, tuple[int, ...]], ...]
    confidence: float

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


@by_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """One language-independent fact found in a paragraph.

    ``value`` is comparable across languages; ``text`` is the exact evidence
    substring at ``start:end`` of the paragraph text.
    """

    kind: str  # number, date, name, label, list
    value: Any
    text: str
    start: int
    end: int
    approx: bool = False
    form: str = "digits"  # digits, word, mixed
    extra: Any = None


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
