"""The name model the name checks, list-mismatch and the glossary suggester share: per-document
name views and mentions (``common``), the name vote (``voting``), the glossary matcher, and how
names are matched across scripts (``match``). Not a check: checks import it, it imports no check."""
