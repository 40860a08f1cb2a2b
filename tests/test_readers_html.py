"""Issue 7: saved web pages of school sites, built from a seed inside typical CMS chrome."""
from __future__ import annotations

import html
import re
import unicodedata

import pytest

from conftest import SEEDS, parsed
from kehoach.parser import parse_bytes
from kehoach.parser.errors import KehoachError, NoText
from kehoach.parser.readers import read_bytes

MN = "mn-son-ca-2024-2025"

CHROME_TOP = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch - Trường MN</title>
<script>var hits = 1; document.write("<p>Quảng cáo</p>");</script><style>p {{ margin: 0 }}</style></head>
<body><header class="site-header"><h1>TRƯỜNG MẦM NON SƠN CA</h1></header>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li>Giới thiệu</li><li>Tin tức</li></ul></nav>
<div class="breadcrumb">Trang chủ &gt; Văn bản &gt; Kế hoạch</div>
<div class="container"><div id="noidung" class="news-detail">
"""
CHROME_BOTTOM = """<p>Lượt xem: 1.234</p><span class="counter">Đang truy cập: 12</span>
<div class="share">Chia sẻ Facebook Zalo</div></div>
<aside class="sidebar"><h3>Tin liên quan</h3><ul><li>Kế hoạch năm học 2023-2024</li></ul>
<div class="thongke">Hôm nay: 35 Tổng lượt truy cập: 99.999</div></aside></div>
<footer>© 2024 Trường Mầm non Sơn Ca. Địa chỉ: Hương Thủy</footer>
<script>console.log("</div>")</script></body></html>"""


def _page(seed_text: str) -> str:
    """The seed as a CMS body: header as a 2-column table, paragraphs, some lines glued with <br>."""
    lines = [ln.strip() for ln in seed_text.splitlines() if ln.strip()]
    out = [CHROME_TOP]
    # the editor pasted the document header as a borderless table
    out.append("<table><tr><td>LIÊN ĐOÀN LAO ĐỘNG THỊ XÃ HƯƠNG THỦY<br>CĐCS TRƯỜNG MẦM NON SƠN CA</td>"
               "<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc</td></tr></table>")
    for i, ln in enumerate(lines):
        esc = html.escape(ln, quote=False)
        if i % 7 == 3:
            out.append(f"<p><span style=\"font-size:13pt\">{esc}</span>&lt;br&gt;</p>")  # a leftover shown as text
        elif i % 5 == 1:
            out.append(f"<div><strong>{esc}</strong><br></div>")
        else:
            out.append(f"<p>{esc}")  # unclosed <p>, as old editors write
    out.append(CHROME_BOTTOM)
    return "\n".join(out)


@pytest.fixture(scope="module")
def page_bytes() -> bytes:
    return _page((SEEDS / f"{MN}.txt").read_text(encoding="utf-8")).encode("utf-8")


def _summary(doc) -> dict:
    secs = []

    def walk(nodes):
        for s in nodes:
            secs.append((s.number, s.heading))
            walk(s.children)

    walk(doc.sections)
    return {"sections": secs, "refs": [r.symbol for r in doc.legal_refs], "targets": [t.text for t in doc.targets],
            "title": doc.title}


def test_page_parses_like_the_seed(page_bytes: bytes) -> None:
    doc = parse_bytes(page_bytes, "ke-hoach.html")
    seed = parsed(SEEDS / f"{MN}.txt")
    assert doc.source.format == "html"
    got, want = _summary(doc), _summary(seed)
    assert want["sections"] and got["sections"] == want["sections"]
    assert got["refs"] == want["refs"]
    assert got["targets"] == want["targets"]
    assert got["title"] == want["title"]


def test_chrome_and_leftovers_dropped(page_bytes: bytes) -> None:
    raw = read_bytes(page_bytes, "ke-hoach.htm")
    text = "\n".join(b.text for b in raw.blocks)
    for junk in ("Trang chủ", "Quảng cáo", "Lượt xem", "Đang truy cập", "Chia sẻ", "Tin liên quan",
                 "Tổng lượt truy cập", "©", "console.log", "var hits", "margin"):
        assert junk not in text, junk
    assert not re.search(r"<\s*/?\s*br|&lt;|<p>|</?span", text)
    assert "Căn cứ Công văn số 348/PGD&ĐT" in text  # &amp; decoded


def test_header_table_cells(page_bytes: bytes) -> None:
    raw = read_bytes(page_bytes, "ke-hoach.html")
    cells = [b for b in raw.blocks if b.kind == "cell"]
    assert [(b.row, b.col) for b in cells] == [(0, 0), (0, 1)]
    assert cells[0].text.startswith("LIÊN ĐOÀN") and "\n" in cells[0].text
    assert cells[1].text.startswith("CỘNG HÒA")


def test_legacy_charset_page() -> None:
    from kehoach.parser.text.legacy import encode

    body = "<html><body><p>Kế hoạch hoạt động công đoàn năm học 2024-2025</p><p>Tổ chức các hoạt động chăm lo</p></body></html>"
    raw = read_bytes(encode(body, "vni"), "cu.html")
    assert raw.encoding == "vni"
    assert raw.blocks[0].text == "Kế hoạch hoạt động công đoàn năm học 2024-2025"


def test_windows_1258_declared() -> None:
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
           "<body><p>Tr\u01b0\u01a1\u0300ng \u01a1\u0309 Hương Thu\u0309y, năm ho\u0323c m\u01a1\u0301i</p></body></html>"
    data = body.encode("cp1258")  # composed base letters, tone as a combining byte
    raw = read_bytes(data, "x.html")
    assert raw.encoding in ("windows-1258", "cp1258")
    assert unicodedata.normalize("NFC", raw.blocks[0].text) == "Trường ở Hương Thủy, năm học mới"


def test_only_chrome_is_no_text() -> None:
    with pytest.raises(NoText):
        read_bytes(b"<html><body><nav>Trang chu</nav><script>x()</script></body></html>", "menu.html")


def test_deep_nesting_is_bounded() -> None:
    data = b"<html><body>" + b"<div>" * 5000 + b"<p>Noi dung</p>" + b"</div>" * 5000 + b"</body></html>"
    try:
        raw = read_bytes(data, "deep.html")
    except KehoachError:
        return
    assert "Noi dung" in "\n".join(b.text for b in raw.blocks)
