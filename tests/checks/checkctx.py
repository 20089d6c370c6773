"""One check on one group built in memory: documents from strings, facts from the
extractors, links given. No disk, no grouping, no alignment.

    ctx = context({"a": ("sv", ["Parterna undertecknade 29 avtal."]),
                   "b": ("ms", ["Kedua-dua pihak menandatangani 28 perjanjian."])})
    findings = run(NumberMismatch, ctx)

By default line i of every document translates line i of the others (one link per
line, confidence 1.0); ``links`` gives other links as {document: (0-based indices)}.
"""
from __future__ import annotations

from audit.checks.base import GroupContext
from audit.extract import extract_document
from audit.languages import dominant_script
from audit.model import Alignment, Document, Group, Link, Paragraph

GROUP = "article"
MIN_CONFIDENCE = 0.5  # the default config's align.min_confidence


def document(doc_id: str, lang: str, lines: list[str]) -> Document:
    """A document whose paragraph i is file line i + 1."""
    paragraphs = tuple(Paragraph(i, i + 1, i + 1, text) for i, text in enumerate(lines))
    return Document(doc_id, f"{doc_id}.txt", lang, 1.0, dominant_script(" ".join(lines)), paragraphs)


def context(texts: dict[str, tuple[str, list[str]]], links: list[dict] | None = None, confidence: float = 1.0,
            glossary: dict | None = None, pair_scores=()) -> GroupContext:
    """A group of ``texts`` (document id -> (language, lines)) with the extractors' facts."""
    documents, facts = {}, {}
    for doc_id, (lang, lines) in texts.items():
        documents[doc_id], facts[doc_id] = extract_document(document(doc_id, lang, lines))
    ids = tuple(sorted(documents))
    if links is None:
        n = max(len(d.paragraphs) for d in documents.values())
        links = [{d: (i,) for d in ids if i < len(documents[d].paragraphs)} for i in range(n)]
    made = tuple(Link(tuple((d, tuple(link.get(d, ()))) for d in ids), confidence) for link in links)
    group = Group(GROUP, ids, 1.0 if len(ids) == 1 else 0.5, tuple(pair_scores))
    return GroupContext(group, documents, Alignment(GROUP, ids[0], made), facts, MIN_CONFIDENCE, glossary or {})


def run(check_class, ctx: GroupContext) -> list:
    return list(check_class().run(ctx))


def flagged(finding) -> list[tuple[str, int, str]]:
    """(document, line, evidence) of the finding's flagged locations."""
    return [(loc.document, loc.line, loc.evidence) for loc in finding.locations if loc.role == "flagged"]


def support(finding) -> set[str]:
    return {loc.document for loc in finding.locations if loc.role == "support"}


def _strict(check):
    """``check`` with the strict vote alone (``broad`` off), as ``names.vote: strict`` without
    the broad fallback: the tests of the strict rules read only its findings."""
    return type("Strict" + check.__name__, (check,), {"broad": False})


def _strict_checks():
    from audit.checks.name_missing import NameMissing
    from audit.checks.name_substituted import NameSubstituted

    return _strict(NameMissing), _strict(NameSubstituted)


StrictMissing, StrictSubstituted = _strict_checks()


def strict_name_findings(texts: dict[str, tuple[str, list[str]]]) -> list[tuple]:
    """(check, flagged, expected, found) of name-missing and name-substituted with the strict
    vote alone (``broad`` off), in that order."""
    out = []
    for strict in (StrictMissing, StrictSubstituted):
        out += [(f.check, flagged(f), f.expected, f.found) for f in run(strict, context(texts))]
    return out


def edited(base: dict[str, list[str]], lang: str, line: int, text: str) -> dict[str, tuple[str, list[str]]]:
    """``base`` (language -> lines) as ``context`` reads it, line ``line`` (1-based) of ``lang`` replaced."""
    out = {code: (code, list(lines)) for code, lines in base.items()}
    out[lang][1][line - 1] = text
    return out


# Three paragraphs of one article in four languages (from tests/data/articles/trade.*.txt).
TRADE = {
    "en": [
        'Hanoi, 14 March 2025 – Officials from Lang Son, Quang Ninh and Cao Bang met their counterparts from Guangxi Zhuang Autonomous Region (China) on Friday to sign 12 new agreements on cross-border trade.',
        "Nguyen Van Minh, vice-chairman of the Lang Son People's Committee, said that nearly 300 companies now use the electronic customs system.",
        'Mong Cai (Vietnam) and Dongxing (China) will host a joint trade fair from 19 to 21 November, with 450 booths.',
    ],
    "fr": [
        'Hanoï, 14 mars 2025 – Des responsables de Lang Son, Quang Ninh et Cao Bang ont rencontré vendredi leurs homologues de la Région autonome Zhuang du Guangxi (Chine) pour signer 12 nouveaux accords sur le commerce transfrontalier.',
        'Nguyen Van Minh, vice-président du comité populaire de Lang Son, a déclaré que près de 300 entreprises utilisent désormais le système de douane électronique.',
        'Mong Cai (Vietnam) et Dongxing (Chine) accueilleront une foire commerciale commune du 19 au 21 novembre, avec 450 stands.',
    ],
    "de": [
        'Hanoi, 14. März 2025 – Vertreter von Lang Son, Quang Ninh und Cao Bang trafen am Freitag ihre Kollegen aus dem Autonomen Gebiet Guangxi der Zhuang (China), um 12 neue Abkommen über den Grenzhandel zu unterzeichnen.',
        'Nguyen Van Minh, stellvertretender Vorsitzender des Volkskomitees von Lang Son, sagte, dass inzwischen fast 300 Unternehmen das elektronische Zollsystem nutzen.',
        'Mong Cai (Vietnam) und Dongxing (China) richten vom 19. bis 21. November eine gemeinsame Handelsmesse mit 450 Ständen aus.',
    ],
    "es": [
        'Hanói, 14 de marzo de 2025 – Responsables de Lang Son, Quang Ninh y Cao Bang se reunieron el viernes con sus homólogos de la Región Autónoma Zhuang de Guangxi (China) para firmar 12 nuevos acuerdos sobre comercio transfronterizo.',
        'Nguyen Van Minh, vicepresidente del Comité Popular de Lang Son, afirmó que casi 300 empresas utilizan ya el sistema electrónico de aduanas.',
        'Mong Cai (Vietnam) y Dongxing (China) acogerán una feria comercial conjunta del 19 al 21 de noviembre, con 450 expositores.',
    ],
}


def trade(edit: tuple[str, str, str] | None = None) -> dict[str, tuple[str, list[str]]]:
    """The four translations of TRADE, document id = language; ``edit`` = (language, old, new)
    replaces old by new once in that translation."""
    texts = {lang: (lang, list(lines)) for lang, lines in TRADE.items()}
    if edit:
        lang, old, new = edit
        lines = texts[lang][1]
        k = next(i for i, line in enumerate(lines) if old in line)
        lines[k] = lines[k].replace(old, new, 1)
    return texts
