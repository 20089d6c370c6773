"""`audit glossary suggest`: aliases mined from aligned links, for editors to accept.

A name written in capitals in one translation (Quang Ninh) is looked for in the
linked paragraphs of the others by its phonetic keys; what they write there
(কোয়াং নিন, كوانغ نينه) is proposed as its alias in that language. The output
has the shape of the `glossary:` key of config.yaml: an editor keeps the
entries that are right, adds a country where it matters, and pastes them in.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .config import Config
from .model import Report


def suggest(report: Report, config: Config, min_links: int = 2) -> dict:
    from .checks.base import GroupContext
    from .checks.names.common import confirmed, name_views
    known = {a.casefold() for spec in config.glossary.values() for names in spec["aliases"].values() for a in names}
    docs = {d.id: d for d in report.documents}
    facts = report.facts  # the run's, read group by group through the engine that holds them
    seen: dict = defaultdict(lambda: defaultdict(Counter))  # name keys -> language -> surface -> links
    for group, alignment in zip(report.groups, report.alignments):
        if len(group.documents) < 2:
            continue
        ctx = GroupContext(group, {d: docs[d] for d in group.documents}, alignment,
                           {d: facts[d] for d in group.documents}, config.align.min_confidence, config.glossary)
        views = name_views(ctx)
        for link, present in ctx.confident_links():
            for d, idx in present:
                view = views[d]
                if not view.cased:
                    continue
                for i in idx:
                    for m in view.mentions(i):
                        if not any(len(u) == 2 for u in m.units) or not confirmed(view, m, views):
                            continue
                        key = tuple(sorted(m.units))
                        seen[key][view.doc.language][m.surface] += 1
                        for o, o_idx in present:
                            if o == d:
                                continue
                            hit = views[o].find(o_idx, [u for u in m.units if len(u) == 2])
                            if hit:
                                p, s, e = hit
                                seen[key][views[o].doc.language][docs[o].paragraphs[p].text[s:e]] += 1
    out = {}
    for key, by_lang in seen.items():
        if len(by_lang) < 2 or max(sum(c.values()) for c in by_lang.values()) < min_links:
            continue
        cased = Counter()
        for lang, surfaces in by_lang.items():
            if any(ch.isupper() for s in surfaces for ch in s):
                cased.update(surfaces)
        name = cased.most_common(1)[0][0] if cased else next(iter(next(iter(by_lang.values()))))
        aliases = {lang: [s for s, _ in surfaces.most_common(3)
                          if s.casefold() not in known and not _has_boundary(s, lang)]
                   for lang, surfaces in sorted(by_lang.items())}
        aliases = {lang: names for lang, names in aliases.items() if names}
        if len(aliases) >= 2 and name not in out:
            out[name] = {"aliases": aliases}
    return dict(sorted(out.items()))


def _has_boundary(surface: str, lang: str) -> bool:
    """A span holding "and" or "of" is a chance match, not a name."""
    from .extract.names import boundary_words
    from .extract.text import fold, tokens

    stops = boundary_words(lang)
    return any(fold(t) in stops for _, _, t in tokens(surface))


def render(suggestions: dict) -> bytes:
    import yaml

    head = ("# Aliases mined from aligned translations by 'audit glossary suggest'.\n"
            "# Keep the entries that are right, add 'country: XX' where it matters, and paste\n"
            "# them under 'glossary:' in config.yaml.\n")
    return (head + yaml.safe_dump({"glossary": suggestions}, allow_unicode=True, sort_keys=False, width=100)).encode()
