"""Configuration: defaults < config.yaml < command line.

Every key is declared once in ``SCHEMA`` with its type and default; an unknown
key or a value of the wrong type is an :class:`AuditError` naming the file.
The merged configuration is a plain nested dict passed down as an argument.
"""
from __future__ import annotations

import copy
import hashlib
import json
import math
import os
from pathlib import Path
from typing import Any

from .errors import AuditError

# how the articles of a batch are known (audit.layout): from its paths, a manifest, or the content
GROUP_MODES = ("auto", "folder", "name", "manifest", "content")

# key -> (allowed types, default). Nested dicts are sections.
SCHEMA: dict[str, Any] = {
    "languages": (list, ["bn", "hi", "sv", "ms", "ar", "en"]),
    "language_overrides": (dict, {}),
    "paragraphs": (str, "auto"),
    "max_file_mb": ((int, float), 50),
    "max_paragraph_chars": (int, 200_000),
    "boilerplate": {
        "enabled": (bool, True),
        "max_words": (int, 3),
    },
    "group": {
        "threshold": ((int, float), 0.4),
        "max_per_language": (int, 1),
        "max_anchor_df": (int, 50),
        "by": (str, "auto"),
        "pattern": (str, "{article}.{lang}.txt"),
        "manifest": (str, ""),
    },
    "align": {
        "min_confidence": ((int, float), 0.5),
        "band": (int, 12),
    },
    "checks": {
        "select": (list, []),
        "ignore": (list, []),
        "severity": (dict, {}),
    },
    "glossary": (dict, {}),
    "reviews": (str, "reviews.yaml"),
    "jobs": (int, 0),
    "engine": (str, "local"),
    "scheduler": (str, ""),
}

PARAGRAPH_STYLES = ("auto", "lines", "blocks")
# numeric keys -> (lowest, highest) allowed: a value outside would switch a stage off or exhaust memory
BOUNDS: dict[str, tuple[float, float]] = {
    "max_file_mb": (0.0001, 4096),
    "max_paragraph_chars": (1, 10_000_000),
    "boilerplate.max_words": (0, 1000),
    "group.threshold": (0, 1),
    "group.max_per_language": (1, 10_000),
    "group.max_anchor_df": (1, 10_000_000),
    "align.min_confidence": (0, 1),
    "align.band": (1, 10_000),
    "jobs": (0, 1_000_000),
}
JOBS_PER_CORE = 4  # more workers than this per core only add memory and start-up
SEVERITIES = ("error", "warning", "note")


def defaults() -> dict[str, Any]:
    return _defaults(SCHEMA)


def _defaults(schema: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, spec in schema.items():
        out[key] = _defaults(spec) if isinstance(spec, dict) else copy.deepcopy(spec[1])
    return out


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults merged with the YAML file at ``path`` (if any) and ``overrides``."""
    config = defaults()
    source = "<defaults>"
    if path is not None:
        source = str(path)
        _merge(config, _read_yaml(Path(path)), SCHEMA, source, "")
        config["_base_dir"] = str(Path(path).resolve().parent)
    if overrides:
        _merge(config, overrides, SCHEMA, "<command line>", "")
    _validate_values(config, source)
    return config


def _validate_glossary(glossary: dict, source: str) -> None:
    """glossary: ENTITY: {aliases: {LANG: [alias, ...]}, country: ISO code (optional)}."""
    for entity, spec in glossary.items():
        def key(path: str = "") -> str:
            return f"config key 'glossary.{entity}{path}'"

        if not isinstance(spec, dict) or not isinstance(spec.get("aliases"), dict):
            raise AuditError(f"{key()} must have 'aliases': a mapping of language to a list of names", source)
        for lang, names in spec["aliases"].items():
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise AuditError(f"{key(f'.aliases.{lang}')} must be a list of names", source)
        country = spec.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
            raise AuditError(f"{key('.country')} must be a two-letter ISO 3166 code", source)
        unknown = set(spec) - {"aliases", "country"}
        if unknown:
            raise AuditError(f"{key()} has unknown key(s) {', '.join(sorted(unknown))} (known: aliases, country)", source)


_COMPUTE_ONLY = ("jobs", "engine", "scheduler")  # where the work runs, not what it finds


def config_hash(config: dict[str, Any]) -> str:
    # settings that cannot change the findings (parallelism) stay out, so the hash is comparable
    public = {k: v for k, v in config.items() if not k.startswith("_") and k not in _COMPUTE_ONLY}
    blob = json.dumps(public, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def _read_yaml(path: Path) -> dict[str, Any]:
    from .safeload import load_yaml

    if not path.exists() and not path.is_symlink():
        raise AuditError("config file not found", str(path))
    data = load_yaml(path, "config")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AuditError("config must be a mapping of keys to values", str(path))
    return data


def _merge(config: dict, data: dict, schema: dict, source: str, prefix: str) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in schema:
            known = ", ".join(sorted(schema))
            raise AuditError(f"unknown config key '{name}' (known keys: {known})", source)
        spec = schema[key]
        if isinstance(spec, dict):
            if not isinstance(value, dict):
                raise AuditError(f"config key '{name}' must be a mapping", source)
            _merge(config[key], value, spec, source, name + ".")
            continue
        types = spec[0]
        if isinstance(value, float) and not math.isfinite(value):
            raise AuditError(f"config key '{name}' must be a finite number, not {value}", source)
        if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            raise AuditError(f"config key '{name}' has the wrong type: bool", source)
        if not isinstance(value, types):
            expected = types.__name__ if isinstance(types, type) else " or ".join(t.__name__ for t in types)
            raise AuditError(
                f"config key '{name}' must be {expected}, not {type(value).__name__}", source
            )
        config[key] = copy.deepcopy(value)


def cap_jobs(jobs: int) -> int:
    """``jobs`` within a sane multiple of the cores (0 stays 0: one per core)."""
    return min(jobs, JOBS_PER_CORE * (os.cpu_count() or 1))


def _lookup(config: dict, dotted: str):
    value = config
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _validate_bounds(config: dict[str, Any], source: str) -> None:
    for key, (low, high) in BOUNDS.items():
        value = _lookup(config, key)
        if value is None or isinstance(value, bool):
            continue
        if not low <= value <= high:
            raise AuditError(f"config key '{key}' must be between {low:g} and {high:,g}, not {value:g}", source)


def _validate_names(config: dict[str, Any], source: str) -> None:
    """Keys and list items that are names must be non-empty strings (YAML gives ints, lists, null too)."""
    for key in ("checks.select", "checks.ignore"):
        for item in _lookup(config, key) or []:
            if not isinstance(item, str) or not item.strip():
                raise AuditError(f"config key '{key}' must list check codes (strings), not {item!r:.40}", source)
    for key in ("language_overrides", "checks.severity", "glossary"):
        for item in _lookup(config, key) or {}:
            if not isinstance(item, str) or not item.strip():
                raise AuditError(f"config key '{key}' has a key that is not a string: {item!r:.40}", source)
    if not config["reviews"].strip():
        raise AuditError("config key 'reviews' must name a file (default reviews.yaml)", source)
    if "\0" in config["reviews"]:
        raise AuditError("config key 'reviews' holds a NUL character", source)


def _validate_values(config: dict[str, Any], source: str) -> None:
    from .languages import known_language

    _validate_names(config, source)
    _validate_bounds(config, source)
    config["jobs"] = cap_jobs(config["jobs"])
    # language codes are case-insensitive: SV is sv
    config["languages"] = list(dict.fromkeys(c.lower() if isinstance(c, str) else c for c in config["languages"]))
    config["language_overrides"] = {k: v.lower() if isinstance(v, str) else v
                                    for k, v in config["language_overrides"].items()}
    langs = config["languages"]
    if not langs:
        raise AuditError("config key 'languages' must list at least one language", source)
    for code in langs:
        if not isinstance(code, str) or not known_language(code):
            raise AuditError(f"config key 'languages': '{code}' is not an ISO 639-1 code", source)
    for pattern, code in config["language_overrides"].items():
        if not isinstance(code, str) or not known_language(code):
            raise AuditError(f"config key 'language_overrides.{pattern}': '{code}' is not an ISO 639-1 code", source)
    if config["paragraphs"] not in PARAGRAPH_STYLES:
        raise AuditError(f"config key 'paragraphs' must be one of {', '.join(PARAGRAPH_STYLES)}", source)
    for code, level in config["checks"]["severity"].items():
        if level not in SEVERITIES:
            raise AuditError(f"config key 'checks.severity.{code}' must be one of {', '.join(SEVERITIES)}", source)
    if not 0 <= config["align"]["min_confidence"] <= 1:
        raise AuditError("config key 'align.min_confidence' must be between 0 and 1", source)
    if config["max_paragraph_chars"] <= 0:
        raise AuditError("config key 'max_paragraph_chars' must be positive", source)
    if config["max_file_mb"] <= 0:
        raise AuditError("config key 'max_file_mb' must be positive", source)
    _validate_glossary(config["glossary"], source)
    if config["group"]["by"] not in GROUP_MODES:
        raise AuditError(f"config key 'group.by' must be one of {', '.join(GROUP_MODES)}", source)
    if config["engine"] not in ("local", "dask"):
        raise AuditError("config key 'engine' must be local or dask", source)
    if config["jobs"] < 0:
        raise AuditError("config key 'jobs' must be 0 (all cores) or more", source)
