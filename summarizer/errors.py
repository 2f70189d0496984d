"""Typed errors. Every message names the cause and the fix.

The CLI prints `error: <message>` and exits non-zero; the HTTP service maps each
class to one status code. Nothing user-facing ever shows a traceback.
"""


class SummarizerError(Exception):
    """Base class for every error the summariser raises on purpose."""

    code = "summarizer_error"


class InputError(SummarizerError, ValueError):
    """The input text (or a request option) cannot be used as given."""

    code = "invalid_input"


class EmptyInputError(InputError):
    code = "empty_input"


class InputTooLargeError(InputError):
    code = "input_too_large"


class DecodeError(InputError):
    code = "undecodable_input"


class OptionError(InputError):
    """A length, method or other option is out of range or unknown."""

    code = "invalid_option"


class ModelUnavailableError(SummarizerError):
    """The abstractive method was asked for but no model can be loaded."""

    code = "model_unavailable"


class ModelLoadError(SummarizerError):
    """A model was found but could not be loaded (broken or unsupported checkpoint)."""

    code = "model_load_failed"
