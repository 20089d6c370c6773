from audit.extract import extract_facts, lowercase_vocabulary
from audit.group import group_documents
from audit.ingest import ingest_paths
from conftest import INPUTS


def _groups(docs, config):
    facts = {d.id: [extract_facts(p.text, d.language, lowercase_vocabulary(q.text for q in d.paragraphs)) for p in d.paragraphs] for d in docs}
    return sorted(tuple(sorted(x[:3] for x in g.documents)) for g in group_documents(docs, facts, config))


def test_sample_batch_is_three_articles(config):
    docs, _ = ingest_paths([INPUTS], config)
    # bn+sv: the 19-21 February conference; ms+ar: the 21 February meeting; hi: the 20 February talks
    assert _groups(docs, config) == [("000", "002"), ("001",), ("003", "004")]


def test_grouping_ignores_file_order_and_names(tmp_path, config):
    import shutil

    for k, f in enumerate(sorted(INPUTS.glob("*.txt"), reverse=True)):
        shutil.copy(f, tmp_path / f"doc{k}_{f.name}")
    docs, _ = ingest_paths([tmp_path], config)
    groups = _groups(docs, config)
    assert len(groups) == 3 and sorted(len(g) for g in groups) == [1, 2, 2]


ARTICLES = INPUTS.parent / "tests" / "data" / "articles"


def test_four_languages_of_two_articles_mixed_with_the_sample(tmp_path, wide_config):
    """Two articles in en, fr, de, es and the sample's three, under names that say nothing."""
    import shutil

    files = sorted(ARTICLES.glob("*.txt")) + sorted(INPUTS.glob("*.txt"))
    for k, f in enumerate(files):
        shutil.copy(f, tmp_path / f"{(k * 7) % len(files):02d}.txt")
    docs, _ = ingest_paths([tmp_path], wide_config)
    names = {f"{(k * 7) % len(files):02d}": f.name for k, f in enumerate(files)}
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    groups = group_documents(docs, facts, wide_config)
    got = sorted(sorted(names[d].split(".")[0][:3] for d in g.documents) for g in groups)
    assert got == [["000", "002"], ["001"], ["003", "004"], ["lib"] * 4, ["tra"] * 4]
    assert all(0 < g.score <= 1 for g in groups)


FEW_NUMBERS = {
    "a.en.txt": "Maria Santos Ferreira wins the Lisbon poetry prize\n"
                "The jury in Lisbon praised Maria Santos Ferreira for her collection about the Tagus river.\n"
                "Her publisher, Casa Azul Editions, said a translation into Spanish is planned.",
    "b.fr.txt": "Maria Santos Ferreira remporte le prix de poésie de Lisbonne\n"
                "Le jury de Lisbonne a salué Maria Santos Ferreira pour son recueil consacré au Tage.\n"
                "Son éditeur, Casa Azul Editions, a annoncé une traduction en espagnol.",
    "c.de.txt": "Maria Santos Ferreira gewinnt den Lissabonner Lyrikpreis\n"
                "Die Jury in Lissabon lobte Maria Santos Ferreira für ihren Gedichtband über den Tejo.\n"
                "Ihr Verlag, Casa Azul Editions, kündigte eine spanische Übersetzung an.",
    "d.en.txt": "Heavy rain closes mountain roads near Innsbruck\n"
                "Police in Tyrol closed three passes after landslides on Sunday night.\n"
                "Drivers were told to avoid the Brenner route until further notice.",
    "e.fr.txt": "Le musée Rodin rouvre ses jardins après des travaux\n"
                "Les visiteurs retrouvent les sculptures restaurées et une nouvelle roseraie.\n"
                "La directrice Claire Vasseur promet des visites guidées pour les écoles.",
}


def test_documents_with_few_numbers_group_by_names(tmp_path, wide_config):
    for name, text in FEW_NUMBERS.items():
        (tmp_path / name).write_text(text)
    docs, _ = ingest_paths([tmp_path], wide_config)
    assert _groups(docs, wide_config) == [("a.e", "b.f", "c.d"), ("d.e",), ("e.f",)]


def test_a_lone_document_is_a_group_of_one_and_still_checked(tmp_path, config):
    from audit import run

    (tmp_path / "hi.txt").write_text("कॉमरेड त्रान कुओंग ने 2025 में स्वागत किया।\nबैठक में ट्रान कुओंग ने घोषणा की।\n")
    report = run([tmp_path], config)
    (group,) = report.groups
    assert group.documents == ("hi",) and group.score == 1.0
    assert [f.check for f in report.findings] == ["name-spelling-variant"]


def _mixed(tmp_path, edit=None):
    """The sample and the test articles under opaque names; ``edit(name, text)`` may change a file.
    Returns the report and opaque id -> original name."""
    from audit import run
    import yaml

    files = sorted(ARTICLES.glob("*.txt")) + sorted(INPUTS.glob("*.txt"))
    names = {}
    for k, f in enumerate(files):
        opaque = f"{(k * 7) % len(files):02d}"
        text = f.read_text("utf-8")
        (tmp_path / f"{opaque}.txt").write_text(edit(f.name, text) if edit else text, "utf-8")
        names[opaque] = f.name
    return names


def test_a_number_changed_in_one_translation_keeps_the_group_and_is_found(tmp_path, wide_config):
    from audit import run

    names = _mixed(tmp_path, lambda name, text: text.replace("4,2", "4,7") if name == "trade.fr.txt" else text)
    report = run([tmp_path], wide_config)
    got = sorted(sorted(names[d] for d in g.documents) for g in report.groups)
    assert ["trade.de.txt", "trade.en.txt", "trade.es.txt", "trade.fr.txt"] in got
    fr = next(d for d, n in names.items() if n == "trade.fr.txt")
    found = [f for f in report.findings if f.check == "number-mismatch" and f.documents == (fr,)]
    assert [(f.expected, f.found) for f in found] == [(4_200_000_000, 4_700_000_000)]


def test_a_translation_cut_to_its_first_third_joins_its_article(tmp_path, wide_config):
    def cut(name, text):
        lines = text.splitlines()
        return "\n".join(lines[:max(1, len(lines) // 3)]) + "\n" if name == "library.es.txt" else text

    names = _mixed(tmp_path, cut)
    docs, _ = ingest_paths([tmp_path], wide_config)
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    got = sorted(sorted(names[d] for d in g.documents) for g in group_documents(docs, facts, wide_config))
    assert ["library.de.txt", "library.en.txt", "library.es.txt", "library.fr.txt"] in got


def test_templated_articles_differing_in_their_figures_stay_apart(tmp_path, wide_config):
    import re

    for f in ARTICLES.glob("trade.*.txt"):
        text = f.read_text("utf-8")
        if f.name == "trade.es.txt":  # the same report of another day: every figure different
            text = re.sub(r"\d+", lambda m: str(int(m.group()) + 3), text)
        (tmp_path / f"{hash(f.name) % 1000:03d}-{f.name[6:8]}.txt").write_text(text, "utf-8")
    docs, _ = ingest_paths([tmp_path], wide_config)
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    got = sorted(sorted(d.language for d in docs if d.id in g.documents) for g in group_documents(docs, facts, wide_config))
    assert got == [["de", "en", "fr"], ["es"]]
