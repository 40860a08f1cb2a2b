"""Legacy Word .doc, .rtf and .odt: converted to .docx by LibreOffice headless, then read as docx.

Each conversion runs in its own temporary directory with its own LibreOffice profile
(-env:UserInstallation), so parallel conversions never share a lock, and nothing is left
behind. The process group is killed on timeout: soffice forks soffice.bin, and killing
only the parent would leave the worker running. Runs typed in legacy fonts (.VnTime,
VNI-Times) keep their font names through the conversion, so the docx reader decodes them.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from kehoach.parser.errors import ConversionError, CorruptFile, EncryptedFile, KehoachError, Timeout
from kehoach.parser.readers import package_guard
from kehoach.parser.readers.base import RawDocument, register

TIMEOUT = 120.0  # seconds; a plan converts in 2-5 s, most of it LibreOffice start-up
_MARKERS = {
    "doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "rtf": b"{\\rtf",
    "odt": b"PK\x03\x04",
}


def soffice(path: str = "<convert>") -> str:
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    raise ConversionError(path, "LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")


def convert_to_docx(data: bytes, path: str, fmt: str, timeout: float = TIMEOUT) -> bytes:
    """The bytes of a .doc/.rtf/.odt file -> the bytes of the .docx LibreOffice makes of it."""
    exe = soffice(path)
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as tmp:
        work = Path(tmp)
        src = work / f"input.{fmt}"
        src.write_bytes(data)
        out = work / "out"
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
               "--nologo", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)]
        env = dict(os.environ, HOME=str(work), SAL_USE_VCLPLUGIN="svp")
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work, env=env,
                                start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            _kill_group(proc)
            raise Timeout(path, f"LibreOffice did not convert the file within {timeout:.0f} s", stage="convert") from e
        finally:
            _kill_group(proc)  # a lingering soffice.bin of this conversion only
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            msg = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
            detail = msg[-1] if msg else f"exit code {proc.returncode}"
            if b"password" in (stderr + stdout).lower():
                raise EncryptedFile(path, "the document is password-protected")
            raise ConversionError(path, f"LibreOffice could not convert this {fmt} file (corrupt or unsupported): {detail}")
        return result.read_bytes()


def _kill_group(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()


def _check(data: bytes, path: str, fmt: str) -> None:
    """Refuse what is plainly not the format: LibreOffice would import junk as text instead."""
    if fmt == "doc" and data.startswith(b"PK\x03\x04"):
        return  # a .docx saved as .doc: LibreOffice reads it
    marker = _MARKERS[fmt]
    if not data.startswith(marker):
        raise CorruptFile(path, f"not a valid .{fmt} file (it does not start with the {fmt} signature)")
    if fmt == "doc":
        if len(data) < 1536:
            raise CorruptFile(path, "not a valid .doc file: truncated (shorter than one OLE header and sector)")
        # OLE header: byte-order mark FFFE at 28, sector size 2^9 or 2^12 at 30
        if data[28:30] != b"\xfe\xff" or data[30:32] not in (b"\x09\x00", b"\x0c\x00"):
            raise CorruptFile(path, "not a valid .doc file: damaged OLE header")
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise EncryptedFile(path, "the Office document is password-protected (encrypted package)")
        if "WordDocument".encode("utf-16-le") not in data:
            raise CorruptFile(path, "not a Word document: the OLE file has no WordDocument stream")


_SOFT_HYPHEN = re.compile(rb"<w:softHyphen\s*/>")


def _keep_soft_hyphens(docx: bytes) -> bytes:
    """LibreOffice writes U+00AD as <w:softHyphen/>; in a TCVN3 run that byte is the letter "ư"."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    xml = src.read("word/document.xml")
    if not _SOFT_HYPHEN.search(xml):
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = _SOFT_HYPHEN.sub('<w:t xml:space="preserve">\u00ad</w:t>'.encode("utf-8"), body)
            dst.writestr(item, body)
    return out.getvalue()


def read_office(data: bytes, path: str, fmt: str) -> RawDocument:
    _check(data, path, fmt)
    if data.startswith(b"PK\x03\x04"):  # .odt (or a .docx named .doc): LibreOffice inflates every part
        package_guard.check(data, path, f".{fmt} package")
    docx = _keep_soft_hyphens(convert_to_docx(data, path, fmt))
    from kehoach.parser.readers.docx import read_docx

    try:
        raw = read_docx(docx, path)
    except KehoachError as e:
        raise ConversionError(path, f"LibreOffice's conversion could not be read: {e.reason}") from e
    raw.format = fmt
    raw.converted_by = "libreoffice"
    return raw


@register("doc")
def read_doc(data: bytes, path: str) -> RawDocument:
    return read_office(data, path, "doc")


@register("rtf")
def read_rtf(data: bytes, path: str) -> RawDocument:
    return read_office(data, path, "rtf")


@register("odt")
def read_odt(data: bytes, path: str) -> RawDocument:
    return read_office(data, path, "odt")
