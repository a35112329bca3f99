"""What a long command is doing, on stderr: a status line while models load, a bar for counted
work. Shown only when stderr is a terminal and the command is not ``--quiet``: a pipe or a log
file gets nothing but the final summary."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

__all__ = ["Steps"]


class _Count(ProgressColumn):
    """ "5/12" for counted work, nothing while the total is unknown."""

    def render(self, task: Task) -> Text:
        return Text(f"{int(task.completed)}/{int(task.total)}" if task.total else "", style="green")


class Steps:
    """A context manager and a progress callback: ``steps(text, done, total)`` shows ``text``
    with a spinner (``total`` None) or a bar of ``done``/``total``; a new text starts a new line
    of work. A no-op when disabled."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self.enabled = enabled and console.is_terminal
        self._progress: Progress | None = None
        self._task: Any = None
        self._text = ""
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                _Count(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> Steps:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, text: str, done: int = 0, total: int | None = None) -> None:
        if self._progress is None:
            return
        if text != self._text or self._task is None:
            if self._task is not None:
                self._progress.remove_task(self._task)
            self._task = self._progress.add_task(text, total=total)
            self._text = text
        self._progress.update(self._task, completed=done, total=total)
