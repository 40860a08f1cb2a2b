"""Take the plan out of a request: a multipart `file` field or the raw body.

The body is read with a byte cap before anything parses it, so an oversize upload costs
at most the cap in memory. Uploads stay in memory (Starlette spools form files over 1 MB
to an anonymous temp file that is gone once closed); nothing is written under a name.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import ClientDisconnect, Request

# Raw bodies: these types carry a document as-is. The name falls back to one that tells the
# reader the format when the bytes themselves do not (plain text has no magic bytes).
RAW_TYPES = {
    "text/plain": "input.txt",
    "text/html": "input.html",
    "application/octet-stream": "upload",
    "application/pdf": "upload.pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "upload.docx",
    "application/msword": "upload.doc",
    "application/rtf": "upload.rtf",
    "application/vnd.oasis.opendocument.text": "upload.odt",
    "image/png": "upload.png",
    "image/jpeg": "upload.jpg",
    "image/tiff": "upload.tif",
}
DRAIN_CAP = 64 * 1024 * 1024  # read and drop at most this much of an oversize body


@dataclass
class UploadError(Exception):
    status: int
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class Upload:
    data: bytes
    name: str


def safe_name(name: str | None, default: str) -> str:
    """The base name only (no directories), printable, bounded: it is echoed as `source.path`."""
    if not name:
        return default
    base = PureWindowsPath(PurePosixPath(name).name).name
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip()[:200]
    return base if base not in ("", ".", "..") else default


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


async def read_capped(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    too_big = declared.isdigit() and int(declared) > limit
    buf = bytearray()
    seen = 0
    try:
        async for chunk in request.stream():
            seen += len(chunk)
            if too_big or seen > limit:
                too_big = True
                buf.clear()  # keep nothing, only count, so the client gets its 413 rather than a reset
                if seen > DRAIN_CAP:
                    break
                continue
            buf += chunk
    except ClientDisconnect as e:
        raise UploadError(400, "the client went away before the upload was complete") from e
    if too_big:
        size = _mb(int(declared)) if declared.isdigit() else (_mb(seen) if seen <= DRAIN_CAP else f"over {_mb(seen)}")
        raise UploadError(413, f"upload too large: {size}; the limit is {_mb(limit)} "
                               f"(kehoach serve --max-upload-mb)")
    return bytes(buf)


async def _once(body: bytes) -> AsyncIterator[bytes]:
    yield body


async def extract(request: Request, limit: int, query_name: str | None = None) -> Upload:
    """The uploaded plan, or UploadError (413 too large, 400 malformed, 415 wrong type)."""
    ctype = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip().lower()
    if ctype != "multipart/form-data" and ctype not in RAW_TYPES:
        raise UploadError(415, f"unsupported Content-Type '{ctype}': send multipart/form-data with a 'file' "
                               "field, or the document itself as text/plain or application/octet-stream")
    body = await read_capped(request, limit)
    if ctype != "multipart/form-data":
        return Upload(body, safe_name(query_name, RAW_TYPES[ctype]))
    try:
        form = await MultiPartParser(request.headers, _once(body), max_files=1, max_fields=16).parse()
    except MultiPartException as e:
        raise UploadError(400, f"malformed multipart upload: {e.message}") from e
    try:
        files = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        chosen = form.get("file")
        upload = chosen if isinstance(chosen, UploadFile) else (files[0] if files else None)
        if upload is None:
            raise UploadError(400, "no file in the upload: send the plan as the multipart field 'file'")
        data = await upload.read()
        return Upload(data, safe_name(query_name or upload.filename, "upload"))
    finally:
        await form.close()
