"""topics.assign on real parse() output of the seeds, and the classifier's documented rules."""
from __future__ import annotations

import pytest

from conftest import SEEDS, parsed
from kehoach import models
from kehoach.parser import topics
from kehoach.parser.schema import Target, iter_sections

REQUIRED = {"tuyen_truyen", "cham_lo", "thi_dua", "to_chuc", "nu_cong", "kiem_tra", "tai_chinh",
            "doi_ngoai", "chi_tieu", "kien_nghi"}


@pytest.fixture(scope="module")
def mn():
    return topics.assign(parsed(SEEDS / "mn-son-ca-2024-2025.txt", nlp=False, checks=False))


def test_taxonomy_is_data_with_the_required_topics():
    data = models.load("topics.yaml")["topics"]
    ids = [t["id"] for t in data]
    assert REQUIRED <= set(ids)
    assert len(ids) == len(set(ids))
    for t in data:
        assert t["label"] and t["kind"] in {"work_area", "structure", "list"}
        assert t["keywords"] and all(isinstance(w, (int, float)) and w > 0 for w in t["keywords"].values())
        # keywords are matched on fold()ed text: lower case only
        assert all(k == k.lower() for k in t["keywords"])


def test_every_section_gets_a_topic_and_confidence(mn):
    secs = list(iter_sections(mn.sections))
    assert len(secs) >= 15
    for s in secs:
        assert s.topic in topics.topic_ids()
        assert 0.0 <= s.topic_confidence <= 1.0
    assert topics.label("nu_cong") == "Nữ công, bình đẳng giới"


def test_assign_is_idempotent(mn):
    before = [(s.topic, s.topic_confidence) for s in iter_sections(mn.sections)]
    topics.assign(mn)
    assert [(s.topic, s.topic_confidence) for s in iter_sections(mn.sections)] == before


def test_heading_outweighs_body():
    # body all about finances, heading says nữ công
    topic, conf = topics.classify("Công tác nữ công", "Thu chi tài chính công đoàn, dự toán, quyết toán, đoàn phí.")
    assert topic == "nu_cong" and conf > 0.5


def test_first_phrase_of_a_heading_names_the_subject():
    assert topics.classify("Chăm lo đời sống đoàn viên; tham gia phong trào thi đua")[0] == "cham_lo"
    assert topics.classify("Phong trào thi đua; chăm lo đời sống đoàn viên")[0] == "thi_dua"


def test_heading_without_signal_leans_on_parent_then_body():
    assert topics.classify("Đối với Ban giám hiệu", "", parent="kien_nghi")[0] == "kien_nghi"
    t, conf = topics.classify("Nội dung khác", "Kết nạp đoàn viên mới, quản lý đoàn viên trên phần mềm.")
    assert t == "to_chuc" and conf < 0.7
    assert topics.classify("Phần cuối", "") == (topics.FALLBACK, 0.0)


def test_text_without_diacritics():
    assert topics.classify("CONG TAC NU CONG VA BINH DANG GIOI")[0] == "nu_cong"
    assert topics.classify("Cong tac tai chinh cong doan")[0] == "tai_chinh"


def test_targets_take_section_topic_or_their_own_line(mn):
    text = mn.text
    def target(phrase: str) -> Target:
        i = text.index(phrase)
        return Target(start=i, end=i + len(phrase), text=phrase)
    in_work_area = target("Thu đoàn phí 1% từ lương cơ bản")          # section 2.4 (xây dựng tổ chức)
    in_list = target("100% đoàn viên được thực hiện chế độ chính sách, chế độ tiền lương")  # section 3 (chỉ tiêu)
    mn.targets = [in_work_area, in_list]
    topics.assign(mn)
    sec = topics.deepest_section(mn, in_work_area.start)
    assert sec.number == "2.4." and in_work_area.topic == sec.topic == "to_chuc"
    assert topics.deepest_section(mn, in_list.start).topic == "chi_tieu"
    assert in_list.topic == "cham_lo"
