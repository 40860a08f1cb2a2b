"""Targets on invented plans and reports (third pass): patterns met in real documents (corpora/real)."""
from __future__ import annotations

from conftest import target_texts


_targets = target_texts


def test_text_whose_letters_were_lost_to_question_marks_gives_no_target():
    line = "- Gi?ng viên ph?i n?p b?o c?o ??ng h?n, m?i ng?y tr? tr? 5% kh?i l??ng gi? chu?n.\n"
    text = "K? HO?CH CÔNG TÁC N?M H?C 2030-2031\n" + line * 4 + "- Hoàn thành 100% kế hoạch.\n"
    assert _targets(text) == []


def test_a_count_of_none_is_a_count():
    text = ("BIÊN BẢN HỘI NGHỊ BẦU BỔ SUNG NĂM 2031\n"
            "Hội nghị quyết định số lượng bầu là 01 người. Số lượng ứng cử 0 người; đề cử 01 người.\n")
    assert _targets(text) == ["Hội nghị quyết định số lượng bầu là 01 người", "Số lượng ứng cử 0 người",
                              "đề cử 01 người"]


def test_a_count_of_a_noun_outside_the_unit_table_with_an_action_verb():
    text = ("BÁO CÁO KẾT QUẢ QUÝ I NĂM 2031\n"
            "- Đến nay cả 9 xã, phường đã thành lập tổ hòa giải ở cơ sở.\n"
            "- Đoàn viên đến thăm hỏi 3 gia đình chính sách trên địa bàn.\n"
            "- Phấn đấu xây dựng ít nhất 02 - 03 nhà văn hóa cho công nhân.\n"
            "- Nội dung gồm 4 phần, tổ chức trong 2 ngày.\n"
            "2 Ban chấp hành tổ chức họp định kỳ.\n")
    assert _targets(text) == ["Đến nay cả 9 xã, phường đã thành lập tổ hòa giải ở cơ sở",
                              "Đoàn viên đến thăm hỏi 3 gia đình chính sách trên địa bàn",
                              "Phấn đấu xây dựng ít nhất 02 - 03 nhà văn hóa cho công nhân"]


def test_times_in_words_right_after_an_action_word():
    text = ("HƯỚNG DẪN XÉT TẶNG HUY HIỆU NĂM 2031\n"
            "- Huy hiệu “Vì sự nghiệp giáo dục vùng cao” được tặng một lần cho mỗi cá nhân.\n"
            "- Cán bộ cần nhắc lại một lần nữa quy định này.\n")
    assert _targets(text) == ["Huy hiệu “Vì sự nghiệp giáo dục vùng cao” được tặng một lần cho mỗi cá nhân"]


def test_a_stretch_after_dinh_ky_is_how_often():
    text = ("CHỈ THỊ VỀ CÔNG TÁC THƯ VIỆN NĂM 2031\n"
            "Giao Phòng Văn hóa theo dõi, đôn đốc và định kỳ ba tháng báo cáo Ủy ban nhân dân huyện.\n")
    assert _targets(text) == ["Giao Phòng Văn hóa theo dõi, đôn đốc và định kỳ ba tháng báo cáo Ủy ban nhân dân huyện"]


def test_a_long_clause_keeps_the_subject_of_the_verbs_listed_before_it():
    text = ("CHỈ THỊ VỀ CÔNG TÁC THƯ VIỆN NĂM 2031\n"
            "Giao Phòng Văn hóa và Thông tin huyện theo dõi, đôn đốc, kiểm tra và định kỳ ba tháng báo cáo "
            "Ủy ban nhân dân huyện về kết quả triển khai thực hiện Chỉ thị này trên toàn địa bàn huyện nhà.\n")
    assert _targets(text) == [
        "Giao Phòng Văn hóa và Thông tin huyện theo dõi, đôn đốc, kiểm tra và định kỳ ba tháng báo cáo "
        "Ủy ban nhân dân huyện về kết quả triển khai thực hiện Chỉ thị này trên toàn địa bàn huyện nhà"]


def test_the_size_of_a_board_the_plan_sets_up():
    text = ("KẾ HOẠCH TỔ CHỨC HỘI THI GIÁO VIÊN GIỎI NĂM HỌC 2030-2031\n"
            "I. Tổ chức\n"
            "1. Hội đồng chấm thi: 07 thành viên (BGH, tổ trưởng chuyên môn)\n"
            "2. Tổ Ngữ văn: 8 giáo viên\n")
    assert _targets(text) == ["Hội đồng chấm thi: 07 thành viên (BGH, tổ trưởng chuyên môn)"]


def test_a_count_under_a_heading_naming_who_takes_part():
    text = ("KẾ HOẠCH TỔ CHỨC HỘI THI CẮM HOA NĂM 2031\n"
            "I. Mục đích\n"
            "- Chào mừng ngày Phụ nữ Việt Nam 20/10.\n"
            "II. Đối tượng tham gia\n"
            "- 6 tổ công đoàn\n"
            "III. Đặc điểm\n"
            "- 4 tổ chuyên môn\n")
    assert _targets(text) == ["6 tổ công đoàn"]


def test_how_many_attend_an_event_in_parentheses_after_its_name():
    text = ("KẾ HOẠCH NGÀY HỘI HƯỚNG NGHIỆP NĂM HỌC 2030-2031\n"
            "III. Tiến độ\n"
            "12/10: Hội thảo hướng nghiệp khối 12 (320 HS).\n"
            "- Tổ Toán (8 GV).\n")
    assert _targets(text) == ["Hội thảo hướng nghiệp khối 12 (320 HS)"]


def test_a_condition_on_whom_closed_by_its_threshold_is_left_out():
    text = ("KẾ HOẠCH THAM QUAN HÈ NĂM 2031\n"
            "+ Đối với nhân viên (kể cả hợp đồng) có thời gian công tác tại trường từ 6 tháng trở lên "
            "công đoàn hỗ trợ 50% chi phí chuyến đi.\n")
    assert _targets(text) == ["công đoàn hỗ trợ 50% chi phí chuyến đi"]


def test_a_stretch_in_parentheses_after_dinh_ky_is_how_often():
    text = ("CHƯƠNG TRÌNH PHỐI HỢP GIAI ĐOẠN 2031-2035\n"
            "Việc sơ kết được thực hiện theo định kỳ (sau 3 năm tổ chức sơ kết, sau 5 năm tổng kết).\n")
    assert _targets(text) == ["Việc sơ kết được thực hiện theo định kỳ (sau 3 năm tổ chức sơ kết, sau 5 năm tổng kết)"]


def test_the_closing_sentence_summing_up_restates_the_targets():
    text = ("KẾ HOẠCH HỘI THI Ý TƯỞNG SÁNG TẠO NĂM HỌC 2030-2031\n"
            "I. Mục đích\n"
            "- Chọn tối đa 04 sản phẩm tham dự cấp huyện.\n"
            "Trên đây là kế hoạch tổ chức hội thi cấp trường để chọn ra tối đa 04 sản phẩm\n"
            "tham dự cấp huyện./.\n")
    assert _targets(text) == ["Chọn tối đa 04 sản phẩm tham dự cấp huyện"]
