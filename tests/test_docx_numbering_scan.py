"""docx.Numbering reads numbering.xml's children in one pass per element instead of
ElementPath find/findall, on a plain-lxml tree (python-docx's parser settings): compared
here with the find/findall version it replaced (kept below as the reference), on the
numbering parts at hand and on mutated ones (repeated, missing, commented and odd-valued
children, overrides): the same levels, or the same error."""
from __future__ import annotations

import io
import random
import re
import zipfile

import pytest
from lxml import etree

from conftest import FIXTURES, REPO
from kehoach.parser.readers import docx as D

W = D.W


def levels_ref(root) -> dict:
    """Numbering.__init__'s levels as at main 3c6aee3 (find / findall)."""
    def lvl_facts(lvl) -> dict:
        def val(tag: str, default: str) -> str:
            el = lvl.find(f"{W}{tag}")
            return el.get(f"{W}val", default) if el is not None else default

        return {"start": int(val("start", "1")), "fmt": val("numFmt", "decimal"), "text": val("lvlText", "")}

    out: dict = {}
    abstract: dict = {}
    for an in root.findall(f"{W}abstractNum"):
        aid = an.get(f"{W}abstractNumId")
        abstract[aid] = {int(lvl.get(f"{W}ilvl", "0")): lvl_facts(lvl) for lvl in an.findall(f"{W}lvl")}
    for num in root.findall(f"{W}num"):
        nid = num.get(f"{W}numId")
        aid_el = num.find(f"{W}abstractNumId")
        if aid_el is None:
            continue
        levels = {k: dict(v) for k, v in abstract.get(aid_el.get(f"{W}val"), {}).items()}
        for ov in num.findall(f"{W}lvlOverride"):
            ilvl = int(ov.get(f"{W}ilvl", "0"))
            so = ov.find(f"{W}startOverride")
            if so is not None and ilvl in levels:
                levels[ilvl]["start"] = int(so.get(f"{W}val", "1"))
            lvl = ov.find(f"{W}lvl")
            if lvl is not None:
                levels[ilvl] = lvl_facts(lvl)
        out[nid] = levels
    return out


def _outcome(f):
    try:
        return f()
    except Exception as e:  # the same error, type and message
        return (type(e).__name__, str(e))


def _parts() -> list[bytes]:
    files = sorted(FIXTURES.glob("*.docx")) + sorted((REPO / "corpora").rglob("*.docx")) \
        + sorted((REPO / "corpora" / "real" / "cache").glob("*.docx")) + sorted((REPO / "tests" / "data").rglob("*.docx"))
    out = []
    for f in files:
        try:
            x = zipfile.ZipFile(io.BytesIO(f.read_bytes())).read("word/numbering.xml")
        except (KeyError, zipfile.BadZipFile, OSError):
            continue
        if x not in out:
            out.append(x)
    return out


PARTS = _parts()
_OV = (b'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride>',
       b'<w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="lowerLetter"/>'
       b'<w:lvlText w:val="%2)"/></w:lvl><w:startOverride w:val="7"/></w:lvlOverride>',
       b'<w:lvlOverride w:ilvl="x"/>', b'<w:lvlOverride><w:startOverride/><w:startOverride w:val="9"/></w:lvlOverride>')
_PIECES = [b"<!--c-->", b'<w:start w:val="5"/>', b'<w:start w:val="q"/>', b'<w:numFmt w:val="upperRoman"/>',
           b'<w:lvlText w:val="%1.%2."/>', b"<w:lvlText/>", b'<w:abstractNumId w:val="0"/>', b"<w:abstractNumId/>",
           b'<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/></w:lvl>', b'<w:lvl w:ilvl="z"/>', b"<?pi x?>", *_OV,
           b'<w:num w:numId="77"><w:abstractNumId w:val="1"/>' + _OV[0] + b"</w:num>",
           b'<w:abstractNum w:abstractNumId="9"><w:lvl><w:start w:val="2"/></w:lvl></w:abstractNum>']


def _mutate(xml: bytes, rng: random.Random) -> bytes:
    ends = [m.end() for m in re.finditer(rb"<w:(?:abstractNum|num|lvl|lvlOverride)\b[^>]*?(?<!/)>|/>", xml)]
    for _ in range(rng.randint(1, 4)):
        pos = rng.choice(ends) if ends else len(xml)
        xml = xml[:pos] + rng.choice(_PIECES) + xml[pos:]
        ends = [m.end() for m in re.finditer(rb"<w:(?:abstractNum|num|lvl|lvlOverride)\b[^>]*?(?<!/)>|/>", xml)]
    return xml


def _compare(xml: bytes) -> bool:
    try:
        root = etree.fromstring(xml, D._PLAIN_PARSER)
    except etree.XMLSyntaxError:
        return False
    from docx.oxml.parser import parse_xml

    want = _outcome(lambda: levels_ref(parse_xml(xml)))  # as before: python-docx's elements
    assert _outcome(lambda: D.Numbering(None, root).levels) == want
    assert _outcome(lambda: D.Numbering(None, parse_xml(xml)).levels) == want  # Document()'s elements
    return True


def test_real_numbering_parts_read_the_same():
    assert PARTS
    for xml in PARTS:
        assert _compare(xml)


@pytest.mark.parametrize("seed", range(3))
def test_mutated_numbering_parts_read_the_same(seed):
    rng = random.Random(seed)
    n = 0
    for _ in range(300):
        n += _compare(_mutate(rng.choice(PARTS), rng))
    assert n > 200
