"""`summarizer batch INPUT -o OUTPUT`: summarise a collection, resumably.

Exit status: 0 when every record was summarised, 1 when any record got an error record
(the run still finishes the rest), 2 for bad options, an unusable input/output file or a
worker process that died, 130 after Ctrl-C. See docs/batch.md.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.batch import BatchOptions, FieldNames, SummaryOptions, open_input, run_batch
from summarizer.batch.output import OUTPUT_FORMATS, output_format_for
from summarizer.batch.readers import INPUT_FORMATS
from summarizer.batch.runner import DEFAULT_ABSTRACTIVE_BATCH, ENGINES
from summarizer.cli.common import add_encoding_option, add_summary_options
from summarizer.errors import OptionError
from summarizer.settings import Settings

EXIT_RECORDS_FAILED = 1


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="summarise a collection (JSONL, CSV, a directory, or stdin) into JSONL or CSV, resumably",
        description="Summarise every article of INPUT into OUTPUT, one result per id (the HTTP API's schema; "
        "error records carry {id, error: {type, message}}). Re-running with the same OUTPUT skips ids already "
        "done, so an interrupted run is resumed by running the same command again. Output order: input order "
        "with --workers 1 or --keep-order, otherwise the order results finish in.",
    )
    parser.add_argument("input", metavar="INPUT", help="JSONL or CSV file, a directory of .txt/.md/.html files, or - (JSONL on stdin)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT", help="result file; appended to and resumed when it exists")
    parser.add_argument("--format", choices=OUTPUT_FORMATS, help="output format (default: csv for *.csv, else jsonl)")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto", help="input format (default: from the name)")
    parser.add_argument("--id-field", default="id", metavar="NAME", help="JSON key / CSV column of the id (default: id)")
    parser.add_argument("--text-field", metavar="NAME", help="JSON key / CSV column of the text (default: text, else article)")
    parser.add_argument("--title-field", default="title", metavar="NAME", help="JSON key / CSV column of the title (default: title)")
    add_encoding_option(parser)
    parser.add_argument("--workers", type=int, metavar="N", help="worker processes for extractive methods (default: the number of cores)")
    parser.add_argument("--keep-order", action="store_true", help="write results in input order")
    parser.add_argument("--engine", choices=ENGINES, default="local", help="local (default) or ray (needs `pip install \"ray[data]\"`)")
    parser.add_argument("--ray-address", metavar="ADDRESS", help="Ray cluster to join (default: $RAY_ADDRESS, else a local Ray)")
    add_summary_options(parser)
    parser.add_argument(
        "--batch-size", type=int, default=DEFAULT_ABSTRACTIVE_BATCH, metavar="N",
        help=f"articles per model call on the abstractive path (default {DEFAULT_ABSTRACTIVE_BATCH})",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar (the closing summary is still printed)")
    parser.set_defaults(run=run)


def run(args) -> int:
    settings = Settings.load(config_file=args.config, model=args.model)
    fields = FieldNames(
        id=args.id_field,
        text=(args.text_field,) if args.text_field else FieldNames().text,
        title=args.title_field,
    )
    if args.input != "-" and Path(args.input).resolve() == Path(args.output).resolve():
        raise OptionError(f"the output {args.output} is the input file; choose another -o")
    source = open_input(args.input, args.input_format, fields, args.encoding)
    options = BatchOptions(
        output=Path(args.output),
        output_format=output_format_for(args.output, args.format),
        request=SummaryOptions(args.method, args.headline_words, args.words, args.sentences),
        workers=args.workers,
        keep_order=args.keep_order,
        engine=args.engine,
        ray_address=args.ray_address,
        batch_size=args.batch_size,
        progress=not args.quiet,
    )
    counts = run_batch(source, settings, options)
    return EXIT_RECORDS_FAILED if counts.failed else 0
