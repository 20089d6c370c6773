"""audit.html: the side-by-side view, on reports built by hand and in a real browser."""
import json
import shutil
import struct
import subprocess
import zlib

import pytest

from audit.cli import main
from audit.model import Alignment, Document, Finding, Group, Link, Location, Paragraph, Report
from audit.report import html
from audit.report.readable import readable
from conftest import INPUTS


def _report(texts: dict[str, tuple[str, str, list[str]]], findings=()) -> Report:
    """Documents {id: (language, script, paragraphs)} in one group, aligned paragraph by paragraph."""
    docs = [Document(d, f"/in/{d}.txt", lang, 1.0, script,
                     tuple(Paragraph(i, i + 1, i + 1, t) for i, t in enumerate(ps)))
            for d, (lang, script, ps) in texts.items()]
    n = max(len(ps) for *_, ps in texts.values())
    links = tuple(Link(tuple((d.id, (i,) if i < len(d.paragraphs) else ()) for d in docs), 0.9) for i in range(n))
    return Report(docs, [], [Group("G1", tuple(texts), 0.8)], [Alignment("G1", docs[0].id, links)], list(findings),
                  {"version": "test", "min_confidence": 0.5})


def _finding(doc, text, evidence, fp, message="a message", role="flagged", more=()) -> Finding:
    at = text.index(evidence)
    locs = (Location(doc, 1, text, evidence, at, at + len(evidence), role),) + tuple(more)
    return Finding("number-mismatch", "error", "G1", message, locs, "s", "29", "28", fingerprint=fp)


def test_texts_file_names_and_messages_are_escaped():
    hostile = '<script>alert(1)</script> 28 "quoted" & <img src=x onerror=alert(2)>'
    report = _report({'sv"><b>x': ("sv", "Latn", [hostile]), "ar": ("ar", "Arab", ["وقعت 29 اتفاقية"])},
                     [_finding('sv"><b>x', hostile, "28", "abc", message="<i>msg</i>")])
    page = html.render(report).decode("utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page and "<i>msg</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;i&gt;msg&lt;/i&gt;" in page
    assert 'sv"><b>x' not in page and "sv&quot;&gt;&lt;b&gt;x" in page


def test_a_page_that_loads_nothing_from_outside():
    report = _report({"sv": ("sv", "Latn", ["28 https://example.com"]), "ar": ("ar", "Arab", ["29"])},
                     [_finding("sv", "28 https://example.com", "28", "abc")])
    page = html.render(report).decode("utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<link" not in page and " src=" not in page and "@import" not in page and "url(" not in page


def test_columns_by_language_right_to_left_from_cldr_and_fonts_per_script():
    report = _report({"s": ("sv", "Latn", ["28 avtal"]), "a": ("ar", "Arab", ["وقعت 29 اتفاقية"]),
                      "b": ("bn", "Beng", ["২৯টি চুক্তি"]), "h": ("hi", "Deva", ["29 समझौते"])},
                     [_finding("s", "28 avtal", "28", "abc")])
    page = html.render(report).decode("utf-8")
    assert '<td class="para s-Arab" lang="ar" dir="rtl">' in page
    assert '<td class="para s-Latn" lang="sv" dir="ltr">' in page
    assert '<td class="para s-Beng" lang="bn" dir="ltr">' in page
    for family in ("Noto Sans Bengali", "Noto Sans Devanagari", "Noto Naskh Arabic"):
        assert family in page
    # columns ordered by language: ar, bn, hi, sv
    heads = [page.index(f'<th lang="{lang}">') for lang in ("ar", "bn", "hi", "sv")]
    assert heads == sorted(heads)


def test_each_finding_has_its_anchor_its_evidence_marked_and_its_message_beside_the_paragraph():
    sv, ms = "Regeringen tecknade 28 avtal och 28 andra", "Kerajaan menandatangani 29 perjanjian"
    support = Location("m", 1, ms, "29", ms.index("29"), ms.index("29") + 2, "support")
    report = _report({"s": ("sv", "Latn", [sv]), "m": ("ms", "Latn", [ms])},
                     [_finding("s", sv, "28", "f00d", "sv writes 28 where ms has 29", more=(support,)),
                      _finding("s", sv, "tecknade 28", "beef", "another finding")])
    page = html.render(report).decode("utf-8")
    assert 'id="f-f00d"' in page and 'data-fix="sv"' in page
    # overlapping evidence of two findings: split into runs, each naming the findings that cover it
    assert '<mark class="ev flagged" data-f="beef">tecknade </mark><mark class="ev flagged" data-f="beef f00d">28</mark>' \
        in page
    assert '<mark class="ev support" data-f="f00d">29</mark>' in page
    assert page.count("sv writes 28 where ms has 29") == 3  # in the list, on the flagged and on the other paragraph


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _browse(page, tmp_path, *args, fragment=""):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'chr'}"]
    url = page.as_uri() + (f"#{fragment}" if fragment else "")
    return subprocess.run([_chromium(), *flags, *args, url], check=True, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)


def _ink(png: bytes) -> float:
    """Share of pixels of a PNG (8-bit RGB or RGBA) that differ from its first pixel."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(png):
        size, kind = struct.unpack(">I4s", png[pos:pos + 8])
        body = png[pos + 8:pos + 8 + size]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + size
    raw, stride = zlib.decompress(idat), width * channels
    prev, rows = bytearray(stride), []
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    first = rows[0][:channels]
    pixels = [r[i:i + channels] for r in rows[::4] for i in range(0, stride, channels * 4)]
    return sum(1 for p in pixels if p != first) / len(pixels)


def _highlighted(div, fingerprint: str) -> str:
    """The paragraph's text with what is not marked for the finding replaced by NUL."""
    out = []
    for node in div.xpath(".//text()"):
        parent = node.getparent()
        on = (node.is_text and parent.tag == "mark" and fingerprint in parent.get("data-f").split()
              and "off" not in parent.get("class").split())
        out.append(str(node) if on else "\0")
    return "".join(out)


def test_integration_chromium_renders_every_finding_with_its_evidence_and_arabic_right_to_left(tmp_path, monkeypatch):
    if not _chromium():
        pytest.skip("Chromium is not installed here (make test installs it where apt is available)")
    from lxml import html as lxml_html

    monkeypatch.chdir(tmp_path)
    assert main(["run", str(INPUTS), "--out", str(tmp_path / "r"), "-q"]) == 0
    page = tmp_path / "r" / "audit.html"
    report = json.loads((tmp_path / "r" / "audit.json").read_text())
    dom = lxml_html.fromstring(_browse(page, tmp_path, "--dump-dom").stdout)
    assert dom.get_element_by_id("flt-count").text_content() == f"{len(report['findings'])} of " \
        f"{len(report['findings'])} findings shown"  # the page's script ran
    assert len(report["findings"]) >= 10
    for f in report["findings"]:
        item = dom.get_element_by_id(f"f-{f['fingerprint']}")
        assert readable(f["message"]) in item.text_content()  # as the workbook shows it
        marked = "\0".join(_highlighted(div, f["fingerprint"]) for div in dom.xpath("//div[@class='p']"))
        for loc in f["locations"]:
            if loc["role"] == "flagged":
                assert loc["evidence"] in marked, (f["check"], loc["evidence"])
    arabic = dom.xpath("//td[@lang='ar']")
    assert arabic and all(td.get("dir") == "rtl" for td in arabic)
    assert all(td.get("dir") == "ltr" for td in dom.xpath("//td[@lang='sv' or @lang='bn' or @lang='hi']"))
    # a filtered view from the address: exactly the findings that ask the Swedish editor for a fix
    sv = [f for f in report["findings"] if any(loc["role"] == "flagged" and loc["document"].startswith("002")
                                               for loc in f["locations"])]
    filtered = lxml_html.fromstring(_browse(page, tmp_path, "--dump-dom", fragment="fix=sv").stdout)
    shown = [li.get("data-f") for li in filtered.xpath("//li[contains(@class, 'finding')]") if li.get("hidden") is None]
    assert sorted(shown) == sorted(f["fingerprint"] for f in sv) and sv
    assert filtered.get_element_by_id("flt-count").text_content() == f"{len(sv)} of {len(report['findings'])} findings shown"
    shot = tmp_path / "shot.png"
    _browse(page, tmp_path, f"--screenshot={shot}", "--window-size=1280,900")
    assert _ink(shot.read_bytes()) > 0.02  # text on the page, not a blank screen
