"""Issue 7: legacy .doc, .rtf and .odt through real LibreOffice headless."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import FIXTURES, SEEDS, gold, parsed
from kehoach.parser import parse
from kehoach.parser.errors import ConversionError, CorruptFile, KehoachError, Timeout
from kehoach.parser.readers import read_bytes
from kehoach.parser.readers.office import convert_to_docx, soffice
from scoring import field_f1, field_log

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")]

MN = "mn-son-ca-2024-2025"
FRAME = ["sections", "header", "title", "period", "signature", "doc_type", "recipients", "headings"]
LEGACY = Path(__file__).parent / "data" / "legacy"


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("kehoach-lo-*")}


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """A temp dir of this test's own: another process converting at the same moment (a parallel
    run on the same machine) must not look like a leftover of ours."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> dict[str, Path]:
    """.rtf / .odt of the fixture docx and a .doc of the TCVN3 docx, made by LibreOffice itself."""
    out = tmp_path_factory.mktemp("office")
    jobs = [("rtf", FIXTURES / f"{MN}.docx"), ("odt", FIXTURES / f"{MN}.docx"),
            ("doc", FIXTURES / f"{MN}_tcvn3.docx"), ("rtf", LEGACY / "th-le-quy-don-2024_vni.docx")]
    made = {}
    for fmt in dict.fromkeys(f for f, _ in jobs):  # one LibreOffice start per target format
        srcs = [str(src) for f, src in jobs if f == fmt]
        subprocess.run([soffice(), f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless",
                        "--convert-to", fmt, "--outdir", str(out), *srcs],
                       check=True, capture_output=True, timeout=120)
    for fmt, src in jobs:
        made[f"{src.stem}.{fmt}"] = out / f"{src.stem}.{fmt}"
        assert made[f"{src.stem}.{fmt}"].is_file()
    return made


def test_doc_fixture_scores_like_the_docx(private_tmp) -> None:
    before = _leftovers()
    doc = parse(FIXTURES / f"{MN}.doc", nlp=False, checks=False)
    g = gold(MN, fixtures=True)
    f1 = field_f1([(g, doc)])
    for field in FRAME:
        assert f1.get(field) == 1.0, (field, field_log(g, doc))
    assert doc.source.format == "doc" and doc.source.converted_by == "libreoffice"
    assert _leftovers() <= before  # the temp dir and profile are gone


@pytest.mark.parametrize("fmt", ["rtf", "odt"])
def test_rtf_and_odt(converted, fmt: str) -> None:
    doc = parse(converted[f"{MN}.{fmt}"], nlp=False, checks=False)
    g = gold(MN, fixtures=True)
    f1 = field_f1([(g, doc)])
    assert f1.get("sections") == 1.0, field_log(g, doc)
    assert f1.get("title") == 1.0, field_log(g, doc)
    assert doc.source.format == fmt and doc.source.converted_by == "libreoffice"


def _sections(doc) -> list:
    out = []

    def walk(nodes):
        for s in nodes:
            out.append((s.number, s.heading))
            walk(s.children)

    walk(doc.sections)
    return out


@pytest.mark.parametrize("name,seed,enc", [
    (f"{MN}_tcvn3.doc", MN, "tcvn3"),
    ("th-le-quy-don-2024_vni.rtf", "th-le-quy-don-2024", "vni"),
])
def test_legacy_fonts_survive_conversion(converted, name: str, seed: str, enc: str) -> None:
    doc = parse(converted[name])
    want = parsed(SEEDS / f"{seed}.txt")
    assert doc.source.encoding == enc
    assert _sections(doc) == _sections(want)
    assert [r.symbol for r in doc.legal_refs] == [r.symbol for r in want.legal_refs]


def test_timeout_kills_libreoffice_and_cleans_up(private_tmp) -> None:
    before = _leftovers()
    data = (FIXTURES / f"{MN}.doc").read_bytes()
    with pytest.raises(Timeout) as e:
        convert_to_docx(data, "slow.doc", "doc", timeout=0.05)
    assert "slow.doc" in str(e.value)
    assert _leftovers() <= before


@pytest.mark.parametrize("name,data,err", [
    ("junk.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40, CorruptFile),
    ("short.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, CorruptFile),
    ("x.rtf", b"{\\rtf1 \\ansi {\\fonttbl", KehoachError),
])
def test_broken_office_files(name: str, data: bytes, err: type) -> None:
    with pytest.raises(err):
        read_bytes(data, name)


def test_truncated_doc_fixture() -> None:
    data = (FIXTURES / f"{MN}.doc").read_bytes()
    try:
        raw = read_bytes(data[: len(data) // 3], "cut.doc")
    except (ConversionError, CorruptFile) as e:
        assert "cut.doc" in str(e)
    else:  # LibreOffice recovers what it can: then it must be real text of the plan
        assert raw.converted_by == "libreoffice"
        assert any("CÔNG ĐOÀN" in b.text.upper() for b in raw.blocks)


def test_odt_signature_without_zip_is_corrupt() -> None:
    with pytest.raises(CorruptFile):
        read_bytes(b"not a zip at all", "x.odt")
