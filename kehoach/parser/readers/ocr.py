"""OCR: scanned PDFs (`ocr_pdf`, called by the pdf reader when there is no text layer) and images.

Pages are rendered at 300 dpi grey (pypdfium2) and read by the Tesseract CLI with the
Debian `vie` model (TSV output: word boxes and confidences). Tesseract runs one thread
per process (OMP_THREAD_LIMIT=1 is ~3x faster than its OpenMP default here) and pages
run in parallel, one per core.

Pages skewed by 1 degree or more are levelled first (projection profile); a page read with
low confidence is checked for a sideways or upside-down scan (Tesseract OSD) and read again.

Layout: the header and signature of a plan are two columns (a borderless table) that
Tesseract often reads as one line ("LIÊN ĐOÀN LAO ĐỘNG ... CỘNG HÒA XÃ HỘI ..."). We split
lines at wide word gaps, find the runs of lines that stay on one side of a common gutter,
and emit such a run column by column (left column first), as a docx table reads. Body
lines are grouped into paragraphs with Tesseract's paragraph ids, split again where a
line starts a list item after a short line, and joined across pages when a sentence runs on.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import statistics
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from kehoach.parser.errors import CorruptFile, EncryptedFile, OCRError, Timeout, TooLarge
from kehoach.parser.readers.base import RawBlock, RawDocument, register
from kehoach.parser.text.ocr_clean import clean_paragraph, fix_bullet, fix_line

DPI = 300
LANG = "vie"
PAGE_TIMEOUT = 180.0  # seconds for one page in tesseract
MAX_OCR_PAGES = 500  # a scanned PDF (no text layer at all) over this is refused
PAGE_BUDGET = 30  # pages OCRed per document where a text layer exists but is damaged (~40 s)
MAX_PIXELS = 60_000_000  # one page image; an A4 page at 300 dpi is 8.7 M
MIN_DESKEW = 1.0  # degrees
LOW_CONFIDENCE = 70.0  # a page read this badly may be sideways or upside down
GAP_FACTOR = 1.8  # a word gap wider than this many line heights separates two columns
_ITEM_START = re.compile(r"^(?:[-+•·*–]\s|\d{1,2}(?:\.\d{1,2})*[.)/]\s|[a-zđ][.)]\s|[IVX]{1,4}\.\s)")
_PAGE_NUMBER = re.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|[Tt]rang\s+\d+(?:\s*/\s*\d+)?")


@dataclass
class Word:
    text: str
    l: int
    t: int
    r: int
    b: int
    conf: float


@dataclass
class Segment:
    """Words of one visual line that sit together (a line, or one column's part of it)."""

    words: list[Word]
    par: tuple[int, int]

    @property
    def l(self) -> int:
        return self.words[0].l

    @property
    def r(self) -> int:
        return self.words[-1].r

    @property
    def t(self) -> int:
        return min(w.t for w in self.words)

    @property
    def b(self) -> int:
        return max(w.b for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def conf(self) -> float:
        return statistics.fmean(w.conf for w in self.words)


@dataclass
class VLine:
    segments: list[Segment]
    height: float

    @property
    def l(self) -> int:
        return self.segments[0].l

    @property
    def r(self) -> int:
        return self.segments[-1].r


@dataclass
class PageResult:
    page: int
    width: int
    height: int
    lines: list[VLine] = field(default_factory=list)
    confidence: float = 0.0


# ---------------------------------------------------------------- tesseract

def _tesseract(path: str = "<ocr>") -> str:
    exe = shutil.which("tesseract")
    if exe is None:
        raise OCRError(path, "Tesseract is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)")
    return exe


def _run_tesseract(png: bytes, path: str, dpi: int) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [_tesseract(path), "stdin", "stdout", "-l", LANG, "--psm", "3", "--dpi", str(dpi), "tsv"]
    try:
        proc = subprocess.run(cmd, input=png, capture_output=True, timeout=PAGE_TIMEOUT, env=env)
    except subprocess.TimeoutExpired as e:
        raise Timeout(path, f"OCR of one page took over {PAGE_TIMEOUT:.0f} s", stage="ocr") from e
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        msg = err[-1] if err else f"exit code {proc.returncode}"
        if "vie" in msg and ("load" in msg.lower() or "traineddata" in msg):
            msg = "the Vietnamese model is missing (Debian: apt-get install tesseract-ocr-vie)"
        raise OCRError(path, f"Tesseract failed: {msg}")
    return proc.stdout.decode("utf-8", "replace")


def _parse_tsv(tsv: str) -> list[tuple[tuple[int, int, int], Word]]:
    """(block, par, line) and the word, for every recognised word."""
    out = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5":
            continue
        text = f[11].strip()
        if not text:
            continue
        l, t, w, h = (int(x) for x in f[6:10])
        out.append(((int(f[2]), int(f[3]), int(f[4])), Word(text, l, t, l + w, t + h, max(float(f[10]), 0.0))))
    return out


def _page_lines(tsv: str) -> list[VLine]:
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    for key, w in _parse_tsv(tsv):
        by_line.setdefault(key, []).append(w)
    lines: list[VLine] = []
    for key, words in by_line.items():
        words.sort(key=lambda w: w.l)
        h = statistics.median(w.b - w.t for w in words)
        segs: list[Segment] = [Segment([words[0]], key[:2])]
        for w in words[1:]:
            if w.l - segs[-1].r > GAP_FACTOR * max(h, 10):
                segs.append(Segment([w], key[:2]))
            else:
                segs[-1].words.append(w)
        lines.append(VLine(segs, h))
    lines.sort(key=lambda ln: (min(s.t for s in ln.segments), ln.l))
    return _merge_same_row(lines)


def _merge_same_row(lines: list[VLine]) -> list[VLine]:
    """Tesseract may give the two halves of one header row as separate lines: put them side by side."""
    out: list[VLine] = []
    for ln in lines:
        if out:
            p = out[-1]
            pt, pb = min(s.t for s in p.segments), max(s.b for s in p.segments)
            t, b = min(s.t for s in ln.segments), max(s.b for s in ln.segments)
            overlap = min(pb, b) - max(pt, t)
            disjoint = ln.l > p.r or ln.r < p.l
            if overlap > 0.5 * min(pb - pt, b - t) and disjoint:
                segs = sorted(p.segments + ln.segments, key=lambda s: s.l)
                out[-1] = VLine(segs, max(p.height, ln.height))
                continue
        out.append(ln)
    return out


def _png(img) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _read_page(img, page_no: int, path: str, dpi: int) -> PageResult:
    lines = _page_lines(_run_tesseract(_png(img), path, dpi))
    confs = [w.conf for ln in lines for s in ln.segments for w in s.words]
    return PageResult(page_no, img.width, img.height, lines, round(statistics.fmean(confs), 2) if confs else 0.0)


def _ocr_image(img, page_no: int, path: str, dpi: int) -> PageResult:
    angle = skew_angle(img)
    if abs(angle) >= MIN_DESKEW:  # Tesseract copes with less; more mixes the header columns
        img = img.rotate(angle, resample=_bicubic(), expand=True, fillcolor=255)
    res = _read_page(img, page_no, path, dpi)
    if res.confidence < LOW_CONFIDENCE and res.lines:
        turn = _orientation(img, path, dpi)  # scanned sideways or upside down?
        if turn:
            again = _read_page(img.rotate(-turn, expand=True, fillcolor=255), page_no, path, dpi)
            if again.confidence > res.confidence:
                res = again
    return res


def _bicubic():
    from PIL import Image

    return Image.Resampling.BICUBIC


def skew_angle(img, limit: float = 6.0) -> float:
    """Degrees to rotate the page (counter-clockwise) so its text lines run level: the angle
    whose horizontal ink profile is sharpest (projection-profile method on a small copy)."""
    import numpy as np
    from PIL import Image

    small = img.convert("L")
    small.thumbnail((700, 700))
    ink = Image.fromarray(((np.asarray(small) < 140) * 255).astype("uint8"))
    if np.asarray(ink).mean() < 0.5:  # (almost) blank page
        return 0.0

    def sharpness(a: float) -> float:
        rows = np.asarray(ink.rotate(a, resample=Image.Resampling.NEAREST, expand=False)).sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-limit, limit + 0.01, 1.0), key=sharpness)
    fine = max(np.arange(coarse - 0.8, coarse + 0.81, 0.2), key=sharpness)
    return round(float(fine), 2)


def _orientation(img, path: str, dpi: int) -> int:
    """Tesseract's orientation detection: degrees clockwise the page must turn (0, 90, 180, 270)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [_tesseract(path), "stdin", "stdout", "--psm", "0", "--dpi", str(dpi)]
    try:
        proc = subprocess.run(cmd, input=_png(img), capture_output=True, timeout=PAGE_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return 0
    m = re.search(rb"Rotate:\s*(\d+)", proc.stdout)
    conf = re.search(rb"Orientation confidence:\s*([\d.]+)", proc.stdout)
    if not m or (conf and float(conf.group(1)) < 1.0):
        return 0
    return int(m.group(1)) % 360


def _prepare(img):
    """Grey, and big enough for Tesseract (it wants ~300 dpi; phone photos and faxes are less)."""
    from PIL import ImageOps

    img = ImageOps.exif_transpose(img)
    if img.mode not in ("L", "1"):
        img = img.convert("L")
    if img.width < 1600:
        scale = 1600 / img.width
        img = img.resize((int(img.width * scale), int(img.height * scale)))
    return img


def _ocr_pages(images: Iterable, path: str, dpi: int, numbers: Optional[list[int]] = None) -> list[PageResult]:
    """OCR page images in parallel (Tesseract is a subprocess, so threads are enough).
    `numbers`: the 1-based page number of each image (default 1, 2, ...)."""
    workers = max(1, min(2, os.cpu_count() or 1))
    results: list[PageResult] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending = []
        for k, img in enumerate(images, start=1):
            pending.append(pool.submit(_ocr_image, img, numbers[k - 1] if numbers else k, path, dpi))
            if len(pending) >= 2 * workers:  # bounded: never hold many rendered pages
                results.append(pending.pop(0).result())
        results.extend(f.result() for f in pending)
    return results


# ---------------------------------------------------------------- layout

def _gutter(line: VLine) -> Optional[float]:
    if len(line.segments) < 2:
        return None
    gaps = [(b.l - a.r, (a.r + b.l) / 2) for a, b in zip(line.segments, line.segments[1:])]
    return max(gaps)[1]


def _one_side(line: VLine, gutter: float) -> bool:
    return line.r < gutter or line.l > gutter


def _regions(lines: list[VLine]) -> list[tuple[int, int, float]]:
    """Runs [i, j) of lines that form a two-column block, with the gutter x."""
    regions: list[tuple[int, int, float]] = []
    i = 0
    while i < len(lines):
        g = _gutter(lines[i])
        if g is None:
            i += 1
            continue
        start, end = i, i + 1
        gutters = [g]
        while end < len(lines):
            ge = _gutter(lines[end])
            gm = statistics.fmean(gutters)
            if ge is not None and abs(ge - gm) < 0.2 * lines[end].r:
                gutters.append(ge)
            elif not _one_side(lines[end], gm) or not _near(lines[end - 1], lines[end]):
                break
            end += 1
        gm = statistics.fmean(gutters)
        while start > 0 and _one_side(lines[start - 1], gm) and _near(lines[start - 1], lines[start]) \
                and (not regions or regions[-1][1] < start):
            start -= 1
        regions.append((start, end, gm))
        i = end
    return regions


def _near(a: VLine, b: VLine) -> bool:
    """Vertically close: a column block has no big empty band inside."""
    gap = min(s.t for s in b.segments) - max(s.b for s in a.segments)
    return gap < 4 * max(a.height, b.height)


@dataclass
class _Para:
    lines: list[Segment]
    page: int
    col: Optional[int] = None
    kind: str = "paragraph"


def _page_paragraphs(res: PageResult) -> list[_Para]:
    lines = [ln for ln in res.lines if not _is_furniture(ln, res.height)]
    if not lines:
        return []
    regions = {s: (e, g) for s, e, g in _regions(lines)}
    rights = sorted(ln.r for ln in lines if len(ln.segments) == 1)
    right_margin = rights[int(0.9 * (len(rights) - 1))] if rights else res.width
    paras: list[_Para] = []
    i = 0
    while i < len(lines):
        if i in regions:
            end, g = regions[i]
            for col in (0, 1):
                for ln in lines[i:end]:
                    side = [seg for seg in ln.segments if ((seg.r + seg.l) / 2 < g) == (col == 0)]
                    if side:  # "Số:" and "/KH-CĐ" apart (a blank number) are still one line
                        paras.append(_Para([Segment([w for seg in side for w in seg.words], side[0].par)],
                                           res.page, col, "line"))
            i = end
            continue
        ln = lines[i]
        seg = ln.segments[0] if len(ln.segments) == 1 else Segment([w for s in ln.segments for w in s.words], ln.segments[0].par)
        if paras and paras[-1].kind == "paragraph" and paras[-1].page == res.page and _continues(paras[-1], seg, right_margin, ln.height):
            paras[-1].lines.append(seg)
        else:
            paras.append(_Para([seg], res.page))
        i += 1
    return paras


def _continues(para: _Para, seg: Segment, right_margin: float, h: float) -> bool:
    """Geometry, as a reader sees it: no gap, the line above ran to the margin, no indent, no item mark."""
    prev = para.lines[-1]
    h = max(h, prev.b - prev.t)
    if seg.t - prev.b > 0.6 * h:  # paragraph spacing (or a blank line) between them
        return False
    text = fix_bullet(fix_line(seg.text))
    if text[:1].islower() and not prev.text.rstrip().endswith((".", ";", ":", "!", "?")):
        return True  # a paragraph never starts in lowercase: a wrapped centred title, a short last word
    full = prev.r >= right_margin - 2.5 * h
    body = para.lines[1:] or para.lines
    if len(para.lines) == 1 and _ITEM_START.match(fix_bullet(fix_line(prev.text))):
        indented = False  # a hanging indent: the item's text is indented under its bullet
    else:
        indented = seg.l > min(s.l for s in body) + 1.5 * h
    starts_item = bool(_ITEM_START.match(text))
    return full and not indented and not starts_item


def _is_furniture(ln: VLine, page_h: int) -> bool:
    """A page number (or a stray mark) alone in the top or bottom margin."""
    top = min(s.t for s in ln.segments)
    bottom = max(s.b for s in ln.segments)
    if not (bottom < page_h * 0.08 or top > page_h * 0.92):
        return False
    words = [w for s in ln.segments for w in s.words]
    text = " ".join(w.text for w in words).strip()
    if _PAGE_NUMBER.fullmatch(text):
        return True
    # a misread page number: one short word Tesseract is unsure of
    return len(words) == 1 and len(text) <= 4 and words[0].conf < 50


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".;:!?"


def build_document(pages: list[PageResult], fmt: str) -> RawDocument:
    blocks: list[RawBlock] = []
    last_para: Optional[_Para] = None
    for res in pages:
        for p in _page_paragraphs(res):
            text = clean_paragraph([s.text for s in p.lines])
            if not text:
                continue
            conf = round(statistics.fmean(w.conf for s in p.lines for w in s.words), 2)
            # a sentence running on from the previous page
            if (last_para is not None and p.kind == "paragraph" and last_para.kind == "paragraph"
                    and p.page == last_para.page + 1 and blocks and not _ends_sentence(blocks[-1].text)
                    and text[:1].islower()):
                blocks[-1].text = clean_paragraph([blocks[-1].text, text])
                last_para = p
                continue
            blocks.append(RawBlock(text=text, kind=p.kind, page=p.page, col=p.col, confidence=conf))
            last_para = p
    return RawDocument(blocks=blocks, format=fmt, pages=len(pages), ocr=True,
                       ocr_confidence=[p.confidence for p in pages])


# ---------------------------------------------------------------- entry points

def _pdf_images(pdf, path: str, indices: Iterable[int]) -> Iterator:
    for k in indices:
        page = pdf[k]
        w, h = page.get_size()
        scale = DPI / 72
        if w * scale * h * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (w * h)) ** 0.5
        try:
            yield page.render(scale=scale, grayscale=True).to_pil()
        finally:
            page.close()


def ocr_pdf(data: bytes, path: str, pages: Optional[list[int]] = None) -> RawDocument:
    """OCR every page of a PDF (one with no usable text layer), or only `pages` (0-based
    indices: the pages whose text layer needs it; the caller keeps to `PAGE_BUDGET`)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedFile(path, "the PDF is encrypted (password-protected)") from e
        raise CorruptFile(path, f"not a readable PDF: {e}") from e
    try:
        n = len(pdf)
        indices = [k for k in pages if 0 <= k < n] if pages is not None else list(range(n))
        if len(indices) > MAX_OCR_PAGES:
            raise TooLarge(path, f"the scanned PDF has {n} pages, over the {MAX_OCR_PAGES}-page OCR limit")
        _tesseract(path)
        results = _ocr_pages(_pdf_images(pdf, path, indices), path, DPI, [k + 1 for k in indices])
    finally:
        pdf.close()
    raw = build_document(results, "pdf")
    raw.pages = n
    return raw


@register("image")
def read_image(data: bytes, path: str) -> RawDocument:
    """PNG / JPEG / TIFF (every frame of a multi-page TIFF is a page)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except Image.DecompressionBombError as e:
        raise TooLarge(path, f"image too large ({e})") from e
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise CorruptFile(path, f"not a readable image: {e}") from e
    dpi = img.info.get("dpi", (0, 0))[0] or DPI
    frames = []
    try:
        for k, frame in enumerate(ImageSequence.Iterator(img)):
            if k >= MAX_OCR_PAGES:
                raise TooLarge(path, f"the image has over {MAX_OCR_PAGES} pages")
            prepared = _prepare(frame.copy())
            frames.append(prepared)
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise CorruptFile(path, f"not a readable image: {e}") from e
    if frames and frames[0].width > img.width:  # upscaled: tell Tesseract the new resolution
        dpi = int(round(float(dpi) * frames[0].width / img.width))
    _tesseract(path)
    pages = _ocr_pages(frames, path, int(min(max(float(dpi), 70), 1200)))
    return build_document(pages, "image")
