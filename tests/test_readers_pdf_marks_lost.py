"""A scan whose text layer was made by an OCR pass without Vietnamese (every mark lost: "KE HOACH
HOAT DONG CONG DOAN"), as real archives hold: the reader OCRs its pages with Tesseract (vie) instead
of reading that layer. Built here from two pages of the scanned fixture plus an invisible text layer
of the same lines with their marks stripped."""
from __future__ import annotations

import ctypes
import re
import shutil
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as c
import pytest

from conftest import FIXTURES
from kehoach.parser import parse
from test_readers_pdf_glyphs import _font_path

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")]


def _strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _with_markless_layer(path, pages: int = 2) -> None:
    text_pdf = pdfium.PdfDocument((FIXTURES / "th-le-quy-don-2024.pdf").read_bytes())
    lines = []
    for k in range(pages):
        tp = text_pdf[k].get_textpage()
        lines.append([_strip_marks(ln) for ln in tp.get_text_range().splitlines() if ln.strip()])
    text_pdf.close()
    scan = pdfium.PdfDocument((FIXTURES / "th-le-quy-don-2024_scan.pdf").read_bytes())
    out = pdfium.PdfDocument.new()
    out.import_pages(scan, list(range(pages)))
    data = open(_font_path(), "rb").read()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(out.raw, buf, len(data), c.FPDF_FONT_TRUETYPE, True)
    for k in range(pages):
        page = out[k]
        w, h = page.get_size()
        for i, ln in enumerate(lines[k]):
            o = c.FPDFPageObj_CreateTextObj(out.raw, font, 10.0)
            ws = (ln + "\x00").encode("utf-16-le")
            c.FPDFText_SetText(o, ctypes.cast(ctypes.c_char_p(ws), ctypes.POINTER(c.FPDF_WCHAR)))
            c.FPDFTextObj_SetTextRenderMode(o, c.FPDF_TEXTRENDERMODE_INVISIBLE)
            c.FPDFPageObj_Transform(o, 1, 0, 0, 1, 60, h - 60 - 14 * i)
            c.FPDFPage_InsertObject(page.raw, o)
        c.FPDFPage_GenerateContent(page.raw)
    out.save(str(path))
    out.close()
    scan.close()


def test_a_text_layer_without_marks_is_ocred(tmp_path):
    path = tmp_path / "markless.pdf"
    _with_markless_layer(path)
    layer = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert "CHUONG TRINH" in layer.upper() and "CHƯƠNG" not in layer  # the layer the file carries
    doc = parse(path, checks=False)
    assert doc.source.ocr is True and len(doc.source.ocr_confidence) == 2
    assert any("lost the Vietnamese marks" in w for w in doc.source.warnings), doc.source.warnings
    words = re.findall(r"[^\W\d_]+", doc.text)
    assert sum(not w.isascii() for w in words) > 0.6 * len(words)  # the scan's own words, marks and all
    assert doc.doc_type == "Chương trình" and "HOẠT ĐỘNG" in (doc.title or "").upper()
    assert "CHƯƠNG TRÌNH 1" in doc.text and any(r.symbol == "02-NQ/TW" for r in doc.legal_refs)
