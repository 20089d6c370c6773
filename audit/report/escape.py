"""Text from the inputs (file names, paragraphs) made safe for where it is printed.

A file name may hold a line break followed by ``::error ...``: printed raw, the
GitHub runner would take it for a workflow command of its own. A terminal must
not receive raw control characters either (escape sequences rewrite the screen).
"""
from __future__ import annotations

import unicodedata

# line and paragraph separators and bidirectional controls: not Cc, but they move text around
_INVISIBLE = {"\u0085", "\u2028", "\u2029", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)),
              *map(chr, range(0x2066, 0x206A))}


def _visible(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(ch: str) -> bool:
    return ch in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs")


def terminal(text: str) -> str:
    """``text`` with every control character (tab and line breaks included) shown as ``\\xNN``."""
    text = str(text)
    if not any(_unsafe(ch) for ch in text):
        return text
    return "".join(_visible(ch) if _unsafe(ch) else ch for ch in text)


def line_start(text: str) -> str:
    """A printed line that begins with input text: never read as a workflow command
    (``::`` or the older ``##[``), which the runner recognises only at the start of a line."""
    return "./" + text if text.startswith((":", "#")) else text


def github_data(text: str) -> str:
    """The message of a workflow command: ``%``, CR and LF encoded, other controls made visible."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(text)


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``): also ``:`` and ``,``."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
