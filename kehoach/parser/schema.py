"""The output schema: every pydantic model kehoach emits, and only those.

One place for the document model (as in docling-core): readers, segmenter, taggers,
checks and pipelines all speak in these types. `kehoach schema` prints the JSON Schema
generated from `PlanDocument`. Offsets (`start`, `end`) are `str` indices into
`PlanDocument.text`, the NFC-normalized text the pipeline worked on.
Dates are ISO `YYYY-MM-DD`; a date without a year is `--MM-DD`; absent values are null.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

PeriodKind = Literal["school_year", "year", "half_year", "quarter", "month", "term", "term_of_office"]
Severity = Literal["error", "warning", "info"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(Model):
    """Anything that points into the normalized text."""

    start: int = Field(ge=0, description="str index of the first character in `text`")
    end: int = Field(ge=0, description="str index one past the last character")


class Block(Span):
    """One unit of the source as the reader saw it, with provenance."""

    kind: Literal["paragraph", "line", "cell", "heading", "list_item"] = "paragraph"
    page: Optional[int] = Field(None, description="1-based page (PDF, OCR)")
    index: int = Field(description="0-based position among the document's blocks")
    table: Optional[int] = Field(None, description="0-based table index for table cells")
    row: Optional[int] = None
    col: Optional[int] = None
    style: Optional[str] = Field(None, description="Word paragraph style name")
    outline_level: Optional[int] = Field(None, description="Word outline level / heading level, 1-based")
    bold: Optional[bool] = Field(None, description="all visible runs are bold")
    numbering: Optional[str] = Field(None, description="list number Word generated (numPr), as shown")
    confidence: Optional[float] = Field(None, description="OCR confidence 0..100 for OCR blocks")


class Source(Model):
    path: Optional[str] = None
    sha256: Optional[str] = None
    format: str = Field(description="txt|docx|doc|pdf|html|rtf|odt|png|jpg|tif|...")
    size: Optional[int] = Field(None, description="bytes")
    pages: Optional[int] = None
    ocr: bool = False
    ocr_confidence: Optional[list[float]] = Field(None, description="mean word confidence per OCR page")
    encoding: Optional[str] = Field(None, description="utf-8|utf-8-sig|utf-16|cp1258|tcvn3|vni|...; utf-8+tcvn3 or utf-8+vni: UTF-8 text whose lines were legacy-font text kept as their cp1252 look, decoded line by line")
    converted_by: Optional[str] = Field(None, description="e.g. libreoffice for .doc/.rtf/.odt")
    language: Optional[str] = Field(None, description="ISO 639-1 code of the text's language ('vi', 'en', 'fr' ...; "
                                    "py3langid, kehoach.parser.text.language); null when too little text to judge. "
                                    "A document that is not Vietnamese is read as is and says so in `warnings`")
    warnings: list[str] = Field(default_factory=list, description="what the reader noticed or did: OCR used, "
                                "font mapping repaired, not Vietnamese, pages over the OCR budget ...")
    is_plan: Optional[bool] = Field(None, description="the input looks like a plan (kehoach/parser/plan_likeness.py); "
                                                      "false for a README, a letter, an empty shell")
    plan_reasons: list[str] = Field(default_factory=list, description="why: the plan parts found, or those missing")


class Header(Model):
    superior: Optional[str] = Field(None, description="cơ quan chủ quản, as written")
    issuer: Optional[str] = Field(None, description="cơ quan ban hành, as written")
    number: Optional[str] = Field(None, description="số/ký hiệu as written; null when the number is left blank")
    symbol: Optional[str] = Field(None, description="the ký hiệu even when the number is blank, e.g. '/CTr-CĐ'")
    place: Optional[str] = None
    date: Optional[str] = Field(None, description="ISO date of the place-date line")
    date_text: Optional[str] = None
    national_title: Optional[str] = Field(None, description="Quốc hiệu")
    motto: Optional[str] = Field(None, description="Tiêu ngữ")


class Period(Model):
    kind: PeriodKind
    start: str = Field(description="YYYY-MM")
    end: str = Field(description="YYYY-MM")
    text: str


class Section(Span):
    number: Optional[str] = Field(None, description="numbering as written, e.g. '1.1.', 'II', 'CHƯƠNG TRÌNH 6'")
    level: int = Field(ge=1)
    heading: str
    style: str = Field(description="numbering style key, e.g. 'arabic', 'roman', 'chapter', 'letter'")
    heading_start: int = Field(ge=0, description="start of the heading line")
    heading_end: int = Field(ge=0, description="end of the heading text (body starts after it)")
    topic: Optional[str] = None
    topic_confidence: Optional[float] = None
    children: list["Section"] = Field(default_factory=list)


class Mention(Span):
    date: Optional[str] = None
    issuer: Optional[str] = None


class LegalRef(Span):
    type: Optional[str] = Field(None, description="Công văn, Nghị quyết, Thông tư, ...")
    number: Optional[str] = None
    symbol: str = Field(description="số/ký hiệu as written, e.g. 11/2020/TT-BGDĐT, 02-NQ/TW")
    date: Optional[str] = Field(None, description="ISO; null when mentions disagree or none gives one")
    issuer: Optional[str] = None
    subject: Optional[str] = None
    system: Optional[Literal["state", "party"]] = None
    year: Optional[int] = Field(None, description="year from the symbol (normative documents)")
    type_code: Optional[str] = Field(None, description="document-type code from the symbol, e.g. TT, NQ")
    issuer_code: Optional[str] = Field(None, description="issuer code from the symbol, e.g. BGDĐT, TW")
    dates_seen: list[str] = Field(default_factory=list, description="every distinct date the mentions give")
    mentions: list[Mention] = Field(default_factory=list)


class DateMention(Span):
    text: str
    value: Optional[str] = Field(None, description="ISO; --MM-DD without a year; YYYY-MM for a month")
    end_value: Optional[str] = Field(None, description="for ranges")
    kind: Literal["date", "partial", "month", "range", "school_year", "year", "lunar"] = "date"
    valid: bool = True
    lunar: bool = False
    solar: Optional[str] = Field(None, description="a lunar date's solar ISO date by the Vietnamese lunar calendar "
                                 "(UTC+7); `value` stays null, so calendar checks skip it")
    solar_year_inferred: bool = Field(False, description="the lunar year was not written: taken from the plan's "
                                      "period, else the year nearest the plan's date")


class Target(Span):
    text: str
    subject: Optional[str] = None
    value: Optional[float] = None
    min: Optional[float] = None
    max: Optional[float] = None
    unit: Optional[str] = None
    comparator: Optional[Literal["=", ">", ">=", "<", "<=", "range"]] = "="
    deadline: Optional[str] = None
    topic: Optional[str] = None


class Award(Span):
    text: str
    grantor: Optional[str] = None
    title: Optional[str] = None
    recipient_kind: Optional[Literal["individual", "collective"]] = None
    count: Optional[float] = None


class Entity(Span):
    label: Literal["ORG", "PER", "LOC"]
    text: str
    normalized: Optional[str] = None


class Abbreviation(Span):
    text: str
    expansion: str


class Signature(Model):
    on_behalf: Optional[str] = Field(None, description="TM./KT./Q./TL. line")
    position: Optional[str] = None
    name: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Finding(Span):
    code: str
    severity: Severity
    message: str = Field(description="Vietnamese")
    message_en: str
    excerpt: str
    line: int = Field(ge=1, description="1-based line in the source file (text sources); the line of `text` "
                                         "for formats without lines (docx, pdf, ...); docs/tables.md")
    column: int = Field(ge=1, description="1-based column on that line")
    evidence: dict[str, Any] = Field(default_factory=dict)


class PlanDocument(Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    doc_type: Optional[str] = None
    title: Optional[str] = None
    header: Header = Field(default_factory=Header)
    period: Optional[Period] = None
    sections: list[Section] = Field(default_factory=list)
    legal_refs: list[LegalRef] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    signature: Optional[Signature] = None
    recipients: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    body_start: int = Field(0, description="offset where the body (after the title) starts")
    body_end: Optional[int] = Field(None, description="offset where the closing block (signature, Nơi nhận) starts")
    text: Optional[str] = Field(None, description="the normalized text; emitted with --with-text")
    blocks: Optional[list[Block]] = Field(None, description="reader blocks with provenance; emitted with --with-text")

    def to_json(self, *, with_text: bool = False, indent: int | None = 2) -> str:
        exclude = None if with_text else {"text", "blocks"}
        return self.model_dump_json(indent=indent, exclude=exclude)


def iter_sections(sections: list[Section]):
    """Depth-first walk over a section tree."""
    for s in sections:
        yield s
        yield from iter_sections(s.children)


def json_schema() -> dict:
    schema = PlanDocument.model_json_schema()
    schema["$id"] = f"https://kehoach.invalid/schema/{SCHEMA_VERSION}/plan.json"
    schema["title"] = "kehoach PlanDocument"
    return schema
