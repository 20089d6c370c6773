"""Configuration: defaults < config.yaml < command line, as one frozen, typed ``Config``.

Every key is a field of a frozen dataclass (``Config`` and one per section:
``boilerplate``, ``group``, ``align``, ``checks``, ``names``), declared once with its
type, default and allowed range; those fields are the only defaults. A
``Config`` is validated whole when it is made (unknown keys, types, ranges,
language codes, check codes against the registry, the files it names), so
an error is one :class:`AuditError` naming the file and the key before any
input is read. An override is a new ``Config`` (``config.override({...})``
or ``dataclasses.replace``), validated again; nothing mutates one. It pickles,
so worker processes and Dask workers receive it as it is.

    >>> config = load_config("config.yaml")
    >>> config.group.threshold
    0.4
    >>> config.override({"jobs": 1}).jobs
    1
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from .errors import AuditError
from .languages import default_languages

# how the articles of a batch are known (audit.layout): from its paths, a manifest, or the content
GROUP_MODES = ("auto", "folder", "name", "manifest", "content")
PARAGRAPH_STYLES = ("auto", "lines", "blocks")
SEVERITIES = ("error", "warning", "note")
ENGINES = ("local", "dask")
JOBS_PER_CORE = 4  # more workers than this per core only add memory and start-up


class FrozenDict(dict):
    """A mapping that cannot change: a config's tables (glossary, severities, overrides)."""

    def _refuse(self, *args, **kwargs):
        raise TypeError("a Config is frozen: make a new one with config.override({...})")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self):
        return (FrozenDict, (dict(self),))


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return FrozenDict({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    """A config value as YAML and JSON write it: lists and plain dicts."""
    if is_dataclass(value):
        return {f.name: _thaw(getattr(value, f.name)) for f in fields(value) if f.metadata.get("key", True)}
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def setting(default: Any, types: type | tuple[type, ...], bounds: tuple[float, float] | None = None,
            choices: tuple[str, ...] | None = None):
    """A config key: its default (the one place defaults live), the YAML types it takes,
    the range a number must lie in and the values a word may take."""
    meta = {"types": types if isinstance(types, tuple) else (types,), "bounds": bounds, "choices": choices}
    if isinstance(default, (list, tuple, dict)):
        frozen = _freeze(default)
        return field(default_factory=lambda: frozen, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class BoilerplateConfig:
    enabled: bool = setting(True, bool)
    max_words: int = setting(3, int, bounds=(0, 1000))


@dataclass(frozen=True)
class GroupConfig:
    threshold: float = setting(0.4, (int, float), bounds=(0, 1))
    max_per_language: int = setting(1, int, bounds=(1, 10_000))
    max_anchor_df: int = setting(50, int, bounds=(1, 10_000_000))
    by: str = setting("auto", str, choices=GROUP_MODES)
    pattern: str = setting("{article}.{lang}.txt", str)
    manifest: str = setting("", str)


@dataclass(frozen=True)
class AlignConfig:
    min_confidence: float = setting(0.5, (int, float), bounds=(0, 1))
    band: int = setting(12, int, bounds=(1, 10_000))


@dataclass(frozen=True)
class ChecksConfig:
    select: tuple[str, ...] = setting((), list)
    ignore: tuple[str, ...] = setting((), list)
    severity: Mapping[str, str] = setting({}, dict)


@dataclass(frozen=True)
class NamesConfig:
    vote: str = setting("strict", str, choices=("strict", "broad"))


@dataclass(frozen=True)
class Config:
    """The whole configuration of a run; ``base_dir`` (not a key) is where the file's
    relative paths (``reviews``, ``group.manifest``) are read from ('' is the working directory)."""

    languages: tuple[str, ...] = setting(default_languages(), list)
    language_overrides: Mapping[str, str] = setting({}, dict)
    paragraphs: str = setting("auto", str, choices=PARAGRAPH_STYLES)
    max_file_mb: float = setting(50, (int, float), bounds=(0.0001, 4096))
    max_paragraph_chars: int = setting(200_000, int, bounds=(1, 10_000_000))
    boilerplate: BoilerplateConfig = field(default_factory=BoilerplateConfig)
    group: GroupConfig = field(default_factory=GroupConfig)
    align: AlignConfig = field(default_factory=AlignConfig)
    checks: ChecksConfig = field(default_factory=ChecksConfig)
    names: NamesConfig = field(default_factory=NamesConfig)
    glossary: Mapping[str, Any] = setting({}, dict)
    reviews: str = setting("reviews.yaml", str)
    jobs: int = setting(0, int, bounds=(0, 1_000_000))
    engine: str = setting("local", str, choices=ENGINES)
    scheduler: str = setting("", str)
    base_dir: str = field(default="", metadata={"key": False})
    source: str = field(default="<defaults>", compare=False, repr=False, metadata={"key": False})

    def __post_init__(self) -> None:
        _validate(self, self.source)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<config>", base_dir: str = "") -> "Config":
        """A Config from a mapping shaped as config.yaml (every key optional)."""
        return Config().override(data, source, base_dir=base_dir)

    def override(self, data: Mapping[str, Any], source: str = "<command line>", base_dir: str | None = None) -> "Config":
        """A new Config: this one with the keys of ``data`` (shaped as config.yaml) replaced."""
        if not isinstance(data, Mapping):
            raise AuditError("config must be a mapping of keys to values", source)
        changes = _changes(self, data, source, "")
        if base_dir is not None:
            changes["base_dir"] = base_dir
        return replace(self, source=source, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The keys and values as config.yaml writes them (``base_dir`` is not a key)."""
        return _thaw(self)

    def resolve(self, name: str) -> Path:
        """A path the config names, relative to the config file's folder."""
        return Path(self.base_dir or ".") / name


def as_config(config: "Config | Mapping | str | os.PathLike | None") -> Config:
    """What the Python API accepts as a config: a Config, a mapping shaped as
    config.yaml, the path of a config file, or None (the defaults)."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        data = {k: v for k, v in config.items() if k != "_base_dir"}  # dicts from load_config before 0.x
        return Config.from_mapping(data, "<config>", base_dir=str(config.get("_base_dir") or ""))
    if isinstance(config, (str, os.PathLike)):
        return load_config(config)
    raise AuditError(f"config must be a Config, a mapping or a path, not {type(config).__name__}", "config")


def defaults() -> dict[str, Any]:
    return Config().to_dict()


def load_config(path: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Defaults merged with the YAML file at ``path`` (if any) and ``overrides``."""
    config = Config()
    if path is not None:
        config = config.override(_read_yaml(Path(path)), str(path), base_dir=str(Path(path).resolve().parent))
    if overrides:
        config = config.override(overrides, "<command line>")
    return config


_COMPUTE_ONLY = ("jobs", "engine", "scheduler")  # where the work runs, not what it finds


def config_hash(config: Config | Mapping) -> str:
    # settings that cannot change the findings (parallelism) stay out, so the hash is comparable
    data = config.to_dict() if isinstance(config, Config) else config
    public = {k: v for k, v in data.items() if not k.startswith("_") and k not in _COMPUTE_ONLY}
    blob = json.dumps(public, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()[:12]


def cap_jobs(jobs: int) -> int:
    """``jobs`` within a sane multiple of the cores (0 stays 0: one per core)."""
    return min(jobs, JOBS_PER_CORE * (os.cpu_count() or 1))


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


def _changes(current: Any, data: Mapping, source: str, prefix: str) -> dict[str, Any]:
    """Field name -> new value for the keys of ``data``, each of the type its key takes."""
    known = {f.name: f for f in fields(current) if f.metadata.get("key", True)}
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in known:
            raise AuditError(f"unknown config key '{name}' (known keys: {', '.join(sorted(known))})", source)
        section = getattr(current, key)
        if is_dataclass(section):
            if not isinstance(value, Mapping):
                raise AuditError(f"config key '{name}' must be a mapping", source)
            out[key] = replace(section, **_changes(section, value, source, name + "."))
            continue
        _check_type(name, value, known[key].metadata["types"], source)
        out[key] = _freeze(value)
    return out


def _check_type(name: str, value: Any, types: tuple[type, ...], source: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise AuditError(f"config key '{name}' must be a finite number, not {value}", source)
    if isinstance(value, bool) and bool not in types:
        raise AuditError(f"config key '{name}' has the wrong type: bool", source)
    accepted = types + ((tuple,) if list in types else ())  # a frozen list is a tuple
    if not isinstance(value, accepted):
        expected = " or ".join(t.__name__ for t in types)
        raise AuditError(f"config key '{name}' must be {expected}, not {type(value).__name__}", source)


def _settings(config: Config):
    """(dotted key, field, value) of every key, sections' keys included."""
    for f in fields(config):
        if not f.metadata.get("key", True):
            continue
        value = getattr(config, f.name)
        if is_dataclass(value):
            for g in fields(value):
                yield f"{f.name}.{g.name}", g, getattr(value, g.name)
        else:
            yield f.name, f, value


def _validate(config: Config, source: str) -> None:
    """Every rule a config obeys, checked whole; normalises case and caps ``jobs``."""
    from .languages import known_language

    for key, f, value in _settings(config):  # a Config built directly, not from YAML, is checked too
        _check_type(key, value, f.metadata["types"], source)
        frozen = _freeze(value)
        if frozen is not value:
            _set(config, key, frozen)
    _validate_names(config, source)
    for key, f, value in _settings(config):
        low, high = f.metadata["bounds"] or (None, None)
        if low is not None and not isinstance(value, bool) and not low <= value <= high:
            raise AuditError(f"config key '{key}' must be between {low:g} and {high:,g}, not {value:g}", source)
    object.__setattr__(config, "jobs", cap_jobs(config.jobs))
    # language codes are case-insensitive: SV is sv
    object.__setattr__(config, "languages", tuple(dict.fromkeys(c.lower() for c in config.languages)))
    object.__setattr__(config, "language_overrides",
                       FrozenDict({k: v.lower() if isinstance(v, str) else v for k, v in config.language_overrides.items()}))
    if not config.languages:
        raise AuditError("config key 'languages' must list at least one language", source)
    for code in config.languages:
        if not known_language(code):
            raise AuditError(f"config key 'languages': '{code}' is not an ISO 639-1 code", source)
    for pattern, code in config.language_overrides.items():
        if not isinstance(code, str) or not known_language(code):
            raise AuditError(f"config key 'language_overrides.{pattern}': '{code}' is not an ISO 639-1 code", source)
    for key, f, value in _settings(config):
        if f.metadata["choices"] and value not in f.metadata["choices"]:
            if key == "engine":
                raise AuditError("config key 'engine' must be local or dask", source)
            raise AuditError(f"config key '{key}' must be one of {', '.join(f.metadata['choices'])}", source)
    if config.group.by == "manifest" and not config.group.manifest.strip():
        raise AuditError("group.by manifest needs config key 'group.manifest' (a CSV or YAML file)", source)
    for code, level in config.checks.severity.items():
        if level not in SEVERITIES:
            raise AuditError(f"config key 'checks.severity.{code}' must be one of {', '.join(SEVERITIES)}", source)
    _validate_glossary(config.glossary, source)
    _validate_check_codes(config.checks, source)


def _set(config: Config, dotted: str, value: Any) -> None:
    head, _, tail = dotted.partition(".")
    object.__setattr__(getattr(config, head) if tail else config, tail or head, value)


def _validate_names(config: Config, source: str) -> None:
    """Keys and list items that are names must be non-empty strings (YAML gives ints, lists, null too)."""
    for item in config.languages:
        if not isinstance(item, str):
            raise AuditError(f"config key 'languages': '{item}' is not an ISO 639-1 code", source)
    for key, items in (("checks.select", config.checks.select), ("checks.ignore", config.checks.ignore)):
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise AuditError(f"config key '{key}' must list check codes (strings), not {item!r:.40}", source)
    for key, table in (("language_overrides", config.language_overrides), ("checks.severity", config.checks.severity),
                       ("glossary", config.glossary)):
        for item in table:
            if not isinstance(item, str) or not item.strip():
                raise AuditError(f"config key '{key}' has a key that is not a string: {item!r:.40}", source)
    if not config.reviews.strip():
        raise AuditError("config key 'reviews' must name a file (default reviews.yaml)", source)
    if "\0" in config.reviews or "\0" in config.group.manifest:
        key = "reviews" if "\0" in config.reviews else "group.manifest"
        raise AuditError(f"config key '{key}' holds a NUL character", source)


def _validate_check_codes(checks: ChecksConfig, source: str) -> None:
    """Codes in select, ignore and severity must name checks of the registry (imported only when some are named)."""
    named = [("checks.select", c) for c in checks.select] + [("checks.ignore", c) for c in checks.ignore] \
        + [("checks.severity", c) for c in checks.severity]
    if not named:
        return
    from .checks import REGISTRY

    known = {c.code for c in REGISTRY}
    for key, code in named:
        if code not in known:
            raise AuditError(f"config key '{key}' names an unknown check '{code}' (known: {', '.join(sorted(known))})",
                             source)


def _validate_glossary(glossary: Mapping, source: str) -> None:
    """glossary: ENTITY: {aliases: {LANG: [alias, ...]}, country: ISO code (optional)}."""
    for entity, spec in glossary.items():
        def key(path: str = "") -> str:
            return f"config key 'glossary.{entity}{path}'"

        if not isinstance(spec, Mapping) or not isinstance(spec.get("aliases"), Mapping):
            raise AuditError(f"{key()} must have 'aliases': a mapping of language to a list of names", source)
        for lang, names in spec["aliases"].items():
            if not isinstance(names, tuple) or not all(isinstance(n, str) and n.strip() for n in names):
                raise AuditError(f"{key(f'.aliases.{lang}')} must be a list of names", source)
        country = spec.get("country")
        if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
            raise AuditError(f"{key('.country')} must be a two-letter ISO 3166 code", source)
        unknown = set(spec) - {"aliases", "country"}
        if unknown:
            raise AuditError(f"{key()} has unknown key(s) {', '.join(sorted(unknown))} (known: aliases, country)", source)
