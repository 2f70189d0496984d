"""`summarizer` command line: a thin shell over the Python API.

Each sub-command lives in its own module with `register(subparsers)`; the parser it adds
sets `run=<function(args) -> exit code>`. User errors are SummarizerError: printed as
`error: ...` with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from summarizer import __version__
from summarizer.errors import SummarizerError

# Order here is the order in `summarizer --help`.
COMMAND_MODULES = (
    "summarizer.cli.summarize",
    "summarizer.cli.repair",
    "summarizer.cli.evaluate",
    "summarizer.cli.serve",
    "summarizer.cli.batch",
    "summarizer.cli.models",
)

EXIT_USAGE = 2  # bad input or options (argparse uses 2 as well)
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Headline and summary for news articles: repair, extractive ranking, "
        "optional abstractive models. Run `summarizer COMMAND --help` for each command.",
    )
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    parser.add_argument("--config", metavar="FILE", help="TOML settings file (default: $SUMMARIZER_CONFIG)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    for command in subparsers.choices.values():
        # Also accepted after the command (`summarizer serve --config app.toml`); SUPPRESS
        # keeps the value given before the command when this one is absent.
        command.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS, help="TOML settings file (default: $SUMMARIZER_CONFIG)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except SummarizerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `summarizer ... | head` closed the pipe: not an error worth a traceback.
        return 0
