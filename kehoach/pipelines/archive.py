"""Safe reading of .zip archives for batch input.

Nothing is ever extracted to disk: members are read into memory, but a hostile archive can
still lie, so every member passes these gates before its bytes are used:
- its name must be a plain relative path (no absolute path, drive letter, `..` part or
  NUL) — a zip-slip name is rejected even though we do not extract, because the name
  flows into output paths and reports;
- no symlinks, no encrypted members;
- declared size under `max_member`, declared ratio under `max_ratio` (zip bombs), the
  archive's running total under `max_total`; reads are capped, so a header that lies
  about the size cannot make us inflate more than the cap;
- nested archives are opened up to `max_depth` levels.
"""
from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable, Iterator, Optional, Union

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_member: int = 256 * MB  # one member, uncompressed
    max_total: int = 4096 * MB  # the whole archive tree, uncompressed
    max_ratio: float = 200.0  # uncompressed / compressed, checked above `ratio_floor`
    ratio_floor: int = 1 * MB  # small members may compress well (plain text): no ratio check
    max_depth: int = 2  # zip inside zip inside zip: 2 levels of nesting


@dataclass
class Member:
    """A readable member: `path` is 'archive.zip!dir/name.docx'; `read()` returns its bytes."""

    path: str
    size: int
    read: Callable[[], bytes]


@dataclass
class Rejected:
    """A member (or archive) that is refused, with a reason a person can read."""

    path: str
    kind: str  # UnsafeName | ZipBomb | TooLarge | Encrypted | CorruptArchive | TooDeep | Symlink
    reason: str
    stage: str = "read"


Entry = Union[Member, Rejected]


def is_zip_name(name: str) -> bool:
    return name.lower().endswith(".zip")


def unsafe_name(name: str) -> Optional[str]:
    """Why a member name is unsafe, or None when it is a plain relative path."""
    if "\x00" in name:
        return "contains a NUL byte"
    norm = name.replace("\\", "/")
    if norm.startswith("/"):
        return "is an absolute path"
    if len(norm) >= 2 and norm[1] == ":":
        return "starts with a drive letter"
    if any(part == ".." for part in PurePosixPath(norm).parts):
        return "climbs out of the archive with '..'"
    return None


class _Budget:
    """Uncompressed bytes left for the whole archive tree."""

    def __init__(self, total: int):
        self.left = total


def _capped_read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """Read at most `cap` bytes; more means the header lied about the size."""
    out = bytearray()
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(1 * MB, cap + 1 - len(out)))
            if not chunk:
                break
            out += chunk
            if len(out) > cap:
                raise _Oversize()
    return bytes(out)


class _Oversize(Exception):
    pass


def iter_zip(
    source: Union[bytes, Callable[[], bytes]],
    label: str,
    limits: Limits = Limits(),
    *,
    _depth: int = 0,
    _budget: Optional[_Budget] = None,
) -> Iterator[Entry]:
    """Walk the members of the zip (bytes, or a loader of bytes) named `label`.

    Yields `Member`s for files and `Rejected` for anything refused. Nested .zip members are
    opened in memory and walked in turn (their members are 'outer.zip!inner.zip!name').
    """
    budget = _budget or _Budget(limits.max_total)
    try:
        data = source() if callable(source) else source
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except ArchiveMemberError as e:  # a nested archive whose own bytes broke a rule
        yield Rejected(label, e.kind, e.reason)
        return
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
        yield Rejected(label, "CorruptArchive", f"not a readable zip archive ({e})")
        return
    for info in infos:
        if info.is_dir():
            continue
        path = f"{label}!{info.filename}"
        why = unsafe_name(info.filename)
        if why:
            yield Rejected(path, "UnsafeName", f"unsafe member name (zip-slip): {info.filename!r} {why}")
            continue
        base = PurePosixPath(info.filename.replace("\\", "/")).name
        if base.startswith(".") or info.filename.startswith("__MACOSX/"):
            continue  # resource forks and hidden files that archivers add
        if stat.S_ISLNK(info.external_attr >> 16):
            yield Rejected(path, "Symlink", "symbolic link inside the archive")
            continue
        if info.flag_bits & 0x1:
            yield Rejected(path, "Encrypted", "encrypted archive member (password protected)")
            continue
        if info.file_size > limits.max_member:
            yield Rejected(path, "TooLarge", f"member is {info.file_size / MB:.0f} MB uncompressed, "
                           f"over the {limits.max_member / MB:.0f} MB cap")
            continue
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > limits.ratio_floor and ratio > limits.max_ratio:
            yield Rejected(path, "ZipBomb", f"compression ratio {ratio:.0f}:1 is over the {limits.max_ratio:.0f}:1 "
                           f"cap ({info.file_size / MB:.1f} MB from {info.compress_size} bytes): likely a zip bomb")
            continue
        if info.file_size > budget.left:
            yield Rejected(path, "ZipBomb", f"archive expands past the {limits.max_total / MB:.0f} MB total cap")
            continue
        budget.left -= info.file_size
        # the cap on the actual read: declared size (a lie shows as oversize), never over the member cap
        cap = min(info.file_size, limits.max_member)

        def read(info: zipfile.ZipInfo = info, cap: int = cap, path: str = path) -> bytes:
            try:
                return _capped_read(zf, info, cap)
            except _Oversize:
                raise ArchiveMemberError(path, "ZipBomb", "member inflates past its declared size") from None
            except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
                raise ArchiveMemberError(path, "CorruptArchive", f"cannot read archive member ({e})") from None

        if is_zip_name(info.filename):
            if _depth + 1 > limits.max_depth:
                yield Rejected(path, "TooDeep", f"archive nested deeper than {limits.max_depth} levels")
                continue
            yield from iter_zip(read, path, limits, _depth=_depth + 1, _budget=budget)
            continue
        yield Member(path, info.file_size, read)


class ArchiveMemberError(Exception):
    """Raised by `Member.read` when the bytes break a rule the header did not show."""

    def __init__(self, path: str, kind: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.kind, self.reason, self.stage = path, kind, reason, "read"
