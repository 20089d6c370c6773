"""The workbook's writer: a ``_Book`` over XlsxWriter, and Excel's limits.

Every string cell is written as text, never as a formula or a link; a cell's text
is cut at Excel's 32,767 characters (UTF-16 code units) with a note saying so;
past Excel's limit on hyperlinks per sheet a link is written as text. The fills
and limits here are shared by the sheets (``xlsx``, ``xlsx_findings``).
"""
from __future__ import annotations

import io
from collections import defaultdict

_SEVERITY_FILL = {"error": "#F8CBAD", "warning": "#FFE699", "note": "#BDD7EE"}
_LOW_FILL = "#FFF2CC"
_DISMISSED_FILL = "#E7E6E6"
_CELL_MAX = 32767  # characters (UTF-16 code units) in one cell
_ROWS_MAX = 1_048_576
_LINKS_MAX = 65_530  # hyperlinks in one sheet
_CUT = " … [cut at Excel's cell limit: the whole text is in audit.json]"

# a cell's rich text: (text, font) runs, font None (plain), "evidence" or "head"
_FONTS = {"evidence": {"bold": True, "font_color": "#C00000"}, "head": {"italic": True}}


class _Book:
    def __init__(self):
        import xlsxwriter

        self.buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buf, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False})
        self._formats: dict = {}
        self._fonts = {name: self.wb.add_format(props) for name, props in _FONTS.items()}
        self.links: dict = defaultdict(int)  # sheet name -> hyperlinks written

    def fmt(self, rtl: bool = False, **props):
        """The cell format: wrapped, top-aligned, right-to-left for RTL text, plus ``props``."""
        if not props:
            key = rtl  # the common case, looked up without building a key
        else:
            key = (rtl, tuple(sorted(props.items())))
        got = self._formats.get(key)
        if got is None:
            base = {"text_wrap": True, "valign": "top"}
            if rtl:
                base.update(align="right", reading_order=2)
            got = self._formats[key] = self.wb.add_format({**base, **props})
        return got

    def put(self, ws, row: int, col: int, value, rtl: bool = False, **props) -> None:
        """Write ``value`` at the 1-based ``row`` and ``col``: text as text, numbers as
        numbers, a list of (text, font) runs as rich text."""
        fmt = self.fmt(rtl, **props)
        r, c = row - 1, col - 1
        if value is None:
            if props:
                ws.write_blank(r, c, None, fmt)
        elif isinstance(value, str):
            ws.write_string(r, c, _clip(value), fmt)
        elif isinstance(value, bool):
            ws.write_boolean(r, c, value, fmt)
        elif isinstance(value, (int, float)):
            ws.write_number(r, c, value, fmt)
        elif isinstance(value, list):
            runs = [(t, font) for t, font in _clip_runs(value) if t]
            if len(runs) == 1 and runs[0][1] is None:
                ws.write_string(r, c, runs[0][0], fmt)
            elif len(runs) == 1:
                ws.write_string(r, c, runs[0][0], self.fmt(rtl, **props, **_FONTS[runs[0][1]]))
            elif runs:
                args = []
                for text, font in runs:
                    if font is not None:
                        args.append(self._fonts[font])
                    args.append(text)
                ws.write_rich_string(r, c, *args, fmt)
        else:
            ws.write_string(r, c, _clip(str(value)), fmt)

    def link(self, ws, row: int, col: int, target_row: int, sheet: str) -> None:
        """A link to ``target_row`` of ``sheet`` in this workbook (past Excel's limit on
        links per sheet, the row number as text)."""
        if self.links[ws.name] >= _LINKS_MAX:
            self.put(ws, row, col, f"{sheet} row {target_row}")
            return
        self.links[ws.name] += 1
        ws.write_url(row - 1, col - 1, f"internal:'{sheet}'!A{target_row}",
                     self.fmt(font_color="#0563C1", underline=1), string="show link")

    def url(self, ws, row: int, col: int, target: str, label: str) -> None:
        """A link to ``target`` (a file beside the workbook, with its #fragment)."""
        if self.links[ws.name] >= _LINKS_MAX:
            self.put(ws, row, col, target)
            return
        self.links[ws.name] += 1
        ws.write_url(row - 1, col - 1, "external:" + target, self.fmt(font_color="#0563C1", underline=1), string=label)

    def sheet(self, title: str, header: list[str], widths: list[float]):
        ws = self.wb.add_worksheet(title)
        for c, h in enumerate(header, start=1):
            self.put(ws, 1, c, h, bold=True)
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.freeze_panes(1, 0)
        return ws

    def finish(self, ws, rows: int, cols: int) -> None:
        if rows > 1:
            ws.autofilter(0, 0, rows - 1, cols - 1)

    def close(self) -> bytes:
        self.wb.close()
        return self.buf.getvalue()


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts it."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _clip(text: str) -> str:
    if len(text) <= _CELL_MAX // 2 or _units(text) <= _CELL_MAX:
        return text
    return _clip_runs([(text, None)])[0][0]


def _clip_runs(runs: list) -> list:
    """The runs cut to fit one cell, with a note where they were cut."""
    if sum(len(t) for t, _ in runs) <= _CELL_MAX // 2 or sum(_units(t) for t, _ in runs) <= _CELL_MAX:
        return runs
    room = _CELL_MAX - _units(_CUT)
    out = []
    for text, font in runs:
        if _units(text) > room:
            keep = []
            for ch in text:
                room -= 2 if ord(ch) > 0xFFFF else 1
                if room < 0:
                    break
                keep.append(ch)
            out.append(("".join(keep) + _CUT, font))
            break
        room -= _units(text)
        out.append((text, font))
    return out
