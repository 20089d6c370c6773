"""Stage 4: facts out of a paragraph, in a language-independent form.

Pure functions: text in, facts out. ``extract_facts`` runs every extractor of
``EXTRACTORS`` on one paragraph, in order; dates claim the numbers they are made of.

Adding a fact kind: write ``extract/<kind>.py`` with its ``Fact`` subclass and an
``extract(source, found)`` function, and add one line to ``EXTRACTORS`` below
(docs/architecture.md, "Adding a fact kind").
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import fields, replace
from operator import itemgetter
from collections.abc import Mapping
from typing import Callable, Iterable, NamedTuple

from ..model import Fact, ParagraphFacts
from .dates import extract_dates
from .labels import extract_labels
from .lists import extract_lists
from .names import extract_names
from .numbers import extract_numbers


class Source(NamedTuple):
    """What an extractor reads: one paragraph's text, its language (ISO 639-1), and the
    words its document also writes in lower case (to tell names from sentence starts)."""

    text: str
    lang: str
    lowercase_vocab: frozenset[str] = frozenset()


Found = Mapping[str, tuple[Fact, ...]]  # kind -> the facts the extractors before this one found
# An extractor returns its kind's facts, or a mapping kind -> facts when it also revises
# what an earlier one found (a date takes the numbers it is made of out of ``numbers``).
Extractor = Callable[[Source, Found], "Iterable[Fact] | Mapping[str, Iterable[Fact]]"]


def _dates(src: Source, found: Found) -> dict:
    dates, numbers = extract_dates(src.text, src.lang, list(found["numbers"]))
    return {"dates": dates, "numbers": numbers}


# The registry: ParagraphFacts attribute -> extractor, run in this order.
EXTRACTORS: dict[str, Extractor] = {
    "numbers": lambda src, found: extract_numbers(src.text, src.lang),
    "dates": _dates,  # after numbers: a date claims the numbers it is made of
    "names": lambda src, found: extract_names(src.text, src.lang, src.lowercase_vocab),
    "labels": lambda src, found: extract_labels(src.text, src.lang),
    "lists": lambda src, found: extract_lists(src.text, src.lang),
}
_FIELDS = tuple(f.name for f in fields(ParagraphFacts) if f.name not in ("note", "more"))


def quantity_anchors(pf: ParagraphFacts) -> set[str]:
    """Numbers and dates of a paragraph as script-independent anchor strings.

    Grouping and alignment both match paragraphs on these; small spelled-out
    numbers are left out (articles, Arabic duals).
    """
    out: set[str] = set()
    for f in pf.numbers:
        for v in f.values:
            if isinstance(v, (int, float)) and (v >= 3 or f.form == "digits"):
                out.add(f"n:{v}")
    for f in pf.dates:
        out.add(f"d:{f.month}-{f.day}")
        if f.year:
            out.add(f"n:{f.year}")
    return out


BUDGET_SECONDS = 3.0  # CPU seconds for one paragraph; a 10 KB paragraph takes about 0.04


class _OverBudget(Exception):
    pass


def _expired(signum, frame):
    raise _OverBudget


@contextmanager
def _cpu_timer():
    """Whether paragraphs can be timed by a CPU-time timer (SIGVTALRM, not the wall-clock
    alarm a caller may hold): so in the main thread (the inline run and pool workers), where
    the handler is installed for the block; elsewhere (Dask's worker threads) the time is
    checked when a paragraph's extraction ends."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGVTALRM, _expired)
        try:
            yield True
        finally:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)
        return
    yield False


def _within(text: str, lang: str, lowercase_vocab: frozenset[str], budget: float, timer: bool) -> ParagraphFacts:
    """``_extract`` of one paragraph, or its note once it has used ``budget`` CPU seconds."""
    try:
        if timer:
            signal.setitimer(signal.ITIMER_VIRTUAL, budget)  # armed per paragraph, the handler once per block
            try:
                return _extract(text, lang, lowercase_vocab)
            finally:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        started = time.thread_time()
        pf = _extract(text, lang, lowercase_vocab)
        if time.thread_time() - started > budget:
            raise _OverBudget
        return pf
    except _OverBudget:
        return ParagraphFacts((), (), (), (), (), note=f"facts not extracted: the paragraph ({len(text):,} characters) "
                                                        f"took more than the extraction budget of {budget:g} s",
                              more=tuple((kind, ()) for kind in EXTRACTORS if kind not in _FIELDS))


def extract_facts(text: str, lang: str, lowercase_vocab: frozenset[str] = frozenset(),
                  budget: float | None = None) -> ParagraphFacts:
    """Every extractor on one paragraph, within ``budget`` CPU seconds (default BUDGET_SECONDS).

    Past the budget the paragraph gets no facts and a ``note`` saying so, rather than
    stalling the batch on a shape of text no extractor was made for.
    """
    with _cpu_timer() as timer:
        return _within(text, lang, lowercase_vocab, BUDGET_SECONDS if budget is None else budget, timer)


def extract_document(doc, budget: float | None = None):
    """(document, facts per paragraph): the document gains a note for each paragraph past the budget."""
    vocab = lowercase_vocabulary(p.text for p in doc.paragraphs)
    budget = BUDGET_SECONDS if budget is None else budget
    with _cpu_timer() as timer:  # the timer's handler once per document, not per paragraph
        facts = [_within(p.text, doc.language, vocab, budget, timer) for p in doc.paragraphs]
    notes = tuple(f"line {p.line}: {pf.note}" for p, pf in zip(doc.paragraphs, facts) if pf.note)
    return (replace(doc, notes=doc.notes + notes) if notes else doc), facts


def _extract(text: str, lang: str, lowercase_vocab: frozenset[str]) -> ParagraphFacts:
    src = Source(text, lang, lowercase_vocab)
    found: dict[str, tuple[Fact, ...]] = {}
    for kind, extract in EXTRACTORS.items():
        got = extract(src, found)
        if isinstance(got, Mapping):
            found.update((k, tuple(v)) for k, v in got.items())
        else:
            found[kind] = tuple(got)
    builtin = [found.pop(name, ()) for name in _FIELDS]
    return ParagraphFacts(*builtin, more=tuple(found.items()))


_WORD = itemgetter(2)  # the word of a (start, end, word) token


def lowercase_vocabulary(texts) -> frozenset[str]:
    """Words a document writes in lower case somewhere (to tell names from sentence starts)."""
    from .text import _tokens

    # through the tokeniser's cache, which the extractors then read; each distinct word tested
    # once, the words of a paragraph gathered by C-level maps
    words: set[str] = set()
    for text in texts:
        words.update(map(_WORD, _tokens(text)))
    return frozenset(t.casefold() for t in words if t[:1].islower())


__all__ = ["BUDGET_SECONDS", "EXTRACTORS", "Extractor", "Found", "ParagraphFacts", "Source", "extract_document",
           "extract_facts", "lowercase_vocabulary", "quantity_anchors"]
