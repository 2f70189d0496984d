"""Summarise records: the one function every engine (in-process, worker pool, Ray) calls.

Per-record errors never stop a run: a record that cannot be summarised becomes an
error record with the reason, and the next record goes on.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from summarizer.batch.records import INTERNAL_ERROR, InputRecord, RecordError, ResultRecord, SummaryOptions, error_result
from summarizer.errors import SummarizerError
from summarizer.pipeline import SummaryRequest


def summarize_record(summarizer: Any, record: InputRecord, request: SummaryOptions) -> ResultRecord:
    """One record -> its result (a Summary dict with the id, or an error record)."""
    if record.error is not None:
        return error_result(record.id, record.error)
    try:
        summary = summarizer.summarize(record.text, title=record.title, id=record.id, **request.as_kwargs())
    except SummarizerError as exc:
        return error_result(record.id, RecordError(exc.code, str(exc)))
    except Exception as exc:  # a bug must not lose the rest of a long run; the record says what broke
        return error_result(record.id, RecordError(INTERNAL_ERROR, f"{type(exc).__name__}: {exc}"))
    return ResultRecord(record.id, summary.to_dict())


def summarize_records(summarizer: Any, records: Iterable[InputRecord], request: SummaryOptions) -> list[ResultRecord]:
    return [summarize_record(summarizer, record, request) for record in records]


def summarize_group(summarizer: Any, records: Sequence[InputRecord], request: SummaryOptions) -> list[ResultRecord]:
    """A group of similar-length records in one call, for the abstractive path.

    Uses `Summarizer.summarize_requests` (one call, so abstractive items share forward
    passes; an item's error comes back in its place). If the
    call itself fails (a bug, not a bad article), the group is redone one record at a
    time so the failure is pinned to its record. Results keep the order of `records`.
    """
    usable = [r for r in records if r.error is None]
    if len(usable) < 2:
        return summarize_records(summarizer, records, request)
    try:
        outcomes = summarizer.summarize_requests(
            [SummaryRequest(r.text, title=r.title, id=r.id, **request.as_kwargs()) for r in usable]
        )
        done = iter([_result(r.id, outcome) for r, outcome in zip(usable, outcomes, strict=True)])
    except Exception:
        return summarize_records(summarizer, records, request)
    return [next(done) if r.error is None else error_result(r.id, r.error) for r in records]


def _result(record_id: str, outcome: Any) -> ResultRecord:
    if isinstance(outcome, SummarizerError):
        return error_result(record_id, RecordError(outcome.code, str(outcome)))
    return ResultRecord(record_id, outcome.to_dict())
