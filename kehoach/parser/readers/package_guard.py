"""Guards for OOXML (.docx) and ODF (.odt) packages, run on every part before any parser sees it.

python-docx and LibreOffice read whole XML parts into memory: a 1.5 MB .docx whose
`word/styles.xml` inflates to 1.5 GB costs gigabytes before a single paragraph is read.
So every member of the zip is checked, not only the main document:

- how many parts, each part's and the total uncompressed size, and each part's
  compression ratio (from the central directory, which `zipfile` then enforces on read:
  it stops at the declared size and fails the CRC if more was hidden);
- every XML part is inflated as a stream (never held whole) with the same caps, and its
  prolog is scanned for a DOCTYPE: Word and LibreOffice never write one, and a DOCTYPE is
  how entity expansion (billion laughs) and external entities (XXE) get in.

`check(data, path)` raises TooLarge or CorruptFile naming the part; with `keep=True` it returns
the XML parts it inflated (name -> bytes), so the reader need not inflate them a second time
(held together they stay under MAX_TOTAL_BYTES, which the read enforces).
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Optional

from kehoach.parser.errors import CorruptFile, TooLarge

MAX_PARTS = 5_000  # a long plan has a few dozen parts; images add one each
MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed, one part (document.xml of a plan: < 5 MB)
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # uncompressed, all parts together
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FLOOR (XML usually 5-30x)
RATIO_FLOOR = 8 * 1024 * 1024
PROLOG_BYTES = 64 * 1024  # a DOCTYPE must come before the root element: it is in here if anywhere
_XML = re.compile(r"\.(?:xml|rels|vml)$", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check(data: bytes, path: str, what: str = "Office document", zf: Optional[zipfile.ZipFile] = None,
          keep: bool = False) -> Optional[dict[str, bytes]]:
    """Refuse a package whose parts are too many, too big, too compressed, or declare entities.
    `zf`: the package already opened on `data`; `keep`: return the XML parts' bytes."""
    try:
        if zf is None:
            zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as e:
        raise CorruptFile(path, f"not a valid {what}: {e} (truncated or not a zip package)") from e
    if len(infos) > MAX_PARTS:
        raise TooLarge(path, f"the {what} has {len(infos)} parts, over the {MAX_PARTS} limit (zip bomb?)")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_PART_BYTES:
            raise TooLarge(path, f"part {info.filename} is {_mb(size)} uncompressed, over the "
                                 f"{_mb(MAX_PART_BYTES)} limit per part: refused (zip bomb?)")
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise TooLarge(path, f"part {info.filename} inflates {size // max(info.compress_size, 1)}x "
                                 f"({_mb(size)}): refused (zip bomb?)")
        if total > MAX_TOTAL_BYTES:
            raise TooLarge(path, f"the {what}'s parts add up to over {_mb(MAX_TOTAL_BYTES)} uncompressed: "
                                 "refused (zip bomb?)")
    parts: Optional[dict[str, bytes]] = {} if keep else None
    for info in infos:
        if _XML.search(info.filename) and not info.is_dir():
            _scan_xml(zf, info, path, parts)
    return parts


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, parts: Optional[dict[str, bytes]] = None) -> None:
    """Inflate one XML part in 1 MB steps: the real size stays within the caps, the prolog has no DOCTYPE.
    With `parts`, the chunks are kept there under the part's name (a later duplicate name wins, as
    in ZipFile.read); only once the part has been read to its end, where zipfile checks the CRC."""
    seen = 0
    head = b""
    chunks: list[bytes] = []
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                if len(head) < PROLOG_BYTES:
                    head += chunk[: PROLOG_BYTES - len(head)]
                    # every match holds "!": a one-byte search (memchr speed) skips the
                    # case-blind regex on a part that has none
                    if b"!" in head and _DOCTYPE.search(head):
                        raise CorruptFile(path, f"part {info.filename} declares a DOCTYPE/entities, which Office "
                                                "documents never do: refused (entity expansion or external entity)")
                seen += len(chunk)
                if seen > MAX_PART_BYTES:
                    raise TooLarge(path, f"part {info.filename} inflates past {_mb(MAX_PART_BYTES)}: refused")
                if parts is not None:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as e:
        raise CorruptFile(path, f"part {info.filename} is damaged: {e}") from e
    if parts is not None:
        parts[info.filename] = chunks[0] if len(chunks) == 1 else b"".join(chunks)
