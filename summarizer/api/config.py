"""The service's limits and security settings, checked once at start-up.

They come from `Settings` (env SUMMARIZER_*, config file, CLI overrides); this module turns
them into the values the app uses and rejects inconsistent ones with a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import OptionError
from summarizer.settings import Settings

# Tokens shorter than this are refused: a guessable key is no protection.
MIN_API_KEY_CHARS = 16


@dataclass(frozen=True)
class ServiceConfig:
    max_body_bytes: int
    max_batch_items: int
    queue_size: int
    batch_max_size: int
    batch_wait_s: float
    request_timeout_s: float
    api_keys: frozenset[str]
    cors_origins: tuple[str, ...]

    @property
    def auth_enabled(self) -> bool:
        return bool(self.api_keys)

    @classmethod
    def from_settings(cls, settings: Settings) -> "ServiceConfig":
        for name in ("max_body_bytes", "max_batch_items", "queue_size", "batch_max_size", "request_timeout_ms"):
            if getattr(settings, name) < 1:
                raise OptionError(f"setting {name} must be at least 1, got {getattr(settings, name)}")
        if settings.batch_wait_ms < 0:
            raise OptionError(f"setting batch_wait_ms must be 0 or more, got {settings.batch_wait_ms}")
        if settings.max_batch_items > settings.queue_size:
            raise OptionError(
                f"max_batch_items ({settings.max_batch_items}) is larger than queue_size ({settings.queue_size}): "
                "a full batch request could never be queued; raise SUMMARIZER_QUEUE_SIZE or lower SUMMARIZER_MAX_BATCH_ITEMS"
            )
        return cls(
            max_body_bytes=settings.max_body_bytes,
            max_batch_items=settings.max_batch_items,
            queue_size=settings.queue_size,
            batch_max_size=settings.batch_max_size,
            batch_wait_s=settings.batch_wait_ms / 1000,
            request_timeout_s=settings.request_timeout_ms / 1000,
            api_keys=frozenset(_read_api_keys(settings.api_keys, settings.api_keys_file)),
            cors_origins=tuple(_split_list(settings.cors_origins)),
        )


def _split_list(text: str | None) -> list[str]:
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def _read_api_keys(inline: str | None, file: str | None) -> list[str]:
    keys = _split_list(inline)
    if file:
        path = Path(file).expanduser()
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise OptionError(f"cannot read the API keys file {path}: {exc.strerror}; fix SUMMARIZER_API_KEYS_FILE") from None
        keys += [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    short = [key for key in keys if len(key) < MIN_API_KEY_CHARS]
    if short:
        raise OptionError(f"{len(short)} API key(s) are shorter than {MIN_API_KEY_CHARS} characters; use long random tokens")
    return keys
