"""The checks end to end: texts on disk through grouping, alignment and every check to the
findings they must (and must not) give. One check on its own, on a group built in memory, is
tested in tests/checks/test_<code>.py."""
import pytest

from audit import run
from audit.checks import REGISTRY
from conftest import ROOT, write


def findings(tmp_path, config, texts, code):
    for name, text in texts.items():
        write(tmp_path, name, text)
    return [f for f in run([tmp_path], config).findings if f.check == code]


# --- cross-translation checks on a four-language article (en, fr, de, es) written for these tests ---


ARTICLES = ROOT / "tests" / "data" / "articles"


def article(tmp_path, stem="trade", edit=None):
    """Copy one article's four translations, applying edit = (lang, old, new) to one."""
    for src in sorted(ARTICLES.glob(f"{stem}.*.txt")):
        text = src.read_text("utf-8")
        if edit and src.name == f"{stem}.{edit[0]}.txt":
            assert edit[1] in text, edit
            text = text.replace(edit[1], edit[2], 1)
        (tmp_path / src.name).write_text(text, "utf-8")
    return tmp_path


def test_clean_translations_give_no_findings(tmp_path, wide_config):
    wide_config = wide_config.override({"checks": {"select": [c.code for c in REGISTRY]}})
    for src in ARTICLES.glob("*.txt"):
        (tmp_path / src.name).write_text(src.read_text("utf-8"), "utf-8")
    report = run([tmp_path], wide_config)
    assert sorted(len(g.documents) for g in report.groups) == [4, 4]
    assert [(f.check, f.message) for f in report.findings] == []


@pytest.mark.parametrize("edit, code, line, evidence, expected, found", [
    (("de", "12 neue Abkommen", "13 neue Abkommen"), "number-mismatch", 2, "13", 12, 13),
    (("fr", "4,2 milliards", "4,2 millions"), "number-mismatch", 3, "4,2 millions", 4_200_000_000, 4_200_000),
    (("fr", "une hausse de 35 %", "une hausse"), "number-missing", 3, "", 35, None),
    (("es", "del 19 al 21 de noviembre", "del 19 al 22 de noviembre"), "date-mismatch", 6,
     "19 al 22 de noviembre", "11-19/21", "11-19/22"),
    (("en", "Dongxing (China)", "Dongxing (Vietnam)"), "country-label-mismatch", 6, "Dongxing (Vietnam)", "CN", "VN"),
    (("de", "Volkskomitees von Lang Son", "Volkskomitees der Provinz"), "name-missing", 4, "", "Lang Son", None),
    (("fr", "comité populaire de Lang Son", "comité populaire de Cao Bang"), "name-substituted", 4, "Cao Bang",
     "Lang Son", "Cao Bang"),
    # a list of three that loses a member is a pair of names, still compared with the others' lists
    (("en", "Lang Son, Quang Ninh and Cao Bang", "Lang Son and Cao Bang"), "list-mismatch", 2,
     "Lang Son and Cao Bang", "Quang Ninh", None),
    (("de", "Lang Son, Quang Ninh und Cao Bang", "Lang Son, Cao Bang"), "list-mismatch", 2,
     "Lang Son, Cao Bang", "Quang Ninh", None),
])
def test_injected_discrepancy_is_found_in_the_outlier(tmp_path, wide_config, edit, code, line, evidence, expected, found,
                                                      monkeypatch):
    from audit.checks.names.votes import NameVoteCheck

    monkeypatch.setattr(NameVoteCheck, "broad", True)  # the broad name vote reads these short Vietnamese names
    wide_config = wide_config.override({"checks": {"select": [c.code for c in REGISTRY]}})  # the name checks are off by default
    report = run([article(tmp_path, edit=edit)], wide_config)
    got = [f for f in report.findings if f.check == code]
    assert len(got) == 1, [(f.check, f.message) for f in report.findings]
    f = got[0]
    flagged = [(loc.document, loc.line, loc.evidence) for loc in f.locations if loc.role == "flagged"]
    assert flagged == [(f"trade.{edit[0]}", line, evidence)]
    assert {loc.document for loc in f.locations if loc.role == "support"} == \
        {f"trade.{x}" for x in ("en", "fr", "de", "es")} - {f"trade.{edit[0]}"}
    assert (f.expected, f.found) == (expected, found)


# --- the glossary: aliases an editor confirmed, and the country an entity belongs to ---


GLOSSARY = {"Xuan Thang": {"country": "VN", "aliases": {
    "sv": ["Nguyen Xuan Thang"], "bn": ["নগুয়েন জুয়ান থাং"], "ms": ["Nguyen Xuan Thang"]}},
    "Guangxi": {"country": "CN", "aliases": {"sv": ["Guangxi Zhuang"], "bn": ["গুয়াংসি ঝুয়াং"]}}}


def test_glossary_country(tmp_path, config):
    config = config.override({"glossary": GLOSSARY})
    text = "Regionen Guangxi Zhuang (Vietnam) undertecknade 12 avtal 2025.\nMötet hölls i Hanoi 2025.\n"
    got = findings(tmp_path, config, {"sv.txt": text}, "glossary-country")
    assert [(f.expected, f.found, f.locations[0].line) for f in got] == [("CN", "VN", 1)]
    assert got[0].locations[0].evidence.endswith("Guangxi Zhuang (Vietnam)")


def test_glossary_must_be_well_formed(tmp_path):
    from audit import AuditError
    from audit.config import load_config

    bad = tmp_path / "c.yaml"
    bad.write_text("glossary:\n  Guangxi: {aliases: {sv: Guangxi}}\n")
    with pytest.raises(AuditError, match=r"'glossary\.Guangxi\.aliases\.sv' must be a list"):
        load_config(bad)


def test_glossary_suggest_proposes_aliases_across_scripts(tmp_path, monkeypatch):
    import yaml

    from audit.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["glossary", "suggest", str(ROOT / "inputs"), "--out", "suggested.yaml", "-q"]) == 0
    glossary = yaml.safe_load((tmp_path / "suggested.yaml").read_text())["glossary"]
    quang = glossary["Quang Ninh"]["aliases"]
    assert "Quang Ninh" in quang["sv"] and "কোয়াং নিন" in quang["bn"]
    assert any("Lang Son" in spec["aliases"].get("ms", []) for spec in glossary.values())
    # the output is a valid glossary for config.yaml
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"glossary": glossary}, allow_unicode=True))
    from audit.config import load_config

    assert load_config(tmp_path / "config.yaml").to_dict()["glossary"] == glossary
