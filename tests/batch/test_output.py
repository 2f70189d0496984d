import csv
import json

import pytest

from summarizer.batch.output import CSV_COLUMNS, ResultWriter, format_csv, format_jsonl, output_format_for, prepare_output
from summarizer.batch.records import RecordError, ResultRecord, error_result
from summarizer.errors import InputError

SUMMARY = {
    "headline": "Council approves budget",
    "summary": "The council approved the budget,\nafter a \"long\" debate.",
    "method": "lead",
    "model": None,
    "warnings": [{"code": "extractive_only", "message": "no model"}],
    "schema_version": "1.0",
}


def test_jsonl_line_puts_the_id_first_and_keeps_the_schema():
    line = format_jsonl(ResultRecord("a1", {**SUMMARY, "id": "a1"}))
    assert line.endswith("\n") and line.count("\n") == 1
    data = json.loads(line)
    assert list(data)[0] == "id" and data == {"id": "a1", **SUMMARY}


def test_csv_line_is_one_physical_line_with_flat_columns():
    line = format_csv(ResultRecord("a1", SUMMARY))
    assert line.count("\n") == 1
    row = next(csv.reader([line]))
    assert dict(zip(CSV_COLUMNS, row)) == {
        "id": "a1",
        "headline": "Council approves budget",
        "summary": 'The council approved the budget, after a "long" debate.',
        "method": "lead",
        "model": "",
        "warnings": "extractive_only",
        "error_type": "",
        "error_message": "",
    }
    error_row = next(csv.reader([format_csv(error_result("b", RecordError("missing_text", "no text")))]))
    assert error_row[0] == "b" and error_row[-2:] == ["missing_text", "no text"]


def test_output_format_follows_the_file_name_unless_given():
    assert output_format_for("out.csv", None) == "csv"
    assert output_format_for("out.jsonl", None) == "jsonl"
    assert output_format_for("out.csv", "jsonl") == "jsonl"


def test_resume_reads_done_ids_and_cuts_a_torn_last_line(tmp_path):
    path = tmp_path / "out.jsonl"
    prepare_output(path, "jsonl")
    with ResultWriter(path) as writer:
        for record_id in ("a", "b"):
            writer.write(format_jsonl(ResultRecord(record_id, SUMMARY)))
    intact = path.read_bytes()
    path.write_bytes(intact + b'{"id": "c", "headline": "Cou')  # killed mid-write
    state = prepare_output(path, "jsonl")
    assert state.done_ids == {"a", "b"} and state.records == 2
    assert state.torn_bytes == len(b'{"id": "c", "headline": "Cou')
    assert path.read_bytes() == intact


def test_a_file_that_is_only_a_torn_line_becomes_empty(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a"')
    state = prepare_output(path, "jsonl")
    assert (state.done_ids, state.torn_bytes, path.read_bytes()) == (set(), 10, b"")


def test_csv_resume_checks_the_header_and_repairs_a_torn_header(tmp_path):
    path = tmp_path / "out.csv"
    prepare_output(path, "csv")
    with ResultWriter(path) as writer:
        writer.write(format_csv(ResultRecord("x,1", SUMMARY)))
    assert prepare_output(path, "csv").done_ids == {"x,1"}
    torn = tmp_path / "torn.csv"
    torn.write_bytes(b"id,head")
    assert prepare_output(torn, "csv").torn_bytes == 7
    assert torn.read_text(encoding="utf-8") == ",".join(CSV_COLUMNS) + "\n"


def test_a_foreign_output_file_is_refused_not_appended_to(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text("this is my thesis\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1 is not a jsonl batch result"):
        prepare_output(path, "jsonl")
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": "An input line, not a result."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a jsonl batch result"):
        prepare_output(articles, "jsonl")
    other = tmp_path / "out.csv"
    other.write_text("name,age\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        prepare_output(other, "csv")


def test_writer_turns_a_stray_surrogate_into_an_escape_not_a_crash(tmp_path):
    path = tmp_path / "out.jsonl"
    with ResultWriter(path) as writer:
        writer.write(format_jsonl(ResultRecord("s", {"headline": "bad \udce9 byte"})))
    assert json.loads(path.read_text(encoding="utf-8"))["headline"] == "bad \udce9 byte"
