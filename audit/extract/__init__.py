"""Stage 4: facts out of a paragraph, in a language-independent form.

Pure functions: text in, facts out. ``extract_facts`` runs every extractor on
one paragraph; dates claim the numbers they are made of.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Fact, by_fields
from .dates import extract_dates
from .labels import extract_labels
from .lists import extract_lists
from .names import extract_names
from .numbers import extract_numbers


@by_fields
@dataclass(frozen=True, slots=True)
class ParagraphFacts:
    numbers: tuple[Fact, ...]
    dates: tuple[Fact, ...]
    names: tuple[Fact, ...]
    labels: tuple[Fact, ...]
    lists: tuple[Fact, ...]


def quantity_anchors(pf: ParagraphFacts) -> set[str]:
    """Numbers and dates of a paragraph as script-independent anchor strings.

    Grouping and alignment both match paragraphs on these; small spelled-out
    numbers are left out (articles, Arabic duals).
    """
    out: set[str] = set()
    for f in pf.numbers:
        for v in (f.value if isinstance(f.value, tuple) else (f.value,)):
            if isinstance(v, (int, float)) and (v >= 3 or f.form == "digits"):
                out.add(f"n:{v}")
    for f in pf.dates:
        out.add(f"d:{f.value[1]}-{f.value[2]}")
        if f.value[0]:
            out.add(f"n:{f.value[0]}")
    return out


def extract_facts(text: str, lang: str, lowercase_vocab: frozenset[str] = frozenset()) -> ParagraphFacts:
    numbers = extract_numbers(text, lang)
    dates, numbers = extract_dates(text, lang, numbers)
    return ParagraphFacts(
        numbers=tuple(numbers),
        dates=tuple(dates),
        names=tuple(extract_names(text, lang, lowercase_vocab)),
        labels=tuple(extract_labels(text, lang)),
        lists=tuple(extract_lists(text, lang)),
    )


def lowercase_vocabulary(texts) -> frozenset[str]:
    """Words a document writes in lower case somewhere (to tell names from sentence starts)."""
    from .text import tokens

    return frozenset(t.casefold() for text in texts for _, _, t in tokens(text) if t[:1].islower())


__all__ = ["ParagraphFacts", "extract_facts", "lowercase_vocabulary", "quantity_anchors"]
