"""PDF text layers with wrongly mapped Vietnamese: repaired, or handed to OCR when repair is unsafe."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import SEEDS
from kehoach.parser.readers import read_bytes
from kehoach.parser.text import legacy
from kehoach.parser.text.pdf_repair import damage_score, repair

MN = "mn-son-ca-2024-2025"
TH = "th-le-quy-don-2024"


def _seed(name: str) -> str:
    return unicodedata.normalize("NFC", (SEEDS / f"{name}.txt").read_text(encoding="utf-8"))


def _tcvn3_pdf_text(text: str) -> str:
    """What a PDF of a .VnTime document gives: TCVN3 bytes as Latin-1, µ read as Greek mu, 0xAD as '-'."""
    return legacy.encode(text, "tcvn3").decode("cp1252").replace("\u00b5", "\u03bc").replace("\u00ad", "-")


@pytest.mark.parametrize("name", [MN, TH])
def test_clean_text_is_left_alone(name: str) -> None:
    text = _seed(name)
    assert repair(text) == (text, False)


def test_letter_oi_for_u_horn() -> None:
    seed = _seed(MN)
    damaged = seed.replace("ư", "\u01a3").replace("Ư", "\u01a2")
    assert "Trƣờng" in damaged
    assert repair(damaged) == (seed, False)


@pytest.mark.parametrize("name", [MN, TH])
def test_tcvn3_text_layer_repaired(name: str) -> None:
    seed = _seed(name)
    layer = _tcvn3_pdf_text(seed)
    assert "toμn" in layer or "®oμn" in layer
    fixed, damaged = repair(layer)
    assert not damaged
    got, want = fixed.splitlines(), seed.splitlines()
    assert len(got) == len(want)
    # TCVN3 itself loses some capitals (Ủy) and has no "·"; "-u tú" (ưu) stays ambiguous
    differ = [(a, b) for a, b in zip(got, want) if a.casefold() != b.casefold()]
    assert len(differ) <= 0.05 * len([ln for ln in want if ln.strip()]), differ[:3]
    for word in ("Công đoàn", "được", "Hương", "trường", "người"):
        if word in seed:
            assert fixed.count(word) == seed.count(word), word


def test_broken_composite_glyphs_are_reported() -> None:
    seed = _seed(MN)
    broken = seed.replace("ông", "ơng").replace("ÔNG", "ƠNG").replace("oàn", "ồn").replace("OÀN", "ỒN")
    assert damage_score(broken) > 20 and damage_score(seed) == 0
    text, damaged = repair(broken)
    assert damaged and text == broken


def test_short_or_ascii_text() -> None:
    assert repair("") == ("", False)
    assert repair("Page 1 of 2") == ("Page 1 of 2", False)
    assert repair("Sơn Ca, Ơn nghĩa, bơ, cơm, thơ, trường, được")[1] is False


# ------------------------------------------------------------- through the pdf reader

def _pdf(tmp: Path, name: str, lines: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for ln in lines:
        doc.add_paragraph(ln)
    src = tmp / f"{name}.docx"
    doc.save(src)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)], check=True, capture_output=True, timeout=120)
    return (tmp / f"{name}.pdf").read_bytes()


def needs_office(fn):
    return pytest.mark.slow(pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")(fn))


@needs_office
def test_pdf_reader_repairs_tcvn3_layer(tmp_path: Path) -> None:
    lines = [ln.strip() for ln in _seed(MN).splitlines() if ln.strip()][:40]
    data = _pdf(tmp_path, "tcvn3", [_tcvn3_pdf_text(ln) for ln in lines])
    raw = read_bytes(data, "tcvn3.pdf")
    assert not raw.ocr
    assert any("repaired" in w for w in raw.warnings)
    text = "\n".join(b.text for b in raw.blocks)
    assert "Căn cứ Công văn số 348/PGD&ĐT ngày 10 tháng 9 năm 2024" in text
    assert "Liên đoàn lao động thị xã Hương Thủy" in text


@needs_office
def test_pdf_reader_repairs_letter_oi(tmp_path: Path) -> None:
    data = _pdf(tmp_path, "oi", ["TRƯỜNG MẦM NON SƠN CA".replace("Ư", "\u01a2"),
                                 "Kế hoạch của người lao động trong trường học".replace("ư", "\u01a3")])
    raw = read_bytes(data, "oi.pdf")
    assert [b.text for b in raw.blocks] == ["TRƯỜNG MẦM NON SƠN CA", "Kế hoạch của người lao động trong trường học"]


@needs_office
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_pdf_reader_falls_back_to_ocr(tmp_path: Path) -> None:
    lines = ["CƠNG ĐỒN TRƯỜNG MẦM NON", "Kế hoạch hoạt động cơng đồn năm học 2024-2025",
             "Tổ chức các hoạt động của cơng đồn cơ sở, chăm lo đời sống cơng nhân viên chức."]
    raw = read_bytes(_pdf(tmp_path, "broken", lines), "broken.pdf")
    assert raw.ocr and raw.ocr_confidence
    assert any("map Vietnamese wrongly" in w for w in raw.warnings)
