"""The eval harness on a fixture whose ROUGE was computed by hand.

Record 1: lead-1 candidate "Cat dog fish." vs reference "Cat dog fish bird."
  ROUGE-1: 3 of 3 candidate words match, 3 of 4 reference words -> F1 = 2*1*0.75/1.75 = 85.714
  ROUGE-2: bigrams 2 of 2 vs 2 of 3 -> F1 = 2*1*(2/3)/(5/3) = 80.0
  ROUGE-Lsum: one sentence each, LCS = 3 -> same as ROUGE-1 = 85.714
Record 2: candidate "Red blue green." vs reference "Yellow pink." -> 0 everywhere.
Means: ROUGE-1 42.86, ROUGE-2 40.0, ROUGE-Lsum 42.86.
"""

import json

import pytest

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.evaluation import evaluate, read_examples, reference_sentences
from summarizer.pipeline import Summarizer
from summarizer.settings import Settings

RECORDS = [
    {"id": "a", "article": "Cat dog fish. Horse cow sheep. Lion tiger bear.", "summary": "Cat dog fish bird.", "headline": "Cat dog"},
    {"id": "b", "article": "Red blue green. Black white grey.", "summary": "Yellow pink.", "headline": "Pink"},
]


@pytest.fixture()
def data_file(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS))
    return path


def test_hand_computed_rouge(data_file):
    examples = list(read_examples(data_file, "summary"))
    results = evaluate(Summarizer(Settings.load(environ={})), examples, ["lead"], sentences=1)
    assert results == {"lead": {"rouge1": 42.86, "rouge2": 40.0, "rougeLsum": 42.86, "n": 2, "failed": 0}}


def test_headline_target_scores_the_headline(data_file):
    # Headline "Cat dog fish" (3 words, from "Cat dog fish.") vs "Cat dog": P=2/3, R=1 -> F1=80.0;
    # "Red blue green" vs "Pink": 0. Mean ROUGE-1 = 40.0.
    examples = list(read_examples(data_file, "headline"))
    results = evaluate(Summarizer(Settings.load(environ={})), examples, ["lead"], target="headline")
    assert results["lead"]["rouge1"] == 40.0


def test_cli_json_output_for_several_methods(data_file, tmp_path, capsys):
    output = tmp_path / "scores.json"
    assert main(["eval", str(data_file), "--method", "lead", "--method", "extractive", "--sentences", "1",
                 "--json", "--output", str(output)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"lead", "extractive"}
    assert printed["lead"]["rouge1"] == 42.86
    assert json.loads(output.read_text()) == printed


def test_cli_table(data_file, capsys):
    assert main(["eval", str(data_file), "--method", "lead", "--sentences", "1"]) == 0
    table = capsys.readouterr().out
    assert "ROUGE-1" in table and "42.86" in table


def test_reference_length_budget(data_file):
    # Reference of 4 words -> budget 5 (the contract's minimum): "Cat dog fish." fits, "Horse cow sheep." does not.
    examples = list(read_examples(data_file, "summary"))
    results = evaluate(Summarizer(Settings.load(environ={})), examples[:1], ["lead"], length="reference")
    assert results["lead"]["rouge1"] == 85.71


def test_references_without_line_breaks_are_split_into_sentences():
    assert reference_sentences("First one here. Second one there.") == "First one here.\nSecond one there."
    assert reference_sentences("a line\nanother line\n") == "a line\nanother line"


def test_bad_records_are_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"article": "x"}\n')
    with pytest.raises(InputError, match="bad.jsonl:1 needs string fields"):
        list(read_examples(path, "summary"))
    path.write_text("{not json\n")
    with pytest.raises(InputError, match="bad.jsonl:1 is not valid JSON"):
        list(read_examples(path, "summary"))
