"""Speed work on the readers (issue 14): each new form against the old one kept here as the oracle."""
from __future__ import annotations

import re
import unicodedata

import pytest

from conftest import SEEDS
from kehoach.parser.text import legacy, pdf_repair

MN = "mn-son-ca-2024-2025"
TH = "th-le-quy-don-2024"


def _seed(name: str) -> str:
    return unicodedata.normalize("NFC", (SEEDS / f"{name}.txt").read_text(encoding="utf-8"))


def _tcvn3_pdf_text(text: str) -> str:
    return legacy.encode(text, "tcvn3").decode("cp1252").replace("\u00b5", "\u03bc").replace("\u00ad", "-")


# --- pdf_repair: the syllable score over distinct words, the TCVN3 surface test, the ƣ map ---

def _old_valid_ratio(text: str) -> tuple[float, int]:
    valid, total = legacy.vietnamese_score(text, limit=20000)
    return (valid / total if total else 1.0), total


def _old_tcvn3_surface(text: str) -> bool:
    words = pdf_repair._WORD.findall(text) + re.findall(r"\S+", text)
    hits = sum(1 for w in words if pdf_repair._TCVN3_MARKERS.search(w))
    return hits >= 5 and hits >= 0.03 * max(1, len(words) // 2)


def _score_texts() -> list[str]:
    mn, th = _seed(MN), _seed(TH)
    return [
        "", "   ", "abc 123 CĐCS LĐLĐ", mn, th, mn[:3000], unicodedata.normalize("NFD", th[:5000]),
        _tcvn3_pdf_text(mn[:4000]), mn.replace("ô", "ơ")[:6000], "Trƣờng ngƣời " * 40,
        "µ¸ µ ¸ ¹ toμn ngμnh", "x µ y ¸", "a µ b ¸ c ¹", "¸¸¸", "«Ngày» ® © ®oμn ®oμn ®oμn",
        "đẹp đẹp xyzờ qươ ÀÁ " * 30, "cười\u0301 hoà hòa HOÀ Hoà " * 10,
    ]


@pytest.mark.parametrize("k", range(17))
def test_valid_ratio_as_vietnamese_score(k: int) -> None:
    text = _score_texts()[k]
    assert pdf_repair._valid_ratio(text) == _old_valid_ratio(text)


@pytest.mark.parametrize("limit", [1, 5, 37, 500, 4000, 20000])
def test_syllable_score_keeps_the_limit(limit: int) -> None:
    for text in (_seed(MN), _seed(TH)[:8000], "ngườì đẹp " * 300):
        assert pdf_repair._syllable_score(text, limit) == legacy.vietnamese_score(text, limit)
    # past the limit the first `limit` words count, not all of them
    text = "đẹp " * 10 + "xyzờ " * 10
    assert pdf_repair._syllable_score(text, 10) == (10, 10)
    assert legacy.vietnamese_score(text, 20) == (10, 20)


@pytest.mark.parametrize("k", range(17))
def test_tcvn3_surface_as_before(k: int) -> None:
    text = _score_texts()[k]
    assert pdf_repair._tcvn3_surface(text) == _old_tcvn3_surface(text)


def test_tcvn3_surface_edges() -> None:
    # markers alone in their words count twice (letter run and \S+ run): 3 markers can make 5+ hits
    assert _old_tcvn3_surface("µ ¸ ¹") is True  # µ and ¹ are letter runs and \S+ runs, ¸ only the latter: 5 hits
    assert _old_tcvn3_surface("µ ¹") is False  # two markers: 4 hits at most, the shortcut's bound
    assert pdf_repair._tcvn3_surface("µ ¸ ¹") is True and pdf_repair._tcvn3_surface("µ ¹") is False
    for text in ("µµ µ", "aµ bµ cµ", "µ µ µ", "µ µ", "tr¸ tr¸ x", "µ µ µ µ µ µ"):
        assert pdf_repair._tcvn3_surface(text) == _old_tcvn3_surface(text), text
    assert pdf_repair._tcvn3_surface(_tcvn3_pdf_text(_seed(TH))) is True


def _old_repair(text: str) -> tuple[str, bool]:
    if not text or text.isascii():
        return text, False
    fixed = text.translate(pdf_repair._OI)
    if _old_tcvn3_surface(fixed):
        decoded = legacy.decode_str(fixed.translate(pdf_repair._TCVN3_GLYPHS), "tcvn3")
        decoded = legacy.restore_case(pdf_repair._HYPHENED.sub(pdf_repair._hyphen_as_u, decoded))
        ratio, total = _old_valid_ratio(decoded)
        if not (total >= 5 and ratio >= pdf_repair.MIN_VALID):
            return text, True
        fixed = decoded
    bad = pdf_repair.damage_score(fixed)
    ratio, total = _old_valid_ratio(fixed)
    if bad >= 3 or (total and bad / total > 0.01):
        return text, True
    if total >= 20 and ratio < 0.75:
        return text, True
    return fixed, False


@pytest.mark.parametrize("k", range(17))
def test_repair_as_before(k: int) -> None:
    text = _score_texts()[k]
    assert pdf_repair.repair(text) == _old_repair(text)


def test_repair_letter_oi_and_tcvn3_as_before() -> None:
    seed = _seed(MN)
    oi = seed.replace("ư", "\u01a3").replace("Ư", "\u01a2")
    assert pdf_repair.repair(oi) == _old_repair(oi) == (seed, False)
    layer = _tcvn3_pdf_text(_seed(TH))
    got = pdf_repair.repair(layer)
    assert got == _old_repair(layer) and got[1] is False and "Công đoàn" in got[0]


# --- pdf reader: one walk of a page's objects, pdfium boxes through reused ctypes doubles, the
# line and paragraph helpers without a regex call per line ---

import glob  # noqa: E402

import pypdfium2 as pdfium  # noqa: E402

from conftest import FIXTURES, REPO  # noqa: E402
from kehoach.parser.readers import pdf as pdf_reader  # noqa: E402
from kehoach.parser.readers import pdf_tables  # noqa: E402


def _old_has_grid(page) -> bool:
    import pypdfium2.raw as pdfium_c

    n = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        n += 1
        if n >= pdf_tables.MIN_PATHS:
            return True
    return False


def _old_is_picture(page, w: float, h: float) -> bool:
    import pypdfium2.raw as pdfium_c

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        l, b, r, t = (getattr(obj, "get_bounds", None) or obj.get_pos)()
        if (r - l) * (t - b) >= 0.5 * w * h:
            return True
    return False


def _glyph_pdf(tmp_path) -> str:
    from test_readers_pdf_glyphs import _make

    path = tmp_path / "glyphs.pdf"
    _make(path, [
        (790, 60, "CÔNG ĐOÀN TRƯỜNG THCS AN BÌNH", None),
        (740, 230, "TỜ TRÌNH", 0.4),
        (690, 60, "Thành phố Hồ Chí Minh, ngày 17 tháng 11 năm 2025", -0.3),
        (670, 60, "Căn cứ Kế hoạch số 12/KH-CĐ ngày 05/9/2025.", None),
        (650, 60, "- 1 -", None),
    ])
    return str(path)


def _pdfs(tmp_path) -> list[str]:
    found = sorted(glob.glob(str(FIXTURES / "*.pdf")) + glob.glob(str(REPO / "corpora" / "samples" / "*.pdf"))
                   + glob.glob(str(REPO / "tests" / "data" / "**" / "*.pdf"), recursive=True))
    assert len(found) >= 5  # text PDFs, scans, a ruled table
    return found + [_glyph_pdf(tmp_path)]


def test_page_objects_as_get_objects(tmp_path) -> None:
    import pypdfium2.raw as pdfium_c

    seen_grid = seen_picture = 0
    for path in _pdfs(tmp_path):
        pdf = pdfium.PdfDocument(path)
        for k in range(len(pdf)):
            page = pdf[k]
            w, h = page.get_size()
            for depth in (1, 2, 15):
                old = [(o.type, ctypes_addr(o.raw)) for o in page.get_objects(max_depth=depth)]
                new = [(kind, ctypes_addr(obj)) for kind, obj in pdf_tables.page_objects(page, depth)]
                assert new == old
            grid, picture = pdf_reader._page_drawing(page, w, h)
            assert grid == _old_has_grid(page) == pdf_tables.has_grid(page)
            assert picture == _old_is_picture(page, w, h)
            seen_grid += grid
            seen_picture += picture
            page.close()
        pdf.close()
    assert seen_grid and seen_picture  # both answers met on these files


def ctypes_addr(p) -> int:
    import ctypes

    return ctypes.cast(p, ctypes.c_void_p).value


def test_page_lines_as_with_pypdfium2_boxes(tmp_path, monkeypatch) -> None:
    """The reused-doubles boxes against pypdfium2's get_rect/get_charbox, through the runs and lines
    of every page (rectangles, the character stream, the stream with a flattened annotation)."""
    streams = 0
    for path in _pdfs(tmp_path):
        pdf = pdfium.PdfDocument(path)
        for k in range(len(pdf)):
            page = pdf[k]
            tp = page.get_textpage()
            n = tp.count_chars()
            if n:
                stream = tp.get_text_range(0, n)
                new_rects = list(pdf_reader._rect_runs(tp))
                new_chars = list(pdf_reader._char_runs(tp, stream))
                new_placed = list(pdf_reader._placed_runs(tp, stream, n // 2))
                new_lines = pdf_reader._page_lines(tp, k + 1, page.get_size()[0])
                with monkeypatch.context() as m:
                    m.setattr(pdf_reader, "_rect_box", lambda tp: tp.get_rect)
                    m.setattr(pdf_reader, "_char_box", lambda tp: tp.get_charbox)
                    assert list(pdf_reader._rect_runs(tp)) == new_rects
                    assert list(pdf_reader._char_runs(tp, stream)) == new_chars
                    assert list(pdf_reader._placed_runs(tp, stream, n // 2)) == new_placed
                    assert pdf_reader._page_lines(tp, k + 1, page.get_size()[0]) == new_lines
                streams += bool(new_chars)
            tp.close()
            page.close()
        pdf.close()
    assert streams > 10
    box = pdf_reader._char_box(pdfium.PdfDocument(_pdfs(tmp_path)[0])[0].get_textpage())
    with pytest.raises(pdfium.PdfiumError):
        box(10 ** 7)


@pytest.mark.parametrize("text", ["a  b", " a\tb \u00a0c\u2003", "\u3000x\u1680y\u2028", "x\x1cy\x1f z", "",
                                  "  ", "Số:\u00a0\u00a012/KH", "a\u200bb", "a\u0085b\x0b\x0cc"])
def test_squeezed_line_as_regex(text: str) -> None:
    runs = [(10.0, 700.0, 200.0, 712.0, "start " + text + " end")]
    got = pdf_reader._lines_of(runs, 1, 595.0)
    want = re.sub(r"\s+", " ", unicodedata.normalize("NFC", "start " + text + " end").replace("\r", " ")
                  .replace("\n", " ")).strip()
    assert [ln.text for ln in got] == [want]


def test_squeeze_matches_regex_on_every_char() -> None:
    chars = "".join(map(chr, range(0x3100))) + "".join(map(chr, range(0xfe00, 0x10000)))
    text = "a" + "a".join(chars) + "  "
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("s", ["năm học 2023-", "2023-", "a-", "-", "", "x", "a -", "a--", "_-", "Đ-", "5-",
                               "a-\n", "a-\n\n", "a- ", "²-", "ⅷ-", "a-b", "\u0301-", "a-\r", "tr-\n"])
def test_ends_word_hyphen_as_regex(s: str) -> None:
    assert pdf_reader._ends_word_hyphen(s) == (re.search(r"\w-$", s) is not None)


def test_join_as_before() -> None:
    def old_join(lines):
        out = lines[0].text
        for ln in lines[1:]:
            if re.search(r"\w-$", out) and ln.text[:1].isdigit():
                out += ln.text
            else:
                out += " " + ln.text
        return out

    L = pdf_reader.Line
    for texts in (["năm học 2023-", "2024 và"], ["a -", "2"], ["x-", "y"], ["một", "hai-", "3", "bốn"], ["solo"]):
        lines = [L(t, 0, 0, 0, 0, 1) for t in texts]
        assert pdf_reader._join(lines) == old_join(lines)


# --- pdf_repair.damage_score: the bad rhyme found from its ơ/Ơ, not from every word start ---

def _old_damage_score(text: str) -> int:
    return len(pdf_repair._BAD_RHYME_WORD.findall(unicodedata.normalize("NFC", text)))


def test_damage_score_as_regex_on_texts() -> None:
    mn, th = _seed(MN), _seed(TH)
    damaged = mn.replace("ô", "ơ").replace("Ô", "Ơ")
    texts = [mn, th, damaged, damaged.upper(), unicodedata.normalize("NFD", damaged), "",
             "cơng CƠNG đơc ươc Ươc ƯƠNG 1ơc _ơc aơc ơc ơ ơng- ơng_ ơngx x.ơch ơcơc bơnh2 bơnh"]
    for text in texts:
        assert pdf_repair.damage_score(text) == _old_damage_score(text)
    assert _old_damage_score(damaged) > 20  # the case it exists for


def test_damage_score_as_regex_fuzzed() -> None:
    import random

    rng = random.Random(26)
    alphabet = list("ơƠưƯcCgGhHnNaeođĐ1_ -.\n²") + ["ng", "nh", "ch", "NG", "ơng", "ơc", "\u031b", "o\u031b"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert pdf_repair.damage_score(text) == _old_damage_score(text), repr(text)


# --- docx: a style's base found through the styles' id map, not python-docx's xpath per step ---

def _docx_styles_parts() -> list[bytes]:
    from test_docx_styles_scan import PARTS

    return PARTS


def _styles_with_bases(xml: bytes) -> bytes:
    """The part with bases added: chains, a missing base, a self-loop, a repeated id (first wins)."""
    extra = (b'<w:style w:type="paragraph" w:styleId="K1"><w:name w:val="k1"/><w:basedOn w:val="K2"/></w:style>'
             b'<w:style w:type="paragraph" w:styleId="K2"><w:name w:val="k2"/><w:basedOn w:val="Normal"/></w:style>'
             b'<w:style w:type="paragraph" w:styleId="K3"><w:name w:val="k3"/><w:basedOn w:val="Nowhere"/></w:style>'
             b'<w:style w:type="paragraph" w:styleId="K4"><w:name w:val="k4"/><w:basedOn w:val="K4"/></w:style>'
             b'<w:style w:type="character" w:styleId="K2"><w:name w:val="k2 again"/></w:style>'
             b'<w:style w:type="paragraph" w:styleId="K5"><w:basedOn w:val="K1"/><w:basedOn w:val="K3"/></w:style>')
    at = xml.rfind(b"</w:styles>")
    return xml[:at] + extra + xml[at:]


def test_base_style_as_python_docx() -> None:
    from docx.oxml.parser import parse_xml
    from docx.styles.styles import Styles

    from kehoach.parser.readers import docx as D

    parts = _docx_styles_parts()
    assert len(parts) >= 3
    walked = 0
    for xml in parts:
        for part in (xml, _styles_with_bases(xml)):
            styles = Styles(parse_xml(part))
            cache = D.StyleCache(styles)
            for style in styles:
                if not hasattr(style, "base_style"):  # a numbering style: the same error
                    with pytest.raises(AttributeError):
                        cache.base_style(style)
                    continue
                old, new = style.base_style, cache.base_style(style)
                assert (old is None) == (new is None)
                if old is not None:
                    assert new.element is old.element and type(new) is type(old)
                    walked += 1
                old_chain = [s.element for s in D._style_chain(style)]
                assert [s.element for s in D._style_chain(style, cache.base_style)] == old_chain
    assert walked > 50


def test_base_style_errors_as_python_docx() -> None:
    from docx.oxml.exceptions import InvalidXmlError
    from docx.oxml.parser import parse_xml
    from docx.styles.styles import Styles

    from kehoach.parser.readers import docx as D

    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = (b'<w:styles ' + ns + b'><w:style w:type="paragraph" w:styleId="A"><w:basedOn/></w:style>'
           b'<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="x&quot;y"/></w:style></w:styles>')
    styles = Styles(parse_xml(xml))
    cache = D.StyleCache(styles)
    a, b = list(styles)
    with pytest.raises(InvalidXmlError):
        a.base_style
    with pytest.raises(InvalidXmlError):
        cache.base_style(a)
    with pytest.raises(Exception) as old:
        b.base_style
    with pytest.raises(type(old.value)):
        cache.base_style(b)
