"""One configuration path: packaged defaults -> user TOML file -> explicit overrides -> Settings.

Keys are dotted (``models.spacy``); overrides from the command line use the same names.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newstrace.errors import ConfigError

ENV_CONFIG = "NEWSTRACE_CONFIG"


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str
    embeddings_model: str
    cue_model: str
    max_bytes: int
    fallback_encodings: tuple[str, ...]
    expected_language: str
    language_min_chars: int
    stages: tuple[str, ...]
    batch_size: int
    # Conflicts below this confidence are left out of reports (compare --all-conflicts shows them).
    min_confidence: float = 0.5
    # Word vectors for the audit's near-synonyms: "bundled", a local spaCy folder, or "none".
    word_vectors: str = "bundled"
    # Entailment cross-encoder for the audit: "bundled", a local ONNX folder, or "none".
    entailment: str = "bundled"
    # Raw merged mapping, for components that read their own sections.
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def _defaults() -> dict[str, Any]:
    text = resources.files("newstrace").joinpath("defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: dict[str, Any], where: str) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if key not in base:
            raise ConfigError(f"unknown setting {key!r} in {where}", code="E201")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"setting {key!r} in {where} must be a table", code="E202")
            out[key] = _merge(base[key], value, where)
        else:
            out[key] = value
    return out


def _dotted(overrides: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for dotted, value in overrides.items():
        parts = dotted.split(".")
        node = nested
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return nested


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Build Settings from defaults, then ``config_file`` (or $NEWSTRACE_CONFIG), then overrides.

    Overrides use dotted keys: ``load_settings(**{"models.spacy": "en_core_web_sm"})``.
    """
    data = _defaults()
    path = config_file if config_file is not None else os.environ.get(ENV_CONFIG)
    if path:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}", code="E203") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path} is not valid TOML: {exc}", code="E204") from None
        data = _merge(data, user, str(path))
    if overrides:
        data = _merge(data, _dotted({k: v for k, v in overrides.items() if v is not None}), "overrides")
    try:
        settings = Settings(
            spacy_model=str(data["models"]["spacy"]),
            embeddings_model=str(data["models"]["embeddings"]),
            cue_model=str(data["models"]["cue_model"]),
            max_bytes=int(data["readers"]["max_bytes"]),
            fallback_encodings=tuple(data["readers"]["fallback_encodings"]),
            expected_language=str(data["language"]["expected"]),
            language_min_chars=int(data["language"]["min_chars"]),
            stages=tuple(data["pipeline"]["stages"]),
            batch_size=int(data["pipeline"]["batch_size"]),
            min_confidence=float(data["compare"]["min_confidence"]),
            word_vectors=str(data["models"].get("word_vectors", "bundled")),
            entailment=str(data["models"].get("entailment", "bundled")),
            raw=data,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"bad setting value: {exc}", code="E202") from None
    if not 0.0 <= settings.min_confidence <= 1.0:
        raise ConfigError("compare.min_confidence must be between 0 and 1", code="E202")
    if settings.max_bytes <= 0 or settings.batch_size <= 0:
        raise ConfigError("readers.max_bytes and pipeline.batch_size must be positive", code="E202")
    return settings
