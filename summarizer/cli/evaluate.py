"""`summarizer eval DATA.jsonl`: ROUGE of one or more methods against references."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer.evaluation import REFERENCE_LENGTH, TARGETS, evaluate, format_table, read_examples
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score methods with ROUGE against a JSONL set of articles and references",
        description="ROUGE-1/2/Lsum F1 x 100 (rouge-score, stemmed, newline-separated sentences) of "
        "each --method on records with 'article' and 'summary' (or 'headline') fields. Summary "
        "length defaults to 3 sentences (the Lead-3 convention).",
    )
    parser.add_argument("data", metavar="DATA.jsonl", help="JSONL file, one record per line")
    parser.add_argument(
        "--method", action="append", dest="methods", metavar="NAME",
        help="method to score; repeat for several (default: the service's default method)",
    )
    parser.add_argument("--target", choices=TARGETS, default="summary", help="what to score (default: summary)")
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=int, metavar="N", help="summary of N sentences (default 3)")
    length.add_argument("--words", type=int, metavar="N", help="summary (or headline, with --target headline) of at most N words")
    length.add_argument(
        "--length", choices=[REFERENCE_LENGTH],
        help="each article's word budget = its reference's word count",
    )
    parser.add_argument("--model", help="abstractive model for the abstractive method")
    parser.add_argument("--limit", type=int, metavar="N", help="score only the first N records")
    parser.add_argument("--output", metavar="FILE", help="also write the JSON results to FILE")
    parser.add_argument("--json", action="store_true", help='print {"<method>": {"rouge1": .., ...}} instead of a table')
    parser.set_defaults(run=run)


def run(args) -> int:
    settings = Settings.load(config_file=args.config, model=args.model)
    summarizer = Summarizer(settings)
    examples = list(read_examples(args.data, args.target, args.limit))
    methods = args.methods or [settings.default_method]
    results = evaluate(
        summarizer, examples, methods, target=args.target, sentences=args.sentences, words=args.words, length=args.length
    )
    payload = json.dumps(results, indent=2)
    if args.output:
        Path(args.output).write_text(payload + "\n", encoding="utf-8")
    if args.json:
        print(payload)
    else:
        print(f"{args.data}: target={args.target}, {len(examples)} records")
        print(format_table(results))
        if args.output:
            print(f"results written to {args.output}", file=sys.stderr)
    return 0
