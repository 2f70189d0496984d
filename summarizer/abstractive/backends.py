"""Backends that turn token ids into generated token ids: torch and CTranslate2.

Both take the same GenerationRequest list and return, for each request, one token-id
list per input, so the engine (tokenisation, fitting, cleaning, grounding) is shared.

Encoder sharing: the torch backend runs the encoder once per batch and hands its output
to every request (headline and paragraph). CTranslate2's Translator has no call that
reuses an encoder output across translate_batch calls, so it encodes once per request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, Sequence

from summarizer.abstractive.generate import GenerationRequest
from summarizer.errors import ModelLoadError, ModelUnavailableError

# Torch pads every input to a multiple of this, decided by its own length alone, so the
# tensors an input produces do not depend on what else is in its batch.
TORCH_PAD_MULTIPLE = 32
# Generation-config fields that describe the checkpoint's special tokens.
TOKEN_ID_FIELDS = ("bos_token_id", "eos_token_id", "pad_token_id", "decoder_start_token_id", "forced_bos_token_id", "forced_eos_token_id")


class Backend(Protocol):
    name: str
    shares_encoder: bool
    pad_multiple: int  # inputs are batched only with others padded to the same length

    def generate(self, batch: Sequence[Sequence[int]], requests: Sequence[GenerationRequest]) -> list[list[list[int]]]:
        """For each request, the generated ids of each input (special tokens included)."""
        ...


def padded_length(length: int, multiple: int) -> int:
    return -(-length // multiple) * multiple


@dataclass
class TorchBackend:
    model: Any
    device: str
    pad_token_id: int
    name: str = "torch"
    shares_encoder: bool = True
    pad_multiple: int = TORCH_PAD_MULTIPLE

    def __post_init__(self) -> None:
        from transformers import GenerationConfig

        # Keep only the checkpoint's special-token ids: its own length and beam defaults
        # (bart-large-cnn: min_length 56, max_length 142) would otherwise be merged into
        # every call and fight the presets.
        own = self.model.generation_config
        self.model.generation_config = GenerationConfig(
            **{name: value for name in TOKEN_ID_FIELDS if (value := getattr(own, name, None)) is not None}
        )

    def _generation_config(self, request: GenerationRequest) -> Any:
        from transformers import GenerationConfig

        return GenerationConfig(
            **self.model.generation_config.to_diff_dict(),
            max_new_tokens=request.max_new_tokens, min_new_tokens=request.min_new_tokens,
            num_beams=request.num_beams, length_penalty=request.length_penalty,
            no_repeat_ngram_size=request.no_repeat_ngram_size, do_sample=False,
            **({"early_stopping": True} if request.num_beams > 1 else {}),
        )

    def generate(self, batch: Sequence[Sequence[int]], requests: Sequence[GenerationRequest]) -> list[list[list[int]]]:
        import torch
        from transformers.modeling_outputs import BaseModelOutput

        width = padded_length(max(len(ids) for ids in batch), self.pad_multiple)
        input_ids = torch.full((len(batch), width), self.pad_token_id, dtype=torch.long)
        attention_mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = torch.tensor(list(ids), dtype=torch.long)
            attention_mask[row, : len(ids)] = 1
        input_ids, attention_mask = input_ids.to(self.device), attention_mask.to(self.device)
        results: list[list[list[int]]] = []
        with torch.inference_mode():
            hidden = self.model.get_encoder()(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            for request in requests:
                # generate() expands encoder outputs in place for beams: give each call its own wrapper.
                output = self.model.generate(
                    encoder_outputs=BaseModelOutput(last_hidden_state=hidden),
                    attention_mask=attention_mask,
                    generation_config=self._generation_config(request),
                )
                results.append([row.tolist() for row in output.cpu()])
        return results


@dataclass
class CTranslate2Backend:
    translator: Any
    tokenizer: Any
    forced_bos_token: str | None  # BART: the decoder must start with <s> after </s>
    name: str = "ctranslate2"
    shares_encoder: bool = False
    pad_multiple: int = 1  # CTranslate2 pads to the longest input: batch equal lengths only

    def generate(self, batch: Sequence[Sequence[int]], requests: Sequence[GenerationRequest]) -> list[list[list[int]]]:
        source = [self.tokenizer.convert_ids_to_tokens(list(ids)) for ids in batch]
        prefix = [[self.forced_bos_token] for _ in batch] if self.forced_bos_token else None
        results: list[list[list[int]]] = []
        for request in requests:
            output = self.translator.translate_batch(
                source,
                target_prefix=prefix,
                beam_size=request.num_beams,
                length_penalty=request.length_penalty,
                no_repeat_ngram_size=request.no_repeat_ngram_size,
                max_decoding_length=request.max_new_tokens,
                min_decoding_length=request.min_new_tokens,
                max_batch_size=len(batch),
            )
            results.append([self.tokenizer.convert_tokens_to_ids(item.hypotheses[0]) for item in output])
        return results


def import_ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise ModelUnavailableError(
            "the ctranslate2 backend needs the ctranslate2 package: pip install 'ctranslate2>=4.5' "
            "(or the project's [ctranslate2] extra), or use backend 'torch'"
        ) from None
    return ctranslate2


def load_ctranslate2_translator(path: Path, device: str, compute_type: str, threads: int | None) -> Any:
    ctranslate2 = import_ctranslate2()
    if not (path / "model.bin").is_file():
        raise ModelUnavailableError(
            f"no CTranslate2 conversion at {path}; run `summarizer models convert NAME --backend ctranslate2 "
            "--quantization int8` first, or use backend 'torch'"
        )
    try:
        return ctranslate2.Translator(str(path), device=device, compute_type=compute_type, intra_threads=threads or 0)
    except (RuntimeError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the CTranslate2 model in {path}: {exc}; convert it again") from None


def convert_to_ctranslate2(model_path: Path, output: Path, quantization: str) -> Path:
    """Convert a Hugging Face checkpoint directory with CTranslate2's own converter."""
    ctranslate2 = import_ctranslate2()
    try:
        converter = ctranslate2.converters.TransformersConverter(str(model_path))
        converter.convert(str(output), quantization=None if quantization == "none" else quantization, force=True)
    except (ValueError, NotImplementedError, RuntimeError, OSError, KeyError) as exc:
        raise ModelLoadError(f"CTranslate2 cannot convert {model_path}: {type(exc).__name__}: {exc}") from None
    return output
