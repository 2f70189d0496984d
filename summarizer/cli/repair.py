"""`summarizer repair FILE|-`: print the repaired article (placeholder; issue 3 completes it)."""

from __future__ import annotations

from summarizer.cli.common import add_encoding_option, read_text_input
from summarizer.document import Document


def register(subparsers) -> None:
    parser = subparsers.add_parser("repair", help="print the repaired text of an article")
    parser.add_argument("input", metavar="FILE", help="text file, or - for standard input")
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    print(Document.from_text(read_text_input(args.input, args.encoding)).repaired_text())
    return 0
