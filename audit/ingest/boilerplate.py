"""Set aside the site furniture that trails an article ("Source", "Comment (0)")."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..model import Paragraph
from ..punctuation import SENTENCE_TERMINALS

_COUNT = re.compile(r"^(?P<word>.+?)\s*[(\[]\s*\d+\s*[)\]]$")
_ATTRIBUTION = re.compile(r"^(?P<word>[^:：]{1,30})\s*[:：]\s*(?P<rest>.{0,60})$")
_TERMINAL = tuple(SENTENCE_TERMINALS)
_MARKER_CHARS = 120  # a marker line is a word or two and a count or short attribution; longer lines are text


@lru_cache(maxsize=1)
def markers() -> frozenset[str]:
    import yaml

    data = yaml.safe_load(resources.files("audit").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    return frozenset(m.casefold() for words in data["markers"].values() for m in words)


def is_marker(text: str) -> bool:
    t = text.strip().casefold()
    if len(t) > _MARKER_CHARS:  # also keeps the patterns below off long lines (_COUNT backtracks on spaces)
        return False
    if t in markers():
        return True
    m = _COUNT.match(t)
    if m and m.group("word").strip() in markers():
        return True
    m = _ATTRIBUTION.match(t)
    return bool(m and m.group("word").strip() in markers() and len(m.group("rest").split()) <= 6)


def _short_and_factless(text: str, max_words: int) -> bool:
    t = text.strip()
    if len(t.split()) > max_words or len(t) > 40 or t.endswith(_TERMINAL):
        return False
    return not any(ch.isdigit() for ch in _COUNT.sub(r"\g<word>", t))


def split_boilerplate(paragraphs: list[Paragraph], max_words: int = 3) -> tuple[list[Paragraph], list[Paragraph]]:
    """(content, boilerplate): trailing furniture, from the topmost marker down.

    The trailing run of markers and short, factless lines is furniture only
    from its topmost marker on: a short line above every marker, or a run with
    no marker at all, is as likely the article's last heading.
    """
    start = len(paragraphs)
    topmost_marker = None
    while start > 0:
        text = paragraphs[start - 1].text
        if is_marker(text):
            topmost_marker = start - 1
        elif not _short_and_factless(text, max_words):
            break
        start -= 1
    cut = len(paragraphs) if topmost_marker is None else topmost_marker
    return paragraphs[:cut], paragraphs[cut:]
