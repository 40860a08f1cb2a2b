"""parse(source) -> PlanDocument: the one public entry of the parser.

Flow, one direction: readers -> assemble (normalized text + blocks) -> frame (header,
title, period, signature, recipients) -> segment (section tree) -> nlp (references,
dates, targets, awards, entities) -> checks (findings).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.parser.errors import KehoachError, NoText, TooLarge
from kehoach.parser.schema import PlanDocument, Source

__all__ = ["parse", "parse_bytes", "KehoachError", "PlanDocument"]


def parse(source: str | Path, *, nlp: bool = True, checks: bool = True, config: dict | None = None) -> PlanDocument:
    """Parse the plan at `source` (a path)."""
    from kehoach.parser import readers

    data, raw = readers.read(source)
    return _build(data, raw, str(source), nlp=nlp, checks=checks, config=config)


def parse_bytes(data: bytes, name: str, *, fmt: str | None = None, nlp: bool = True, checks: bool = True,
                config: dict | None = None) -> PlanDocument:
    """Parse bytes; `name` is used for the format guess and in error messages."""
    from kehoach.parser import readers

    raw = readers.read_bytes(data, name, fmt)
    return _build(data, raw, name, nlp=nlp, checks=checks, config=config)


def _build(data: bytes, raw, path: str, *, nlp: bool, checks: bool, config: dict | None) -> PlanDocument:
    from kehoach.parser import frame, segment, topics
    from kehoach.parser.text.assemble import assemble

    text, blocks = assemble(raw)
    if not text.strip():
        raise NoText(path, "no text found in the document" + (" (even after OCR)" if raw.ocr else ""))
    from kehoach.parser.nlp.pipeline import MAX_TEXT_CHARS  # noqa: E402 - the documented maximum

    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(path, f"the text is {len(text):,} characters long, over the {MAX_TEXT_CHARS:,}-character "
                             "limit for one document (split it, or parse it as several files)")
    if raw.language is None:  # the PDF reader judged it already (it decides repair/OCR by it)
        _judge_language(raw, text)
    source = Source(
        path=path, sha256=hashlib.sha256(data).hexdigest(), format=raw.format, size=len(data),
        pages=raw.pages, ocr=raw.ocr, ocr_confidence=raw.ocr_confidence, encoding=raw.encoding,
        converted_by=raw.converted_by, language=raw.language, warnings=list(raw.warnings),
    )
    from kehoach.parser.file_kind import HEAD, mismatch

    renamed = mismatch(data[:HEAD], path)  # read by content all the same; say the name is wrong
    if renamed:
        source.warnings.insert(0, renamed)
    doc = PlanDocument(source=source, text=text, blocks=blocks)
    frame.apply(doc)
    segment.apply(doc)
    topics.assign(doc)
    if nlp:
        from kehoach.parser import nlp as nlp_mod

        nlp_mod.annotate(doc)
        topics.assign(doc)  # again, now that targets exist
    from kehoach.parser import plan_likeness

    plan_likeness.apply(doc)  # after the taggers: cited documents are one of the signs
    if checks:
        from kehoach.parser import checks as checks_mod

        doc.findings = checks_mod.run(doc, config=config)
        from kehoach.parser.checks.source_lines import relocate

        relocate(doc, data)  # line/column: the source file's (docs/tables.md)
    return doc


def _judge_language(raw, text: str) -> None:
    from kehoach.parser.text import language

    verdict = language.detect(text)
    raw.language = verdict.language if verdict.language != "und" else None
    if not verdict.vietnamese:
        raw.warnings.append(language.not_vietnamese_warning(verdict))
