"""Place-date lines as real pages break them (helper real26): a draft's blank day and month whose
wide spaces a text reader takes for column gaps ("Thanh Oai, ngày" / "tháng" / "năm 2024"), and a
place with an administrative prefix glued on ("X.Hòa Bình") beside the number. Invented wording."""
from conftest import parse_text

BODY = "I. MỤC ĐÍCH\n1. Làm tốt công tác phối hợp.\n"


def test_blank_day_and_month_read_as_three_cells():
    text = ("UBND HUYỆN LẠC SƠN\nTRƯỜNG MN HOA SEN\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Lạc Sơn, ngày        tháng       năm 2025\n\n"
            "KẾ HOẠCH\nPhối hợp giữa nhà trường và công đoàn năm học 2025 - 2026\n" + BODY)
    h = parse_text(text, nlp=False).header
    assert (h.place, h.date) == ("Lạc Sơn", None)


def test_place_with_a_glued_prefix_beside_the_number():
    text = ("PHÒNG GD&ĐT HUYỆN TÂN LẠC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "TRƯỜNG TH ĐỊNH CƯ Độc lập - Tự do - Hạnh phúc\n"
            "Số: 14/KH-THĐC TT.Mãn Đức, ngày 08 tháng 9 năm 2025\n"
            "KẾ HOẠCH\nKiểm tra nội bộ năm học 2025-2026\n" + BODY)
    h = parse_text(text, nlp=False).header
    assert (h.number, h.place, h.date) == ("14/KH-THĐC", "TT.Mãn Đức", "2025-09-08")
