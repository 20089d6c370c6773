"""Text to paragraphs, keeping each paragraph's 1-based line in the file.

Two layouts occur: one paragraph per line (scraped articles), and wrapped
text where blank lines separate paragraphs. ``detect_style`` tells them apart
by how lines end; ``config.paragraphs`` can force either.
"""
from __future__ import annotations

import re
import statistics
from html.parser import HTMLParser

from ..model import Paragraph
from ..punctuation import PARAGRAPH_TERMINALS

_TERMINAL = tuple(PARAGRAPH_TERMINALS)
_WS = re.compile(r"\s+")


def split_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, line) for every line, line endings unified."""
    return list(enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1))


def detect_style(lines: list[tuple[int, str]]) -> str:
    nonblank = [s.strip() for _, s in lines if s.strip()]
    if len(nonblank) < 2 or not any(not s.strip() for _, s in lines):
        return "lines"
    blocks = _blocks(lines)
    if len(blocks) < 2:
        return "lines"  # no blank line between paragraphs: nothing says the lines are wrapped
    inner = [ln for block in blocks if len(block) > 1 for _, ln in block[:-1]]
    if not inner:
        return "lines"
    unterminated = sum(1 for ln in inner if not ln.rstrip().endswith(_TERMINAL))
    median_len = statistics.median(len(s) for s in nonblank)
    return "blocks" if median_len <= 100 and unterminated >= 0.6 * len(inner) else "lines"


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    blocks, cur = [], []
    for no, line in lines:
        if line.strip():
            cur.append((no, line))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _join(parts: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join wrapped lines; CJK lines join without a space. Returns text and line-break offsets."""
    text, breaks = "", []
    for part in parts:
        part = part.strip()
        if text:
            sep = "" if _cjk(text[-1]) and _cjk(part[:1]) else " "
            text += sep
            breaks.append(len(text))
        text += part
    return text, tuple(breaks)


def _cjk(ch: str) -> bool:
    return bool(ch) and ("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")


def paragraphs_from_text(text: str, style: str = "auto", markdown: bool = False) -> tuple[list[Paragraph], str]:
    lines = split_lines(text)
    if markdown:
        lines = [(no, _strip_markdown(s)) for no, s in lines]
    if style == "auto":
        style = detect_style(lines)
    out: list[Paragraph] = []
    if style == "lines":
        for no, line in lines:
            stripped = line.strip()
            if stripped:
                out.append(Paragraph(len(out), no, no, stripped))
    else:
        for block in _blocks(lines):
            joined, breaks = _join([s for _, s in block])
            out.append(Paragraph(len(out), block[0][0], block[-1][0], joined, breaks))
    return out, style


_MD_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
# link text and target stop at the next bracket, so a line of 150,000 '[' is one pass, not 150,000;
# a target may hold one level of parentheses (…/Hanoi_(city))
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\[\]]|\([^()\[\]]*\))*\)")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s*```.*$")


def _strip_markdown(line: str) -> str:
    if _MD_RULE.match(line):
        return ""
    line = _MD_BLOCK.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    return line.replace("**", "").replace("__", "")


_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th",
    "article", "section", "header", "footer", "tr", "dd", "dt", "figcaption", "pre", "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}
# skipped elements that HTML5 lets a page leave open: the body's first block ends them
_IMPLIED_END = {"head", "svg"}


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, int, str]] = []
        self._buf: list[str] = []
        self._has_text = False  # whether _buf holds more than white space (kept, not recomputed per chunk)
        self._start_line = 1
        self._skipping: list[str] = []  # open elements whose text is not article text

    def _flush(self) -> None:
        if self._has_text:
            text = _WS.sub(" ", "".join(self._buf)).strip()
            if text:
                self.blocks.append((self._start_line, self.getpos()[0], text))
        self._buf = []
        self._has_text = False

    def _end_implied(self) -> None:
        while self._skipping and self._skipping[-1] in _IMPLIED_END:
            self._skipping.pop()

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            if tag == "head" and "head" in self._skipping:
                return
            self._skipping.append(tag)
        elif tag == "body" or (tag in _BLOCK_TAGS and tag != "title"):
            self._end_implied()
            self._flush()
        elif tag == "br":
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag not in _SKIP_TAGS:  # <svg/>, <head/>: nothing inside to skip
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            if tag in self._skipping:  # close it and whatever was left open inside it
                while self._skipping and self._skipping.pop() != tag:
                    pass
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if self._skipping:
            return
        if not self._has_text:
            if not data.strip():
                self._buf.append(data)
                return
            self._start_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._has_text = True
        self._buf.append(data)

    def close(self):
        super().close()
        self._flush()


def paragraphs_from_html(text: str) -> list[Paragraph]:
    # no tag can start after the last '>': its '<'s are text. HTMLParser would otherwise rescan
    # from each of them to the end ('<a ' x 30,000 took 90 s); escaped, they keep their lines
    last = text.rfind(">")
    if "<" in text[last + 1:]:
        text = text[: last + 1] + text[last + 1:].replace("<", "&lt;")
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    return [Paragraph(i, start, max(start, end), t) for i, (start, end, t) in enumerate(parser.blocks)]
