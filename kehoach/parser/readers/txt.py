"""Plain text as it really arrives: copied from Word, saved from a school's web page.

Decoding: BOM (UTF-8, UTF-16), strict UTF-8, UTF-16 without BOM, legacy Vietnamese
8-bit (TCVN3/VNI, via `kehoach.parser.text.legacy` when it recognises them), cp1258.
Layout: a line holding two header columns flattened with long runs of spaces or tabs
("LIÊN ĐOÀN ...          CỘNG HÒA ...") becomes one block per column; table pipes split
into cells; a heading glued to the previous word ("ĐƠN VỊ1. Công tác") is split off.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kehoach.parser.errors import CorruptFile, EncodingError
from kehoach.parser.readers.base import RawBlock, RawDocument, register
from kehoach.parser.text.digits import number_starts

COLUMN_GAP = re.compile(r"(?:\t+| {4,})")  # two columns flattened onto one line
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|]+(?:\|[^|]*){2,}$")
GLUED_HEADING = re.compile(r"(?<=[A-ZĐÀ-Ỹa-zđà-ỹ]{2})(?=(?:\d{1,2}\.){1,3}\s+[A-ZĐÀ-Ỹ])")
# what GLUED_HEADING needs where it splits (two letters, then a digit), found from the digit
# (sre skips to digits in C; GLUED_HEADING opens with a look back and is tried at every char)
GLUE_HINT = re.compile(r"\d(?<=[A-ZĐÀ-Ỹa-zđà-ỹ]{2}\d)")
VI_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name). The last file's answer is kept: the reader and the checks'
    source-line mapping both decode it, and a legacy-font file's detection and case restoring
    cost more than the rest of its parse (errors are raised again each time, never kept)."""
    return _decode_last(data, path) if type(data) is bytes else _decode(data, path)


@lru_cache(maxsize=1)
def _decode_last(data: bytes, path: str) -> tuple[str, str]:
    return _decode(data, path)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without BOM: every other byte is NUL for Latin text
        even_nuls = sample[0::2].count(b"\x00")
        odd_nuls = sample[1::2].count(b"\x00")
        enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        try:
            return data.decode(enc), "utf-16"
        except UnicodeDecodeError:
            raise CorruptFile(path, "binary data, not text (many NUL bytes)") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        from kehoach.parser.text import legacy

        text, enc = legacy.decode_mixed(text)  # legacy-font lines pasted into a UTF-8 page
        return text, (f"utf-8+{enc}" if enc else "utf-8")
    if _looks_binary(data):
        raise CorruptFile(path, "binary data, not text: the bytes are neither UTF-8 nor a Vietnamese 8-bit encoding")
    try:
        from kehoach.parser.text import legacy  # TCVN3 / VNI detection (issue 7)

        found = legacy.detect_and_decode(data)
        if found is not None:
            return found
    except ImportError:
        pass
    try:
        return data.decode("cp1258"), "cp1258"
    except UnicodeDecodeError as e:
        raise EncodingError(path, f"cannot decode text: not UTF-8, UTF-16, TCVN3, VNI or cp1258 ({e.reason} at byte {e.start})") from e


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / len(sample) > 0.05


def split_line(line: str) -> list[str]:
    """One physical line -> its column pieces (tabs / long space runs / table pipes)."""
    if "|" in line and PIPE_ROW.match(line):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        return [" | ".join(c for c in cells if c)] if any(cells) else []
    stripped = line.strip()
    if not stripped:
        return []
    if "\t" not in stripped and "    " not in stripped:
        return [stripped]  # no gap for COLUMN_GAP (it has no literal first char: sre tries every position)
    pieces = [p.strip() for p in COLUMN_GAP.split(stripped) if p.strip()]
    return pieces


def _glue_lines(text: str) -> set[int]:
    """The lines of `text` (split at "\n") where GLUE_HINT matches. Its digit follows a letter,
    so it starts a number: it is tried at the numbers' starts (text.digits) only, not at every
    char of every line (~1.5 M instructions a plan)."""
    out: set[int] = set()
    line, last = 0, 0
    for p in number_starts(text):
        if GLUE_HINT.match(text, p):
            line += text.count("\n", last, p)
            last = p
            out.add(line)
    return out


def text_to_blocks(text: str) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # a piece's glue hint (two letters, a digit) stands as it is in its line (a piece is a part
    # of the line, or cells joined with " | "): only the lines holding one are tried
    glued = _glue_lines(text)
    for i, line in enumerate(text.split("\n")):
        if "|" in line or "\t" in line or "    " in line:
            pieces = split_line(line)
        else:  # split_line's plain case, without the call: no cells, no column gap
            stripped = line.strip()
            pieces = [stripped] if stripped else []
        for col, piece in enumerate(pieces):
            for part in (GLUED_HEADING.split(piece) if i in glued and GLUE_HINT.search(piece) else (piece,)):
                part = part.strip()  # (stripped once)
                if part:
                    blocks.append(RawBlock(text=part, kind="line", col=col if len(pieces) > 1 else None))
    return blocks


@register("txt")
def read_txt(data: bytes, path: str) -> RawDocument:
    text, encoding = decode(data, path)
    return RawDocument(blocks=text_to_blocks(text), format="txt", encoding=encoding)
