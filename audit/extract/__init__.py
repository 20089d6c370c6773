"""Stage 4: facts out of a paragraph, in a language-independent form.

Pure functions: text in, facts out. ``extract_facts`` runs every extractor on
one paragraph; dates claim the numbers they are made of.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import replace

from ..model import ParagraphFacts
from .dates import extract_dates
from .labels import extract_labels
from .lists import extract_lists
from .names import extract_names
from .numbers import extract_numbers


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
def _budget(seconds: float):
    """Raise _OverBudget in the extracting code once it has used ``seconds`` of CPU.

    A CPU-time timer (SIGVTALRM, not the wall-clock alarm a caller may hold) where
    signals can be had (the main thread: the inline run and pool workers); elsewhere
    (Dask's worker threads) the time is checked when extraction ends.
    """
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGVTALRM, _expired)
        signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            signal.signal(signal.SIGVTALRM, previous)
        return
    started = time.thread_time()
    yield
    if time.thread_time() - started > seconds:
        raise _OverBudget


def extract_facts(text: str, lang: str, lowercase_vocab: frozenset[str] = frozenset(),
                  budget: float | None = None) -> ParagraphFacts:
    """Every extractor on one paragraph, within ``budget`` CPU seconds (default BUDGET_SECONDS).

    Past the budget the paragraph gets no facts and a ``note`` saying so, rather than
    stalling the batch on a shape of text no extractor was made for.
    """
    budget = BUDGET_SECONDS if budget is None else budget
    try:
        with _budget(budget):
            return _extract(text, lang, lowercase_vocab)
    except _OverBudget:
        return ParagraphFacts((), (), (), (), (), note=f"facts not extracted: the paragraph ({len(text):,} characters) "
                                                        f"took more than the extraction budget of {budget:g} s")


def extract_document(doc, budget: float | None = None):
    """(document, facts per paragraph): the document gains a note for each paragraph past the budget."""
    vocab = lowercase_vocabulary(p.text for p in doc.paragraphs)
    facts = [extract_facts(p.text, doc.language, vocab, budget) for p in doc.paragraphs]
    notes = tuple(f"line {p.line}: {pf.note}" for p, pf in zip(doc.paragraphs, facts) if pf.note)
    return (replace(doc, notes=doc.notes + notes) if notes else doc), facts


def _extract(text: str, lang: str, lowercase_vocab: frozenset[str]) -> ParagraphFacts:
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


__all__ = ["BUDGET_SECONDS", "ParagraphFacts", "extract_document", "extract_facts", "lowercase_vocabulary",
           "quantity_anchors"]
