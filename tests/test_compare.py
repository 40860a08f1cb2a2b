"""compare(): topic alignment across the seeds, the x-plans tables, the year-over-year diff,
and batch-output folders as input."""
from __future__ import annotations

import pytest

from compare_data import SEED_IDS, seed, synthetic, write_batch
from conftest import SEEDS
from kehoach.pipelines.compare import COLUMNS, compare, load_inputs

COMMON = ["nu_cong", "thi_dua", "kiem_tra", "tai_chinh", "tuyen_truyen", "cham_lo", "to_chuc"]


@pytest.fixture(scope="module")
def seeds_cmp():
    return compare([seed(i) for i in SEED_IDS])


@pytest.fixture(scope="module")
def hoa_binh():
    return [synthetic("thcs-hoa-binh-2023-2024.txt"), synthetic("thcs-hoa-binh-2024-2025.txt")]


def rows_by(table, col):
    i = table.columns.index(col)
    return {r[i]: dict(zip(table.columns, r)) for r in table.rows}


def test_seeds_align_common_topics_in_one_table(seeds_cmp):
    t = seeds_cmp.table("topics")
    assert t.columns == COLUMNS["topics"] + SEED_IDS
    rows = rows_by(t, "topic")
    for topic in COMMON:
        row = rows[topic]
        assert row["plans_covering"] == 2, topic
        assert row[SEED_IDS[0]] and row[SEED_IDS[1]], topic
    # aligned by topic, not by number: "1.5" in one plan, "CHƯƠNG TRÌNH 5" in the other
    assert rows["nu_cong"][SEED_IDS[0]] == "1.5"
    assert rows["nu_cong"][SEED_IDS[1]] == "CHƯƠNG TRÌNH 5"
    assert rows["tai_chinh"][SEED_IDS[0]] == "1.7"
    assert rows["tai_chinh"][SEED_IDS[1]] == "CHƯƠNG TRÌNH 6 / 2"
    assert rows["kiem_tra"][SEED_IDS[1]] == "CHƯƠNG TRÌNH 6"
    assert rows["tuyen_truyen"][SEED_IDS[0]] == "1.2; 2.2"
    # topics only one plan has
    assert rows["doi_ngoai"][SEED_IDS[0]] is None and rows["doi_ngoai"][SEED_IDS[1]] == "CHƯƠNG TRÌNH 7"
    assert rows["kien_nghi"][SEED_IDS[1]] is None and rows["kien_nghi"][SEED_IDS[0]] == "4"


def test_plans_overview(seeds_cmp):
    rows = rows_by(seeds_cmp.table("plans"), "plan")
    mn, th = rows[SEED_IDS[0]], rows[SEED_IDS[1]]
    assert mn["doc_type"] == "Kế hoạch" and th["doc_type"] == "Chương trình"
    assert (mn["period_start"], mn["period_end"]) == ("2024-09", "2025-08")
    assert mn["date"] == "2024-09-18"
    assert th["issuer"] == "CĐ TRƯỜNG TIỂU HỌC LÊ QUÝ ĐÔN"
    assert (mn["sections"], th["sections"]) == (18, 9)
    assert (mn["legal_refs"], th["legal_refs"]) == (6, 4)
    assert th["topics"] == 8 and mn["topics"] == 7


def test_legal_refs_x_plans(seeds_cmp):
    rows = rows_by(seeds_cmp.table("legal_refs"), "symbol")
    nq = rows["02-NQ/TW"]
    assert nq["plans_citing"] == 2
    assert nq[SEED_IDS[1]] == "2021-06-12" and nq[SEED_IDS[0]] == "x"  # mn cites it without a date
    assert rows["348/PGD&ĐT"]["plans_citing"] == 1 and rows["348/PGD&ĐT"][SEED_IDS[1]] is None
    assert seeds_cmp.table("legal_refs").rows[0][0] == "02-NQ/TW"  # most-cited first


def test_targets_x_plans_and_list(seeds_cmp):
    flat = seeds_cmp.table("target_list")
    assert len(flat.rows) == 23 + 4
    wide = seeds_cmp.table("targets")
    assert wide.columns == COLUMNS["targets"] + SEED_IDS
    by_topic = {}
    for r in wide.rows:
        by_topic.setdefault(r[0], []).append(r)
    # the mn "chỉ tiêu" list (section 3) is spread over work areas by each target's own line
    listed = [r for r in flat.rows if r[0] == SEED_IDS[0] and r[3] == "3"]
    assert len(listed) == 9
    assert sum(r[1] == "chi_tieu" for r in listed) <= 2
    assert {r[1] for r in listed if "chế độ tiền lương" in r[-1]} == {"cham_lo"}
    assert {"cham_lo", "tuyen_truyen", "thi_dua", "to_chuc"} <= set(by_topic)
    for r in wide.rows:
        assert r[4] == sum(c is not None for c in r[len(COLUMNS["targets"]):])
    cells = " ".join(c for r in wide.rows for c in r[len(COLUMNS["targets"]):] if c)
    assert "100%" in cells and "60%" in cells


def test_awards_x_plans(seeds_cmp):
    t = seeds_cmp.table("awards")
    assert t.columns == COLUMNS["awards"] + SEED_IDS
    assert len(t.rows) == 5 and all(r[3] == 1 and r[4] == "x" and r[5] is None for r in t.rows)


def test_no_diff_without_shared_issuer(seeds_cmp):
    assert "diff" not in seeds_cmp.names()


def test_year_over_year_diff(hoa_binh):
    c = compare(hoa_binh)
    t = c.table("diff")
    assert t.columns == COLUMNS["diff"]
    rows = [dict(zip(t.columns, r)) for r in t.rows]
    assert all(r["from_plan"] == "thcs-hoa-binh-2023-2024" and r["to_plan"] == "thcs-hoa-binh-2024-2025"
               for r in rows)
    changed = {(r["old"], r["new"], r["text"]) for r in rows if r["change"] == "target_changed"}
    assert changed == {("80%", "85%", "Phấn đấu 85% đoàn viên đạt danh hiệu lao động tiên tiến"),
                       ("80%", "85%", "85% đoàn viên đạt lao động tiên tiến")}
    dropped = [r for r in rows if r["change"] == "target_dropped"]
    added = [r for r in rows if r["change"] == "target_added"]
    assert [r["text"] for r in dropped] == ["Kết nạp 02 đoàn viên ưu tú vào Đảng"]
    assert dropped[0]["old"] == "2 đoàn viên" and dropped[0]["from_section"] == "IV"
    assert [(r["text"], r["new"], r["topic"]) for r in added] == [
        ("100% nữ đoàn viên được khám sức khỏe định kỳ", "100%", "nu_cong")]
    carried = {r["to_section"]: r for r in rows if r["change"] == "section_carried_over"}
    assert {"III / 1", "III / 5", "III / 6", "II", "V"} <= set(carried)
    assert carried["III / 5"]["similarity"] == 1.0 and carried["III / 5"]["topic"] == "nu_cong"
    stale = [r for r in rows if r["change"] == "stale_year"]
    assert len(stale) == 1 and "năm học 2023-2024" in stale[0]["text"]
    assert (stale[0]["old"], stale[0]["new"]) == ("NĂM HỌC 2023-2024", "NĂM HỌC 2024-2025")


def test_diff_orders_by_period_not_input_order(hoa_binh):
    t = compare(list(reversed(hoa_binh))).table("diff")
    assert {r[1] for r in t.rows} == {"thcs-hoa-binh-2023-2024"}


def test_forced_diff_of_different_issuers():
    c = compare([seed(SEED_IDS[0]), seed(SEED_IDS[1])], diff=True)
    rows = [dict(zip(COLUMNS["diff"], r)) for r in c.table("diff").rows]
    assert rows and not any(r["change"] == "section_carried_over" for r in rows)
    assert sum(r["change"] == "target_dropped" for r in rows) >= 15


def test_batch_output_folder_as_input(tmp_path, hoa_binh):
    out = write_batch(hoa_binh, tmp_path / "OUT")
    docs = load_inputs([out])
    assert len(docs) == 2 and all(d.text for d in docs)  # text re-read from the unchanged sources
    direct = compare(hoa_binh)
    from_batch = compare(docs)
    assert from_batch.table("topics").rows == direct.table("topics").rows
    assert from_batch.table("diff").rows == direct.table("diff").rows


def test_plan_files_are_parsed(tmp_path):
    docs = load_inputs(sorted(SEEDS.glob("*.txt")))
    c = compare(docs)
    rows = rows_by(c.table("topics"), "topic")
    assert all(rows[t]["plans_covering"] == 2 for t in COMMON)


def test_plan_keys_are_unique_and_never_a_column_name(tmp_path):
    from kehoach.pipelines.compare import plan_keys

    a, b = seed(SEED_IDS[0]), seed(SEED_IDS[0])
    c = seed(SEED_IDS[1])
    c.source.path = str(tmp_path / "topic.txt")
    keys = plan_keys([a, b, c])
    assert keys == [SEED_IDS[0], SEED_IDS[0] + "~2", "topic~2"]


def test_issuer_key_ignores_how_the_union_is_named(hoa_binh):
    from kehoach.pipelines.compare import issuer_key

    names = ["CĐCS TRƯỜNG THCS HÒA BÌNH", "CÔNG ĐOÀN TRƯỜNG THCS HÒA BÌNH", "Công đoàn cơ sở Trường THCS Hòa Bình",
             "BCH CĐ TRƯỜNG THCS HÒA BÌNH"]
    assert {issuer_key(n) for n in names} == {"trường thcs hòa bình"}
    assert issuer_key("CĐ TRƯỜNG TIỂU HỌC LÊ QUÝ ĐÔN") != issuer_key("CĐCS TRƯỜNG THCS HÒA BÌNH")
    old, new = hoa_binh
    new = new.model_copy(deep=True)
    new.header.issuer = "CÔNG ĐOÀN TRƯỜNG THCS HÒA BÌNH"
    assert "diff" in compare([old, new]).names()
