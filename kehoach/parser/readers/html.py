"""Saved web pages (.html/.htm) of school sites: keep the document, drop the site around it.

Dropped: scripts, styles, forms, navigation, headers/footers/sidebars (by tag, or by a
class/id that says so: menu, breadcrumb, sidebar, share, counter ...), visit-counter and
share lines, and markup leftovers that CMS editors leave as text ("<br>", "&lt;p&gt;").
When the page marks its content (<article>, <main>, a "content"/"noidung"/"entry" box)
and that box holds most of the text, only that box is read. Block elements and <br>
break lines; table cells become cells with table/row/col, as the docx reader gives them
(the two-column header of a plan is usually a table).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Optional

from kehoach.parser.errors import EncodingError, NoText
from kehoach.parser.readers.base import RawBlock, RawDocument, register

SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "head", "nav",
             "form", "button", "select", "textarea", "menu", "aside", "footer", "header", "canvas", "video",
             "audio", "map"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
         "article", "main", "dd", "dt", "dl", "center", "address", "figure", "figcaption", "caption", "body",
         "table", "tbody", "thead", "tfoot"}
CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|side-bar|widget|footer|header|banner|share|social|"
    r"comments?|counter|visit(?:or)?s?|hits?|thongke|thong-ke|luot-?xem|pagination|pager|related|tin-?lien-?quan|"
    r"tags?|login|search|advert|ads|quangcao|popup|modal|cookie|print|toolbar)(?:$|[\s_-])", re.I)
CONTENT_ATTR = re.compile(r"(?:^|[\s_-])(?:content|noi-?dung|noidung|entry|article|post|detail|chitiet|"
                          r"chi-tiet|news-?body|main)(?:$|[\s_-])", re.I)
# counters, share buttons, print links: whole lines that are site furniture
CHROME_LINE = re.compile(
    r"^(?:(?:số\s+)?lượt\s+(?:xem|truy\s+cập)|đang\s+(?:truy\s+cập|online)|lượt\s+truy\s+cập|tổng\s+(?:số\s+)?"
    r"lượt\s+truy\s+cập|hôm\s+nay|hôm\s+qua|tuần\s+này|tháng\s+này|views?|hits?|visitors?|online)\s*[:：]?\s*[\d.,\s]*$"
    r"|^(?:chia\s+sẻ|in\s+bài(?:\s+viết)?|gửi\s+email|bản\s+in|facebook|tweet|zalo|share|print|quay\s+lại|"
    r"về\s+đầu\s+trang|lên\s+đầu\s+trang|xem\s+thêm|tin\s+liên\s+quan|các\s+tin\s+khác)\b.{0,20}$", re.I)
LEFTOVER_TAG = re.compile(r"</?\s*(?:br|p|div|span|strong|b|i|em|u|font|o:p|st1:[a-z]+)\b[^<>]{0,200}/?>", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class _Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)  # _Node | str
    parent: Optional["_Node"] = None

    def text_len(self) -> int:
        return sum(len(c.strip()) if isinstance(c, str) else c.text_len() for c in self.children)


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unclosed tags close at their parent's end, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {})
        self.cur = self.root
        self.depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in VOID:
            if tag in ("br", "hr"):
                self.cur.children.append(_Node(tag, {}, parent=self.cur))
            return
        if tag == "p" and self.cur.tag == "p":  # <p> closes an open <p>
            self.cur = self.cur.parent or self.root
        if self.depth > 200:  # absurd nesting: flatten instead of recursing
            return
        node = _Node(tag, {k: v or "" for k, v in attrs}, parent=self.cur)
        self.cur.children.append(node)
        self.cur = node
        self.depth += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.cur.tag == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is self.root:
            return
        while self.cur is not node:
            self.cur = self.cur.parent
            self.depth -= 1
        self.cur = node.parent
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def _is_chrome(node: _Node) -> bool:
    if node.tag in SKIP_TAGS:
        return True
    attrs = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')} {node.attrs.get('role', '')}"
    if node.attrs.get("role") in ("navigation", "banner", "contentinfo", "search", "complementary"):
        return True
    if "display:none" in node.attrs.get("style", "").replace(" ", "").lower() or "hidden" in node.attrs:
        return True
    return bool(CHROME_ATTR.search(attrs)) and not CONTENT_ATTR.search(attrs)


def _prune(node: _Node) -> None:
    node.children = [c for c in node.children if isinstance(c, str) or not _is_chrome(c)]
    for c in node.children:
        if isinstance(c, _Node):
            _prune(c)


def _content_root(root: _Node) -> _Node:
    """The page's marked content box, when it holds most of the text."""
    total = root.text_len()
    best: Optional[_Node] = None
    stack = [root]
    while stack:
        n = stack.pop()
        for c in n.children:
            if not isinstance(c, _Node):
                continue
            attrs = f"{c.attrs.get('class', '')} {c.attrs.get('id', '')}"
            if c.tag in ("article", "main") or CONTENT_ATTR.search(attrs):
                if c.text_len() >= 0.5 * total and (best is None or c.text_len() < best.text_len()):
                    best = c  # the smallest marked box still holding most of the text
            stack.append(c)
    return best or root


class _Emitter:
    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.buf: list[str] = []
        self.tables = 0

    def flush(self, **prov) -> None:
        text = "".join(self.buf)
        self.buf = []
        lines = [_tidy(ln) for ln in text.split("\n")]
        lines = [ln for ln in lines if ln and not CHROME_LINE.match(ln)]
        if lines:
            self.blocks.append(RawBlock(text="\n".join(lines), **prov))

    def walk(self, node: _Node, cell: Optional[dict] = None) -> None:
        for c in node.children:
            if isinstance(c, str):
                self.buf.append(c)
            elif c.tag in ("br", "hr"):
                self.buf.append("\n")
            elif c.tag == "table":
                self.flush(**(cell or {}))
                self.table(c)
            elif c.tag in BLOCK:
                self.flush(**(cell or {}))
                self.walk(c, cell)
                self.flush(**(cell or {}))
            else:
                self.walk(c, cell)

    def table(self, tbl: _Node) -> None:
        t = self.tables
        self.tables += 1
        rows = [r for r in _descendants(tbl, "tr", stop="table")]
        for ri, row in enumerate(rows):
            cells = [c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")]
            for ci, cell in enumerate(cells):
                prov = {"kind": "cell", "table": t, "row": ri, "col": ci}
                self.walk(cell, prov)
                self.flush(**prov)


def _descendants(node: _Node, tag: str, stop: str):
    for c in node.children:
        if isinstance(c, _Node):
            if c.tag == tag:
                yield c
            elif c.tag != stop:
                yield from _descendants(c, tag, stop)


def _tidy(line: str) -> str:
    line = LEFTOVER_TAG.sub(" ", line)
    return re.sub(r"[ \t\u00a0\r\f\v]+", " ", line).strip()


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16"
    from kehoach.parser.text import legacy

    try:
        text, enc = legacy.decode_mixed(data.decode("utf-8"))  # legacy-font text kept as its cp1252 look
        return text, (f"utf-8+{enc}" if enc else "utf-8")
    except UnicodeDecodeError:
        pass

    found = legacy.detect_and_decode(data)
    if found is not None:
        return found
    m = META_CHARSET.search(data[:4096])
    for enc in ([m.group(1).decode("ascii", "ignore").lower()] if m else []) + ["cp1258"]:
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            continue
    raise EncodingError(path, "cannot decode the page: not UTF-8 and not its declared charset")


@register("html")
def read_html(data: bytes, path: str) -> RawDocument:
    text, encoding = decode_html(data, path)
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    root = builder.root
    _prune(root)
    em = _Emitter()
    em.walk(_content_root(root))
    em.flush()
    if not em.blocks:
        raise NoText(path, "the web page has no document text (only navigation and scripts)")
    return RawDocument(blocks=em.blocks, format="html", encoding=encoding)
