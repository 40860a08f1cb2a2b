"""Re-break a flattened line at its outline numbers.

Document-sharing sites and web excerpts lose a plan's line breaks: a whole page arrives as
one line, its headings glued after a colon or period ("... như sau:I. TÌNH HÌNH CHUNG1. Số
lượng:a) Biên chế: ..."). The segmenter only reads numbers that open a line, so the assembler
asks this module where the lost line breaks were. It is its own module because it keeps a
small outline of its own (which number styles are open, their last values): a number only
counts when it starts a list (1, I, A, a) right after sentence punctuation or a heading in
capitals, or continues the list before it (2 after 1), so numbers inside sentences ("theo
Điều 1. Mục 2", "ngày 1. 2", "Chỉ thị số 05.", "8,0%") stay where they are.
"""
from __future__ import annotations

import re
from typing import Optional

from kehoach.parser.text.normalize import fold

# One outline number; what follows it is checked in Python (an upper-case letter opens the
# heading). Arabic numbers may be glued to the capitals of the heading before ("ĐƠN VỊ1.") or
# to the period of the sentence before ("Hội trường.2."), never to a figure ("8,5", "1.5");
# letters and Roman numbers must not be glued to a word.
MARK = re.compile(
    r"(?P<part>(?<![^\W_])(?:PHẦN|Phần)\s+(?P<pval>(?:THỨ|thứ)\s+\w+|[IVXLC]{1,5}\b|\d{1,2}\b))"
    r"|(?P<article>(?<![^\W_])(?:ĐIỀU|Điều)\s+(?P<aval>\d{1,3})(?P<asep>\s*[.:]|(?=\s)))"
    r"|(?P<roman>(?<![^\W_])[IVXLC]{1,5})(?P<rsep>\.\s?/|[./)]|\s?[-–](?=\s)|(?=\s))"
    r"|(?P<upper>(?<![^\W_])[A-ZĐ])(?P<usep>\.\s?/|[./)]|\s?[-–](?=\s))"
    r"|(?P<arabic>(?<![\d,/])(?<!\d\.)\d{1,2}(?:\.\d{1,2}){0,3})(?P<nsep>\.\s?/|[./)]|\s?[-–](?=\s)|(?<=\d\.\d)(?=\s)|(?<=\d\.\d\d)(?=\s))"
    r"|(?P<lower>(?<![^\W_])[a-zđ])(?P<lsep>[)/])"
)
SENTENCE_END = ".:;!?)]”\"…"
# a number after these words is part of the sentence ("Điều 2.", "số 05.", "lớp 4.")
NUMBER_WORDS = {"số", "so", "điều", "dieu", "khoản", "khoan", "điểm", "diem", "mục", "muc", "chương", "chuong",
                "phần", "phan", "ngày", "ngay", "tháng", "thang", "năm", "nam", "lần", "lan", "thứ", "thu",
                "lớp", "lop", "khối", "khoi", "tổ", "to", "phòng", "phong", "quý", "quy", "tuần", "tuan",
                "kỳ", "ky", "khóa", "khoa", "giờ", "gio", "trang", "tập", "tap", "bước", "buoc", "vòng", "vong"}
ORDINAL = {"nhất": 1, "nhat": 1, "hai": 2, "ba": 3, "tư": 4, "tu": 4, "bốn": 4, "bon": 4, "năm": 5, "nam": 5}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
LETTERS = "abcdđeghiklmnopqrstuvxy"


def _roman(s: str) -> Optional[int]:
    """A Roman numeral in capitals, four letters at most (segment's own reading of its value)."""
    from kehoach.parser.segment import roman_value  # segment imports no text module that imports this

    return roman_value(s) if s and len(s) <= 4 and all(c in ROMAN for c in s) else None


def _caps_word(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _caps_heading_follows(s: str) -> bool:
    """Two words in capitals open what follows ("I BÁO CÁO TỔNG KẾT ...")."""
    words = s.split(None, 2)[:2]
    return len(words) == 2 and all(_caps_word(w) for w in words)


def _context(line: str, start: int) -> str:
    """What precedes a number: 'start', 'punct' (a sentence or label ended), 'caps' (a heading in
    capitals that ends without punctuation, glued or not), 'word' (a number-taking word), 'space'
    or 'glued' (a lower-case word or digit runs into it)."""
    before = line[:start]
    stripped = before.rstrip()
    if not stripped:
        return "start"
    if stripped[-1] in SENTENCE_END or (stripped[-1] in "-–" and stripped[:-1].rstrip()[-1:] in tuple(SENTENCE_END)):
        return "punct"  # "... như sau: - A. PHẦN ..." a bullet dash in front of the number too
    words = [w for w in stripped[-80:].split() if any(c.isalpha() for c in w)][-2:]
    if len(words) == 2 and all(_caps_word(w) for w in words):
        return "caps"
    if len(before) == len(stripped):
        return "glued"
    last = stripped.split()[-1]
    if last.isalpha() and fold(last) in NUMBER_WORDS:
        return "word"
    return "space"


def _readings(m: re.Match) -> list[tuple[str, tuple[int, ...], str]]:
    """(style, values, separator) for each reading of the number ("C." is Roman or a letter)."""
    out = []
    if m.group("part"):
        v = m.group("pval").split()[-1]
        val = int(v) if v.isdigit() else (_roman(v) or ORDINAL.get(fold(v)))
        if val:
            out.append(("part", (val,), ""))
    elif m.group("article"):
        out.append(("article", (int(m.group("aval")),), m.group("asep").strip()))
    elif m.group("roman") or m.group("upper"):
        if m.group("roman"):
            v = _roman(m.group("roman"))
            if v:
                out.append(("roman", (v,), m.group("rsep").strip()))
        if m.group("upper") and m.group("upper").lower() in LETTERS:
            out.append(("upper", (LETTERS.index(m.group("upper").lower()) + 1,), m.group("usep").strip()))
    elif m.group("arabic"):
        vals = tuple(int(x) for x in m.group("arabic").split("."))
        out.append((f"arabic:{len(vals)}", vals, m.group("nsep").strip()))
    elif m.group("lower") and m.group("lower") in LETTERS:
        out.append(("lower", (LETTERS.index(m.group("lower")) + 1,), m.group("lsep")))
    return out


class _Outline:
    """The open number styles, top down, with the last value of each."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, tuple[int, ...]]] = []

    def place(self, style: str, vals: tuple[int, ...]) -> tuple[Optional[int], bool]:
        """(depth it takes or None, whether it continues an open list)."""
        open_at = [k for k, (s, _) in enumerate(self.stack) if s == style]
        if open_at:
            last = self.stack[open_at[-1]][1]
            if vals[:-1] == last[:-1] and vals[-1] == last[-1] + 1:
                return open_at[-1], True
        if len(vals) > 1:
            # "2.1" under the open "2."
            parent = [k for k, (s, last) in enumerate(self.stack) if s == f"arabic:{len(vals) - 1}"]
            if parent:
                ok = self.stack[parent[-1]][1] == vals[:-1] and vals[-1] == 1
                return (parent[-1] + 1, True) if ok else (None, False)
        # a list opens (below what is open: a "1." under "I." when a "1." above it is open too)
        return (len(self.stack), False) if vals[-1] == 1 else (None, False)

    def add(self, style: str, vals: tuple[int, ...], depth: int) -> None:
        del self.stack[depth:]
        self.stack.append((style, vals))


def _accepts(style: str, sep: str, ctx: str, continues: bool, after: str) -> bool:
    if ctx in ("start", "punct", "caps"):
        return True
    if ctx == "space" and style == "roman" and _caps_heading_follows(after):
        return True  # "... việc tốt 1 I. MỤC ĐÍCH, YÊU CẦU": a Roman number heading capitals
    if not continues or ctx != "space":
        return False
    # the next number of an open list after a plain word or a figure ("... 0 4./Trình độ"):
    # only a separator prose does not use, or a Roman/letter heading in capitals
    return "/" in sep or sep in (")", "-", "–") or (style in ("roman", "upper", "part", "article")
                                                    and _caps_heading_follows(after))


class Rebreaker:
    """Cuts the lines of one flattened document in order: its outline runs on from one line to
    the next (a reader may already have split a page at a glued heading, "ĐƠN VỊ1. Công tác")."""

    def __init__(self) -> None:
        self.outline = _Outline()

    def break_points(self, line: str) -> list[int]:
        """Offsets in `line` where an outline number opens a heading that lost its line break."""
        outline = self.outline
        points: list[int] = []
        for m in MARK.finditer(line):
            after = line[m.end():].lstrip()
            if not after or not after[0].isupper():
                continue
            sep_space = m.end() < len(line) and line[m.end()].isspace()
            ctx = _context(line, m.start())
            best = None
            for style, vals, sep in _readings(m):
                if sep == "" and style == "roman" and not _caps_heading_follows(after):
                    continue  # a bare Roman number heads a heading in capitals only
                if sep == "/" and not sep_space:
                    continue  # "01/KH-CĐCS" is a symbol
                depth, continues = outline.place(style, vals)
                if depth is None or not _accepts(style, sep, ctx, continues, after):
                    continue
                if best is None or (continues and not best[3]):
                    best = (style, vals, depth, continues)
            if best is None:
                continue
            outline.add(best[0], best[1], best[2])
            if m.start() > 0:
                points.append(m.start())
        return points

    def cut(self, line: str) -> list[str]:
        """The line cut before each outline number that lost its line break."""
        cuts = self.break_points(line)
        if not cuts:
            return [line]
        bounds = [0] + cuts + [len(line)]
        return [p for a, b in zip(bounds, bounds[1:]) if (p := line[a:b].strip())]


def rebreak(line: str) -> list[str]:
    """One line on its own, cut before each outline number that lost its line break."""
    return Rebreaker().cut(line)
