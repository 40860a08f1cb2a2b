"""Legal references as people type them (issue 3)."""
from __future__ import annotations

import pytest

from kehoach.parser.nlp.dates import find_dates
from kehoach.parser.nlp.refs import find_mentions, merge, parse_symbol


def refs(text: str) -> list[dict]:
    return merge(find_mentions(text, find_dates(text)))


@pytest.mark.parametrize("symbol,want", [
    ("29 NQ/TW", ("29", "party", None, "NQ", "TW")),
    ("29-NQ-TW", ("29", "party", None, "NQ", "TW")),
    ("36-HD/VPTW", ("36", "party", None, "HD", "VPTW")),
    ("11/2020/TT-BGD-ĐT", ("11", "state", 2020, "TT", "BGD-ĐT")),
    ("30/2020/NĐ-CP", ("30", "state", 2020, "NĐ", "CP")),
    ("1234/BGDĐT-VP", ("1234", "state", None, None, "BGDĐT-VP")),
    ("14 / BC - LĐLĐ", ("14", "state", None, "BC", "LĐLĐ")),
    ("6a/KH-CĐ", ("6a", "state", None, "KH", "CĐ")),
    ("348/PGD&ĐT", ("348", "state", None, None, "PGD&ĐT")),
    ("15/CTr–CĐGD", ("15", "state", None, "CTr", "CĐGD")),
    ("12/2012/QH13", ("12", "state", 2012, None, "QH13")),
])
def test_symbol_parts(symbol, want):
    p = parse_symbol(symbol)
    assert (p["number"], p["system"], p["year"], p["type_code"], p["issuer_code"]) == want


def test_forms_people_type():
    text = ("Căn cứ Nghị quyết 29 NQ/TW của Ban Chấp hành Trung ương về đổi mới giáo dục; "
            "chỉ thị số 05-CT/TWcủa Bộ Chính trị về việc học tập và làm theo tấm gương đạo đức; "
            "Thông tư 11/2020/TT-BGDĐT, ngày 19-5-2020 của Bộ Giáo dục và Đào tạo về dân chủ; "
            "nghị định 71/CP của Chính phủ; Công văn số 1234 / BGDĐT - VP ngày2/3/2021 của Văn phòng Bộ.")
    got = {r["symbol"]: r for r in refs(text)}
    assert set(got) == {"29 NQ/TW", "05-CT/TW", "11/2020/TT-BGDĐT", "71/CP", "1234 / BGDĐT - VP"}
    assert got["29 NQ/TW"]["issuer"] == "Ban Chấp hành Trung ương"
    assert (got["05-CT/TW"]["type"], got["05-CT/TW"]["issuer"], got["05-CT/TW"]["subject"]) == (
        "Chỉ thị", "Bộ Chính trị", "học tập và làm theo tấm gương đạo đức")
    t = got["11/2020/TT-BGDĐT"]
    assert (t["date"], t["issuer"], t["year"]) == ("2020-05-19", "Bộ Giáo dục và Đào tạo", 2020)
    assert (got["71/CP"]["type"], got["71/CP"]["issuer"]) == ("Nghị định", "Chính phủ")
    assert got["1234 / BGDĐT - VP"]["date"] == "2021-03-02"


def test_law_symbol_keeps_the_term_number():
    (r,) = refs("Căn cứ Luật Công đoàn số 12/2012/QH13 ngày 20 tháng 6 năm 2012 của Quốc hội;")
    assert (r["type"], r["symbol"], r["date"], r["issuer"], r["year"]) == ("Luật", "12/2012/QH13", "2012-06-20",
                                                                          "Quốc hội", 2012)


def test_issuer_after_date_and_stops():
    text = ("Căn cứ Thông báo số 1005/TB-TLĐ của Tổng Liên đoàn ngày 24/10/2024 về Định hướng; "
            "Thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị và “Đổi mới tổ chức”.")
    got = {r["symbol"]: r for r in refs(text)}
    assert got["1005/TB-TLĐ"]["date"] == "2024-10-24"
    assert got["1005/TB-TLĐ"]["issuer"] == "Tổng Liên đoàn Lao động Việt Nam"  # short form expanded
    assert got["02-NQ/TW"]["issuer"] == "Bộ Chính trị"


def test_not_references():
    text = ("Thực hiện Nghị quyết Đại hội Công đoàn cơ sở nhiệm kỳ 2023 - 2028; Luật Công đoàn (sửa đổi); "
            "CHƯƠNG TRÌNH 1 Tham gia xây dựng Đảng; Kế hoạch 2024-2025 của trường; Quyết định 12 thành viên.")
    assert refs(text) == []


def test_one_reference_two_dates():
    text = ("Căn cứ Công văn số 25/LĐLĐ ngày 01 tháng 8 năm 2024 của LĐLĐ thị xã.\n"
            "Triển khai công văn 25 / LĐLĐ ngày 01/8/2023 đến đoàn viên.\n"
            "Theo Công văn số 25/LĐLĐ của LĐLĐ thị xã Hương Thủy.")
    (r,) = refs(text)
    assert r["date"] == "2024-08-01" and r["dates_seen"] == ["2024-08-01", "2023-08-01"]
    assert len(r["mentions"]) == 3 and r["issuer"] == "LĐLĐ thị xã Hương Thủy"


def test_real_citation_shapes():
    """Shapes met in real plans (issue 11), in our own words."""
    from kehoach.parser import parse_bytes

    text = ("KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM 2024\n"
            "Căn cứ Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Hội nghị Trung ương 8 Khóa XI về đổi mới giáo dục;\n"
            "Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 02/01/2024 của Liên đoàn Lao động huyện Đông Sơn V/v tổ chức Tết;\n"
            "Căn cứ Kế hoạch số 21/KH-BCĐ ngày 05/01/2024 của Ban Chỉ đạo huyện Kế hoạch tổ chức Tháng Công nhân;\n"
            "Thực hiện Chỉ thị số 4001/CT-BGDĐT ngày 20/8/2023 về nhiệm vụ năm học 2023-2024 của Bộ Giáo dục và Đào tạo;\n"
            "Thực hiện ý kiến chỉ đạo của Thủ tướng Chính phủ tại số 812/QĐ-TTg ngày 01/6/2023 về chương trình;\n"
            "Văn bản số 66/CĐN-TC ngày 09/02/2024, số 70/CĐN-TC ngày 12/02/2024 của Công đoàn ngành;\n"
            "Căn cứ Quyết định\nsố 912/QĐ-UBND ngày 16/9/2023 của UBND huyện Đông Sơn;\n"
            "Căn cứ Nghị định số 42/2010/NÐ-CP của Chính phủ.\n"
            "1. Nội dung\n- Tổ chức hội nghị.\n")
    d = parse_bytes(text.encode(), "r.txt", checks=False)
    refs = {r.symbol: r for r in d.legal_refs}
    assert refs["29-NQ/TW"].issuer == "Hội nghị Trung ương 8 Khóa XI"
    assert refs["15/KH-LĐLĐ"].issuer == "Liên đoàn Lao động huyện Đông Sơn"
    assert refs["21/KH-BCĐ"].issuer == "Ban Chỉ đạo huyện"
    r = refs["4001/CT-BGDĐT"]
    assert (r.issuer, r.subject) == ("Bộ Giáo dục và Đào tạo", "nhiệm vụ năm học 2023-2024")
    assert (refs["812/QĐ-TTg"].type, refs["812/QĐ-TTg"].date) == ("Quyết định", "2023-06-01")
    assert refs["70/CĐN-TC"].type == "Văn bản" and refs["70/CĐN-TC"].date == "2024-02-12"
    assert refs["912/QĐ-UBND"].type == "Quyết định" and refs["912/QĐ-UBND"].issuer == "UBND huyện Đông Sơn"
    assert refs["42/2010/NĐ-CP"].type == "Nghị định"  # the eth (Ð) read as đ


def test_issuers_across_wrapped_lines_before_the_symbol_and_without_cua():
    from kehoach.parser import parse_bytes

    text = ("KẾ HOẠCH HOẠT ĐỘNG NĂM 2024\n"
            "Căn cứ\nQuyết định số\n205/QĐ-TLĐ\nngày\n10/01/2023\ncủa Tổng Liên đoàn Lao động Việt Nam về việc ban hành;\n"
            "Căn cứ Quyết định số 61/2023/QĐ-BGD&ĐT ngày 31/8/2023 của Bộ trưởng Bộ Giáo dục\nvà Đào tạo về chương trình;\n"
            "Thực hiện sự chỉ đạo của Sở GD&ĐT Hà Giang tại công văn số 1221/SGDĐT-GDTrH ngày 18/10/2023 về dạy học;\n"
            "Căn cứ Nghị quyết số 11/NQ-CĐ ngày 20/01/2024 Ban Chấp hành Công đoàn ngành về nhiệm vụ năm 2024;\n"
            "Căn cứ Nghị định số 55/2023/NĐ-CP ngày 02/2/2023 của Chính phủ sửa đổi Nghị định về tiền lương.\n"
            "1. Nội dung\n- Tổ chức hội nghị.\n")
    d = parse_bytes(text.encode(), "r.txt", checks=False)
    got = {r.symbol: (r.date, r.issuer) for r in d.legal_refs}
    assert got["205/QĐ-TLĐ"] == ("2023-01-10", "Tổng Liên đoàn Lao động Việt Nam")
    assert got["61/2023/QĐ-BGD&ĐT"] == ("2023-08-31", "Bộ trưởng Bộ Giáo dục và Đào tạo")
    assert got["1221/SGDĐT-GDTrH"] == ("2023-10-18", "Sở GD&ĐT Hà Giang")
    assert got["11/NQ-CĐ"] == ("2024-01-20", "Ban Chấp hành Công đoàn ngành")
    assert got["55/2023/NĐ-CP"] == ("2023-02-02", "Chính phủ")


def test_the_document_naming_itself_is_no_reference():
    """Its own number: on the Số line, in a site's 'Số hiệu:' card, in the title that opens with
    it, on the '(Ban hành kèm theo ...)' line of an attached regulation. A title or a Căn cứ that
    cites another document keeps it."""
    from kehoach.parser import parse_bytes

    parse_text = lambda t: parse_bytes(t.encode("utf-8"), "x.txt", checks=False)  # noqa: E731
    own_title = ("Hướng dẫn số 07/HD-CĐN ngày 02 tháng 3 năm 2023 của Công đoàn ngành Giáo dục "
                 "về công tác nữ công\nSố hiệu: 07/HD-CĐN\n"
                 "Thực hiện Hướng dẫn số 05/HD-LĐLĐ ngày 10/01/2023 của Liên đoàn Lao động tỉnh, "
                 "Công đoàn ngành hướng dẫn như sau:\n1. Mục đích\nCác công đoàn cơ sở tổ chức hoạt động.\n")
    d = parse_text(own_title)
    assert [r.symbol for r in d.legal_refs] == ["05/HD-LĐLĐ"]
    cites = ("CÔNG ĐOÀN TRƯỜNG THCS AN BÌNH\nSố: 11/KH-CĐ\nKẾ HOẠCH\nThực hiện Công văn số 42/CĐN-NC "
             "ngày 05/9/2024 của Công đoàn ngành\nI. MỤC ĐÍCH\nTổ chức tốt hoạt động.\n"
             "Trên đây là Kế hoạch số 11/KH-CĐ của Công đoàn trường.\n")
    d = parse_text(cites)
    assert [r.symbol for r in d.legal_refs] == ["42/CĐN-NC"]
    attached = ("QUY CHẾ\nChi tiêu nội bộ\n(Ban hành kèm theo Quyết định số 03/QĐ-CĐCS ngày 12/9/2024)\n"
                "Điều 1. Căn cứ Quy chế ban hành kèm theo Quyết định số 27/QĐ-LĐLĐ ngày 10/01/2023.\n")
    assert [r.symbol for r in parse_text(attached).legal_refs] == ["27/QĐ-LĐLĐ"]


@pytest.mark.parametrize("text,want", [
    # one "của" closes a list of documents
    ("Căn cứ Quyết định số 15 QĐ/TLĐ ngày 24/12/2020 và Hướng dẫn số 19 HD/TLĐ, ngày 04/02/2021 của Đoàn Chủ tịch "
     "Tổng Liên đoàn Lao động Việt Nam về thi đua.",
     [("15 QĐ/TLĐ", "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"), ("19 HD/TLĐ", "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam")]),
    ("Theo Báo cáo số 31/BC-SNV ngày 3/5/2022, số 47/BC-SNV ngày 9/6/2022 của Sở Nội vụ;",
     [("31/BC-SNV", "Sở Nội vụ"), ("47/BC-SNV", "Sở Nội vụ")]),
    # a steering board is named by its task
    ("Thực hiện Kế hoạch số 21/KH-BCĐ ngày 27/02/2023 của Ban chỉ đạo thực\nhiện Quy chế dân chủ ở cơ sở huyện "
     "Đông Anh về việc sơ kết.", [("21/KH-BCĐ", "Ban chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện Đông Anh")]),
    ("Thực hiện Kế hoạch số 30/KH-UBND ngày 5/3/2023 của Ban Chỉ đạo tỉnh về phòng chống thiên tai",
     [("30/KH-UBND", "Ban Chỉ đạo tỉnh")]),
    # a PDF's hard line ends inside the issuer, and a verb after them
    ("Căn cứ Quyết định số 1665/QĐ-TTg ngày 20/10/2017 của Thủ tướng Chính phủ\nphê duyệt Đề án",
     [("1665/QĐ-TTg", "Thủ tướng Chính phủ")]),
    ("Căn cứ Thông tư số 07/2022/TT-BGDĐT ngày 23/5/2022 của Bộ Giáo dục và\nĐào tạo ban hành Quy chế;",
     [("07/2022/TT-BGDĐT", "Bộ Giáo dục và Đào tạo")]),
    ("Căn cứ Kế hoạch số 31/KH-THPTAB ngày 14/11/2025 của Trường THPT\nAn Bình về truyền thông",
     [("31/KH-THPTAB", "Trường THPT An Bình")]),
    ("theo Quyết định 217-QĐ/TW CỦA BỘ CHÍNH TRỊ\nI. MỤC ĐÍCH", [("217-QĐ/TW", "BỘ CHÍNH TRỊ")]),
    # the dot of TP.HCM is no sentence end; "thực hiện" after the body is a verb
    ("Căn cứ Kế hoạch số 468/KH-UBND ngày 16/12/2022 của UBND TP.HCM về triển khai", [("468/KH-UBND", "UBND TP.HCM")]),
    ("theo Quyết định số 118/QĐ-UBND của Uỷ ban nhân dân tỉnh thực hiện Nghị định số 92/2009/NĐ-CP của Chính phủ.",
     [("118/QĐ-UBND", "Uỷ ban nhân dân tỉnh"), ("92/2009/NĐ-CP", "Chính phủ")]),
])
def test_issuers_shared_named_by_task_and_across_pdf_lines(text, want):
    assert [(r["symbol"], r["issuer"]) for r in refs(text)] == want


def test_codes_as_typed_on_real_pages():
    # a party code spaced from its "TW", a capital with marks (TƯ), "_" typed for "-", a dot
    # inside a code; "Điều lệ 13- Điều lệ ..." is a word, not a code
    text = ("Thực hiện Hướng dẫn số 05-HD/UBKT TW ngày 12/3/2022 về kiểm tra; Chỉ thị số 41-CTTƯ về dân chủ; "
            "Quyết định số 21/2009/QĐ_BTNMT ngày 4 tháng 6 năm 2009 của Bộ Tài nguyên và Môi trường; "
            "Thông báo số: 88/TB-THCS.LT về việc tổ chức hội thao; Quy chế số 215/QC.UB-CĐN ngày 3/5/2006; "
            "Căn cứ Điều lệ 12- Điều lệ Công đoàn Việt Nam.")
    got = {r["symbol"]: r for r in refs(text)}
    assert set(got) == {"05-HD/UBKT TW", "41-CTTƯ", "21/2009/QĐ_BTNMT", "88/TB-THCS.LT", "215/QC.UB-CĐN"}
    assert got["05-HD/UBKT TW"]["date"] == "2022-03-12"
    assert got["21/2009/QĐ_BTNMT"]["issuer"] == "Bộ Tài nguyên và Môi trường"
    assert parse_symbol("21/2009/QĐ_BTNMT")["type_code"] == "QĐ"


def test_glued_and_doubled_number_words():
    text = ("Căn cứ Quyết địnhsố 17/2011/QĐ-TTg ngày 14 tháng 3 năm 2011 của Thủ tướng Chính phủ banhành Quy chế; "
            "Căn cứ LuậtGiáo dục số 43/2019/QH14; Căn cứ công văn Số: Số: 215/CV-PGD&ĐT ngày 2 tháng 9 năm 2019 "
            "của Phòng GD&ĐT về khai giảng.")
    got = {r["symbol"]: r for r in refs(text)}
    assert set(got) == {"17/2011/QĐ-TTg", "43/2019/QH14", "215/CV-PGD&ĐT"}
    assert got["17/2011/QĐ-TTg"]["issuer"] == "Thủ tướng Chính phủ"
    assert got["215/CV-PGD&ĐT"]["date"] == "2019-09-02"


def test_date_after_the_place_of_the_issuer_code():
    text = ("Triển khai công văn số 14/KH-LĐLĐ thành phố Tam Điệp ngày 5/4/2021 về hội thi; "
            "Thực hiện công văn số 302/CV-PGD&ĐT Kim Sơn, ngày 07 tháng\n05 năm 2021 v/v tổng kết.")
    got = {r["symbol"]: r for r in refs(text)}
    assert got["14/KH-LĐLĐ"]["date"] == "2021-04-05"
    assert got["302/CV-PGD&ĐT"]["date"] == "2021-05-07"


def test_issuer_on_the_next_line_or_in_a_title_in_capitals():
    text = ("Căn cứ Hướng dẫn số 11/HD/BTGTU ngày 03 tháng 10 năm 2024 của\nBan Tuyên giáo Thành ủy về tuyên truyền;\n"
            "Căn cứ Kế hoạch số 2210/KH-SGDĐT ngày 12/9/2024 của Sở GD&ĐT\nTP.HCM về hội thi;\n"
            "KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 21-CT/TW NGÀY 04/5/2023 CỦA BAN\nBÍ THƯ VỀ CÔNG TÁC DÂN VẬN")
    got = {r["symbol"]: r for r in refs(text)}
    assert got["11/HD/BTGTU"]["issuer"] == "Ban Tuyên giáo Thành ủy"
    assert got["2210/KH-SGDĐT"]["issuer"] == "Sở GD&ĐT TP.HCM"
    assert got["21-CT/TW"]["issuer"] == "BAN BÍ THƯ"


def test_issuer_leading_a_list_and_not_the_guiding_documents():
    text = ("Căn cứ các Quyết định của Thủ tướng\nChính phủ: số 522/QĐ-TTg ngày 14/5/2018 về việc phê duyệt Đề án; "
            "Căn cứ Công văn số 845/SGDĐT-GDTrH ngày 2 tháng 3 năm 2024 về hướng dẫn dạy học STEM của Sở Giáo dục "
            "và Đào tạo tỉnh Nam Định theo Công văn số 512/BGDĐT-GDTrH ngày 10/2/2024 của Bộ Giáo dục và Đào tạo; "
            "Căn cứ Chương trình phối hợp 67a/CTPH-SYT-LĐLĐ ngày 9/8/2022; Chương trình hành động số 18-CTr/TU.")
    got = {r["symbol"]: r for r in refs(text)}
    assert got["522/QĐ-TTg"]["issuer"] == "Thủ tướng Chính phủ"
    assert got["845/SGDĐT-GDTrH"]["issuer"] == "Sở Giáo dục và Đào tạo tỉnh Nam Định"
    assert got["67a/CTPH-SYT-LĐLĐ"]["type"] == "Chương trình phối hợp"
    assert got["18-CTr/TU"]["type"] == "Chương trình hành động"


def test_an_issuer_stops_at_a_subject_written_in_title_case():
    from kehoach.parser import parse_bytes

    t = ("KẾ HOẠCH TỔ CHỨC NGÀY NHÀ GIÁO\nCăn cứ Công văn số 14/CĐN ngày 6/11/2023 của Công đoàn ngành Giáo dục Về việc "
         "tổ chức các hoạt động chào mừng ngày 20/11;\n1. Nhiệm vụ\n")
    d = parse_bytes(t.encode(), "a.txt", checks=False)
    assert [(r.symbol, r.issuer) for r in d.legal_refs] == [("14/CĐN", "Công đoàn ngành Giáo dục")]
