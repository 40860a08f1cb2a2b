"""Which documents the inputs hold: one discovery for `check`, `batch` and `compare`.

Sources are files, folders (walked recursively, sorted, without hidden files or folders and
without the run's own output folder), .zip archives (members, safely: archive.py) and fsspec
URLs. Each found document knows its `kind`, the format kehoach reads it as: magic bytes
first, then the extension (so an extensionless JPEG is an image to every command). A file
named explicitly is always an input; a file met while walking whose kind is None (notes.xyz,
table.xlsx) is `unsupported`: batch records it as an error, check and compare skip it and
say so. `mismatch` is the warning for content that contradicts the extension.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator, Optional, Union

from kehoach.parser import file_kind
from kehoach.pipelines import archive


@dataclass
class Input:
    """One document to read: `path` is what the user sees and the parser gets as name;
    `local` is the file on disk when there is one (not for archive members or URLs)."""

    path: str
    read: Callable[[], bytes]
    local: Optional[Path] = None
    walked: bool = False  # met while walking a folder, URL or archive (not named explicitly)

    def head(self) -> bytes:
        if self.local is not None:
            with open(self.local, "rb") as fh:
                return fh.read(file_kind.HEAD)
        return self.read()[: file_kind.HEAD]

    @property
    def kind(self) -> Optional[str]:
        try:
            return file_kind.kind(self.head(), self.path)
        except (OSError, archive.ArchiveMemberError):
            return file_kind.kind(b"", self.path)

    @property
    def unsupported(self) -> bool:
        """Met while walking and not a format kehoach reads (by content or extension)."""
        return self.walked and self.kind is None


Found = Union[Input, archive.Rejected]
mismatch = file_kind.mismatch


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # dotfiles, Word lock files


def _is_url(src: str) -> bool:
    return "://" in src and not Path(src).exists()


def _expand(item: Input, limits: archive.Limits) -> Iterator[Found]:
    if archive.is_zip_name(item.path):
        for m in archive.iter_zip(item.read, item.path, limits):
            yield m if isinstance(m, archive.Rejected) else Input(m.path, m.read, walked=True)
    else:
        yield item


def _walk(root: Path, skip: Optional[Path]) -> Iterator[Path]:
    """Files under root, sorted, without hidden files/folders or the batch's own output folder."""
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d)
                             and not (skip is not None and (here / d).resolve() == skip))
        for name in sorted(filenames):
            if not _is_hidden(name) and (here / name).is_file():
                yield here / name


def discover(sources: Iterable[str | Path], limits: archive.Limits = archive.Limits(),
             skip: Optional[Path] = None) -> Iterator[Found]:
    """Every document under the sources, in a stable order (sorted within each folder).
    `skip` (the output folder) is never read as input."""
    skip = skip.resolve() if skip is not None else None
    for src in sources:
        s = str(src)
        if _is_url(s):
            yield from _discover_url(s, limits)
            continue
        p = Path(s)
        if p.is_dir():
            for f in _walk(p, skip):
                yield from _expand(Input(str(f), f.read_bytes, local=f, walked=True), limits)
        elif p.is_file():
            yield from _expand(Input(str(p), p.read_bytes, local=p), limits)
        else:
            yield archive.Rejected(s, "InputNotFound", "no such file or folder")


def _discover_url(url: str, limits: archive.Limits) -> Iterator[Found]:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        proto = url.split("://", 1)[0]
        if fs.isdir(root):
            names, walked = sorted(fs.find(root)), True
        elif fs.exists(root):
            names, walked = [root], False
        else:
            yield archive.Rejected(url, "InputNotFound", "no such file or folder")
            return
    except Exception as e:  # noqa: BLE001 - any backend error is this source's error
        yield archive.Rejected(url, "InputNotFound", f"cannot list {url}: {type(e).__name__}: {e}")
        return
    for name in names:
        rel = PurePosixPath(name).relative_to(PurePosixPath(root)) if name != root else PurePosixPath(name).name
        if any(_is_hidden(part) for part in PurePosixPath(str(rel)).parts):
            continue
        shown = name if "://" in name else f"{proto}://{name.lstrip('/') if proto == 'memory' else name}"

        def read(name: str = name) -> bytes:
            return fs.cat_file(name)

        yield from _expand(Input(shown, read, walked=walked), limits)
