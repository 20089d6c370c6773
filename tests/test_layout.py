"""Document ids and the article structure a batch declares (audit/layout.py)."""
import json
import shutil

import pytest

from audit import run
from audit.cli import main
from audit.errors import AuditError
from audit.layout import document_ids, plan
from conftest import INPUTS, ROOT

ARTICLES = ROOT / "tests" / "data" / "articles"
# the sample's three articles: bn+sv the spring conference, ms+ar the border meeting, hi alone
SAMPLE = {"000_f757e5f0b3b96d17": ("spring", "bn"), "002_f2b97bb889b347b1": ("spring", "sv"),
          "003_527b8e55161c3c5d": ("border", "ms"), "004_af34f8aa08ece2c2": ("border", "ar"),
          "001_115d5697064354fd": ("talks", "hi")}


def _copy(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(src, dst)


def _groups(report):
    return {g.id: g.documents for g in report.groups}


def test_folder_per_article_groups_as_declared_with_readable_ids(tmp_path, config):
    for stem, (article, lang) in SAMPLE.items():
        _copy(INPUTS / f"{stem}.txt", tmp_path / "batch" / article / f"{lang}.txt")
    report = run([tmp_path / "batch"], config)
    assert _groups(report) == {"border": ("border/ar", "border/ms"), "spring": ("spring/bn", "spring/sv"),
                               "talks": ("talks/hi",)}
    assert {d.id: d.language for d in report.documents} == {f"{a}/{lang}": lang for a, lang in SAMPLE.values()}
    assert "list-duplicate" in {f.check for f in report.findings if f.group == "border"}


def test_folder_per_language_groups_by_the_shared_file_names(tmp_path, config):
    for stem, (article, lang) in SAMPLE.items():
        _copy(INPUTS / f"{stem}.txt", tmp_path / lang / f"{article}.txt")
    report = run([tmp_path / lang for lang in ("bn", "sv", "ms", "ar", "hi")], config)
    assert _groups(report) == {"border": ("ar/border", "ms/border"), "spring": ("bn/spring", "sv/spring"),
                               "talks": ("hi/talks",)}


def test_name_pattern_layout_groups_by_slug_and_takes_the_language(tmp_path, config):
    for stem, (article, lang) in SAMPLE.items():
        _copy(INPUTS / f"{stem}.txt", tmp_path / f"{article}.{lang}.txt")
    report = run([tmp_path], config)
    assert _groups(report) == {"border": ("border.ar", "border.ms"), "spring": ("spring.bn", "spring.sv"),
                               "talks": ("talks.hi",)}
    # a pattern of the newsroom's own: language first
    for p in tmp_path.glob("*.txt"):
        article, lang, _ = p.name.split(".")
        p.rename(tmp_path / f"{lang}_{article}.txt")
    config = config.override({"group": {"by": "name", "pattern": "{lang}_{article}.txt"}})
    report = run([tmp_path], config)
    assert _groups(report) == {"border": ("ar_border", "ms_border"), "spring": ("bn_spring", "sv_spring"),
                               "talks": ("hi_talks",)}


@pytest.mark.parametrize("kind", ["csv", "yaml"])
def test_manifest_layout_declares_articles_and_languages(tmp_path, config, kind):
    batch = tmp_path / "batch"
    for stem in SAMPLE:
        _copy(INPUTS / f"{stem}.txt", batch / f"{stem}.txt")
    rows = [(f"batch/{stem}.txt", article, lang) for stem, (article, lang) in SAMPLE.items()]
    if kind == "csv":
        manifest = tmp_path / "articles.csv"
        manifest.write_text("file,article,language\n" + "".join(f"{f},{a},{lang}\n" for f, a, lang in rows))
    else:
        manifest = tmp_path / "articles.yaml"
        manifest.write_text("".join(f"- {{file: {f}, article: {a}, language: {lang}}}\n" for f, a, lang in rows))
    config = config.override({"group": {"by": "manifest", "manifest": str(manifest)}})
    report = run([batch], config)
    assert _groups(report) == {"border": ("003_527b8e55161c3c5d", "004_af34f8aa08ece2c2"),
                               "spring": ("000_f757e5f0b3b96d17", "002_f2b97bb889b347b1"),
                               "talks": ("001_115d5697064354fd",)}


def test_manifest_errors_name_the_file(tmp_path, config):
    (tmp_path / "a.txt").write_text("Hej 2025.\n")
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,article\na.txt,x\n")
    config = config.override({"group": {"by": "manifest", "manifest": str(manifest)}})
    with pytest.raises(AuditError, match="no column file") as err:
        plan([tmp_path], config)
    assert str(manifest) in str(err.value)
    manifest.write_text("file,article,language\na.txt,x,klingon\n")
    with pytest.raises(AuditError, match="'klingon' is not an ISO 639-1"):
        plan([tmp_path], config)


def test_a_declared_language_overrides_detection_and_a_contradiction_is_a_warning(tmp_path, config, capsys):
    _copy(INPUTS / "002_f2b97bb889b347b1.txt", tmp_path / "spring" / "ms.txt")  # Swedish text filed as Malay
    _copy(INPUTS / "000_f757e5f0b3b96d17.txt", tmp_path / "spring" / "ar.txt")  # Bengali script filed as Arabic
    _copy(INPUTS / "003_527b8e55161c3c5d.txt", tmp_path / "border" / "ms.txt")
    _copy(INPUTS / "004_af34f8aa08ece2c2.txt", tmp_path / "border" / "ar.txt")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "-q"]) == 0
    docs = {d["id"]: d for d in json.loads((tmp_path / "out" / "audit.json").read_text())["documents"]}
    assert docs["spring/ms"]["language"] == "ms" and "reads as sv" in docs["spring/ms"]["language_warning"]
    assert docs["spring/ar"]["language_warning"] == "declared ar, but written in Bengali script"
    assert docs["border/ms"]["language_warning"] is None
    err = capsys.readouterr().err
    assert "warning: " in err and "spring/ms.txt: declared ms, but the text reads as sv" in err
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "out" / "audit.xlsx", read_only=True)["Documents"]
    status = {row[1]: row[10] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert status["spring/ar"] == "audited; language to check: declared ar, but written in Bengali script"
    assert status["border/ms"] == "audited"


def test_a_file_moved_into_the_wrong_article_folder_is_misfiled(tmp_path, wide_config):
    for f in ARTICLES.glob("*.txt"):
        article, lang, _ = f.name.split(".")
        _copy(f, tmp_path / article / f"{lang}.txt")
    clean = run([tmp_path], wide_config)
    assert sorted(_groups(clean)) == ["library", "trade"]
    assert [f for f in clean.findings if f.check == "misfiled-translation"] == []
    (tmp_path / "library" / "fr.txt").unlink()
    (tmp_path / "trade" / "fr.txt").rename(tmp_path / "library" / "fr.txt")
    got = [f for f in run([tmp_path], wide_config).findings if f.check == "misfiled-translation"]
    assert [(f.group, f.documents) for f in got] == [("library", ("library/fr",))]


def test_ids_depend_on_the_file_alone(tmp_path, config):
    from pathlib import PurePosixPath as P

    ids = document_ids([P("a/x.txt"), P("b/x.txt"), P("c/x~2.txt"), P("confidence.txt"), P("d/x.md"), P("d/x.txt")])
    assert ids == ["a/x", "b/x", "c/x~2", "confidence.txt", "d/x.md", "d/x"]
    assert document_ids([P("a/x.txt"), P("z/new.txt")])[0] == document_ids([P("a/x.txt")])[0]
    # a single file given on the command line: its stem
    layout = plan([INPUTS / "001_115d5697064354fd.txt"], config)
    assert layout.ids == ["001_115d5697064354fd"]


def test_a_document_named_confidence_keeps_its_alignment_links_apart(tmp_path, config):
    _copy(INPUTS / "003_527b8e55161c3c5d.txt", tmp_path / "confidence.txt")
    _copy(INPUTS / "004_af34f8aa08ece2c2.txt", tmp_path / "ar.txt")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "-q"]) == 0
    data = json.loads((tmp_path / "out" / "audit.json").read_text())
    links = data["alignment"][0]["links"]
    assert {d["id"] for d in data["documents"]} == {"ar", "confidence.txt"}
    assert all(isinstance(link["confidence"], float) and isinstance(link["confidence.txt"], list)
               for link in links if "confidence.txt" in link)


def test_adding_a_folder_keeps_audit_check_green(tmp_path, wide_config, monkeypatch):
    import yaml

    batch = tmp_path / "batch"
    for stem, (article, lang) in SAMPLE.items():
        _copy(INPUTS / f"{stem}.txt", batch / article / f"{lang}.txt")
    (tmp_path / "config.yaml").write_text(yaml.safe_dump({"languages": list(wide_config.languages)}))
    monkeypatch.chdir(tmp_path)
    assert main(["baseline", "batch", "--out", "base.json", "-q"]) == 0
    assert json.loads((tmp_path / "base.json").read_text())["findings"]
    # another article's folder, and a file of the same name elsewhere: nothing known changes
    for f in ARTICLES.glob("trade.*.txt"):
        _copy(f, batch / "aaa-trade" / f"{f.name.split('.')[1]}.txt")
    assert main(["check", "batch", "--baseline", "base.json", "-q"]) == 0
    # an earlier folder with a file of the same name as one with findings (once renamed it 'bn~2')
    bn = (INPUTS / "000_f757e5f0b3b96d17.txt").read_text().splitlines()
    (batch / "0-extra").mkdir()
    (batch / "0-extra" / "bn.txt").write_text("\n".join(bn[:2]) + "\n")
    for f in ARTICLES.glob("library.*.txt"):
        _copy(f, batch / "0-first" / f"{f.name.split('.')[1]}.txt")
    assert main(["check", "batch", "--baseline", "base.json", "-q"]) == 0
