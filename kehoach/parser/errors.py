"""The documented exception family. Only `KehoachError` (and its subclasses) escape a reader.

Each error names the file and a reason a person can read; `stage` says where it failed
(read, convert, ocr, parse) so a batch can record it in its `errors` table.
"""
from __future__ import annotations


class KehoachError(Exception):
    """Base class: `str(err)` is the one-line message the CLI prints."""

    reason_vi: str = "lỗi"
    stage: str = "parse"

    def __init__(self, path: object, reason: str, *, stage: str | None = None):
        self.path = str(path) if path is not None else "<input>"
        self.reason = reason
        if stage:
            self.stage = stage
        super().__init__(f"{self.path}: {reason}")

    @property
    def kind(self) -> str:
        return type(self).__name__


class InputNotFound(KehoachError):
    stage = "read"


class EmptyFile(KehoachError):
    stage = "read"


class UnsupportedFormat(KehoachError):
    stage = "read"


class CorruptFile(KehoachError):
    stage = "read"


class EncryptedFile(KehoachError):
    stage = "read"


class EncodingError(KehoachError):
    stage = "read"


class TooLarge(KehoachError):
    stage = "read"


class ConversionError(KehoachError):
    stage = "convert"


class OCRError(KehoachError):
    stage = "ocr"


class NoText(KehoachError):
    stage = "read"


class Timeout(KehoachError):
    stage = "parse"
