from summarizer.abstractive.registry import load_registry

RECOMMENDED = {
    "facebook/bart-large-cnn", "sshleifer/distilbart-cnn-12-6", "google/pegasus-xsum",
    "google/pegasus-cnn_dailymail", "google-t5/t5-small", "google/flan-t5-base",
}


def test_registry_lists_the_recommended_checkpoints_with_a_default():
    registry = load_registry()
    assert {spec.hub_id for spec in registry.models.values()} == RECOMMENDED
    assert registry.default in registry.models
    for spec in registry.models.values():
        assert spec.max_input_tokens in (512, 1024)
        assert spec.licence and spec.rouge.get("source")
        assert spec.headline.num_beams >= 1 and spec.paragraph.num_beams >= 1
    assert registry.get("t5-small").prefix == "summarize: "
    assert registry.get("flan-t5-base").prefix == "summarize: "
    assert registry.by_hub_id("google/pegasus-xsum").family == "pegasus"
