"""`summarizer models list | pull NAME | verify NAME | convert NAME`: the abstractive checkpoints.

pull downloads with huggingface_hub into models/<name>/ (git-ignored); verify loads the
model and summarises the seed article; convert writes a CTranslate2 copy next to it.
"""

from __future__ import annotations

import time
from pathlib import Path

from summarizer.errors import ModelUnavailableError, OptionError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list, pull, verify or convert abstractive models",
        description="Manage the abstractive checkpoints named in models/registry.toml (or any "
        "hub id / local directory). Weights live in the models directory (SUMMARIZER_MODELS_DIR).",
    )
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the recommended models and which are present locally")
    listing.set_defaults(run=run_list)
    pull = actions.add_parser("pull", help="download a model into the models directory (needs the hub)")
    pull.add_argument("name", help="registry name (see `models list`) or hub id owner/name")
    pull.set_defaults(run=run_pull)
    verify = actions.add_parser("verify", help="load a model and summarise the seed article with it")
    verify.add_argument("name", help="registry name, hub id or local directory")
    verify.add_argument("--backend", choices=("auto", "torch", "ctranslate2"), help="backend to verify (default: settings)")
    verify.add_argument("--device", choices=("auto", "cpu", "cuda"), help="device (default: settings)")
    verify.set_defaults(run=run_verify)
    convert = actions.add_parser("convert", help="convert a pulled model for a faster backend")
    convert.add_argument("name", help="registry name, hub id or local directory")
    convert.add_argument("--backend", choices=("ctranslate2",), default="ctranslate2")
    convert.add_argument("--quantization", choices=("int8", "none"), default="int8")
    convert.set_defaults(run=run_convert)
    for sub in (listing, pull, verify, convert):
        sub.add_argument("--models-dir", type=Path, help="where weights live (default: settings' models_dir)")


def _settings(args):
    from summarizer.settings import Settings

    return Settings.load(config_file=args.config, models_dir=getattr(args, "models_dir", None))


def run_list(args) -> int:
    from summarizer.abstractive.registry import load_registry

    settings = _settings(args)
    registry = load_registry()
    print(f"models directory: {settings.models_dir}")
    for name, spec in registry.models.items():
        present = "pulled" if (settings.models_dir / name / "config.json").is_file() else "not pulled"
        default = " (default)" if name == registry.default else ""
        rouge = ", ".join(f"{k}={v}" for k, v in spec.rouge.items() if k.startswith("rouge"))
        print(f"{name}{default}  [{present}]")
        print(f"    hub: {spec.hub_id}  family: {spec.family}  max input: {spec.max_input_tokens} tokens"
              + (f"  prefix: {spec.prefix!r}" if spec.prefix else ""))
        print(f"    licence: {spec.licence}")
        print(f"    ROUGE ({spec.rouge.get('dataset', '-')}): {rouge or '-'}  [{spec.rouge.get('source', '')}]")
    return 0


def run_pull(args) -> int:
    from summarizer.abstractive.loading import hub_offline
    from summarizer.abstractive.registry import load_registry

    settings = _settings(args)
    registry = load_registry()
    spec = registry.get(args.name) or registry.by_hub_id(args.name)
    if spec is None and "/" not in args.name:
        raise OptionError(f"unknown model {args.name!r}; choose one of {', '.join(registry.models)} or give a hub id owner/name")
    hub_id = spec.hub_id if spec else args.name
    target = settings.models_dir / (spec.name if spec else args.name.replace("/", "--"))
    if hub_offline():
        raise ModelUnavailableError(
            f"cannot pull {hub_id}: HF_HUB_OFFLINE is set; unset it where the hub is reachable, "
            f"or copy a checkpoint directory to {target}"
        )
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        raise ModelUnavailableError("pulling models needs huggingface_hub: pip install huggingface_hub") from None
    print(f"pulling {hub_id} into {target} ...")
    started = time.perf_counter()
    try:
        snapshot_download(
            hub_id, local_dir=target,
            # Safetensors weights, configs and tokenizer files; skip duplicate TF/Flax/Rust weights.
            ignore_patterns=["*.h5", "*.msgpack", "*.ot", "tf_model*", "flax_model*", "rust_model*", "*.onnx"],
        )
    except Exception as exc:  # noqa: BLE001 - network errors come in many types
        raise ModelUnavailableError(
            f"cannot download {hub_id}: {type(exc).__name__}: {exc}; check the network or copy a checkpoint "
            f"directory to {target}"
        ) from None
    print(f"done in {time.perf_counter() - started:.0f} s; verify with `summarizer models verify {args.name}`")
    return 0


def run_verify(args) -> int:
    from summarizer.abstractive import AbstractiveEngine
    from summarizer.document import Document

    settings = _settings(args)
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_705e6d5f5a2d3de4.txt"
    engine = AbstractiveEngine.load(
        args.name, models_dir=settings.models_dir, device=args.device or settings.device,
        torch_threads=settings.torch_threads, backend=args.backend or settings.backend, quantization=settings.quantization,
    )
    print(f"loaded {args.name} ({engine.spec.family}, backend {engine.backend.name}, device {engine.device}) in {engine.load_seconds:.1f} s")
    started = time.perf_counter()
    result = engine.summarize_documents([Document.from_text(seed.read_text(encoding="utf-8"))])[0]
    print(f"summarised {seed.name} in {time.perf_counter() - started:.1f} s")
    print(f"headline: {result.headline}")
    print(f"summary:  {result.summary}")
    for warning in result.warnings:
        print(f"warning: {warning.message}")
    return 0


def run_convert(args) -> int:
    from summarizer.abstractive.backends import convert_to_ctranslate2
    from summarizer.abstractive.loading import check_seq2seq_config, ct2_dir, resolve_model

    settings = _settings(args)
    resolved = resolve_model(args.name, settings.models_dir)
    check_seq2seq_config(resolved.path)
    output = ct2_dir(resolved.path, args.quantization)
    print(f"converting {resolved.path} to CTranslate2 ({args.quantization}) in {output} ...")
    convert_to_ctranslate2(resolved.path, output, args.quantization)
    used_with = "quantization auto or int8" if args.quantization == "int8" else "quantization none"
    print(f"done; on CPU the default backend (auto) now uses it with {used_with}; check with `summarizer models verify`")
    return 0
