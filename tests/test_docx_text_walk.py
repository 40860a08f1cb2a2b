"""The .docx reader finds every paragraph's text-bearing elements in one walk of the body
(docx._text_elements) instead of one `p.iter(_TEXT_TAGS)` per paragraph: compared here, for
every w:p that no other w:p holds (the ones the reader reads), with that paragraph's own
iter(), and the paragraph text / bold built from either, on the documents at hand and on
documents with text boxes, nested tables, hyperlinks, content controls, stray text and
legacy-font runs put at random places."""
from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from lxml import etree

from conftest import FIXTURES, REPO
from kehoach.parser.readers import docx as D


def _documents() -> list[bytes]:
    files = sorted(FIXTURES.glob("*.docx")) + sorted((REPO / "corpora").rglob("*.docx")) \
        + sorted((REPO / "corpora" / "real" / "cache").glob("*.docx")) + sorted((REPO / "tests" / "data").rglob("*.docx"))
    out = []
    for f in files:
        try:
            x = zipfile.ZipFile(io.BytesIO(f.read_bytes())).read("word/document.xml")
        except (KeyError, zipfile.BadZipFile, OSError):
            continue
        if x not in out:
            out.append(x)
    return out


DOCS = _documents()
PIECES = [b"<w:p><w:r><w:t>nested</w:t></w:r></w:p>", b"<w:hyperlink><w:r><w:t>link</w:t><w:br/></w:r></w:hyperlink>",
          b"<w:t>bare</w:t>", b"<w:br/>", b'<w:br w:type="page"/>', b"<w:tab/>", b"<w:softHyphen/>",
          b"<w:noBreakHyphen/>", b"<w:cr/>", b"<!--c-->", b"<w:t></w:t>",
          b"<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell"
          b"</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:txbxContent></w:pict></w:r>",
          b"<w:sdt><w:sdtContent><w:p><w:r><w:t>sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>",
          b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>c1</w:t></w:r></w:p><w:r><w:t>stray</w:t></w:r></w:tc><w:tc><w:tcPr>"
          b"<w:vMerge/></w:tcPr><w:p><w:r><w:t>c2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
          b"<w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t></w:r>",
          b'<w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t>\xc2\xb5\xc3\xa1</w:t><w:softHyphen/></w:r>',
          b"<w:smartTag><w:r><w:t>smart</w:t></w:r></w:smartTag>", b"<w:p><w:p><w:t>deep</w:t></w:p></w:p>"]


def _check(xml: bytes) -> int:
    root = etree.fromstring(xml, D._PLAIN_PARSER)
    body = D._child(root, f"{D.W}body")
    if body is None:
        return 0
    texts = D._text_elements(body)
    legacy = D._Legacy()

    class Facts:  # what _paragraph_text asks of a style
        bold = False
        font = ".VnTime"

    n = 0
    for p in body.iter(D._P):
        if any(True for _ in p.iterancestors(D._P)):
            continue  # read as part of the paragraph that holds it
        want = [(c, c.tag, c.getparent()) for c in p.iter(D._TEXT_TAGS)]
        got = texts[p]
        assert [e for e, _, _ in got] == [e for e, _, _ in want]
        assert [(t, par) for _, t, par in got] == [(t, par) for _, t, par in want]
        for fonts in (False, True):
            assert D._paragraph_text(p, Facts, legacy, fonts, got) == D._paragraph_text(p, Facts, legacy, fonts)
        n += 1
    return n


def test_documents_at_hand():
    assert DOCS
    for xml in DOCS:
        assert _check(xml) > 0


@pytest.mark.parametrize("seed", range(3))
def test_documents_with_odd_structures(seed):
    rng = random.Random(seed)
    checked = 0
    for _ in range(60):
        xml = rng.choice(DOCS)
        b0 = xml.find(b"<w:body>")
        for _ in range(rng.randint(1, 6)):
            gts = [m.end() for m in re.finditer(rb">", xml) if m.end() > b0]
            pos = rng.choice(gts)
            xml = xml[:pos] + rng.choice(PIECES) + xml[pos:]
        try:
            etree.fromstring(xml, D._PLAIN_PARSER)
        except etree.XMLSyntaxError:
            continue
        checked += _check(xml) > 0
    assert checked > 40
