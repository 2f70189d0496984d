from summarizer.grounding import check_grounding

SOURCE = (
    "BAKU, Azerbaijan, March 8. On 6-8 March 2025 the delegation, led by MP Ramid Namazov, visited Brussels. "
    "The council approved 1.13 billion dollars, up 12 per cent, for three counties."
)


def test_normalised_numbers_dates_and_names_are_supported():
    output = "Ramid Namazov led the delegation to Brussels on 8 March; the council approved $1.13bn, up 12%, for 3 counties"
    report = check_grounding(output, SOURCE)
    assert report.grounded, report.unsupported
    assert report.checked >= 5


def test_unsupported_spans_are_listed_with_offsets():
    output = "MP Ramid Aliyev visited Paris on March 9 with 1.2 billion dollars, up 15%"
    report = check_grounding(output, SOURCE)
    found = {(span.kind, span.text) for span in report.unsupported}
    assert ("date", "March 9") in found
    assert ("number", "1.2 billion") in found
    assert ("number", "15%") in found
    assert any(kind == "name" and "Aliyev" in text for kind, text in found)
    assert any(kind == "name" and "Paris" in text for kind, text in found)
    for span in report.unsupported:
        assert output[span.start : span.end].strip() == span.text


def test_sentence_initial_ordinary_words_are_not_names():
    assert check_grounding("Officials met. The delegation held talks.", SOURCE).grounded
