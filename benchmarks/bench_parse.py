"""Parse speed side by side, on the same files, in one run (issue 14).

    .venv/bin/python benchmarks/bench_parse.py [--rounds 10] [--formats txt,docx,pdf]

Files: the two real seeds as .txt, the fixtures as .docx and as text PDFs (long plans).
Rows, per format: the raw library floors (reading a .txt; python-docx paragraphs; the
OOXML part through zip + lxml; pypdfium2 and pdfplumber page text), kehoach's reader,
reader + frame + sections (+ topics; `parse(nlp=False, checks=False)`) and the full
pipeline (NLP and checks). docling and unstructured are measured when importable, here or
in the venv given by `--peer-python` (docling brings torch, so it lives in a venv of its own:
`python3 -m venv V && V/bin/pip install torch==2.13.0 docling unstructured`); each peer row runs
in a child of that interpreter, on the same files, timed the same way.

Figures are CPU time of this process (time.process_time), not wall time: the lab machine
is shared, and CPU time is what one core spends. Every document starts cold: the parser's
per-text caches (`kehoach.parser.caches.clear()`) are emptied before each one, so a
repeated file does not hide POS tagging or folding behind a cache. Models and libraries
load once per row (a warm-up call) before timing. Each row runs in its own child process,
whose peak RSS is the row's peak MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from functools import lru_cache

from _common import SHARED, peak_mb

SEEDS = SHARED / "corpora" / "seeds"
FIXTURES = SHARED / "corpora" / "fixtures"
IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]
FILES = {
    "txt": [SEEDS / f"{i}.txt" for i in IDS],
    "docx": [FIXTURES / f"{i}.docx" for i in IDS],
    "pdf": [FIXTURES / f"{i}.pdf" for i in IDS],
}


def _pages(path) -> int:
    if path.suffix != ".pdf":
        return 1
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


# --- the rows: each a function path -> anything, run once per document --------------------

def floor_txt(p):
    return p.read_bytes().decode("utf-8")


def floor_python_docx(p):
    import docx

    d = docx.Document(str(p))
    return [para.text for para in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]


def floor_zip_lxml(p):
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(p) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return ["".join(t.text or "" for t in para.iter(f"{w}t")) for para in root.iter(f"{w}p")]


def floor_pypdfium2(p):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(p))
    try:
        out = []
        for page in pdf:
            tp = page.get_textpage()
            out.append(tp.get_text_range())
            tp.close()
            page.close()
        return out
    finally:
        pdf.close()


def floor_pdfplumber(p):
    import pdfplumber

    with pdfplumber.open(str(p)) as pdf:
        return [page.extract_text() for page in pdf.pages]


def kehoach_reader(p):
    from kehoach.parser import readers

    return readers.read(p)


def frame_sections(p):
    from kehoach.parser import parse

    return parse(p, nlp=False, checks=False)


def full_pipeline(p):
    from kehoach.parser import parse

    return parse(p)


@lru_cache(maxsize=1)
def _docling_converter():
    from docling.document_converter import DocumentConverter

    return DocumentConverter()  # built once, as a batch would: its set-up is not per document


def docling(p):
    return _docling_converter().convert(str(p)).document.export_to_markdown()


def unstructured(p):
    from unstructured.partition.auto import partition

    return partition(filename=str(p), strategy="fast")


ROWS = {
    "txt": [("floor: read + decode", floor_txt)],
    "docx": [("floor: python-docx paragraphs+cells", floor_python_docx), ("floor: zip + lxml w:t", floor_zip_lxml)],
    "pdf": [("floor: pypdfium2 text", floor_pypdfium2), ("floor: pdfplumber extract_text", floor_pdfplumber)],
}
COMMON = [("kehoach reader", kehoach_reader), ("kehoach frame + sections", frame_sections),
          ("kehoach full pipeline", full_pipeline)]
PEERS = [("docling 'convert'", docling, "docling"), ("unstructured partition fast", unstructured, "unstructured")]


def _available(module: str, python: str) -> bool:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    return subprocess.run([python, "-c", code], capture_output=True).returncode == 0


def run_row(fmt: str, name: str, rounds: int) -> dict:
    """In the child: warm up, then time every document `rounds` times, cold caches each."""
    try:
        from kehoach.parser.caches import clear
    except ImportError:
        try:  # a checkout from before issue 14: its one per-text cache is the POS tags'
            from kehoach.parser.nlp.targets import _noun_phrase

            clear = _noun_phrase.cache_clear
        except ImportError:  # a peer's venv, without kehoach: nothing of ours to clear
            def clear():
                return None
    fn = dict([(n, f) for n, f in ROWS.get(fmt, []) + COMMON] + [(n, f) for n, f, _ in PEERS])[name]
    paths = FILES[fmt]
    fn(paths[0])  # load libraries and models once
    pages = sum(_pages(p) for p in paths) * rounds
    cpu = 0.0
    per_doc: list[float] = []
    for _ in range(rounds):
        for p in paths:
            clear()
            t0 = time.process_time()
            fn(p)
            dt = time.process_time() - t0
            cpu += dt
            per_doc.append(dt)
    per_doc.sort()
    return {"docs": len(per_doc), "pages": pages, "cpu": cpu, "median_ms": per_doc[len(per_doc) // 2] * 1000,
            "peak_mb": peak_mb()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--formats", default="txt,docx,pdf")
    ap.add_argument("--peer-python", default=sys.executable,
                    help="the Python of a venv with docling/unstructured (default: this one)")
    ap.add_argument("--row", nargs=2, metavar=("FMT", "NAME"), help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args()
    if args.row:
        print(json.dumps(run_row(args.row[0], args.row[1], args.rounds)))
        return
    print("CPU time per document (process_time), cold parser caches per document; one row per child process.")
    print("'x floor': CPU time over the fastest library floor of the same format.")
    from kehoach.compiled import status
    import kehoach.parser.frame, kehoach.parser.nlp.targets  # noqa: F401,E401 - two of the hot modules, for the status
    print(f"kehoach: {status()}")
    print(f"{'format':<6}{'row':<38}{'docs':>6}{'ms/doc':>9}{'docs/s':>9}{'pages/s':>9}{'x floor':>9}{'peak MB':>9}")
    for fmt in args.formats.split(","):
        rows = [(n, sys.executable) for n, _ in ROWS.get(fmt, []) + COMMON]
        rows += [(n, args.peer_python) for n, _, mod in PEERS if _available(mod, args.peer_python) and fmt != "txt"]
        done = []
        for name, python in rows:
            r = subprocess.run([python, __file__, "--rounds", str(args.rounds), "--row", fmt, name],
                               capture_output=True, text=True)
            if r.returncode:
                print(f"{fmt:<6}{name:<38} failed: {r.stderr.strip().splitlines()[-1:]}")
                continue
            done.append((name, json.loads(r.stdout.strip().splitlines()[-1])))
        floor = min((d["cpu"] / d["docs"] for n, d in done if n.startswith("floor")), default=None)
        for name, d in done:
            per = d["cpu"] / d["docs"]
            ratio = f"{per / floor:>9.1f}" if floor else f"{'':>9}"
            print(f"{fmt:<6}{name:<38}{d['docs']:>6}{1000 * per:>9.1f}{1 / per:>9.1f}"
                  f"{d['pages'] / d['cpu']:>9.1f}{ratio}{d['peak_mb']:>9.0f}")
    missing = [mod for _, _, mod in PEERS if not _available(mod, args.peer_python)]
    if missing:
        print(f"not measured (not installed in {args.peer_python}): {', '.join(missing)}")


if __name__ == "__main__":
    main()
