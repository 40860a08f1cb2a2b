"""The checks on the real seeds and their fixtures, scored by ../shared/eval/score.py, and the
legitimate mentions of other periods that must stay quiet."""
from __future__ import annotations

import json
from functools import lru_cache

import pytest

from conftest import FIXTURES, GOLD, GOLD_FIXTURES, SEEDS
from kehoach.parser import parse, parse_bytes
from scoring import score


@lru_cache(maxsize=None)
def _doc(path: str):
    return parse(path)


def _findings_tally(gold_dir, pairs):
    t = {f: score.Tally() for f in score.FIELDS}
    logs = []
    for doc_id, path in pairs:
        g = json.loads((gold_dir / f"{doc_id}.json").read_text(encoding="utf-8"))["gold"]
        pred = json.loads(_doc(str(path)).to_json())
        log: list[str] = []
        score.score_doc(g, pred, t, log)
        logs += [x for x in log if "finding" in x]
    return t["findings"], logs


def test_seed_findings_f1_is_one():
    pairs = [(p.stem, p) for p in sorted(SEEDS.glob("*.txt"))]
    tally, logs = _findings_tally(GOLD, pairs)
    assert tally.tp == 4 and tally.f1 == 1.0, logs


@pytest.mark.parametrize("name", ["mn-son-ca-2024-2025.docx", "th-le-quy-don-2024.docx",
                                  "mn-son-ca-2024-2025_tcvn3.txt", "th-le-quy-don-2024.pdf"])
def test_fixture_findings_f1_is_one(name):
    stem = name.rsplit(".", 1)[0]
    tally, logs = _findings_tally(GOLD_FIXTURES, [(stem, FIXTURES / name)])
    assert tally.fn == 0 and tally.fp == 0 and tally.tp >= 2, logs


def test_seed_findings_carry_span_line_and_evidence():
    doc = _doc(str(SEEDS / "th-le-quy-don-2024.txt"))
    conflict = next(f for f in doc.findings if f.code == "reference-date-conflict")
    assert conflict.evidence["dates"] == ["2024-10-24", "2023-10-24"]
    assert doc.text[conflict.start:conflict.end].startswith("Thông báo số 1005/TB-TLĐ")
    # line/column: the .txt file's own (blank lines counted), not the normalized text's
    raw = (SEEDS / "th-le-quy-don-2024.txt").read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    assert raw[conflict.line - 1][conflict.column - 1:].startswith("Thông báo số 1005/TB-TLĐ")
    assert conflict.line > doc.text.count("\n", 0, conflict.start) + 1
    assert conflict.message and conflict.message_en and conflict.message != conflict.message_en
    pm = next(f for f in doc.findings if f.code == "period-mismatch")
    assert pm.evidence["named"] == "năm 2023" and pm.severity == "error"


def test_fixture_dated_before_its_reference():
    doc = _doc(str(FIXTURES / "th-le-quy-don-2024.docx"))
    after = [f for f in doc.findings if f.code == "reference-after-document"]
    assert len(after) == 1
    assert after[0].evidence == {"symbol": "1005/TB-TLĐ", "reference_date": "2024-10-24", "document_date": "2024-01-15"}


def test_stale_reference_is_a_warning():
    doc = _doc(str(SEEDS / "mn-son-ca-2024-2025.txt"))
    stale = [f for f in doc.findings if f.code == "stale-reference-date"]
    assert [f.severity for f in stale] == ["warning"]
    assert stale[0].evidence["symbol"] == "25/LĐLĐ"


# ------------------------------------------------------------------ legitimate periods stay quiet

PLAN_2024 = """LIÊN ĐOÀN LAO ĐỘNG QUẬN HÀ ĐÔNG
CĐ TRƯỜNG TIỂU HỌC KIM ĐỒNG
Số: 05/CTr-CĐ
Hà Đông, ngày 10 tháng 01 năm 2024
CHƯƠNG TRÌNH HOẠT ĐỘNG
Năm 2024
Căn cứ Thông báo số 1005/TB-TLĐ ngày 24/10/2023 của Tổng Liên đoàn về định hướng nhiệm vụ trọng tâm năm 2024.
Ban Chấp hành Công đoàn xây dựng Chương trình hoạt động công đoàn năm 2024 như sau:
CHƯƠNG TRÌNH 1
Công tác tuyên truyền
- Tổ chức tổng kết năm học 2023-2024 và thực hiện nhiệm vụ năm học 2023-2024 đúng kế hoạch.
- Thực hiện các chỉ tiêu Nghị quyết Đại hội nhiệm kỳ 2023-2028; phong trào giai đoạn 2021 - 2025.
- Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024); chào mừng Ngày Nhà giáo Việt Nam 20/11.
- Phấn đấu từ 3 đến 5 đảng viên; 100% đoàn viên tham gia; thưởng tháng 13 cho người lao động.
- Quyết toán tài chính năm 2023 và lập dự toán năm 2025.
CHƯƠNG TRÌNH 2
Xây dựng tổ chức
- Xây dựng kế hoạch kiểm tra, giám sát năm 2024.
- Tổng số đoàn viên: 45 đồng chí, trong đó nữ 30, nam 15.
- Tổng số 45 đồng chí, trong đó: nữ 30 đồng chí, nam 15 đồng chí; đảng viên 20.
- Tổ chức Ngày Nhà giáo Việt Nam: ngày 18/11/2024 tại hội trường; Tháng 12 - 5 buổi sinh hoạt chuyên đề.
- Quán triệt Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị về phân cấp quản lý cán bộ.
Chương trình hoạt động năm 2023 đã hoàn thành tốt các chỉ tiêu.
Chỉ tiêu năm 2023 đạt 100%.
- Công đoàn đề ra 3 nhiệm vụ trọng tâm sau:
- Chăm lo đời sống đoàn viên;
chú trọng đoàn viên có hoàn cảnh khó khăn;
- Tuyên truyền, giáo dục;
- Xây dựng tổ chức công đoàn vững mạnh.
- Thực hiện 3 phong trào thi đua: “Dạy tốt – Học tốt”, “Lao động giỏi”, “Giỏi việc trường”.
Trên đây là Chương trình hoạt động công đoàn năm 2024./.
"""


def test_other_periods_are_legitimate():
    doc = parse_bytes(PLAN_2024.encode(), "plan-2024.txt")
    assert doc.period is not None and doc.period.kind == "year"
    assert [(f.code, f.excerpt) for f in doc.findings] == []


def test_each_self_naming_form_is_seen():
    """The same wrong year through each way a plan names itself."""
    forms = {
        "closing": PLAN_2024.replace("Trên đây là Chương trình hoạt động công đoàn năm 2024",
                                     "Trên đây là Chương trình hoạt động công đoàn năm 2023"),
        "built": PLAN_2024.replace("xây dựng Chương trình hoạt động công đoàn năm 2024 như sau",
                                   "xây dựng Chương trình hoạt động công đoàn năm 2025 như sau"),
        "targets_heading": PLAN_2024.replace("CHƯƠNG TRÌNH 2\n", "Các chỉ tiêu cơ bản năm 2022\nCHƯƠNG TRÌNH 2\n"),
        "repeated_title": PLAN_2024.replace("CHƯƠNG TRÌNH 2\n", "CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2023\nCHƯƠNG TRÌNH 2\n"),
    }
    for where, text in forms.items():
        doc = parse_bytes(text.encode(), "plan.txt")
        got = [f.evidence.get("where") for f in doc.findings if f.code == "period-mismatch"]
        assert got == [where], (where, [(f.code, f.excerpt) for f in doc.findings])
