"""Loading the YAML and JSON files users and pull requests hand to the tool.

``config.yaml`` and ``reviews.yaml`` are committed and merged like code, and a
baseline is whatever a branch says it is, so none of them is trusted: each is
read as a regular file with a bounded read, YAML without anchors and aliases
(475 bytes of nested aliases expand to billions of nodes), JSON within a depth
and a number size. Every refusal is an :class:`AuditError` naming the file.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .errors import AuditError

MAX_BYTES = 20 * 1024 * 1024  # a config, reviews file or baseline larger than this is not one
MAX_DEPTH = 32  # nesting of mappings and lists
MAX_DIGITS = 30  # digits of one number


def read_text(path: str | Path, what: str, limit: int = MAX_BYTES) -> str:
    """The text of the regular file at ``path`` (UTF-8, a BOM allowed)."""
    from .ingest.files import display, read_regular

    data = read_regular(path, limit, f" for a {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AuditError(f"{what} is not valid UTF-8 (undecodable byte at offset {exc.start})", display(path)) from None


def _no_alias_loader():
    import yaml

    # the pure-Python loader: the C one composes nodes in C, past this check
    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise yaml.composer.ComposerError(None, None, "anchors and aliases (& and *) are not allowed",
                                                  event.start_mark)
            return super().compose_node(parent, index)

    return NoAliasLoader


def load_yaml_text(text: str, where: str, what: str) -> Any:
    """YAML without anchors or aliases, within the nesting and number limits."""
    import yaml

    try:
        data = yaml.load(text, Loader=_no_alias_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AuditError(f"{what} is not valid YAML{at}: {exc.problem}", where) from None
    except yaml.YAMLError as exc:
        raise AuditError(f"{what} is not valid YAML: {str(exc).splitlines()[0]}", where) from None
    except RecursionError:
        raise AuditError(f"{what} is nested too deeply to be one", where) from None
    _bounded(data, where, what, finite=False)  # config validation names the key of a non-finite value
    return data


def load_yaml(path: str | Path, what: str) -> Any:
    from .ingest.files import display

    return load_yaml_text(read_text(path, what), display(path), what)


def load_json(path: str | Path, what: str) -> Any:
    """JSON within the nesting and number limits; NaN and Infinity refused."""
    from .ingest.files import display

    where = display(path)
    text = read_text(path, what)

    def number(s: str):
        if len(s.lstrip("-").replace(".", "").split("e")[0].split("E")[0]) > MAX_DIGITS:
            raise ValueError(f"a number of {len(s)} characters")
        return int(s) if s.lstrip("-").isdigit() else float(s)

    def constant(s: str):
        raise ValueError(f"{s} is not a JSON number")

    try:
        data = json.loads(text, parse_int=number, parse_float=number, parse_constant=constant)
    except RecursionError:
        raise AuditError(f"{what} is nested too deeply to be one", where) from None
    except json.JSONDecodeError as exc:
        raise AuditError(f"{what} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                         where) from None
    except ValueError as exc:
        raise AuditError(f"{what} is not valid JSON: {exc}", where) from None
    _bounded(data, where, what)
    return data


def _bounded(data: Any, where: str, what: str, finite: bool = True) -> None:
    """Depth and number limits over an already parsed value (iteratively: no recursion to exhaust)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            items = list(value.keys()) + list(value.values())
        elif isinstance(value, list):
            items = value
        else:
            if finite and isinstance(value, float) and not math.isfinite(value):
                raise AuditError(f"{what} holds a number that is not finite ({value})", where)
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** MAX_DIGITS:
                raise AuditError(f"{what} holds a number of more than {MAX_DIGITS} digits", where)
            continue
        if depth > MAX_DEPTH:
            raise AuditError(f"{what} is nested more than {MAX_DEPTH} levels deep", where)
        stack.extend((v, depth + 1) for v in items)
