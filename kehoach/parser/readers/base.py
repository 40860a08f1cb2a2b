"""What every reader returns, and the registry that picks a reader.

A reader turns bytes into a `RawDocument`: an ordered list of `RawBlock`s (a paragraph, a
line, a table cell) with provenance. It does not normalize text beyond decoding; the
assembler (`kehoach.parser.text.assemble`) builds the one normalized text and offsets.
Readers register by format name; `detect_format` picks one by magic bytes, then extension.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from kehoach.parser.errors import EmptyFile, UnsupportedFormat


@dataclass
class RawBlock:
    text: str
    kind: str = "paragraph"  # paragraph | line | cell | heading | list_item
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None
    style: Optional[str] = None
    outline_level: Optional[int] = None
    bold: Optional[bool] = None
    numbering: Optional[str] = None
    confidence: Optional[float] = None


@dataclass
class RawDocument:
    blocks: list[RawBlock]
    format: str
    pages: Optional[int] = None
    encoding: Optional[str] = None
    ocr: bool = False
    ocr_confidence: Optional[list[float]] = None
    converted_by: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    language: Optional[str] = None  # set by a reader that checked it (text.language), else by parse


# As Acrobat and pdfium do: the %PDF- header may sit anywhere in the first 1 KB (after a banner,
# a mail header, a BOM); xref offsets are then relative to it, which the PDF readers handle.
PDF_HEADER_WINDOW = 1024

# A reader takes (data, path-for-messages) and returns a RawDocument.
Reader = Callable[[bytes, str], RawDocument]
_READERS: dict[str, Reader] = {}

EXTENSIONS = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".docx": "docx", ".docm": "docx",
    ".pdf": "pdf",
    ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
    ".html": "html", ".htm": "html",
    ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image", ".tiff": "image",
}


def register(fmt: str):
    """Decorator: register a reader function for a format name."""

    def deco(fn: Reader) -> Reader:
        _READERS[fmt] = fn
        return fn

    return deco


def registered() -> dict[str, Reader]:
    return dict(_READERS)


def sniff(data: bytes) -> Optional[str]:
    """Format from magic bytes, or None when the bytes do not say."""
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        # a zip: docx/odt carry their own markers
        window = data[:4096]
        if b"word/" in window or b"[Content_Types].xml" in window:
            return "docx"
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in window:
            return "odt"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\x89PNG") or head.startswith(b"\xff\xd8\xff") or head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image"
    if re.search(rb"(?:^|[\r\n])%PDF-\d", data[:PDF_HEADER_WINDOW]):
        return "pdf"  # after the other magics (a zip may store a PDF in its first KB); on a line of its own
    lower = data[:512].lstrip().lower()
    if lower.startswith(b"<!doctype html") or lower.startswith(b"<html"):
        return "html"
    return None


def detect_format(data: bytes, path: str) -> str:
    """Pick a format: magic bytes first (a .docx that is really a PDF reads as PDF), then extension."""
    if not data:
        raise EmptyFile(path, "empty file (0 bytes)")
    ext = Path(path).suffix.lower()
    by_ext = EXTENSIONS.get(ext)
    by_magic = sniff(data)
    if by_magic == "zip" and by_ext == "docx":
        return "docx"  # let the docx reader say what is missing
    if by_magic and by_magic != "zip":
        return by_magic
    if by_ext in ("docx", "odt") and by_magic is None:
        from kehoach.parser.errors import CorruptFile

        raise CorruptFile(path, f"not a valid {ext} file: it is not a zip archive (corrupt or renamed)")
    if by_ext == "pdf" and by_magic is None:
        from kehoach.parser.errors import CorruptFile

        raise CorruptFile(path, "not a valid PDF: no %PDF- header in its first 1 KB")
    if by_ext:
        return by_ext
    if by_magic == "zip":
        return "zip"
    raise UnsupportedFormat(
        path, f"unsupported file type '{ext or '(no extension)'}'; kehoach reads "
        + ", ".join(sorted({e for e in EXTENSIONS}))
    )
