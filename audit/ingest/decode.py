"""Bytes to text: encoding detection with errors that say where and what."""
from __future__ import annotations

import codecs
import re
from collections import Counter

from ..errors import AuditError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Unicode's control characters (category Cc: C0, DEL and C1, fixed since Unicode 1.1) but
# tab, line feed, vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BINARY_SIGNATURES = (
    (b"\x89PNG", "a PNG image"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (docx/xlsx?)"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x7fELF", "an executable"),
)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). Raises AuditError when it is not text."""
    if not data:
        raise AuditError("empty file: nothing to audit", path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name, path, offset=len(bom)), name + "-bom"
    for sig, what in _BINARY_SIGNATURES:
        if data.startswith(sig):
            raise AuditError(f"binary file ({what}), not text", path)
    if b"\x00" in data:
        name = _utf16_without_bom(data)
        if name is None:
            first = data.index(b"\x00")
            raise AuditError(f"binary file: NUL byte at offset {first}, not text", path)
        return _strict(data, name, path), name
    return _strict(data, "utf-8", path), "utf-8"


def _strict(data: bytes, encoding: str, path: str, offset: int = 0) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        at = exc.start + offset
        hint = " (the file looks like Latin-1 or Windows-1252: save it as UTF-8)" if encoding == "utf-8" and _looks_8bit(data) else ""
        raise AuditError(f"not valid {encoding.upper()}: undecodable byte 0x{data[exc.start]:02x} at offset {at}{hint}", path) from None
    bad = len(_CONTROL.findall(text, 0, 100000))
    if bad > max(3, min(len(text), 100000) // 200):
        raise AuditError(f"binary file: {bad} control characters in the first 100,000, not text", path)
    return text


def _looks_8bit(data: bytes) -> bool:
    high = sum(1 for b in data if b >= 0x80)
    return 0 < high < len(data) // 4


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the high byte of each code unit takes a few values (one script's
    block, and 0 for spaces and digits), and the decoded text has spaces and line breaks."""
    if len(data) % 2 or len(data) < 8:
        return None
    for name, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if sum(c for _, c in Counter(high).most_common(3)) < 0.95 * len(high):
            continue
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if sum(1 for ch in text if ch in " \n\t\u3000") * 60 >= len(text):
            return name
    return None
