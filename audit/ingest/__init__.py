"""Stage 1: files to :class:`~audit.model.Document` objects.

Reading files happens here and nowhere else. A file that cannot be audited is
returned as a :class:`~audit.model.Skipped` record with the reason, so that one
bad file never stops a batch; the caller decides when nothing is left.
"""
from __future__ import annotations

import fnmatch
import hashlib
import os
import unicodedata
from pathlib import Path
from typing import Iterable

from ..config import Config
from ..errors import AuditError
from ..languages import detect_language, dominant_script, known_language, script_fits, script_name
from ..model import Document, Paragraph, Skipped
from .boilerplate import split_boilerplate
from .decode import decode
from .files import SUFFIXES, discover, display, read_regular
from .paragraphs import paragraphs_from_html, paragraphs_from_text

_SAMPLE_CHARS = 4000


def ingest_paths(paths: Iterable[str | os.PathLike], config: Config,
                 follow_symlinks: bool = False) -> tuple[list[Document], list[Skipped]]:
    from ..layout import plan

    skipped: list[Skipped] = []
    layout = plan(paths, config, follow_symlinks, skipped)
    declared = layout.declared_languages()
    documents: list[Document] = []
    by_hash: dict[str, str] = {}
    for path, doc_id in zip(layout.files, layout.ids):
        try:
            doc = ingest_file(path, config, doc_id, declared.get(str(path)), layout.identities.get(str(path)))
        except AuditError as exc:
            skipped.append(Skipped(display(path), exc.detail))
            continue
        if doc.sha256 in by_hash:
            skipped.append(Skipped(str(path), f"same content as {by_hash[doc.sha256]}: audited once", read=True))
            continue
        by_hash[doc.sha256] = doc.path
        documents.append(doc)
    return documents, skipped


def ingest_file(path: Path, config: Config, doc_id: str | None = None, declared: str | None = None,
                identity: tuple[int, int] | None = None) -> Document:
    """One file as a Document; ``declared`` is the language the batch's structure gives it (audit.layout),
    ``identity`` the file discovery approved (another file found at ``path`` is refused)."""
    limit = int(config.max_file_mb * 1024 * 1024)
    data = read_regular(path, limit, " (config key max_file_mb)", identity)
    shown = display(path)
    text, encoding = decode(data, shown)
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"
    override = _override_language(path, config)
    return ingest_text(
        text, doc_id or display(path.stem), shown, config, language=override, encoding=encoding,
        kind=kind, sha256=hashlib.sha256(data).hexdigest(), declared=declared,
    )


def _override_language(path: Path, config: Config) -> str | None:
    for pattern, code in config.language_overrides.items():
        if fnmatch.fnmatch(path.name, pattern) or fnmatch.fnmatch(str(path), pattern):
            return code
    return None


def ingest_text(text: str, doc_id: str, path: str, config: Config, *, language: str | None = None,
                encoding: str = "utf-8", kind: str = "text", sha256: str = "", declared: str | None = None) -> Document:
    """Build a Document from already-decoded text (the API entry for notebooks and tests).

    ``language`` (an override) is taken as it is; ``declared`` (the batch's structure
    says it) is taken too, but a script or detector that disagrees is noted on the
    document as ``language_warning``."""
    text = unicodedata.normalize("NFC", text)
    if kind == "html":
        paragraphs, style = paragraphs_from_html(text), "html"
    else:
        paragraphs, style = paragraphs_from_text(text, config.paragraphs, markdown=kind == "markdown")
    if not paragraphs:
        raise AuditError("no text: the file is empty or only white space", path)
    limit = config.max_paragraph_chars
    for p in paragraphs:
        if len(p.text) > limit:
            raise AuditError(f"line {p.line} starts a paragraph of {len(p.text):,} characters, over the limit of "
                             f"{limit:,} (config key max_paragraph_chars)", path)
    if config.boilerplate.enabled:
        content, furniture = split_boilerplate(paragraphs, config.boilerplate.max_words)
    else:
        content, furniture = paragraphs, []
    if not content:
        raise AuditError("only site boilerplate (e.g. 'Source', 'Comment (0)'), no article text", path)
    content = [Paragraph(i, p.line, p.end_line, p.text, p.breaks) for i, p in enumerate(content)]
    sample = _sample(content)
    script = dominant_script(sample)
    warning = ""
    if language is not None:
        lang, confidence = language, 1.0
    elif declared is not None:
        lang, confidence, warning = declared, 1.0, _contradiction(declared, script, sample, config.languages)
    else:
        if not script_fits(script, config.languages):
            raise AuditError(f"written in {script_name(script)} script, which none of the configured languages "
                             f"({', '.join(config.languages)}) uses: add its language to 'languages' in the config",
                             path)
        # only the languages written in this script are candidates: when one is, the
        # script decides (confidence 1.0) and the statistical detector is not consulted
        candidates = [c for c in config.languages if script_fits(script, [c])]
        lang, confidence = detect_language(sample, candidates)
    return Document(
        id=doc_id, path=path, language=lang, language_confidence=confidence,
        script=script, paragraphs=tuple(content), boilerplate=tuple(furniture),
        encoding=encoding, paragraph_style=style, sha256=sha256 or hashlib.sha256(text.encode()).hexdigest(),
        language_warning=warning,
    )


_CONTRADICTS = 0.6  # the detector's confidence in another language above which a declaration is doubted


def _contradiction(declared: str, script: str, sample: str, languages) -> str:
    """Why the text seems not to be in the ``declared`` language, or ""."""
    if not script_fits(script, [declared]):
        return f"declared {declared}, but written in {script_name(script)} script"
    candidates = sorted({c for c in [*languages, declared] if script_fits(script, [c])})
    if len(candidates) < 2 or not known_language(declared, detectable=True):  # lingua cannot tell it
        return ""
    detected, confidence = detect_language(sample, candidates)
    if detected != declared and confidence >= _CONTRADICTS:
        return f"declared {declared}, but the text reads as {detected} ({confidence:.0%})"
    return ""


def _sample(paragraphs: list[Paragraph]) -> str:
    """Text spread over the whole document, bounded so detection stays fast."""
    out, size = [], 0
    step = max(1, len(paragraphs) // 12)
    for p in paragraphs[::step]:
        out.append(p.text[:800])
        size += len(out[-1])
        if size >= _SAMPLE_CHARS:
            break
    return "\n".join(out)
