"""Legacy Vietnamese encodings: TCVN3 (fixtures) and VNI (our own test data, checked against viparse)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kehoach.parser import parse
from kehoach.parser.readers import read_bytes
from kehoach.parser.text import legacy
from conftest import FIXTURES, SEEDS

DATA = Path(__file__).parent / "data" / "legacy"
MN = "mn-son-ca-2024-2025"
TH = "th-le-quy-don-2024"


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in unicodedata.normalize("NFC", text).splitlines() if ln.strip()]


def _seed(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def test_tcvn3_txt_decodes_to_the_seed_line_for_line() -> None:
    found = legacy.detect_and_decode((FIXTURES / f"{MN}_tcvn3.txt").read_bytes())
    assert found is not None
    text, enc = found
    assert enc == "tcvn3"
    # including the capitals TCVN3 cannot write (restored from the surrounding letters)
    assert _lines(text) == _lines(_seed(MN))


def test_vni_data_is_what_our_encoder_writes() -> None:
    assert (DATA / f"{TH}_vni.txt").read_bytes() == legacy.encode(_seed(TH), "vni")


def test_vni_data_agrees_with_an_independent_decoder() -> None:
    import re

    from viparse.normalize.vni import VNI  # corpus-derived (surface, letter) pairs, not our table

    pairs = dict(VNI.pairs)
    pattern = re.compile("|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True)))
    surface = (DATA / f"{TH}_vni.txt").read_bytes().decode("cp1252")
    theirs = pattern.sub(lambda m: pairs[m.group(0)], surface)
    seed = unicodedata.normalize("NFC", _seed(TH))
    # viparse documents one gap: it has no entry for ẳ/Ẳ ("aú"), which it leaves as is
    expected = seed.replace("ẳ", "aú").replace("Ẳ", "AÚ")
    assert _lines(theirs) == _lines(expected)
    assert "ẳ" in seed  # the gap is really exercised by the data


def test_vni_txt_round_trip() -> None:
    found = legacy.detect_and_decode((DATA / f"{TH}_vni.txt").read_bytes())
    assert found is not None and found[1] == "vni"
    assert _lines(found[0]) == _lines(_seed(TH))


@pytest.mark.parametrize("text", [
    "Kế hoạch hoạt động công đoàn năm học 2024-2025. Tổ chức Đại hội, phát động thi đua.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
])
def test_not_claimed_utf8_or_cp1258(text: str) -> None:
    assert legacy.detect_and_decode(text.encode("utf-8")) is None
    composed = "".join(c for c in text if c.encode("cp1258", errors="ignore"))
    assert legacy.detect_and_decode(composed.encode("cp1258")) is None
    # cp1258 in its decomposed (base + tone byte) form, as Windows writes it
    decomposed = unicodedata.normalize("NFD", text)
    data = decomposed.encode("cp1258", errors="ignore")
    assert legacy.detect_and_decode(data) is None


def test_ascii_and_latin1_western_text_not_claimed() -> None:
    assert legacy.detect_and_decode(b"Plan 2024: meeting notes only") is None
    assert legacy.detect_and_decode("Café au lait, déjà vu, naïve résumé".encode("cp1252")) is None


def test_font_encoding() -> None:
    assert legacy.font_encoding(".VnTime") == "tcvn3"
    assert legacy.font_encoding(".VnTimeH") == "tcvn3"
    assert legacy.font_encoding(".VnArial NarrowH") == "tcvn3"
    assert legacy.font_encoding("VNI-Times") == "vni"
    assert legacy.font_encoding("Times New Roman") is None
    assert legacy.font_encoding("") is None


def test_decode_str_runs() -> None:
    assert legacy.decode_str("KÕ ho¹ch", "tcvn3") == "Kế hoạch"
    assert legacy.decode_str("kÕ ho¹ch ho¹t ®éng", "tcvn3", upper=True) == "KẾ HOẠCH HOẠT ĐỘNG"
    assert legacy.decode_str("Keá hoaïch", "vni") == "Kế hoạch"
    assert legacy.decode_str("KEÁ HOAÏCH", "vni") == "KẾ HOẠCH"


def test_detect_str() -> None:
    assert legacy.detect_str("Keá hoaïch hoaït ñoäng") == "vni"
    assert legacy.detect_str("KÕ ho¹ch ho¹t ®éng") == "tcvn3"
    assert legacy.detect_str("Kế hoạch hoạt động") is None
    assert legacy.detect_str("Tôi là giáo viên") is None
    assert legacy.detect_str("plain ascii") is None


def test_txt_reader_records_the_encoding() -> None:
    raw = read_bytes((DATA / f"{TH}_vni.txt").read_bytes(), "x.txt")
    assert raw.encoding == "vni"
    raw = read_bytes((FIXTURES / f"{MN}_tcvn3.txt").read_bytes(), "x.txt")
    assert raw.encoding == "tcvn3"


def _summary(path: Path) -> dict:
    d = parse(path).model_dump()

    def secs(nodes):
        out = []
        for s in nodes:
            out.append((s["number"], s["level"], s["heading"]))
            out.extend(secs(s["children"]))
        return out

    return {
        "sections": secs(d["sections"]),
        "legal_refs": [(r["type"], r["symbol"], r["date"], r["issuer"]) for r in d["legal_refs"]],
        "targets": [(t["text"], t["value"], t["unit"]) for t in d["targets"]],
        "title": d["title"],
    }


@pytest.mark.parametrize("seed,variant", [
    (MN, FIXTURES / f"{MN}_tcvn3.txt"),
    (MN, FIXTURES / f"{MN}_tcvn3.docx"),
    (TH, DATA / f"{TH}_vni.txt"),
    (TH, DATA / f"{TH}_vni.docx"),
])
def test_legacy_parses_like_the_unicode_seed(seed: str, variant: Path) -> None:
    want = _summary(SEEDS / f"{seed}.txt")
    got = _summary(variant)
    assert want["sections"] and want["legal_refs"]
    assert got["sections"] == want["sections"]
    assert got["legal_refs"] == want["legal_refs"]
    assert got["targets"] == want["targets"]
    assert got["title"] == want["title"]


def test_legacy_docx_records_the_encoding() -> None:
    assert parse(FIXTURES / f"{MN}_tcvn3.docx").source.encoding == "tcvn3"
    assert parse(DATA / f"{TH}_vni.docx").source.encoding == "vni"


def test_legacy_font_lines_kept_as_web_text_are_decoded_line_by_line():
    """A school site pasted a TCVN3 plan into a UTF-8 page: the page's own Unicode text stays,
    the plan's lines are decoded, and the ư a site drops (TCVN3 byte 0xAD, a soft hyphen) is put
    back where the rhyme needs it."""
    from kehoach.parser import parse_bytes
    from kehoach.parser.text import legacy

    plan = ("Công đoàn trường tiểu học Hòa Bình\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC 2015-2016\n"
            "1. Tổ chức cho 100% đoàn viên học tập nghị quyết\n2. Thăm hỏi đoàn viên ốm đau\n")
    surface = legacy.encode(plan, "tcvn3").decode("cp1252").replace("\u00ad", "")  # the site drops 0xAD
    page = "Trang chủ » Tin tức » Công đoàn\n" + surface + "Lượt xem: 120\n"
    text, enc = legacy.decode_mixed(page)
    assert enc == "tcvn3"
    lines = text.split("\n")
    assert lines[0] == "Trang chủ » Tin tức » Công đoàn" and lines[-2] == "Lượt xem: 120"
    assert lines[1] == "Công đoàn trường tiểu học Hòa Bình"
    assert lines[4] == "1. Tổ chức cho 100% đoàn viên học tập nghị quyết"
    d = parse_bytes(page.encode("utf-8"), "trang.txt", checks=False)
    assert d.source.encoding == "utf-8+tcvn3"
    assert [s.number for s in d.sections] == ["1.", "2."] and d.targets[0].value == 100
    # Unicode text with the same symbols in passing is left alone
    assert legacy.decode_mixed("Giá 50.000đ ± 5% ®\nKế hoạch năm 2024") == ("Giá 50.000đ ± 5% ®\nKế hoạch năm 2024", None)
