"""Paragraph repair: blank lines inside sentences, hard wraps, indentation, PDF lines."""

import textwrap

from summarizer.text import analyse_text


def paragraphs(raw: str) -> list[str]:
    return [p.text for p in analyse_text(raw).paragraphs]


def test_seed_blank_line_inside_sentence_is_joined(seed_text):
    texts = paragraphs(seed_text)
    joined = [t for t in texts if "within the framework of Partnership for Peace (PfP) Programme" in t]
    assert len(joined) == 1
    assert joined[0].startswith("During the meetings, as the 30th anniversary")
    # The real breaks stay: the seed has 9 blank-line blocks, one of them is a false break.
    assert len(texts) == 8
    assert texts[-2] == "Furthermore, the parties extensively exchanged views on cooperation in the field of humanitarian demining."


def test_seed_paragraph_spans_cover_original_characters(seed_text):
    layout = analyse_text(seed_text)
    para = next(p for p in layout.paragraphs if "Partnership for Peace (PfP)" in p.text)
    source = seed_text[para.start : para.end]
    assert "within the framework of\n\nPartnership for Peace" in source


def test_blank_line_after_trailing_function_word_or_lowercase_start_is_joined():
    assert paragraphs("The minister met the head of the\n\nEuropean Commission on Monday.") == [
        "The minister met the head of the European Commission on Monday."
    ]
    assert paragraphs("Prices rose sharply in\n\nthe third quarter.\n\nExports fell.") == [
        "Prices rose sharply in the third quarter.",
        "Exports fell.",
    ]


def test_blank_line_after_full_stop_or_heading_stays_a_break():
    text = "Introduction\n\nThe plan was approved.\n\nIt starts in May."
    assert paragraphs(text) == ["Introduction", "The plan was approved.", "It starts in May."]


ARTICLE = (
    "The central bank raised its main interest rate by a quarter of a point on Thursday, "
    "the third increase this year, citing persistent inflation in services and wages. "
    "Economists had expected the move after strong jobs figures last week.",
    "Markets barely moved. The currency gained a little against the dollar while government "
    "bond yields rose for the second day in a row, traders said.",
    "The bank said further increases could follow if price growth did not slow, but it left "
    "open when it would act again and gave no new forecasts for the economy.",
)


def test_hard_wrap_with_blank_lines_between_paragraphs():
    raw = "\n\n".join(textwrap.fill(p, 68) for p in ARTICLE)
    assert paragraphs(raw) == list(ARTICLE)


def test_hard_wrap_with_indented_first_lines_and_no_blank_lines():
    raw = "\n".join(textwrap.fill(p, 70, initial_indent="    ") for p in ARTICLE)
    assert paragraphs(raw) == list(ARTICLE)


def test_hard_wrap_without_indentation_or_blank_lines_uses_short_last_lines():
    raw = "\n".join(textwrap.fill(p, 72) for p in ARTICLE)
    assert paragraphs(raw) == list(ARTICLE)


def test_single_newline_between_unwrapped_paragraphs_is_a_break():
    raw = "\n".join(ARTICLE)
    assert paragraphs(raw) == list(ARTICLE)


def test_crlf_nbsp_and_zero_width_characters_are_normalised():
    raw = "Caf\u0065\u0301 owners\u00a0met\u200b on Friday.\r\n\r\nThey agreed."
    assert paragraphs(raw) == ["Caf\u00e9 owners met on Friday.", "They agreed."]


def test_hyphenated_line_breaks_use_word_list_and_document_evidence():
    raw = (
        "The new system improves the defence capabili-\n"
        "ties of the region and is a well-\n"
        "known design. The Azerbaijan-\n"
        "NATO talks went on for a long time.\n"
    )
    assert paragraphs(raw) == [
        "The new system improves the defence capabilities of the region and is a well-known "
        "design. The Azerbaijan-NATO talks went on for a long time."
    ]


def test_document_evidence_keeps_a_hyphen_the_document_uses_elsewhere():
    raw = "Its co-\nowner said the co-owner and the other co-owner agreed on a deal last week."
    assert paragraphs(raw)[0].startswith("Its co-owner said")


def test_page_number_between_wrapped_lines_is_dropped():
    body = textwrap.fill(ARTICLE[0] + " " + ARTICLE[2], 70).split("\n")
    raw = "\n".join(body[:2] + ["12"] + body[2:])
    layout = analyse_text(raw)
    assert [p.text for p in layout.paragraphs] == [ARTICLE[0] + " " + ARTICLE[2]]
    assert "12\n" in raw[layout.paragraphs[0].start : layout.paragraphs[0].end]


def test_numbered_heading_in_pdf_text_starts_its_own_paragraph():
    wrapped = textwrap.fill(ARTICLE[0], 80)
    raw = "2.1 Related Work\n" + wrapped + "\n3 Method\n" + textwrap.fill(ARTICLE[2], 80)
    assert paragraphs(raw) == ["2.1 Related Work", ARTICLE[0], "3 Method", ARTICLE[2]]


def _greedy_wrap(paragraphs: list[str], width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs)


_LONG_PARAGRAPH = (
    "The council met on Tuesday to discuss the new budget for the coming year. Members "
    "argued for several hours about the cost of the road repairs and the plan for a new "
    "library in the town centre, which many residents have asked for since the old one "
    "closed. The mayor said that the town let its people. There is a real "
    "need for better services, she added, and the council would publish its plan soon."
)


def test_blank_line_typed_into_a_wrapped_line_does_not_make_a_short_last_line():
    wrapped = _greedy_wrap([_LONG_PARAGRAPH, _LONG_PARAGRAPH.replace("council", "board")], 60)
    assert "\nold one closed. The mayor said that the town let its people.\nThere" in wrapped
    # A blank line typed inside that full line: "people." is short only because of it, so
    # it is no paragraph end.
    broken = wrapped.replace("let its people.", "let its\n\npeople.", 1)
    layout = analyse_text(broken)
    assert len(layout.paragraphs) == 2
    assert "the town let its people. There is a real need" in layout.paragraphs[0].text


def test_paragraph_ending_in_an_equation_number_can_end_before_a_blank_line():
    raw = (
        "The similarity of two customers is the cosine of the angle between their vectors (2)\n\n"
        "The same measures can also be used to compare two products."
    )
    assert len(analyse_text(raw).paragraphs) == 2
    # A paragraph that stops on a word still continues after the blank line.
    joined = raw.replace(" (2)", "")
    assert len(analyse_text(joined).paragraphs) == 1


def _typeset_document(paragraph_lines: list[list[str]], repeat: int) -> str:
    """A long justified document, as PDF extraction of a paper gives it: no blank lines,
    every line of a paragraph full but its last, some words hyphenated at line ends."""
    body = "\n".join("\n".join(lines) for lines in paragraph_lines)
    return "\n".join([body] * repeat)


# Full lines are 60 characters or close; the last line of each paragraph is short.
TYPESET_PARAGRAPHS = [
    [
        "The second experiment measures the recall of the method on a",
        "larger collection of reports and letters, reported in Table 2.",
        "The results show that the simple method keeps its precision",
        "when the collection grows, while the baseline loses recall as",
        "the number of documents rises beyond what its index can hold.",
        "Both were run on one machine with the same memory and disks.",
        "The two methods differ in what they store: the first keeps a",
        "compact list of terms for each document, the second a full in-",
        "dex of positions.",
    ],
    [
        "We then compare the time each method needs to answer a query",
        "on the same collection.",
    ],
]


def test_typeset_document_joins_full_lines_that_end_a_sentence():
    raw = _typeset_document(TYPESET_PARAGRAPHS, repeat=30)
    texts = paragraphs(raw)
    assert len(texts) == 60
    assert "reported in Table 2. The results show" in texts[0]
    assert texts[0].endswith("a full index of positions.")
    assert texts[1].startswith("We then compare the time")


def test_typeset_rules_need_a_long_document_with_hyphenated_line_ends():
    # Short stories and long texts without words hyphenated at line ends (hand-wrapped
    # wire copy) keep the wire-copy rules.
    from summarizer.text.lines import scan_lines
    from summarizer.text.repair import measure_shape

    long_typeset = _typeset_document(TYPESET_PARAGRAPHS, repeat=30)
    assert measure_shape(scan_lines(long_typeset)).typeset
    assert not measure_shape(scan_lines(_typeset_document(TYPESET_PARAGRAPHS, repeat=1))).typeset
    unhyphenated = long_typeset.replace("full in-\ndex", "full\nindex")
    assert not measure_shape(scan_lines(unhyphenated)).typeset


def test_typeset_document_repair_is_idempotent():
    raw = _typeset_document(TYPESET_PARAGRAPHS, repeat=30)
    once = "\n\n".join(paragraphs(raw))
    assert "\n\n".join(paragraphs(once)) == once
