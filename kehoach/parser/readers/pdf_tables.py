"""Ruled tables in text PDFs (plans carry target tables), read cell by cell with pdfplumber.

pypdfium2's text rectangles, merged into lines, cut a wrapped cell into pieces and glue a
row's last cell to the next row's number ("Đơn vị thực hiện 1"). pdfplumber finds the
table from its rules and gives rows of cells. It is ~60x slower than pypdfium2, so it only
opens pages whose vector paths could draw a grid; those pages' lines inside a table are
replaced by one block per cell (kind "cell", with table, row, col), like the docx reader's.
A borderless table (the two-column header) has no rules and stays with the line reader.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

from kehoach.parser.readers.base import RawBlock

MIN_PATHS = 4  # a grid of 2x2 cells needs at least 4 path objects (lines or rectangles)
MAX_PAGES = 100  # pdfplumber takes ~50 ms a page: past this many ruled pages the rest keep the line reader


@dataclass
class RuledTable:
    page: int  # 1-based
    bbox: tuple[float, float, float, float]  # l, b, r, t in PDF points from the bottom (pypdfium2's frame)
    rows: list[list[str]]


def page_objects(page, max_depth: int = 2):
    """(type, handle) of a pypdfium2 page's objects, its forms' down to `max_depth` levels, in the
    order and with the errors of `page.get_objects(max_depth=...)`, without a proxy per object."""
    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    get_type, form = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_FORM

    def walk(parent, count, get, level):
        n = count(parent)
        if n < 0:
            raise PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise PdfiumError("Failed to get pageobject.")
            kind = get_type(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:  # PdfObject's check
                raise PdfiumError("Failed to determine pageobject type, did you pass in a valid FPDF_PAGEOBJECT handle?")
            yield kind, obj
            if kind == form and level < max_depth - 1:
                yield from walk(obj, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, level + 1)

    return walk(page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, 0)


def has_grid(page) -> bool:
    """A pypdfium2 page with enough vector paths to hold a ruled table (cheap)."""
    import pypdfium2.raw as pdfium_c

    n = 0
    for kind, _ in page_objects(page):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            n += 1
            if n >= MIN_PATHS:
                return True
    return False


def _grid_pages(data: bytes) -> list[int]:
    """0-based pages with enough vector paths to hold a ruled table."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for k in range(len(pdf)):
            page = pdf[k]
            if has_grid(page):
                out.append(k)
            page.close()
        return out
    finally:
        pdf.close()


def ruled_tables(data: bytes, grid_pages: list[int] | None = None) -> list[RuledTable]:
    """Tables of 2+ rows and 2+ columns drawn with rules, cells whitespace-normalized.
    `grid_pages`: the pages `has_grid` found, when the caller had them loaded already."""
    pages = (_grid_pages(data) if grid_pages is None else grid_pages)[:MAX_PAGES]
    if not pages:
        return []
    import pdfplumber

    out: list[RuledTable] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for k in pages:
            page = pdf.pages[k]
            h = float(page.height)
            for t in page.find_tables():
                rows = [[" ".join((c or "").split()) for c in row] for row in t.extract()]
                rows = [r for r in rows if any(r)]
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                x0, top, x1, bottom = t.bbox
                out.append(RuledTable(k + 1, (float(x0), h - float(bottom), float(x1), h - float(top)), rows))
    return out


def _inside(line, t: RuledTable) -> bool:
    l, b, r, top = t.bbox
    x, y = (line.l + line.r) / 2, (line.b + line.t) / 2
    return line.page == t.page and l <= x <= r and b <= y <= top


def blocks_with_tables(data: bytes, lines: list, paragraphs: Callable[[list], list[RawBlock]],
                       grid_pages: list[int] | None = None) -> list[RawBlock]:
    """The reader's blocks: `paragraphs(lines)` for running text, one block per cell for the lines
    of a ruled table, at the place of the table's first line."""
    try:
        tables = ruled_tables(data, grid_pages)
    except Exception:  # noqa: BLE001 - pdfminer rejects some PDFs pdfium reads: keep the line reader's text
        tables = []
    if not tables:
        return paragraphs(lines)
    blocks: list[RawBlock] = []
    run: list = []
    placed: set[int] = set()
    for ln in lines:
        ti = next((i for i, t in enumerate(tables) if _inside(ln, t)), None)
        if ti is None:
            run.append(ln)
            continue
        if ti in placed:
            continue
        placed.add(ti)
        if run:
            blocks.extend(paragraphs(run))
            run = []
        t = tables[ti]
        blocks.extend(RawBlock(text=cell, kind="cell", page=t.page, table=ti, row=r, col=c)
                      for r, row in enumerate(t.rows) for c, cell in enumerate(row) if cell)
    if run:
        blocks.extend(paragraphs(run))
    return blocks
