from pathlib import Path

import pytest

from summarizer.errors import OptionError
from summarizer.settings import Settings


def test_defaults_work_offline_without_a_gpu():
    settings = Settings.load(environ={})
    assert settings.model is None
    assert settings.device == "auto"
    assert (settings.headline_words, settings.summary_words, settings.summary_sentences) == (12, 60, None)


def test_environment_overrides_defaults_with_types():
    settings = Settings.load(
        environ={
            "SUMMARIZER_SUMMARY_WORDS": "80",
            "SUMMARIZER_STRICT_GROUNDING": "yes",
            "SUMMARIZER_SUMMARY_SENTENCES": "3",
            "SUMMARIZER_MODELS_DIR": "/tmp/m",
        }
    )
    assert settings.summary_words == 80
    assert settings.strict_grounding is True
    assert settings.summary_sentences == 3
    assert settings.models_dir == Path("/tmp/m")


def test_precedence_file_then_env_then_overrides(tmp_path):
    config = tmp_path / "summarizer.toml"
    config.write_text('[summarizer]\nsummary_words = 90\nheadline_words = 15\nmodel = "from-file"\n')
    settings = Settings.load(config_file=config, environ={"SUMMARIZER_HEADLINE_WORDS": "17"}, model="explicit")
    assert settings.summary_words == 90  # file
    assert settings.headline_words == 17  # env beats file
    assert settings.model == "explicit"  # override beats both


def test_config_file_from_environment(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("summary_words = 33\n")
    assert Settings.load(environ={"SUMMARIZER_CONFIG": str(config)}).summary_words == 33


@pytest.mark.parametrize(
    "environ, message",
    [
        ({"SUMMARIZER_SUMMARY_WORDS": "many"}, "whole number"),
        ({"SUMMARIZER_SUMMARY_WORDS": "2"}, "from 5 to 1000"),
        ({"SUMMARIZER_DEVICE": "tpu"}, "device must be one of"),
        ({"SUMMARIZER_STRICT_GROUNDING": "maybe"}, "true or false"),
    ],
)
def test_bad_values_get_clear_errors(environ, message):
    with pytest.raises(OptionError, match=message):
        Settings.load(environ=environ)


def test_unknown_key_in_config_file_is_named(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("summary_wrods = 33\n")
    with pytest.raises(OptionError, match="summary_wrods"):
        Settings.load(config_file=config, environ={})


def test_missing_or_broken_config_file(tmp_path):
    with pytest.raises(OptionError, match="not found"):
        Settings.load(config_file=tmp_path / "absent.toml", environ={})
    broken = tmp_path / "broken.toml"
    broken.write_text("summary_words = [")
    with pytest.raises(OptionError, match="not valid TOML"):
        Settings.load(config_file=broken, environ={})
