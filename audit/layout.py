"""Who is who in a batch: document ids, and the article structure a batch declares.

A document's id is its path relative to the input root, without the extension
(``article-a/bn``); the input root is the folder given on the command line, or
the common folder of all paths given (a single file: its folder, so its id is
its stem). An id depends on the file's own path only, never on which other
files are there, so adding, removing or reordering other files or folders
renames nothing and changes no fingerprint. Two files that would share an id
(``x.txt`` and ``x.md`` side by side) keep their extension but the one whose
suffix comes first in :data:`~audit.ingest.SUFFIXES`; an id that would read
``confidence`` (the alignment links' own key in ``audit.json``) keeps its
extension too (``confidence.txt``). File names that are not valid UTF-8 show
their raw bytes as ``\\xNN``.

Structure (config ``group.by``, or ``--group-by``):

- ``folder``: one folder per article (``batch/article-a/bn.txt``); the article
  is the folder's path under the root;
- ``name``: the file name says the article and the language, after
  ``group.pattern`` (default ``{article}.{lang}.txt``; a pattern with ``/``
  matches the whole path under the root, e.g. ``{lang}/{article}.txt``);
- ``manifest``: ``group.manifest`` lists ``file,article,language`` (CSV with a
  header row, or a YAML list of mappings with those keys); ``file`` is relative
  to the manifest's folder (or the document's path under the root);
- ``auto`` (the default): one of the layouts above when every path has it
  plainly (every file or its top folder named as a language, most articles
  in two languages or more, no language twice in one article), else content
  grouping; ``content``: content grouping whatever the paths say.

A file name or folder that is an ISO 639 code declares the document's
language; a declared language overrides detection (a contradiction is a
warning on the document). Files the structure does not place are grouped by
content among themselves.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .config import GROUP_MODES as MODES, Config, GroupConfig  # validated there, with the rest of the config
from .errors import AuditError
from .ingest.files import display  # a file name's bytes that are not UTF-8 as \xNN: printable, reversible

RESERVED_IDS = frozenset({"confidence"})  # keys of audit.json's alignment links beside document ids
_LANG = r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,4})?"


@dataclass
class Layout:
    """The batch's files with their ids, and per id the declared article and language (if any)."""

    files: list[Path]
    ids: list[str]
    mode: str = "content"  # what decided the articles: folder, name, manifest, or content
    articles: dict[str, str] = field(default_factory=dict)  # doc id -> article
    languages: dict[str, str] = field(default_factory=dict)  # doc id -> ISO 639-1 code
    identities: dict[str, tuple[int, int]] = field(default_factory=dict)  # file path -> what discovery approved

    def declared_languages(self) -> dict[str, str]:
        """File path -> declared language, as ingestion looks it up."""
        return {str(f): self.languages[i] for f, i in zip(self.files, self.ids) if i in self.languages}


def plan(paths, config: Config, follow_symlinks: bool = False, refused: list | None = None) -> Layout:
    """Files under ``paths``, their ids, and the structure ``config.group.by`` asks for.
    Inputs discovery will not read (FIFOs, symlinks leading outside) are appended to ``refused``."""
    from .ingest import discover

    paths = list(paths)
    identities: dict[str, tuple[int, int]] = {}
    files = discover(paths, follow_symlinks, refused if refused is not None else [], identities)
    root = input_root(paths)
    rels = [relative(f, root) for f in files]
    layout = Layout(files, document_ids(rels), identities=identities)
    settings = config.group
    mode = settings.by
    if mode == "content":
        return layout
    if mode == "manifest":
        _from_manifest(layout, rels, root, settings, config)
        return layout
    candidates = {"folder": _by_folder, "name": lambda r, s: _by_name(r, s.pattern),
                  "language-folder": _by_language_folder}
    tried = [mode] if mode != "auto" else ["language-folder", "folder", "name"]
    for how in tried:
        placed = candidates[how](rels, settings)
        if mode == "auto" and not _plain(placed, rels):
            continue
        for i, (article, lang) in zip(layout.ids, placed):
            if article is not None:
                layout.articles[i] = article
            if lang is not None:
                layout.languages[i] = lang
        layout.mode = "folder" if how == "language-folder" else how
        break
    return layout


def input_root(paths) -> str:
    """The folder ids are relative to: a directory given, or the common folder of everything given."""
    folders = []
    for p in paths:
        p = os.path.abspath(os.fspath(p))
        folders.append(p if os.path.isdir(p) else os.path.dirname(p))
    return os.path.commonpath(folders) if folders else os.getcwd()


def relative(path: Path, root: str) -> PurePosixPath:
    rel = os.path.relpath(os.path.abspath(os.fspath(path)), root)
    return PurePosixPath(*Path(rel).parts)


def document_ids(rels: list[PurePosixPath]) -> list[str]:
    """Each file's id from its own relative path (see the module docstring)."""
    from .ingest import SUFFIXES

    def bare(rel: PurePosixPath) -> str:
        stem = str(rel.with_suffix("")) if rel.suffix.lower() in SUFFIXES else str(rel)
        return display(stem)

    def rank(rel: PurePosixPath):
        suffix = rel.suffix.lower()
        return (SUFFIXES.index(suffix) if suffix in SUFFIXES else len(SUFFIXES), rel.suffix, str(rel))

    wanted: dict[str, list[PurePosixPath]] = defaultdict(list)
    for rel in rels:
        wanted[bare(rel)].append(rel)
    chosen = {}
    for name, same in wanted.items():
        for k, rel in enumerate(sorted(same, key=rank)):
            keep_suffix = k > 0 or name in RESERVED_IDS or PurePosixPath(name).name in RESERVED_IDS
            chosen[rel] = display(str(rel)) if keep_suffix else name
    return [chosen[rel] for rel in rels]


def language_code(text: str) -> str | None:
    """``bn``, ``pt-BR``, ``zh_Hans`` -> the ISO 639-1 code; None when ``text`` names no language."""
    from .languages import known_language

    if not re.fullmatch(_LANG, text):
        return None
    code = text[:2].lower()
    return code if known_language(code) else None


def _by_folder(rels, settings):
    """One folder per article: the folder is the article; a file named as a language declares it."""
    out = []
    for rel in rels:
        article = str(rel.parent) if str(rel.parent) != "." else None
        out.append((display(article) if article else None, language_code(_stem(rel))))
    return out


def _by_language_folder(rels, settings):
    """One folder per language (``bn/article-a.txt``): the file's path under it is the article."""
    out = []
    for rel in rels:
        lang = language_code(rel.parts[0]) if len(rel.parts) >= 2 else None
        article = display(str(PurePosixPath(*rel.parts[1:]).with_suffix(""))) if lang else None
        out.append((article, lang))
    return out


def _by_name(rels, pattern: str):
    """The file name (or, for a pattern with '/', the path under the root) after ``pattern``."""
    regex = _pattern_regex(pattern)
    out = []
    for rel in rels:
        whole = "/" in pattern
        m = regex.fullmatch(str(rel) if whole else rel.name)
        if not m:
            out.append((None, None))
            continue
        article = m.group("article")
        if not whole and str(rel.parent) != ".":
            article = f"{rel.parent}/{article}"
        lang = language_code(m.group("lang")) if "lang" in m.groupdict() else None
        if "lang" in m.groupdict() and lang is None:
            out.append((None, None))  # the place of the language holds something else
            continue
        out.append((display(article), lang))
    return out


def _pattern_regex(pattern: str) -> re.Pattern:
    from .ingest import SUFFIXES

    if "{article}" not in pattern:
        raise AuditError("config key 'group.pattern' must contain {article} (and usually {lang})", "config")
    out, pos = [], 0
    for m in re.finditer(r"\{(article|lang)\}", pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        out.append(r"(?P<article>[^/]+?)" if m.group(1) == "article" else f"(?P<lang>{_LANG})")
        pos = m.end()
    tail = pattern[pos:]
    suffix = next((s for s in SUFFIXES if tail.lower().endswith(s)), None)
    if suffix:  # the pattern's .txt stands for any input suffix
        out.append(re.escape(tail[:-len(suffix)]) + "(?:" + "|".join(re.escape(s) for s in SUFFIXES) + ")")
    else:
        out.append(re.escape(tail))
    return re.compile("".join(out), re.IGNORECASE)


def _stem(rel: PurePosixPath) -> str:
    return rel.name.split(".")[0]


def _plain(placed, rels) -> bool:
    """Whether ``auto`` may trust a layout: it places every file, and its articles repeat
    (most files share their article with another file of another language)."""
    if not placed or any(a is None or lang is None for a, lang in placed):
        return False
    per_article: dict[str, list] = defaultdict(list)
    for article, lang in placed:
        per_article[article].append(lang)
    shared = sum(len(langs) for langs in per_article.values() if len(langs) >= 2)
    if shared * 2 < len(placed):
        return False
    # files of one article in distinct languages
    return all(len(set(langs)) == len(langs) for langs in per_article.values())


def _from_manifest(layout: Layout, rels, root: str, settings: GroupConfig, config: Config) -> None:
    name = settings.manifest
    if not name:
        raise AuditError("group.by manifest needs config key 'group.manifest' (a CSV or YAML file)", "config")
    path = Path(name)
    if not path.is_absolute():
        path = config.resolve(path)
    rows = _manifest_rows(path)
    here = {os.path.abspath(f): i for f, i in zip(layout.files, layout.ids)}
    by_rel = {str(rel): i for rel, i in zip(rels, layout.ids)}
    by_id = set(layout.ids)
    for k, row in enumerate(rows, start=2):
        where = f"{path} (entry {k - 1})"
        file, article = str(row.get("file") or "").strip(), str(row.get("article") or "").strip()
        if not file or not article:
            raise AuditError("a manifest entry needs 'file' and 'article'", where)
        doc = here.get(os.path.abspath(path.parent / file)) or by_rel.get(file) or (file if file in by_id else None)
        if doc is None:
            continue  # a file of the newsroom's list that is not in this batch
        lang = str(row.get("language") or "").strip()
        if lang:
            code = language_code(lang)
            if code is None:
                raise AuditError(f"'{lang}' is not an ISO 639-1 language code", where)
            layout.languages[doc] = code
        layout.articles[doc] = article
    layout.mode = "manifest"


def _manifest_rows(path: Path) -> list[dict]:
    try:
        if path.stat().st_size > 50 * 2**20:
            raise AuditError("manifest is over 50 MB", str(path))
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise AuditError("manifest not found (config key 'group.manifest')", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditError(f"cannot read the manifest: {exc}", str(path)) from None
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise AuditError(f"invalid YAML: {str(exc).splitlines()[0]}", str(path)) from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise AuditError("a YAML manifest is a list of mappings with file, article, language", str(path))
        return data
    import csv

    reader = csv.DictReader(text.splitlines())
    missing = {"file", "article"} - set(reader.fieldnames or ())
    if missing:
        raise AuditError(f"manifest has no column {', '.join(sorted(missing))} (columns: file,article,language)",
                         str(path))
    return list(reader)


__all__ = ["Layout", "MODES", "document_ids", "input_root", "plan"]
