"""Bytes -> str with an error that names the encoding problem."""

from __future__ import annotations

from summarizer.errors import DecodeError


CLI_FIX = "convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`) or pass the right --encoding"


def decode_bytes(data: bytes, encoding: str = "utf-8", source: str = "input", fix: str = CLI_FIX) -> str:
    """Decode `data` strictly; a UTF-8 byte-order mark is dropped. `fix` ends the error message."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 8]
        raise DecodeError(
            f"{source} is not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start} "
            f"({exc.reason}; bytes {bad!r}); {fix}"
        ) from None
    except LookupError:
        raise DecodeError(f"unknown text encoding {encoding!r}; use a Python codec name such as utf-8 or latin-1") from None
