"""A congress's papers (helper real27): "THAM LUẬN" is a type of document (a speech read at a
congress), and a congress's rules, agenda and speeches name its term without being the term's
programme; its resolution still is. Wording invented for these tests."""
from conftest import parse_text

HEAD = ("HỘI LHPN HUYỆN HOA MAI\nHỘI PHỤ NỮ XÃ AN BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nAn Bình, ngày 10 tháng 5 năm 2021\n\n")
BODY = "\nI. KẾT QUẢ\n1. Hội đã tổ chức nhiều hoạt động.\nII. KIẾN NGHỊ\n1. Tăng cường phối hợp.\n"


def test_a_speech_at_a_congress_is_a_tham_luan_and_names_no_period_of_its_own():
    doc = parse_text(HEAD + "THAM LUẬN TẠI ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ HUYỆN HOA MAI LẦN THỨ XX, NHIỆM KỲ 2021 - 2026\n" + BODY,
                     nlp=False)
    assert doc.doc_type == "Tham luận"
    assert doc.title == "THAM LUẬN TẠI ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ HUYỆN HOA MAI LẦN THỨ XX, NHIỆM KỲ 2021 - 2026"
    assert doc.period is None


def test_a_congress_s_rules_name_no_period_its_resolution_does():
    rules = parse_text(HEAD + "QUY CHẾ ĐẠI HỘI ĐẠI BIỂU PHỤ NỮ HUYỆN HOA MAI LẦN THỨ XX, NHIỆM KỲ 2021 - 2026\n" + BODY,
                       nlp=False)
    assert (rules.doc_type, rules.period) == ("Quy chế", None)
    res = parse_text(HEAD + "NGHỊ QUYẾT\nĐại hội đại biểu Phụ nữ huyện Hoa Mai lần thứ XX, nhiệm kỳ 2021 - 2026\n" + BODY,
                     nlp=False)
    assert (res.period.kind, res.period.start, res.period.end) == ("term_of_office", "2021-01", "2026-12")


DECISION = ("UBND TỈNH HOA MAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 41/QĐ-UBND\nHoa Mai, ngày 05 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n\n")


def test_the_years_own_plan_under_a_programmes_stage():
    # the document's year first, then the programme it carries out with that programme's stage
    doc = parse_text(DECISION + "VỀ VIỆC PHÂN BỔ KẾ HOẠCH VỐN NĂM 2024 THỰC HIỆN ĐỀ ÁN XÂY DỰNG TRƯỜNG HỌC "
                     "GIAI ĐOẠN 2022-2025\n\n" + BODY, nlp=False)
    assert (doc.period.kind, doc.period.start, doc.period.end) == ("year", "2024-01", "2024-12")
    # a plan that carries out the programme over its whole stage keeps the stage
    doc = parse_text(DECISION.replace("QUYẾT ĐỊNH", "KẾ HOẠCH") + "THỰC HIỆN ĐỀ ÁN XÂY DỰNG TRƯỜNG HỌC GIAI ĐOẠN "
                     "2022-2025\n\n" + BODY, nlp=False)
    assert (doc.period.start, doc.period.end) == ("2022-01", "2025-12")
