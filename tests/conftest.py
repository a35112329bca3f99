from __future__ import annotations

from pathlib import Path

import pytest

from newstrace.config import Settings, load_settings

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings):  # type: ignore[no-untyped-def]
    from newstrace.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
