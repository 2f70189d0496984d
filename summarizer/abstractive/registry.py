"""The model registry: models/registry.toml read into ModelSpec records.

A registry name ("distilbart-cnn-12-6") gives the hub id, task prefix, input limit and
per-preset beam settings. Anything else (a hub id, a local directory) gets the
[defaults] settings, with the family taken from the checkpoint's config when loaded.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from summarizer.errors import OptionError

# The registry that ships with the project: <repo>/models/registry.toml.
REGISTRY_PATH = Path(__file__).resolve().parents[2] / "models" / "registry.toml"
FAMILIES = ("bart", "pegasus", "t5")


@dataclass(frozen=True)
class BeamSettings:
    num_beams: int = 4
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 3


@dataclass(frozen=True)
class ModelSpec:
    name: str
    hub_id: str | None = None
    family: str = "bart"
    prefix: str = ""
    max_input_tokens: int = 512
    tokens_per_word: float = 1.4
    licence: str = "unknown"
    rouge: dict = field(default_factory=dict)
    headline: BeamSettings = BeamSettings()
    paragraph: BeamSettings = BeamSettings()
    registered: bool = False  # listed in the registry (not an ad-hoc hub id or directory)


@dataclass(frozen=True)
class Registry:
    default: str
    models: dict[str, ModelSpec]
    defaults: ModelSpec

    def get(self, name: str) -> ModelSpec | None:
        return self.models.get(name)

    def by_hub_id(self, hub_id: str) -> ModelSpec | None:
        return next((spec for spec in self.models.values() if spec.hub_id == hub_id), None)

    def ad_hoc(self, name: str, family: str | None = None) -> ModelSpec:
        """Settings for a checkpoint the registry does not list."""
        spec = replace(self.defaults, name=name, hub_id=None, registered=False)
        return replace(spec, family=family) if family else spec


def _spec_from_table(name: str, table: dict, base: ModelSpec | None) -> ModelSpec:
    values = {} if base is None else {k: getattr(base, k) for k in ModelSpec.__dataclass_fields__}
    known = set(ModelSpec.__dataclass_fields__) - {"name", "registered"}
    unknown = set(table) - known
    if unknown:
        raise OptionError(f"model registry entry [{name}] has unknown fields {sorted(unknown)}; known: {sorted(known)}")
    values.update(table)
    for preset in ("headline", "paragraph"):
        if isinstance(values.get(preset), dict):
            values[preset] = BeamSettings(**values[preset])
    if values.get("family") not in FAMILIES:
        raise OptionError(f"model registry entry [{name}] has family {values.get('family')!r}; choose one of {FAMILIES}")
    values["name"] = name
    return ModelSpec(**values)


def load_registry(path: Path = REGISTRY_PATH) -> Registry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OptionError(f"model registry not found at {path}; restore models/registry.toml from the repository") from None
    except tomllib.TOMLDecodeError as exc:
        raise OptionError(f"model registry {path} is not valid TOML: {exc}") from None
    default_name = data.pop("default", None)
    defaults = _spec_from_table("defaults", data.pop("defaults", {}), None)
    models = {name: replace(_spec_from_table(name, table, defaults), registered=True) for name, table in data.items()}
    if default_name not in models:
        raise OptionError(f"model registry {path}: default {default_name!r} is not one of its models {sorted(models)}")
    return Registry(default_name, models, defaults)
