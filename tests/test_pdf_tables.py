"""Issue 13: a ruled table of targets in a text PDF comes out cell by cell, rows kept (pdfplumber),
where the line reader cut wrapped cells into pieces and glued a row's end to the next row."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from kehoach.parser import parse
from kehoach.parser.readers import pdf_tables
from kehoach.parser.readers.pdf import read_pdf

DATA = Path(__file__).resolve().parent / "data" / "tables"
FIXTURE = DATA / "targets_table.pdf"  # made by make_targets_table.py (python-docx + LibreOffice)
SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"


def _expected_rows() -> list[list[str]]:
    spec = importlib.util.spec_from_file_location("make_targets_table", DATA / "make_targets_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    header = ["TT", "Nội dung chỉ tiêu", "Chỉ tiêu", "Đơn vị thực hiện"]
    return [header] + [[c for c in row if c] for row in mod.ROWS]


def test_ruled_table_cells_in_order_rows_kept():
    raw = read_pdf(FIXTURE.read_bytes(), str(FIXTURE))
    cells = [b for b in raw.blocks if b.kind == "cell"]
    rows: dict[int, list[str]] = {}
    for b in cells:
        assert (b.table, b.page) == (0, 1)
        rows.setdefault(b.row, []).append(b.text)
    assert [rows[r] for r in sorted(rows)] == _expected_rows()
    # the running text around the table stays paragraphs, in reading order
    texts = [b.text for b in raw.blocks]
    assert texts.index("II. CHỈ TIÊU") < texts.index("TT") < texts.index("III. NHIỆM VỤ VÀ GIẢI PHÁP")
    assert not any(t.startswith("Đơn vị thực hiện ") for t in texts)  # the line reader glued "1" here


def test_a_wrapped_cell_is_one_line_of_the_text():
    doc = parse(FIXTURE)
    lines = doc.text.splitlines()
    assert ("Tỷ lệ đoàn viên công đoàn được tuyên truyền, phổ biến đầy đủ các chủ trương, chính sách, "
            "pháp luật của Đảng và Nhà nước") in lines
    assert "Số sáng kiến kinh nghiệm được Hội đồng khoa học cấp thị xã công nhận" in lines
    assert [t.text for t in doc.targets][:2] == ["100%", "95% trở lên"]


def test_pdfs_without_rules_keep_the_line_reader():
    # the demo PDFs draw one rule (under the motto) and hold no ruled table: pdfplumber never opens them
    for p in sorted(SAMPLES.glob("*.pdf")):
        assert pdf_tables._grid_pages(p.read_bytes()) == []
        assert pdf_tables.ruled_tables(p.read_bytes()) == []
