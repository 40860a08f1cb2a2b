"""PDF reader: pypdfium2 text rectangles (fast, ~1.5 ms/page), rebuilt into paragraphs.

pdfium gives one rectangle per run of text on a visual line, in content-stream order
(which keeps table cells - the two-column header - apart). We merge rectangles into lines
and wrapped lines back into paragraphs using geometry: a line continues the paragraph
above when the vertical gap is a normal line gap, it starts at the paragraph's left edge
(no first-line indent), and the line above ran to the right margin. Page numbers in the
margins and running headers repeated on most pages are dropped. pypdfium2 returns NFD
text; the assembler turns it into NFC. A PDF with no text layer goes to OCR
(`readers.ocr.ocr_pdf`). A text layer that is not meant to be Vietnamese (`text.language`) is read
as is with a warning; one whose fonts map Vietnamese wrongly is repaired, and only the pages
repair cannot save are OCRed, at most `ocr.PAGE_BUDGET` of them. A sound text layer is never OCRed.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from kehoach.parser.errors import CorruptFile, EncryptedFile, NoText
from kehoach.parser.readers import pdf_tables
from kehoach.parser.readers.base import RawBlock, RawDocument, register

MAX_PAGES = 2000


@dataclass
class Line:
    text: str
    l: float
    b: float
    r: float
    t: float
    page: int

    @property
    def h(self) -> float:
        return max(self.t - self.b, 1.0)


def _bounded_reader(textpage):
    """textpage.get_text_bounded(l, b, r, t) in one pdfium call: pypdfium2 makes two (one for the
    length), each a scan of every char on the page, for each of a page's ~40 rectangles."""
    import codecs
    import ctypes

    import pypdfium2.raw as pdfium_c

    size = 3 * textpage.count_chars() + 16  # a rectangle's text, with the line breaks pdfium adds
    buf = (ctypes.c_ushort * size)()

    def bounded(l: float, b: float, r: float, t: float) -> str:
        n = pdfium_c.FPDFText_GetBoundedText(textpage.raw, l, t, r, b, buf, size)
        if n >= size:  # the buffer may have cut it: ask pypdfium2
            return textpage.get_text_bounded(l, b, r, t)
        if n > 0 and buf[n - 1] == 0:
            n -= 1  # the NUL pdfium writes after the text (its text holds none)
        return codecs.decode(memoryview(buf)[:n], "utf-16-le", errors="ignore") if n > 0 else ""

    return bounded


def _boxes(textpage, fn: str, order: str, error: str):
    """A reader of pdfium's boxes as (l, b, r, t) that reuses four ctypes doubles instead of making
    four new ones a call (pypdfium2's get_rect/get_charbox); `order` is the C function's own order."""
    import ctypes

    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    raw, get = textpage.raw, getattr(pdfium_c, fn)
    l, b, r, t = (ctypes.c_double() for _ in range(4))
    a1, a2, a3, a4 = {"ltrb": (l, t, r, b), "lrbt": (l, r, b, t)}[order]

    def box(i: int) -> tuple[float, float, float, float]:
        if not get(raw, i, a1, a2, a3, a4):
            raise PdfiumError(error)
        return l.value, b.value, r.value, t.value

    return box


def _rect_box(textpage):
    """textpage.get_rect(i) (l, b, r, t)."""
    return _boxes(textpage, "FPDFText_GetRect", "ltrb",
                  "Failed to get rectangle. (Make sure count_rects() was called with default params once "
                  "before subsequent get_rect() calls.)")


def _char_box(textpage):
    """textpage.get_charbox(i) (l, b, r, t)."""
    return _boxes(textpage, "FPDFText_GetCharBox", "lrbt", "Failed to get charbox.")


def _rect_runs(textpage):
    """pdfium's text rectangles and the text inside each (the fast path)."""
    bounded = _bounded_reader(textpage)
    rect = _rect_box(textpage)
    for i in range(textpage.count_rects()):
        l, b, r, t = rect(i)
        yield l, b, r, t, bounded(l, b, r, t)


def _char_runs(textpage, stream: str):
    """Runs of pdfium's own character stream (its spaces and line ends), cut where a visual line
    ends or a wide gap parts two columns; the box of a run from its first and last characters.
    For pages whose rectangles split words or overlap (letter-spaced or overdrawn glyphs: "T Ờ T R
    Ì N H", "Hồ / Hồ Chí"): the stream has the text right, a rectangle's bounded text does not."""
    import pypdfium2.raw as pdfium_c

    box = _char_box(textpage)
    generated = lambda i: pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1  # noqa: E731
    n = len(stream)
    start = 0
    while start < n:
        end = start
        while end < n and stream[end] not in "\r\n":
            end += 1
        # inside one stream line: a space between two far-apart characters parts two columns
        cuts = [start]
        for k in range(start + 1, end - 1):
            if stream[k] == " " and stream[k - 1] != " " and stream[k + 1] != " ":
                l1, b1, r1, t1 = box(k - 1)
                l2, b2, r2, t2 = box(k + 1)
                if l2 - r1 >= 2.5 * max(t1 - b1, 1.0):
                    cuts.append(k + 1)
        cuts.append(end)
        for a, z in zip(cuts, cuts[1:]):
            text = stream[a:z]
            if text.strip():
                # the box from the outermost characters, spaces typed in the page included ("Số:
                # ____ /KH-CĐ" keeps its blank together), spaces pdfium made up left out
                a2, z2 = a, z - 1
                while a2 < z2 and stream[a2] == " " and generated(a2):
                    a2 += 1
                while z2 > a2 and stream[z2] == " " and generated(z2):
                    z2 -= 1
                l, b, _, t = box(a2)
                _, b2, r, t2 = box(z2)
                yield l, min(b, b2), r, max(t, t2), text, (a, z)  # its span of the stream
        start = end
        while start < n and stream[start] in "\r\n":
            start += 1


def _page_lines(textpage, page_no: int, page_w: float = 0.0, own: int | None = None) -> list[Line]:
    """The page's lines. `own`: the number of characters the page itself holds when the text of
    its annotations was flattened in after them (a signed PDF's number and date)."""
    n = textpage.count_chars()
    if own is not None and own < n:
        stream = textpage.get_text_range(0, n)
        return _lines_of(_placed_runs(textpage, stream, own), page_no, page_w)
    lines = _lines_of(_rect_runs(textpage), page_no, page_w)
    if n and len(lines) > 0:
        stream = textpage.get_text_range(0, n)
        # the rectangles' text must hold the stream's words: a rectangle per glyph joined with
        # spaces, or overlapping rectangles that give a glyph twice, do not
        if " ".join(ln.text for ln in lines).split() != stream.split():
            lines = _lines_of(_char_runs(textpage, stream), page_no, page_w)
    return lines


def _placed_runs(textpage, stream: str, own: int):
    """The page's runs with the characters of its flattened annotations put where they stand:
    e-office PDFs stamp the number and the date of a signed document into signature fields
    ("Số: [4728] /SGDĐT-HSSV", "ngày [18] tháng [11] năm 2025"), drawn over blanks in the page.
    Each such character joins the run on its row that holds it or stands nearest; that run is
    rebuilt from its characters in x order."""
    box = _char_box(textpage)
    runs = list(_char_runs(textpage, stream[:own]))
    placed: dict[int, list] = {}
    alone = []
    for m in re.finditer(r"\S+", stream[own:]):  # a word of the annotation goes as a whole
        word = [(box(i), stream[i], i) for i in range(own + m.start(), own + m.end())]
        l, b, r, t = word[0][0][0], word[0][0][1], word[-1][0][2], word[0][0][3]
        mid = (b + t) / 2
        row = [k for k, run in enumerate(runs) if run[1] - 2 <= mid <= run[3] + 2]
        if not row:
            alone.append((l, b, r, t, m.group()))
            continue
        k = min(row, key=lambda k: 0 if runs[k][0] - 1 <= l <= runs[k][2] + 1 else min(abs(l - runs[k][2]), abs(runs[k][0] - r)))
        placed.setdefault(k, []).extend(word)
    out = []
    for k, run in enumerate(runs):
        out.extend(_rebuilt(textpage, stream, run, placed[k], own) if k in placed else [run])
    return out + alone


def _rebuilt(textpage, stream: str, run, mine, own):
    """A run's own characters (found by their boxes) and the annotation's, in x order: the
    stream's spacing between neighbours of one stream, a word gap between the two streams."""
    box = _char_box(textpage)
    l, b, r, t, _, (a, z) = run
    h = max(t - b, 1.0)
    chars = [(box(i), stream[i], i) for i in range(a, z) if not stream[i].isspace()]
    chars += mine
    chars.sort(key=lambda e: e[0][0])
    text = chars[0][1]
    for p, e in zip(chars, chars[1:]):
        between = stream[p[2] + 1:e[2]] if p[2] < e[2] else None
        if (p[2] < own) != (e[2] < own):
            text += " "  # no word runs from the page into a stamped field
        elif between is not None and not between.strip(" "):
            text += " " if between else ""
        elif e[0][0] - p[0][2] >= 0.2 * h:
            text += " "
        text += e[1]
    yield chars[0][0][0], min(e[0][1] for e in chars), max(e[0][2] for e in chars), max(e[0][3] for e in chars), text


def _lines_of(runs, page_no: int, page_w: float) -> list[Line]:
    lines: list[Line] = []
    for l, b, r, t, s, *_ in runs:
        s = unicodedata.normalize("NFC", s).replace("\r", " ").replace("\n", " ")
        if not s.strip():
            continue
        if lines:
            p = lines[-1]
            mid = (b + t) / 2
            same_row = p.b - 2 <= mid <= p.t + 2 or (b - 2 <= (p.b + p.t) / 2 <= t + 2)
            # a word gap is ~0.3 line heights. A gap of 2.5+ is a column boundary; 1.5+ is one when
            # the next piece starts in the right half (the Quốc hiệu cell of a header table
            # whose left cell runs long), so wide gaps inside a left-aligned line stay joined
            gap = l - p.r
            column = gap >= 2.5 * p.h or (gap >= 1.5 * p.h and page_w and l >= 0.45 * page_w)
            # a lone bullet set off by a tab ("-      Căn cứ ...") belongs to the text after it
            bullet = p.text.strip() in ("-", "+", "•", "*", "–", "·")
            if same_row and gap >= 0 and (not column or bullet):
                sep = "" if p.text.endswith(" ") or s.startswith(" ") else " "
                lines[-1] = Line(p.text + sep + s, p.l, min(p.b, b), r, max(p.t, t), page_no)
                continue
        lines.append(Line(s, l, b, r, t, page_no))
    for ln in lines:
        ln.text = " ".join(ln.text.split())  # = re.sub(r"\s+", " ", text).strip(): one white space set
    return lines


@lru_cache(maxsize=1)
def _text_annots() -> tuple[int, ...]:
    """Annotation kinds that can show text: form/signature fields, stamps, free-text notes."""
    import pypdfium2.raw as pdfium_c

    return (pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_STAMP, pdfium_c.FPDF_ANNOT_FREETEXT)


def _flatten_widgets(page) -> bool:
    """Draw a page's fields and stamps into its content when one has an appearance (FPDFPage_Flatten):
    the in-memory copy only; True when the page changed. Signature fields of e-office PDFs carry
    the number and date; a stamp or a free-text note fills a blank typed over by a PDF editor."""
    import pypdfium2.raw as pdfium_c

    n = pdfium_c.FPDFPage_GetAnnotCount(page.raw)
    if n <= 0:
        return False
    widget = False
    for i in range(n):
        a = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            widget = widget or (pdfium_c.FPDFAnnot_GetSubtype(a) in _text_annots() and pdfium_c.FPDFAnnot_HasKey(a, b"AP"))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(a)
    return widget and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS


_PAGE_NUMBER = re.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|[Tt]rang\s+\d+(?:\s*/\s*\d+)?")
_ITEM_START = re.compile(r"^(?:[-+•·*–]\s|\d{1,2}(?:\.\d{1,2})*[.)/]\s)")


def _is_margin_furniture(ln: Line, page_h: float) -> bool:
    in_margin = ln.t < page_h * 0.07 or ln.b > page_h * 0.95
    return in_margin and _PAGE_NUMBER.fullmatch(ln.text) is not None


def line_pitch(lines: list[Line]) -> Optional[float]:
    """The document's usual distance from one line to the next below it on a page (the mode, in
    whole points, of min(top-to-top, bottom-to-bottom): a glyph box's top moves with stacked
    Vietnamese marks, its bottom with descenders, the smaller step is the closer to the true
    pitch); None when too few lines follow one another to tell."""
    steps = Counter(round(min(a.t - b.t, a.b - b.b)) for a, b in zip(lines, lines[1:])
                    if a.page == b.page and a.b > b.b and a.t > b.t)
    if sum(steps.values()) < 8:
        return None
    return float(steps.most_common(1)[0][0])


def _paragraphs(lines: list[Line], right_margin: float, pitch: Optional[float] = None,
                left_margin: Optional[float] = None) -> list[list[Line]]:
    """Wrapped lines back into paragraphs. A line continues the one above when that one ran to the
    right margin, it is not indented past the paragraph's left edge, it opens no list item, and it
    follows at a normal line gap: a gap of at most 0.65 of its glyphs' height (single spacing), or
    a step of at most 1.25 times the document's usual `pitch` (a plan typeset at 1.5 lines, whose
    gaps pass any single-spacing bound while a paragraph's own spacing still adds a quarter). The
    second test holds only in the body's column: the paragraph starts at most a first-line indent
    from the body's `left_margin` and the line starts at that margin or at the paragraph's edge (a
    right-aligned place-date that reaches the margin is no paragraph the centred title continues)."""
    paras: list[list[Line]] = []
    step_max = 1.25 * pitch if pitch and left_margin is not None else None
    for ln in lines:
        if paras:
            cur = paras[-1]
            prev = cur[-1]
            gap = prev.b - ln.t  # positive: space between the lines
            same_page = prev.page == ln.page
            left = min(x.l for x in cur)
            full = prev.r >= right_margin - 12
            indent = ln.l > left + 10
            starts_item = _ITEM_START.match(ln.text) is not None
            normal_gap = -0.5 * ln.h <= gap <= 0.65 * ln.h or (
                step_max is not None and gap > 0 and min(prev.t - ln.t, prev.b - ln.b) <= step_max
                and cur[0].l <= left_margin + 80 and (abs(ln.l - left_margin) <= 10 or abs(ln.l - left) <= 10))
            cont_same_page = same_page and normal_gap and full and not indent and not starts_item
            cont_next_page = (not same_page and full and ln.text[:1].islower())
            if cont_same_page or cont_next_page:
                cur.append(ln)
                continue
        paras.append([ln])
    return paras


def _ends_word_hyphen(s: str) -> bool:
    """`re.search(r"\\w-$", s)` read from the end: the search walked the whole paragraph joined so far."""
    if s.endswith("\n"):
        s = s[:-1]  # "$" also matches before a final line break
    if len(s) < 2 or s[-1] != "-":
        return False
    c = s[-2]
    return c.isalnum() or c == "_"  # sre's \w on str


def _join(lines: list[Line]) -> str:
    out = lines[0].text
    for ln in lines[1:]:
        if ln.text[:1].isdigit() and _ends_word_hyphen(out):
            out += ln.text  # "năm học 2023-" + "2024"
        else:
            out += " " + ln.text
    return out


def _open(data: bytes, path: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise EncryptedFile(path, "the PDF is encrypted (password-protected)") from e
        raise CorruptFile(path, f"not a readable PDF: {msg}") from e


@register("pdf")
def read_pdf(data: bytes, path: str) -> RawDocument:
    pdf = _open(data, path)
    try:
        n = len(pdf)
        if n == 0:
            raise CorruptFile(path, "the PDF has no pages")
        if n > MAX_PAGES:
            raise CorruptFile(path, f"the PDF has {n} pages, over the {MAX_PAGES}-page limit")
        all_lines: list[Line] = []
        heights: list[float] = []
        chars = 0
        grid: list[int] = []  # pages that could hold a ruled table, seen while each page is loaded
        scans: list[int] = []  # pages drawn as one picture (a scan), 1-based
        for k in range(n):
            page = pdf[k]
            w, h = page.get_size()
            has_grid, picture = _page_drawing(page, w, h)
            if has_grid:
                grid.append(k)
            if picture:
                scans.append(k + 1)
            tp = page.get_textpage()
            own = None
            if _flatten_widgets(page):  # its annotations' text drawn in, after the page's own
                own = tp.count_chars()
                tp.close()
                page.close()
                page = pdf[k]
                tp = page.get_textpage()
            chars += tp.count_chars()
            lines = [ln for ln in _page_lines(tp, k + 1, w, own) if not _is_margin_furniture(ln, h)]
            heights.append(h)
            all_lines.extend(lines)
            tp.close()
            page.close()
    finally:
        pass
    if chars < 20 * n or not all_lines:
        pdf.close()
        return _ocr(data, path, reason="no text layer")
    pdf.close()

    # running headers/footers: the same short line at the top or bottom of most pages
    if n >= 3:
        edge = Counter()
        by_page: dict[int, list[Line]] = {}
        for ln in all_lines:
            by_page.setdefault(ln.page, []).append(ln)
        for lines in by_page.values():
            for ln in {lines[0].text, lines[-1].text}:
                edge[ln] += 1
        repeated = {t for t, c in edge.items() if c >= max(3, int(0.6 * n)) and len(t) < 120}
        all_lines = [ln for ln in all_lines if ln.text not in repeated]

    right = Counter(round(ln.r / 5) * 5 for ln in all_lines).most_common(1)[0][0]
    pitch = line_pitch(all_lines)
    body_left = Counter(round(ln.l / 5) * 5 for ln in all_lines).most_common(1)[0][0]
    blocks = pdf_tables.blocks_with_tables(data, all_lines, lambda lines: [
        RawBlock(text=_join(p), kind="paragraph", page=p[0].page)
        for p in _paragraphs(lines, right, pitch, body_left)], grid)
    raw = RawDocument(blocks=blocks, format="pdf", pages=n)
    return _repair_or_ocr(raw, data, path, scans)


def _by_page(raw: RawDocument) -> dict[int, list[RawBlock]]:
    pages: dict[int, list[RawBlock]] = {}
    for b in raw.blocks:
        pages.setdefault(b.page or 0, []).append(b)
    return pages


def _set_text(blocks: list[RawBlock], fixed: str) -> bool:
    parts = fixed.split("\n")
    if len(parts) != len(blocks):
        return False
    for b, t in zip(blocks, parts):
        b.text = t
    return True


def _page_drawing(page, w: float, h: float) -> tuple[bool, bool]:
    """(`pdf_tables.has_grid`: enough vector paths to hold a ruled table, an image object covering
    most of the page: a scan, whatever text layer lies over it) in one walk of its objects."""
    import ctypes

    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    paths, picture = 0, False
    box = [ctypes.c_float() for _ in range(4)]
    for kind, obj in pdf_tables.page_objects(page):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE and not picture:
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *box):  # PdfObject.get_bounds
                raise PdfiumError("Failed to locate pageobject.")
            l, b, r, t = (v.value for v in box)
            picture = (r - l) * (t - b) >= 0.5 * w * h
    return paths >= pdf_tables.MIN_PATHS, picture


def _repair_or_ocr(raw: RawDocument, data: bytes, path: str, scans: list[int] = ()) -> RawDocument:
    """Repair a damaged font mapping; OCR only the pages repair cannot save, within the page
    budget. Text that is not meant to be Vietnamese is read as is: its words are not
    Vietnamese syllables because it is another language, not because the fonts are broken."""
    from kehoach.parser.text import language, pdf_repair

    text = "\n".join(b.text for b in raw.blocks)
    verdict = language.detect(text)
    raw.language = verdict.language if verdict.language != "und" else None
    if not verdict.vietnamese:
        raw.warnings.append(language.not_vietnamese_warning(verdict))
        return raw
    if scans and _marks_lost(text):  # a scan's OCR layer; a typed PDF without marks OCRs to the same words
        return _ocr_pages(raw, data, path, [p for p in sorted(_by_page(raw)) if p in set(scans)],
                          "the text layer has lost the Vietnamese marks (an OCR layer made for another language)")
    fixed, damaged = pdf_repair.repair(text)
    if not damaged:
        if fixed != text and _set_text(raw.blocks, fixed):
            raw.warnings.append("repaired a damaged font mapping in the PDF text layer")
        return raw
    # damaged somewhere: judge page by page, repair what can be, OCR the rest
    repaired, to_ocr = 0, []
    by_page = _by_page(raw)
    for page, blocks in sorted(by_page.items()):
        page_text = "\n".join(b.text for b in blocks)
        fixed_p, damaged_p = pdf_repair.repair(page_text)
        if damaged_p:
            to_ocr.append(page)
        elif fixed_p != page_text and _set_text(blocks, fixed_p):
            repaired += 1
    if not to_ocr:  # the damage shows only over the whole text (a little on every page): all pages
        to_ocr, repaired = sorted(by_page), 0
    if repaired:
        raw.warnings.append(f"repaired a damaged font mapping in the PDF text layer ({repaired} pages)")
    return _ocr_pages(raw, data, path, to_ocr)


_LETTERS = re.compile(r"[^\W\d_]+")
MARKS_LOST = 0.4  # share of words with a non-ASCII letter below which Vietnamese has lost its marks (~0.8 in sound text)


def _marks_lost(text: str) -> bool:
    """Vietnamese writes a mark on most syllables; a layer where few words carry any was made
    without them (an English OCR pass over a scan: "Thuc hien Nghi quyet"). Marks drawn as '?'
    ("kh?i l??ng") are not this: the page itself shows '?', and OCR would read the same."""
    words = _LETTERS.findall(text)
    return (len(words) >= 200 and sum(not w.isascii() for w in words) < MARKS_LOST * len(words)
            and text.count("?") < 0.02 * len(words))


def _ocr_pages(raw: RawDocument, data: bytes, path: str, pages: list[int],
               why: str = "the text layer's fonts map Vietnamese wrongly") -> RawDocument:
    """Replace the text layer of `pages` (1-based) by OCR, at most ocr.PAGE_BUDGET of them."""
    try:
        from kehoach.parser.readers import ocr
    except ImportError:
        raw.warnings.append(f"{why} and OCR is not available: read as is")
        return raw
    chosen, over = pages[: ocr.PAGE_BUDGET], pages[ocr.PAGE_BUDGET:]
    ocred = ocr.ocr_pdf(data, path, [p - 1 for p in chosen])
    keep = [b for b in raw.blocks if b.page not in set(chosen)]
    raw.blocks = sorted(keep + ocred.blocks, key=lambda b: b.page or 0)  # stable: each page keeps its order
    raw.ocr = True
    raw.ocr_confidence = ocred.ocr_confidence
    raw.warnings.append(f"OCR used on {_pages_text(chosen)}: {why}")
    if over:
        raw.warnings.append(f"{len(over)} more damaged pages ({_pages_text(over)}) are over the "
                            f"{ocr.PAGE_BUDGET}-page OCR budget: their text layer is read as is")
    return raw


def _pages_text(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10]) + (" ..." if len(pages) > 10 else "")
    return f"page{'s' if len(pages) > 1 else ''} {shown}"


def _ocr(data: bytes, path: str, reason: str) -> RawDocument:
    try:
        from kehoach.parser.readers.ocr import ocr_pdf
    except ImportError as e:
        raise NoText(path, f"{reason}, and OCR is not available in this installation") from e
    raw = ocr_pdf(data, path)
    raw.format = "pdf"
    raw.warnings.append(f"OCR used: {reason}")
    return raw


def page_count(data: bytes, path: str) -> Optional[int]:
    pdf = _open(data, path)
    try:
        return len(pdf)
    finally:
        pdf.close()
