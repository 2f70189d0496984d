"""Tiny checkpoints of each family, built from the real config classes and real tokenisers.

Special tokens, decoder start, forced BOS/EOS, prefixes and generation defaults are those
of the recommended checkpoints; only the sizes are tiny. Weights are random (seeded), so
the tests check mechanics (limits, batching, spans, errors), never summary quality.
"""

from __future__ import annotations

import json
from pathlib import Path

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "seeds" / "000_705e6d5f5a2d3de4.txt"

# Text written for these tests, added to the seed article to train the tokenisers.
EXTRA_TRAINING_TEXT = """\
The city council approved a budget of 1.13 billion dollars on Tuesday, March 8.
Mayor Alice Romero said the plan would add 250 buses and repair 40 bridges by 2027.
Opponents argued that the cost was too high; supporters said the roads could not wait.
Shares of Northwind Energy rose 12% after the company reported record profits.
Reporters asked: what happens next? The answer: summarize the plan first.
The storm closed schools in three counties and left 18,000 homes without power.
"""

TINY_DIMS = dict(d_model=32, ffn=64, layers=2, heads=4)


def training_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8") + "\n" + EXTRA_TRAINING_TEXT


def _torch_seed(seed: int) -> None:
    import torch

    torch.manual_seed(seed)


def _save_generation_config(model, directory: Path, **values) -> None:
    from transformers import GenerationConfig

    generation = GenerationConfig(**values)
    model.generation_config = generation
    generation.save_pretrained(directory)


def build_tiny_bart(directory: Path) -> Path:
    """facebook/bart-large-cnn special tokens and generation defaults, byte-level BPE tokeniser."""
    from tokenizers import ByteLevelBPETokenizer
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    # BART's vocabulary order: <s>=0, <pad>=1, </s>=2, <unk>=3, ..., <mask> last.
    bpe.train_from_iterator([training_text()], vocab_size=600, min_frequency=1, special_tokens=["<s>", "<pad>", "</s>", "<unk>"])
    bpe.save_model(str(directory))
    tokenizer = BartTokenizer(str(directory / "vocab.json"), str(directory / "merges.txt"))
    tokenizer.add_special_tokens({"mask_token": "<mask>"})
    tokenizer.model_max_length = 1024
    tokenizer.save_pretrained(directory)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=TINY_DIMS["d_model"], encoder_layers=TINY_DIMS["layers"], decoder_layers=TINY_DIMS["layers"],
        encoder_attention_heads=TINY_DIMS["heads"], decoder_attention_heads=TINY_DIMS["heads"],
        encoder_ffn_dim=TINY_DIMS["ffn"], decoder_ffn_dim=TINY_DIMS["ffn"], max_position_embeddings=1024,
        bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2,
        forced_bos_token_id=0, forced_eos_token_id=2,
        # Legacy keys the real bart-large-cnn / distilbart config.json still carry (CTranslate2 reads them).
        normalize_before=False, normalize_embedding=True, add_final_layer_norm=False, scale_embedding=False,
    )
    _torch_seed(0)
    model = BartForConditionalGeneration(config)
    _save_generation_config(
        model, directory, bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2,
        forced_bos_token_id=0, forced_eos_token_id=2, num_beams=4, length_penalty=2.0,
        max_length=142, min_length=56, no_repeat_ngram_size=3, early_stopping=True,
    )
    model.save_pretrained(directory)
    return directory


def _train_sentencepiece(directory: Path, vocab_size: int, **ids) -> Path:
    import sentencepiece as spm

    corpus = directory / "corpus.txt"
    corpus.write_text(training_text(), encoding="utf-8")
    prefix = directory / "spiece"
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(prefix), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, hard_vocab_limit=False, bos_id=-1, minloglevel=2, **ids,
    )
    corpus.unlink()
    return prefix.with_suffix(".model")


def build_tiny_t5(directory: Path) -> Path:
    """google-t5/t5-small special tokens (pad 0, eos 1, unk 2, 100 sentinels), 'summarize: ' prefix."""
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    directory.mkdir(parents=True, exist_ok=True)
    _train_sentencepiece(directory, 400, pad_id=0, eos_id=1, unk_id=2)
    # Loaded the way a hub checkpoint with only spiece.model is (needs protobuf).
    tokenizer = T5Tokenizer.from_pretrained(directory, extra_ids=100, model_max_length=512)
    tokenizer.save_pretrained(directory)
    config = T5Config(
        vocab_size=len(tokenizer), d_model=TINY_DIMS["d_model"], d_kv=8, d_ff=TINY_DIMS["ffn"],
        num_layers=TINY_DIMS["layers"], num_decoder_layers=TINY_DIMS["layers"], num_heads=TINY_DIMS["heads"],
        relative_attention_num_buckets=32, feed_forward_proj="relu", tie_word_embeddings=True,
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
        task_specific_params={"summarization": {"prefix": "summarize: ", "num_beams": 4, "length_penalty": 2.0,
                                                "max_length": 200, "min_length": 30, "no_repeat_ngram_size": 3,
                                                "early_stopping": True}},
    )
    _torch_seed(1)
    model = T5ForConditionalGeneration(config)
    _save_generation_config(model, directory, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    model.save_pretrained(directory)
    return directory


def build_tiny_pegasus(directory: Path) -> Path:
    """google/pegasus-cnn_dailymail tokens (pad 0, eos 1, masks, offset 103), '<n>' newline token."""
    from transformers import PegasusConfig, PegasusForConditionalGeneration, PegasusTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    _train_sentencepiece(directory, 400, pad_id=0, eos_id=1, unk_id=2, user_defined_symbols=["<n>"])
    tokenizer = PegasusTokenizer.from_pretrained(directory, model_max_length=1024)
    tokenizer.save_pretrained(directory)
    config = PegasusConfig(
        vocab_size=len(tokenizer), d_model=TINY_DIMS["d_model"], encoder_layers=TINY_DIMS["layers"],
        decoder_layers=TINY_DIMS["layers"], encoder_attention_heads=TINY_DIMS["heads"],
        decoder_attention_heads=TINY_DIMS["heads"], encoder_ffn_dim=TINY_DIMS["ffn"], decoder_ffn_dim=TINY_DIMS["ffn"],
        max_position_embeddings=1024, scale_embedding=True, activation_function="relu",
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, forced_eos_token_id=1,
    )
    _torch_seed(2)
    model = PegasusForConditionalGeneration(config)
    _save_generation_config(
        model, directory, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, forced_eos_token_id=1,
        num_beams=8, length_penalty=0.8, max_length=128, min_length=32,
    )
    model.save_pretrained(directory)
    return directory


def build_encoder_only(directory: Path) -> Path:
    """A tiny BERT checkpoint: loads fine, but cannot summarise."""
    from transformers import BertConfig, BertModel

    directory.mkdir(parents=True, exist_ok=True)
    config = BertConfig(vocab_size=100, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    BertModel(config).save_pretrained(directory)
    return directory


def build_broken(directory: Path) -> Path:
    """A directory with a config.json that does not parse and no weights."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.json").write_text(json.dumps({"model_type": "bart"})[:-3], encoding="utf-8")
    return directory
