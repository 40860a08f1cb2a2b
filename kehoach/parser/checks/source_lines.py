"""A finding's `line` and `column` are the SOURCE file's: this module maps offsets in the
normalized text back to the file.

The normalized text drops blank lines and may split a line at a wide column gap, so its line
numbers differ from the file's; an editor opening `plan.txt:245:1` wants the file's. Text
sources (txt, md) have lines of their own and get them; docx/pdf/html/images have none, so
there the line of the normalized text (`parse --with-text`) is the file's line. Applied once
where findings are made (`parse`, and `check` re-checking a PlanDocument .json), so the JSON,
the batch tables, `kehoach check` text/JSON/SARIF and the review page all say the same.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Callable, Optional

from kehoach.parser.schema import PlanDocument
from kehoach.parser.text.normalize import clean

Locator = Callable[[int], Optional[tuple[int, int]]]

LINED_FORMATS = {"txt"}


def relocate(doc: PlanDocument, data: Optional[bytes]) -> None:
    """Rewrite each finding's line/column to the source file's (`data`: the file's bytes).
    Without lines of its own (or without the bytes) the normalized text's line stays."""
    if not doc.findings:
        return
    locate = locator(doc, data)
    if locate is None:
        return
    for f in doc.findings:
        where = locate(f.start)
        if where:
            f.line, f.column = where


def relocate_from_path(doc: PlanDocument) -> None:
    """For a PlanDocument read back from JSON: map against `source.path` when that file is
    still there with the same bytes (sha256); else keep the lines as they are."""
    if doc.source.format not in LINED_FORMATS or not doc.source.path:
        return
    try:
        data = Path(doc.source.path).read_bytes()
    except OSError:
        return
    if doc.source.sha256 and hashlib.sha256(data).hexdigest() != doc.source.sha256:
        return
    relocate(doc, data)


def locator(doc: PlanDocument, data: Optional[bytes]) -> Optional[Locator]:
    if doc.source.format not in LINED_FORMATS or not doc.text or data is None:
        return None
    from kehoach.parser.readers.txt import decode

    try:
        src, _ = decode(data, doc.source.path or "")
    except Exception:  # cannot be decoded again: keep normalized coordinates
        return None
    src_lines = _SourceLines(src)
    norm = doc.text
    align = _Align(norm.split("\n"), src_lines)

    def locate(offset: int) -> Optional[tuple[int, int]]:
        # the line holding `offset` and where it starts: what a bisect over the line starts gives
        i = norm.count("\n", 0, offset)
        line_start = norm.rfind("\n", 0, offset) + 1
        j = align[i] if i < len(align) else None
        if j is None:  # an unaligned line: count on from the nearest aligned line above
            k = next((k for k in range(min(i, len(align) - 1), -1, -1) if align[k] is not None), None)
            if k is None:
                return None
            return min(align[k] + (i - k), len(src_lines)) + 1, offset - line_start + 1
        snippet = norm[offset:offset + 40].split("\n")[0].split()
        if snippet:
            rx = re.compile(r"\s+".join(map(re.escape, snippet[:6])))
            for k in range(j, min(j + 3, len(src_lines))):
                m = rx.search(src_lines[k])
                if m:
                    return k + 1, m.start() + 1
        # the span starts at a line end or was rewritten: the aligned line, the same column
        col = offset - line_start + 1
        line = src_lines[j]
        lead = len(line) - len(line.lstrip())
        return j + 1, min(col + lead, len(line) + 1)

    return locate


class _SourceLines:
    """`clean(_nfc_by_line(src)).split("\n")`, each line cleaned when first asked for: clean() works
    char by char (NFC never composes across a line break, its table maps no char to or from one),
    so a line's clean() is that line of the whole text's, unless the text holds a line break clean()
    makes of "\r", U+2028 or U+2029 (then the whole text is cleaned up front, as before). Cleaning
    the whole text (two regex passes) cost ~3 M instructions a plan; a finding asks for a few lines."""

    def __init__(self, src: str):
        if "\r" in src or "\u2028" in src or "\u2029" in src:
            self.lines = clean(_nfc_by_line(src)).split("\n")
            self.done = None
        else:
            self.lines = src.split("\n")
            self.done = bytearray(len(self.lines))  # 1: lines[j] is cleaned

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, j: int) -> str:
        done = self.done
        if done is not None and not done[j]:
            self.lines[j] = clean(self.lines[j])
            done[j] = 1
        return self.lines[j]

    def squashed(self, j: int) -> str:
        """_squash(self[j]), the line's clean() and squash in one pass over it where they overlap:
        clean()'s quick way (NFC, printable, no Ð/ð: the line is its NFC) already tells _squash's
        (printable: " " is its only white space), one isprintable() a line instead of two. An
        empty line (half a plain text's lines) is "" cleaned and squashed."""
        line = self.lines[j]
        if not line:
            return ""
        done = self.done
        if done is None or done[j]:
            return _squash(line)
        s = _normalize("NFC", line)
        if not s.isprintable() or "\u00d0" in s or "\u00f0" in s:
            return _squash(self[j])
        self.lines[j] = s  # what clean() gives
        done[j] = 1
        s = s.strip(" ")
        while "  " in s:
            s = s.replace("  ", " ")
        return s


_normalize = unicodedata.normalize


def _nfc_by_line(s: str) -> str:
    """NFC of `s`, line by line: the same string (a line break is a starter that composes with
    nothing, so NFC never reaches across it), and clean()'s own NFC then finds it normalized. A
    page with one decomposed line made NFC redo the whole text (~0.6 ms); only that line now."""
    return "\n".join([unicodedata.normalize("NFC", ln) for ln in s.split("\n")])


def _squash(s: str) -> str:
    """" ".join(s.split()). In a printable line " " is the only white space (every other white
    space char is unprintable): split and join then strip its ends and shorten its runs of
    spaces, done here without cutting the line into words (an indented line, a column gap)."""
    if s.isprintable():
        s = s.strip(" ")
        while "  " in s:
            s = s.replace("  ", " ")
        return s
    return " ".join(s.split())


_HEAD = 40  # the chars of a normalized line that are looked for in the source


def _head(s: str) -> str:
    """_squash(s)[:_HEAD], reading the first _HEAD chars only when they are squashed already
    (squashing a prefix gives a prefix of the squashed whole: _HEAD chars of it settle it)."""
    p = s[:_HEAD]
    if p.isprintable() and "  " not in p and p[:1] != " " and p[-1:] != " ":
        return p
    return _squash(s)[:_HEAD]


class _Align:
    """For each normalized line, the index of the source line holding its start (None if unsure):
    a forward scan, each line searched from where the previous one was found. Computed up to
    the line asked for (an answer depends only on the lines before it), source lines squashed
    when first compared: a plan has a few findings, and aligning the whole text cost ~2 ms."""

    def __init__(self, norm_lines: list[str], src_lines: _SourceLines | list[str]):
        self.norm, self.src = norm_lines, src_lines
        self.squashed: dict[int, str] = {}
        self.out: list[Optional[int]] = []
        self.ptr = 0

    def __len__(self) -> int:
        return len(self.norm)

    def __getitem__(self, i: int) -> Optional[int]:
        out, squashed, src, norm = self.out, self.squashed, self.src, self.norm
        n_src = len(src)
        squash = src.squashed if isinstance(src, _SourceLines) else lambda j: _squash(src[j])
        while len(out) <= i:
            c = _head(norm[len(out)])
            if not c:
                out.append(None)
                continue
            hit = None
            ptr = self.ptr
            for j in range(ptr, min(ptr + 60, n_src)):
                sq = squashed.get(j)
                if sq is None:
                    sq = squashed[j] = squash(j)
                if c in sq:
                    hit = j
                    break
            out.append(hit)
            if hit is not None:
                self.ptr = hit
        return out[i]
