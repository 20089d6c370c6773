"""Checks declare themselves: code, severity, description, rationale and message templates in
one place; the cross-translation base turns a vote into findings from them; adding a check is
one file and a registry line; checks never import each other."""
import ast
import json
import re
import string
from pathlib import Path

import pytest

import audit.checks as checks
from audit import run
from audit.checks import REGISTRY
from audit.checks.base import GroupContext
from audit.checks.cross import CrossCheck
from audit.checks.vote import vote
from audit.extract import extract_facts
from audit.model import Alignment, Document, Group, Link, Paragraph
from audit.report import write_reports

ROOT = Path(__file__).resolve().parents[1]


class NumberAsWritten(CrossCheck):
    """A check written here as a newcomer would: it votes on the numbers of each link as
    their digits are written, and reports through the base's templates."""

    code = "number-as-written"
    severity = "note"
    description = "A number's digits differ between translations."
    rationale = "Written for the tests."
    messages = {
        "majority": "{lang} writes {found} where {n_support} of {n} translations ({support_langs}) write {expected}",
        "pair": "{a_lang} writes {a}, {b_lang} writes {b}",
        "no_majority": "nobody agrees: {sides:; }",
        "side": "{lang} '{text}'",
    }
    subjects = {"majority": "{expected}->{found}", "pair": "{labels:<>}", "no_majority": "{labels:<>}"}

    def run(self, ctx):
        for _, present in ctx.confident_links():
            per_doc = {d: {f.text: (i, f) for i in idx for f in ctx.facts[d][i].numbers} for d, idx in present}
            for v in vote(per_doc, lambda a, b: 1.0, counts_for_missing=lambda *_: False):
                yield self.from_vote(ctx, v, per_doc)


def context(texts: dict[str, str]) -> GroupContext:
    """One group of one-paragraph documents (id -> (language, text)), all linked: no disk,
    no grouping, no alignment."""
    docs = {d: Document(d, f"{d}.txt", lang, 1.0, "Latn", (Paragraph(0, 1, 1, text),))
            for d, (lang, text) in texts.items()}
    link = Link(tuple((d, (0,)) for d in docs), 1.0)
    facts = {d: [extract_facts(doc.paragraphs[0].text, doc.language)] for d, doc in docs.items()}
    return GroupContext(Group("g", tuple(docs), 1.0), docs, Alignment("g", next(iter(docs)), (link,)), facts, 0.5)


def test_a_vote_with_a_majority_flags_the_outlier_and_cites_the_others():
    ctx = context({"a": ("en", "They signed 28 agreements."), "b": ("fr", "Ils ont signé 28 accords."),
                   "c": ("de", "Sie unterzeichneten 29 Abkommen.")})
    f, = NumberAsWritten().run(ctx)
    assert f.message == "de writes 29 where 2 of 3 translations (en, fr) write 28"
    assert (f.subject, f.expected, f.found) == ("28->29", "28", "29")
    assert [(loc.document, loc.role, loc.evidence) for loc in f.locations] == \
        [("c", "flagged", "29"), ("a", "support", "28"), ("b", "support", "28")]
    assert f.values == (("c", "29"), ("a", "28"), ("b", "28"))


def test_two_translations_are_a_pair_and_three_that_disagree_have_no_majority():
    pair, = NumberAsWritten().run(context({"a": ("en", "They signed 28 agreements."),
                                           "b": ("fr", "Ils ont signé 29 accords.")}))
    assert pair.message == "en writes 28, fr writes 29" and pair.subject == "28<>29"
    assert [loc.role for loc in pair.locations] == ["flagged", "flagged"] and pair.expected is None
    split, = NumberAsWritten().run(context({"a": ("en", "They signed 28 agreements."),
                                            "b": ("fr", "Ils ont signé 29 accords."),
                                            "c": ("de", "Sie unterzeichneten 30 Abkommen.")}))
    assert split.message == "nobody agrees: en '28'; fr '29'; de '30'"
    assert split.subject == "28<>29<>30"


def test_a_check_defined_here_and_registered_reports_its_finding(tmp_path, config, monkeypatch):
    """One class and one registry entry: its findings are in audit.json and it is a SARIF rule."""
    monkeypatch.setattr(checks, "REGISTRY", [*checks.REGISTRY, NumberAsWritten])
    texts = {"a.en.txt": "The parties signed 28 agreements in Hanoi in March 2025.\n",
             "a.fr.txt": "Les parties ont signé 28 accords à Hanoï en mars 2025.\n",
             "a.de.txt": "Die Parteien unterzeichneten im März 2025 in Hanoi 29 Abkommen.\n"}
    for name, text in texts.items():
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text(text, "utf-8")
    config = config.override({"languages": ["en", "fr", "de"]})
    write_reports(run([tmp_path / "in"], config), tmp_path / "out")
    found = [f for f in json.loads((tmp_path / "out" / "audit.json").read_text("utf-8"))["findings"]
             if f["check"] == "number-as-written"]
    assert [(f["message"], f["severity"], [(loc["document"], loc["line"], loc["role"]) for loc in f["locations"]])
            for f in found] == [("de writes 29 where 2 of 3 translations (en, fr) write 28", "note",
                                 [("a.de", 1, "flagged"), ("a.en", 1, "support"), ("a.fr", 1, "support")])]
    rules = json.loads((tmp_path / "out" / "audit.sarif").read_text("utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    assert {"id": "number-as-written", "text": NumberAsWritten.description} in \
        [{"id": r["id"], "text": r["shortDescription"]["text"]} for r in rules]


def test_number_votes_are_computed_once_per_group_for_both_number_checks(monkeypatch):
    import audit.checks.numbers_common as nc

    calls = []
    real = nc._number_votes
    monkeypatch.setattr(nc, "_number_votes", lambda ctx: calls.append(ctx.group.id) or real(ctx))
    ctx = context({"a": ("en", "In 2025 they signed 28 agreements and 450 contracts."),
                   "b": ("fr", "En 2025, ils ont signé 28 accords et 450 contrats."),
                   "c": ("de", "2025 unterzeichneten sie 29 Abkommen.")})
    by_code = {c.code: c() for c in REGISTRY}
    mismatch = list(by_code["number-mismatch"].run(ctx))
    missing = list(by_code["number-missing"].run(ctx))
    assert calls == ["g"]
    assert [f.subject for f in mismatch] == ["28->29"] and [f.subject for f in missing] == ["-450"]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("cls", REGISTRY, ids=[c.code for c in REGISTRY])
def test_every_check_declares_itself(cls):
    assert re.fullmatch(r"[a-z]+(-[a-z]+)+", cls.code)
    assert cls.severity in ("error", "warning", "note") and isinstance(cls.default_enabled, bool)
    assert cls.description.endswith(".") and cls.rationale, cls.code
    assert cls.messages, f"{cls.code} declares no message template"
    for outcome, template in cls.messages.items():
        assert _fields(template), (cls.code, outcome)  # a template names what it reports
    if issubclass(cls, CrossCheck):
        assert set(cls.subjects) <= set(cls.messages) and set(cls.subjects) >= set(cls.messages) - {"side"}


def test_the_readme_check_table_matches_the_declarations():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("## Checks"):]
    rows = re.findall(r"^\| `([a-z-]+)` \| (\w+) \| \**(on|off)\** \|", table, re.M)
    assert rows == [(c.code, c.severity, "on" if c.default_enabled else "off") for c in REGISTRY]


def test_checks_never_import_each_other():
    """What two checks share lives in a module that is not a check (vote, cross, the
    numbers' and names' models)."""
    check_modules = {c.__module__ for c in REGISTRY}
    wrong = []
    for cls in REGISTRY:
        path = ROOT / (cls.__module__.replace(".", "/") + ".py")
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = ".".join(filter(None, ["audit.checks" if node.level == 1 else "", node.module]))
                names = {target} | {f"{target}.{a.name}" for a in node.names}
                wrong += [f"{cls.__module__} imports {m}" for m in names & check_modules if m != cls.__module__]
    assert not wrong, wrong
