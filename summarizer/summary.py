"""The result of one summarisation, and its JSON form (the API and batch CLI return it).

Schema version SCHEMA_VERSION; additive changes bump the minor number, anything that
renames or removes a field bumps the major. `summary_json_schema()` returns the JSON
Schema that README.md documents.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class SummaryWarning:
    code: str  # machine-readable, e.g. "summary_length_not_met"
    message: str  # what happened and what the user can do


@dataclass(frozen=True)
class Highlight:
    """A source sentence the summary used, with its exact place in the raw input."""

    sentence: int  # index into the document's sentences
    start: int  # raw[start:end] is the sentence's source text
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class SourceSpan:
    start: int
    end: int


@dataclass(frozen=True)
class Summary:
    headline: str
    summary: str
    method: str  # "lead", "lexrank", "learned", "abstractive", ...
    highlights: tuple[Highlight, ...] = ()
    # Where the headline came from (extractive: one sentence; abstractive: None).
    headline_source: Highlight | None = None
    model: str | None = None  # the abstractive model id, when one was used
    # The raw spans the method read (abstractive fitting may leave parts of a long input out).
    source_spans: tuple[SourceSpan, ...] = ()
    warnings: tuple[SummaryWarning, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds per stage
    id: str | None = None
    repaired_text: str | None = None
    schema_version: str = SCHEMA_VERSION

    @property
    def warning_codes(self) -> tuple[str, ...]:
        return tuple(w.code for w in self.warnings)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (lists, not tuples); `repaired_text` only when it was asked for."""
        data = asdict(self, dict_factory=dict)
        for key in ("highlights", "source_spans", "warnings"):
            data[key] = list(data[key])
        if data["repaired_text"] is None:
            del data["repaired_text"]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Summary":
        major = str(data.get("schema_version", SCHEMA_VERSION)).split(".")[0]
        if major != SCHEMA_VERSION.split(".")[0]:
            raise ValueError(f"summary schema version {data.get('schema_version')} is not supported (this is {SCHEMA_VERSION})")
        values = dict(data)
        values["highlights"] = tuple(Highlight(**h) for h in data.get("highlights", ()))
        if data.get("headline_source") is not None:
            values["headline_source"] = Highlight(**data["headline_source"])
        values["source_spans"] = tuple(SourceSpan(**s) for s in data.get("source_spans", ()))
        values["warnings"] = tuple(SummaryWarning(**w) for w in data.get("warnings", ()))
        values["timings"] = dict(data.get("timings", {}))
        return cls(**values)


def summary_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of Summary.to_dict()."""
    span = {"type": "integer", "minimum": 0}
    highlight = {
        "type": "object",
        "required": ["sentence", "start", "end", "text", "score"],
        "properties": {
            "sentence": {"type": "integer", "minimum": 0},
            "start": span,
            "end": span,
            "text": {"type": "string"},
            "score": {"type": "number"},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Summary (schema {SCHEMA_VERSION})",
        "type": "object",
        "required": ["schema_version", "headline", "summary", "method", "highlights", "warnings", "timings"],
        "properties": {
            "schema_version": {"type": "string", "const": SCHEMA_VERSION},
            "id": {"type": ["string", "null"]},
            "headline": {"type": "string"},
            "summary": {"type": "string"},
            "method": {"type": "string"},
            "model": {"type": ["string", "null"]},
            "highlights": {"type": "array", "items": highlight},
            "headline_source": {"oneOf": [highlight, {"type": "null"}]},
            "source_spans": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["start", "end"],
                    "properties": {"start": span, "end": span},
                    "additionalProperties": False,
                },
            },
            "warnings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                    "additionalProperties": False,
                },
            },
            "timings": {"type": "object", "additionalProperties": {"type": "number"}},
            "repaired_text": {"type": "string"},
        },
        "additionalProperties": False,
    }
