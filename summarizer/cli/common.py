"""Helpers shared by the CLI commands: reading input files and stdin with clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.errors import InputError
from summarizer.text import decode_bytes

# Files larger than this are refused before reading (an article is far smaller).
MAX_INPUT_FILE_BYTES = 50 * 1024 * 1024


def read_text_input(path: str, encoding: str = "utf-8") -> str:
    """Read FILE or '-' (stdin) as text; errors name the file and the fix."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_FILE_BYTES + 1)
        source = "standard input"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"file not found: {path}")
        if file.is_dir():
            raise InputError(f"{path} is a directory; pass a text file (or '-' for standard input)")
        if file.stat().st_size > MAX_INPUT_FILE_BYTES:
            raise InputError(f"{path} is larger than {MAX_INPUT_FILE_BYTES // 2**20} MiB; split it first")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}") from None
        source = path
    if len(data) > MAX_INPUT_FILE_BYTES:
        raise InputError(f"{source} is larger than {MAX_INPUT_FILE_BYTES // 2**20} MiB; split it first")
    return decode_bytes(data, encoding, source=source)


def add_encoding_option(parser) -> None:
    parser.add_argument("--encoding", default="utf-8", help="input text encoding (default: utf-8)")


def add_summary_options(parser) -> None:
    """The method, model and length options that `summarize` and `batch` share."""
    parser.add_argument("--method", help="auto (default), extractive, abstractive, or a ranker name such as lead")
    parser.add_argument("--model", help="abstractive model: registry name, hub id or local directory")
    parser.add_argument("--headline-words", type=int, metavar="N", help="headline at most N words (default 12)")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--words", type=int, metavar="N", help="summary at most N words (default 60)")
    length.add_argument("--sentences", type=int, metavar="N", help="summary of N sentences")
