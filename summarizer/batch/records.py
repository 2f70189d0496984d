"""What flows through a batch run: input records, per-record requests, result lines.

An InputRecord is either usable (text set) or already failed at reading time (error
set: invalid JSON, missing text, undecodable bytes, too large). Both kinds go through
the same pipeline so every input id gets exactly one output record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Error types that readers give to records they cannot use (summarise-time errors use
# the code of the SummarizerError subclass: empty_input, input_too_large, ...).
INVALID_JSON = "invalid_json"
INVALID_RECORD = "invalid_record"
MISSING_TEXT = "missing_text"
UNDECODABLE = "undecodable_input"
TOO_LARGE = "input_too_large"
INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True)
class RecordError:
    type: str  # machine-readable
    message: str  # what was wrong and what to do

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True)
class InputRecord:
    id: str
    text: str | None = None
    title: str | None = None
    error: RecordError | None = None

    @property
    def size(self) -> int:
        """Length used to sort the abstractive path's batches."""
        return len(self.text) if self.text else 0


@dataclass(frozen=True)
class SummaryOptions:
    """The options every record of one run is summarised with (the CLI's flags); each record becomes a pipeline.SummaryRequest."""

    method: str | None = None
    headline_words: int | None = None
    summary_words: int | None = None
    summary_sentences: int | None = None

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "headline_words": self.headline_words,
            "summary_words": self.summary_words,
            "summary_sentences": self.summary_sentences,
        }


@dataclass(frozen=True)
class ResultRecord:
    """One output record as a dict (Summary.to_dict() or an error record)."""

    id: str
    data: dict[str, Any]

    @property
    def failed(self) -> bool:
        return "error" in self.data


def error_result(record_id: str, error: RecordError) -> ResultRecord:
    return ResultRecord(record_id, {"id": record_id, "error": error.to_dict()})
