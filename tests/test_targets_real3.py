"""Targets on invented plans and reports (third pass): patterns met in real documents (corpora/real)."""
from __future__ import annotations

from kehoach.parser import parse_bytes


def _targets(text: str) -> list[str]:
    return [t.text for t in parse_bytes(text.encode(), "t.txt", checks=False).targets]


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
