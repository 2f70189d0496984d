"""`summarizer repair FILE|-`: print the repaired article, or its layout as JSON, or repair
a JSONL collection record by record (for cleaning archives)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from summarizer.cli.common import add_encoding_option, read_text_input
from summarizer.errors import EmptyInputError, InputError
from summarizer.text import analyse_text
from summarizer.text.layout import Layout

TEXT_FIELD = "text"
ID_FIELD = "id"
EXIT_SOME_RECORDS_FAILED = 1


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "repair",
        help="rebuild paragraphs and sentences of damaged text (hard wraps, PDF lines, broken paragraphs)",
        description="Print the repaired text, paragraphs separated by one blank line. Offsets in --json "
        "output are character (code point) offsets into the decoded input.",
    )
    parser.add_argument("input", metavar="FILE", nargs="?", help="text file, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print paragraphs and sentences with raw offsets, dateline and byline")
    parser.add_argument(
        "--jsonl", metavar="FILE",
        help="repair every record of a JSONL file ('-' for stdin) with fields 'id' and 'text'; prints one "
        "line per record with 'id' and 'repaired' (or 'error'); exit 1 if any record failed",
    )
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def repaired_text(layout: Layout) -> str:
    return "\n\n".join(p.text for p in layout.paragraphs)


def layout_to_json(layout: Layout) -> dict:
    """The layout as plain JSON data (offsets into the raw input)."""
    return {
        "paragraphs": [
            {
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "sentences": [asdict(s) for s in p.sentences],
            }
            for p in layout.paragraphs
        ],
        "dateline": asdict(layout.dateline) if layout.dateline else None,
        "byline": asdict(layout.byline) if layout.byline else None,
    }


def analyse_checked(raw: str) -> Layout:
    if not raw.strip():
        raise EmptyInputError("text is empty or only whitespace; send the article body")
    layout = analyse_text(raw)
    if not layout.paragraphs:
        raise EmptyInputError("text has no visible characters to repair")
    return layout


def run(args) -> int:
    if args.jsonl:
        if args.input:
            raise InputError("give either FILE or --jsonl FILE, not both")
        return run_jsonl(args.jsonl, args.encoding, sys.stdout)
    if not args.input:
        raise InputError("no input: give a text FILE, '-' for standard input, or --jsonl FILE")
    layout = analyse_checked(read_text_input(args.input, args.encoding))
    if args.json:
        print(json.dumps(layout_to_json(layout), ensure_ascii=False, indent=2))
    else:
        print(repaired_text(layout))
    return 0


def repair_record(line: str, line_number: int) -> dict:
    """One JSONL line -> output record; errors become {'id', 'error'} instead of raising."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {ID_FIELD: None, "line": line_number, "error": f"invalid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(record, dict):
        return {ID_FIELD: None, "line": line_number, "error": "record is not a JSON object"}
    record_id = record.get(ID_FIELD)
    text = record.get(TEXT_FIELD)
    if not isinstance(text, str):
        return {ID_FIELD: record_id, "line": line_number, "error": f"record has no string '{TEXT_FIELD}' field"}
    try:
        return {ID_FIELD: record_id, "repaired": repaired_text(analyse_checked(text))}
    except InputError as exc:
        return {ID_FIELD: record_id, "line": line_number, "error": str(exc)}


def _open_lines(path: str, encoding: str):
    if path == "-":
        return sys.stdin.buffer
    file = Path(path)
    if not file.is_file():
        raise InputError(f"JSONL file not found: {path}")
    return file.open("rb")


def run_jsonl(path: str, encoding: str, out) -> int:
    """Stream records from `path`, one output line each; non-zero exit if any failed."""
    failed = 0
    stream = _open_lines(path, encoding)
    try:
        for line_number, data in enumerate(stream, start=1):
            try:
                line = data.decode(encoding)
            except UnicodeDecodeError as exc:
                result = {ID_FIELD: None, "line": line_number, "error": f"line is not valid {encoding}: {exc.reason}"}
            else:
                if not line.strip():
                    continue
                result = repair_record(line, line_number)
            failed += "error" in result
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if failed:
        print(f"error: {failed} record(s) could not be repaired (see their 'error' fields)", file=sys.stderr)
    return EXIT_SOME_RECORDS_FAILED if failed else 0
