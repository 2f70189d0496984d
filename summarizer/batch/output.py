"""Result files: JSONL or CSV, appended one record at a time, resumable after kill -9.

Durability: each record is one os.write() of a whole line on an O_APPEND descriptor,
so once written it survives the process being killed (the kernel holds it); the file is
fsync'ed every FSYNC_INTERVAL_S and at the end, which bounds what a power cut can take.
A kill in the middle of a write can leave a torn last line: `prepare_output` cuts it
off before a resumed run appends, and reports how many bytes it dropped.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from summarizer.batch.records import ResultRecord
from summarizer.errors import InputError, OptionError

OUTPUT_FORMATS = ("jsonl", "csv")
# The CSV view is flat: the full result (highlights, offsets, timings) is JSONL only.
CSV_COLUMNS = ("id", "headline", "summary", "method", "model", "warnings", "error_type", "error_message")
FSYNC_INTERVAL_S = 1.0
_TAIL_SCAN_BYTES = 64 * 1024


def output_format_for(path: str | Path, requested: str | None) -> str:
    """--format when given, else from the file name (.csv -> csv, anything else -> jsonl)."""
    if requested is not None:
        if requested not in OUTPUT_FORMATS:
            raise OptionError(f"output format must be one of {', '.join(OUTPUT_FORMATS)}; got {requested!r}")
        return requested
    return "csv" if Path(path).suffix.lower() == ".csv" else "jsonl"


# ---------------------------------------------------------------------------- formatting


def format_jsonl(record: ResultRecord) -> str:
    data = {"id": record.id, **{k: v for k, v in record.data.items() if k != "id"}}
    return json.dumps(data, ensure_ascii=False) + "\n"


def format_csv(record: ResultRecord) -> str:
    data = record.data
    error = data.get("error") or {}
    row = [
        record.id,
        data.get("headline", ""),
        data.get("summary", ""),
        data.get("method", ""),
        data.get("model") or "",
        ";".join(w["code"] for w in data.get("warnings", ())),
        error.get("type", ""),
        error.get("message", ""),
    ]
    return _csv_line(row)


def _csv_line(values) -> str:
    # One physical line per record (newlines inside fields become spaces), so the resume
    # logic can treat a CSV result file line by line, exactly like JSONL.
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([str(v).replace("\r", " ").replace("\n", " ") for v in values])
    return buffer.getvalue()


def formatter_for(output_format: str) -> Callable[[ResultRecord], str]:
    return format_csv if output_format == "csv" else format_jsonl


# ---------------------------------------------------------------------------- resume


@dataclass
class ResumeState:
    done_ids: set[str] = field(default_factory=set)
    records: int = 0  # result lines already in the file
    torn_bytes: int = 0  # bytes of a torn last line that were cut off


def prepare_output(path: Path, output_format: str) -> ResumeState:
    """Create the output or read the ids it already holds, cutting off a torn last line."""
    path = Path(path)
    state = ResumeState()
    if path.is_dir():
        raise OptionError(f"output {path} is a directory; pass a file name such as results.jsonl")
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            if output_format == "csv":
                out.write(_csv_line(CSV_COLUMNS))
        return state
    state.torn_bytes = _cut_torn_tail(path)
    with path.open("rb") as stream:
        for line_number, line in enumerate(stream, start=1):
            if output_format == "csv" and line_number == 1:
                _check_csv_header(path, line)
                continue
            record_id = _result_id(line, output_format)
            if record_id is None:
                raise InputError(
                    f"{path} line {line_number} is not a {output_format} batch result; the file was not written by "
                    "`summarizer batch` with this --format, or was edited. Move it away or choose another -o"
                )
            state.done_ids.add(record_id)
            state.records += 1
    if output_format == "csv" and state.torn_bytes and path.stat().st_size == 0:
        path.write_text(_csv_line(CSV_COLUMNS), encoding="utf-8")  # the torn line was the header
    return state


def _cut_torn_tail(path: Path) -> int:
    """Truncate after the last newline; return the number of bytes removed."""
    size = path.stat().st_size
    with path.open("rb+") as stream:
        end = size
        while end > 0:
            start = max(0, end - _TAIL_SCAN_BYTES)
            stream.seek(start)
            chunk = stream.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline == len(chunk) - 1 and end == size:
                return 0  # ends with a newline: nothing torn
            if newline >= 0:
                keep = start + newline + 1
                break
            end = start
        else:
            keep = 0
        stream.truncate(keep)
        stream.flush()
        os.fsync(stream.fileno())
    return size - keep


def _result_id(line: bytes, output_format: str) -> str | None:
    try:
        text = line.decode("utf-8")
        if output_format == "csv":
            row = next(csv.reader([text]))
            return row[0] if len(row) == len(CSV_COLUMNS) else None
        value = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, csv.Error, StopIteration):
        return None
    if not isinstance(value, dict) or not ("schema_version" in value or "error" in value):
        return None  # not a result (an input file given as the output, for one)
    record_id = value.get("id")
    return record_id if isinstance(record_id, str) else None


def _check_csv_header(path: Path, line: bytes) -> None:
    expected = _csv_line(CSV_COLUMNS).encode("utf-8")
    if line != expected:
        raise InputError(
            f"{path} does not start with the batch CSV header ({', '.join(CSV_COLUMNS)}); it was not written by "
            "`summarizer batch --format csv`. Move it away or choose another -o"
        )


# ---------------------------------------------------------------------------- writing


class ResultWriter:
    """Appends whole lines with one write each; fsync at most every FSYNC_INTERVAL_S."""

    def __init__(self, path: Path, fsync_interval_s: float = FSYNC_INTERVAL_S) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._fsync_interval_s = fsync_interval_s
        self._last_fsync = time.monotonic()

    def write(self, line: str) -> None:
        # backslashreplace: a stray surrogate becomes the JSON escape \udcxx, never a crash.
        data = line.encode("utf-8", "backslashreplace")
        while data:  # a regular file takes it in one write; loop for the rare short write
            written = os.write(self._fd, data)
            data = data[written:]
        now = time.monotonic()
        if now - self._last_fsync >= self._fsync_interval_s:
            os.fsync(self._fd)
            self._last_fsync = now

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> "ResultWriter":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
