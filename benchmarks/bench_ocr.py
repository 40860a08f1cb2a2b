"""OCR pages/s on the scanned fixtures, LibreOffice .doc conversions/s, legacy decoding MB/s (issue 7).

    .venv/bin/python benchmarks/bench_ocr.py [--rounds 1] [--skip-office]

OCR: the pdf reader end to end (render 300 dpi, Tesseract vie, layout, cleanup) on both
*_scan.pdf files; pages run two at a time on a 2-core machine. "peak MB" is this process;
"child MB" is the largest child (one tesseract or soffice), which RUSAGE_SELF does not see.
"""
from __future__ import annotations

import argparse
import resource

from _common import SHARED, Timer, peak_mb

from kehoach.parser.readers import read_bytes
from kehoach.parser.text import legacy

FIXTURES = SHARED / "corpora" / "fixtures"
IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]


def child_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--skip-office", action="store_true")
    args = ap.parse_args()
    print(f"{'what':<22}{'units':>8}{'seconds':>10}{'per s':>9}{'peak MB':>10}{'child MB':>10}")

    scans = [(FIXTURES / f"{i}_scan.pdf").read_bytes() for i in IDS]
    pages = 0
    confs: list[float] = []
    with Timer() as t:
        for _ in range(args.rounds):
            for data in scans:
                raw = read_bytes(data, "scan.pdf")
                pages += raw.pages or 0
                confs.extend(raw.ocr_confidence or [])
    print(f"{'OCR pages':<22}{pages:>8}{t.seconds:>10.2f}{pages / t.seconds:>9.2f}{peak_mb():>10.0f}{child_mb():>10.0f}")
    print(f"  mean page confidence {sum(confs) / len(confs):.1f}, lowest {min(confs):.1f}")

    if not args.skip_office:
        doc = (FIXTURES / f"{IDS[0]}.doc").read_bytes()
        n = 0
        with Timer() as t:
            for _ in range(max(1, args.rounds) * 3):
                read_bytes(doc, "plan.doc")
                n += 1
        print(f"{'.doc via LibreOffice':<22}{n:>8}{t.seconds:>10.2f}{n / t.seconds:>9.2f}{peak_mb():>10.0f}{child_mb():>10.0f}")

    tc = (FIXTURES / f"{IDS[0]}_tcvn3.txt").read_bytes()
    n = 0
    with Timer() as t:
        for _ in range(50):
            legacy.detect_and_decode(tc)
            n += len(tc)
    print(f"{'TCVN3 detect+decode':<22}{n / 1e6:>7.1f}M{t.seconds:>10.2f}{n / 1e6 / t.seconds:>8.1f}M{peak_mb():>10.0f}")


if __name__ == "__main__":
    main()
