import json

import jsonschema
import pytest

from summarizer import SCHEMA_VERSION, Summarizer, Summary
from summarizer.summary import summary_json_schema


@pytest.fixture(scope="module")
def seed_summary(seed_text) -> Summary:
    return Summarizer().summarize(seed_text, id="seed-1", include_repaired_text=True)


def test_summary_json_round_trip(seed_summary):
    data = json.loads(json.dumps(seed_summary.to_dict()))
    assert Summary.from_dict(data) == seed_summary


def test_summary_json_matches_the_documented_schema(seed_summary):
    data = seed_summary.to_dict()
    jsonschema.validate(data, summary_json_schema())
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["id"] == "seed-1"
    assert data["repaired_text"].startswith("BAKU")


def test_repaired_text_is_left_out_unless_asked_for(seed_text):
    data = Summarizer().summarize(seed_text).to_dict()
    assert "repaired_text" not in data
    jsonschema.validate(data, summary_json_schema())


def test_schema_rejects_a_result_with_a_missing_field(seed_summary):
    data = seed_summary.to_dict()
    del data["headline"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, summary_json_schema())


def test_other_major_schema_version_is_refused(seed_summary):
    data = seed_summary.to_dict()
    data["schema_version"] = "2.0"
    with pytest.raises(ValueError, match="not supported"):
        Summary.from_dict(data)
