"""Request and response models: the one source of the service's schema (and of /docs).

The summary response mirrors `summarizer.summary.Summary.to_dict()` field for field (a
test checks the two agree); the service returns exactly that dictionary.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.pipeline import SummaryRequest
from summarizer.settings import HEADLINE_WORDS_RANGE, SUMMARY_SENTENCES_RANGE, SUMMARY_WORDS_RANGE

# Extra outputs a request may ask for. Highlights are always returned (the result schema
# requires them); "highlights" is accepted so that clients can say what they rely on.
Include = Literal["highlights", "repaired_text"]
# Longest title and id accepted (they are echoed back, so they are bounded).
MAX_TITLE_CHARS = 1000
MAX_ID_CHARS = 200


class HeadlineOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_words: int | None = Field(
        None, ge=HEADLINE_WORDS_RANGE[0], le=HEADLINE_WORDS_RANGE[1], description="headline at most this many words (default 12)"
    )


class SummaryOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_words: int | None = Field(
        None, ge=SUMMARY_WORDS_RANGE[0], le=SUMMARY_WORDS_RANGE[1], description="summary at most this many words (default 60)"
    )
    sentences: int | None = Field(
        None, ge=SUMMARY_SENTENCES_RANGE[0], le=SUMMARY_SENTENCES_RANGE[1], description="summary of this many sentences"
    )

    @model_validator(mode="after")
    def _one_length(self) -> "SummaryOptions":
        if self.max_words is not None and self.sentences is not None:
            raise ValueError("give the summary length as max_words or as sentences, not both")
        return self


class SummarizeRequest(BaseModel):
    """One article to summarise."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="the article: plain text, paragraphs separated by blank lines")
    title: str | None = Field(None, max_length=MAX_TITLE_CHARS, description="the article's title, if known")
    id: str | None = Field(None, max_length=MAX_ID_CHARS, description="echoed back in the result")
    headline: HeadlineOptions = Field(default_factory=HeadlineOptions)
    summary: SummaryOptions = Field(default_factory=SummaryOptions)
    method: str | None = Field(
        None,
        max_length=64,
        description="auto (default: abstractive when a model is configured, else extractive), "
        "extractive, abstractive, or a ranker name (see GET /v1/models)",
    )
    include: list[Include] = Field(default_factory=list, max_length=2, description="extra outputs")

    def to_summary_request(self) -> SummaryRequest:
        return SummaryRequest(
            text=self.text,
            title=self.title,
            id=self.id,
            method=self.method,
            headline_words=self.headline.max_words,
            summary_words=self.summary.max_words,
            summary_sentences=self.summary.sentences,
            include_repaired_text="repaired_text" in self.include,
        )


class BatchRequest(BaseModel):
    """Several articles; each is answered on its own (one item's error does not fail the rest)."""

    model_config = ConfigDict(extra="forbid")
    items: list[SummarizeRequest] = Field(min_length=1, description="at most max_batch_items (default 32) articles")


# ------------------------------------------------------------------------ responses


class ErrorDetail(BaseModel):
    type: str = Field(description="machine-readable cause, e.g. empty_input, queue_full")
    message: str = Field(description="what went wrong and how to fix it")


class ErrorResponse(BaseModel):
    error: ErrorDetail


class HighlightModel(BaseModel):
    sentence: int = Field(ge=0)
    start: int = Field(ge=0, description="raw input offset (Unicode code points) where the sentence starts")
    end: int = Field(ge=0)
    text: str
    score: float


class SourceSpanModel(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class WarningModel(BaseModel):
    code: str
    message: str


class SummaryResponse(BaseModel):
    """Summary.to_dict(): the same schema the Python API and the batch CLI return."""

    schema_version: str
    id: str | None
    headline: str
    summary: str
    method: str
    model: str | None
    highlights: list[HighlightModel]
    headline_source: HighlightModel | None
    source_spans: list[SourceSpanModel]
    warnings: list[WarningModel]
    timings: dict[str, float]
    repaired_text: str | None = Field(None, description="present when include has repaired_text")


class BatchItemError(BaseModel):
    id: str | None = None
    status: int = Field(description="the HTTP status this item would have had on its own")
    error: ErrorDetail


class BatchResponse(BaseModel):
    items: list[SummaryResponse | BatchItemError] = Field(description="one per request item, in order")
    succeeded: int
    failed: int


class HealthResponse(BaseModel):
    status: Literal["ok"]


class AbstractiveStatus(BaseModel):
    available: bool
    reason: str


class ReadyResponse(BaseModel):
    ready: bool
    abstractive: AbstractiveStatus
    queues: dict[str, int]


class RegisteredModel(BaseModel):
    name: str
    hub_id: str | None
    family: str
    max_input_tokens: int
    licence: str


class ModelsResponse(BaseModel):
    methods: list[str]
    default_method: str
    extractive_ranker: str
    abstractive: AbstractiveStatus
    model: str | None = Field(description="the configured abstractive model, if any")
    loaded: bool
    backend: str
    device: str
    load_seconds: float | None
    registry_default: str | None
    registry: list[RegisteredModel]
    registry_error: str | None = None
