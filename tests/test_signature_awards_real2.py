"""Signature, Nơi nhận and awards as real documents write them (second round; invented text)."""
from conftest import parse_text

HEAD = (
    "CÔNG ĐOÀN GIÁO DỤC HUYỆN HOÀ VINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "CĐCS TRƯỜNG THCS LÊ MINH\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 14/KH-CĐ\nHoà Vinh, ngày 10 tháng 9 năm 2024\n"
)


def parse(text: str, nlp: bool = False):
    return parse_text(text, nlp=nlp)


def test_self_assessment_form_blank_endorsement_slot_is_not_the_signature():
    # the writer signs; the branch committee's TM. line under a dotted box is left blank
    text = (
        "CHI BỘ TRƯỜNG THCS LÊ MINH\nĐẢNG CỘNG SẢN VIỆT NAM\nHoà Vinh, ngày 02 tháng 12 năm 2024\n"
        "BẢN TỰ KIỂM ĐIỂM\nHọ và tên: Đặng Quốc Khánh\n"
        "1. Tự kiểm điểm:\n- Luôn chấp hành tốt chủ trương của Đảng.\n"
        "2. Tự nhận loại: hoàn thành tốt nhiệm vụ\n"
        "NGƯỜI TỰ KIỂM ĐIỂM\nĐẶNG QUỐC KHÁNH\n"
        "3. Ý kiến nhận xét của cấp uỷ\n" + "." * 400 + "\n"
        "T/M CHI UỶ\n(ký tên, đóng dấu)\n"
    )
    s = parse(text).signature
    assert (s.on_behalf, s.position, s.name) == (None, "NGƯỜI TỰ KIỂM ĐIỂM", "ĐẶNG QUỐC KHÁNH")


def test_name_over_nơi_nhận_when_a_stamp_hid_tm_and_position():
    text = HEAD + (
        "KẾ HOẠCH\nPhối hợp tổ chức hội thao năm 2024\n"
        "1. Mục đích\n- Phấn đấu 100% đoàn viên tham gia.\n2. Tổ chức thực hiện\n- Giao BCH triển khai.\n"
        "®€ ĐOÀN ~~\n(= HOÀ V¡\nLương Thị Mỹ Duyên\nNơi nhận:\n- LĐLĐ huyện;\n- Lưu VT.\n"
    )
    d = parse(text)
    assert d.signature.name == "Lương Thị Mỹ Duyên"
    assert d.recipients == ["LĐLĐ huyện", "Lưu VT"]


def test_recipient_wrapped_after_a_comma_and_specks_before_a_bullet():
    text = HEAD + (
        "KẾ HOẠCH\nTổ chức hội thao năm 2024\n"
        "1. Mục đích\n- Phấn đấu 100% đoàn viên tham gia.\n2. Tổ chức thực hiện\n- Giao BCH triển khai.\n"
        "Nơi nhận:\n- Phòng GD&ĐT: Trưởng phòng, Phó phòng,\nTổ Tổ chức, Tổ Văn thư;\n"
        "._ - Đoàn xã Hoà Vinh;\n- Lưu VT.\nTM. BAN CHẤP HÀNH\nCHỦ TỊCH\nPhan Văn Tường\n"
    )
    d = parse(text)
    assert d.recipients == ["Phòng GD&ĐT: Trưởng phòng, Phó phòng, Tổ Tổ chức, Tổ Văn thư",
                            "Đoàn xã Hoà Vinh", "Lưu VT"]
    assert (d.signature.on_behalf, d.signature.position, d.signature.name) == (
        "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Phan Văn Tường")


AWARDS_PLAN = HEAD + (
    "TỜ TRÌNH\nVề việc công nhận danh hiệu năm học 2023-2024\n"
    "1. Kết quả\n- Tổ Ngữ văn đã đạt được danh hiệu Tập thể lao động tiên tiến.\n"
    "- Qua rà soát kết quả các phong trào trong cả năm học vừa qua và đối chiếu với các tiêu chuẩn của cấp trên, "
    "ban chấp hành kính đề nghị Phòng Giáo dục huyện Hoà Vinh về kiểm tra công nhận danh hiệu Tổ công đoàn "
    "tiêu biểu cho tổ Toán - Tin của nhà trường trong đợt xét duyệt của năm học mới.\n"
    "2. Tổ chức thực hiện\n"
    "- Đề xuất tặng giấy chứng nhận của Ban Chấp hành Hội Cựu giáo chức, thư cảm\n"
    "ơn cho các tập thể, cá nhân có nhiều đóng góp cho hội thao.\n"
    "- 20/5: Tổng kết, trao giải (giải nhất 800.000đ/đội, Giải nhì: 500.000đ;\n"
    "Giải ba: 300.000đ).\n"
    "- Tặng giấy chứng nhận cho học sinh tham dự.\n"
    "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\nPhan Văn Tường\n"
)


def test_awards_asked_in_a_long_sentence_wrapped_and_in_a_prize_scale():
    got = [a.text.replace("\n", " ") for a in parse(AWARDS_PLAN, nlp=True).awards]
    assert got == [
        "Tổ Ngữ văn đã đạt được danh hiệu Tập thể lao động tiên tiến",
        # the comma clause of a long sentence that asks for the title
        "ban chấp hành kính đề nghị Phòng Giáo dục huyện Hoà Vinh về kiểm tra công nhận danh hiệu Tổ công đoàn "
        "tiêu biểu cho tổ Toán - Tin của nhà trường trong đợt xét duyệt của năm học mới",
        # a certificate in a named body's name, its line wrapped mid-word
        "Đề xuất tặng giấy chứng nhận của Ban Chấp hành Hội Cựu giáo chức, thư cảm ơn cho các tập thể, "
        "cá nhân có nhiều đóng góp cho hội thao",
        # a contest's prizes with their amounts, the parenthesis wrapped past a ';'
        "20/5: Tổng kết, trao giải (giải nhất 800.000đ/đội, Giải nhì: 500.000đ; Giải ba: 300.000đ)",
    ]  # a certificate for taking part, in no one's name, is no award
