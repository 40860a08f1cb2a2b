"""Frame: the parts of a plan around its body.

Header (cơ quan chủ quản, cơ quan ban hành, số/ký hiệu, Quốc hiệu, Tiêu ngữ, place-date
line), title and document type, period, and the closing block (signature, Nơi nhận).
Works on the assembled lines (one `Block` per line), so the two header columns arrive as
separate lines whatever the reader (docx cells, PDF columns, flattened text split at
space runs) and in whatever order (column by column, or interleaved line by line).
Web-page chrome before the document (breadcrumbs, "Cập nhật lúc ...") is skipped by
anchoring on the Quốc hiệu / title and walking back only over header-like lines.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from kehoach import models
from kehoach.parser.schema import Header, Period, PlanDocument, Signature
from kehoach.parser.landmarks import DEGREE
from kehoach.parser.nlp.dates import CAN_CHI
from kehoach.parser.text import legacy
from kehoach.parser.text.normalize import fold, is_upper_text, plain_chars

_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")

NATIONAL = "cộng hòa xã hội chủ nghĩa việt nam"
PLACE_DATE = re.compile(
    # "Tp HCM ngày 20 ..." without the comma: only a place of capitalized words; a day or month
    # left blank in a draft, as spaces or dots ("Hà Nội, ngày ….. tháng 5 năm 2018"); a place
    # numbered last ("Quận 3", "Thứ 11")
    r"^(?:(?P<place>[^\d,;:()]{1,60}?(?:\s\d{1,2})?)\s*,\s*|(?P<place2>(?:[A-ZĐÀ-Ỹ][^\s,;:()\d]*\s+){1,4}))?ngày[\s.…_]*(?:thứ\s*)?(?P<d>\d{1,2})?[\s.…_]*(?:tháng|/)[\s.…_]*(?P<m>\d{1,2})?[.,]?[\s.…_]*(?:n[ăa?]m|/)\s*(?P<y>\d{4})",
    re.I,
)
# a cover page's place and month, no day: "Hà Nội, tháng 5 năm 2023"
PLACE_MONTH = re.compile(r"^(?P<place>[A-ZĐÀ-Ỹ][^\d,;:()]{1,40}?)\s*,\s*tháng\s*\d{1,2}\s*(?:năm|/)\s*\d{4}$", re.I)
# "Số: 12/KH-CĐ", and as typed or OCR'd: "Sô : 07 /KH - CĐ", "So 12/KH-CĐ" (then a number must follow)
DATE_NO_YEAR = re.compile(r"ngày\s*\d{0,2}\s*tháng\s*\d{0,2}\s*$", re.I)
# Compiled once: a full parse uses more patterns than re's cache holds (512), so an inline
# re.match(...) can be evicted and compiled again for every document (~0.2 ms each).
_PLACE_WORDS = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s?){1,2}")
_PLACE_ALONE = re.compile(r"(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ.]*\s){0,3}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s*,")
_WORD_CHAR = re.compile(r"\w")
_UP_TO_COLON = re.compile(r"^[^:]*:\s*")
_ATTACHED = re.compile(r"(?i)\s*(?:đính kèm|kèm theo)\b")
_UNIT_LABEL = re.compile(r"^(?:tên\s+)?đơn\s+vị\s*:\s*(?=\S)", re.I)
NUMBER_LINE = re.compile(r"^-?(?:Số|S[ôoó?](?=\s*[:.]?\s*(?:\d|/)))\s*[:.]?\s*(?P<rest>.*)$", re.I)
# a công văn's subject line under its number: "V/v: ...", "Về việc ..."
VV_LINE = re.compile(r"^\(?\s*(?:v\s*/\s*v|về\s+việc)\b\s*:?", re.I)
# a joint (liên tịch) document: the type code carries "LT" (KHLT, HDLT, TTLT, NQLT, CTrLT)
JOINT_SYMBOL = re.compile(r"/\s*[A-ZĐ][A-Za-zĐđ]*LT\s*-")
# an attachment after the closing: "(Ban hành kèm theo Quyết định số ...)", "PHỤ LỤC"
ATTACHMENT = re.compile(r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\b|^phụ\s+lục\b", re.I)
# "/KH - CĐMC", "17/BC- CĐ", "./BC- THMH" (a blank number dotted out) too
SYMBOL_ONLY = re.compile(r"^(?:\d+[a-z]?|[.…_ ]*)\s*/\s*[\w&.\-/]+(?:\s*[\-/]?\s*[\w&.]+)*$")  # "/CTr-CĐ", "12/KH-CĐ" on its own line
DRAFT = re.compile(r"^\(?\s*dự\s+thảo\s*\)?\s*[.:]?$", re.I)  # a draft's mark in the header: "(Dự thảo)"
# a note on how the paper circulates, set in brackets under its title: "(Lưu hành nội bộ)"
HANDLING_NOTE = re.compile(r"^\(\s*(?:lưu\s+hành\s+nội\s+bộ|(?:tài\s+liệu|sử\s+dụng|dùng)\s+(?:nội\s+bộ|tham\s+khảo|mật)"
                           r"|tài\s+liệu\s+sinh\s+hoạt|bản\s+(?:chính\s+thức|sao))\b[^()]*\)\s*[.:]?$", re.I)
SEPARATOR = re.compile(r"^[\W_]+$")  # rules and ornaments: "-----", "_____&_____", "*", "|"
NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)/]|[IVXLC]+(?:[.)]|/(?![vV]\b))|[a-zđ]\)|[-+•·*–])\s*")  # not "V/v"
ON_BEHALF = re.compile(r"^(?:TM|KT|Q|TL|TUQ|T/M|K/T)(?:\s*[.:/]\s*|\s+)[A-ZĐÀ-Ỹ]")  # "TM/BCH" too
BULLET = re.compile(r"^[-+•·*–—]\s*")
CHROME_INLINE = re.compile(r"\s[>»›]\s|\b\d{1,2}:\d{2}\b|https?://|www\.")
NAME_TOKEN = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+$")


# a page's heading naming the document by its own number (gazette style): "Hướng dẫn số 1803/HD-TLĐ
# ngày 29 tháng 11 năm 2013 của ...", "CHỈ THỊ CỦA BỘ X SỐ 07/2008/CT-BX NGÀY 30 THÁNG 12 NĂM 2008 VỀ ..."
OWN_NUMBER_TITLE = re.compile(
    r"^(?P<type>\S+(?:\s+\S+)?)\s+(?:của\s+(?P<iss>[^\d,;:]{3,80}?)\s+)?số\s*:?\s*(?P<num>\d+[a-zđ]?\s*[/-][^\s,;]+)"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})\s*(?:tháng|/|-)\s*(?P<m>\d{1,2})\s*(?:năm|/|-)\s*(?P<y>\d{4}))?", re.I)
# a site's record card under the page heading: "Số hiệu: 174/QĐ-TLĐ Loại văn bản: Quyết định"
SITE_CARD = re.compile(r"^(?:số\s*hiệu(?:\s*văn\s*bản)?|loại\s*văn\s*bản|(?:nơi|cơ\s*quan)\s*ban\s*hành|ngày\s*ban\s*hành)\s*:", re.I)


@dataclass
class Line:
    i: int
    text: str
    f: str  # folded
    start: int
    end: int
    outline: Optional[int] = None  # Word outline level of the block, if any
    # what the frame asks of a line again and again, judged once (None: not yet): the Quốc hiệu
    # (find_title, the header, the attachment scan ...), a signer's position (the closing)
    # (plain fields, not functools.cached_property: its lock costs more than the tests it saves)
    national: Optional[bool] = field(default=None, compare=False, repr=False)
    position: Optional[bool] = field(default=None, compare=False, repr=False)
    position_any_case: Optional[bool] = field(default=None, compare=False, repr=False)


def _data():
    return models.load("frame.yaml")


@lru_cache(maxsize=None)
def _folded(key: str) -> tuple[str, ...]:
    """A word list of frame.yaml, folded once per process (not once per line)."""
    return tuple(fold(x) for x in _data()[key])


@lru_cache(maxsize=None)
def _folded_set(key: str) -> frozenset[str]:
    return frozenset(_folded(key))


@lru_cache(maxsize=None)
def _folded_spaced(key: str) -> tuple[str, ...]:
    return tuple(x + " " for x in _folded(key))


def _lines(doc: PlanDocument) -> list[Line]:
    t = doc.text or ""
    raw = _split_run_on([(t[b.start:b.end], b.start, b.end, b.outline_level) for b in doc.blocks or []])
    out: list[Line] = []
    k = 0
    while k < len(raw):
        text, start, end, outline = raw[k]
        # a type word broken after its first word by a PDF's line ends: "QUY" / "CHẾ PHỐI HỢP ..."
        # (a space inside the stripped line makes two words: no split of a long line to learn it)
        if (k + 1 < len(raw) and k < 60 and " " not in text.strip() and len(text.split(None, 1)) == 1
                and doc_type_of(text) is None
                and doc_type_of(text + " " + raw[k + 1][0]) is not None and is_upper_text(text, 0.9)):
            text, end = text + " " + raw[k + 1][0], raw[k + 1][2]
            k += 1
        # a place-date broken in a table cell: "La, ngày 11 tháng 3" / "năm 2020"
        # (or after its blank day: "Hà Nội, ngày" / "tháng 5 năm 2018")
        # (the next line's anchored test first: it fails at its first char where the search would scan the line)
        if k + 1 < len(raw) and k < 60 and (
                (_YEAR_NEXT.match(raw[k + 1][0]) and _date_no_year(text))
                or (_MONTH_YEAR_NEXT.match(raw[k + 1][0]) and _OPEN_DAY.search(text))):
            text, end = text + " " + raw[k + 1][0], raw[k + 1][2]
            k += 1
        # (or in three, the blanks' wide spaces read as column gaps: "Thanh Oai, ngày" / "tháng" / "năm 2024")
        elif k + 2 < len(raw) and k < 60 and _MONTH_ALONE.match(raw[k + 1][0]) and _YEAR_NEXT.match(raw[k + 2][0]) \
                and _OPEN_DAY.search(text):
            text, end = f"{text} {raw[k + 1][0].strip()} {raw[k + 2][0]}", raw[k + 2][2]
            k += 2
        # the Quốc hiệu wrapped in a narrow header cell: "CỘNG HÒA ... VIỆT" / "NAM"
        if k + 1 < len(raw) and k < 60:
            f1 = fold(text)  # (the joined line folded only for a line the Quốc hiệu starts with)
            if 4 <= len(f1) <= len(NATIONAL) and NATIONAL.startswith(_hoa(f1)) and not _national_text(f1) and _national_text(
                    fold(text + " " + raw[k + 1][0])):
                text, end = text + " " + raw[k + 1][0], raw[k + 1][2]
                k += 1
        if k < 60 and " | " in text:
            cells = _header_cells(text, start)
            if cells:
                for c_text, c_start in cells:
                    out.append(Line(len(out), c_text, fold(c_text), c_start, c_start + len(c_text), outline))
                k += 1
                continue
        out.append(Line(len(out), text, fold(text), start, end, outline))
        k += 1
    return out


_YEAR_NEXT = re.compile(r"^năm\s*\d{4}\b", re.I)
_OPEN_DAY = re.compile(r",\s*ngày[\s.…_]*$", re.I)
_MONTH_YEAR_NEXT = re.compile(r"^tháng[\s\d.…_]*năm\s*\d{4}\b", re.I)
_MONTH_ALONE = re.compile(r"^[ \t]*tháng[ \t\d.…_]*$", re.I)
_THANG = re.compile(r"tháng", re.I)


def _date_no_year(text: str) -> Optional[re.Match]:
    """DATE_NO_YEAR.search(text), tried only on a line that ends, past white space and two digits at
    most, in "tháng" (any case): where every match of it ends (sre would try it at each "n" of the line)."""
    r = text.rstrip()
    if r[-1:].isdecimal():
        r = r[:-1]
        if r[-1:].isdecimal():
            r = r[:-1]
    return DATE_NO_YEAR.search(text) if _THANG.fullmatch(r.rstrip()[-5:]) else None


def _split_run_on(raw: list[tuple]) -> list[tuple]:
    """A header or closing that arrived on one line (a plan pasted as one paragraph) is cut at
    its landmarks (kehoach.parser.landmarks); other lines pass through."""
    from kehoach.parser import landmarks as lm

    out: list[tuple] = []
    n = len(raw)
    for k, (text, start, end, outline) in enumerate(raw):
        cuts: set[int] = set()
        header = k < 60 and lm.is_header_line(text)
        if header:
            cuts |= lm.header_cuts(text)
        elif k < 60:
            cuts |= lm.title_body_cut(text) or lm.glued_title_cut(text)
        if k < 60:
            cuts |= lm.vv_cut(text)
        if k >= n - 40 or (" | " in text and lm.is_closing(text)):
            # (a closing table row is cut wherever it stands: long annex tables may follow it)
            if lm.is_closing(text):
                cuts |= lm.closing_cuts(text)
            elif k == n - 1:
                cuts |= lm.name_cut(text)
            cuts |= lm.recipient_cut(text)
        if not cuts:
            out.append((text, start, end, outline))
            continue
        for piece, s in lm.split(text, start, cuts):
            # a header piece may still hold the title run together with the body
            sub = lm.title_body_cut(piece) if header else set()
            for p2, s2 in (lm.split(piece, s, sub) if sub else [(piece, s)]):
                out.append((p2, s2, s2 + len(p2), outline))
    return out


def _header_cells(text: str, start: int) -> Optional[list[tuple[str, int]]]:
    """A header table pasted as a pipe row ("LĐLĐ HUYỆN X | CỘNG HÒA ..."): its cells, with
    their offsets, when one cell is the Quốc hiệu, the motto, the number or the place-date."""
    cells: list[tuple[str, int]] = []
    pos = 0
    for piece in text.split(" | "):
        lead = len(piece) - len(piece.lstrip())
        c = piece.strip()
        if c:
            cells.append((c, start + pos + lead))
        pos += len(piece) + 3
    if len(cells) != 2:
        return None
    for c, _ in cells:
        f = fold(c)
        if _national_text(f) or _motto_text(f) or NUMBER_LINE.match(c) or PLACE_DATE.match(c):
            return cells
    return None


def _hoa(f: str) -> str:
    return f.replace("hoà", "hòa")


_NATIONAL_GLUED = NATIONAL.replace(" ", "")
_PARTY_GLUED = "đảngcộngsảnviệtnam"
# a Youth Union document puts its organisation's name where the Quốc hiệu stands
_YOUTH_GLUED = ("đoàntncshồchíminh", "đoànthanhniêncộngsảnhồchíminh")


_plain = plain_chars  # one char for one char: offsets still hold


_NATIONAL_PLAIN = _plain(NATIONAL).replace(" ", "")


@lru_cache(maxsize=256)
def _q_rx(plain: str) -> re.Pattern:
    """`plain` (folded, without marks) as read from a page that lost its Vietnamese letters to
    "?" (a legacy page shown in Latin-1: "C?NG HOÀ XÃ H?I", "HU?NG D?N"): each letter may be "?"."""
    return re.compile("".join(f"[{re.escape(c)}?]" if c.isalnum() else re.escape(c) for c in plain))


def _q_starts(f: str, target: str) -> bool:
    """A folded line with "?" for its lost letters starts with the folded `target`."""
    m = _q_rx(_plain(target)).match(_plain(f))
    return bool(m) and (m.end() == len(f) or not f[m.end()].isalnum())


def _national_text(f: str) -> bool:
    # compared without spaces: sites glue or split words ("VIỆTNAM", "XÃ H ỘI"); a party
    # document's "ĐẢNG CỘNG SẢN VIỆT NAM" stands where the Quốc hiệu does; and without marks:
    # a typo ("CÔNG HÒA"), a legacy font half converted ("CỘNG HỒ"), a page without them
    # (each test reads at most the first 30 chars of g, which 64 chars of a folded line hold:
    # its spaces are single; a longer g equals none of the names)
    c0 = f[:1] if f[:1] != " " else f[:64].lstrip(" ")[:1]
    if c0 != "đ" and _plain(c0) not in ("c", "?"):
        return False  # g's first char: every name below opens with "c" (without marks), "đ", or a lost letter's "?"
    g = _hoa(f[:64]).replace(" ", "")
    if g.startswith("cộnghồxã"):
        g = "cộnghòa" + g[6:]  # "CỘNG HỒ": HOÀ half converted from a legacy font
    # (an ASCII char is its own plain form: an ASCII char in the "g" or "h" slot of "cônghòa" that is not
    # that letter ("căncứ", "côngtác") rules the Quốc hiệu out without the copy without marks)
    g3, g4 = g[3:4], g[4:5]
    return (g.startswith(_NATIONAL_GLUED) or g == _PARTY_GLUED or g in _YOUTH_GLUED
            or ((g3 == "g" or not g3.isascii()) and (g4 == "h" or not g4.isascii())
                and _plain(g[:len(_NATIONAL_PLAIN)]) == _NATIONAL_PLAIN)  # one char for one: a prefix will do
            or ("?" in g and bool(_q_rx(_NATIONAL_PLAIN).match(_plain(g)))))


def _motto_text(f: str) -> bool:
    if "?" not in f and ("đ" not in f or "ú" not in f):
        return False  # (no "độclập" or "hạnhphúc" below)
    g = f.replace(" ", "")
    if "?" in g:
        g = _plain(g)
        return bool(_q_rx("doclap").search(g) and _q_rx("hanhphuc").search(g))
    return "độclập" in g and "hạnhphúc" in g


@lru_cache(maxsize=1)
def _doc_types() -> list[tuple[str, str]]:
    # (folded type word, canonical name), longest first: sorted once per process, not per line
    return [(fold(prefix), canon) for prefix, canon in sorted(_data()["doc_types"].items(), key=lambda kv: -len(kv[0]))]


# "qui chế", "qui định": the older spelling of "quy" (the literal "qu" first, its look back after
# it: sre skips to each "qu" in C instead of trying the look back at every char)
_OLD_QUI = re.compile(r"qu(?<!\wqu)([iíìỉĩị])(?!\w)")
_QUY = dict(zip("iíìỉĩị", "yýỳỷỹỵ"))


def _new_spelling(f: str) -> str:
    """A folded line with "qui" spelt as today's "quy": the type words compare equal (same length)."""
    return _OLD_QUI.sub(lambda m: "qu" + _QUY[m.group(1)], f) if "qu" in f else f


def doc_type_of(line: str) -> Optional[str]:
    return _doc_type_of(line) or _legacy_doc_type(line)


_LATIN1_HIGH = re.compile("[\x80-\xff]")


def _legacy_doc_type(line: str) -> Optional[str]:
    """A title typed in a legacy font that a page kept as its cp1252 look ("KEÁ HOAÏCH", VNI):
    read through each font's table; a type word does not come out of another by chance."""
    # (the regex over the line's chars in C before the char-by-char test of legacy's)
    if len(line) > 200 or line.isascii() or not _LATIN1_HIGH.search(line) or not legacy._legacy_only(line):
        return None
    return next((t for enc in legacy.ENCODINGS if (t := _doc_type_of(legacy.decode_str(line, enc)))), None)


@lru_cache(maxsize=1)
def _type_prefixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folded type words, and those of several words glued: a line that starts with none
    needs no walk through the list."""
    types = _doc_types()
    return tuple(p for p, _ in types), tuple(p.replace(" ", "") for p, _ in types if " " in p)


_GLUED_MAX = 64  # longer than any glued type word (tests/test_speed_frame.py)


def _doc_type_of(line: str) -> Optional[str]:
    f = _new_spelling(fold(line))
    types = _doc_types()
    prefixes, glued = _type_prefixes()
    if f.startswith(prefixes):
        for p, canon in types:
            if f.startswith(p) and (len(f) == len(p) or not f[len(p)].isalnum()):
                return canon
    if "?" in f:
        return next((canon for p, canon in types if _q_starts(f, p)), None)
    # (the spaces taken out of a head of f that is sure to hold the longest glued word: not a copy of a long line)
    head = f[:2 * _GLUED_MAX]
    g = head.replace(" ", "")
    if len(g) < _GLUED_MAX and len(head) < len(f):
        g = f.replace(" ", "")
    if g.startswith(glued) and is_upper_text(line, 0.9):
        # a title in capitals whose words a site glued ("BÁOCÁO TỔNG KẾT", "KẾHOẠCH", "KẾ HOẠCHHOẠT ĐỘNG")
        g = f.replace(" ", "")
        for p, canon in types:
            if " " in p and g.startswith(p.replace(" ", "")) and (not f.startswith(p) or f[len(p):len(p) + 2].isalpha()):
                return canon
    return None


def _is_title_start(ln: Line, allow_mixed: bool) -> bool:
    if len(ln.text) > 200 or doc_type_of(ln.text) is None:
        return False
    rest = ln.f[len(fold(doc_type_of(ln.text) or "")):].strip(" :.-")
    if re.fullmatch(r"(?:\d+|[ivxlc]+)", rest):  # "CHƯƠNG TRÌNH 1" is a section heading
        return False
    if fold(ln.text).startswith(NATIONAL):
        return False
    return is_upper_text(ln.text, 0.6) or (allow_mixed and (len(ln.text) <= 120 or _own_number_title(ln.text) is not None
                                                          or _page_opening_title(ln)))


def _page_opening_title(ln: Line) -> bool:
    """A page with no header that opens on its title in ordinary case, however long ("Kế hoạch
    Tổ chức các hoạt động ... năm 2016"): the first line, no sentence ended."""
    return ln.i == 0 and not ln.text.rstrip().endswith((".", ";", ":", ","))


def _own_number_title(text: str) -> Optional[re.Match]:
    m = OWN_NUMBER_TITLE.match(text)
    return m if m and fold(doc_type_of(text) or "") == fold(m.group("type")) else None


def _is_national(ln: Line) -> bool:
    if ln.national is None:
        ln.national = _national_text(ln.f)
    return ln.national


def _is_motto(ln: Line) -> bool:
    return len(ln.f) < 60 and _motto_text(ln.f)


@lru_cache(maxsize=1)
def _org_heads() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, tuple[str, str], Optional[str]], ...]]:
    """The folded heads; those glued (of several words); each with a space after; and per head its
    endings and glued form: built once, not per head per line."""
    heads = _folded("org_heads")
    glued = tuple(h.replace(" ", "") for h in heads if " " in h)
    return (heads, glued, tuple(h + " " for h in heads),
            tuple((h, (h + " ", h + ":"), h.replace(" ", "") if " " in h else None) for h in heads))


def _org_head(f: str) -> bool:
    heads, glued, spaced, table = _org_heads()
    if "?" in f:
        return any(_q_starts(f, h) for h in heads)
    # "TRƯỜNG: THCS X", and glued by a site: "CĐTRƯỜNG THCS X", "CÔNGĐOÀN TX BUÔN HỒ"
    g = f.replace(" ", "")
    if not (f.startswith(heads) or g.startswith(glued)):
        return False  # (every test below needs one of the two)
    for h, ends, hg in table:
        if (f == h or f.startswith(ends) or (f.startswith(h) and f[len(h):].startswith(spaced))
                or (hg is not None and g.startswith(hg) and not f.startswith(h))):
            return True
    return False


def _deciding_body(f: str) -> bool:
    """A decision's deciding authority: a body ("ỦY BAN NHÂN DÂN TỈNH X") or the head of one
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")."""
    if _org_head(f):
        return True
    pos = next((p for p in _folded_spaced("positions") if f.startswith(p)), None)
    return pos is not None and _org_head(f[len(pos):])


def _broken_head(prev: str, text: str) -> bool:
    """An organization's head word broken over two lines ("TỔNG LIÊN" / "ĐOÀN LAO ĐỘNG"): the
    previous line's last word and this line make one of the heads."""
    words = prev.split()
    if len(words) < 2 or not text.split():
        return False
    f = fold(words[-1] + " " + text)
    return any(" " in h and f.startswith(h + " ") or f == h for h in _folded("org_heads")) \
        and not _org_head(fold(" ".join(words[-2:])))


def _is_chrome(ln: Line) -> bool:
    return ln.f.startswith(_folded("chrome_prefixes")) or bool(CHROME_INLINE.search(ln.text))


def _header_like(ln: Line, mixed_orgs: bool = False) -> bool:
    if _is_chrome(ln):
        return False
    return (
        _is_national(ln) or _is_motto(ln) or bool(NUMBER_LINE.match(ln.text)) or bool(PLACE_DATE.match(ln.text))
        or (ln.text.startswith("/") and bool(SYMBOL_ONLY.match(ln.text)))  # a blank number's symbol under its "Số:"
        or bool(SEPARATOR.match(ln.text)) or bool(DRAFT.match(ln.text))
        or (mixed_orgs and _org_head(ln.f) and len(ln.text) <= 60 and not ln.text.rstrip().endswith((".", ";", ":"))  # "Trường THCS X" typed in ordinary case
            and not re.search(r"\s(?:theo|của|về|cho|và)\s|\(", ln.f)  # (not a page's heading naming a rule
            and period_from(ln.text) is None)  # or a school year: "Tổ chức Ngày hội ... năm học 2019 - 2020")
        or (is_upper_text(ln.text, 0.7) and len(ln.text) <= 90 and doc_type_of(ln.text) is None
            and period_from(ln.text) is None  # "NHIỆM VỤ ... NĂM HỌC 2014-2015 CỦA ..." is a page heading
            and not _plain_doc_type(ln.text))
    )


def _plain_doc_type(text: str) -> bool:
    """A page's title in capitals without marks ("BIEN BAN BINH XET THI DUA"): no header line."""
    if not text.isascii():
        return False
    f = fold(text)
    return any(f.startswith(_plain(fold(p)) + " ") for p in _data()["doc_types"])


def _national_i(window: list[Line]) -> Optional[int]:
    """The Quốc hiệu's line; or, when a page dropped it, the motto's under it (a site's summary
    of the document may stand before)."""
    nat = next((ln.i for ln in window if _is_national(ln)), None)
    return nat if nat is not None else next((ln.i for ln in window if _is_motto(ln)), None)


def find_title(lines: list[Line], limit: int = 60) -> Optional[int]:
    window = lines[:limit]
    nat = _national_i(window)
    for allow_mixed in (False, True):
        for ln in window:
            if nat is not None and ln.i < nat:
                continue
            if (_is_title_start(ln, allow_mixed) and "[.]" not in ln.text  # (a page's preview cut short: "Sơ kết học[.]")
                    and not (ln.i > 0 and _goes_on(lines[ln.i - 1].text, ln.text))):
                if any(SITE_CARD.match(x.text) for x in lines[ln.i + 1:ln.i + 3]):
                    continue  # the site's heading over its record card ("Số hiệu: ..."), not the document's title
                if ln.i + 1 < len(lines) and not _bare_type(ln.text) and _bare_type(lines[ln.i + 1].text) \
                        and doc_type_of(lines[ln.i + 1].text) != doc_type_of(ln.text):
                    return ln.i + 1  # a page's heading naming its file ("QUY CHẾ THU CHI ...") over "HƯỚNG DẪN" alone
                return ln.i
    return None


def _bare_type(text: str) -> bool:
    """The type word alone on its line ("KẾ HOẠCH", "HƯỚNG DẪN"), its subject under it."""
    t = doc_type_of(text)
    return t is not None and _new_spelling(fold(text)).strip(" .:") in {p for p, c in _doc_types() if c == t}


def _goes_on(prev: str, text: str) -> bool:
    """`text` goes on with the sentence `prev` broke off ("Thực hiện Nghị định 71 ... và" /
    "chỉ thị 38 của Thủ tướng ..."): it opens in lower case after a joining word or a comma."""
    return text[:1].islower() and bool(re.search(r"(?:,|\s(?:và|của|theo|về|với|tại|hoặc|cùng))\s*$", prev, re.I))


@lru_cache(maxsize=1)
def _stop_labels() -> frozenset[str]:
    return frozenset(fold(x) for x in _data()["title_stop_labels"])  # folded once per process, not per line


def _labelled(ln: Line) -> bool:
    """A field line ("Khẩu hiệu: ...", "Chủ đề: ...", "HỌ VÀ TÊN: ..."): under a title, not its subject."""
    m = re.match(r"^[-+•]?\s*([^:]{2,25}?)\s*:", ln.f)
    return bool(m) and m.group(1) in _stop_labels()


_TITLE_LINE_MAX = 400  # the longest one-line title subject in capitals taken under a bare type word


def _title_continues(ln: Line, title_has_period: bool = True, after_mixed: bool = False,
                     nxt: Optional[Line] = None, prev: str = "") -> bool:
    """Whether `ln` continues the title. `after_mixed`: the title already has a subject line in
    ordinary case ("Về việc ban hành ..."), so a line in capitals after it is the issuing body
    of a decision ("BAN CHẤP HÀNH CÔNG ĐOÀN ...") unless it names the period."""
    from kehoach.parser.segment import candidates

    if re.search(r"\bsố\s*:?\s*\d+\S*/\S+$", fold(prev).rstrip()) and re.match(r"^ngày\s*\d", ln.f) and len(ln.text) <= 40:
        return True  # "CHỈ THỊ CỦA BỘ X SỐ 07/2008/CT-BX" / "NGÀY 30 THÁNG 12 NĂM 2008": its own number's date
    # (a subject in capitals right under the bare type word may run long on one line: a web page or
    # a Markdown copy keeps the whole title subject as one line, "QUYẾT ĐỊNH" / "VỀ VIỆC PHÂN BỔ ...")
    if ((len(ln.text) > 110 and not (len(ln.text) <= _TITLE_LINE_MAX and _bare_type(prev) and is_upper_text(ln.text, 0.9)))
            or NUMBERED.match(ln.text) or PLACE_DATE.match(ln.text) or ln.text.rstrip().endswith((";", ":"))
            or _labelled(ln) or HANDLING_NOTE.match(ln.text) or re.fullmatch(r"\d+(?:\s+\d+)+", ln.text.strip())):  # (a site's counters: "12 200 0")
        return False
    # a section heading ("PHẦN THỨ NHẤT", "CHƯƠNG TRÌNH 1", "QUÝ III/2021") starts the body
    # (but "QUÝ I NĂM 2025" under a title that names no period yet is the title's period)
    for c in candidates(ln.text, ln.i):
        style = c.style.split(":")[0]
        if style in ("quarter", "month") and not title_has_period and period_from(ln.text):
            continue
        if style in ("part", "chapter", "quarter", "month", "roman", "upper") or c.values == (1,):
            return False
    if ((re.match(r"^(căn cứ|thực hiện|trên cơ sở|kính g[ửở]i|nơi nhận)\b", ln.f) and not is_upper_text(ln.text, 0.9))
            or ON_BEHALF.match(ln.text) or _is_chrome(ln) or ATTACHMENT.match(ln.text)):
        return False  # a body sentence ("Thực hiện Kế hoạch ..."; in capitals it is the title's), the page's, an annex note
    if title_has_period and ln.text.rstrip().endswith(".") and not is_upper_text(ln.text, 0.7):
        return False  # the title already named its period; a sentence after it starts the body
    if is_upper_text(ln.text, 0.7):
        if nxt is not None and re.match(r"^(?:[-+•]\s*)?căn cứ\b", nxt.f) and _deciding_body(ln.f):
            return False  # the body that decides ("BAN CHẤP HÀNH CÔNG ĐOÀN ...") over its "Căn cứ" lines
        return not after_mixed or period_from(ln.text) is not None
    if title_has_period and not ln.text[:1].islower() and re.match(r"^(năm|tháng|quý|học kỳ)\b", ln.f):
        return False  # "Năm 2022, dự báo ...": the body's first sentence, the title named its period
    # the subject wraps: a line in lower case, or one opening with a preposition ("Cho nữ
    # cán bộ ...", "Trong các trường học ...", "V/v ...", "Về việc ...")
    # ("1983 năm khởi nghĩa ...": a number that is no outline number wraps too), or the line
    # before broke off on a connective ("... ( 20/11/1982 – 20/11/2025 ) và" / "Hội nghị ...")
    return (ln.text[:1].islower() or ln.text[:1].isdigit() or ln.f.startswith(tuple(_data()["title_continuations"]))
            or bool(re.search(r"(?:^|\s)(?:và|của|cho|về|với|giữa|tại|trong|ngày|các|những|nhằm)$", fold(prev).rstrip())))


# vowel-less abbreviations that are whole words, not pieces of a broken one
_ABBREV = {"CĐ", "CĐCS", "BCH", "BCĐ", "LĐLĐ", "THPT", "THCS", "TH", "MN", "GD", "GDĐT", "TP", "TX", "BGH", "TTCM", "PGD", "SGD"}


def _glue(prev: str, nxt: str) -> str:
    """Join two pieces of an organization name broken across lines, mid-word or not."""
    a = prev.split()[-1] if prev.split() else ""
    b = nxt.split()[0] if nxt.split() else ""
    no_vowel = lambda w: not any(c in _VOWELS for c in fold(w))  # noqa: E731
    if not (a.isalpha() and b.isalpha()) or a.upper() in _ABBREV or b.upper() in _ABBREV:
        return prev + " " + nxt
    lone_piece = len(nxt.split()) == 1 and len(b) <= 3  # "...THỪA THIÊN HU" / "Ế", "ĐÔ" / "NG"
    if lone_piece or (no_vowel(a) and len(a) <= 3) or (no_vowel(b) and len(b) <= 3):
        return prev + nxt
    return prev + " " + nxt


def _parse_place_date(text: str) -> tuple[Optional[str], Optional[str]]:
    m = PLACE_DATE.match(text)
    if not m:
        return None, None
    place = (m.group("place") or m.group("place2") or "").strip(" ,.-") or None
    d, mo, y = m.group("d"), m.group("m"), m.group("y")
    date = None
    if d and mo and y:
        di, mi, yi = int(d), int(mo), int(y)
        if 1 <= mi <= 12 and 1 <= di <= 31:
            date = f"{yi:04d}-{mi:02d}-{di:02d}"
    return place, date


def parse_header(lines: list[Line], header_start: int, title_i: Optional[int],
                 skip: tuple | list = ()) -> tuple[Header, int]:
    """Header fields from lines[header_start:title_i] (but `skip`: a công văn's V/v lines);
    returns (header, index after the last header line)."""
    h = Header()
    orgs: list[str] = []
    end = title_i if title_i is not None else header_start
    last = header_start
    after_so = False  # the previous header line was a bare "Số:"
    since = 0  # orgs[since:] came after the last Quốc hiệu, motto, number or place-date line
    frozen, kept = False, []
    num_i = len(lines)  # the number's line
    for ln in lines[header_start:end]:
        text = ln.text.strip()
        if _is_chrome(ln) or SEPARATOR.match(text) or ln.i in skip or VV_LINE.match(text):
            continue
        was_so, after_so = after_so, False
        if frozen:
            last = ln.i + 1
            continue
        if _is_national(ln) or _is_motto(ln) or PLACE_DATE.match(text) or NUMBER_LINE.match(text):
            if _is_national(ln) and h.national_title and len(orgs) - since >= 2:
                # the header again, whole (a page's preview, then the document): read the last copy
                h, orgs = Header(), orgs[since:]
            elif _is_national(ln) and h.national_title and h.date:
                frozen, orgs = True, kept  # printed again after a whole first copy: the first holds
                last = ln.i + 1
                continue
            since, kept = len(orgs), list(orgs)
        if _is_national(ln):
            h.national_title = text
        elif _is_motto(ln):
            h.motto = text
        elif PLACE_DATE.match(text) and h.date is not None and h.date_text:
            continue  # a second place-date under the header's is the body's (a dated line of a schedule)
        elif PLACE_DATE.match(text):
            h.place, h.date = _parse_place_date(text)
            h.date_text = text
            prev = lines[ln.i - 1].text.strip() if ln.i > header_start else ""
            if h.place and _PLACE_WORDS.fullmatch(prev):
                h.place = prev + " " + h.place  # the place broken over two lines ("Thuỷ" / "Vân, ngày ...")
            elif not h.place and text[:4].lower() == "ngày" and _PLACE_ALONE.fullmatch(prev):
                h.place = prev.rstrip(" ,")  # the place alone on the line above: "Hà Nội," / "ngày 15 tháng ..."
            if h.place and not _WORD_CHAR.search(h.place):
                h.place = None  # left blank: "………, ngày ..."
        elif was_so and re.fullmatch(r"[A-ZĐ][A-ZĐ&]*(?:\s*-\s*[A-ZĐ&]+)+", text):
            h.symbol = text  # "Số:" left blank, its code alone on the next line ("QC-MNHT")
        elif h.number and re.fullmatch(r"[A-ZĐ][A-ZĐ&]{1,9}", text) and (
                h.number.endswith("-") or (num_i + 1 < len(lines) and lines[num_i + 1].text.strip() in ("-", "–"))):
            # the number's code broken at a dash, its end under the place-date of the other column
            # ("Số: 255 / BC-BCĐPCGD-" ... "XMC")
            h.number = h.number.rstrip("-– ") + "-" + text
            h.symbol = h.number[h.number.find("/"):] if "/" in h.number else None
        elif (m := NUMBER_LINE.match(text)) or (was_so and SYMBOL_ONLY.match(text)):
            # a blank draft number spaced out ("Số:     /CTr-CĐ") reaches here as two lines
            rest = m.group("rest").strip() if m else text
            if m and re.fullmatch(r"[.…_\s]*", rest):
                rest = ""  # "Số: . . ." - the number left blank, its symbol on the next line
            elif m and re.match(r"[.:]+\s*\d", rest):
                rest = rest.lstrip(".: ")  # "Số:. 4315/BGDĐT-GDTrH": a stray stop typed after the colon
            after_so = bool(m) and not rest
            if rest:
                if rest.startswith("/") or not re.match(r"\w", rest):
                    h.symbol = rest  # the number is left blank in drafts: "Số:    /CTr-CĐ"
                else:
                    h.number, num_i = rest, ln.i
                    h.symbol = rest[rest.find("/"):] if "/" in rest else None
        elif (is_upper_text(text, 0.7) or _org_head(ln.f)) and doc_type_of(re.sub(r"^(?i:qui)\b", "QUY", text)):
            continue  # a page's heading naming a document ("QUI CHẾ THU CHI ..." over "HƯỚNG DẪN"), no body
        elif is_upper_text(text, 0.7) or (_org_head(ln.f) and len(text) <= _ORG_LINE_MAX):
            if (m := re.match(r"^(?P<org>.*\S)\s+Số\s*:\s*(?P<rest>\S*/\S.*)$", text)) and h.number is None:
                # the number beside the agency on its line ("CÔNG ĐOÀN GIÁO DỤC Số: 12/CĐGD")
                text, h.number = m.group("org"), m.group("rest").strip()
                h.symbol = h.number[h.number.find("/"):]
            text = re.sub(r"\s*[-_=*~.–—]{3,}\s*$", "", text)  # a rule line glued to the agency ("... ĐÀO TẠO ------")
            if orgs and re.search(r"\s[-–]$", orgs[-1]):
                orgs[-1] = orgs[-1] + " " + text  # joint issuers over two lines: "UỶ BAN NHÂN DÂN -" / "LIÊN ĐOÀN ..."
            elif orgs and re.match(r"^[-–]\s", text) and not _org_head(fold(text[1:].strip())):
                orgs[-1] = orgs[-1] + " " + text[1:].strip()  # "LIÊN ĐOÀN LAO ĐỘNG TỈNH" / "- HÀ TĨNH"
            elif orgs and (not _org_head(ln.f) or len(orgs[-1].split()) == 1  # a lone word ("ỦY") is no agency yet
                           or _broken_head(orgs[-1], text)):
                orgs[-1] = _glue(orgs[-1], text)
            else:
                orgs.append(text)
        elif orgs and ln.i > header_start and lines[ln.i - 1].f.strip(" :") == fold(orgs[-1]).strip(" :") \
                and _names_bare_body(lines[ln.i - 1], ln):
            orgs[-1] = orgs[-1] + " " + text  # "Công đoàn cơ sở" / "Trờng tiểu học X" (its ư lost): one body
        else:
            continue
        last = ln.i + 1
    seen: set[str] = set()
    # a header a page printed twice (its preview, then the document) names each body twice
    orgs = [o for o in orgs if not (fold(o) in seen or seen.add(fold(o)))]
    if len(orgs) == 1:
        orgs = _split_orgs(orgs[0])
    orgs = [_undoubled(o) for o in orgs]
    if len(orgs) >= 2 and _BARE_BODIES.fullmatch(fold(orgs[0]).strip()):
        # "CÔNG ĐOÀN – ĐOÀN THANH NIÊN" over "CÔNG TY TNHH ...": kinds of body with no name yet,
        # the line under them names whose they are; no parent body
        orgs = [orgs[0] + " " + orgs[1]] + orgs[2:]
    if len(orgs) >= 2 and h.symbol and JOINT_SYMBOL.search(h.symbol):
        # a joint document: the bodies in the left column issue it together
        h.issuer = " - ".join(orgs)
    elif len(orgs) == 1:
        h.issuer = orgs[0]
    elif len(orgs) >= 2:
        h.superior = orgs[0]
        h.issuer = " ".join(orgs[1:])
    return h, last


# a body's name in ordinary case is a short line; a paragraph that opens with one ("Bộ X nhận được
# Công văn số ...") is the body text of a letter whose place-date the header did not stop at
_ORG_LINE_MAX = 150

_BARE_BODY = r"(?:công đoàn(?: cơ sở)?|cđcs|cđ|đoàn thanh niên|đoàn tncs hồ chí minh|chi đoàn|chi bộ|ban chấp hành|bch)"
_BARE_BODIES = re.compile(rf"{_BARE_BODY}(?:\s*[-–,&]\s*{_BARE_BODY}|\s+và\s+{_BARE_BODY})*")


def _undoubled(org: str) -> str:
    """A body's name a page printed twice in a row on one line (its preview's copy, then the
    document's: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"): once."""
    w = org.split()
    half = len(w) // 2
    return " ".join(w[:half]) if len(w) >= 4 and len(w) % 2 == 0 and fold(" ".join(w[:half])) == fold(" ".join(w[half:])) else org


# (glued to the word before by a site too: "PHÒNG GD&ĐT BẠCH THÔNGTRƯỜNG TH ...")
_ISSUER_HEAD = re.compile(r"(?<=[\sA-ZĐÀ-Ỹ])(?:CÔNG ĐOÀN|CĐCS|CĐ|BCH|BAN CHẤP HÀNH|CHI BỘ|PHÒNG|TRƯỜNG|(?<!CƠ )SỞ)(?=[\s:])")
_LEVEL = re.compile(r"(?i)(?<!\w)(?:huyện|quận|thị xã|thành phố|tỉnh|ngành|phường|xã|tp\.?|tx\.?)(?!\w)")


def _split_orgs(text: str) -> list[str]:
    """Superior body and issuer on one line ("LĐLĐ QUẬN HÀ ĐÔNG CĐ TRƯỜNG TH LÊ QUÝ ĐÔN"): cut
    before the union that issues, when what precedes names an administrative level."""
    for m in _ISSUER_HEAD.finditer(text):
        head = text[:m.start()].strip()
        # the parent names an administrative level, or is itself a federation, a sector union
        # or an office ("CĐ NGHÀNH GD& ĐT QUẢNG TRẠCH CĐCS TRƯỜNG ...", typo and all)
        parent = re.match(r"(?:CĐ|CÔNG ĐOÀN|LĐLĐ|LIÊN ĐOÀN|PHÒNG|SỞ|UBND)\s", head) and not re.match(r"(?:CÔNG ĐOÀN|CĐ)\s+CƠ\s+SỞ\b", head)
        union = m.group() in ("CÔNG ĐOÀN", "CĐCS", "CĐ") or (m.group() == "TRƯỜNG" and re.match(r"(?:PHÒNG|SỞ|UBND)\s", head))
        if len(head.split()) >= 3 and (_LEVEL.search(head) or (parent and union)):
            return [head, text[m.start():].strip()]
    # typed in ordinary case: "Sở GD&ĐT Hải Phòng Trường THPT X" (a page that dropped TCVN3's
    # soft-hyphen ư writes "Trờng")
    if not is_upper_text(text, 0.7) and re.match(r"(?i)(?:sở|phòng|ubnd|lđlđ|liên\s+đoàn)\s", text):
        m = re.search(r"(?<=\s)(?:Trường|Trờng|Công đoàn|Chi bộ)(?=\s)", text)
        if m and len(text[:m.start()].split()) >= 3:
            return [text[:m.start()].strip(), text[m.start():].strip()]
    return [text]


def _names_bare_body(bare: Line, ln: Line) -> bool:
    """`ln` names whose body the line above is, that line a kind of body alone ("Công đoàn cơ sở" /
    "Trường tiểu học X", the school's name however typed)."""
    return (bool(_BARE_BODIES.fullmatch(bare.f.strip(" :"))) and len(ln.text) <= 60 and ln.text[:1].isupper()
            and not ln.text.rstrip().endswith((".", ";", ":", ",")) and not _is_chrome(ln)
            and doc_type_of(ln.text) is None and period_from(ln.text) is None)


def _header_start(lines: list[Line], anchor: int) -> int:
    """Walk back from the anchor (Quốc hiệu or title) over header-like lines, and over a
    công văn's "V/v ..." subject (with its wrapped lines) between the number and the Quốc hiệu."""
    i = anchor
    while i > 0 and anchor - (i - 1) <= 10:
        prev = lines[i - 1]
        if _header_like(prev, mixed_orgs=_is_national(lines[anchor])):  # (an agency in ordinary case beside a Quốc hiệu)
            i -= 1
            continue
        if i >= 2 and _names_bare_body(lines[i - 2], prev):
            i -= 2
            continue
        vv = next((k for k in range(i - 1, max(-1, i - 5), -1) if VV_LINE.match(lines[k].text)), None)
        if vv is None or i - 1 not in _vv_lines(lines, vv):
            break
        i = vv
    return i


PERIOD_PATTERNS = [
    # as typed: "kì" for "kỳ", "năm học (2008-2009)", "NĂM HỌC 2016 2017", words glued by a site
    ("term", re.compile(r"(?:học\s*k[ỳì]|HK)\s*(?P<hk>I{1,2}|1|2)\b.*?năm\s*học\s+\(?(?P<y1>\d{4})\s*[-–—]\s*(?P<y2>\d{4})", re.I)),
    ("school_year", re.compile(r"năm\s*học\s*:?\s*\(?(?P<y1>\d{4})\s*(?:[-–—/]\s*|\s)(?P<y2>\d{4})", re.I)),
    ("quarter", re.compile(r"quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm|-)\s*(?P<y>\d{4})", re.I)),
    ("half_year", re.compile(r"(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s*(?P<y>\d{4})", re.I)),
    ("month", re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:/|năm|-)\s*(?P<y>\d{4})", re.I)),
    ("term_of_office", re.compile(r"nhiệm\s*k[ỳì]\s*:?\s*\(?(?P<y1>\d{4})\s*[-–—]\s*(?P<y2>\d{4})", re.I)),
    # (a Tết named by its lunar year too: "TẾT NGUYÊN ĐÁN BÍNH NGỌ 2026")
    ("year", re.compile(r"(?:năm|" + CAN_CHI + r")\s+(?P<y>\d{4})\b", re.I)),
]
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


# "từ nay đến hết năm 2024", "... đến năm 2023" (from the document's month); "từ năm 2009 - đến năm 2014"
_UNTIL_YEAR_END = re.compile(r"(?:từ\s+nay\s+)?đến\s+(?:hết\s+|cuối\s+)?năm\s*(?P<y>\d{4})", re.I)
_COUNTED_YEARS = re.compile(r"(?<![\d/])(?P<n>\d{1,2})\s+năm\b[^()\d]{0,80}(?P<span>\(\s*(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})\s*\))", re.I)
_STAGE = re.compile(r"giai\s+đoạn\s*\(?(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})", re.I)  # "giai đoạn 2010-2012"
_FROM_TO_YEARS = re.compile(r"từ\s+năm\s*(?P<y1>\d{4})\s*[-–,]?\s*đến\s+(?:hết\s+)?năm\s*(?P<y2>\d{4})", re.I)


def _stage_of_another(text: str, m: re.Match) -> bool:
    """"giai đoạn 2018-2025" that is not the document's own stretch: inside a quoted programme's
    name (Đề án "... giai đoạn 2018 - 2025"), a strategy with its "tầm nhìn 2030", or a report on
    the first years of it ("sơ kết 02 năm thực hiện ...")."""
    before = text[:m.start()]
    quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    # "KẾ HOẠCH VỐN NĂM 2023 THỰC HIỆN ĐỀ ÁN ... GIAI ĐOẠN 2022-2025": the document names its own
    # year of the stage, then the programme it carries out, whose stage that is
    own_year = re.search(r"năm\s+(\d{4})\s+(?:để\s+)?thực\s+hiện\s+(?:các\s+|\d+\s+)?(?:đề\s+án|chương\s+trình|dự\s+án)\b",
                         before, re.I)
    return (quoted or bool(re.search(r"tầm\s+nhìn", text, re.I))
            or bool(re.search(r"\b\d{1,2}\s+năm\s+thực\s+hiện", before, re.I))
            or bool(own_year and int(m.group("y1")) <= int(own_year.group(1)) <= int(m.group("y2"))))


@lru_cache(maxsize=1)
def _named_period_patterns() -> list[tuple[re.Pattern, dict]]:
    """frame.yaml's named periods, their patterns compiled once (not looked up in re's cache per title)."""
    return [(re.compile(item["pattern"], re.I), item) for item in _data().get("named_periods", [])]


def _named_period(text: str, date_month: Optional[str]) -> Optional[Period]:
    """A stretch named, not dated: "Tháng Công nhân năm 2025" (May), "hè 2024" (June-August),
    "từ nay đến hết năm 2024" (from the document's month to December)."""
    m = _STAGE.search(text)
    if m and int(m.group("y1")) < int(m.group("y2")) and not _stage_of_another(text, m):
        return Period(kind="year", start=f"{m.group('y1')}-01", end=f"{m.group('y2')}-12", text=m.group(0))
    m = _COUNTED_YEARS.search(text)
    if m and int(m.group("y2")) - int(m.group("y1")) + 1 == int(m.group("n")):
        # "TỔNG KẾT 5 NĂM ... (2006-2010)": the years counted are the span's (an anniversary's
        # "10 năm ... (2010-2020)" counts the years between, not the years it holds)
        return Period(kind="year", start=f"{m.group('y1')}-01", end=f"{m.group('y2')}-12", text=m.group("span"))
    m = _UNTIL_YEAR_END.search(text)
    if m:
        y = m.group("y")
        start = date_month if date_month and date_month[:4] <= y else f"{y}-01"
        return Period(kind="year", start=start, end=f"{y}-12", text=m.group(0))
    for rx, item in _named_period_patterns():
        m = rx.search(text)
        if not m:
            continue
        y = re.search(r"(?<!\d)(\d{4})(?!\d)", text[m.end():m.end() + 100])
        year = y.group(1) if y else (date_month[:4] if date_month else None)
        if not year:
            continue
        a, b = item["months"]
        end = m.end() + y.end() if y else m.end()
        return Period(kind=item["kind"], start=f"{year}-{a:02d}", end=f"{year}-{b:02d}", text=text[m.start():end])
    return None


def period_from(text: Optional[str], date_month: Optional[str] = None) -> Optional[Period]:
    """The period a title names. `date_month` (YYYY-MM, the document's date) dates a stretch
    named from now on ("từ nay đến hết năm 2024")."""
    if not text or _FROM_TO_YEARS.search(text):
        return None  # a strategy "từ năm 2009 đến năm 2014" names no period of ours
    named = _named_period(text, date_month)
    for kind, rx in PERIOD_PATTERNS:
        if named and kind in ("term_of_office", "year"):
            return named
        m = rx.search(text)
        if kind == "year":  # "năm 2008" of a full date ("ngày 07 tháng 10 năm 2008") names no year
            m = next((x for x in rx.finditer(text) if not re.search(r"tháng\s*\d{1,2}\s*$", text[:x.start()], re.I)), None)
        if not m:
            continue
        g = m.groupdict()
        if kind == "term":
            y1, y2 = int(g["y1"]), int(g["y2"])
            first = g["hk"].upper() in ("I", "1")
            start, end = (f"{y1}-09", f"{y2}-01") if first else (f"{y2}-01", f"{y2}-05")
        elif kind in ("school_year",):
            y1, y2 = int(g["y1"]), int(g["y2"])
            if y2 != y1 + 1:
                continue
            start, end = f"{y1}-09", f"{y2}-08"
        elif kind == "term_of_office":
            start, end = f"{g['y1']}-01", f"{g['y2']}-12"
        elif kind == "quarter":
            q = _ROMAN.get(g["q"].upper()) or int(g["q"])
            start, end = f"{g['y']}-{3 * q - 2:02d}", f"{g['y']}-{3 * q:02d}"
        elif kind == "half_year":
            first = fold(g["h"]) == "đầu"
            start, end = (f"{g['y']}-01", f"{g['y']}-06") if first else (f"{g['y']}-07", f"{g['y']}-12")
        elif kind == "month":
            mo = int(g["m"])
            if not 1 <= mo <= 12:
                continue
            start = end = f"{g['y']}-{mo:02d}"
            if date_month and start < date_month and re.search(r"ngày\s*\d{1,2}\s*$", text[:m.start()], re.I):
                continue  # "... ngày 07 tháng 10 năm 2008 của ...": a cited document's date, before this one
            # "kết quả tháng 4 và phương hướng tháng 5 năm 2026": both months
            before = [int(x) for x in re.findall(r"tháng\s+(\d{1,2})(?!\s*(?:/|năm|-)\s*\d)", text[:m.start()], re.I)]
            if before and 1 <= before[0] < mo:
                start = f"{g['y']}-{before[0]:02d}"
                return Period(kind=kind, start=start, end=end, text=text[text.lower().find("tháng"):m.end()])
        else:
            start, end = f"{g['y']}-01", f"{g['y']}-12"
        return Period(kind=kind, start=start, end=end, text=m.group(0))
    return named or _event_month(text, date_month) or _bare_month(text, date_month)


_BARE_MONTH = re.compile(r"(?<![\w/])(?<!ngày\s)tháng\s+(?P<m>\d{1,2})(?!\s*(?:[/\-–]|năm)\s*\d)(?![\d/])", re.I)


def _bare_month(text: str, date_month: Optional[str]) -> Optional[Period]:
    """"BIÊN BẢN Kiểm tra ... tháng 9" with no year: the month nearest the document's date
    (a report on the month before, a plan for the month after, across a new year too)."""
    ms = [m for m in _BARE_MONTH.finditer(text) if 1 <= int(m.group("m")) <= 12]
    if len(ms) != 1 or not date_month or re.search(r"ngày\s*\d{1,2}\s*$", text[:ms[0].start()], re.I):
        return None
    y, dm, mo = int(date_month[:4]), int(date_month[5:7]), int(ms[0].group("m"))
    year = min((y - 1, y, y + 1), key=lambda c: abs((c * 12 + mo) - (y * 12 + dm)))
    return Period(kind="month", start=f"{year}-{mo:02d}", end=f"{year}-{mo:02d}", text=ms[0].group(0))


_DAY_MONTH = re.compile(r"(?<![\d/.])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?(?![\d/])")
# a whole date with dashes or dots, spaced as typed ("TẾT THIẾU NHI 1- 6- 2012", "8.3.2013"); with its
# year only: a bare "1-6" may be a range ("lớp 1-5")
_DAY_MONTH_DASHED = re.compile(r"(?<![\d/.\-–])(?P<d>\d{1,2})\s*(?P<s>[-.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})(?![\d\-–])")


_YEARS_SPAN = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<y1>\d{4})\s*[-–—]\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<y2>\d{4})")


_OBSERVED_DAY = re.compile(r"(?:kỷ|kỉ)\s+niệm\s+ngày\s*$|chào\s+mừng\s+ngày\s*$", re.I)
# a campaign year: "lấy năm 2016 là “Năm phát triển đoàn viên”" (the title quotes the campaign's name)
_CAMPAIGN_YEAR = re.compile(r"năm\s+(?P<y>\d{4})\s+(?:là|làm)\s+[“\"]\s*năm\s+(?!học\b)", re.I)
_QUOTED_YEAR_NAME = re.compile(r"[“\"]\s*năm\s+(?!học\b)[^\d“”\"]{3,}[”\"]", re.I)


def period_from_body(title: str, body: str, date_month: Optional[str]) -> Optional[Period]:
    """A title that names its period only by what the body dates: a campaign year quoted by name
    ("Kế hoạch triển khai “Năm phát triển đoàn viên”", the body "lấy năm 2016 là “Năm ...”"), or an
    event day without its year in an undated plan ("Kỷ niệm Ngày Quốc tế phụ nữ 8/3", the body
    "ngày 08/03/2011")."""
    if _QUOTED_YEAR_NAME.search(title):
        m = _CAMPAIGN_YEAR.search(body)
        if m:
            y = m.group("y")
            return Period(kind="year", start=f"{y}-01", end=f"{y}-12", text=m.group(0).rstrip(" “\"").rstrip())
    if date_month is None:
        days = [m for m in _DAY_MONTH.finditer(title) if not m.group("y")]
        if days:
            d, mo = int(days[-1].group("d")), int(days[-1].group("m"))
            m = re.search(rf"(?<![\d/.])0?{d}\s*/\s*0?{mo}\s*/\s*(?P<y>\d{{4}})(?!\d)", body)
            if m and 1 <= mo <= 12:
                return _event_month(title, f"{m.group('y')}-{mo:02d}")
    return None


def _event_month(text: str, date_month: Optional[str]) -> Optional[Period]:
    """A single-event title names its day ("... Ngày Quốc tế Phụ nữ 8/3/2013", "... 20/10"):
    the month of its last such date, in the year written or the document's year."""
    # not a cited document's date ("Chỉ thị ... ngày 03/9/2019") nor a page's time stamp
    # nor a site card's "Ngày ban hành: 03/02/2020"
    found = sorted([*_DAY_MONTH.finditer(text), *_DAY_MONTH_DASHED.finditer(text)], key=lambda m: m.start())
    # (an observance's "kỷ niệm ngày 20/11/2010" is the event's day)
    hits = [m for m in found if 1 <= int(m.group("d")) <= 31 and 1 <= int(m.group("m")) <= 12
            and not (re.search(r"(?:ngày|\d{1,2}:\d{2}|ban\s+hành\s*:)\s*$", text[:m.start()], re.I)
                     and not _OBSERVED_DAY.search(text[:m.start()]))]
    if hits and date_month and any(r.start() <= hits[-1].start() < r.end() and r.group("y1") != r.group("y2")
                                   for r in _YEARS_SPAN.finditer(text)):
        # an anniversary's span ("kỷ niệm 90 năm ... (28/7/1929 - 28/7/2019)"): its day is the event's
        # when it is near (a contest for it), not when months away (the activities of a campaign up to it)
        y, mo = int(hits[-1].group("y") or 0), int(hits[-1].group("m"))
        if (y * 12 + mo) - (int(date_month[:4]) * 12 + int(date_month[5:7])) > 2:
            return None
    if not hits:
        return None
    m = hits[-1]
    year = m.group("y") or (date_month[:4] if date_month else None)
    if not year:
        return None
    mo = f"{year}-{int(m.group('m')):02d}"
    if date_month and not date_month <= mo <= f"{int(date_month[:4]) + 1}{date_month[4:]}":
        return None  # an event the plan prepares comes within the year after the plan's date
    return Period(kind="month", start=mo, end=mo, text=m.group(0))


def _is_position(ln: Line, any_case: bool = False) -> bool:
    if any_case:
        if ln.position_any_case is None:
            ln.position_any_case = _judge_position(ln, True)
        return ln.position_any_case
    if ln.position is None:
        ln.position = _judge_position(ln, False)
    return ln.position


def _judge_position(ln: Line, any_case: bool) -> bool:
    if len(ln.text) > 45 or not (any_case or is_upper_text(ln.text, 0.7)):
        return False
    f = ln.f.strip(" .:")
    # under a TM./TL. line a position may name its office: "Trưởng phòng Đào tạo"
    # (one of the positions, or any_case and one of them then a space: a set and a tuple, not a walk)
    return (f in _folded_set("positions") or (any_case and f.startswith(_folded_spaced("positions")))
            or (not any_case and _second_position(ln.text) is not None))


def _second_position(text: str) -> Optional[str]:
    """Two signers' positions side by side on one line ("THƯ KÝ CHỦ TRÌ HỘI NGHỊ"): the
    second, the right-hand column, where the one who answers for the document signs."""
    words = text.strip(" .:").split()
    known = _folded_set("positions")
    for k in range(1, len(words)):
        if fold(" ".join(words[:k])) in known and fold(" ".join(words[k:])) in known:
            return " ".join(words[k:])
    return None


def _is_person_name(text: str, allow_caps: bool = False) -> bool:
    # a degree before the name is part of it as signed: "ThS. Trần Văn A", "Th.s Lê B", "PGS.TS Đỗ C"
    m = DEGREE.match(text)
    if m and (text[m.end() - 1] in ". " or text[m.end():m.end() + 1].isspace()):
        text = text[m.end():]
    toks = text.strip(" .").split(None, 6)  # (seven pieces at most: a longer line is no name either)
    if not 2 <= len(toks) <= 6:
        return False
    if all(NAME_TOKEN.match(t) for t in toks):
        return True
    # "NGUYỄN THỊ HUỆ": only where a name is expected, and never an org or a position
    f = fold(text)
    return (allow_caps and all(t.isalpha() and t.isupper() for t in toks) and not _org_head(f)
            and not f.startswith(_folded("positions"))
            # a position the lexicon lacks ("PHÓ CHÁNH VĂN PHÒNG", "PHÓ CHỦ NHIỆM"): no name holds these words
            and not f.startswith(("phó ", "chánh ")) and not {"trưởng", "nhiệm", "đốc"} & set(f.split()))


SIGN_NOTE = re.compile(r"^\(\s*(?:đã\s+)?k[ýí]\b[^)]*\)?$", re.I)  # "(Đã ký)", "(ký tên, đóng dấu)"
BLANK_FILL = re.compile(r"^[.…_\s]+$")  # a dotted line left to fill in


def _blank_slot(lines: list[Line], b: Line) -> bool:
    """Nothing signed under a TM./KT. line: only a signing note or dotted lines follow it."""
    return all(SIGN_NOTE.match(x.text.strip()) or BLANK_FILL.match(x.text) for x in lines[b.i + 1:])


SPECKS = re.compile(r"^[._,'`]+\s*(?=[-+•])")  # a scan's specks before a bullet: "._ - Sở Tài chính;"


def _closing_line(text: str) -> bool:
    """A signature line (TM./KT., a position, a name, a signing note), not a recipient's wrap."""
    ln = Line(0, text, fold(text), 0, 0)
    return bool(ON_BEHALF.match(text) or SIGN_NOTE.match(text.strip()) or _is_position(ln)
                or _is_person_name(text, allow_caps=True))


# the title of an annex or a document printed after the signature ("THUYẾT MINH DỰ TOÁN NĂM 2020",
# "PHỤ LỤC 01", "DANH SÁCH ...", "KẾ HOẠCH"): its bullets are no recipients
_ANNEX_HEAD = re.compile(r"(?:THUYẾT MINH|PHỤ LỤC|DANH SÁCH|BIỂU MẪU|MẪU SỐ)(?![^\W\d_])")


def _annex_title(text: str) -> bool:
    t = text.strip()
    return (8 <= len(t) <= 120 and not BULLET.match(t) and is_upper_text(t, 0.9)
            and bool(_ANNEX_HEAD.match(t) or doc_type_of(t)) and not _closing_line(t))


def parse_closing(lines: list[Line], body_start_i: int) -> tuple[Optional[Signature], list[str], Optional[int]]:
    """Signature and recipients from the last lines. Returns (signature, recipients, closing start index)."""
    lo = max(body_start_i, len(lines) - 40)
    tail = lines[lo:]
    labels = [ln for ln in tail if ln.f.startswith(_folded("recipients_label"))]
    # "TL. Hiệu trưởng" / "Phó Hiệu trưởng" typed in ordinary case: a known position under it
    nxt_pos = {ln.i for ln in tail if ln.i + 1 < len(lines) and _is_position(lines[ln.i + 1], any_case=True)}
    behalf = [ln for ln in tail if ON_BEHALF.match(ln.text) and len(ln.text) < 80 and (is_upper_text(ln.text, 0.6) or ln.i in nxt_pos)]
    # a position that names its office or is typed in ordinary case ("BÍ THƯ ĐOÀN TRƯỜNG",
    # "Người lập kế hoạch") stands under TM./KT. or right over the signer's name
    signed = {ln.i - 1 for ln in tail if _is_person_name(ln.text, allow_caps=True)}
    positions = [ln for ln in tail if _is_position(ln) or ((ln.i - 1 in {b.i for b in behalf} or ln.i in signed)
                                                            and _is_position(ln, any_case=True))]
    # a signature block printed before the body (a web page's summary) is no closing: the
    # closing has no paragraph of body text after it
    # (a form's dotted fill-in line is no body text)
    def after_body(ln: Line) -> bool:
        return not any(len(x.text) > 200 and not BULLET.match(x.text) and not BLANK_FILL.match(x.text)
                       for x in lines[ln.i + 1:])
    labels, behalf, positions = ([x for x in xs if after_body(x)] for xs in (labels, behalf, positions))
    # a form's last TM. line with nothing signed under it (only "(ký tên, đóng dấu)") is a slot
    # left for a later endorsement: the one who signed is the position and name above it
    behalf = [b for b in behalf if not (_blank_slot(lines, b) and any(p.i < b.i for p in positions))]
    starts = [x[-1].i for x in (labels, behalf) if x] + ([positions[-1].i] if positions else [])
    if not starts:
        return None, [], None
    closing = min(starts)

    recipients: list[str] = []
    if labels:
        label = labels[-1]
        first = _UP_TO_COLON.sub("", label.text) if ":" in label.text else ""
        cands = ([first] if first else []) + [ln.text for ln in lines[label.i + 1:]]
        last = -2  # the candidate that gave the last recipient
        for i, c in enumerate(cands):
            c = SPECKS.sub("", c)
            if BULLET.match(c):
                r = BULLET.sub("", c).strip().rstrip(";.,").strip()
                if r and _WORD_CHAR.search(r):  # (a table's rule row "--- | ---" is no item)
                    recipients.append(r)
                    last = i
            elif last == i - 1 and (c.lstrip().startswith("(") and not re.match(r"(?i)\s*\((?:đã\s+)?ký", c)
                                    or cands[i - 1].rstrip().endswith(",") and not _closing_line(c)):
                # "- Thành đoàn;" then "(để b/cáo)": the wrapped purpose of the item above; or an
                # item broken after a comma ("- VPCP: BTCN, PCN,") that goes on on the next line
                sep = " " if c.lstrip().startswith("(") else ", "
                recipients[-1] = recipients[-1] + sep + c.strip().rstrip(";.,").strip()
                last = i
            elif _ATTACHED.match(c) or _annex_title(c):
                break  # "Đính kèm:" lists attachments, not recipients; an annex's title ends the list

    sig = Signature()
    anchor = closing
    if behalf:
        sig.on_behalf = behalf[-1].text.strip()
        anchor = behalf[-1].i
        prev = next((b for b in behalf[::-1] if anchor - 3 <= b.i < anchor), None)
        between = lines[prev.i + 1:anchor] if prev is not None else []
        if (prev is not None and fold(prev.text).startswith(("tm", "t/m")) and not fold(sig.on_behalf).startswith(("tm", "t/m"))
                and not any(_is_position(x) or _is_person_name(x.text, True) for x in between)):  # not a second signer's block
            # "TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH": one signing authority on two lines
            sig.on_behalf = prev.text.strip() + " " + sig.on_behalf
    pos_after = [p for p in positions if p.i >= anchor and p.text.strip() != sig.on_behalf]
    if pos_after:
        sig.position = _second_position(pos_after[0].text) or pos_after[0].text.strip()
        anchor = pos_after[0].i
    elif behalf:
        # a position the lexicon does not know, on the line under TM./KT.
        nxt = next((ln for ln in lines[anchor + 1:anchor + 3] if not BULLET.match(ln.text)
                    and not ln.f.startswith(_folded("recipients_label"))), None)
        if nxt and is_upper_text(nxt.text, 0.8) and len(nxt.text) <= 45 and not _is_person_name(nxt.text, True):
            sig.position = nxt.text.strip()
            anchor = nxt.i
    after = [ln for ln in lines[anchor + 1:] if not BULLET.match(ln.text)]
    names = [ln for ln in after if _is_person_name(ln.text)] or [
        ln for ln in after if _is_person_name(ln.text, allow_caps=True) and not _is_position(ln)]
    if names:
        sig.name = names[-1].text.strip(" .")
    if not (sig.on_behalf or sig.position or sig.name) and labels:
        # TM. and position lost under a stamp (a scan): the signer's name still ends the
        # signature column, printed just above the "Nơi nhận" column that follows it
        above = next((x for x in lines[max(labels[-1].i - 2, body_start_i):labels[-1].i][::-1] if _is_person_name(x.text)), None)
        if above:
            sig.name, closing = above.text.strip(" ."), above.i
    if not (sig.on_behalf or sig.position or sig.name):
        sig = None
    else:
        parts = [ln for ln in lines[closing:] if ln.text.strip() in (sig.on_behalf, sig.position, sig.name)
                 or (sig.position and ln.text.strip().endswith(sig.position) and _second_position(ln.text))]
        if parts:
            sig.start, sig.end = parts[0].start, parts[-1].end
    return sig, recipients, closing


def apply(doc: PlanDocument) -> PlanDocument:
    lines = _lines(doc)
    if not lines:
        return doc
    ti = find_title(lines)
    nat = _national_i(lines[:60])
    anchor = nat if nat is not None and (ti is None or nat < ti) else ti
    hstart = _header_start(lines, anchor) if anchor is not None else 0
    # a công văn: no type word line in capitals, its subject is the "V/v ..." line under the number
    # (a report or plan sent with it comes after its "Kính gửi")
    vv = next((ln.i for ln in lines[hstart:hstart + 14] if VV_LINE.match(ln.text)), None)
    if vv is not None and ti is not None and (ti < vv or is_upper_text(lines[ti].text, 0.6)) and not any(
            ln.f.startswith(("kính gửi", "kính gởi")) for ln in lines[vv:ti]):
        vv = None
    if vv is None and ti is None:
        # a công văn whose subject under the number opens with "Về ..." (no "việc"), its
        # "Kính gửi" below
        # (under the number, or under the place-date line the number's column ends beside)
        vv = next((ln.i for ln in lines[hstart + 1:hstart + 14] if ln.text.startswith("Về ")
                   and (NUMBER_LINE.match(lines[ln.i - 1].text) or PLACE_DATE.match(lines[ln.i - 1].text))
                   and any(x.f.startswith(("kính gửi", "kính gởi")) for x in lines[ln.i + 1:ln.i + 6])), None)
    if vv is not None:
        ti = None
    if vv is not None:
        header, after_header = parse_header(lines, hstart, _header_block_end(lines, vv), skip=_vv_lines(lines, vv))
    elif ti is None and anchor is not None:
        # no title found: the header is still the block around the Quốc hiệu
        header, after_header = parse_header(lines, hstart, _header_block_end(lines, anchor))
    else:
        subject = _enacting_subject(lines, hstart, ti) if ti is not None else None
        if subject is not None:
            # the page dropped the title's "QUYẾT ĐỊNH" line: the type word found is the decision's
            # enacting "QUYẾT ĐỊNH:" over its "Điều 1."; the subject line under the number is the title
            doc.title, doc.doc_type = lines[subject].text.strip(), doc_type_of(lines[ti].text)
            header, after_header = parse_header(lines, hstart, subject)
            ti = None
            after_header = max(after_header, subject + 1)
        else:
            header, after_header = parse_header(lines, hstart, ti)
    date_month = header.date[:7] if header.date else None

    body_i = after_header
    if vv is not None:
        title_lines = _vv_lines(lines, vv)
        doc.title = " ".join(lines[k].text.strip() for k in title_lines)
        doc.doc_type = "Công văn"
        doc.period = period_from(doc.title, date_month)
        body_i = max(after_header, title_lines[-1] + 1)
    if ti is not None:
        while ti + 1 < len(lines) and lines[ti + 1].f == lines[ti].f:
            ti += 1  # a page heading repeating the title stands before it
        j = ti + 1
        if fold(lines[ti].text).strip(" .:") == fold(doc_type_of(lines[ti].text) or "") and j < len(lines):
            # "KẾ HOẠCH" alone: the next line is the subject, whatever its case
            nxt = lines[j]
            # (a subject may open with "Thực hiện": "Thực hiện nhiệm vụ tháng 11 năm 2020", short and not
            # a clause of the body's "Thực hiện Kế hoạch số 12/KH-LĐLĐ ...;")
            doing = re.match(r"^thực hiện\b", nxt.f) and (len(nxt.text) > 90 or nxt.text.rstrip().endswith((";", ",", ".", ":"))
                                                           or re.search(r"\d\s*/\s*[A-ZĐ]", nxt.text))
            if (len(nxt.text) <= 200 and not NUMBERED.match(nxt.text) and not re.match(r"^(căn cứ|kính g[ửở]i)\b", nxt.f)
                    and not doing and not _labelled(nxt)):
                j += 1
        # (a title wrapped in a narrow cell runs to more, short lines)
        while (j < len(lines) and (j <= ti + 3 or (j <= ti + 6 and len(lines[j].text) <= 60)) and lines[j].outline == lines[ti].outline
               and lines[j].f not in {ln.f for ln in lines[ti:j]}  # a page heading repeating the title
               and not (len(lines[j].f) >= 20 and lines[j].f in " ".join(ln.f for ln in lines[ti:j]))  # or its subject
               and not (is_upper_text(lines[j].text, 0.7) and doc_type_of(lines[j].text) == doc_type_of(lines[ti].text))
               and _title_continues(lines[j], period_from(" ".join(ln.text for ln in lines[ti:j])) is not None,
                                    any(not is_upper_text(ln.text, 0.7) for ln in lines[ti + 1:j]),
                                    lines[j + 1] if j + 1 < len(lines) else None, lines[j - 1].text)):
            j += 1
        j = _title_reaches_period(lines, ti, j)
        title_text = " ".join(ln.text.strip() for ln in lines[ti:j])
        head_vv = next((ln.i for ln in lines[hstart:ti] if VV_LINE.match(ln.text)), None)
        if j == ti + 1 and fold(title_text).strip(" .:") == fold(doc_type_of(title_text) or "") and head_vv is not None:
            # "THÔNG BÁO" alone, its subject "(V/v ...)" set under the number in the header
            title_text += " " + " ".join(lines[k].text.strip() for k in _vv_lines(lines, head_vv))
        doc.title = title_text
        doc.doc_type = doc_type_of(lines[ti].text)
        own = _own_number_title(title_text) if header.number is None else None
        if own:
            _header_from_title(header, own)
            if doc.doc_type == "Công văn":
                # a site's caption "Công văn số 44/KH-CĐ ngày ... của X": a công văn's title is its
                # subject ("V/v ..."), which a caption without one does not give
                vv = re.search(r"(?i)(?<!\w)(?:v\s*/\s*v|về\s+việc)\b.*", title_text[own.end():])
                doc.title = vv.group(0).strip() if vv else None
        # (the date of its own number names no period: "Hướng dẫn số 18/HD ngày 2 tháng 11 năm 2013 ...")
        doc.period = period_from(title_text[own.end():] if own else title_text, date_month)
        if doc.period is None:
            doc.period = period_from_body(title_text, "\n".join(ln.text for ln in lines[j:j + 80]), date_month)
        if doc.period and doc.period.kind == "term_of_office" and (
                doc.doc_type in _data()["not_term_documents"]
                or re.search(r"tổ\s+chức\s+(?:các\s+)?đại\s+hội\b.*nhiệm\s*k[ỳì]", fold(title_text))
                or _CONGRESS_PAPER.match(fold(title_text))):
            # a record or submission that names the term is not the term's plan; nor is the plan to
            # organise the congress that opens it ("Kế hoạch tổ chức Đại hội ... nhiệm kỳ 2012-2017")
            # (the congress's own papers, "Văn kiện Đại hội ... nhiệm kỳ ...", may stand for the term; its
            # rules, agenda and speeches, "Quy chế Đại hội ...", "Tham luận tại Đại hội ...", do not)
            doc.period = None
        body_i = j
        # a place-date or number line placed just under the title
        for ln in lines[j:j + 3]:
            if header.date is None and PLACE_DATE.match(ln.text) and len(ln.text) < 80:
                header.place, header.date = _parse_place_date(ln.text)
                header.date_text = ln.text
                body_i = ln.i + 1
            elif header.date is None and header.place is None and (pm := PLACE_MONTH.match(ln.text.strip())):
                header.place, header.date_text = pm.group("place"), ln.text.strip()  # a cover's "Tượng Sơn, tháng 03 năm 2023"
                body_i = ln.i + 1
        if header.date is None and header.place is None and (cover := _cover_place(lines, j)):
            header.place, header.date_text = cover
    if header.issuer is None and header.superior is None:
        # no left header column: the body named on a "Đơn vị: ..." line beside the title
        near = lines[hstart:ti] + lines[body_i:body_i + 2] if ti is not None else lines[hstart:body_i + 2]
        for ln in near:
            m = _UNIT_LABEL.match(ln.text)
            if m and len(ln.text) <= 120:
                header.issuer = ln.text[m.end():].strip(" ;,")
                body_i = max(body_i, ln.i + 1)
                break
    if doc.doc_type is None and header.symbol:
        # no title line (a page dropped it): the symbol's type code names the type ("134/HD-TLĐ")
        code = re.match(r"^/\s*([A-Za-zĐđ]+)\s*-", header.symbol)
        doc.doc_type = _data()["symbol_types"].get(code.group(1)) if code else None
    doc.header = header
    doc.body_start = lines[body_i].start if body_i < len(lines) else len(doc.text or "")

    att = _attachment_start(lines, body_i)
    sig, recipients, closing = parse_closing(lines[:att] if att is not None else lines, body_i)
    doc.signature = sig
    doc.recipients = recipients
    if att is not None and closing is not None:
        # an attachment (a regulation, an annex) follows the signature: its outline is body too
        doc.body_end = len(doc.text or "")
    else:
        doc.body_end = lines[closing].start if closing is not None else len(doc.text or "")
    return doc


# a congress's working paper, not its programme for the term: "QUY CHẾ ĐẠI HỘI ...", "THAM LUẬN TẠI ĐẠI HỘI ..."
_CONGRESS_PAPER = re.compile(r"(?:(?:quy|qui)\s+chế|nội\s+quy|tham\s+luận|chương\s+trình)\s+(?:làm\s+việc\s+)?"
                             r"(?:của\s+|tại\s+)?đại\s+hội\b")

_PLACE_YEAR = re.compile(r"^(?P<place>(?:[A-ZĐÀ-Ỹ][^\s\d,;:()]*\s*){1,4}),\s*(?:năm\s*)?\d{4}\.?$")


def _cover_place(lines: list[Line], j: int) -> Optional[tuple[str, str]]:
    """A cover's place and year closing its block of facts under the title, before the body's
    first heading ("Bá Thước, 2023", "Hà Nội, tháng 5 năm 2023"): (place, line)."""
    for ln in lines[j:j + 12]:
        if NUMBERED.match(ln.text) or PLACE_DATE.match(ln.text):
            return None
        m = PLACE_MONTH.match(ln.text.strip()) or _PLACE_YEAR.match(ln.text.strip())
        if m:
            return m.group("place").strip(), ln.text.strip()
    return None


_DECISION_VERBS = ("về việc", "v/v", "ban hành", "phê duyệt", "thành lập", "kiện toàn", "công nhận", "khen thưởng")


def _enacting_subject(lines: list[Line], hstart: int, ti: int) -> Optional[int]:
    """A decision whose title's type line a page dropped: the first type word is the enacting
    "QUYẾT ĐỊNH:" right over "Điều 1.", after the "Căn cứ" lines. Returns the subject's line: the
    line in capitals right under the header's number or place-date line."""
    ln = lines[ti]
    if not (ln.text.rstrip().endswith(":") and fold(ln.text).strip(" :") == fold(doc_type_of(ln.text) or "")
            and ti + 1 < len(lines) and re.match(r"^điều\s+1\b", lines[ti + 1].f)):
        return None
    marks = [x.i for x in lines[hstart:ti] if NUMBER_LINE.match(x.text) or PLACE_DATE.match(x.text)]
    if not marks:
        return None
    s = marks[-1] + 1
    if s >= ti or not is_upper_text(lines[s].text, 0.7) or len(lines[s].text) < 30:
        return None
    if _org_head(lines[s].f) and not lines[s].f.startswith(_DECISION_VERBS):  # ("BAN HÀNH ..." is no "Ban ...")
        return None
    return s


def _header_from_title(header: Header, m: re.Match) -> None:
    """A page without the header, its heading naming the document by number, date (and issuer)."""
    header.number = " ".join(m.group("num").split())
    header.symbol = header.number[header.number.find("/"):] if "/" in header.number else None
    if header.date is None and m.group("y"):
        d, mo = int(m.group("d")), int(m.group("m"))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            header.date = f"{int(m.group('y')):04d}-{mo:02d}-{d:02d}"
    if header.issuer is None and m.group("iss") and not re.match(r"(?:bộ trưởng|thủ tướng|chủ tịch|giám đốc|hiệu trưởng|trưởng)\b",
                                                                   fold(m.group("iss"))):  # a signer ("CỦA BỘ TRƯỞNG BỘ X"), not a body
        header.issuer = m.group("iss").strip()


def _title_reaches_period(lines: list[Line], ti: int, j: int) -> int:
    """A title whose subject wraps onto a capitalized line ("Chủ tịch CĐCS Công ty X") before
    the line naming its period ("nhiệm kỳ 2025-2030"): take the lines up to that period line."""
    if period_from(" ".join(ln.text for ln in lines[ti:j])) is not None or lines[j - 1].text.rstrip().endswith("."):
        return j  # (or the title ended its sentence)
    for k in range(j, min(len(lines), ti + 5)):
        ln = lines[k]
        if ln.f in {x.f for x in lines[ti:k]}:
            return j  # the title printed again
        # (a subject listing names wraps at ';': "... lớp 10" / "Trường THPT chuyên X;" / "năm học ...")
        if (len(ln.text) > 110 or NUMBERED.match(ln.text) or PLACE_DATE.match(ln.text) or ATTACHMENT.match(ln.text)
                or ln.text.rstrip().endswith((".", ":")) or ln.outline != lines[ti].outline or _labelled(ln)
                or re.match(r"^[-+•]?\s*(căn cứ|trên cơ sở|kính g[ửở]i)\b", ln.f)
                or (ln.text.rstrip().endswith(";") and re.match(r"^[-+•]?\s*thực hiện\b", ln.f))):
            return j
        if re.search(r"ngày\s*\d{1,2}(?:\s*tháng)?\s*$", lines[k - 1].f) and ln.text[:1].isdigit():
            return j  # a day's date broken over the lines ("họp ngày 23 tháng" / "9 năm 2017"): a sentence's, no period
        if period_from(ln.text) is not None and not re.match(r"^(căn cứ|thực hiện|trên cơ sở|kính g[ửở]i)\b", ln.f):
            return k + 1
    return j


def _vv_lines(lines: list[Line], vv: int) -> list[int]:
    """The "V/v ..." line and the lines its subject wraps onto (lower case, not a header line)."""
    out = [vv]
    for ln in lines[vv + 1:vv + 4]:
        if (_is_national(ln) or _is_motto(ln) or PLACE_DATE.match(ln.text) or NUMBER_LINE.match(ln.text)
                or _is_chrome(ln) or len(ln.text) > 110 or NUMBERED.match(ln.text) or lines[out[-1]].text.rstrip().endswith((".", ";"))
                or re.match(r"^(căn cứ|thực hiện|kính g[ửở]i|nơi nhận)\b", ln.f)
                or (is_upper_text(ln.text, 0.7) and _org_head(ln.f))):
            break
        out.append(ln.i)
    return out


def _header_block_end(lines: list[Line], after: int) -> int:
    """Index after the header's last line (Quốc hiệu, motto, place-date) at or after `after`."""
    end = after
    for ln in lines[after:after + 12]:
        if ln.f.startswith(("kính gửi", "kính gởi")):
            break  # the letter's salutation: a dated sentence under it ("Ngày 12/6/2015, Bộ X ...") is its body
        if _is_national(ln) or _is_motto(ln) or PLACE_DATE.match(ln.text) or NUMBER_LINE.match(ln.text):
            end = ln.i + 1
    return end


# every char but white space a line may open with where ATTACHMENT matches it: "(", and what (?i)
# matches for "b", "k", "p" (the Kelvin sign too); a line that opens with white space goes to the match
# as before (it strips the line first). The regex call costs ~1.5 k instructions even where it fails at
# once, for every line of the body (tests/test_speed_frame25.py: every code point)
_ATTACHMENT_FIRST = frozenset("(bBkKpP\u212a")


def _attachment_start(lines: list[Line], body_i: int) -> Optional[int]:
    """First line of an attachment that follows the closing: a title in capitals (QUY CHẾ,
    PHỤ LỤC) with "(Ban hành kèm theo ...)" under it, the marker line itself, or a second
    header (a form sent with a letter)."""
    from kehoach.parser import landmarks as lm

    for ln in lines[body_i + 1:]:
        # a form or letter sent with it opens with its own header: the Quốc hiệu, maybe beside its agency
        # (the marker's cheap test first; the Quốc hiệu in capitals only where its "cộng" stands in the
        # folded line: every match of NATIONAL holds [Cc][Ộộ][Nn][Gg] or "CỘNG", which fold keeps as
        # "cộng" (tests/test_speed_frame20.py); one scan of the body instead of may_hold_national's five)
        c = ln.text[:1]
        if not (((c in _ATTACHMENT_FIRST or c.isspace()) and ATTACHMENT.match(ln.text.strip())) or _is_national(ln)
                or (c in "TDBM" and ln.text[1:2].isupper() and _ANNEX_HEAD.match(ln.text) and _annex_title(ln.text))  # "THUYẾT MINH ..."
                or ("cộng" in ln.f and lm.NATIONAL.search(ln.text) and lm.header_landmarks(ln.text) == 1
                    and is_upper_text(ln.text, 0.8))):
            continue
        k = ln.i
        for prev in lines[max(body_i, ln.i - 3):ln.i][::-1]:
            if is_upper_text(prev.text, 0.7) and doc_type_of(prev.text):
                k = prev.i
                break
        # only after a closing: a signature position or TM./KT. in the lines before it
        before = lines[max(body_i, k - 25):k]
        if any(ON_BEHALF.match(b.text) or _is_position(b) for b in before):
            return k
    return None
