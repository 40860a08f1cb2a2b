"""Targets on invented plans and reports: patterns met in real documents (corpora/real)."""
from __future__ import annotations

from conftest import target_texts


_targets = target_texts


def test_counts_under_a_situation_heading_say_what_there_is():
    text = ("KẾ HOẠCH HOẠT ĐỘNG NỮ CÔNG NĂM HỌC 2030-2031\n"
            "I.Đặc điểm tình hình\n"
            "Chị em trong đơn vị chiếm 60% số đảng viên trong chi bộ.\n"
            "* Thuận lợi:\n"
            "- Số đoàn viên ở gần trường khá đông: 9 người.\n"
            "- Học sinh 6 tuổi vào lớp 1 ra lớp đạt 100%.\n"
            "II.Nhiệm vụ\n"
            "- Phấn đấu 100% chị em tham gia hội thi cắm hoa.\n"
            "Khó khăn: đội ngũ chênh lệch giới (nữ 30/41 chiếm 73,2%).\n")
    assert _targets(text) == ["Học sinh 6 tuổi vào lớp 1 ra lớp đạt 100%",
                              "Phấn đấu 100% chị em tham gia hội thi cắm hoa"]


def test_a_count_listed_after_a_counted_one_shares_its_verb():
    text = ("BÁO CÁO KẾT QUẢ THÁNG 3 NĂM 2031\n"
            "- Trong tháng, bà con trồng mới bắp 15 ha, đậu phộng 6 ha.\n")
    assert _targets(text) == ["Trong tháng, bà con trồng mới bắp 15 ha", "đậu phộng 6 ha"]


def test_a_long_lead_before_voi_and_a_long_tail_after_the_count_are_left_out():
    text = ("BÁO CÁO TÌNH HÌNH QUÝ II NĂM 2031\n"
            "- Sau khi họp dân xong thì Ban quản lý chợ Hòa Lạc tiến hành thu phí chỉnh trang các ki-ốt với "
            "số tiền tạm thu là 2.400.000 đ/ki-ốt.\n"
            "- Đội dân phòng khu phố phối hợp cùng công an phường tổ chức tuần tra 6 cuộc, "
            "qua tuần tra không phát hiện vụ việc nào bất thường.\n"
            "- Tặng quà cho 20 cháu thiếu niên, nhi đồng là con của đoàn viên có hoàn cảnh khó khăn.\n")
    assert _targets(text) == [
        "số tiền tạm thu là 2.400.000 đ/ki-ốt",
        "Đội dân phòng khu phố phối hợp cùng công an phường tổ chức tuần tra 6 cuộc",
        "Tặng quà cho 20 cháu thiếu niên, nhi đồng là con của đoàn viên có hoàn cảnh khó khăn"]


def test_a_label_naming_whom_a_price_concerns_stays_a_part_label_goes():
    text = ("KẾ HOẠCH THAM QUAN HÈ NĂM 2031\n"
            "* Đối với người thân đi kèm:\n"
            "+ Người lớn đi kèm: đóng theo giá vé trọn gói là 3.150.000đ\n"
            "Chỉ tiêu và giải pháp: 97% đoàn viên tham gia chuyến tham quan đúng lịch trình\n")
    assert _targets(text) == ["Người lớn đi kèm: đóng theo giá vé trọn gói là 3.150.000đ",
                              "97% đoàn viên tham gia chuyến tham quan đúng lịch trình"]


def test_a_count_with_a_slash_after_its_unit_is_still_a_count():
    text = ("KẾ HOẠCH CUỘC THI Ý TƯỞNG SÁNG TẠO NĂM HỌC 2031-2032\n"
            "- Mỗi chi đoàn ít nhất 02 sản phẩm/mô hình dự thi.\n"
            "- Tối thiểu mỗi giáo viên chủ nhiệm có 3 buổi/1 tháng gặp gỡ phụ huynh.\n")
    assert _targets(text) == ["Mỗi chi đoàn ít nhất 02 sản phẩm/mô hình dự thi",
                              "Tối thiểu mỗi giáo viên chủ nhiệm có 3 buổi/1 tháng gặp gỡ phụ huynh"]


def test_what_a_count_is_worth_after_a_comma_is_the_same_target():
    text = ("THÔNG BÁO VỀ CÔNG TÁC CHỦ NHIỆM NĂM HỌC 2031-2032\n"
            "- Giáo viên chủ nhiệm họp lớp mỗi tuần 1 lần, tổng cộng mỗi tháng có 4 buổi họp, "
            "được tính 2 giờ chuẩn.\n")
    assert _targets(text) == ["Giáo viên chủ nhiệm họp lớp mỗi tuần 1 lần",
                              "tổng cộng mỗi tháng có 4 buổi họp, được tính 2 giờ chuẩn"]


def test_a_long_clause_keeps_the_objects_its_verb_lists():
    text = ("KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM HỌC 2031-2032\n"
            "Đẩy mạnh công tác giáo dục chính trị, đạo đức nhà giáo cho cán bộ, nhân viên; tuyên truyền, "
            "vận động 100% giáo viên và người lao động nhà trường chấp hành tốt chủ trương, chính sách của Đảng, "
            "pháp luật của Nhà nước và quy định của ngành.\n")
    assert _targets(text) == ["vận động 100% giáo viên và người lao động nhà trường chấp hành tốt chủ trương, "
                              "chính sách của Đảng, pháp luật của Nhà nước và quy định của ngành"]


def test_a_distance_in_metres_after_a_comparator():
    text = ("QUY ĐỊNH VỀ ĐIỂM KINH DOANH TRÒ CHƠI ĐIỆN TỬ\n"
            "- Địa điểm kinh doanh phải cách cổng các trường học tối thiểu 150m.\n")
    assert _targets(text) == ["Địa điểm kinh doanh phải cách cổng các trường học tối thiểu 150m"]


def test_every_period_slash_times_is_a_frequency():
    text = ("THÔNG BÁO VỀ SINH HOẠT LỚP NĂM HỌC 2031-2032\n"
            "- Các khoa sắp xếp lịch sinh hoạt lớp mỗi tuần/1 lần/45 phút.\n")
    assert _targets(text) == ["Các khoa sắp xếp lịch sinh hoạt lớp mỗi tuần/1 lần/45 phút"]


def test_a_decimal_count_and_the_basis_cited_before_it():
    text = ("THÔNG BÁO VỀ CHẾ ĐỘ LÀM VIỆC NĂM HỌC 2031-2032\n"
            "Theo quy định 415/QĐ-ĐHHL ngày 05/09/2030, mục III Chế độ làm việc, mỗi buổi họp được tính "
            "0,5 giờ chuẩn.\n")
    assert _targets(text) == ["mỗi buổi họp được tính 0,5 giờ chuẩn"]


def test_a_bare_count_after_va_ends_one_make_up():
    text = ("KẾ HOẠCH TẬP HUẤN CHUYỂN ĐỔI SỐ NĂM 2031\n"
            "- Thành phần: mỗi phòng chuyên môn cử 01 lãnh đạo phụ trách và 02 chuyên viên.\n")
    assert _targets(text) == ["Thành phần: mỗi phòng chuyên môn cử 01 lãnh đạo phụ trách và 02 chuyên viên"]


def test_a_count_given_as_a_labels_value():
    text = ("BÁO CÁO TỔNG KẾT NHIỆM KỲ 2026-2031\n"
            "- Số đoàn viên kết nạp mới trong nhiệm kỳ: 9\n"
            "- Số đoàn viên chuyển đi trong nhiệm kỳ: 4\n"
            "- Số đoàn viên đạt danh hiệu Lao động tiên tiến năm trước: 12\n")
    assert _targets(text) == ["Số đoàn viên kết nạp mới trong nhiệm kỳ: 9"]


def test_more_than_half_the_votes_is_a_quantity():
    text = ("THỂ LỆ BẦU CỬ ĐẠI HỘI CÔNG ĐOÀN NHIỆM KỲ 2031-2036\n"
            "3. Điều kiện trúng cử:\n"
            "Người trúng cử phải đạt quá nửa số phiếu bầu hợp lệ, lấy từ cao xuống thấp.\n")
    assert _targets(text) == ["Người trúng cử phải đạt quá nửa số phiếu bầu hợp lệ, lấy từ cao xuống thấp"]


def test_a_count_charged_or_bought_is_a_rule_of_the_plan():
    text = ("KẾ HOẠCH THAM QUAN HÈ NĂM 2031\n"
            "- Trẻ em đi kèm: cháu từ 12 tuổi trở lên tính 1 vé người lớn.\n"
            "- Mỗi gia đình mua thêm 2 vé xe nếu có nhu cầu.\n"
            "- Tính đến ngày 30/6/2031 công đoàn có 45 đoàn viên.\n")
    assert _targets(text) == ["Trẻ em đi kèm: cháu từ 12 tuổi trở lên tính 1 vé người lớn",
                              "Mỗi gia đình mua thêm 2 vé xe nếu có nhu cầu"]


def test_half_a_ticket_is_a_count():
    text = ("KẾ HOẠCH THAM QUAN HÈ NĂM 2031\n"
            "- Cháu từ 5 – 9 tuổi tính ½ vé tham quan.\n")
    assert _targets(text) == ["Cháu từ 5 – 9 tuổi tính ½ vé tham quan"]


def test_a_worked_example_in_parentheses_is_no_target():
    text = ("THÔNG BÁO VỀ NỘP HỒ SƠ NĂM HỌC 2031-2032\n"
            "- Khoa nộp trễ hạn bị trừ khối lượng giờ chuẩn còn lại (ví dụ nộp trễ 3 ngày, trừ 15%, "
            "giờ chuẩn còn lại là 2 (giờ chuẩn)*85%=1,7 (giờ chuẩn)).\n"
            "- Phấn đấu 100% giảng viên nộp hồ sơ đúng hạn.\n")
    assert _targets(text) == ["Phấn đấu 100% giảng viên nộp hồ sơ đúng hạn"]
