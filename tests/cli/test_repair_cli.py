"""`summarizer repair`: plain text, --json layout with raw offsets, --jsonl collections."""

import io
import json
import subprocess
import sys

from summarizer.cli import main
from summarizer.cli.repair import run_jsonl


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarizer", *args], input=stdin, capture_output=True, timeout=120)


def test_repair_prints_paragraphs_separated_by_one_blank_line(seed_path, capsys):
    assert main(["repair", str(seed_path)]) == 0
    out = capsys.readouterr().out
    paragraphs = out.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 8
    assert all(p and "\n" not in p for p in paragraphs)
    assert "within the framework of Partnership for Peace (PfP) Programme" in out


def test_repair_reads_standard_input_and_joins_hard_wraps():
    text = (
        "The council voted on Tuesday to expand the bus network\n"
        "across the northern districts of the city.\n"
        "    Work starts next spring, the mayor said.\n"
    )
    result = run_cli("repair", "-", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == (
        "The council voted on Tuesday to expand the bus network across the northern districts of the city.\n\n"
        "Work starts next spring, the mayor said.\n"
    )


def test_repair_json_gives_raw_offsets_dateline_and_byline(seed_path, seed_text, capsys):
    assert main(["repair", str(seed_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for para in data["paragraphs"]:
        for sentence in para["sentences"]:
            assert para["start"] <= sentence["start"] < sentence["end"] <= para["end"]
            source = " ".join(seed_text[sentence["start"] : sentence["end"]].split())
            assert source == sentence["text"]
    assert seed_text[data["dateline"]["start"] : data["dateline"]["end"]] == "BAKU, Azerbaijan, March 8."
    assert data["paragraphs"][0]["sentences"][0]["kind"] == "dateline"
    assert data["byline"]["text"] == "Trend reports"


def test_repair_empty_input_and_bad_bytes_give_clear_errors(tmp_path):
    empty = run_cli("repair", "-", stdin=b"  \n\n ")
    assert empty.returncode == 2 and b"empty" in empty.stderr and b"Traceback" not in empty.stderr
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\u00e9 prices rose.".encode("latin-1"))
    result = run_cli("repair", str(bad))
    assert result.returncode == 2
    assert b"not valid utf-8" in result.stderr and b"0xe9" in result.stderr


def test_repair_jsonl_streams_records_and_reports_bad_ones(tmp_path):
    source = tmp_path / "archive.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Prices rose in\n\nthe third quarter.\n\nExports fell."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "c"}) + "\n"
        + json.dumps({"id": "d", "text": "   "}) + "\n"
        + json.dumps({"id": "e", "text": "One line."}) + "\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    assert run_jsonl(str(source), "utf-8", out) == 1
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["a", None, "c", "d", "e"]
    assert records[0]["repaired"] == "Prices rose in the third quarter.\n\nExports fell."
    assert "invalid JSON" in records[1]["error"] and records[1]["line"] == 2
    assert "'text'" in records[2]["error"]
    assert "empty" in records[3]["error"]
    assert records[4] == {"id": "e", "repaired": "One line."}


def test_repair_jsonl_all_good_exits_zero(tmp_path):
    source = tmp_path / "ok.jsonl"
    source.write_text(json.dumps({"id": 1, "text": "Hello there."}) + "\n", encoding="utf-8")
    result = run_cli("repair", "--jsonl", str(source))
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"id": 1, "repaired": "Hello there."}


def test_repair_needs_an_input(capsys):
    assert main(["repair"]) == 2
    assert "no input" in capsys.readouterr().err
