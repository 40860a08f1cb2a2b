"""Readers: bytes of one file -> RawDocument. One module per format; `read()` dispatches."""
from __future__ import annotations

import importlib
from pathlib import Path

from kehoach.parser.errors import InputNotFound, KehoachError, TooLarge, UnsupportedFormat
from kehoach.parser.readers.base import RawBlock, RawDocument, detect_format, registered

MAX_BYTES = 200 * 1024 * 1024  # a plan is never this large; refuse before reading it into memory

# format -> module that registers it; imported on first use so a missing optional
# system tool (tesseract, LibreOffice) only matters for the formats that need it.
_MODULES = {
    "txt": "kehoach.parser.readers.txt",
    "docx": "kehoach.parser.readers.docx",
    "pdf": "kehoach.parser.readers.pdf",
    "doc": "kehoach.parser.readers.office",
    "rtf": "kehoach.parser.readers.office",
    "odt": "kehoach.parser.readers.office",
    "html": "kehoach.parser.readers.html",
    "image": "kehoach.parser.readers.ocr",
}

__all__ = ["RawBlock", "RawDocument", "read", "read_bytes", "detect_format"]


def reader_for(fmt: str, path: str):
    mod = _MODULES.get(fmt)
    if mod is None:
        if fmt == "zip":  # one plan per parse; archives are the batch command's input
            raise UnsupportedFormat(path, "a .zip archive holds many files: run `kehoach batch` on it")
        raise UnsupportedFormat(path, f"unsupported file type '{fmt}'")
    try:
        importlib.import_module(mod)
    except ModuleNotFoundError as e:  # a format whose reader is not built in this install
        raise UnsupportedFormat(path, f"no reader for '{fmt}' files in this installation ({e.name})") from e
    fn = registered().get(fmt)
    if fn is None:
        raise UnsupportedFormat(path, f"no reader for '{fmt}' files")
    return fn


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> RawDocument:
    """Read bytes as the format they are (magic bytes, then extension)."""
    fmt = fmt or detect_format(data, path)
    fn = reader_for(fmt, path)
    try:
        return fn(data, path)
    except KehoachError:
        raise
    except MemoryError as e:
        raise TooLarge(path, "file too large to read in memory") from e
    except RecursionError as e:
        from kehoach.parser.errors import CorruptFile

        raise CorruptFile(path, "malformed file: structure nested too deeply") from e
    except Exception as e:  # a library choked: still one documented error naming the file
        from kehoach.parser.errors import CorruptFile

        raise CorruptFile(path, f"cannot read {fmt} file: {type(e).__name__}: {e}") from e


def read(path: str | Path) -> tuple[bytes, RawDocument]:
    p = Path(path)
    if not p.exists():
        raise InputNotFound(p, "no such file")
    if p.is_dir():
        raise UnsupportedFormat(p, "is a directory (use `kehoach batch` for folders)")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(p, f"file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 1_000_000} MB limit")
    data = p.read_bytes()
    return data, read_bytes(data, str(p))
