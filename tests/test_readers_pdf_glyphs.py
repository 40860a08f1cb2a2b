"""PDFs whose text objects hold one glyph each (letter-spaced or overlapping): pdfium's text
rectangles split words ("T Ờ T R Ì N H") and give the glyphs at overlapping edges twice ("Hồ /
Hồ Chí"), as real signed e-office PDFs do. The reader then takes pdfium's own character stream,
which has the words right. The PDF is built here, glyph by glyph, with pdfium itself."""
from __future__ import annotations

import ctypes
import glob

import pypdfium2 as pdfium
import pypdfium2.raw as c

from kehoach.parser import parse

SIZE = 11.0


def _font_path() -> str:
    found = sorted(glob.glob("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
                   or glob.glob("/usr/share/fonts/**/DejaVuSans.ttf", recursive=True))
    assert found, "DejaVuSans.ttf missing: scripts/setup.sh installs fonts-dejavu"
    return found[0]


def _make(path, lines) -> None:
    """lines: (y, x, text, step): step None writes the line as one text object; a number writes
    each glyph as its own object, `step` points of air (or overlap, when negative) inside words."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    data = open(_font_path(), "rb").read()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(pdf.raw, buf, len(data), c.FPDF_FONT_TRUETYPE, True)

    def obj(s: str):
        o = c.FPDFPageObj_CreateTextObj(pdf.raw, font, SIZE)
        ws = (s + "\x00").encode("utf-16-le")
        c.FPDFText_SetText(o, ctypes.cast(ctypes.c_char_p(ws), ctypes.POINTER(c.FPDF_WCHAR)))
        return o

    def width(ch: str) -> float:
        if ch == " ":
            return SIZE * 0.32
        o = obj(ch)
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        c.FPDFPageObj_GetBounds(o, ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))
        c.FPDFPageObj_Destroy(o)
        return r.value - l.value

    def put(x: float, y: float, s: str) -> None:
        o = obj(s)
        c.FPDFPageObj_Transform(o, 1, 0, 0, 1, x, y)
        c.FPDFPage_InsertObject(page.raw, o)

    for y, x, text, step in lines:
        if step is None:
            put(x, y, text)
            continue
        for i, ch in enumerate(text):
            put(x, y, ch)
            inside = ch != " " and text[i + 1:i + 2] not in (" ", "")
            x += width(ch) + (step if inside or step > 0 else 0)
    c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    pdf.close()


def test_glyph_by_glyph_pdf_reads_as_words(tmp_path):
    path = tmp_path / "to-trinh.pdf"
    _make(path, [
        (790, 60, "CÔNG ĐOÀN TRƯỜNG THCS AN BÌNH", None),
        (770, 60, "Số: 09/TTr-CĐ", None),
        (740, 230, "TỜ TRÌNH", 0.4),
        (720, 120, "Về việc hỗ trợ đoàn viên đi tham quan", 0.4),
        (690, 60, "Thành phố Hồ Chí Minh, ngày 17 tháng 11 năm 2025", -0.3),
        (670, 60, "Căn cứ Kế hoạch số 12/KH-CĐ ngày 05/9/2025 của Công đoàn trường.", None),
    ])
    pdf = pdfium.PdfDocument(str(path))
    tp = pdf[0].get_textpage()
    assert tp.count_rects() > 40  # the layout this test is about: a rectangle per glyph
    pdf.close()
    d = parse(path, checks=False)
    lines = d.text.splitlines()
    assert "TỜ TRÌNH" in lines and "Về việc hỗ trợ đoàn viên đi tham quan" in lines
    assert d.doc_type == "Tờ trình" and d.title == "TỜ TRÌNH Về việc hỗ trợ đoàn viên đi tham quan"
    assert d.header.date == "2025-11-17" and d.header.number == "09/TTr-CĐ"
    # no glyph twice: each word of the date line once
    assert sum(ln.count("Minh") for ln in lines) == 1 and sum(ln.count("2025") for ln in lines) == 2
    assert [r.symbol for r in d.legal_refs] == ["12/KH-CĐ"]


def test_number_and_date_stamped_over_the_blanks(tmp_path):
    """A signed e-office PDF leaves 'Số:   /KH-CĐ' and 'ngày   tháng   năm 2025' blank in the page
    and draws the number and the day/month in annotations over the blanks: they are read in place."""
    path = tmp_path / "signed.pdf"
    _make(path, [
        (790, 40, "CÔNG ĐOÀN TRƯỜNG THCS AN BÌNH", None),
        (790, 330, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),
        (776, 360, "Độc lập - Tự do - Hạnh phúc", None),
        (760, 60, "Số:", None),
        (760, 110, "/KH-CĐ", None),
        (760, 300, "An Bình, ngày", None),
        (760, 390, "tháng", None),
        (760, 440, "năm 2025", None),
        (740, 250, "KẾ HOẠCH", None),
        (725, 180, "Hoạt động công đoàn tháng 12 năm 2025", None),
        (700, 60, "I. MỤC ĐÍCH", None),
    ])
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    data = open(_font_path(), "rb").read()
    buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = c.FPDFText_LoadFont(pdf.raw, buf, len(data), c.FPDF_FONT_TRUETYPE, True)
    for x, s in ((84, "138"), (370, "02"), (422, "12")):
        annot = c.FPDFPage_CreateAnnot(page.raw, c.FPDF_ANNOT_STAMP)
        rect = c.FS_RECTF(x - 1, 757, x + 16, 772)
        c.FPDFAnnot_SetRect(annot, ctypes.byref(rect))
        o = c.FPDFPageObj_CreateTextObj(pdf.raw, font, SIZE)
        ws = (s + "\x00").encode("utf-16-le")
        c.FPDFText_SetText(o, ctypes.cast(ctypes.c_char_p(ws), ctypes.POINTER(c.FPDF_WCHAR)))
        c.FPDFPageObj_Transform(o, 1, 0, 0, 1, x, 760)
        assert c.FPDFAnnot_AppendObject(annot, o)
        c.FPDFPage_CloseAnnot(annot)
    c.FPDFPage_GenerateContent(page.raw)
    stamped = tmp_path / "stamped.pdf"
    pdf.save(str(stamped))
    pdf.close()
    blank = parse(path, checks=False)
    assert blank.header.number is None and blank.header.date is None
    d = parse(stamped, checks=False)
    assert d.header.number.replace(" ", "") == "138/KH-CĐ"
    assert d.header.date == "2025-12-02" and d.header.place == "An Bình"
    assert "Số: 138 /KH-CĐ" in d.text.splitlines()
