"""A document's grouping summary: its anchor signature (figures, dates, name keys, each with
the paragraphs where it occurs) and its paragraphs' length profile, computed where the
document was read (per file, on the engine) and all that grouping needs of it."""
from __future__ import annotations

import math
from collections import defaultdict

from ..extract import quantity_anchors
from ..model import Document

_WORD_KEY = 3  # a name word's phonetic key this long at least is an anchor (shorter ones say little)
_WORD_REPEATS = 6  # a word more frequent than this in one document is vocabulary, not a name
_POSITIONS = 12  # occurrences of one anchor kept per document


def signature(doc_facts) -> dict[str, list[float]]:
    """Anchor features of a document, each with the paragraph indices where it occurs.

    Numbers and dates (``n:``, ``d:``), cased multi-word names (``k:``), the phonetic
    key of every word of a cased name (``w:``) and, in caseless scripts, of every word
    (``u:``: a candidate name, an anchor only where some cased translation in the batch
    writes it as a name) and of every single word (``v:``, an anchor only where some cased
    translation has it as a name word). No single feature decides: each is weighted by its rarity in
    the batch when documents are compared.
    """
    feats: dict[str, list[float]] = defaultdict(list)
    words: dict[str, list[float]] = defaultdict(list)
    for i, pf in enumerate(doc_facts):
        here = quantity_anchors(pf)
        at = float(i)
        previous = None  # the caseless word before, when the last name was one
        for f in pf.names:  # a caseless paragraph has one per word: this loop is most of the signature
            keys = f.keys
            if f.cased:
                for key in keys:
                    if len(key) >= _WORD_KEY:
                        words["w:" + key].append(at)
                if len(keys) > 1:
                    here.update(["k:" + " ".join(keys[j:j + 2]) for j in range(len(keys) - 1)])
                previous = None
                continue
            if previous is not None and previous.end + 1 >= f.start:
                # a caseless script's two adjacent words may be a two-word name another script writes cased
                here.add("u:" + " ".join(previous.keys + keys))
            for key in keys:
                # ... and one word a name word (a town in a one-line headline), when its key is long
                # enough that a common word seldom has it by chance
                if len(key) > _WORD_KEY:
                    words["v:" + key].append(at)
            previous = f
        for f in here:
            where = feats[f]
            if len(where) < _POSITIONS:
                where.append(at)
    for f, where in words.items():
        if len(where) <= _WORD_REPEATS:
            feats[f] = where
    return feats


def summary(doc: Document, doc_facts: list) -> tuple:
    """What grouping needs of a document: (id, language, paragraphs, signature, length profile,
    paragraph texts). Small: the Dask engine computes it where the document was read and sends
    only this with the document, whose paragraph texts these are (the same strings, pickled once);
    the texts are transliterated only for a document the texture is asked about (``texture.py``)."""
    return (doc.id, doc.language, len(doc.paragraphs), dict(signature(doc_facts)), profile(doc),
            tuple(p.text for p in doc.paragraphs))


def profile(doc: Document) -> tuple[float, ...]:
    """The log length of each paragraph (characters other than spaces): translations keep the
    rise and fall of their source's paragraph lengths, whatever the script's own scale."""
    return tuple(round(math.log1p(len("".join(p.text.split()))), 3) for p in doc.paragraphs)
