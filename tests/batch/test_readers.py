import io
import json

import pytest

from summarizer.batch import readers
from summarizer.batch.html_text import html_to_text
from summarizer.batch.readers import FieldNames, open_input
from summarizer.errors import InputError, OptionError

TEXT = "The council approved the budget on Tuesday. The mayor will sign it this week."


def records_of(path, **kwargs):
    return list(open_input(str(path), **kwargs).records())


def test_jsonl_reads_id_title_text_and_falls_back_to_article(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "title": "Budget", "text": TEXT}) + "\n\n"
        + json.dumps({"id": 7, "article": TEXT}) + "\n"
        + json.dumps({"article": TEXT}) + "\n",
        encoding="utf-8",
    )
    source = open_input(str(path))
    records = list(source.records())
    assert [(r.id, r.title, r.text, r.error) for r in records] == [
        ("a", "Budget", TEXT, None),
        ("7", None, TEXT, None),
        ("line-4", None, TEXT, None),  # no id: its line number, stable across runs
    ]
    assert source.count() == 3


def test_jsonl_field_names_are_configurable(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"key": "k1", "body": TEXT, "headline": "H"}) + "\n", encoding="utf-8")
    [record] = records_of(path, fields=FieldNames(id="key", text=("body",), title="headline"))
    assert (record.id, record.text, record.title) == ("k1", TEXT, "H")


def test_bad_jsonl_lines_become_error_records_with_their_id(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(
        b'{"id": "broken", "text": "unterminated\n'
        + b'{"id": "no-text", "title": "x"}\n'
        + b'{"id": "latin", "text": "caf\xe9"}\n'
        + b'["a", "list"]\n'
        + b'{"id": "num-text", "text": 5}\n'
        + b'{"id": "half-emoji", "text": "smile \\ud83d here"}\n'
        + json.dumps({"id": "fine", "text": TEXT}).encode() + b"\n"
    )
    records = records_of(path)
    assert [(r.id, r.error.type if r.error else None) for r in records] == [
        ("broken", "invalid_json"),
        ("no-text", "missing_text"),
        ("latin", "undecodable_input"),
        ("line-4", "invalid_record"),
        ("num-text", "invalid_record"),
        ("half-emoji", "undecodable_input"),
        ("fine", None),
    ]
    assert "line 1" in records[0].error.message and "--text-field" in records[1].error.message
    assert "--encoding" in records[2].error.message


def test_a_line_over_the_size_limit_is_an_error_and_reading_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 200)
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "huge", "text": "word " * 500}) + "\n" + json.dumps({"id": "next", "text": TEXT}) + "\n", encoding="utf-8"
    )
    huge, following = records_of(path)
    assert (huge.id, huge.error.type) == ("huge", "input_too_large")
    assert "MAX_RECORD_BYTES" in huge.error.message
    assert (following.id, following.text) == ("next", TEXT)


def test_csv_rows_with_configurable_columns_and_bad_bytes(tmp_path):
    path = tmp_path / "in.csv"
    path.write_bytes(
        b"doc,body,headline\n"
        + b'd1,"' + TEXT.encode() + b'\n\nSecond paragraph, with a comma.",Budget\n'
        + b"d2,caf\xe9 au lait,\n"
        + b",,\n"
    )
    source = open_input(str(path), fields=FieldNames(id="doc", text=("body",), title="headline"))
    d1, d2, row3 = list(source.records())
    assert source.count() == 3
    assert d1.text == TEXT + "\n\nSecond paragraph, with a comma." and d1.title == "Budget"
    assert (d2.id, d2.error.type) == ("d2", "undecodable_input")
    # An empty cell is empty text: the Summarizer turns it into an empty_input error record.
    assert (row3.id, row3.text, row3.error) == ("row-3", "", None)


def test_csv_without_a_text_column_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="--text-field"):
        records_of(path)


def test_directory_of_txt_md_html_files(tmp_path, seed_text):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(
        "<html><head><title>Budget passes</title><style>p{}</style></head><body><nav>Home | News</nav>"
        "<p>The council approved the budget.</p><p>The mayor &amp; her staff will sign it.</p>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    source = open_input(str(tmp_path))
    records = {r.id: r for r in source.records()}
    assert sorted(records) == ["a.txt", "bad.txt", "sub/b.md", "sub/c.html"]
    assert source.count() == 4
    assert records["a.txt"].text == seed_text
    assert records["bad.txt"].error.type == "undecodable_input"
    html = records["sub/c.html"]
    assert html.title == "Budget passes"
    assert html.text == "The council approved the budget.\n\nThe mayor & her staff will sign it."


def test_html_to_text_uses_first_h1_when_there_is_no_title():
    text, title = html_to_text("<h1>Storm  hits\ncoast</h1><div>Winds reached 100 km/h.<br>Roads closed.</div>")
    assert title == "Storm hits coast"
    assert text == "Storm hits coast\n\nWinds reached 100 km/h.\n\nRoads closed."


def test_stdin_jsonl_and_csv():
    stream = io.BytesIO((json.dumps({"id": "s1", "text": TEXT}) + "\n").encode())
    source = open_input("-", stdin=stream)
    assert source.count() is None
    assert [r.id for r in source.records()] == ["s1"]
    csv_stream = io.BytesIO(f'id,text\nc1,"{TEXT}"\n'.encode())
    assert [r.text for r in open_input("-", "csv", stdin=csv_stream).records()] == [TEXT]


def test_unknown_suffix_and_missing_input_name_the_fix(tmp_path):
    (tmp_path / "in.data").write_text("x", encoding="utf-8")
    with pytest.raises(OptionError, match="--input-format"):
        open_input(str(tmp_path / "in.data"))
    with pytest.raises(InputError, match="not found"):
        open_input(str(tmp_path / "missing.jsonl"))
