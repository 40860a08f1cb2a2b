"""Word .docx reader (python-docx).

Paragraphs and tables in document order; tables cell by cell (the two-column header table
and the signature table come out as separate cells, never interleaved); list numbers that
Word generates from numPr (on the paragraph or inherited from its style) rendered as the
visible number ("1.1.", "a)", "•"); soft line breaks kept as line breaks; style name,
outline level and bold kept as provenance for the segmenter. Runs in legacy Vietnamese
fonts (.VnTime = TCVN3, VNI-Times = VNI) are converted to Unicode.
"""
from __future__ import annotations

import io
import re
import zipfile
from functools import cached_property
from typing import Iterator, Optional

from docx.oxml.simpletypes import ST_DecimalNumber, ST_OnOff
from lxml import etree

from kehoach.parser.errors import CorruptFile, EncryptedFile
from kehoach.parser.readers import package_guard
from kehoach.parser.readers.base import RawBlock, RawDocument, register

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PPR, _RPR = f"{W}pPr", f"{W}rPr"
_PSTYLE, _NUMPR, _NUMID, _ILVL, _OUTLINE = f"{W}pStyle", f"{W}numPr", f"{W}numId", f"{W}ilvl", f"{W}outlineLvl"
_RFONTS, _ASCII, _HANSI, _B = f"{W}rFonts", f"{W}ascii", f"{W}hAnsi", f"{W}b"
_P, _TBL, _SDT, _SDT_CONTENT = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}sdtContent"
_TR, _TC, _TCPR, _TRPR = f"{W}tr", f"{W}tc", f"{W}tcPr", f"{W}trPr"
_GRID_SPAN, _GRID_BEFORE, _VMERGE = f"{W}gridSpan", f"{W}gridBefore", f"{W}vMerge"
_UNSET = object()
MAX_XML_BYTES = 60 * 1024 * 1024  # uncompressed document.xml; a plan is far smaller
_VAL = f"{W}val"
_ABSTRACT_NUM, _ABSTRACT_NUM_ID, _NUM, _NUM_ID, _LVL, _LVL_OVERRIDE = (
    f"{W}abstractNum", f"{W}abstractNumId", f"{W}num", f"{W}numId", f"{W}lvl", f"{W}lvlOverride")
_START, _NUM_FMT, _LVL_TEXT, _START_OVERRIDE = f"{W}start", f"{W}numFmt", f"{W}lvlText", f"{W}startOverride"
_PPR_TAGS = frozenset((_PSTYLE, _NUMPR, _OUTLINE))
_LVL_TAGS = frozenset((_START, _NUM_FMT, _LVL_TEXT))
_OVERRIDE_TAGS = frozenset((_START_OVERRIDE, _LVL))


def _child(el, tag: str):
    """`el.find(tag)` for a plain (Clark) tag: the first child with that tag (a comment's or
    processing instruction's tag is no string), without ElementPath's or a tag matcher's set-up
    per call (5-10x the cost on the few children of a w:p, w:pPr or w:r)."""
    for c in el:
        if c.tag == tag:
            return c
    return None


def _first_children(el, tags: frozenset) -> dict:
    """{tag: _child(el, tag)} for the tags found, in one pass over el's children."""
    found: dict = {}
    for c in el:
        tag = c.tag
        if tag in tags and tag not in found:
            found[tag] = c
    return found


def _required_val(el, convert):
    """python-docx's RequiredAttribute w:val (CT_String, CT_DecimalNumber .val): the same value,
    the same errors, on plain lxml elements too."""
    v = el.get(_VAL)
    if v is None:
        from docx.oxml.exceptions import InvalidXmlError

        raise InvalidXmlError("required 'w:val' attribute not present on element %s" % el.tag)
    return convert(v)


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" and n < 10 else str(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Word list numbering: numId/ilvl -> the visible label, with counters in reading order."""

    def __init__(self, document, root=None) -> None:
        """`root`: the numbering part's element, when the package was opened without python-docx
        (`document` is then None and a None root means no numbering part)."""
        self.levels: dict[str, dict[int, dict]] = {}  # numId -> ilvl -> {start, fmt, text}
        self.counters: dict[str, list[int]] = {}
        if document is not None:
            try:
                root = document.part.numbering_part.element
            except (NotImplementedError, KeyError, AttributeError):
                return
        if root is None:
            return
        # children looked up by tag in one pass (ElementPath's find/findall cost ~20 us a call
        # here); each list and first child as findall/find give them
        ans, nums = [], []
        for c in root:
            tag = c.tag
            if tag == _ABSTRACT_NUM:
                ans.append(c)
            elif tag == _NUM:
                nums.append(c)
        abstract: dict[str, dict[int, dict]] = {}
        for an in ans:
            aid = an.get(_ABSTRACT_NUM_ID)
            abstract[aid] = {int(lvl.get(_ILVL, "0")): self._lvl(lvl) for lvl in an if lvl.tag == _LVL}
        for num in nums:
            nid = num.get(_NUM_ID)
            aid_el = _child(num, _ABSTRACT_NUM_ID)
            if aid_el is None:
                continue
            levels = {k: dict(v) for k, v in abstract.get(aid_el.get(_VAL), {}).items()}
            for ov in num:
                if ov.tag != _LVL_OVERRIDE:
                    continue
                ilvl = int(ov.get(_ILVL, "0"))
                first = _first_children(ov, _OVERRIDE_TAGS)  # its first w:startOverride and w:lvl
                so, lvl = first.get(_START_OVERRIDE), first.get(_LVL)
                if so is not None and ilvl in levels:
                    levels[ilvl]["start"] = int(so.get(_VAL, "1"))
                if lvl is not None:
                    levels[ilvl] = self._lvl(lvl)
            self.levels[nid] = levels

    @staticmethod
    def _lvl(lvl) -> dict:
        first = _first_children(lvl, _LVL_TAGS)  # the first w:start, w:numFmt, w:lvlText
        start, fmt, text = first.get(_START), first.get(_NUM_FMT), first.get(_LVL_TEXT)
        return {"start": int(start.get(_VAL, "1") if start is not None else "1"),
                "fmt": fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                "text": text.get(_VAL, "") if text is not None else ""}

    def label(self, num_id: str, ilvl: int) -> Optional[str]:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        lv = levels[ilvl]
        if lv["fmt"] == "bullet":
            t = lv["text"]
            return t if t in ("-", "–", "+", "*", "•") else "•"
        counters = self.counters.setdefault(num_id, [0] * 9)
        if counters[ilvl] == 0:
            counters[ilvl] = lv["start"]
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0

        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lvk = levels.get(k, {"fmt": "decimal", "start": 1})
            n = counters[k] or lvk["start"]
            return format_number(n, lvk["fmt"] if k == ilvl else ("decimal" if lvk["fmt"] == "bullet" else lvk["fmt"]))

        return re.sub(r"%([1-9])", repl, lv["text"]).strip() or None


class StyleCache:
    """python-docx resolves `paragraph.style` with a linear scan each call, and every walk up a
    style's base chain goes through proxies and xpath: resolve each style, and what its chain
    says (bold, outline level, font, numbering), once per document."""

    def __init__(self, styles) -> None:
        self.styles = styles  # docx.styles.styles.Styles
        self._by_id: dict = {}
        self._facts: dict[int, _StyleFacts] = {}
        self._elements: Optional[dict] = None  # styleId -> first w:style element
        self._by_default: dict = {}

    def get(self, p_el, ppr=_UNSET):
        """`ppr`: the paragraph's w:pPr (or None), when the caller has already found it."""
        # find(): what python-docx's child properties (p_el.pPr ...) do, minus their qn() per call
        if ppr is _UNSET:
            ppr = _child(p_el, _PPR)
        return self.by_sid(_style_id(ppr))

    def by_sid(self, sid):
        style = self._by_id.get(sid, _UNSET)
        if style is _UNSET:
            style = self._by_id[sid] = self._lookup(sid)
        return style

    def _lookup(self, sid):
        """`styles.get_by_id(sid, PARAGRAPH)` without its xpath scan per call: the first
        w:style with that id, else the default paragraph style."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.styles.style import StyleFactory

        styles = self.styles
        el = self._style_elements().get(sid) if sid else None
        if el is None or el.type != WD_STYLE_TYPE.PARAGRAPH:
            if "default" not in self._by_default:
                self._by_default["default"] = styles.default(WD_STYLE_TYPE.PARAGRAPH)
            return self._by_default["default"]
        return StyleFactory(el)

    def _style_elements(self) -> dict:
        """styleId -> the first w:style with that id."""
        if self._elements is None:
            self._elements = {}
            for el in self.styles.element.iterchildren(f"{W}style"):
                self._elements.setdefault(el.get(f"{W}styleId"), el)
        return self._elements

    def base_style(self, style):
        """`style.base_style` without python-docx's xpath per step (compiled on each call): the
        first w:style whose id its first w:basedOn names, as CT_Styles.get_by_id finds it."""
        from docx.styles.style import StyleFactory

        if not hasattr(type(style), "base_style"):  # a numbering style has none: python-docx's error
            return style.base_style
        based_on = style.element.basedOn  # CT_Style's first w:basedOn
        if based_on is None:
            return None
        sid = based_on.val  # its errors when w:val is missing
        if '"' in sid:  # an id the xpath cannot quote: let python-docx say what it says
            return style.base_style
        el = self._style_elements().get(sid)
        return None if el is None else StyleFactory(el)

    def facts(self, style) -> "_StyleFacts":
        f = self._facts.get(id(style))  # styles live in _by_id, so their ids stay theirs
        if f is None:
            f = self._facts[id(style)] = _StyleFacts(style, self.base_style)
        return f


def _style_id(ppr) -> Optional[str]:
    """The paragraph's w:pStyle/@w:val (python-docx's error when it has none), or None."""
    pstyle = _child(ppr, _PSTYLE) if ppr is not None else None
    if pstyle is None:
        return None
    sid = pstyle.get(_VAL)
    return sid if sid is not None else _required_val(pstyle, str)


def _style_chain(style, base_of=None) -> Iterator:
    """The style and its bases (20 at most); `base_of(style)`: its base, else python-docx's."""
    seen = 0
    while style is not None and seen < 20:
        yield style
        style = base_of(style) if base_of is not None else style.base_style
        seen += 1


def _outline_val(ppr) -> Optional[int]:
    return _outline_of(_child(ppr, _OUTLINE) if ppr is not None else None)


def _outline_of(el) -> Optional[int]:
    """A w:outlineLvl (or None) as a heading level 1-9."""
    if el is not None and el.get(_VAL, "9").isdigit() and int(el.get(_VAL)) < 9:
        return int(el.get(_VAL)) + 1
    return None


class _StyleFacts:
    """What a paragraph style's chain says, each computed on first use."""

    def __init__(self, style, base_of=None) -> None:
        self.style = style
        self._chain: list = []  # the base chain as far as walked: each base looked up once
        self._chain_walk = _style_chain(style, base_of)

    def chain(self) -> Iterator:
        """_style_chain(self.style), walked once for all the facts: a level is looked up when
        a fact first needs it, as each fact's own walk did (so do its errors)."""
        k = 0
        while True:
            if k == len(self._chain):
                st = next(self._chain_walk, _UNSET)
                if st is _UNSET:
                    return
                self._chain.append(st)
            yield self._chain[k]
            k += 1

    @cached_property
    def name(self) -> Optional[str]:
        return self.style.name if self.style is not None else None

    # the style's own w:pPr / w:rPr read as python-docx's properties read them (the first child of
    # each tag; CT_OnOff.val), without a property, proxy and ElementPath search per step
    @cached_property
    def num_pr(self):
        for st in self.chain():
            sppr = _child(st.element, _PPR)
            num_pr = _child(sppr, _NUMPR) if sppr is not None else None
            if num_pr is not None:
                return num_pr
        return None

    @cached_property
    def outline(self) -> Optional[int]:
        for st in self.chain():
            m = re.match(r"^heading\s*(\d)$", (st.name or "").strip(), re.I)
            if m:
                return int(m.group(1))
            lv = _outline_val(_child(st.element, _PPR))
            if lv is not None:
                return lv
        return None

    @cached_property
    def bold(self) -> bool:
        for st in self.chain():  # st.font.bold: None without a w:b
            rpr = _child(st.element, _RPR)
            b = _child(rpr, _B) if rpr is not None else None
            if b is not None:
                return bool(_on_off(b))
        return False

    @cached_property
    def font(self) -> Optional[str]:
        for st in self.chain():  # st.font.name: w:rFonts/@w:ascii
            rpr = _child(st.element, _RPR)
            fonts = _child(rpr, _RFONTS) if rpr is not None else None
            name = fonts.get(_ASCII) if fonts is not None else None
            if name:
                return name
        return None


def _num_pr(ppr, facts: _StyleFacts) -> Optional[tuple[str, int]]:
    """`ppr`: the paragraph's w:pPr or None."""
    return _num_pr_el(_child(ppr, _NUMPR) if ppr is not None else None, facts)


def _num_pr_el(num_pr, facts: _StyleFacts) -> Optional[tuple[str, int]]:
    """`num_pr`: the paragraph's own w:numPr or None (then its style's)."""
    if num_pr is None:
        num_pr = facts.num_pr
    if num_pr is None:
        return None
    num_id = _child(num_pr, _NUMID)  # python-docx's .numId
    if num_id is None:
        return None
    nid = str(_required_val(num_id, ST_DecimalNumber.convert_from_xml))  # CT_DecimalNumber.val
    if nid == "0":
        return None
    ilvl = _child(num_pr, _ILVL)
    return nid, int(_required_val(ilvl, ST_DecimalNumber.convert_from_xml) if ilvl is not None else 0)


def _outline_level(ppr, facts: _StyleFacts) -> Optional[int]:
    lv = _outline_val(ppr)
    return lv if lv is not None else facts.outline


def _run_font(run_el, facts: _StyleFacts) -> Optional[str]:
    rpr = _child(run_el, _RPR)
    fonts = _child(rpr, _RFONTS) if rpr is not None else None
    if fonts is not None:
        name = fonts.get(_ASCII) or fonts.get(_HANSI)
        if name:
            return name
    return facts.font


class _Legacy:
    """Converts runs typed in legacy Vietnamese fonts; loaded only when such a font shows up."""

    def __init__(self) -> None:
        self.used: Optional[str] = None
        try:
            from kehoach.parser.text import legacy
        except ImportError:
            legacy = None
        self.mod = legacy

    def convert(self, text: str, font: Optional[str]) -> str:
        if not self.mod or not font:
            return text
        enc = self.mod.font_encoding(font)
        if not enc:
            return text
        self.used = enc
        upper = font.rstrip().upper().endswith("H")  # .VnTimeH / .VnArialH: the capitals font
        return self.mod.decode_str(text, enc, upper=upper)


def _run_bold(run_el) -> Optional[bool]:
    rpr = run_el[0] if len(run_el) else None  # w:rPr comes first in a w:r when present
    if rpr is not None and rpr.tag != _RPR:
        rpr = _child(run_el, _RPR)
    b = _child(rpr, _B) if rpr is not None else None
    return None if b is None else _on_off(b)


def _on_off(b) -> bool:
    """CT_OnOff.val of a w:b: ST_OnOff, True when absent; odd values raise its error."""
    v = b.get(_VAL)
    if v is None or v in ("1", "true", "on"):
        return True
    if v in ("0", "false", "off"):
        return False
    return ST_OnOff.convert_from_xml(v)


_T, _SOFT_HYPHEN, _NB_HYPHEN, _BR, _CR, _TAB = (f"{W}t", f"{W}softHyphen", f"{W}noBreakHyphen", f"{W}br", f"{W}cr",
                                                f"{W}tab")
_TEXT_TAGS = (_T, _SOFT_HYPHEN, _NB_HYPHEN, _BR, _CR, _TAB)
_BR_TYPE = f"{W}type"


def _text_elements(body) -> dict:
    """{w:p: [(element, tag, parent), ...]}: for each w:p in `body` that no other w:p holds,
    its text-bearing elements in document order (what its `iter(_TEXT_TAGS)` gives), found
    in one walk of the body: lxml sets up a tag matcher per iter() call, ~20k instructions,
    more than a plan's paragraph costs otherwise. A w:p inside another (a text box) files
    its text under the outer one, whose iter() walks it too."""
    by_p: dict = {}  # every w:p -> the list of its outermost w:p (its own when it is that)
    outer_of: dict = {body: None, None: None}  # an element -> the outermost w:p holding it or itself, or None

    def outer(el):
        chain = []
        while el not in outer_of:  # up to body, or to an element already placed
            chain.append(el)
            el = el.getparent()
        o = outer_of[el]
        for a in reversed(chain):  # top down: the first w:p met is the outermost
            if o is None and a.tag == _P:
                o = a
            outer_of[a] = o
        return o

    for el in body.iter(_P, *_TEXT_TAGS):
        tag = el.tag
        parent = el.getparent()
        if tag == _P:
            o = outer(parent)
            by_p[el] = [] if o is None else by_p[o]
            continue
        own = by_p.get(parent.getparent())  # a run's text in a paragraph
        if own is None:
            o = outer(parent)
            if o is None:
                continue  # in no paragraph
            own = by_p[o]
        own.append((el, tag, parent))
    return by_p


def _paragraph_text(p_el, facts: _StyleFacts, legacy: _Legacy, fonts_matter: bool = True,
                    items: Optional[list] = None) -> tuple[str, Optional[bool]]:
    """`fonts_matter`: False when no font the runs can resolve to is a legacy one (the caller
    checked), so each run's font need not be looked up. `items`: the paragraph's entry in
    _text_elements, else its text elements are looked up here."""
    parts: list[str] = []
    bold_flags: list[bool] = []
    style_bold = facts.bold
    fonts_matter = fonts_matter and legacy.mod is not None
    # a run's font and bold, looked up once: its w:t come one after another (the reference held
    # in `run` keeps its lxml proxy, so `is` tells the same element)
    run = font = bold = None
    has_font = has_bold = False
    # only the elements that give text, in document order (lxml filters the tags in C)
    if items is None:
        items = [(c, c.tag, c.getparent()) for c in p_el.iter(_TEXT_TAGS)]
    for child, tag, run_el in items:
        if tag == _T:
            text = child.text
            if not text:
                continue
            if run_el is not run:
                run, has_font, has_bold = run_el, False, False
            if fonts_matter:
                if not has_font:
                    font, has_font = _run_font(run_el, facts), True
                text = legacy.convert(text, font)
            parts.append(text)
            if text.strip():
                if not has_bold:
                    bold, has_bold = _run_bold(run_el), True
                bold_flags.append(style_bold if bold is None else bold)
        elif tag == _SOFT_HYPHEN:
            # Word stores a typed U+00AD as <w:softHyphen/>; in a TCVN3 font that byte is "ư",
            # in any other font it is an invisible break hint
            if run_el is not run:
                run, has_font, has_bold = run_el, False, False
            if fonts_matter:
                if not has_font:
                    font, has_font = _run_font(run_el, facts), True
                ch = legacy.convert("\u00ad", font)
                if ch != "\u00ad":
                    parts.append(ch)
        elif tag == _NB_HYPHEN:
            parts.append("-")
        elif tag == _TAB:
            parts.append("\t")
        elif child.get(_BR_TYPE) in (None, "textWrapping"):  # w:br, w:cr
            parts.append("\n")
    text = "".join(parts)
    bold = all(bold_flags) if bold_flags else None
    return text, bold


def _iter_body(parent_el) -> Iterator:
    for child in parent_el.iterchildren():
        tag = child.tag
        if tag == _P:
            yield "p", child
        elif tag == _TBL:
            yield "tbl", child
        elif tag == _SDT:
            content = _child(child, _SDT_CONTENT)
            if content is not None:
                yield from _iter_body(content)


def _table_rows(tbl_el) -> Iterator[tuple]:
    """Each row's w:tc elements as python-docx's `Table.rows` / `_Row.cells` give them: one per
    layout-grid column a cell spans (gridSpan). A vertically merged cell continues the one above
    it: tables with any w:vMerge go through python-docx's Table itself (its walk up the rows,
    its errors)."""
    if any(True for _ in tbl_el.iter(_VMERGE)):
        yield from _table_rows_docx(tbl_el)
        return
    for tr in list(tbl_el.iterchildren(_TR)):  # CT_Tbl.tr_lst
        cells: list = []
        for tc in tr.iterchildren(_TC):  # CT_Row.tc_lst
            tcpr = _child(tc, _TCPR)
            span = _child(tcpr, _GRID_SPAN) if tcpr is not None else None
            n = 1 if span is None else _required_val(span, ST_DecimalNumber.convert_from_xml)
            cells.extend([tc] * n)  # range(tc.grid_span): none when the span is not positive
        yield tuple(cells)


def _table_rows_docx(tbl_el) -> Iterator[tuple]:
    from docx.oxml.table import CT_Tbl
    from docx.table import Table

    if not isinstance(tbl_el, CT_Tbl):  # a plain lxml element: the same table as python-docx's elements
        from docx.oxml.parser import parse_xml

        tbl_el = parse_xml(etree.tostring(tbl_el, with_tail=False))
    for row in Table(tbl_el, None).rows:
        yield tuple(cell._tc for cell in row.cells)


def _check_zip(data: bytes, path: str) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise CorruptFile(path, f"not a valid .docx: {e} (truncated or not a Word file)") from e
    names = set(zf.namelist())
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise EncryptedFile(path, "the Word document is password-protected")
    if "word/document.xml" not in names:
        raise CorruptFile(path, "not a Word document: the zip has no word/document.xml")
    info = zf.getinfo("word/document.xml")
    if info.file_size > MAX_XML_BYTES:
        raise CorruptFile(path, f"word/document.xml is {info.file_size // 1_000_000} MB uncompressed: refused (zip bomb?)")
    return zf


# --- opening the package without python-docx's Document() -----------------------------------
# Document() inflates every part and parses every XML part it knows into proxies; for a plan
# most of that is styles.xml (350 KB in Word's and python-docx's templates, ~13 ms), of which
# the reader needs a handful of styles. _open_fast walks the package as python-docx's
# PackageReader does (same content types, relationships, missing parts), parses document.xml
# with python-docx's parser settings as plain lxml (the reader reads its w:val attributes with
# python-docx's converters and errors), numbering.xml whole with python-docx's parser, and of
# styles.xml only the w:style elements the paragraphs can
# reach (their pStyle ids, the base chains, every default). Anything it does not expect returns
# None and the reader opens the file with Document() as before, errors included.

_STYLE_START = re.compile(rb"<w:style(?=[\s/>])")  # (_reachable_styles: as find + _STYLE_LOOKAHEAD)
_STYLE_LOOKAHEAD = frozenset(b" \t\n\r\f\v/>")
_BASED_ON = re.compile(rb"""<w:basedOn(?=[\s/>])(?:\s+w:val\s*=\s*(["'])([^"'&]*)\1)?""")
_STYLE_ID = re.compile(rb"""\sw:styleId\s*=\s*(["'])(.*?)\1""")
_DEFAULT = re.compile(rb"\sw:default\s*=")
_W_URI = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XMLNS_W = re.compile(rb"""\sxmlns:w\s*=\s*(["'])http://schemas\.openxmlformats\.org/wordprocessingml/2006/main\1""")
_DECL = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["']utf-8["']""", re.I)


def _finditer(pattern: re.Pattern, head: bytes, xml: bytes, pos: int) -> Iterator[re.Match]:
    """`pattern.finditer(xml, pos)` for a pattern whose every match starts with the literal
    `head` (and is longer than it): each place find() gives is tried with `pattern.match`."""
    find, match = xml.find, pattern.match
    at = find(head, pos)
    while at != -1:
        m = match(xml, at)
        if m is None:
            at = find(head, at + 1)
        else:
            yield m
            at = find(head, m.end())


def _reachable_styles(xml: bytes, ids: set[bytes]):
    """styles.xml with only the w:style elements that `ids`, base chains and defaults reach,
    in document order (first of an id and last default stay first and last); None when the
    part is not laid out as expected (UTF-8, prefix w only, styles side by side, no entities,
    comments or CDATA). Few passes over the bytes: each costs ~0.4 ms on 350 KB."""
    decl = _DECL.match(xml)
    if decl and b"encoding" in decl.group(0) and not _UTF8.search(decl.group(0)):
        return None
    # no comment, CDATA, DOCTYPE or processing instruction: no "!" or "?" at all past the XML
    # declaration (one-byte searches run at memchr speed; Word's styles hold neither)
    if xml.find(b"!") != -1 or xml.find(b"?", decl.end() if decl else 0) != -1 or xml.count(_W_URI) != 1:
        return None  # w must be the one prefix of the main namespace
    styles: list[list] = []  # [start, end, styleId, default, basedOn values]
    # _STYLE_START.finditer(xml) as a find() loop over its literal head and a look at the byte
    # after it (its lookahead: \s is [ \t\n\r\f\v] in a bytes pattern): the same matches, a
    # fifth of the instructions (sre walks a literal prefix byte by byte, find skips ahead).
    # Each start tag is read in place (find/count/search over its span, no slice); the
    # regexes run from the first place their literal can be (a match starts one byte before
    # it), a '&' or "'" only looked for in tags when the part has one past the first style:
    # each of these regexes costs ~100 instructions a byte when it starts scanning with \s
    find, count = xml.find, xml.count
    at = find(b"<w:style")
    amp = at != -1 and find(b"&", at) != -1
    apos = at != -1 and find(b"'", at) != -1
    n = len(xml)
    while at != -1:
        end = at + 8  # the match's end: past "<w:style"
        if end >= n or xml[end] not in _STYLE_LOOKAHEAD:
            at = find(b"<w:style", at + 1)
            continue
        gt = find(b">", end)
        if gt == -1:
            return None
        gt += 1  # the start tag is xml[at:gt]
        if (amp and find(b"&", at, gt) != -1) or count(b'"', at, gt) % 2 or (apos and count(b"'", at, gt) % 2):
            return None  # an entity, or a '>' inside an attribute value
        i = find(b"w:styleId", at, gt)
        sid = _STYLE_ID.search(xml, i - 1, gt) if i != -1 else None
        i = find(b"w:default", at, gt)
        default = i != -1 and _DEFAULT.search(xml, i - 1, gt) is not None
        styles.append([at, gt, sid.group(2) if sid else None, default, []])
        at = find(b"<w:style", end)
    # a style ends where the next one starts (only white space between them): there it must
    # close, with </w:style> or as <w:style .../>; the last one closes at its first </w:style>
    for k, st in enumerate(styles):
        if k + 1 < len(styles):
            e = styles[k + 1][0]
            while xml[e - 1] in b" \t\r\n":
                e -= 1
            if e == st[1] and xml[e - 2] == 47:  # "/": self-closed
                st[1] = e
            elif e > st[1] and xml.endswith(b"</w:style>", st[1], e):
                st[1] = e
            else:
                return None  # nested, or something else between two styles
        elif xml[st[1] - 2] != 47:
            e = xml.find(b"</w:style>", st[1])
            if e == -1:
                return None
            st[1] = e + len(b"</w:style>")
    if not styles:
        return None
    k = 0
    for m in _finditer(_BASED_ON, b"<w:basedOn", xml, styles[0][0]):  # each inside a style, as w:val="..."
        while k < len(styles) and styles[k][1] <= m.start():
            k += 1
        if k == len(styles) or m.start() < styles[k][0] or m.group(2) is None:
            return None
        styles[k][4].append(m.group(2))
    head, tail = xml[:styles[0][0]], xml[styles[-1][1]:]
    if b"<w:styles" not in head or not _XMLNS_W.search(head) or xml.find(b"xmlns", styles[0][0]) != -1:
        return None  # namespaces declared on the root only
    want = set(ids)
    grew = True
    while grew:  # base chains, of the paragraphs' styles and of the defaults
        grew = False
        for _, _, sid, default, based in styles:
            if default or sid in want:
                for v in based:
                    if v not in want:
                        want.add(v)
                        grew = True
    return head + b"".join(xml[a:b] for a, b, sid, default, _ in styles if default or sid in want) + tail


_PLAIN_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # = docx.oxml.parser's


def _open_fast(zf: zipfile.ZipFile, parts: Optional[dict[str, bytes]] = None):
    """(w:body, Styles, numbering root or None), or None to open the file with python-docx.
    `parts`: XML parts package_guard already inflated (and CRC-checked), read from there."""
    import posixpath

    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PACKAGE_URI, PackURI
    from docx.opc.pkgreader import _ContentTypeMap, _SerializedRelationships
    from docx.oxml.parser import parse_xml
    from docx.styles.styles import Styles

    names = set(zf.namelist())
    parts = parts or {}

    def read(member: str) -> bytes:
        data = parts.get(member)
        return data if data is not None else zf.read(member)

    # python-docx parses these content types into XmlParts on open (an image rel never is)
    parsed = {CT.OPC_CORE_PROPERTIES, CT.WML_COMMENTS, CT.WML_DOCUMENT_MAIN, CT.WML_FOOTER, CT.WML_HEADER,
              CT.WML_NUMBERING, CT.WML_SETTINGS, CT.WML_STYLES}
    ct = _ContentTypeMap.from_xml(read("[Content_Types].xml"))

    def srels_for(uri) -> list:
        member = uri.rels_uri.membername
        xml = read(member) if member in names else None
        return list(_SerializedRelationships.load_from_xml(uri.baseURI, xml))

    pkg_rels = srels_for(PACKAGE_URI)
    types: dict[str, str] = {}
    rels_of: dict[str, list] = {}
    check_xml: list[str] = []

    def walk(srels) -> None:  # PackageReader._walk_phys_parts, without inflating the parts
        for srel in srels:
            if srel.is_external:
                continue
            partname = srel.target_partname
            if partname in types:
                continue
            if partname.membername not in names:
                raise KeyError(partname)
            types[partname] = ct[partname]
            rels_of[partname] = srels_for(partname)
            if srel.reltype != RT.IMAGE and types[partname] in parsed:
                check_xml.append(partname)
            walk(rels_of[partname])

    walk(pkg_rels)

    def only(srels, reltype):
        matching = [r for r in srels if r.reltype == reltype]
        if len(matching) != 1 or matching[0].is_external or len({r.rId for r in srels}) != len(srels):
            return None
        return matching[0].target_partname

    main = only(pkg_rels, RT.OFFICE_DOCUMENT)
    if main is None or types.get(main) != CT.WML_DOCUMENT_MAIN:
        return None
    styles_name = only(rels_of[main], RT.STYLES)
    if styles_name is None or types.get(styles_name) != CT.WML_STYLES:
        return None
    num_name = None
    if any(r.reltype == RT.NUMBERING for r in rels_of[main]):
        num_name = only(rels_of[main], RT.NUMBERING)
        if num_name is None or types.get(num_name) != CT.WML_NUMBERING:
            return None
    # python-docx's parser settings, without its element classes: the reader touches each
    # element through plain lxml (a custom-class proxy costs far more to make)
    root = etree.fromstring(read(main.membername), _PLAIN_PARSER)
    body = _child(root, f"{W}body")
    if root.tag != f"{W}document" or body is None:
        return None
    ids = {v.encode() for v in (el.get(_VAL) for el in root.iter(_PSTYLE)) if v is not None}
    styles_xml = read(styles_name.membername)
    reduced = _reachable_styles(styles_xml, ids)
    styles_root = parse_xml(reduced if reduced is not None else styles_xml)
    # numbering.xml is read through plain lxml only (Numbering), and the other parts are parsed
    # only to fail where Document() fails: python-docx's parser settings without its element
    # classes (they fail on the same bytes; a custom-class proxy costs ~5x a plain one to make)
    numbering_root = etree.fromstring(read(num_name.membername), _PLAIN_PARSER) if num_name is not None else None
    for name in check_xml:  # the other XML parts Document() would parse: fail where it fails
        if name not in (main, styles_name, num_name):
            etree.fromstring(read(name.membername), _PLAIN_PARSER)
    return body, Styles(styles_root), numbering_root


@register("docx")
def read_docx(data: bytes, path: str) -> RawDocument:
    zf = _check_zip(data, path)
    # every part: sizes, ratios, DOCTYPE/entities; the XML parts it inflates are kept for the opener
    parts = package_guard.check(data, path, "Word document", zf=zf, keep=True)
    try:
        opened = _open_fast(zf, parts)
    except Exception:  # whatever it is, Document() below says it as before
        opened = None
    if opened is not None:
        body, styles_proxy, numbering_root = opened
        numbering = Numbering(None, numbering_root)
    else:
        import docx

        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as e:  # python-docx raises assorted errors on broken parts
            raise CorruptFile(path, f"cannot open .docx: {type(e).__name__}: {e}") from e
        body, styles_proxy = document.element.body, document.styles
        numbering = Numbering(document)
    styles = StyleCache(styles_proxy)
    legacy = _Legacy()
    # a run's font is its w:rFonts or its style's: when none of the body's w:rFonts names a legacy
    # font, only a paragraph whose style does needs its runs' fonts looked up
    run_fonts_legacy = legacy.mod is not None and any(
        legacy.mod.font_encoding(f.get(_ASCII) or f.get(_HANSI) or "")
        for f in body.iter(_RFONTS))
    by_sid: dict = {}  # pStyle id -> (its style's facts, whether its runs' fonts matter)

    def style_of(sid) -> tuple:
        got = by_sid.get(sid)
        if got is None:
            facts = styles.facts(styles.by_sid(sid))
            if run_fonts_legacy or legacy.mod is None:
                got = (facts, True)
            else:
                got = (facts, bool(facts.font and legacy.mod.font_encoding(facts.font)))
            by_sid[sid] = got
        return got

    blocks: list[RawBlock] = []
    table_no = [0]
    texts = _text_elements(body)  # (a table with a vertical merge goes through a copy: not in it)

    def para_block(p_el, kind: str = "paragraph", **prov) -> None:
        # w:pPr comes first in a w:p when present (the first child looked at before a search)
        ppr = p_el[0] if len(p_el) else None
        if ppr is not None and ppr.tag != _PPR:
            ppr = _child(p_el, _PPR)
        pstyle = num_pr = outline = None
        if ppr is not None:  # its w:pStyle, w:numPr, w:outlineLvl (the first of each), in one pass
            first = _first_children(ppr, _PPR_TAGS)
            pstyle, num_pr, outline = first.get(_PSTYLE), first.get(_NUMPR), first.get(_OUTLINE)
        sid = None
        if pstyle is not None:
            sid = pstyle.get(_VAL)
            if sid is None:
                sid = _required_val(pstyle, str)  # python-docx's error
        facts, fonts_matter = style_of(sid)
        text, bold = _paragraph_text(p_el, facts, legacy, fonts_matter, texts.get(p_el))
        label = None
        np = _num_pr_el(num_pr, facts)
        if np is not None:
            label = numbering.label(*np)
        if not text.strip():
            return
        if label:
            text = f"{label} {text.lstrip()}"
        lv = _outline_of(outline)
        blocks.append(RawBlock(text=text, kind=kind if not label or label in "•-–+*" else "list_item" if kind == "paragraph" else kind,
                               style=facts.name, outline_level=lv if lv is not None else facts.outline,
                               bold=bold, numbering=label, **prov))

    def table_blocks(tbl_el) -> None:
        tno = table_no[0]
        table_no[0] += 1
        for r, tcs in enumerate(_table_rows(tbl_el)):
            seen = set()
            for c, tc in enumerate(tcs):
                if id(tc) in seen:  # merged cells repeat the same tc
                    continue
                seen.add(id(tc))
                for kind, el in _iter_body(tc):
                    if kind == "p":
                        para_block(el, kind="cell", table=tno, row=r, col=c)
                    else:
                        table_blocks(el)

    for kind, el in _iter_body(body):
        if kind == "p":
            para_block(el)
        else:
            table_blocks(el)
    return RawDocument(blocks=blocks, format="docx", encoding=legacy.used)
