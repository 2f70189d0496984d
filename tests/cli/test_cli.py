import json
import subprocess
import sys

import pytest

from summarizer.cli import main


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The installed command as a user runs it: a separate process, real exit status."""
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], input=stdin, capture_output=True, timeout=120
    )


def test_help_documents_every_command():
    result = run_cli("--help")
    assert result.returncode == 0
    out = result.stdout.decode()
    for command in ("summarize", "repair", "eval"):
        assert command in out
    for command in ("summarize", "eval"):
        sub = run_cli(command, "--help")
        assert sub.returncode == 0 and "usage: summarizer " + command in sub.stdout.decode()


def test_summarize_file_prints_headline_then_summary(seed_path, capsys):
    assert main(["summarize", str(seed_path), "--sentences", "2"]) == 0
    out = capsys.readouterr().out
    headline, blank, summary = out.split("\n")[:3]
    assert headline and blank == ""
    assert len(headline.split()) <= 12
    assert "Milli Majlis" in summary


def test_summarize_json_prints_the_whole_result(seed_path, seed_text, capsys):
    assert main(["summarize", str(seed_path), "--json", "--words", "50"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] and data["method"]
    for highlight in data["highlights"]:
        assert seed_text[highlight["start"] : highlight["end"]] == highlight["text"]


def test_summarize_reads_standard_input(seed_text):
    result = run_cli("summarize", "-", "--json", stdin=seed_text.encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["highlights"]


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["summarize", "/no/such/file.txt"], None, "file not found: /no/such/file.txt"),
        (["summarize", "-"], b"   \n\t  ", "empty"),
        (["summarize", "-"], b"caf\xe9 au lait", "not valid utf-8: byte 0xe9 at offset 3"),
        (["summarize", "-", "--words", "2"], b"Some text.", "from 5 to 1000"),
        (["summarize", "-", "--method", "abstractive"], b"Some text.", "SUMMARIZER_MODEL"),
        (["eval", "/no/such/data.jsonl"], None, "not found"),
    ],
)
def test_bad_input_is_a_clear_error_without_traceback(args, stdin, message):
    result = run_cli(*args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert message in err
    assert "Traceback" not in err


def test_other_encodings_can_be_named():
    result = run_cli("summarize", "-", "--encoding", "latin-1", stdin="Le café est ouvert. Il fait beau.".encode("latin-1"))
    assert result.returncode == 0
    assert "café" in result.stdout.decode()


def test_directory_instead_of_file(tmp_path):
    result = run_cli("summarize", str(tmp_path))
    assert result.returncode == 2 and "is a directory" in result.stderr.decode()


@pytest.mark.parametrize("before_command", [True, False])
def test_config_file_is_accepted_before_or_after_the_command(seed_path, tmp_path, capsys, before_command):
    config = tmp_path / "settings.toml"
    config.write_text("summary_words = 30\nheadline_words = 5\n")
    args = ["summarize", str(seed_path), "--json"]
    args = ["--config", str(config), *args] if before_command else [*args, "--config", str(config)]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["headline"].split()) <= 5
    assert len(data["summary"].split()) <= 30
