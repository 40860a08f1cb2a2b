"""Issue 14 (speed): the txt reader tries the glued-heading split on the lines holding a hint
only, legacy.decode_mixed finds its hint lines in one scan, and assemble validates the blocks
as one list; each gives what the old way gives (real files, odd variants, invented lines)."""
from __future__ import annotations

import random

import pytest
from pydantic import ValidationError

from conftest import REPO, SEEDS
from kehoach.parser.readers import txt
from kehoach.parser.readers.base import RawBlock, RawDocument
from kehoach.parser.schema import Block
from kehoach.parser.text import assemble as A
from kehoach.parser.text import legacy


def _old_text_to_blocks(text: str) -> list[RawBlock]:
    blocks = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "|" in line or "\t" in line or "    " in line:
            pieces = txt.split_line(line)
        else:
            stripped = line.strip()
            pieces = [stripped] if stripped else []
        for col, piece in enumerate(pieces):
            for part in (txt.GLUED_HEADING.split(piece) if txt.GLUE_HINT.search(piece) else (piece,)):
                part = part.strip()
                if part:
                    blocks.append(RawBlock(text=part, kind="line", col=col if len(pieces) > 1 else None))
    return blocks


def _old_decode_mixed(text: str, min_lines: int = 2):
    """legacy.decode_mixed as it was (every line searched for a hint)."""
    if not legacy._HINT.search(text):
        return text, None
    lines = text.split("\n")
    found = {}
    for i, line in enumerate(lines):
        if legacy._HINT.search(line):
            enc = legacy.detect_str(line)
            if enc:
                found[i] = enc
    if len(found) < min_lines:
        return text, None
    enc = max(set(found.values()), key=list(found.values()).count)
    for i, line in enumerate(lines):
        if found.get(i) == enc or (i not in found and legacy._HINT.search(line) and legacy._legacy_only(line)
                                   and legacy._ratio(legacy.vietnamese_score(legacy._map(line, enc)))
                                   > legacy._ratio(legacy.vietnamese_score(line))):
            decoded = legacy.decode_str(line, enc)
            if enc == "tcvn3":
                decoded = legacy._LOST_U.sub(lambda m: ("Ư" if m.group(1).isupper() else "ư") + m.group(1),
                                             legacy.restore_case(decoded))
            lines[i] = decoded
    return "\n".join(lines), enc


def _texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) + sorted((REPO / "corpora" / "phenomena").glob("*.txt"))
    files += sorted((REPO / "corpora" / "samples").glob("*.txt"))
    cache = REPO / "corpora" / "real" / "cache"
    if cache.is_dir():
        files += sorted(cache.glob("*.txt"))[:40]
    out = [f.read_bytes().decode("utf-8", errors="replace") for f in files]
    rng = random.Random(41)
    bits = ["ĐƠN VỊ1. Công tác", "TRƯỜNG2.1. Tổ chức", "ab3. X", "a1. Y", "Ab12.3. Đ", "x|y|z", "| a1. B | c |", "\t", "    ",
            "c«ng ®oµn", "TIÊN", "KẾ HOẠCH", "Ì", "µ", "\r\n", "\r", "\n", " ", "1", "٣. A", "ab٣. A", "Ab\uff11. A", "Trang 2"]
    out += ["".join(rng.choice(bits) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    out += ["\n".join(rng.choice(out[:5]).split("\n")[:40]) + "\U0001d7ce1. A" for _ in range(5)]
    return out


def test_blocks_are_the_old_blocks():
    n = 0
    for t in _texts():
        want = _old_text_to_blocks(t)
        assert txt.text_to_blocks(t) == want, repr(t[:80])
        n += sum(1 for b in want if txt.GLUED_HEADING.search(b.text) is None and txt.GLUE_HINT.search(b.text))
    assert n > 50, n


def test_glue_lines_hold_every_hint():
    for t in _texts():
        t = t.replace("\r\n", "\n").replace("\r", "\n")
        want = {i for i, ln in enumerate(t.split("\n")) if txt.GLUE_HINT.search(ln)}
        assert txt._glue_lines(t) == want, repr(t[:80])


def test_decode_mixed_is_the_old_way():
    rng = random.Random(42)
    texts = _texts()
    legacy_lines = [legacy.encode(ln, rng.choice(["tcvn3", "vni"])).decode("cp1252", errors="replace")
                    for ln in texts[0].split("\n")[:60]]
    for _ in range(300):  # Unicode lines and legacy-font lines pasted together
        texts.append("\n".join(rng.choice(legacy_lines) if rng.random() < 0.4 else rng.choice(texts[1].split("\n"))
                               for _ in range(rng.randint(1, 12))))
    found = 0
    for t in texts:
        want = _old_decode_mixed(t)
        assert legacy.decode_mixed(t) == want, repr(t[:80])
        found += want[1] is not None
    assert found > 100, found


def _raw(blocks: list[RawBlock]) -> RawDocument:
    return RawDocument(blocks=blocks, format="txt")


def test_assembled_blocks_are_blocks_built_one_by_one():
    for t in _texts()[:80]:
        rows = []
        text, blocks = A.assemble(_raw(txt.text_to_blocks(t)))
        for b in blocks:
            rows.append(dict(b))
        one_by_one = [Block(**r) for r in rows]
        assert blocks == one_by_one
        assert [b.model_fields_set for b in blocks] == [b.model_fields_set for b in one_by_one]
        assert [b.model_dump_json() for b in blocks] == [b.model_dump_json() for b in one_by_one]


@pytest.mark.parametrize("extra", [dict(confidence=90), dict(page=3, bold=True), dict(kind="cell", table=0, row=1, col=2),
                                   dict(style="Heading 1", outline_level=1, numbering="1.")])
def test_blocks_from_other_readers(extra):
    kind = extra.pop("kind", "paragraph")
    raw = _raw([RawBlock(text="Một\nHai  ba", kind=kind, **extra), RawBlock(text="Bốn", kind=kind, **extra)])
    _, blocks = A.assemble(raw)
    rows = [dict(b) for b in blocks]
    assert [b.model_dump_json() for b in blocks] == [Block(**r).model_dump_json() for r in rows]
    assert all(type(b.confidence) is float for b in blocks if b.confidence is not None)


def test_a_bad_block_raises_what_block_raises():
    raw = _raw([RawBlock(text="Một", kind="line"), RawBlock(text="Hai", kind="bogus")])
    with pytest.raises(ValidationError) as got:
        A.assemble(raw)
    with pytest.raises(ValidationError) as want:
        Block(start=4, end=7, kind="bogus", index=1, page=None, table=None, row=None, col=None, style=None,
              outline_level=None, bold=None, numbering=None, confidence=None)
    assert str(got.value) == str(want.value)


def _lines() -> list[str]:
    rng = random.Random(43)
    bits = ["(1)", "(12)CÔNG", "Trang 2", "Trang 1Trường", "T", "t", "1PHÒNG", "12", "٣", "٣PH", "- 3 -", "-", "P", "Page 2",
            "Page 3 of 9", "a", "  ", "   ", " ", "\t", "\\n", "\\r\\n", "<p>", "&nbsp;", "ĐOÀN", "1.", "x)"]
    out = [ln for t in _texts()[:30] for ln in t.split("\n")]
    return out + ["".join(rng.choice(bits) for _ in range(rng.randint(0, 8))) for _ in range(20000)]


def test_line_tidying_is_the_regexes():
    from kehoach.parser.text.normalize import tidy_spaces

    def old_strip_markup(line):
        if "\\" in line:
            line = A.LEADING_COUNTER.sub("", A.LITERAL_ESCAPES.sub(" ", line).strip())
        else:
            line = A.LEADING_COUNTER.sub("", line)
        if "<" not in line and "&" not in line:
            return line
        line = A.TAG.sub(" ", A.PAGE_COUNTER.sub(" ", line))
        import html
        return A.ENTITY.sub(lambda m: html.unescape(m.group()), line).replace("\xa0", " ")

    hits = 0
    for ln in _lines():
        assert A.strip_markup(ln) == old_strip_markup(ln), repr(ln)
        assert A._tidy(ln) == (tidy_spaces(ln) if "  " in ln else ln.strip()), repr(ln)
        assert A._furniture(ln) == bool(A.PAGE_FURNITURE.match(ln)), repr(ln)
        hits += bool(A.PAGE_FURNITURE.match(ln)) + (A.LEADING_COUNTER.match(ln) is not None)
    assert hits > 1000, hits
