"""Build the VNI test data from a seed with kehoach's own encoder (kehoach/models/encodings/vni.json).

    .venv/bin/python tests/data/legacy/make_vni.py

Writes th-le-quy-don-2024_vni.txt (VNI bytes, cp1252 for punctuation) and
th-le-quy-don-2024_vni.docx (the same lines as runs in font VNI-Times). The test checks
these against viparse's VNI decoder, a table derived independently from real documents.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from kehoach.parser.text.legacy import encode

HERE = Path(__file__).parent
SEED = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2].parent / "shared/corpora/seeds/th-le-quy-don-2024.txt"
NAME = "th-le-quy-don-2024_vni"

if __name__ == "__main__":
    text = SEED.read_text(encoding="utf-8")
    (HERE / f"{NAME}.txt").write_bytes(encode(text, "vni"))
    doc = Document()
    for line in text.splitlines():
        if line.strip():
            run = doc.add_paragraph().add_run(encode(line.strip(), "vni").decode("cp1252"))
            run.font.name = "VNI-Times"
            run._element.rPr.rFonts.set(qn("w:cs"), "VNI-Times")
    doc.save(HERE / f"{NAME}.docx")
    print("wrote", HERE / f"{NAME}.txt", HERE / f"{NAME}.docx")
