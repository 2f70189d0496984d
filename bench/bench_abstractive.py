"""CPU speed of the abstractive engine at real model shapes (random weights).

Shapes: sshleifer/distilbart-cnn-12-6 (d_model 1024, 12 encoder / 6 decoder layers, vocab
50264, 1024 input tokens) and google-t5/t5-small (d_model 512, 6+6 layers, vocab 32128,
512 input tokens). Output length is forced (min_new_tokens = max_new_tokens) so every
configuration decodes the same number of steps; random weights say nothing of quality.

For each shape, preset (headline 16 tokens, paragraph 60 tokens) and beam size (1, 4):
CPU-seconds per article for
  fp32-generate   plain fp32 `model.generate` (the baseline, measured in this run)
  torch-int8      the engine's torch backend, Linear layers dynamically quantised to int8
  ct2-int8        the engine's CTranslate2 backend, int8 weights
and the ratio baseline / configuration. Then headline + paragraph together, the way the
engine runs them (one shared encoder pass on torch). Peak RSS is the process's peak so far.

    .venv/bin/python bench/bench_abstractive.py --articles 2
    .venv/bin/python bench/bench_abstractive.py --shapes t5-small --articles 1
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PRESETS = {"headline": 16, "paragraph": 60}
BEAMS = (1, 4)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte -> printable character table (the base of BART's byte-level vocabulary)."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, map(chr, chars)))


def build_distilbart(directory: Path):
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer, GenerationConfig

    vocab_size = 50264
    tokens = ["<s>", "<pad>", "</s>", "<unk>"] + list(bytes_to_unicode().values())
    tokens += [f"tok{i}" for i in range(vocab_size - 1 - len(tokens))] + ["<mask>"]
    (directory / "vocab.json").write_text(json.dumps({t: i for i, t in enumerate(tokens)}), encoding="utf-8")
    (directory / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    BartTokenizer(str(directory / "vocab.json"), str(directory / "merges.txt")).save_pretrained(directory)
    config = BartConfig(
        vocab_size=vocab_size, d_model=1024, encoder_layers=12, decoder_layers=6, encoder_attention_heads=16,
        decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096, max_position_embeddings=1024,
        bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=0,
        forced_eos_token_id=2, normalize_before=False, normalize_embedding=True, scale_embedding=False,
    )
    model = BartForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2, forced_bos_token_id=0)
    model.save_pretrained(directory)
    return model, 1024


def build_t5_small(directory: Path):
    from transformers import GenerationConfig, T5Config, T5ForConditionalGeneration, T5Tokenizer

    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    pieces += [(f"▁w{i}", -10.0) for i in range(32000 - len(pieces))]
    pieces += [(f"<extra_id_{i}>", 0.0) for i in range(99, -1, -1)]
    T5Tokenizer(vocab=pieces, extra_ids=100).save_pretrained(directory)
    config = T5Config(vocab_size=32128, d_model=512, d_kv=64, d_ff=2048, num_layers=6, num_heads=8,
                      feed_forward_proj="relu", pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    model = T5ForConditionalGeneration(config).eval()
    model.generation_config = GenerationConfig(pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    model.save_pretrained(directory)
    return model, 512


SHAPES = {"distilbart-cnn-12-6": build_distilbart, "t5-small": build_t5_small}


def cpu_seconds(run, articles: list) -> float:
    started = time.process_time()
    for ids in articles:
        run(ids)
    return (time.process_time() - started) / len(articles)


def bench_shape(name: str, n_articles: int, threads: int | None, with_ct2: bool) -> None:
    import torch

    from summarizer.abstractive.backends import CTranslate2Backend, TorchBackend, convert_to_ctranslate2, load_ctranslate2_translator
    from summarizer.abstractive.generate import GenerationRequest
    from summarizer.abstractive.loading import load_tokenizer, quantize_linear_int8

    torch.manual_seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        started = time.perf_counter()
        model, input_tokens = SHAPES[name](directory)
        tokenizer = load_tokenizer(directory)
        print(f"\n== {name}: {sum(p.numel() for p in model.parameters()) / 1e6:.0f}M parameters, {input_tokens} input tokens, "
              f"built in {time.perf_counter() - started:.0f} s, torch threads {torch.get_num_threads()}")
        generator = torch.Generator().manual_seed(1)
        low = 10  # skip the special ids
        articles = [torch.randint(low, model.config.vocab_size - 200, (input_tokens - 1,), generator=generator).tolist()
                    + [model.config.eos_token_id] for _ in range(n_articles)]

        def request(tokens: int, beams: int) -> GenerationRequest:
            return GenerationRequest(tokens, tokens, beams, 1.0, 0)

        def plain_generate(tokens: int, beams: int):
            def run(ids):
                with torch.inference_mode():
                    model.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                                   max_new_tokens=tokens, min_new_tokens=tokens, num_beams=beams, do_sample=False,
                                   no_repeat_ngram_size=0, length_penalty=1.0)
            return run

        results: dict[tuple[str, int, str], float] = {}
        for preset, tokens in PRESETS.items():
            for beams in BEAMS:
                results[(preset, beams, "fp32-generate")] = cpu_seconds(plain_generate(tokens, beams), articles)
        print(f"baseline done, peak RSS {peak_rss_mib():.0f} MiB")

        backends = {}
        int8_model = quantize_linear_int8(model)
        backends["torch-int8"] = TorchBackend(int8_model, "cpu", tokenizer.pad_token_id)
        if with_ct2:
            try:
                convert_to_ctranslate2(directory, directory / "ct2-int8", "int8")
                translator = load_ctranslate2_translator(directory / "ct2-int8", "cpu", "int8", threads)
                forced = "<s>" if name.startswith("distilbart") else None
                backends["ct2-int8"] = CTranslate2Backend(translator, tokenizer, forced)
            except Exception as exc:  # noqa: BLE001 - report and go on with torch only
                print(f"ct2-int8 skipped: {type(exc).__name__}: {exc}")
        for label, backend in backends.items():
            for preset, tokens in PRESETS.items():
                for beams in BEAMS:
                    results[(preset, beams, label)] = cpu_seconds(lambda ids: backend.generate([ids], [request(tokens, beams)]), articles)
            print(f"{label} done, peak RSS {peak_rss_mib():.0f} MiB")

        print(f"\n{'preset':<10} {'beams':>5} {'config':<14} {'CPU s/article':>13} {'x vs fp32':>9}")
        for (preset, beams, label), seconds in results.items():
            base = results[(preset, beams, "fp32-generate")]
            print(f"{preset:<10} {beams:>5} {label:<14} {seconds:>13.2f} {base / seconds:>9.2f}")

        # Headline + paragraph together: the baseline runs two generate calls; the torch
        # backend shares one encoder pass between them; CTranslate2 encodes twice.
        print("\nheadline (16) + paragraph (60) together, per article:")
        for beams in BEAMS:
            base = results[("headline", beams, "fp32-generate")] + results[("paragraph", beams, "fp32-generate")]
            print(f"  beams {beams}: fp32-generate x2 {base:.2f} s", end="")
            for label, backend in backends.items():
                pair = [request(PRESETS["headline"], beams), request(PRESETS["paragraph"], beams)]
                seconds = cpu_seconds(lambda ids: backend.generate([ids], pair), articles)
                print(f" | {label} {seconds:.2f} s ({base / seconds:.2f}x)", end="")
            print()
        print(f"peak RSS {peak_rss_mib():.0f} MiB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2, help="random articles per configuration (default 2)")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=sorted(SHAPES))
    parser.add_argument("--threads", type=int, help="torch / CTranslate2 threads (default: torch's default)")
    parser.add_argument("--no-ct2", action="store_true", help="skip the CTranslate2 backend")
    args = parser.parse_args()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    for name in args.shapes:
        bench_shape(name, args.articles, args.threads, not args.no_ct2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
