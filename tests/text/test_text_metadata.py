"""Datelines, bylines, boilerplate: detected, exposed, and kept out of body sentences."""

from summarizer.text import analyse_text


def test_seed_dateline_and_attribution_tail(seed_text):
    layout = analyse_text(seed_text)
    assert layout.dateline is not None
    assert seed_text[layout.dateline.start : layout.dateline.end] == "BAKU, Azerbaijan, March 8."
    assert layout.byline is not None
    assert seed_text[layout.byline.start : layout.byline.end] == "Trend reports"


def test_reuters_style_dateline_is_a_prefix_of_the_first_sentence():
    raw = "LONDON (Reuters) - British shares rose on Monday. Miners led the gains."
    layout = analyse_text(raw)
    assert raw[layout.dateline.start : layout.dateline.end] == "LONDON (Reuters) -"
    kinds = [(s.kind, s.text) for s in layout.paragraphs[0].sentences]
    assert kinds == [
        ("dateline", "LONDON (Reuters) -"),
        ("body", "British shares rose on Monday."),
        ("body", "Miners led the gains."),
    ]


def test_wire_dateline_with_date_and_dash():
    raw = "NEW YORK, March 3 - Stocks fell sharply. Bonds rallied."
    layout = analyse_text(raw)
    assert raw[layout.dateline.start : layout.dateline.end] == "NEW YORK, March 3 -"


def test_capitalised_subject_is_not_a_dateline():
    layout = analyse_text("NATO, the alliance, said on Monday it would meet. Talks follow.")
    assert layout.dateline is None
    assert all(s.kind == "body" for s in layout.paragraphs[0].sentences)


def test_byline_and_share_lines_are_not_body():
    raw = "By Jane Smith\n\nThe council approved the budget on Tuesday.\n\nShare this with\n\nEmail\n\nFacebook"
    layout = analyse_text(raw)
    kinds = [s.kind for p in layout.paragraphs for s in p.sentences]
    assert kinds == ["byline", "body", "boilerplate", "boilerplate", "boilerplate"]
    assert raw[layout.byline.start : layout.byline.end] == "By Jane Smith"
