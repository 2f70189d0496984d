"""Input readers: JSONL, CSV, a directory of .txt/.md/.html files, or standard input.

Every reader yields InputRecord objects in input order. A record that cannot be used
(invalid JSON, missing text, undecodable bytes, over the size limit) is yielded with an
error instead of stopping the run. Records without an id get a stable one from their
place in the input (`line-N`, `row-N`, or the file's relative path), so a resumed run
recognises them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator, Mapping

from summarizer.batch.html_text import html_to_text
from summarizer.batch.records import (
    INVALID_JSON,
    INVALID_RECORD,
    MISSING_TEXT,
    TOO_LARGE,
    UNDECODABLE,
    InputRecord,
    RecordError,
)
from summarizer.errors import DecodeError, InputError, OptionError
from summarizer.text import decode_bytes

# One JSONL line, CSV field or article file larger than this is an error record, read
# no further (an article is a few KB; the Summarizer's own character limit applies too).
MAX_RECORD_BYTES = 16 * 1024 * 1024

INPUT_FORMATS = ("auto", "jsonl", "csv", "dir")
DIRECTORY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_SUFFIXES = (".html", ".htm")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jl", ".json")
_CSV_SUFFIXES = (".csv",)
STDIN = "-"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class FieldNames:
    """Which JSON keys / CSV columns hold the id, the text and the title."""

    id: str = "id"
    text: tuple[str, ...] = ("text", "article")  # the first one present is used
    title: str = "title"


@dataclass(frozen=True)
class InputSource:
    description: str  # for messages: "articles.jsonl (JSONL)"
    format: str  # jsonl | csv | dir
    records: Callable[[], Iterator[InputRecord]]
    count: Callable[[], int | None]  # number of records, or None when unknown (stdin)


def open_input(
    path: str,
    input_format: str = "auto",
    fields: FieldNames = FieldNames(),
    encoding: str = "utf-8",
    stdin: BinaryIO | None = None,
) -> InputSource:
    """Pick the reader for `path` ('-' = standard input); errors name the fix."""
    if input_format not in INPUT_FORMATS:
        raise OptionError(f"input format must be one of {', '.join(INPUT_FORMATS)}; got {input_format!r}")
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        if input_format == "dir":
            raise OptionError("standard input cannot be a directory; pass a directory path instead of -")
        if input_format == "csv":
            return InputSource("standard input (CSV)", "csv", lambda: read_csv(_text_stream(stream, encoding), fields, "standard input"), lambda: None)
        return InputSource("standard input (JSONL)", "jsonl", lambda: read_jsonl(stream, fields, encoding, "standard input"), lambda: None)
    file = Path(path)
    if not file.exists():
        raise InputError(f"input not found: {path}")
    if input_format == "auto":
        input_format = _guess_format(file)
    if input_format == "dir":
        if not file.is_dir():
            raise OptionError(f"{path} is not a directory; drop --input-format dir or pass a directory")
        files = list_article_files(file)
        return InputSource(f"{path} ({len(files)} files)", "dir", lambda: read_directory(file, files, encoding), lambda: len(files))
    if file.is_dir():
        raise OptionError(f"{path} is a directory; use --input-format dir (or auto)")
    if input_format == "csv":
        return InputSource(f"{path} (CSV)", "csv", lambda: _read_csv_file(file, fields, encoding), lambda: _count_csv_rows(file, encoding))
    return InputSource(f"{path} (JSONL)", "jsonl", lambda: _read_jsonl_file(file, fields, encoding), lambda: _count_jsonl_lines(file))


def _guess_format(file: Path) -> str:
    if file.is_dir():
        return "dir"
    suffix = file.suffix.lower()
    if suffix in _CSV_SUFFIXES:
        return "csv"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    raise OptionError(
        f"cannot tell the format of {file} from its name; pass --input-format jsonl or csv "
        f"(JSONL: {', '.join(_JSONL_SUFFIXES)}; CSV: {', '.join(_CSV_SUFFIXES)}; or a directory)"
    )


# ---------------------------------------------------------------------------- JSONL


def _read_jsonl_file(file: Path, fields: FieldNames, encoding: str) -> Iterator[InputRecord]:
    with file.open("rb") as stream:
        yield from read_jsonl(stream, fields, encoding, str(file))


def read_jsonl(stream: BinaryIO, fields: FieldNames, encoding: str, source: str) -> Iterator[InputRecord]:
    """One JSON object per line; blank lines are skipped (they still count as line numbers)."""
    line_number = 0
    while line := stream.readline(MAX_RECORD_BYTES + 1):
        line_number += 1
        if len(line) > MAX_RECORD_BYTES:
            size = len(line) + _skip_rest_of_line(stream, line)
            head = line[:4096].decode(encoding, errors="replace")
            yield InputRecord(
                _recover_id(head, fields.id) or f"line-{line_number}",
                error=RecordError(
                    TOO_LARGE,
                    f"{source} line {line_number} has {size:,} bytes, over the limit of {MAX_RECORD_BYTES:,} "
                    "(MAX_RECORD_BYTES); split the article or remove the line",
                ),
            )
            continue
        if line.strip():
            yield parse_jsonl_line(line, line_number, fields, encoding, source)


def _skip_rest_of_line(stream: BinaryIO, line: bytes) -> int:
    skipped = 0
    while not line.endswith(b"\n"):
        line = stream.readline(1024 * 1024)
        if not line:
            break
        skipped += len(line)
    return skipped


def parse_jsonl_line(line: bytes, line_number: int, fields: FieldNames, encoding: str, source: str) -> InputRecord:
    where = f"{source} line {line_number}"
    fallback_id = f"line-{line_number}"
    try:
        text = decode_bytes(line, encoding, source=where)
    except DecodeError as exc:
        recovered = _recover_id(line.decode(encoding, errors="replace"), fields.id)
        return InputRecord(recovered or fallback_id, error=RecordError(UNDECODABLE, str(exc)))
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return InputRecord(
            _recover_id(text, fields.id) or fallback_id,
            error=RecordError(INVALID_JSON, f"{where} is not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line"),
        )
    if not isinstance(value, dict):
        return InputRecord(
            fallback_id,
            error=RecordError(INVALID_RECORD, f"{where} is a JSON {type(value).__name__}, not an object with id and text fields"),
        )
    return record_from_fields(value, fields, fallback_id, where)


def _recover_id(text: str, id_field: str) -> str | None:
    """The id of a line that is not valid JSON, so its error record carries the real id."""
    match = re.search(r'"%s"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)' % re.escape(id_field), text)
    if not match:
        return None
    try:
        return str(json.loads(match.group(1)))
    except json.JSONDecodeError:
        return None


def _count_jsonl_lines(file: Path) -> int:
    with file.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


# ---------------------------------------------------------------------------- fields


def record_from_fields(values: Mapping[str, Any], fields: FieldNames, fallback_id: str, where: str) -> InputRecord:
    """A JSON object or CSV row -> InputRecord (an error record when a field is unusable)."""
    raw_id = values.get(fields.id)
    if raw_id is None or raw_id == "":
        record_id = fallback_id
    elif isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool):
        record_id = str(raw_id)
        if _has_undecodable(record_id):  # keep ids writable as UTF-8; stable across runs
            record_id = record_id.encode("utf-8", "replace").decode("utf-8")
    else:
        return InputRecord(
            fallback_id, error=RecordError(INVALID_RECORD, f"{where}: {fields.id!r} must be a string or a whole number, got {raw_id!r}")
        )
    text_field = next((name for name in fields.text if values.get(name) is not None), None)
    if text_field is None:
        names = " or ".join(repr(name) for name in fields.text)
        return InputRecord(
            record_id, error=RecordError(MISSING_TEXT, f"{where} has no {names} field; name the text field with --text-field")
        )
    text = values[text_field]
    if not isinstance(text, str):
        return InputRecord(
            record_id, error=RecordError(INVALID_RECORD, f"{where}: {text_field!r} must be a string, got {type(text).__name__}")
        )
    title = values.get(fields.title)
    if title is not None and not isinstance(title, str):
        return InputRecord(
            record_id, error=RecordError(INVALID_RECORD, f"{where}: {fields.title!r} must be a string, got {type(title).__name__}")
        )
    for name, value in ((text_field, text), (fields.title, title)):
        if value and _has_undecodable(value):
            return InputRecord(record_id, error=RecordError(UNDECODABLE, f"{where}: {name!r} is not valid text (bytes not valid in the encoding, or a lone surrogate escape such as \\ud83d); convert the file to UTF-8, pass the right --encoding, or fix the escape"))
    return InputRecord(record_id, text=text, title=title or None)


def _has_undecodable(value: str) -> bool:
    # Text streams are opened with errors="surrogateescape", so bad bytes become lone
    # surrogates; a JSON escape such as "\ud83d" without its pair is one too. Neither
    # can be written out as UTF-8.
    return not value.isascii() and _SURROGATE.search(value) is not None


# ---------------------------------------------------------------------------- CSV


def _text_stream(stream: BinaryIO, encoding: str) -> io.TextIOWrapper:
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    return io.TextIOWrapper(stream, encoding=codec, errors="surrogateescape", newline="")


def _read_csv_file(file: Path, fields: FieldNames, encoding: str) -> Iterator[InputRecord]:
    with file.open("rb") as raw:
        yield from read_csv(_text_stream(raw, encoding), fields, str(file))


def read_csv(stream: io.TextIOBase, fields: FieldNames, source: str) -> Iterator[InputRecord]:
    """A header row, then one article per row; id / text / title columns by FieldNames."""
    csv.field_size_limit(MAX_RECORD_BYTES)
    reader = csv.DictReader(stream)
    header = reader.fieldnames or []
    if not any(name in header for name in fields.text):
        names = " or ".join(repr(name) for name in fields.text)
        raise InputError(f"{source} has no {names} column (columns: {', '.join(header) or 'none'}); name it with --text-field")
    try:
        for row_number, row in enumerate(reader, start=1):
            yield record_from_fields({k: v for k, v in row.items() if k is not None}, fields, f"row-{row_number}", f"{source} row {row_number}")
    except csv.Error as exc:
        raise InputError(f"{source} is not valid CSV near line {reader.line_num}: {exc}; fix the file or convert it to JSONL") from None


def _count_csv_rows(file: Path, encoding: str) -> int:
    csv.field_size_limit(MAX_RECORD_BYTES)
    with file.open("rb") as raw:
        try:
            return max(0, sum(1 for _ in csv.reader(_text_stream(raw, encoding))) - 1)
        except csv.Error:
            return 0  # read_csv reports the problem with its place


# ---------------------------------------------------------------------------- directory


def list_article_files(directory: Path) -> list[Path]:
    """Article files under `directory`, recursively, in a stable (sorted) order; dot files skipped."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.is_file()
        and path.suffix.lower() in DIRECTORY_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


def read_directory(directory: Path, files: list[Path], encoding: str) -> Iterator[InputRecord]:
    """One article per file; the id is the path relative to `directory`. HTML becomes text."""
    for path in files:
        record_id = path.relative_to(directory).as_posix()
        try:
            size = path.stat().st_size
            if size > MAX_RECORD_BYTES:
                yield InputRecord(
                    record_id,
                    error=RecordError(TOO_LARGE, f"{path} has {size:,} bytes, over the limit of {MAX_RECORD_BYTES:,} (MAX_RECORD_BYTES); split it"),
                )
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield InputRecord(record_id, error=RecordError(INVALID_RECORD, f"cannot read {path}: {exc.strerror}"))
            continue
        try:
            text = decode_bytes(data, encoding, source=str(path))
        except DecodeError as exc:
            yield InputRecord(record_id, error=RecordError(UNDECODABLE, str(exc)))
            continue
        title = None
        if path.suffix.lower() in _HTML_SUFFIXES:
            text, title = html_to_text(text)
        yield InputRecord(record_id, text=text, title=title)
