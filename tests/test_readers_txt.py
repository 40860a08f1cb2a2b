import unicodedata

from kehoach.parser.readers.txt import decode, split_line, text_to_blocks


def test_decode_utf8_bom_and_utf16_and_cp1258():
    s = "Kế hoạch hoạt động công đoàn năm học 2024-2025"
    assert decode(("\ufeff" + s).encode("utf-8"), "x.txt") == (s, "utf-8-sig")
    assert decode(s.encode("utf-16"), "x.txt") == (s, "utf-16")
    assert decode(s.encode("utf-16-le"), "x.txt") == (s, "utf-16")
    text, enc = decode(unicodedata.normalize("NFD", s).encode("cp1258"), "x.txt")
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
