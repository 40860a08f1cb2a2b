"""Issue 7: hostile and broken files. Each one gives a clear KehoachError (or a parse) within a
time and memory bound. Every case runs in a child process with an address-space limit, so a
hang or a memory blow-up fails the test instead of taking the machine down."""
from __future__ import annotations

import io
import random
import struct
import textwrap
import zipfile
import zlib
from pathlib import Path

import pytest

import parallel
from conftest import FIXTURES, SEEDS
from kehoach.parser.text.normalize import strip_accents

MN = "mn-son-ca-2024-2025"
TIME_LIMIT = 90  # seconds per file, generous for a 2-core machine under load
MEMORY_LIMIT = 2 * 1024**3  # address space of the child; the 200-page PDF stays far below

def bounded_parse(path: Path) -> dict:
    """Parse in a child process of its own (forked from a warm server, tests/parallel.py) with
    an address-space limit; any exception other than KehoachError fails here with its traceback."""
    return parallel.bounded_parse(path, MEMORY_LIMIT, TIME_LIMIT)


def _write(tmp: Path, name: str, data: bytes) -> Path:
    p = tmp / name
    p.write_bytes(data)
    return p


def _replace_in_zip(data: bytes, member: str, body: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, body if item.filename == member else src.read(item.filename))
    return out.getvalue()


@pytest.mark.parametrize("name", ["empty.txt", "empty.docx", "empty.pdf", "empty.doc", "empty.html", "empty.png"])
def test_zero_bytes(tmp_path: Path, name: str) -> None:
    r = bounded_parse(_write(tmp_path, name, b""))
    assert r["kind"] == "EmptyFile" and name in r["msg"]


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    junk = random.Random(7).randbytes(50_000)
    r = bounded_parse(_write(tmp_path, "notes.txt", junk))
    assert r["kind"] == "CorruptFile" and "binary" in r["msg"]


def test_truncated_docx(tmp_path: Path) -> None:
    data = (FIXTURES / f"{MN}.docx").read_bytes()
    r = bounded_parse(_write(tmp_path, "cut.docx", data[: len(data) // 2]))
    assert r["kind"] == "CorruptFile" and "cut.docx" in r["msg"]


def test_docx_with_garbage_xml(tmp_path: Path) -> None:
    data = _replace_in_zip((FIXTURES / f"{MN}.docx").read_bytes(), "word/document.xml", b"<w:document><w:body><w:p>")
    r = bounded_parse(_write(tmp_path, "broken.docx", data))
    assert r["kind"] in ("CorruptFile", "NoText"), r


def test_docx_billion_laughs(tmp_path: Path) -> None:
    ents = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE w:document [' + "".join(ents) + "]>"
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           "<w:p><w:r><w:t>Kế hoạch &l9;</w:t></w:r></w:p></w:body></w:document>").encode("utf-8")
    data = _replace_in_zip((FIXTURES / f"{MN}.docx").read_bytes(), "word/document.xml", xml)
    r = bounded_parse(_write(tmp_path, "laughs.docx", data))
    if r["ok"]:
        assert len(r["text"]) < 10_000  # the entities were never expanded
    else:
        assert r["kind"] in ("CorruptFile", "NoText")
    assert r["peak_mb"] < 1000


def test_docx_external_entity_not_resolved(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           "<w:p><w:r><w:t>Kế hoạch năm học &x;</w:t></w:r></w:p></w:body></w:document>").encode("utf-8")
    data = _replace_in_zip((FIXTURES / f"{MN}.docx").read_bytes(), "word/document.xml", xml)
    r = bounded_parse(_write(tmp_path, "xxe.docx", data))
    assert not r["ok"] or "root:" not in r["text"]


def test_docx_zip_bomb(tmp_path: Path) -> None:
    out = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO((FIXTURES / f"{MN}.docx").read_bytes()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for item in src.infolist():
            if item.filename == "word/document.xml":
                with dst.open("word/document.xml", "w", force_zip64=True) as f:
                    f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
                    chunk = b" " * (1 << 20)
                    for _ in range(400):  # 400 MB of spaces, ~400 KB compressed
                        f.write(chunk)
                    f.write(b"</w:t></w:r></w:p></w:body></w:document>")
            else:
                dst.writestr(item.filename, src.read(item.filename))
    data = out.getvalue()
    assert len(data) < 2_000_000
    r = bounded_parse(_write(tmp_path, "bomb.docx", data))
    assert not r["ok"] and r["kind"] in ("CorruptFile", "TooLarge"), r
    assert r["peak_mb"] < 1000


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (FIXTURES / f"{MN}.pdf").read_bytes()
    r = bounded_parse(_write(tmp_path, "cut.pdf", data[: len(data) // 2]))
    if r["ok"]:  # pdfium rebuilds a cut xref when it can: then it is the plan's own text
        assert "CÔNG ĐOÀN" in r["text"].upper()
    else:
        assert r["kind"] in ("CorruptFile", "NoText") and "cut.pdf" in r["msg"]


def test_corrupt_pdf(tmp_path: Path) -> None:
    junk = b"%PDF-1.7\n" + random.Random(3).randbytes(30_000)
    r = bounded_parse(_write(tmp_path, "junk.pdf", junk))
    assert not r["ok"] and r["kind"] in ("CorruptFile", "NoText"), r


def test_pdf_extension_without_pdf(tmp_path: Path) -> None:
    r = bounded_parse(_write(tmp_path, "fake.pdf", b"Hello, this is not a PDF at all." * 10))
    assert r["kind"] == "CorruptFile" and "%PDF" in r["msg"]


@pytest.fixture(scope="module")
def encrypted_pdfs(tmp_path_factory) -> dict[str, Path]:
    pikepdf = pytest.importorskip("pikepdf")
    out = tmp_path_factory.mktemp("enc")
    made = {}
    for name, user in (("locked.pdf", "secret"), ("owner-only.pdf", "")):
        with pikepdf.open(FIXTURES / f"{MN}.pdf") as pdf:
            pdf.save(out / name, encryption=pikepdf.Encryption(owner="owner-pw", user=user, R=6))
        made[name] = out / name
    return made


def test_encrypted_pdf(encrypted_pdfs) -> None:
    r = bounded_parse(encrypted_pdfs["locked.pdf"])
    assert r["kind"] == "EncryptedFile" and "locked.pdf" in r["msg"]


def test_owner_password_only_pdf_reads(encrypted_pdfs) -> None:
    r = bounded_parse(encrypted_pdfs["owner-only.pdf"])
    assert r["ok"] and "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN" in r["text"]


def _simple_pdf(pages: list[list[str]]) -> bytes:
    """A plain PDF (Helvetica, WinAnsi) with one text object per page: no library, so no surprises."""
    objs: list[bytes] = []
    kids = []
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    for i, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        ops = ["BT /F1 11 Tf 14 TL 72 770 Td"]
        for ln in lines:
            esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1", "replace")
        objs.append(f"{page_id} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >> endobj\n".encode())
        objs.append(f"{content_id} 0 obj << /Length {len(stream)} >> stream\n".encode() + stream + b"\nendstream endobj\n")
    head = [b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
            f"2 0 obj << /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >> endobj\n".encode()]
    tail = [f"{font_id} 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n".encode()]
    body = b"%PDF-1.4\n"
    offsets = []
    for obj in head + objs + tail:
        offsets.append(len(body))
        body += obj
    xref = len(body)
    body += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer << /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body


def test_200_page_pdf(tmp_path: Path) -> None:
    lines = [strip_accents(ln.strip()) for ln in (SEEDS / f"{MN}.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    wrapped = [w for ln in lines for w in textwrap.wrap(ln, 90)]
    pages = [[wrapped[(p * 45 + k) % len(wrapped)] for k in range(45)] for p in range(200)]
    r = bounded_parse(_write(tmp_path, "long.pdf", _simple_pdf(pages)))
    assert r["ok"], r
    assert r["pages"] == 200 and not r["ocr"]
    assert r["seconds"] < 60 and r["peak_mb"] < 1000
    assert "Can cu Cong van so 348/PGD&DT" in r["text"]


def test_pdf_without_pages(tmp_path: Path) -> None:
    r = bounded_parse(_write(tmp_path, "nopages.pdf", _simple_pdf([])))
    assert not r["ok"] and r["kind"] in ("CorruptFile", "NoText")


def test_encrypted_office_package(tmp_path: Path) -> None:
    """A password-protected .docx is an OLE file holding EncryptionInfo/EncryptedPackage streams."""
    ole = bytearray(4096)
    ole[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    ole[28:32] = b"\xfe\xff\x09\x00"
    names = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 10 + "EncryptedPackage".encode("utf-16-le")
    ole[1024:1024 + len(names)] = names
    for name in ("secret.docx", "secret.doc"):
        r = bounded_parse(_write(tmp_path, name, bytes(ole)))
        assert r["kind"] == "EncryptedFile", r


def test_html_bomb_nesting(tmp_path: Path) -> None:
    data = b"<html><body>" + b"<div><span><b>" * 20000 + b"<p>Ke hoach</p>" + b"</body></html>"
    r = bounded_parse(_write(tmp_path, "deep.html", data))
    assert r["ok"] or r["kind"] in ("NoText", "CorruptFile")


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_image_decompression_bomb(tmp_path: Path) -> None:
    # a 30000 x 30000 greyscale PNG header over a few rows of data: 900 M pixels claimed
    ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr)
           + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 30001 * 4)) + _png_chunk(b"IEND", b""))
    r = bounded_parse(_write(tmp_path, "huge.png", png))
    assert r["kind"] == "TooLarge", r
    assert r["peak_mb"] < 1000


def test_missing_system_tools_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without tesseract / LibreOffice on PATH: a clear error naming the file and the package to install."""
    from PIL import Image

    from kehoach.parser.errors import ConversionError, OCRError
    from kehoach.parser.readers import read_bytes

    buf = io.BytesIO()
    Image.new("L", (800, 600), 255).save(buf, format="PNG")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OCRError, match=r"^scan\.png: Tesseract is not installed.*tesseract-ocr-vie"):
        read_bytes(buf.getvalue(), "scan.png")
    with pytest.raises(ConversionError, match=r"^old\.doc: LibreOffice is not installed"):
        read_bytes((FIXTURES / f"{MN}.doc").read_bytes(), "old.doc")
