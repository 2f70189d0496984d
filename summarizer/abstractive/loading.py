"""Find and load a seq2seq checkpoint: registry name, hub id or local directory.

Resolution never touches the network: a model is read from a local directory, from
models/<name>/ (where `summarizer models pull` puts it) or from the Hugging Face cache.
Downloading is the explicit `pull` command's job, so a request never waits on the hub.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.abstractive.registry import ModelSpec, Registry, load_registry
from summarizer.errors import ModelLoadError, ModelUnavailableError, OptionError

if TYPE_CHECKING:
    import torch

DEVICES = ("auto", "cpu", "cuda")
# auto = CTranslate2 on CPU when it is installed and the model was converted, else torch.
BACKENDS = ("auto", "torch", "ctranslate2")
QUANTIZATIONS = ("none", "int8", "auto")
# model_type values of the checkpoint config -> registry family (special-token handling).
FAMILY_BY_MODEL_TYPE = {"bart": "bart", "mbart": "bart", "pegasus": "pegasus", "t5": "t5", "mt5": "t5", "umt5": "t5"}
# Sub-directory of a model directory holding its CTranslate2 conversion, per quantisation.
CT2_DIR_TEMPLATE = "ctranslate2-{quantization}"


@dataclass(frozen=True)
class ResolvedModel:
    spec: ModelSpec
    path: Path  # local directory holding config.json, weights and tokenizer files


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def how_to_get(name: str) -> str:
    return (
        f"run `summarizer models pull {name}` where the Hugging Face hub is reachable, "
        "or pass a local checkpoint directory with --model DIR (service: SUMMARIZER_MODEL=DIR); "
        "`summarizer models list` shows the recommended models"
    )


def _is_checkpoint_dir(path: Path) -> bool:
    return path.is_dir() and (path / "config.json").is_file()


def _family_of(path: Path) -> str | None:
    import json

    try:
        model_type = json.loads((path / "config.json").read_text(encoding="utf-8")).get("model_type")
    except (OSError, ValueError):
        return None
    return FAMILY_BY_MODEL_TYPE.get(model_type)


def _hf_cache_dir(hub_id: str) -> Path | None:
    """The cached snapshot of `hub_id`, looked up without any network call."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        return None
    try:
        return Path(snapshot_download(hub_id, local_files_only=True))
    except Exception:  # noqa: BLE001 - any miss (not cached, bad id) means "not available locally"
        return None


def resolve_model(reference: str | None, models_dir: Path, registry: Registry | None = None) -> ResolvedModel:
    """Map a registry name, hub id or directory to a local checkpoint directory."""
    registry = registry or load_registry()
    reference = (reference or registry.default).strip()
    as_path = Path(reference).expanduser()
    if as_path.exists() or reference.startswith((".", "/", "~")):
        if not as_path.is_dir():
            raise ModelUnavailableError(f"model directory {reference} does not exist; " + how_to_get(registry.default))
        spec = registry.get(as_path.name) or registry.ad_hoc(str(as_path), _family_of(as_path))
        return ResolvedModel(spec, as_path)
    spec = registry.get(reference) or registry.by_hub_id(reference)
    if spec is None and "/" not in reference:
        raise ModelUnavailableError(
            f"unknown model {reference!r}: not a registry name ({', '.join(registry.models)}), "
            "not a hub id (owner/name) and not an existing directory; " + how_to_get(registry.default)
        )
    name = spec.name if spec else reference
    hub_id = spec.hub_id if spec else reference
    local = models_dir / name if spec else models_dir / reference.replace("/", "--")
    if local.exists():
        return ResolvedModel(spec or registry.ad_hoc(reference, _family_of(local)), local)
    cached = _hf_cache_dir(hub_id)
    if cached is not None:
        return ResolvedModel(spec or registry.ad_hoc(reference, _family_of(cached)), cached)
    where = "the hub is offline (HF_HUB_OFFLINE is set)" if hub_offline() else "it has not been pulled"
    raise ModelUnavailableError(f"model {name!r} is not in {models_dir} nor in the Hugging Face cache and {where}; " + how_to_get(name))


def resolve_device(device: str) -> str:
    import torch

    if device not in DEVICES:
        raise OptionError(f"unknown device {device!r}; choose one of {DEVICES}")
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise OptionError("device 'cuda' was asked for but torch sees no CUDA GPU; use device 'auto' or 'cpu'")
    return device


def dtype_for(device: str) -> "torch.dtype":
    """bf16 on GPUs that support it, else fp16; fp32 on CPU (CPU half precision is slow)."""
    import torch

    if device == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float32


def wants_int8(quantization: str, device: str) -> bool:
    if quantization not in QUANTIZATIONS:
        raise OptionError(f"unknown quantization {quantization!r}; choose one of {QUANTIZATIONS}")
    if quantization == "int8" and device != "cpu":
        raise OptionError("int8 quantization runs on CPU only; use quantization 'auto' or 'none' on a GPU")
    return quantization == "int8" or (quantization == "auto" and device == "cpu")


def set_torch_threads(threads: int | None) -> None:
    if threads is None:
        return
    import torch

    if threads < 1:
        raise OptionError(f"torch_threads must be at least 1, not {threads}")
    torch.set_num_threads(threads)


def check_seq2seq_config(path: Path) -> Any:
    """Load the config and refuse models that cannot generate summaries from an input."""
    if not _is_checkpoint_dir(path):
        raise ModelLoadError(
            f"{path} has no config.json, so it is not a Hugging Face checkpoint; "
            "point --model at the directory that holds config.json, or pull the model again"
        )
    from transformers import AutoConfig

    try:
        config = AutoConfig.from_pretrained(path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelLoadError(f"cannot read the config in {path}: {exc}; pull the model again") from None
    if not getattr(config, "is_encoder_decoder", False):
        kind = "encoder-only" if "bert" in config.model_type or "electra" in config.model_type else "not encoder-decoder"
        raise ModelLoadError(
            f"{path} holds a {config.model_type!r} model ({kind}); the abstractive engine needs a "
            "sequence-to-sequence checkpoint (BART, PEGASUS or T5 family), see `summarizer models list`"
        )
    return config


def load_tokenizer(path: Path) -> Any:
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(path)
    except Exception as exc:  # noqa: BLE001 - transformers raises many types for broken files
        raise ModelLoadError(f"cannot load the tokenizer in {path}: {type(exc).__name__}: {exc}; pull the model again") from None


def load_torch_model(path: Path, device: str, int8: bool) -> Any:
    """The model in eval mode on `device`, fp32/bf16/fp16 by device, Linear layers int8 if asked."""
    from transformers import AutoModelForSeq2SeqLM

    check_seq2seq_config(path)
    try:
        model = AutoModelForSeq2SeqLM.from_pretrained(path, dtype=dtype_for(device))
    except Exception as exc:  # noqa: BLE001
        raise ModelLoadError(f"cannot load the weights in {path}: {type(exc).__name__}: {exc}; pull the model again") from None
    model.eval()
    model.to(device)
    if int8:
        model = quantize_linear_int8(model)
    return model


def quantize_linear_int8(model: Any) -> Any:
    """Dynamic int8 quantisation of every nn.Linear (weights int8, activations quantised per batch)."""
    import warnings

    import torch
    from torch.ao.quantization import quantize_dynamic

    with warnings.catch_warnings():
        # torch.ao.quantization is deprecated upstream (torchao replaces it) but is still the
        # built-in CPU int8 path; its deprecation notices say nothing a user can act on.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*", category=UserWarning)
        return quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def ct2_dir(path: Path, quantization: str) -> Path:
    return path / CT2_DIR_TEMPLATE.format(quantization=quantization)


def ct2_quantization(int8: bool) -> str:
    """The CTranslate2 conversion a load reads: ctranslate2-int8 when int8 was chosen, else -none."""
    return "int8" if int8 else "none"


def ctranslate2_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("ctranslate2") is not None


def choose_backend(backend: str, device: str, ct2_installed: bool, ct2_converted: bool) -> str:
    """The backend to load: `auto` becomes ctranslate2 on CPU when it is installed and the
    model has a conversion for the requested quantisation, else torch (bf16/fp16 on CUDA,
    int8 on CPU by quantization auto). Explicit choices are kept as asked."""
    if backend not in BACKENDS:
        raise OptionError(f"unknown backend {backend!r}; choose one of {BACKENDS}")
    if backend != "auto":
        return backend
    # On CUDA torch runs bf16/fp16 kernels; CTranslate2 there is an explicit choice only.
    return "ctranslate2" if device == "cpu" and ct2_installed and ct2_converted else "torch"
