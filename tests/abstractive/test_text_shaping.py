"""Pure post-decoding functions: cleaning, the word contract, presets."""

from summarizer.abstractive.generate import (
    clean_generated_text,
    headline_request,
    paragraph_request,
    shape_headline,
    shape_paragraph,
    trim_to_words,
)
from summarizer.abstractive.registry import load_registry


def test_cleaning_fixes_spacing_pegasus_newlines_and_repeats():
    raw = "The council met on Tuesday .<n>It approved the plan , he said .<n>It approved the plan, he said. Mayor Romero did n't vote ."
    assert clean_generated_text(raw) == "The council met on Tuesday. It approved the plan, he said. Mayor Romero didn't vote."


def test_trim_keeps_whole_sentences_when_they_fit():
    text = "One two three four. Five six seven eight nine. Ten eleven."
    trimmed = trim_to_words(text, 10, final_period=True)
    assert trimmed.text == "One two three four. Five six seven eight nine."
    assert trimmed.cut == "sentence" and trimmed.contract_met


def test_trim_falls_back_to_a_phrase_then_to_whole_words_never_mid_word():
    text = "The mayor approved the budget on Tuesday, and the council voted to add buses and repair bridges next year."
    phrase = trim_to_words(text, 12, final_period=True)
    assert phrase.cut == "phrase" and not phrase.contract_met
    assert phrase.text == "The mayor approved the budget on Tuesday."
    words = trim_to_words("Alpha beta gamma delta epsilon zeta eta theta iota kappa", 5, final_period=False)
    assert words.cut == "word" and words.text == "Alpha beta gamma delta epsilon"
    for limit in range(1, 20):
        out = trim_to_words(text, limit, final_period=False).text
        assert len(out.split()) <= limit
        assert all(word.strip(".,") in text.split() or word in text for word in out.split())


def test_headline_is_one_line_without_final_period():
    shaped = shape_headline("Council approves budget for buses.\nSecond line here.", 12)
    assert shaped.text == "Council approves budget for buses"
    long = shape_headline("Council approves a record budget for new buses and bridges across the whole city this year.", 8)
    assert len(long.text.split()) <= 8 and not long.text.endswith(".")


def test_paragraph_ends_with_a_period():
    assert shape_paragraph("It rained all day", 10).text == "It rained all day."


def test_presets_scale_with_words_and_model():
    registry = load_registry()
    bart, t5 = registry.get("distilbart-cnn-12-6"), registry.get("t5-small")
    assert headline_request(bart, 8).max_new_tokens < headline_request(bart, 22).max_new_tokens
    assert paragraph_request(bart, 60).max_new_tokens < paragraph_request(bart, 120).max_new_tokens
    # More tokens per word (T5's SentencePiece) means more tokens for the same words.
    assert paragraph_request(t5, 60).max_new_tokens > paragraph_request(bart, 60).max_new_tokens
    request = paragraph_request(bart, 60)
    assert request.min_new_tokens < request.max_new_tokens
    assert (request.num_beams, request.length_penalty, request.no_repeat_ngram_size) == (4, 2.0, 3)
