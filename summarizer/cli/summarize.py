"""`summarizer summarize FILE|-`: headline and summary of one article."""

from __future__ import annotations

import json

from summarizer.cli.common import add_encoding_option, add_summary_options, read_text_input
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "summarize",
        help="summarise one article (a file or - for standard input)",
        description="Print the headline and the summary of one article. --json prints the whole "
        "result (the same schema the HTTP API returns).",
    )
    parser.add_argument("input", metavar="FILE", help="article text file, or - for standard input")
    parser.add_argument("--title", help="the article's title, if known")
    add_summary_options(parser)
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument("--repaired-text", action="store_true", help="include the repaired article in --json output")
    add_encoding_option(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    text = read_text_input(args.input, args.encoding)
    settings = Settings.load(config_file=args.config, model=args.model)
    result = Summarizer(settings).summarize(
        text,
        title=args.title,
        method=args.method,
        headline_words=args.headline_words,
        summary_words=args.words,
        summary_sentences=args.sentences,
        include_repaired_text=args.repaired_text,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(result.headline)
        print()
        print(result.summary)
        for warning in result.warnings:
            if warning.code != "extractive_only":
                print(f"\nwarning: {warning.message}")
    return 0
