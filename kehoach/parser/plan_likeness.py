"""Is this input a plan at all? A verdict with its reasons, from what the frame and the
segmenter found (they run on any text, so "hello" in readme.md parses into an empty
PlanDocument: without a verdict that passes silently through check, batch and compare).

A plan (kế hoạch, chương trình, báo cáo, ... of an organisation) shows at least two of six
parts: a title naming a document type, a header (Quốc hiệu, issuer, số/ký hiệu,
place-date), a period, two or more numbered sections, a closing (signature, Nơi nhận), a
cited document with its number, or a "Căn cứ Luật ..." line (real guidance whose header a
site dropped still cites its grounds). One alone is not enough: a README with "1. Install /
2. Usage" has sections and nothing else.
"""
from __future__ import annotations

import re

from kehoach.parser.schema import PlanDocument, iter_sections

MIN_PARTS = 2

# part -> (English reason when missing, Vietnamese name for the not-a-plan message)
PARTS = {
    "title": ("no title naming a document type (Kế hoạch, Chương trình, Báo cáo, ...)", "tiêu đề nêu loại văn bản"),
    "header": ("no header (Quốc hiệu, issuer, số/ký hiệu, place-date)",
               "phần đầu (Quốc hiệu, cơ quan, số/ký hiệu, địa danh-ngày)"),
    "period": ("no period (năm học, năm, ...)", "thời kỳ (năm học, năm, ...)"),
    "sections": ("fewer than two numbered sections", "các mục đánh số"),
    "closing": ("no closing (signature, Nơi nhận)", "phần cuối (chữ ký, Nơi nhận)"),
    # official writing cites its grounds ("Căn cứ Hướng dẫn số 1803/HD-TLĐ ..."); a README does not
    "references": ("no cited document with a number (Căn cứ ... số ...)", "văn bản được dẫn có số, ký hiệu"),
}


# a line stating the grounds: "- Căn cứ Luật Công đoàn ...", "Căn cứ vào Nghị quyết Đại hội ..."
# (a law cited by name has no number, and a decision cites its grounds so)
_GROUNDS = re.compile(r"(?im)^[ \t\-–+•*]*căn[ \t]+cứ[ \t]+(?:vào[ \t]+)?(?:bộ[ \t]+)?(?:luật|nghị[ \t]+quyết|nghị[ \t]+định|"
                      r"quyết[ \t]+định|thông[ \t]+tư|chỉ[ \t]+thị|điều[ \t]+lệ|hiến[ \t]+pháp)(?!\w)")


def _references(doc: PlanDocument) -> str | None:
    if doc.legal_refs:
        return f"{len(doc.legal_refs)} cited document(s)"
    m = _GROUNDS.search(doc.text or "")
    return "grounds: " + " ".join(m.group(0).split()).lstrip("-–+•* ") if m else None


def parts(doc: PlanDocument) -> dict[str, str | None]:
    """Each part -> what was found (a short description), or None."""
    h = doc.header
    header = [k for k in ("national_title", "issuer", "number", "symbol", "date") if getattr(h, k)]
    n = sum(1 for _ in iter_sections(doc.sections))
    sig = doc.signature
    return {
        "title": f"title naming a document type ({doc.doc_type})" if doc.doc_type and doc.title else None,
        "header": "header: " + ", ".join(header) if header else None,
        "period": f"period {doc.period.text}" if doc.period else None,
        "sections": f"{n} numbered sections" if n >= 2 else None,
        "closing": "closing (signature or Nơi nhận)" if (sig and (sig.name or sig.position)) or doc.recipients else None,
        "references": _references(doc),
    }


def assess(doc: PlanDocument) -> tuple[bool, list[str]]:
    """(is_plan, reasons): the parts found when it is a plan; the count and the parts missing when not."""
    got = parts(doc)
    found = [v for v in got.values() if v]
    if len(found) >= MIN_PARTS:
        return True, found
    return False, [f"{len(found)} of {len(PARTS)} plan parts found" + (f" ({'; '.join(found)})" if found else "")] \
        + [PARTS[k][0] for k, v in got.items() if not v]


def missing_vi(doc: PlanDocument) -> list[str]:
    return [PARTS[k][1] for k, v in parts(doc).items() if not v]


def apply(doc: PlanDocument) -> PlanDocument:
    doc.source.is_plan, doc.source.plan_reasons = assess(doc)
    return doc
