"""Error catalogue. Codes are stable so that users can search for them."""

from __future__ import annotations


class EktpError(Exception):
    """Base class of the library's errors."""


class PatternError(EktpError):
    """A pattern file is invalid. The message names the file, the entry and the problem."""

    def __init__(self, path: str, where: str, problem: str) -> None:
        self.path, self.where, self.problem = path, where, problem
        super().__init__(f"[P001] {path}: {where}: {problem}")


class DecodeFailure(EktpError):
    """Input bytes are not text (binary) or cannot be decoded."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


class MissingExtra(EktpError):
    """An optional dependency is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"[E010] this feature needs '{package}': pip install 'ektp-extract[{extra}]'"
        )


# Warning texts put into ArticleExtraction.warnings (prefix codes are stable).
W_EMPTY = "[W001] empty input"
W_HTML = "[W002] input looks like HTML; tags were blanked out"
W_TRUNCATED = "[W003] input longer than {limit} characters; only the first {limit} were read"
W_NOT_INDONESIAN = "[W004] input does not look like Indonesian text"
W_NO_REFERENCE = "[W005] no publication date or reference date: relative dates left unresolved"
W_STAGE = "[W006] stage '{stage}' failed on this input ({error}); its records are missing"
W_ENCODING = "[W007] {message}"
W_ZONE = "[W009] publication time has no time zone; WIB (+07:00) assumed"
W_BAD_DATE = "[W010] impossible date {text!r} (no such calendar day): no record made"
W_MALFORMED_NUMBER = "[W020] malformed number {text!r} skipped"
W_AGENCY_NEAR = "[W051] agencies: {written!r} read as {form!r} (spelling differs)"
W_AGENCY_UNKNOWN_ROW = "[W052] agencies: unknown body type {row!r} (ensure_inferred)"
