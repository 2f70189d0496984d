"""The engine on tiny checkpoints of each family: mechanics only, never summary quality."""

from __future__ import annotations

import pytest

from summarizer.abstractive.generate import GenerationRequest, headline_request, paragraph_request
from summarizer.document import Document

from . import builders

HEADLINE_WORDS = 8
SUMMARY_WORDS = 20  # small budgets keep generation on tiny models quick


def summarize(engine, documents):
    return engine.summarize_documents(documents, headline_words=HEADLINE_WORDS, summary_words=SUMMARY_WORDS)


@pytest.mark.parametrize("family", ["bart", "t5", "pegasus"])
def test_presets_respect_word_and_token_limits(load_engine, seed_document, family):
    engine = load_engine(family)
    result = summarize(engine, [seed_document])[0]
    assert result.model.endswith(f"tiny-{family}")
    assert len(result.headline.split()) <= HEADLINE_WORDS
    assert "\n" not in result.headline and not result.headline.endswith(".")
    assert len(result.summary.split()) <= SUMMARY_WORDS
    assert set(result.timings) == {"fit_ms", "map_ms", "generate_ms", "postprocess_ms"}
    # The generated ids themselves stay within the preset's token limit.
    ids = engine._encode(" ".join(s.text for s in seed_document.sentences[:3]))
    for request in (headline_request(engine.spec, HEADLINE_WORDS), paragraph_request(engine.spec, SUMMARY_WORDS)):
        generated = engine.backend.generate([ids], [request])[0][0]
        assert len(generated) <= request.max_new_tokens + 1  # + the decoder start token


def test_t5_input_carries_the_task_prefix(load_engine):
    engine = load_engine("t5")
    assert engine.spec.prefix == "" or engine.tokenizer.decode(engine._encode("x")).startswith(engine.spec.prefix.strip())


@pytest.mark.parametrize("family", ["bart", "t5"])
def test_batched_equals_one_by_one(load_engine, seed_document, short_document, family):
    engine = load_engine(family)
    tail = Document.from_text("\n\n".join(seed_document.raw.split("\n\n")[1:3]))
    documents = [seed_document, short_document, tail, short_document]
    batched = summarize(engine, documents)
    single = [summarize(engine, [document])[0] for document in documents]
    assert [(r.headline, r.summary) for r in batched] == [(r.headline, r.summary) for r in single]


def test_encoder_runs_once_for_headline_and_paragraph(load_engine, seed_document):
    engine = load_engine("bart")
    encoder = engine.backend.model.get_encoder()
    calls = []
    handle = encoder.register_forward_hook(lambda *args: calls.append(1))
    try:
        summarize(engine, [seed_document])
    finally:
        handle.remove()
    assert len(calls) == 1


def test_long_input_is_fitted_and_reports_the_spans_read(load_engine, seed_document):
    engine = load_engine("bart")
    long_text = seed_document.raw + "\n\n" + builders.EXTRA_TRAINING_TEXT  # about 2x the tiny model input
    document = Document.from_text(long_text)
    result = summarize(engine, [document])[0]
    assert result.strategy == "ranked"
    assert "input_fitted" in {w.code for w in result.warnings}
    read = sum(end - start for span in result.source_spans for start, end in [(span.start, span.end)])
    assert 0 < read < len(long_text)
    for span in result.source_spans:
        assert 0 <= span.start < span.end <= len(long_text)
        assert document.raw[span.start : span.end].strip()
    # What the model read fits its input.
    assert len(engine._prepare(document).chunk_ids[0]) <= engine.max_input_tokens


def test_very_long_input_is_map_reduced(load_engine, seed_document):
    engine = load_engine("bart")
    document = Document.from_text("\n\n".join([seed_document.raw] * 8))
    result = summarize(engine, [document])[0]
    assert result.strategy == "map_reduce"
    assert "input_map_reduced" in {w.code for w in result.warnings}
    assert result.timings["map_ms"] > 0
    assert len(result.source_spans) >= 1 and result.source_spans[-1].end <= len(document.raw)


def test_int8_quantised_model_runs(load_engine, seed_document):
    import torch

    engine = load_engine("bart", quantization="int8")
    assert any(isinstance(m, torch.ao.nn.quantized.dynamic.Linear) for m in engine.backend.model.modules())
    result = summarize(engine, [seed_document])[0]
    assert len(result.summary.split()) <= SUMMARY_WORDS


def test_grounding_report_is_attached(load_engine, seed_document):
    result = summarize(load_engine("pegasus"), [seed_document])[0]
    codes = {w.code for w in result.warnings}
    assert result.grounding.grounded == ("ungrounded_output" not in codes)


def test_backend_requests_share_one_interface(load_engine):
    engine = load_engine("t5")
    request = GenerationRequest(max_new_tokens=6, min_new_tokens=6, num_beams=1, length_penalty=1.0, no_repeat_ngram_size=0)
    out = engine.backend.generate([engine._encode("The council met.")], [request, request])
    assert len(out) == 2 and out[0] == out[1]
