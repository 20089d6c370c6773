from audit.extract import extract_facts, lowercase_vocabulary
from audit.group import group_signatures, summary
from audit.ingest import ingest_paths
from conftest import INPUTS


def group_documents(docs, facts, config):
    """What the pipeline does: each document's summary (made where it was read), then grouping."""
    return group_signatures([summary(d, facts[d.id]) for d in docs], config)


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


DIALOGUE = {  # a consultation: few figures, lines of very different lengths
    "en": ["Good morning.",
           "Good morning, doctor. I have had a fever and a dry cough since Tuesday, and last night I could hardly sleep.",
           "How high was the fever?", "It reached 38.5 degrees in the evening.", "Any trouble breathing?", "No.",
           "Then rest at home, drink plenty of water and call us again if the fever has not gone down within three "
           "days, or at once if breathing becomes difficult.", "Thank you."],
    "fr": ["Bonjour.",
           "Bonjour, docteur. J'ai de la fièvre et une toux sèche depuis mardi, et cette nuit j'ai à peine dormi.",
           "Quelle température aviez-vous ?", "Elle a atteint 38,5 degrés le soir.", "Des difficultés à respirer ?",
           "Non.", "Alors reposez-vous à la maison, buvez beaucoup d'eau et rappelez-nous si la fièvre ne baisse pas "
           "d'ici trois jours, ou tout de suite si vous respirez mal.", "Merci."],
    "de": ["Guten Morgen.",
           "Guten Morgen, Frau Doktor. Ich habe seit Dienstag Fieber und trockenen Husten und konnte letzte Nacht "
           "kaum schlafen.", "Wie hoch war das Fieber?", "Am Abend waren es 38,5 Grad.", "Haben Sie Atemnot?",
           "Nein.", "Dann ruhen Sie sich zu Hause aus, trinken Sie viel Wasser und rufen Sie wieder an, wenn das "
           "Fieber in drei Tagen nicht gesunken ist, oder sofort, wenn das Atmen schwerfällt.", "Danke."],
    # the translator gives the three days as 72 hours: one figure of two is shared, and the shape
    "hi": ["सुप्रभात।",
           "सुप्रभात, डॉक्टर साहब। मुझे मंगलवार से बुखार और सूखी खांसी है, और कल रात मैं ठीक से सो भी नहीं पाया।",
           "बुखार कितना था?", "शाम को 38.5 डिग्री तक पहुँच गया।", "सांस लेने में कोई तकलीफ़?", "नहीं।",
           "तो घर पर आराम कीजिए, खूब पानी पीजिए और अगर 72 घंटे में बुखार कम न हो तो हमें फिर फ़ोन कीजिए, या "
           "सांस लेने में दिक्कत हो तो तुरंत।", "धन्यवाद।"],
}


def test_a_short_document_in_a_new_script_joins_its_article_by_its_shape(tmp_path, wide_config):
    """The Hindi consultation shares one figure of two with the others, and its lines' rise and
    fall of length: the second pass gives it to the one article that lacks Hindi."""
    names = _mixed(tmp_path)
    for k, (lang, lines) in enumerate(DIALOGUE.items()):
        (tmp_path / f"x{k}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        names[f"x{k}"] = f"dialogue.{lang}.txt"
    docs, _ = ingest_paths([tmp_path], wide_config)
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    got = sorted(sorted(names[d] for d in g.documents) for g in group_documents(docs, facts, wide_config))
    assert ["dialogue.de.txt", "dialogue.en.txt", "dialogue.fr.txt", "dialogue.hi.txt"] in got
    assert ["library.de.txt", "library.en.txt", "library.es.txt", "library.fr.txt"] in got


def _summaries(*docs):
    """In-memory grouping summaries: (id, language, figures, length profile); figure i sits at paragraph 7i."""
    return [(d, lang, len(shape), {f"n:{v}": [float(7 * i)] for i, v in enumerate(figures)}, tuple(shape))
            for d, lang, figures, shape in docs]


def test_length_profiles_that_rise_and_fall_alike_join_a_pair_of_few_shared_figures(config):
    import random

    from audit.group import group_signatures

    rng = random.Random(3)
    shape = [rng.uniform(2, 6) for _ in range(30)]
    other = [rng.uniform(2, 6) for _ in range(30)]
    hindi = [x * 0.8 + 0.5 for x in shape]  # another script's scale, the same rise and fall
    docs = [("a", "en", (12, 31, 47, 2019, 88), shape), ("b", "hi", (12, 31, 58, 66, 91), hindi),
            ("c", "fr", (12, 40, 59, 77, 93), other)]
    assert [g.documents for g in group_signatures(_summaries(*docs), config)] == [("a", "b"), ("c",)]
    flat = [(d, lang, figures, [3.0] * 30) for d, lang, figures, _ in docs]  # no shape to go by: two shared figures of five are too few
    assert [g.documents for g in group_signatures(_summaries(*flat), config)] == [("a",), ("b",), ("c",)]


def test_a_twin_shape_never_outweighs_figures_that_all_differ(config):
    """Yesterday's report from the same template: the shape of today's, every figure another."""
    import random

    from audit.group.score import _Scorer

    rng = random.Random(5)
    shape = [rng.uniform(2, 6) for _ in range(30)]
    docs = _summaries(("today", "en", (12, 31, 47, 2019, 88), shape), ("fr", "fr", (12, 31, 47, 2019, 88), shape),
                      ("yesterday", "de", (13, 32, 48, 2018, 87), shape))
    scorer = _Scorer(docs, config)
    assert scorer.score("fr", "today") == 1.0
    assert scorer.score("today", "yesterday") < 0.1


FERRY = {  # a new article; the Hindi translation stops after its first third (two lines, no figure, no two-word name)
    "en": ["Mayor Oskar Brandt opens the new Kiruna ferry terminal",
           "The terminal on the shore of Lake Torne was designed by the architect Greta Solberg.",
           "It replaces a wooden pier built in 1961 and can handle 14 ferries a day.",
           "The work cost 86 million kronor, of which the region paid 30 million.",
           "Brandt said the first ferry to Abisko leaves on 2 June at 07:15.",
           "Solberg's design uses timber from forests around Gällivare."],
    "fr": ["Le maire Oskar Brandt inaugure le nouveau terminal de ferry de Kiruna",
           "Le terminal, au bord du lac Torne, a été conçu par l'architecte Greta Solberg.",
           "Il remplace un ponton en bois construit en 1961 et peut accueillir 14 ferries par jour.",
           "Les travaux ont coûté 86 millions de couronnes, dont 30 millions payés par la région.",
           "Brandt a indiqué que le premier ferry pour Abisko partira le 2 juin à 07:15.",
           "Le projet de Solberg utilise du bois des forêts autour de Gällivare."],
    "de": ["Bürgermeister Oskar Brandt eröffnet das neue Fährterminal von Kiruna",
           "Das Terminal am Ufer des Torne-Sees hat die Architektin Greta Solberg entworfen.",
           "Es ersetzt einen 1961 gebauten Holzsteg und kann 14 Fähren am Tag abfertigen.",
           "Die Arbeiten kosteten 86 Millionen Kronen, davon zahlte die Region 30 Millionen.",
           "Brandt sagte, die erste Fähre nach Abisko fahre am 2. Juni um 07:15.",
           "Solbergs Entwurf verwendet Holz aus den Wäldern um Gällivare."],
    "hi": ["किरुना में नए फ़ेरी टर्मिनल का उद्घाटन",
           "तोर्ने झील के किनारे बने इस टर्मिनल को वास्तुकार सोलबर्ग ने डिज़ाइन किया है।"],
}


def _with(tmp_path, extra: dict[str, str], wide_config):
    """The sample and the test articles under opaque names, plus ``extra`` (file name -> text);
    the groups as sorted lists of original file names."""
    names = _mixed(tmp_path)
    for k, (name, text) in enumerate(sorted(extra.items())):
        (tmp_path / f"x{k}.txt").write_text(text, "utf-8")
        names[f"x{k}"] = name
    docs, _ = ingest_paths([tmp_path], wide_config)
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    return sorted(sorted(names[d] for d in g.documents) for g in group_documents(docs, facts, wide_config))


def test_a_first_third_in_another_script_joins_its_article_by_its_names(tmp_path, wide_config):
    """Two Hindi lines, no figure, names in Devanagari written as single words (Kiruna, Torne, Solberg)."""
    got = _with(tmp_path, {f"ferry.{lang}.txt": "\n".join(lines) + "\n" for lang, lines in FERRY.items()}, wide_config)
    assert ["ferry.de.txt", "ferry.en.txt", "ferry.fr.txt", "ferry.hi.txt"] in got
    assert ["library.de.txt", "library.en.txt", "library.es.txt", "library.fr.txt"] in got


def test_a_short_unrelated_document_stays_alone(tmp_path, wide_config):
    """A Hindi headline about other places and people: it has a home lacking Hindi to go to, and none it matches."""
    extra = {f"ferry.{lang}.txt": "\n".join(lines) + "\n" for lang, lines in FERRY.items() if lang != "hi"}
    extra["storm.hi.txt"] = "मुंबई में भारी बारिश के बाद मेयर किशोरी पेडनेकर ने स्कूल बंद किए\nलोकल ट्रेनें रुक गईं।\n"
    got = _with(tmp_path, extra, wide_config)
    assert ["storm.hi.txt"] in got
    assert ["ferry.de.txt", "ferry.en.txt", "ferry.fr.txt"] in got


def test_the_first_third_of_another_days_report_stays_apart(tmp_path, wide_config):
    """The Spanish trade report's first third, every figure another day's: the same names and
    template, but its figures contradict the article's opening, so it is no partial of it."""
    import re

    es = (ARTICLES / "trade.es.txt").read_text("utf-8").splitlines()
    cut = "\n".join(re.sub(r"\d+", lambda m: str(int(m.group()) + 3), line) for line in es[:len(es) // 3]) + "\n"
    names = _mixed(tmp_path)
    es_id = next(d for d, n in names.items() if n == "trade.es.txt")
    (tmp_path / f"{es_id}.txt").write_text(cut, "utf-8")
    docs, _ = ingest_paths([tmp_path], wide_config)
    facts = {d.id: [extract_facts(p.text, d.language) for p in d.paragraphs] for d in docs}
    got = sorted(sorted(names[d] for d in g.documents) for g in group_documents(docs, facts, wide_config))
    assert ["trade.es.txt"] in got and ["trade.de.txt", "trade.en.txt", "trade.fr.txt"] in got
