"""News summarisation: repaired text, extractive and abstractive headline + summary.

    from summarizer import Summarizer
    result = Summarizer().summarize(article_text)
    print(result.headline, result.summary)
"""

__version__ = "0.1.0"

from summarizer.document import Document, Paragraph, Sentence  # noqa: E402
from summarizer.errors import (  # noqa: E402
    EmptyInputError,
    InputError,
    ModelUnavailableError,
    OptionError,
    SummarizerError,
)
from summarizer.pipeline import Summarizer  # noqa: E402
from summarizer.settings import Settings  # noqa: E402
from summarizer.summary import SCHEMA_VERSION, Highlight, Summary, SummaryWarning  # noqa: E402

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "EmptyInputError",
    "Highlight",
    "InputError",
    "ModelUnavailableError",
    "OptionError",
    "Paragraph",
    "Sentence",
    "Settings",
    "Summarizer",
    "Summary",
    "SummaryWarning",
    "SummarizerError",
    "__version__",
]
