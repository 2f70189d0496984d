"""One settings object for every shell (Python API, CLI, HTTP service, batch).

Precedence, lowest first: defaults < TOML config file < environment (SUMMARIZER_*) <
explicit keyword overrides. Defaults work on a laptop with no GPU and no network.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from summarizer.errors import OptionError

ENV_PREFIX = "SUMMARIZER_"
# Length defaults in user units, shared with the abstractive engine's own defaults.
DEFAULT_HEADLINE_WORDS = 12
DEFAULT_SUMMARY_WORDS = 60
CONFIG_ENV = "SUMMARIZER_CONFIG"


def _default_models_dir() -> Path:
    # A source checkout keeps weights beside the registry in <repo>/models; an installed
    # package without that folder falls back to the working directory's models/.
    checkout_models = Path(__file__).resolve().parent.parent / "models"
    return checkout_models if checkout_models.is_dir() else Path("models").resolve()


@dataclass(frozen=True)
class Settings:
    # What a request gets when it names no method: auto = abstractive when a model is
    # loaded, otherwise extractive.
    default_method: str = "auto"
    # The ranker behind the `extractive` method.
    extractive_ranker: str = "learned"
    # Length contract defaults (user units).
    headline_words: int = DEFAULT_HEADLINE_WORDS
    summary_words: int = DEFAULT_SUMMARY_WORDS
    summary_sentences: int | None = None
    # Limits.
    max_text_chars: int = 1_000_000
    # Abstractive model: registry name, hub id or local directory; None = extractive only.
    model: str | None = None
    models_dir: Path = field(default_factory=_default_models_dir)
    device: str = "auto"  # auto | cpu | cuda
    torch_threads: int | None = None  # None = torch's default (all cores)
    backend: str = "auto"  # auto (ctranslate2 on CPU when installed and converted, else torch) | torch | ctranslate2
    quantization: str = "auto"  # auto (int8 on CPU) | none | int8
    # Strict grounding: an abstractive output with unsupported names/numbers is replaced by
    # the extractive summary (with a warning) instead of being returned.
    strict_grounding: bool = False
    # HTTP service (`summarizer serve`, summarizer.api). Loopback by default: opening the
    # port to a network is a deliberate choice (--host 0.0.0.0, as the Docker image does).
    service_host: str = "127.0.0.1"
    service_port: int = 8000
    service_workers: int = 1  # uvicorn processes; x model threads must not exceed the cores
    max_body_bytes: int = 1_048_576  # larger request bodies get 413
    max_batch_items: int = 32  # articles in one /v1/summarize/batch request
    queue_size: int = 256  # waiting requests per lane (extractive, abstractive); more get 429
    batch_max_size: int = 8  # micro-batching: at most B requests share one model call...
    batch_wait_ms: int = 10  # ...collected for at most W ms after the first one arrives
    request_timeout_ms: int = 120_000  # a request still unanswered after this gets 504
    api_keys: str | None = None  # comma-separated bearer tokens; none = no auth
    api_keys_file: str | None = None  # file with one bearer token per line (# comments)
    cors_origins: str | None = None  # comma-separated origins allowed to call the API

    def __post_init__(self) -> None:
        check_range("headline_words", self.headline_words, HEADLINE_WORDS_RANGE)
        check_range("summary_words", self.summary_words, SUMMARY_WORDS_RANGE)
        if self.summary_sentences is not None:
            check_range("summary_sentences", self.summary_sentences, SUMMARY_SENTENCES_RANGE)
        if self.max_text_chars < 1:
            raise OptionError("max_text_chars must be a positive number of characters")
        _check_choice("device", self.device, ("auto", "cpu", "cuda"))
        _check_choice("backend", self.backend, ("auto", "torch", "ctranslate2"))
        _check_choice("quantization", self.quantization, ("auto", "none", "int8"))

    @classmethod
    def load(
        cls,
        config_file: str | os.PathLike | None = None,
        environ: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> "Settings":
        """Defaults < config file (argument or $SUMMARIZER_CONFIG) < SUMMARIZER_* env < overrides."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        config_file = config_file or environ.get(CONFIG_ENV)
        if config_file:
            values.update(_read_config_file(Path(config_file)))
        for f in fields(cls):
            env_name = ENV_PREFIX + f.name.upper()
            if env_name in environ:
                values[f.name] = environ[env_name]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**_coerce(values))

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **_coerce(changes))

    def as_dict(self) -> dict[str, Any]:
        return {f.name: (str(v) if isinstance(v := getattr(self, f.name), Path) else v) for f in fields(self)}


# Limits of the length contract, shared by every shell so they reject the same input.
HEADLINE_WORDS_RANGE = (3, 22)  # 12, 17, 22: the presets editors know; abstractive allows 8-22
SUMMARY_WORDS_RANGE = (5, 1000)
SUMMARY_SENTENCES_RANGE = (1, 100)


def check_range(name: str, value: int, bounds: tuple[int, int]) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OptionError(f"{name} must be a whole number from {low} to {high}, got {value!r}")


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise OptionError(f"{name} must be one of {', '.join(choices)}; got {value!r}")


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise OptionError(f"config file not found: {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise OptionError(f"config file {path} is not valid TOML: {exc}") from None
    # Accept either top-level keys or a [summarizer] table.
    data = data.get("summarizer", data)
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise OptionError(f"config file {path} has unknown settings {unknown}; known: {sorted(known)}")
    return data


_FIELD_TYPES = {f.name: f.type for f in fields(Settings)}


def _coerce(values: Mapping[str, Any]) -> dict[str, Any]:
    """Turn strings from env vars / files into the field's type, with a clear error."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        kind = _FIELD_TYPES.get(name)
        if kind is None:
            raise OptionError(f"unknown setting {name!r}; known: {sorted(_FIELD_TYPES)}")
        if isinstance(value, str):
            value = _parse_string(name, value, str(kind))
        elif name == "models_dir":
            value = Path(value)
        out[name] = value
    return out


def _parse_string(name: str, text: str, kind: str) -> Any:
    text = text.strip()
    if "None" in kind and text.lower() in ("", "none", "null"):
        return None
    if kind.startswith("int"):
        try:
            return int(text)
        except ValueError:
            raise OptionError(f"setting {name} must be a whole number, got {text!r}") from None
    if kind == "bool":
        lowered = text.lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise OptionError(f"setting {name} must be true or false, got {text!r}")
    if kind == "Path":
        return Path(text).expanduser()
    return text
