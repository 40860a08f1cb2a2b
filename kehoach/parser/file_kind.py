"""What a file is, from its first bytes and its name; and a warning when they disagree.

The readers pick a format by magic bytes first (readers/base.py: `sniff`, `detect_format`),
so a JPEG renamed .docx is OCRed: right, but the user should hear that the name is wrong.
"""
from __future__ import annotations

from pathlib import PurePosixPath
from typing import Optional

from kehoach.parser.readers.base import EXTENSIONS, sniff

HEAD = 4096  # bytes `sniff` looks at
NAMES = {"pdf": "a PDF", "docx": "a Word .docx", "odt": "an OpenDocument .odt", "doc": "a Word 97-2003 .doc",
         "rtf": "an RTF document", "image": "an image", "html": "an HTML page", "zip": "a zip archive",
         "txt": "text"}


def _ext(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/").split("!")[-1]).suffix.lower()


def kind(head: bytes, name: str) -> Optional[str]:
    """The format kehoach would read the file as (magic bytes, then extension); None when
    neither says (an unsupported file)."""
    by_magic = sniff(head)
    if by_magic:
        return by_magic
    return "zip" if _ext(name) == ".zip" else EXTENSIONS.get(_ext(name))


def mismatch(head: bytes, name: str) -> Optional[str]:
    """A warning when the content says another format than the extension ('x.docx' holding
    a JPEG), else None. No extension is no contradiction."""
    ext = _ext(name)
    by_ext = "zip" if ext == ".zip" else EXTENSIONS.get(ext)
    by_magic = sniff(head)
    if not by_ext or not by_magic or by_magic == by_ext:
        return None
    if by_magic == "zip" and by_ext in ("docx", "odt"):  # a damaged Office file: its reader says what is wrong
        return None
    return f"{name}: the content is {NAMES.get(by_magic, by_magic)} but the extension is {ext}; read as {by_magic}"
