import codecs

import pytest

from audit import run
from audit.errors import AuditError
from audit.ingest import ingest_file
from audit.ingest.decode import decode
from conftest import INPUTS, write


def test_sample_languages_scripts_and_boilerplate(sample_report):
    assert not sample_report.skipped
    got = {d.id[:3]: (d.language, d.script, len(d.paragraphs), [b.text for b in d.boilerplate])
           for d in sample_report.documents}
    assert got["000"] == ("bn", "Beng", 20, ["উৎস", "মন্তব্য (0)"])
    assert got["001"] == ("hi", "Deva", 13, ["स्रोत", "टिप्पणी (0)"])
    assert got["002"] == ("sv", "Latn", 20, ["Källa", "Kommentar (0)"])
    assert got["003"] == ("ms", "Latn", 23, ["Sumber", "Komen (0)"])
    assert got["004"] == ("ar", "Arab", 23, ["مصدر", "تعليق (0)"])


def test_paragraph_lines_are_one_based_file_lines(config):
    doc = ingest_file(INPUTS / "001_115d5697064354fd.txt", config)
    lines = [p.line for p in doc.paragraphs]
    assert lines[:8] == [1, 2, 3, 4, 5, 6, 7, 9]  # line 8 is blank in the file


@pytest.mark.parametrize("encoding,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_encodings_with_bom(tmp_path, config, encoding, bom):
    text = "Mötet ägde rum den 21 februari 2025 i Ha Long.\nDet var 29 avtal.\n"
    p = write(tmp_path, "a.txt", bom + text.encode(encoding))
    doc = ingest_file(p, config)
    assert doc.paragraphs[1].text == "Det var 29 avtal." and doc.encoding.endswith("-bom")


def test_utf16_without_bom_is_read(tmp_path, config):
    p = write(tmp_path, "a.txt", "Mötet ägde rum den 21 februari.\nDet var 29 avtal.\n".encode("utf-16-le"))
    assert ingest_file(p, config).paragraphs[1].text == "Det var 29 avtal."


def test_invalid_utf8_names_file_and_offset(tmp_path):
    data = "Det var 29 avtal. ".encode() + b"\xe9t\xe9"
    with pytest.raises(AuditError) as err:
        decode(data, "x.txt")
    assert "x.txt" in str(err.value) and "offset 18" in str(err.value)


def test_binary_refused(tmp_path):
    with pytest.raises(AuditError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "x.png")


def test_crlf_and_cr_line_endings(tmp_path, config):
    p = write(tmp_path, "a.txt", "First 21 paragraph here.\r\nSecond paragraph 29.\rThird one 12.\r\n")
    doc = ingest_file(p, config)
    assert [(q.line, q.text) for q in doc.paragraphs] == [(1, "First 21 paragraph here."), (2, "Second paragraph 29."), (3, "Third one 12.")]


def test_wrapped_blocks_are_joined_with_their_first_line(tmp_path, config):
    text = ("The meeting took place on 21 February in Ha Long\nCity, where the secretaries of four provinces\nmet their counterparts.\n\n"
            "They signed 29 agreements covering health\nand transport and trade across the\nborder.\n")
    doc = ingest_file(write(tmp_path, "a.txt", text), config)
    assert [p.line for p in doc.paragraphs] == [1, 5]
    assert doc.paragraphs[1].text.startswith("They signed 29 agreements covering health and transport")
    assert doc.paragraph_style == "blocks"
    assert doc.paragraphs[1].line_at(doc.paragraphs[1].text.index("border")) == 7


def test_html_paragraphs_keep_lines(tmp_path, config):
    html = "<html><head><title>x</title><script>var a=1;</script></head>\n<body>\n<p>They signed <b>29</b> agreements.</p>\n<p>Source</p>\n</body></html>"
    doc = ingest_file(write(tmp_path, "a.html", html), config)
    assert [(p.line, p.text) for p in doc.paragraphs][-1] == (3, "They signed 29 agreements.")


@pytest.mark.parametrize("lang,body,markers", [
    ("bn", "ভিয়েতনাম ও চীনের মধ্যে ২৯টি চুক্তি স্বাক্ষরিত হয়েছে।", ["উৎস", "মন্তব্য (3)"]),
    ("hi", "वियतनाम और चीन के बीच 29 समझौतों पर हस्ताक्षर किए गए।", ["स्रोत", "टिप्पणी (0)"]),
    ("sv", "Vietnam och Kina undertecknade 29 avtal om samarbete.", ["Källa", "Kommentar (0)"]),
    ("ms", "Vietnam dan China menandatangani 29 perjanjian kerjasama.", ["Sumber", "Komen (12)"]),
    ("ar", "وقعت فيتنام والصين 29 اتفاقية تعاون في مجالات عدة.", ["مصدر", "تعليق (0)"]),
])
def test_boilerplate_and_language_per_language(tmp_path, config, lang, body, markers):
    text = body + "\n" + body + "\n" + markers[0] + "\n\n\n" + markers[1] + "\n"
    doc = ingest_file(write(tmp_path, "a.txt", text), config)
    assert doc.language == lang
    assert [p.text for p in doc.boilerplate] == markers
    assert len(doc.paragraphs) == 2


def test_short_last_line_without_marker_is_kept(tmp_path, config):
    doc = ingest_file(write(tmp_path, "a.txt", "They signed 29 agreements in Ha Long.\nLooking ahead\n"), config)
    assert [p.text for p in doc.paragraphs][-1] == "Looking ahead"


def test_bad_files_are_skipped_not_fatal(tmp_path, config):
    write(tmp_path, "good.txt", "They signed 29 agreements in Ha Long on 21 February.\n")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "furniture.txt", "Source\nComment (0)\n")
    report = run([tmp_path], config)
    assert [d.id for d in report.documents] == ["good"]
    reasons = {s.path.split("/")[-1]: s.reason for s in report.skipped}
    assert "empty" in reasons["empty.txt"] and "boilerplate" in reasons["furniture.txt"]
