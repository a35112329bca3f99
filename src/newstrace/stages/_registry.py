"""Stage registry: per-article stages registered by name with declared inputs and outputs.

A stage is a callable taking a batch (list) of AnnotatedArticle and returning a new list of the
same length; it must not mutate its input. ``requires`` names fields that earlier stages assign,
``assigns`` the fields it fills in. The pipeline checks the declared order before running, so a
misconfigured ``pipeline.stages`` fails at start-up, not halfway through a corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newstrace.config import Settings
from newstrace.errors import ConfigError
from newstrace.records import AnnotatedArticle


class Stage(Protocol):
    def __call__(self, batch: list[AnnotatedArticle]) -> list[AnnotatedArticle]: ...


StageFactory = Callable[[Settings], Stage]


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: StageFactory


_REGISTRY: dict[str, StageInfo] = {}


def register(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str]
) -> Callable[[StageFactory], StageFactory]:
    """Decorator registering a stage factory under ``name``."""

    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = StageInfo(name, tuple(requires), tuple(assigns), factory)
        return factory

    return deco


def registered() -> dict[str, StageInfo]:
    return dict(_REGISTRY)


def get_stage(name: str) -> StageInfo:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"unknown stage {name!r} (known: {known})", code="E205") from None


def check_order(names: Sequence[str]) -> list[StageInfo]:
    """Resolve names and verify each stage's requirements are assigned by an earlier stage."""
    infos = [get_stage(n) for n in names]
    available: set[str] = set()
    for info in infos:
        missing = [r for r in info.requires if r not in available]
        if missing:
            raise ConfigError(
                f"stage {info.name!r} requires {', '.join(missing)}, which no earlier stage assigns",
                code="E206",
            )
        available.update(info.assigns)
    return infos
