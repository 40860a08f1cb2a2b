"""Section segmentation: every numbering style seen in plans -> one section tree.

Levels come from the numbering first: each style ("1.", "1.1.", "I.", "a)", "A.",
"CHƯƠNG TRÌNH 1", "Phần I", "QUÝ III/2021", "Tháng 10/2024") gets its level from where it
first appears in the open outline (an outline stack, as a reader would build it), and
"1.1." is always a child of "1.". A numbered line only becomes a heading when its number
continues an open sequence (next sibling, allowing a short gap that the checks report)
or starts a new one at 1/I/a/A - so numbered rows of a flattened table, "-"/"+" bullets
and list items inside a paragraph do not. Word's outline level and heading styles,
then bold, decide the level of headings that carry no number.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from dataclasses import dataclass, field
from typing import Optional

from kehoach.parser.schema import Block, PlanDocument, Section
from kehoach.parser.text.normalize import fold, is_upper_text
from kehoach.parser.text.scan_spelling import BodySpelling

VI_LOWER_LETTERS = "abcdđeghiklmnopqrstuvxy"
LATIN_ONLY_LETTERS = "fjwz"
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

# (style, regex). The regex must define `num` (the numbering as written), `val` (the value
# token) and `rest` (text after the numbering).
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(r"^(?P<num>(?:PHẦN|Phần)\s+(?:THỨ|thứ)\s+(?P<val>[^\s:.]+))\s*[:.\-–]?\s*(?P<rest>.*)$")),
    # "Phần ITuyên truyền": the Roman number glued to its heading
    ("part", re.compile(r"^(?P<num>(?:PHẦN|Phần)\s+(?P<val>[IVXLC]+|\d{1,2}))(?:\b|(?=[A-ZĐ][a-zà-ỹ]))\s*[:.\-–]?\s*(?P<rest>.*)$")),
    # "Chơng I": a TCVN3 page that lost its ư (the soft-hyphen byte; ơ before ng follows ư only)
    ("chapter", re.compile(r"^(?P<num>(?:CHƯ?ƠNG\s+TRÌNH|Chư?ơng\s+trình|CHƯ?ƠNG|Chư?ơng)\s+(?P<val>\d{1,2}|[IVXLC]+))(?![\w/])\s*[:.\-–]?\s*(?P<rest>.*)$")),
    # a regulation: Chương > Mục > Điều (articles are numbered on across chapters)
    ("division", re.compile(r"^(?P<num>(?:MỤC|Mục)\s+(?P<val>\d{1,2}|[IVXLC]+))(?![\w/])\s*[:.\-–]?\s*(?P<rest>.*)$")),
    ("article", re.compile(r"^(?P<num>(?:ĐIỀU|Điều)\s+(?P<val>\d{1,3})(?:\s*[.:])?)(?![\w/])\s*[\-–]?\s*(?P<rest>.*)$")),
    ("quarter", re.compile(r"^(?P<num>(?:QUÝ|Quý)\s+(?P<val>IV|I{1,3}|[1-4])(?:\s*/\s*\d{4}|\s+năm\s+\d{4}|\s+NĂM\s+\d{4})?)(?![\w/])\s*[:.\-–]?\s*(?P<rest>.*)$")),
    ("month", re.compile(r"^(?P<num>(?:THÁNG|Tháng)\s+(?P<val>\d{1,2})(?:\s*/\s*\d{4}|\s+năm\s+\d{4}|\s+NĂM\s+\d{4})?)(?![\w/])\s*(?P<sep>[:.\-–])?\s*(?P<rest>.*)$")),
    # a schedule's weeks: "Tuần 1 (15-21/11) – ..."
    ("week", re.compile(r"^(?P<num>(?:TUẦN|Tuần)\s+(?P<val>\d{1,2}))(?![\w/])\s*[:.\-–]?\s*(?P<rest>.*)$")),
    # a procedure's steps: "Bước 1: Cán bộ tự nhận xét ..."
    ("step", re.compile(r"^(?P<num>(?:BƯỚC|Bước)\s+(?P<val>\d{1,2}))(?![\w/])\s*[:.\-–]\s*(?P<rest>\S.*)$")),
    # "I.", "I)", "I -" and "I- " (a dash glued to the number, as in many reports)
    ("roman", re.compile(r"^(?P<num>(?P<val>[IVXLC]{1,5})\s*(?:[.)/:]|[-–](?=\s)|\s[-–]))\s*(?P<rest>\S.*)$")),
    # "A. ", "A- PHẦN THU", "A./Tư tưởng" (a dot and slash, as some reports write every number)
    ("upper", re.compile(r"^(?P<num>(?P<val>[A-ZĐ])\s*(?:\./|[.)/](?=\s)|[-–](?=\s)))\s*(?P<rest>\S.*)$")),
    # a scan's "III." read as "HI." or "Ill." (its heading in capitals)
    ("roman", re.compile(r"^(?P<num>(?P<val>HI|Hl|Ill|IIl|lII)\.)\s*(?P<rest>[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ].*)$")),
    # the number alone on its line ("A.", "II/"), its heading on the next one
    ("roman", re.compile(r"^(?P<num>(?P<val>[IVXLC]{1,5})\s*[.)/:\-–])(?P<rest>)$")),
    ("upper", re.compile(r"^(?P<num>(?P<val>[A-ZĐ])\s*[.)/])(?P<rest>)$")),
    ("arabic", re.compile(r"^(?P<num>(?P<val>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)/])(?P<rest>)$")),  # "3." alone (a PDF line)
    # "1.1 Công đoàn ..." without a last dot is still 1.1 (not "1." + "1 Công đoàn"): a multi-level
    # number may end at the space; "4-Kết quả ...": a dash glued to both the number and the heading
    # (a dot right before a digit is a decimal point: "3.8m). Đường ..." is a wrapped measure, no "3.")
    ("arabic", re.compile(r"^(?P<num>(?P<val>\d{1,2}(?:\.\d{1,2}){0,3})(?:\.(?!\d)|\)|/|[-–](?=\s)|\s[-–]|[-–](?=[A-ZĐÀ-Ỹ](?:[a-zà-ỹđ]|\s\w))"
                          r"|(?<=\.\d)(?=\s)|(?<=\.\d\d)(?=\s)))"
                          r"\s*(?P<rest>\S.*)$")),
    ("arabic", re.compile(r"^(?P<num>(?P<val>\d{1,2}),)\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")),  # "1, Công tác ...", typed with a comma
    ("arabic_bare", re.compile(r"^(?P<num>(?P<val>\d{1,2}))\s+(?P<rest>[A-ZĐÀ-Ỹ].*)$")),
    ("roman_bare", re.compile(r"^(?P<num>(?P<val>[IVX]{1,4}))\s+(?P<rest>[A-ZĐÀ-Ỹ][^\s/]*\s.*)$")),  # "II Nội dung kiểm tra:"
    ("lower", re.compile(r"^(?P<num>(?P<val>[a-zđ])\s*[)./])\s+(?P<rest>\S.*)$")),  # "a)", "a.", "a/"
]


def _first_class(items) -> Optional[str]:
    """The items of a character class holding every char a match of the parsed sequence `items`
    can start with (re._parser's tree), or None when that is not plain to see (then the pattern
    is tried on every line)."""
    sre = _sre()[1]
    cats = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
            sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
    for op, av in items:
        if op is sre.AT:
            continue  # "^": no char
        if op is sre.LITERAL:
            return re.escape(chr(av))
        if op is sre.IN:
            out = ""
            for iop, iav in av:
                if iop is sre.LITERAL:
                    out += re.escape(chr(iav))
                elif iop is sre.RANGE:
                    out += re.escape(chr(iav[0])) + "-" + re.escape(chr(iav[1]))
                elif iop is sre.CATEGORY and iav in cats:
                    out += cats[iav]
                else:
                    return None  # a negated class, ...
            return out
        if op is sre.SUBPATTERN:
            _, add, dele, sub = av
            return None if add or dele else _first_class(sub)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            lo, _, sub = av
            return _first_class(sub) if lo >= 1 else None
        if op is sre.BRANCH:
            alts = [_first_class(a) for a in av[1]]
            return None if any(a is None for a in alts) else "".join(alts)
        return None
    return None  # an empty sequence: it may match the empty string


def _sre():
    try:
        from re import _constants, _parser  # Python 3.11+
    except ImportError:  # 3.10
        import sre_constants as _constants
        import sre_parse as _parser
    return _parser, _constants


def _first_re(rx: re.Pattern) -> Optional[re.Pattern]:
    if rx.flags & (re.IGNORECASE | re.LOCALE):
        return None
    cls = _first_class(list(_sre()[0].parse(rx.pattern, rx.flags)))
    return re.compile("[" + cls + "]") if cls else None


# each pattern with the class of the chars its matches start with
_FIRSTS = [(style, rx, _first_re(rx)) for style, rx in PATTERNS]
_BY_FIRST: dict[str, tuple[tuple[str, re.Pattern], ...]] = {}


def _patterns_for(c: str) -> tuple[tuple[str, re.Pattern], ...]:
    """PATTERNS (in order) that can match a line starting with `c`: the others cannot match
    at its first char, so `rx.match` would fail on them."""
    found = _BY_FIRST.get(c)
    if found is None:
        found = _BY_FIRST[c] = tuple((style, rx) for style, rx, first in _FIRSTS if first is None or first.match(c))
    return found


BULLET = re.compile(r"^[-+•·*–—►▪❖✓]\s*")
DASHED_TOP = re.compile(r"^-\s+(?=(?:[A-ZĐ]|[IVX]{1,4})\.\s)")
ENACTING = re.compile(r"^(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|CHỈ\s+THỊ|THÔNG\s+BÁO)\s*:?$")  # a decision's enacting word, no section
_SENTENCE_START = re.compile(r"\.\s+[A-ZĐÀ-Ỹ]")  # compiled once: re's cache (512) overflows in a full parse
LEGAL_RANK = {"part": 0, "chapter": 1, "division": 2, "article": 3}  # a regulation's levels, top down
TABLE_ROW = re.compile(r"\s\|\s")
HEADING_WRAP_MAX = 100  # a heading wrapped onto a short second line stays one heading up to this length
TABLE_HEADER = re.compile(r"^(?:stt|tt)\b", re.I)


OCR_ROMAN = {"HI": "III", "Hl": "III", "Ill": "III", "IIl": "III", "lII": "III"}  # a scan's misreadings of "III"


def roman_value(s: str) -> Optional[int]:
    s = s.upper()
    if not s or any(c not in ROMAN_VALUES for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = ROMAN_VALUES[a]
        total += -v if b != " " and ROMAN_VALUES.get(b, 0) > v else v
    return total if total > 0 else None


def letter_value(s: str) -> Optional[int]:
    s = s.lower()
    if s in VI_LOWER_LETTERS:
        return VI_LOWER_LETTERS.index(s) + 1
    if s in LATIN_ONLY_LETTERS:
        # typed with the Latin alphabet (A..F): its Latin rank lands within the outline's gap
        # tolerance of the Vietnamese ranks around it (E=6 -> F=6, I=9 -> J=10)
        return "abcdefghijklmnopqrstuvwxyz".index(s) + 1
    return None


@dataclass
class Candidate:
    style: str  # style key incl. depth for arabic: "arabic:2"
    values: tuple[int, ...]  # numeric value path (arabic multi-level) or (value,)
    number: str
    rest: str
    line: int


def _value(style: str, val: str) -> Optional[tuple[int, ...]]:
    if style == "arabic":
        return tuple(int(x) for x in val.split("."))
    if style in ("arabic_bare", "month", "week", "step"):
        return (int(val),)
    if style in ("roman", "roman_bare"):
        v = roman_value(OCR_ROMAN.get(val, val))
        return (v,) if v else None
    if style == "article":
        return (int(val),)
    if style in ("chapter", "division", "part", "quarter"):
        if val.isdigit():
            return (int(val),)
        v = roman_value(val) or ORDINALS.get(fold(val))
        return (v,) if v else None
    if style == "upper":
        v = letter_value(val)
        return (v,) if v else None
    if style == "lower":
        v = letter_value(val)
        return (v,) if v else None
    return None


def candidates(text: str, line: int, memo: Optional[dict] = None) -> list[Candidate]:
    """Every reading of a line as a numbered heading (a line like "C." may be roman or a letter).
    `memo`: readings by text, for one document (build_tree reads each line twice or more)."""
    if memo is None:
        return _candidates(text, line)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _candidates(text, line)
    # fresh objects, this line's: the outline keeps the ones it takes
    return [Candidate(c.style, c.values, c.number, c.rest, line) for c in found]


def _candidates(text: str, line: int) -> list[Candidate]:
    out = []
    if "|" in text and TABLE_ROW.search(text):  # (a row's " | " holds a '|': the scan only then)
        return out
    if BULLET.match(text):
        # "- A. KẾT QUẢ ...": a page's dash before a top heading's letter or Roman number in capitals
        m = DASHED_TOP.match(text)
        if not m or not is_upper_text(text[m.end():], 0.8):
            return out
        return [c for c in _candidates(text[m.end():], line) if c.style in ("upper", "roman")]
    for style, rx in (_patterns_for(text[0]) if text else PATTERNS):
        m = rx.match(text)
        if not m:
            continue
        vals = _value(style, m.group("val"))
        if not vals:
            continue
        key = style
        if style == "arabic":
            key = f"arabic:{len(vals)}"
        elif style == "arabic_bare":
            key = "arabic:1"
        elif style == "roman_bare":
            key = "roman"
        num = m.group("num").strip()
        if style == "roman" and m.group("val") in OCR_ROMAN:
            num = OCR_ROMAN[m.group("val")] + num[len(m.group("val")):]  # "HI." is the scan's "III."
        out.append(Candidate(key, vals, num, m.group("rest").strip(), line))
    return out


@dataclass
class Open:
    cand: Candidate
    node: Section
    last: tuple[int, ...]
    styles_below: list = field(default_factory=list)


class Outline:
    """The open outline: a stack of (style, last value) from the top level down."""

    def __init__(self) -> None:
        self.stack: list[Open] = []
        self.roots: list[Section] = []
        self.seen: dict[str, int] = {}  # last value of each style, even once closed
        self.lost_top = False  # the top list's numbers came out as "1." each time (see accepts)
        self.ones: set[str] = set()  # styles of lists that wrote two items in a row as "1."

    def position(self, style: str, caps: Optional[bool] = None, rest: str = "") -> Optional[int]:
        """Where `style` is open. A style open twice (a list under a capitals heading of the same
        numbering): the deepest, or the deepest whose heading is in capitals like `caps` (or, when
        `rest` is given, like `rest`: judged only then, not for every candidate)."""
        found = [k for k, o in enumerate(self.stack) if o.cand.style == style]
        if not found:
            return None
        if caps is None and rest and len(found) > 1:
            caps = is_upper_text(rest, 0.8)
        if caps is not None and len(found) > 1:
            same = [k for k in found if is_upper_text(self.stack[k].node.heading or "", 0.8) == caps]
            if same:
                return same[-1]
        return found[-1]

    def accepts(self, c: Candidate, strict: bool) -> Optional[int]:
        """Where the candidate would go: the stack depth it takes, or None if it is no heading."""
        pos = self.position(c.style, rest=c.rest)
        if c.style.startswith("outline:"):
            if pos is not None:
                return pos
            # under the nearest open outline heading of a higher level, else at the top
            lvl = int(c.style.split(":")[1])
            for k in range(len(self.stack) - 1, -1, -1):
                st = self.stack[k].cand.style
                if st.startswith("outline:") and int(st.split(":")[1]) < lvl:
                    return k + 1
            return 0 if all(o.cand.style.startswith("outline:") for o in self.stack) else len(self.stack)
        last_val = c.values[-1]
        if self.lost_top and c.number == "1." and self.stack and self.stack[0].cand.style == "roman":
            return 0  # that page's top list goes on as "1." after the Roman number it counted
        if c.style.startswith("arabic:") and len(c.values) > 1:
            # "2.3" belongs under the open "2." (or "2.3.1" under "2.3"): the prefix must match
            parent_style = f"arabic:{len(c.values) - 1}"
            ppos = self.position(parent_style)
            # "1." "1.1." "1." "2." "1.2.": the "1." that 1.2 follows, not the list under 1.1
            ppos = next((k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k].cand.style == parent_style
                         and self.stack[k].last == c.values[:-1]), ppos)
            if ppos is not None:
                if self.stack[ppos].last != c.values[:-1]:
                    return None
                if pos is not None and pos > ppos:
                    prev = self.stack[pos].last[-1]
                    return pos if 0 <= last_val - prev <= 3 else None
                return ppos + 1 if last_val <= 3 else None
            if pos is not None:
                prev = self.stack[pos].last
                return pos if prev[:-1] == c.values[:-1] and 0 <= last_val - prev[-1] <= 3 else None
            return len(self.stack) if last_val <= 3 else None
        calendar = c.style in ("quarter", "month")
        if pos is not None:
            prev = self.stack[pos].last[-1]
            gap = last_val - prev
            if calendar and gap < 0:
                gap += 4 if c.style == "quarter" else 12  # QUÝ IV -> QUÝ I, Tháng 12 -> Tháng 1
            if gap == 0 and c.number.isalnum() and c.style in ("roman", "arabic:1"):
                return None  # a bare number repeating the open one ("V." then "V TỈNH ..." of a stamp)
            if 1 <= gap <= (2 if strict else 3) or gap == 0:
                return pos
            if gap < 0 and c.values == (1,) and c.style in self.ones and pos == len(self.stack) - 1:
                return pos  # one more item of a list that has lost its numbers to "1." (see add)
            if (gap < 0 and c.values == (1,) and c.style == "arabic:1" and pos == len(self.stack) - 2
                    and self.stack[-1].cand.style == "arabic:2" and self.stack[-1].last[:1] == self.stack[pos].last):
                # "3." / "3.1." / "3.2. Cơ cấu" then "1." "2." ...: a list under 3.2 that the page
                # numbered from 1 again (its "3.2.1."), not the outer list going back to 1
                return len(self.stack)
            if last_val == 1 and pos == len(self.stack) - 1 and not strict:
                return None
            return None
        # a style not open yet starts a new deeper level at its first value; a plan for
        # the second half-year starts at QUÝ III or Tháng 7; articles (Điều) are numbered on
        # across chapters, so "Điều 3" opens under "Mục 1" of "Chương II"
        # a list numbered on across headings above it ("A. ..." 4. 5. "B. ..." 10. 11.)
        continues = c.style in ("article", "arabic:1") and last_val == self.seen.get(c.style, 0) + 1 > 1
        # an excerpt that starts at "II." (its "I." cut off by the page)
        opening = not self.stack and not self.roots and c.style == "roman" and is_upper_text(c.rest, 0.8)
        # an excerpt of a regulation from its "Chương VI" on: the chapter, and its first article "Điều 35"
        opening = opening or (not self.stack and not self.roots and c.style in ("chapter", "part") and bool(c.rest)
                              and is_upper_text(c.rest, 0.8))
        opening = opening or (c.style == "article" and "article" not in self.seen and bool(self.stack)
                              and self.stack[-1].cand.style in ("chapter", "division") and self.stack[0].last[-1] > 1
                              and not self.stack[-1].node.children)
        # "1. MỤC ĐÍCH", "1. NỘI DUNG", "III. THÀNH PHẦN": a page that turned the list numbers I, II
        # into "1." each time; the Roman number counts the top-level headings before it
        if (c.style == "roman" and last_val >= 3 and len(self.roots) == last_val - 1
                and all(r.number == "1." for r in self.roots)):
            self.lost_top = True
            return 0
        # "B. PHƯƠNG HƯỚNG ..." after a first part whose "A." the page lost ("1. ĐẶC ĐIỂM ..."): the
        # letter counts the top-level headings before it, all in capitals
        lost_a = (c.style == "upper" and last_val >= 2 and len(self.roots) == last_val - 1 and "upper" not in self.seen
                  and is_upper_text(c.rest, 0.8) and all(is_upper_text(r.heading or "", 0.8) for r in self.roots))
        if lost_a:
            return 0
        if not (last_val == 1 or calendar or continues or opening):
            return None
        if c.style == "upper" and self.stack and self.stack[0].cand.style in ("roman", "arabic:1"):
            top = self.stack[-1]
            if (len(self.stack) == 1 and top.cand.style == "roman" and not top.node.children
                    and not is_upper_text(c.rest, 0.8)):
                # "I. CÔNG TÁC ĐỘI NGŨ" (or "III. Nội dung, hình thức") then "A. Tư tưởng chính trị":
                # its first item (a top-level "A." stands in capitals)
                return 1
            return 0  # "A." ranks above "I." and "1.": it opens a new top level
        rank = LEGAL_RANK.get(c.style)
        if rank is not None:
            # a Chương never nests under a Điều: it takes the place of the first open level
            # of its rank or below (the decision's articles before an attached regulation)
            for k, o in enumerate(self.stack):
                if LEGAL_RANK.get(o.cand.style, -1) >= rank:
                    return k
        return len(self.stack)

    def add(self, c: Candidate, depth: int, node: Section) -> None:
        if c.values == (1,) and depth < len(self.stack) and self.stack[depth].cand.style == c.style \
                and self.stack[depth].last == (1,):
            self.ones.add(c.style)  # "1." then "1." again: a page that wrote its list numbers as "1." each
        del self.stack[depth:]
        parent = self.stack[-1].node if self.stack else None
        node.level = depth + 1
        (parent.children if parent else self.roots).append(node)
        self.stack.append(Open(c, node, c.values))
        self.seen[c.style] = c.values[-1]


def _bare_title(text: str) -> bool:
    """A document's type word alone on its line in capitals ("KẾ HOẠCH", "QUY CHẾ"), or an annex's
    title ("THUYẾT MINH DỰ TOÁN NĂM 2020"): a document printed after another (a plan after the
    decision that issues it, the annex after a letter's signature)."""
    s = text.strip()
    if not s[1:2].isupper():  # (a title in capitals: an ordinary sentence fails at its second letter, no call made)
        return False
    from kehoach.parser.frame import _ANNEX_HEAD, _annex_title, _bare_type

    return (len(s) <= 30 and is_upper_text(s, 0.9) and _bare_type(s)) or (
        bool(_ANNEX_HEAD.match(s)) and _annex_title(s))


def _title_word(w: str) -> bool:
    return w[:1].isupper() and w[1:2].islower()


# compiled once (re's own cache costs a lookup per call: these run per word of the headings)
_ROMAN_MARK = re.compile(r"^([IVX]{1,4})([./)]?)(.*)$")
_WORD = re.compile(r"\S+")
_NUMBER_MARK = re.compile(r"\d{1,2}[.)\-]")
_ROMAN_WORD = re.compile(r"[IVX]{1,4}")


def _roman_mark(w: str) -> bool:
    """"I.", "II)", "I.Đặc", "ITình": a roman number that opens a sub-heading (not "VIỆC")."""
    m = _ROMAN_MARK.match(w)
    return bool(m) and ((bool(m.group(2)) and not m.group(3)) or _title_word(m.group(3)))


def _caps_run_end(rest: str) -> Optional[int]:
    """A heading in capitals that runs into its body or its first sub-heading on one line
    ("ĐẶC ĐIỂM TÌNH HÌNH Thuận lợi: ...", "... 2012 – 2015 I Tình hình ...", "MỤC ĐÍCH-YÊU CẦU:
    -Nhằm ..."): where the capitals end, before a sub-heading's number; None if it does not."""
    # the words read lazily: the walk below looks at most 4 words past where it stops, mostly a
    # few words into a long paragraph (a full list cost ~40 k instructions a call)
    it = _WORD.finditer(rest)
    words = list(islice(it, 8))
    done = len(words) < 8
    caps = lambda w: any(c.isalpha() for c in w) and all(c.isupper() for c in w if c.isalpha())  # noqa: E731
    k, marker = 0, False
    while True:
        if not done and k + 5 > len(words):
            more = list(islice(it, 8))
            words += more
            done = len(more) < 8
        if k >= len(words):
            break
        w = words[k].group()
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        if k >= 2 and (_roman_mark(w) or _NUMBER_MARK.fullmatch(w) or (_ROMAN_WORD.fullmatch(w) and (nxt in ("-", "–") or not caps(nxt)))):
            marker = True
            break  # a sub-heading's number: "I.", "I -", "I Tình hình", "1."
        if not (caps(w) or not any(c.isalpha() for c in w)):
            break
        k += 1
    if k < 2 or k >= len(words) or len(rest) - words[k].start() < 15:
        return None
    if not marker and rest[words[k].start()] == "(" and rest.rstrip().endswith(")") and rest.count("(") == 1:
        return None  # an aside that ends the line is the heading's: "NGÂN SÁCH DỰ KIẾN (tổng 8.000.000đ)"
    after = [w.group() for w in words[k:k + 4]]
    if not marker and ((words[k - 1].group().endswith(":") and _title_word(after[0]))
                       or any(caps(w) and sum(c.isalpha() for c in w) >= 3 for w in after[1:])):
        return None  # "NỘI DUNG: Tổ chức hội thi ..." a label and its phrase; "BAN thanh tra NHÂNDÂN" mixed by a font
    return words[k].start()


def _sub_heading_at(rest: str, k: int, memo: Optional[dict] = None) -> Optional[int]:
    """Offset in `rest` of a numbered sub-heading that follows a heading in capitals on its line."""
    lead = len(rest) - len(rest.lstrip().lstrip("/").lstrip())
    r = rest[lead:]
    cut = _caps_run_end(r)
    if cut is None or not candidates(r[cut:], k, memo):
        return None
    return lead + cut


CAPS_LABEL = re.compile(r"([^\s:.;]+(?:\s+[^\s:.;]+){1,14})\s*:\s+(?=[A-ZĐÀ-Ỹ])")


def _heading_text(rest: str) -> str:
    rest = rest.strip().lstrip("/").strip()
    cut = _caps_run_end(rest)
    if cut is not None:
        return rest[:cut].rstrip(" :-–").strip()
    label = CAPS_LABEL.match(rest) if len(rest) > 250 else None
    if label and is_upper_text(label.group(1), 0.9):
        return label.group(1)  # "MỤC ĐÍCH, YÊU CẦU: Tạo không khí ..." a heading in capitals run into its body
    if len(rest) > 250 and len(_SENTENCE_START.findall(rest)) >= 3:
        # a heading run into its body (a page that lost its line breaks): keep its first sentence,
        # or the label before its first colon ("Tình hình chung: Công đoàn ..."); a numbered
        # paragraph of a sentence or two is its own heading, as written
        cut = re.search(r"\.\s", rest[10:200])
        label = re.match(r"[^.:;]{3,80}:(?=\s*[A-ZĐÀ-Ỹ])", rest)
        if label and (not cut or label.end() < 10 + cut.start()):
            return label.group().rstrip(" :").strip()
        if cut:
            rest = rest[: 10 + cut.start()]
    return rest.rstrip(" :").strip()


# words a heading cannot end on: "CHƯƠNG I / NHỮNG / QUY ĐỊNH CHUNG", "MỤC ĐÍCH VÀ / YÊU CẦU"
DANGLING = {"những", "các", "và", "của", "về", "trong", "cho", "với", "đối", "tại", "theo", "để", "nhằm", "giữa",
            "hoặc", "mỗi", "một"}


def _continues_heading(text: str, heading: str = "", memo: Optional[dict] = None) -> bool:
    """The next line goes on with the heading: it opens in lower case, or the heading stopped on a
    word that needs what follows."""
    words = heading.split()
    dangling = bool(words) and words[-1].lower() in DANGLING
    return (bool(text) and (text[0].islower() or dangling) and len(text) <= 120 and not BULLET.match(text)
            and not candidates(text, 0, memo))


BARE_PARAGRAPH = re.compile(r"^(\d{1,2}|[Il](?=\s))\s+[A-ZĐÀ-Ỹ][^\s|]*(?:\s+[^\s|]+){2}")


def _bare_numbered_paragraphs(t: str, blocks: list[Block]) -> set[int]:
    """Starts of long paragraphs numbered "1 Tuyên truyền ...", "2 Phối hợp ..." with no mark after
    the number (a letter whose list a scan or a page typed so): a run 1, 2, ... of them, each a
    paragraph of prose (not a table's row), numbers its items. A first number read "I" or "l" is
    the "1" of a scan (then "2 ...")."""
    bare = [(int(m.group(1)) if m.group(1).isdigit() else 1, b.start) for b in blocks
            if b.kind != "cell" and (m := BARE_PARAGRAPH.match(t[b.start:b.end])) and len(t[b.start:b.end]) >= 60
            and not TABLE_ROW.search(t[b.start:b.end]) and len(re.findall(r"[a-zà-ỹđ]{2,}", t[b.start:b.end])) >= 10]
    out: set[int] = set()
    run: list[int] = []
    for v, start in bare + [(0, -1)]:
        if run and v == len(run) + 1:
            run.append(start)
            continue
        if len(run) >= 2:
            out.update(run)
        run = [start] if v == 1 else []
    return out


def _cut_like_siblings(heading: str, siblings: list[Section]) -> str:
    """The last item of a list whose items end alike ("... - Tổ trưởng - Uỷ viên") with the next
    paragraph run onto its line (a page that lost the line break): it ends where they do."""
    if len(heading) <= 120 or len(siblings) < 3 or any(len(s.heading or "") > 100 for s in siblings):
        return heading
    ends = Counter(" ".join((s.heading or "").split()[-2:]) for s in siblings)
    end, n = ends.most_common(1)[0]
    if n * 2 < len(siblings) or len(end.split()) < 2:
        return heading
    m = re.search(rf"\s{re.escape(end)}(?=\s+[A-ZĐÀ-Ỹ])", heading)
    return heading[:m.end()] if m else heading


def _word_headings(t: str, blocks: list[Block], memo: Optional[dict] = None) -> set[int]:
    """Indexes of the unnumbered paragraphs Word gives an outline level that head sections.
    One such paragraph alone outlines nothing: it is a stray level set on a line of the body
    (the document's own outline is then its numbers)."""
    out = {k for k, b in enumerate(blocks)
           if b.outline_level and b.kind != "cell" and len(text := t[b.start:b.end]) <= 200
           and not BULLET.match(text) and not ENACTING.match(text.strip()) and not candidates(text, k, memo)}
    return out if len(out) >= 2 else set()


def _renumbered_outline(t: str, blocks: list[Block], memo: Optional[dict] = None) -> dict[int, int]:
    """A web page whose list markup renumbered the outline: "1. MỤC ĐÍCH" / "2. Mục đích" / "1. Yêu
    cầu" / "1. NỘI DUNG" / "2. Tuyên truyền" ... "III. TỔ CHỨC". The first Roman number counts the
    headings in capitals before it (its I. and II. written "1." or "2."), and the arabic-numbered
    items between them, whatever numbers the page gave them, are their items. Returns the start of
    each such line and its depth (0 for a heading, 1 for an item), or {} when the page is no such
    one (or its items sit under numbers of another style, which the outline reads as is)."""
    numbered: list[tuple[int, Optional[Candidate]]] = []  # (block start, its plain "k." reading)
    for k, b in enumerate(blocks):
        text = t[b.start:b.end]
        cands = candidates(text, k, memo) if b.kind != "cell" else []
        if not cands:
            continue
        roman = next((c for c in cands if c.style == "roman" and text.startswith(c.number)), None)
        if roman is not None:
            if roman.values[0] < 3:
                return {}  # the page kept its Roman numbers
            break
        numbered.append((b.start, next((c for c in cands if c.style == "arabic:1" and c.number.endswith(".")), None)))
    else:
        return {}
    tops = [at for at, c in numbered if c and c.rest and is_upper_text(c.rest, 0.8)]
    if len(tops) != roman.values[0] - 1 or numbered[0][0] != tops[0]:
        return {}
    out = {at: 0 for at in tops}
    for at, c in numbered[1:]:
        if at in out:
            continue
        if c is None:
            break  # an item under a "Phần I" or "a)": the outline reads the rest as it is
        out[at] = 1
    return out if len(out) > len(tops) else {}


def build_tree(doc: PlanDocument) -> list[Section]:
    t = doc.text or ""
    lo, hi = doc.body_start, (doc.body_end or len(t))
    # a block the frame cut in two (a run-on line holding the title and the first sentence, or
    # the last item and "Trên đây là ...") takes part with its share inside the body
    blocks: list[Block] = [b if lo <= b.start and b.end <= hi else b.model_copy(update={"start": max(b.start, lo), "end": min(b.end, hi)})
                           for b in (doc.blocks or []) if b.start < hi and b.end > lo and t[max(b.start, lo):min(b.end, hi)].strip()]
    outline = Outline()
    in_table = False
    all_nodes: list[Section] = []
    bare_paragraphs = _bare_numbered_paragraphs(t, blocks)
    memo: dict = {}  # each line's readings, found once (the helpers below read the lines too)
    word_headings = _word_headings(t, blocks, memo)
    renumbered = _renumbered_outline(t, blocks, memo)
    n_tops = 0
    # a scan's headings in capitals, spelt as its body spells the same words
    spelling = BodySpelling(t[lo:hi]) if doc.source is not None and doc.source.ocr else None
    k = 0
    while k < len(blocks):
        b = blocks[k]
        text = t[b.start:b.end]
        if TABLE_HEADER.match(text):
            in_table = True
        cands = [] if b.kind == "cell" and b.table is not None and b.col else candidates(text, k, memo)
        if not cands and k in word_headings:
            # an unnumbered Word heading: its outline level is the only level it has
            cands = [Candidate(f"outline:{b.outline_level}", (0,), "", text, k)]
        if b.start in bare_paragraphs and text[:1] in "Il":
            cands = [Candidate("arabic:1", (1,), text[0], text[1:].strip(), k)]  # the scan's "1" of the run
        chosen = None
        if b.start in renumbered and (c := next((c for c in cands if c.style == "arabic:1"), None)):
            # a line of a renumbered outline: its place comes from the Roman number after it
            if renumbered[b.start] == 0:
                n_tops += 1
                c = Candidate("roman", (n_tops,), c.number, c.rest, k)
            chosen = (c, renumbered[b.start])
            cands = []
        for c in cands:
            if c.style == "arabic:1" and not c.number.endswith((".", ")", "/")) and c.number.strip().isdigit():
                # "1 Nhiệm vụ" with no separator: only short heading-like lines, never table rows
                # (a flattened row "1 Trương Ngọc Ánh 1973 GV CĐ 2000 2.72" carries more numbers)
                if in_table or ((len(text) > 150 or len(re.findall(r"(?<![\w/])\d+(?:[.,]\d+)?(?![\w/])", c.rest)) >= 2)
                                and b.start not in bare_paragraphs):
                    continue
            if c.style == "roman" and not text.startswith(c.number) and not (
                    (rp := outline.position("roman")) is not None and outline.stack[rp].last == (2,)):
                continue  # a scan's "HI." is "III." only right after an open "II."
            strict = c.style == "arabic:1" and len(text) > 300 and not (b.outline_level or b.bold)
            depth = outline.accepts(c, strict)
            pos = outline.position(c.style)
            if (b.start in bare_paragraphs and depth is not None and depth == pos
                    and outline.stack[pos].last == c.values):
                continue  # a bare-numbered paragraph repeating the number open: not its item
            if (depth is not None and depth == pos == len(outline.stack) - 1 and c.values == (1,)
                    and outline.stack[pos].last == (1,) and not outline.stack[pos].node.children
                    and is_upper_text(outline.stack[pos].node.heading, 0.8) and not is_upper_text(c.rest, 0.8)):
                # "1. ĐẶC ĐIỂM TÌNH HÌNH" then "1. Những thuận lợi": a list opening under a heading
                # in capitals that bears the same numbering
                depth = len(outline.stack)
            if (depth is not None and depth == pos < len(outline.stack) - 1 and c.values == (1,) == outline.stack[pos].last
                    and outline.stack[-1].cand.style in ("part", "chapter", "roman", "upper", "arabic:2", "arabic:3")
                    and not outline.stack[-1].node.children):
                # "1. Tiến trình buổi lễ", "Phần I: Phần lễ", "1. Đón đại biểu": the list of the
                # heading just opened, not the "1." above it again (so too "1." "1.1." "1.")
                depth = len(outline.stack)
            if depth is not None:
                chosen = (c, depth)
                break
        if chosen is None:
            if not cands and in_table and not TABLE_ROW.search(text) and len(text) > 80:
                in_table = False
            if outline.stack and _bare_title(text):
                # the title of a document or annex printed after this one ("Điều 3." ... "KẾ HOẠCH" /
                # "I. MỤC ĐÍCH"; "III. ..." ... "THUYẾT MINH DỰ TOÁN" / "1. ..."): its outline starts afresh
                del outline.stack[:]
            k += 1
            continue
        in_table = False
        c, depth = chosen
        heading = _heading_text(c.rest)
        heading_end = b.end
        sub = _sub_heading_at(c.rest, k, memo)
        if sub is not None and text.endswith(c.rest):
            # the first sub-heading run onto the heading's line ("I - TÌNH HÌNH 1- Số lượng ..."):
            # read it as a line of its own
            blocks.insert(k + 1, b.model_copy(update={"start": b.start + len(text) - len(c.rest) + sub}))
            b = b.model_copy(update={"end": blocks[k + 1].start})
            heading_end = b.end
        j = k + 1
        wrap_max = HEADING_WRAP_MAX
        if not heading and j < len(blocks):
            # "PHẦN THỨ NHẤT" / "CHƯƠNG TRÌNH 1" with the heading on the next line
            nxt = t[blocks[j].start:blocks[j].end]
            if not candidates(nxt, j, memo) and len(nxt) <= 300:
                heading = _heading_text(nxt)
                nsub = _sub_heading_at(nxt, j, memo)
                if nsub is not None:
                    # "Phần thứ nhất" / "KẾT QUẢ ... 2012 – 2015 I Tình hình ...": the first sub-heading
                    # run onto the heading's line is a line of its own
                    blocks.insert(j + 1, blocks[j].model_copy(update={"start": blocks[j].start + nsub}))
                    blocks[j] = blocks[j].model_copy(update={"end": blocks[j + 1].start})
                heading_end = blocks[j].end
                if not c.style.startswith("arabic"):
                    wrap_max = 300  # the line under "CHƯƠNG TRÌNH 2" is all heading, wrapped as long as it runs
                # ("3." alone is a PDF's split of "3. Xây dựng ...": a numbered paragraph)
                j += 1
        # a heading that wraps onto the next line(s): lower-case continuation
        while j < len(blocks) and heading and not heading.endswith((".", ":")):
            nxt = t[blocks[j].start:blocks[j].end]
            if not _continues_heading(nxt, heading, memo) or len(heading) + len(nxt) > wrap_max:
                break  # past a two-line heading's length: a numbered paragraph wrapped at the page width
            heading = heading + " " + nxt.strip().rstrip(" :")
            heading_end = blocks[j].end
            j += 1
        if spelling is not None and is_upper_text(heading, 0.8):
            heading = spelling.respell(heading)
        style = c.style.split(":")[0]
        parent = outline.stack[depth - 1].node.children if depth else outline.roots
        heading = _cut_like_siblings(heading, parent)
        node = Section(number=c.number or None, level=1, heading=heading, style=style, start=b.start, end=b.end,
                       heading_start=b.start, heading_end=heading_end)
        outline.add(c, depth, node)
        all_nodes.append(node)
        k = j
    _set_ends(outline.roots, doc.body_end if doc.body_end is not None else len(t))
    return outline.roots


def _set_ends(nodes: list[Section], end: int) -> None:
    for a, b in zip(nodes, nodes[1:] + [None]):
        a.end = b.start - 1 if b is not None else end
        a.end = max(a.end, a.heading_end)
        _set_ends(a.children, a.end)


def apply(doc: PlanDocument) -> PlanDocument:
    doc.sections = build_tree(doc)
    return doc
