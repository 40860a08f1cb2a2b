"""The .docx reader's styles.xml reduction (docx._reachable_styles) scans with bytes.find loops
and regexes started where their literal is: compared here with the finditer / slice version
it replaced (kept below as the reference), on the styles parts at hand, on every byte after
"<w:style", and on mutated parts (tags, quotes, entities, white space put where they break
the layout the scan expects). The same bytes or the same None, every time."""
from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import docx as python_docx
import pytest

from conftest import FIXTURES, REPO
from kehoach.parser.readers import docx as D

# --- the reference: _reachable_styles as it was (main at 3c6aee3) ---------------------------
_STYLE_START = re.compile(rb"<w:style(?=[\s/>])")
_BASED_ON = re.compile(rb"""<w:basedOn(?=[\s/>])(?:\s+w:val\s*=\s*(["'])([^"'&]*)\1)?""")
_STYLE_ID = re.compile(rb"""\sw:styleId\s*=\s*(["'])(.*?)\1""")
_DEFAULT = re.compile(rb"\sw:default\s*=")
_W_URI = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XMLNS_W = re.compile(rb"""\sxmlns:w\s*=\s*(["'])http://schemas\.openxmlformats\.org/wordprocessingml/2006/main\1""")
_DECL = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["']utf-8["']""", re.I)


def reachable_ref(xml: bytes, ids: set[bytes]):
    decl = _DECL.match(xml)
    if decl and b"encoding" in decl.group(0) and not _UTF8.search(decl.group(0)):
        return None
    if xml.find(b"!") != -1 or xml.find(b"?", decl.end() if decl else 0) != -1 or xml.count(_W_URI) != 1:
        return None
    styles: list[list] = []
    for m in _STYLE_START.finditer(xml):
        start = m.start()
        gt = xml.find(b">", m.end())
        if gt == -1:
            return None
        start_tag = xml[start:gt + 1]
        if b"&" in start_tag or start_tag.count(b'"') % 2 or start_tag.count(b"'") % 2:
            return None
        sid = _STYLE_ID.search(start_tag)
        styles.append([start, gt + 1, sid.group(2) if sid else None, bool(_DEFAULT.search(start_tag)), []])
    for k, st in enumerate(styles):
        if k + 1 < len(styles):
            e = styles[k + 1][0]
            while xml[e - 1] in b" \t\r\n":
                e -= 1
            if e == st[1] and xml[e - 2] == 47:
                st[1] = e
            elif e > st[1] and xml.endswith(b"</w:style>", st[1], e):
                st[1] = e
            else:
                return None
        elif xml[st[1] - 2] != 47:
            e = xml.find(b"</w:style>", st[1])
            if e == -1:
                return None
            st[1] = e + len(b"</w:style>")
    if not styles:
        return None
    k = 0
    for m in _BASED_ON.finditer(xml, styles[0][0]):
        while k < len(styles) and styles[k][1] <= m.start():
            k += 1
        if k == len(styles) or m.start() < styles[k][0] or m.group(2) is None:
            return None
        styles[k][4].append(m.group(2))
    head, tail = xml[:styles[0][0]], xml[styles[-1][1]:]
    if b"<w:styles" not in head or not _XMLNS_W.search(head) or xml.find(b"xmlns", styles[0][0]) != -1:
        return None
    want = set(ids)
    grew = True
    while grew:
        grew = False
        for _, _, sid, default, based in styles:
            if default or sid in want:
                for v in based:
                    if v not in want:
                        want.add(v)
                        grew = True
    return head + b"".join(xml[a:b] for a, b, sid, default, _ in styles if default or sid in want) + tail


# --- inputs -----------------------------------------------------------------------------------
def _styles_parts() -> list[bytes]:
    files = sorted(FIXTURES.glob("*.docx")) + sorted((REPO / "corpora").rglob("*.docx")) \
        + sorted((REPO / "corpora" / "real" / "cache").glob("*.docx")) + sorted((REPO / "tests" / "data").rglob("*.docx"))
    out = [(Path(python_docx.__file__).parent / "templates" / "default-styles.xml").read_bytes()]
    for f in files:
        try:
            zf = zipfile.ZipFile(io.BytesIO(f.read_bytes()))
            out.append(zf.read("word/styles.xml"))
        except (KeyError, zipfile.BadZipFile, OSError):
            continue
    seen, uniq = set(), []
    for x in out:
        if x not in seen:
            seen.add(x)
            uniq.append(x)
    return uniq


PARTS = _styles_parts()
_IDS = re.compile(rb'w:styleId="([^"]*)"')


def _id_sets(xml: bytes, rng: random.Random) -> list[set[bytes]]:
    ids = _IDS.findall(xml)
    sets = [set(), {b"Normal"}, {b"Heading1", b"ListParagraph", b"nope"}, set(ids)]
    for _ in range(3):
        sets.append(set(rng.sample(ids, min(len(ids), rng.randint(1, 6)))) if ids else set())
    return sets


def test_real_styles_parts_reduce_the_same():
    assert len(PARTS) >= 2
    rng = random.Random(5)
    reduced = 0
    for xml in PARTS:
        for ids in _id_sets(xml, rng):
            want = reachable_ref(xml, ids)
            assert D._reachable_styles(xml, ids) == want
            reduced += want is not None
    assert reduced  # the layout the scan expects is met by real parts


def _small(xml: bytes) -> bytes:
    """A real part cut down to a few dozen styles (mutations then hit the tags often)."""
    red = reachable_ref(xml, set(_IDS.findall(xml)[:40]))
    return red if red is not None else xml[:40000]


HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="' + _W_URI + b'">'
        b'<w:docDefaults/>')


def test_every_byte_after_the_style_tag_name():
    for b in range(256):
        for ch in (bytes([b]), bytes([b]) + b'w:styleId="A">', bytes([b]) + b' w:type="paragraph"/>'):
            xml = HEAD + b'<w:style w:styleId="N" w:default="1"/>' + b"<w:style" + ch + b"</w:style></w:styles>"
            for ids in (set(), {b"A"}):
                assert D._reachable_styles(xml, ids) == reachable_ref(xml, ids), (b, ch)
    xml = HEAD + b'<w:style w:styleId="N"/>' + b"<w:style"  # the part ends on the tag name
    assert D._reachable_styles(xml, set()) == reachable_ref(xml, set())


_PIECES = [b"<w:style", b"<w:style ", b"<w:style>", b"<w:style/>", b"<w:styles", b"<w:styleX", b"<w:basedOn",
           b"<w:basedOn ", b'<w:basedOn w:val="Normal"/>', b"<w:basedOn w:val='x'/>", b' w:val="', b"'", b'"',
           b"&", b"&amp;", b">", b"/>", b"/", b" w:styleId=", b' w:styleId="Z"', b" w:styleId = 'Q'", b"w:styleId",
           b" w:default=", b' w:default="1"', b"w:default", b"\tw:default =", b"\t", b"\n", b"\r", b"\x0b", b"\x0c",
           b" ", b"</w:style>", b"</w:style> ", b"xmlns", b' xmlns:w="' + _W_URI + b'"', b"!", b"?", b"<!--x-->",
           b"w:styleId=\"", b"<w:style w:styleId=\"", b"\n<w:style w:type=\"paragraph\" w:styleId=\"Y\">"]


def _mutate(xml: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 3)):
        r = rng.random()
        # positions near the tags the scan reads, or anywhere
        anchors = [m.start() for m in re.finditer(rb"<w:style|<w:basedOn|w:styleId|w:default|</w:style>", xml)]
        if anchors and rng.random() < 0.8:
            pos = min(len(xml), max(0, rng.choice(anchors) + rng.randint(-3, 40)))
        else:
            pos = rng.randint(0, len(xml))
        if r < 0.6:
            xml = xml[:pos] + rng.choice(_PIECES) + xml[pos:]
        elif r < 0.85:
            xml = xml[:pos] + xml[pos + rng.randint(1, 12):]
        else:
            xml = xml[:pos] + bytes([rng.randrange(256)]) + xml[pos + 1:]
    return xml


@pytest.mark.parametrize("seed", range(4))
def test_mutated_parts_reduce_the_same(seed):
    rng = random.Random(seed)
    bases = [_small(x) for x in PARTS]
    bases.append(HEAD + b'<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:name w:val="Normal"/></w:style>'
                 b"<w:style w:type='paragraph' w:styleId='H'><w:basedOn w:val='N'/></w:style></w:styles>")
    same_none = same_bytes = 0
    for _ in range(1500):
        base = rng.choice(bases)
        xml = _mutate(base, rng)
        for ids in _id_sets(xml, rng)[:4]:
            want = reachable_ref(xml, ids)
            assert D._reachable_styles(xml, ids) == want, xml
            if want is None:
                same_none += 1
            else:
                same_bytes += 1
    assert same_none > 200 and same_bytes > 200  # both outcomes exercised
