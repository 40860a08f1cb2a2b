import unicodedata

from kehoach.parser.readers.txt import decode, split_line, text_to_blocks


TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258_form(s: str) -> str:
    """cp1258 has precomposed â/ư/ơ/đ but tones as combining marks."""
    out = []
    for ch in s:
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base + tones)
    return "".join(out)


def test_decode_utf8_bom_and_utf16_and_cp1258():
    s = "Kế hoạch hoạt động công đoàn năm học 2024-2025"
    assert decode(("\ufeff" + s).encode("utf-8"), "x.txt") == (s, "utf-8-sig")
    assert decode(s.encode("utf-16"), "x.txt") == (s, "utf-16")
    assert decode(s.encode("utf-16-le"), "x.txt") == (s, "utf-16")
    text, enc = decode(to_cp1258_form(s).encode("cp1258"), "x.txt")
    assert (unicodedata.normalize("NFC", text), enc) == (s, "cp1258")


def test_two_columns_flattened_split():
    line = "LIÊN ĐOÀN LAO ĐỘNG QUẬN HÀ ĐÔNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert split_line(line) == ["LIÊN ĐOÀN LAO ĐỘNG QUẬN HÀ ĐÔNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert split_line("\tLIÊN ĐOÀN\t\tCỘNG HÒA") == ["LIÊN ĐOÀN", "CỘNG HÒA"]
    # ordinary double spaces inside a sentence stay together
    assert split_line("Nghị quyết  Đại hội Công đoàn") == ["Nghị quyết  Đại hội Công đoàn"]


def test_glued_heading_split():
    blocks = text_to_blocks("NHIỆM VỤ CỦA ĐƠN VỊ1. Công tác tuyên truyền")
    assert [b.text for b in blocks] == ["NHIỆM VỤ CỦA ĐƠN VỊ", "1. Công tác tuyên truyền"]
