"""The punctuation the stages read, in one place: which marks end a sentence or a
clause in the scripts audited, open a quotation, or may stand between a date's
parts. Character classes of Unicode (``regex``'s \\p{...}) serve where a property
says it; these are the sets no property names."""
from __future__ import annotations

# A paragraph's last character that ends a sentence (Latin, Devanagari danda and
# double danda, Arabic question mark, Urdu full stop, ellipsis): site furniture lacks one.
SENTENCE_TERMINALS = ".!?।॥؟۔…"

# ... and what may close a paragraph after it (a colon, a closing quotation or bracket):
# a line that does not end so runs on into the next (hard-wrapped text).
PARAGRAPH_TERMINALS = SENTENCE_TERMINALS + ':;"”»\')'

# Sentence ends followed by a space, where a report's window of a long paragraph may
# start or stop (full-width CJK marks included).
WINDOW_SENTENCE_ENDS = ".!?।॥۔。！？"

# What precedes a sentence's first word: a capital there need not be a name.
BEFORE_SENTENCE_START = ".!?:;\"“«("

# Marks that no list runs across: sentence and clause ends, brackets, quotation marks, dashes.
CLAUSE_BREAKS = ".;:!?؛।()\"“”«»\n–—"

# Quotation marks and spaces around a list member as written.
MEMBER_QUOTES = " \"'“”«»"

# What may stand between a month and its day or year (spaces, a comma, the Arabic comma, a dot).
DATE_GAP = " \u00a0,،."
