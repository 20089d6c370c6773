"""audit.html: the side-by-side view for editors, one self-contained file.

Per article (group): its findings, then its aligned paragraphs in columns, one
column per document ordered by language, right to left where CLDR says the
language is written so. Every finding is marked on its paragraphs (evidence
highlighted, the message beside the paragraph) and has a stable anchor,
``#f-<fingerprint>``, that the workbook's rows link to. Filters by language to
fix, severity and check are plain JavaScript inside the file, kept in the address
(``audit.html#fix=sv&severity=error``) so that a filtered view can be sent; there is no
server, no network access, no external font or script (a Content-Security-Policy
forbids loading anything). File names and texts are untrusted: everything is
written through ``html.escape``.
"""
from __future__ import annotations

from collections import defaultdict
from html import escape

from ..languages import is_rtl
from ..model import Finding, Report
from .readable import finding_message
from .view import Paragraphs, SEVERITY_ORDER, fix_targets, natural_key, sort_key

# fonts that cover each script, most common first, then the platform's fallbacks
_CSS = """
:root { --err: #c00000; --warn: #9c6500; --note: #1f4e79; }
body { font-family: system-ui, "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; margin: 0 1rem 4rem;
       color: #1b1b1b; background: #fff; line-height: 1.45; }
header { position: sticky; top: 0; background: #f4f4f4; border-bottom: 1px solid #ccc; padding: .5rem 1rem;
         margin: 0 -1rem 1rem; z-index: 2; }
h1 { font-size: 1.25rem; margin: .2rem 0; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.sig { color: #555; font-size: .85rem; margin: 0 0 .3rem; }
form label { margin-right: 1rem; } #flt-count { color: #555; }
.s-Beng { font-family: "Noto Sans Bengali", "Noto Serif Bengali", "Nirmala UI", "Vrinda", "Shonar Bangla",
          "Kohinoor Bangla", "Bangla Sangam MN", sans-serif; }
.s-Deva { font-family: "Noto Sans Devanagari", "Noto Serif Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari",
          "Devanagari Sangam MN", sans-serif; }
.s-Arab { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", "Tahoma", "Geeza Pro", "Arial", sans-serif;
          font-size: 1.08em; }
ol.findings { padding-left: 1.5rem; }
li.finding { margin: .25rem 0; padding: .15rem .4rem; border-left: 4px solid #999; }
li.finding:target { background: #fff3b0; }
.sev-error { border-color: var(--err) !important; } .sev-warning { border-color: #e0a000 !important; }
.sev-note { border-color: var(--note) !important; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; }
.fix { font-weight: 600; }
table.side { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.side th, table.side td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; }
table.side th { background: #fafafa; position: sticky; top: 5.5rem; font-weight: 600; }
table.side .n { width: 3.5rem; color: #666; font-size: .8rem; text-align: right; }
tr.low td { background: #fff8e1; }
td.para:empty { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #f0f0f0 6px, #f0f0f0 12px); }
.ln { color: #888; font-size: .75rem; }
mark.ev { background: #ffd6d6; color: var(--err); font-weight: 700; border-radius: 2px; padding: 0 1px; }
mark.ev.support { background: #e2efda; color: #375623; }
mark.ev.off { background: none; color: inherit; font-weight: inherit; }
ul.notes { margin: .3rem 0 0; padding: 0; list-style: none; font-size: .85rem; direction: ltr; text-align: left; }
ul.notes li { border-left: 3px solid var(--err); padding-left: .35rem; margin-top: .15rem; }
ul.notes li.support { border-left-color: #70ad47; }
ul.notes li.off, [hidden] { display: none !important; }
details > summary { cursor: pointer; }
"""

_JS = """
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.ev, ul.notes li'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  function apply() {
    var lang = $('flt-lang').value, sev = $('flt-sev').value, check = $('flt-check').value, on = {}, n = 0;
    items.forEach(function (li) {
      var ok = (!lang || li.getAttribute('data-fix').split(' ').indexOf(lang) >= 0) &&
               (!sev || li.getAttribute('data-severity') === sev) && (!check || li.getAttribute('data-check') === check);
      li.hidden = !ok;
      if (ok) { on[li.getAttribute('data-f')] = true; n++; }
    });
    marks.forEach(function (m) {
      var ok = m.getAttribute('data-f').split(' ').some(function (f) { return on[f]; });
      m.classList.toggle('off', !ok);
    });
    var filtering = lang || sev || check;
    groups.forEach(function (g) { g.hidden = filtering && !g.querySelector('li.finding:not([hidden])'); });
    $('flt-count').textContent = n + ' of ' + items.length + ' findings shown';
  }
  var keys = {fix: 'flt-lang', severity: 'flt-sev', check: 'flt-check'};
  function fromHash() {  // #fix=sv&severity=error: a filter an editor can bookmark or send
    var h = location.hash.slice(1);
    if (h.indexOf('=') < 0) { return false; }
    h.split('&').forEach(function (kv) {
      var p = kv.split('='), sel = keys[p[0]] && $(keys[p[0]]), v = decodeURIComponent(p[1] || '');
      if (sel && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) { sel.value = v; }
    });
    return true;
  }
  function toHash() {
    var parts = [];
    Object.keys(keys).forEach(function (k) { var v = $(keys[k]).value; if (v) { parts.push(k + '=' + encodeURIComponent(v)); } });
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname); } catch (e) {}
  }
  ['flt-lang', 'flt-sev', 'flt-check'].forEach(function (id) {
    $(id).addEventListener('change', function () { apply(); toHash(); });
  });
  function reveal() {
    if (fromHash()) { apply(); return; }
    var t = location.hash && document.getElementById(location.hash.slice(1));
    if (t && t.hidden) { $('flt-lang').value = $('flt-sev').value = $('flt-check').value = ''; apply(); t.scrollIntoView(); }
    var d = t && t.closest('details');
    if (d) { d.open = true; t.scrollIntoView(); }
  }
  window.addEventListener('hashchange', reveal);
  apply(); reveal();
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _a(value) -> str:
    """An attribute value."""
    return escape(str(value), quote=True)


def anchor(fingerprint: str) -> str:
    """The fragment of a finding in audit.html (the workbook links there)."""
    return "f-" + fingerprint


def render(report: Report) -> bytes:
    paras = Paragraphs(report)
    docs = paras.docs
    doc_no = {d.id: k for k, d in enumerate(report.documents)}
    by_group: dict[str, list[Finding]] = defaultdict(list)
    for f in sorted(report.findings, key=sort_key):
        by_group[f.group].append(f)
    fix_langs = sorted({docs[d].language for f in report.findings for d in fix_targets(f) if d in docs})
    checks = sorted({f.check for f in report.findings})
    sevs = sorted({f.severity for f in report.findings}, key=lambda s: SEVERITY_ORDER.get(s, 3))
    sig = report.signature
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Translation consistency audit</title>", f"<style>{_CSS}</style></head><body>",
        "<header><h1>Translation consistency audit</h1>",
        f'<p class="sig">audit {escape(str(sig.get("version", "")))} · config {escape(str(sig.get("config_hash", "")))}'
        f" · {len(report.documents)} documents · {len(report.groups)} articles · {len(report.findings)} findings</p>",
        '<form id="filters" onsubmit="return false">',
        _select("flt-lang", "Language to fix", fix_langs),
        _select("flt-sev", "Severity", sevs),
        _select("flt-check", "Check", checks),
        '<span id="flt-count"></span></form></header>',
    ]
    if report.skipped:
        out.append('<section id="skipped"><h2>Files not audited</h2><ul>')
        out.extend(f"<li>{escape(s.path)}: {escape(s.reason)}</li>" for s in report.skipped)
        out.append("</ul></section>")
    min_conf = sig.get("min_confidence", 0.5)
    for g in sorted(report.groups, key=lambda g: natural_key(g.id)):
        out.extend(_group(g, by_group.get(g.id, []), paras, doc_no, min_conf))
    out.append(f"<script>{_JS}</script></body></html>\n")
    return "\n".join(out).encode("utf-8")


def _select(id_: str, label: str, values) -> str:
    opts = "".join(f'<option value="{_a(v)}">{escape(v)}</option>' for v in values)
    return f'<label>{escape(label)} <select id="{id_}"><option value="">all</option>{opts}</select></label>'


def _group(g, findings: list[Finding], paras: Paragraphs, doc_no: dict, min_conf: float) -> list[str]:
    docs = paras.docs
    members = sorted((d for d in g.documents if d in docs), key=lambda d: (docs[d].language, d))
    out = [f'<section class="group" id="g-{_a(g.id)}">',
           f"<h2>{escape(g.id)} · {', '.join(escape(docs[d].language) for d in members)}"
           f" · {len(findings)} finding{'s' if len(findings) != 1 else ''}</h2>"]
    # spans[(doc, paragraph index)] = [(start, end, fingerprint, role)]; notes likewise, one per finding
    spans: dict[tuple[str, int], list] = defaultdict(list)
    notes: dict[tuple[str, int], dict] = defaultdict(dict)
    if findings:
        out.append('<ol class="findings">')
        for f in findings:
            out.append(_finding_item(f, paras, doc_no))
            for loc in f.locations:
                i = paras.index(loc)
                if i is None:
                    continue
                if loc.end > loc.start:
                    spans[(loc.document, i)].append((loc.offset + loc.start, loc.offset + loc.end, f.fingerprint, loc.role))
                role = notes[(loc.document, i)].get(f.fingerprint)
                notes[(loc.document, i)][f.fingerprint] = "flagged" if "flagged" in (role, loc.role) else "support"
        out.append("</ol>")
    by_fp = {f.fingerprint: f for f in findings}
    links = paras.links.get(g.id, ())
    out.append(f'<details{" open" if findings else ""}><summary>{len(links)} aligned paragraphs</summary>')
    out.append('<table class="side"><thead><tr><th class="n">link</th>')
    for d in members:
        doc = docs[d]
        out.append(f'<th lang="{_a(doc.language)}">{escape(doc.language)}<br>'
                   f'<span class="ln">{escape(doc.path)}</span></th>')
    out.append("</tr></thead><tbody>")
    for k, link in enumerate(links, start=1):
        low = link.confidence < min_conf and len(link.members) > 1
        cls = ' class="low"' if low else ""
        out.append(f'<tr id="l-{_a(g.id)}-{k}"{cls}>'
                   f'<td class="n">{k}<br>{link.confidence:.2f}</td>')
        for d in members:
            doc = docs[d]
            rtl = is_rtl(doc.language)
            cell = []
            for i in link.indices(d):
                p = doc.paragraphs[i]
                cell.append(f'<div class="p" id="p-{doc_no[d]}-{p.line}"><span class="ln">{p.line}</span> '
                            f"{_marked(p.text, spans.get((d, i), []))}</div>")
                cell.extend(_notes(notes.get((d, i), {}), by_fp, d, docs))
            out.append(f'<td class="para s-{_a(doc.script)}" lang="{_a(doc.language)}" dir="{"rtl" if rtl else "ltr"}">'
                       + "".join(cell) + "</td>")
        out.append("</tr>")
    out.append("</tbody></table></details></section>")
    return out


def _finding_item(f: Finding, paras: Paragraphs, doc_no: dict) -> str:
    docs = paras.docs
    targets = fix_targets(f)
    where = []
    for loc in dict.fromkeys((x.document, x.line) for x in f.locations if x.role == "flagged"):
        doc = docs[loc[0]]
        i = paras.index(next(x for x in f.locations if (x.document, x.line) == loc))
        line = doc.paragraphs[i].line if i is not None else loc[1]
        where.append(f'<a href="#p-{doc_no[loc[0]]}-{line}">{escape(doc.language)} {escape(loc[0])}:{loc[1]}</a>')
    fix = " ".join(docs[d].language for d in targets if d in docs)
    status = "" if f.status == "Open" else f' <span class="status">[{escape(f.status)}]</span>'
    return (f'<li class="finding sev-{_a(f.severity)}" id="{_a(anchor(f.fingerprint))}" data-f="{_a(f.fingerprint)}" '
            f'data-fix="{_a(fix)}" data-severity="{_a(f.severity)}" data-check="{_a(f.check)}">'
            f'<span class="sev">{escape(f.severity)}</span> <code>{escape(f.check)}</code> '
            f'fix in <span class="fix">{escape(fix)}</span>{status}: '
            f'<span class="msg">{escape(finding_message(f, docs))}</span>'
            f' <span class="where">({", ".join(where)})</span></li>')


def _marked(text: str, spans: list) -> str:
    """The paragraph with its evidence in <mark>, one mark per run of characters that the
    same findings cover (overlapping evidence of several findings is split, never nested)."""
    if not spans:
        return escape(text)
    cuts = sorted({0, len(text), *(max(0, min(len(text), x)) for s, e, _, _ in spans for x in (s, e))})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        cover = [(fp, role) for s, e, fp, role in spans if s <= a and b <= e]
        piece = escape(text[a:b])
        if not cover:
            out.append(piece)
            continue
        role = "flagged" if any(r == "flagged" for _, r in cover) else "support"
        fps = " ".join(dict.fromkeys(fp for fp, _ in cover))
        out.append(f'<mark class="ev {role}" data-f="{_a(fps)}">{piece}</mark>')
    return "".join(out)


def _notes(on_para: dict, by_fp: dict, doc: str, docs: dict) -> list[str]:
    if not on_para:
        return []
    items = []
    for fp, role in on_para.items():
        f = by_fp[fp]
        label = "" if role == "flagged" else "the same document elsewhere: " if doc in f.documents else \
            "what the others say: "
        items.append(f'<li class="{role}" data-f="{_a(fp)}"><a href="#{_a(anchor(fp))}">{escape(f.check)}</a>: '
                     f"{escape(label)}{escape(finding_message(f, docs))}</li>")
    return ['<ul class="notes" dir="ltr">' + "".join(items) + "</ul>"]
