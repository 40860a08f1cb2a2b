"""Issue 14 (speed): source_lines cleans the source line by line, lazily, and finds a finding's
line by counting line breaks; the locations are the ones the whole-text way gives, on real
files, on their CRLF / tabbed / decomposed / zero-width variants and on invented texts."""
from __future__ import annotations

import bisect
import random
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import REPO, SEEDS
from kehoach.parser.checks import source_lines as sl
from kehoach.parser.schema import PlanDocument, Source
from kehoach.parser.text.normalize import clean


def _old_locator(doc: PlanDocument, data: bytes):
    """source_lines.locator before the lazy lines (whole text cleaned, starts bisected)."""
    from kehoach.parser.readers.txt import decode

    try:
        src, _ = decode(data, doc.source.path or "")
    except Exception:
        return None
    src_lines = clean(sl._nfc_by_line(src)).split("\n")
    norm = doc.text
    norm_starts = [0] + [m.end() for m in re.finditer("\n", norm)]
    align = _OldAlign(norm.split("\n"), src_lines)

    def locate(offset: int):
        i = bisect.bisect_right(norm_starts, offset) - 1
        j = align[i] if i < len(align) else None
        if j is None:
            k = next((k for k in range(min(i, len(align) - 1), -1, -1) if align[k] is not None), None)
            if k is None:
                return None
            return min(align[k] + (i - k), len(src_lines)) + 1, offset - norm_starts[i] + 1
        snippet = norm[offset:offset + 40].split("\n")[0].split()
        if snippet:
            rx = re.compile(r"\s+".join(map(re.escape, snippet[:6])))
            for k in range(j, min(j + 3, len(src_lines))):
                m = rx.search(src_lines[k])
                if m:
                    return k + 1, m.start() + 1
        col = offset - norm_starts[i] + 1
        lead = len(src_lines[j]) - len(src_lines[j].lstrip())
        return j + 1, min(col + lead, len(src_lines[j]) + 1)

    return locate


class _OldAlign:
    def __init__(self, norm_lines, src_lines):
        self.norm, self.src = norm_lines, src_lines
        self.squashed: dict = {}
        self.out: list = []
        self.ptr = 0

    def __len__(self):
        return len(self.norm)

    def __getitem__(self, i):
        out, squashed, src = self.out, self.squashed, self.src
        while len(out) <= i:
            c = " ".join(self.norm[len(out)].split())[:40]
            if not c:
                out.append(None)
                continue
            hit = None
            for j in range(self.ptr, min(self.ptr + 60, len(src))):
                sq = squashed.get(j)
                if sq is None:
                    sq = squashed[j] = " ".join(src[j].split())
                if c in sq:
                    hit = j
                    break
            out.append(hit)
            if hit is not None:
                self.ptr = hit
        return out[i]


def _doc(norm: str) -> PlanDocument:
    return PlanDocument(source=Source(path="x.txt", format="txt"), text=norm)


def _offsets(norm: str, rng: random.Random, n: int = 120) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer("\n", norm)]
    picks = rng.sample(starts, min(len(starts), n // 2)) + [rng.randrange(len(norm) + 5) for _ in range(n // 2)]
    return sorted(set(picks + [len(norm), len(norm) + 3]))


def _same(norm: str, data: bytes, rng: random.Random) -> int:
    doc = _doc(norm)
    old, new = _old_locator(doc, data), sl.locator(doc, data)
    if old is None:
        assert new is None
        return 0
    offsets = _offsets(norm, rng)
    # asked in text order (as relocate does) and out of order (the lazy alignment must not care)
    for offs in (offsets, offsets[::-1]):
        new = sl.locator(doc, data)
        for o in offs:
            assert new(o) == old(o), (o, norm[o:o + 40])
    return len(offsets)


def _files() -> list[Path]:
    out = sorted(SEEDS.glob("*.txt")) + sorted((REPO / "corpora" / "phenomena").glob("*.txt"))
    out += sorted((REPO / "corpora" / "samples").glob("*.txt"))
    cache = REPO / "corpora" / "real" / "cache"
    if cache.is_dir():
        out += sorted(cache.glob("*.txt"))[:20]
    return out


def _variants(text: str, rng: random.Random) -> list[str]:
    lines = text.split("\n")
    nfd = "\n".join(unicodedata.normalize("NFD", ln) if rng.random() < 0.3 else ln for ln in lines)
    tabs = "\n".join(("\t" + ln.replace(" ", "\t", 1)) if rng.random() < 0.3 else ln for ln in lines)
    odd = "\n".join(ln.replace(" ", rng.choice(["  ", "\u00a0", "\u200b ", " \x85", "\u1680", " \x01"]), 1)
                    if rng.random() < 0.3 else ln for ln in lines)
    return [text, text.replace("\n", "\r\n"), nfd, tabs, odd, text.replace("\n", "\u2028", 3),
            text.replace("\n", "\r\u200b\n", 2), text.replace("Đ", "\u00d0")]


def test_locations_on_real_files_and_variants():
    from kehoach.parser import parse_bytes

    rng = random.Random(14)
    asked = 0
    for f in _files():
        text = f.read_bytes().decode("utf-8", errors="replace")
        for v in _variants(text, rng):
            data = v.encode("utf-8")
            try:
                doc = parse_bytes(data, "x.txt", nlp=False, checks=False)
            except Exception:
                continue
            asked += _same(doc.text, data, rng)
    assert asked > 20000


def test_locations_on_invented_texts():
    rng = random.Random(15)
    words = ["Kế", "hoạch", "năm", "học", "2024-2025", "Đ", "\u00d0oàn", "a\u0301", "hoà", "1.", "-", "+", "|", ":",
             "", " ", "\t", "\u00a0", "\u200b", "\x85", "\u3000", "\r", "\u2028", "\x0c", "\x1c", "ﬁ"]
    asked = 0
    for _ in range(400):
        src_lines = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 40))]
        src = "\n".join(src_lines)
        # the normalized text: some source lines, cleaned, squashed, split or cut, some invented
        norm_lines = []
        for ln in src_lines:
            r = rng.random()
            if r < 0.15:
                continue
            ln = " ".join(clean(ln).split()) if r < 0.8 else ln[: rng.randint(0, 60)]
            if rng.random() < 0.1:
                norm_lines.append(" ".join(rng.choice(words) for _ in range(3)))
            norm_lines += [p for p in ln.split("  ")] if rng.random() < 0.2 else [ln]
        norm = "\n".join(norm_lines)
        if not norm:
            continue
        asked += _same(norm, src.encode("utf-8"), rng)
    assert asked > 10000


@pytest.mark.parametrize("s", ["", " ", "a", "a  b", " a", "a ", "x" * 39 + " ", "x" * 40 + "  y", "x" * 39 + "  y",
                               "x\u00a0" * 30, "\u200b" + "x" * 45, "x" * 38 + " \x85y"])
def test_head_is_squash_prefix(s):
    assert sl._head(s) == sl._squash(s)[:sl._HEAD]


def test_head_on_random_lines():
    rng = random.Random(16)
    pool = "ab  \t\u00a0\u2003\u200b\x0b\x1c\x85\u3000đ"
    for _ in range(20000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 90)))
        assert sl._head(s) == " ".join(s.split())[:40], repr(s)


def test_space_is_the_only_printable_white_space():
    # what _squash relies on: split() splits at " " and at unprintable chars only
    import sys

    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace() and c.isprintable()] == [" "]


def test_squash_is_split_and_join_on_spaced_lines():
    rng = random.Random(17)
    pool = "ab   \t\u00a0đ\u1680\x85"
    for _ in range(20000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert sl._squash(s) == " ".join(s.split()), repr(s)
