"""Exception hierarchy. Every error carries a stable code (``E1xx`` input, ``E2xx`` config,
``E3xx`` models and extras) so users can search for it and tests can assert on it.

    NewstraceError
    ├── InputError        a file or record that cannot be read (the batch goes on without it)
    ├── ConfigError       a bad setting, config file or command-line value
    └── ModelError        a model or optional dependency that cannot be loaded
        └── MissingExtraError   an optional extra is not installed; names the extra
"""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class: ``code`` is stable across releases, ``message`` is for people."""

    code: str = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        if code is not None:
            self.code = code
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class InputError(NewstraceError):
    """A file or a record in it cannot be read. ``path`` and ``line`` say where."""

    code = "E100"

    def __init__(self, message: str, *, path: str, line: int | None = None, code: str | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(message, code=code)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: [{self.code}] {self.message}"


class ConfigError(NewstraceError):
    code = "E200"


class ModelError(NewstraceError):
    code = "E300"


class MissingExtraError(ModelError):
    code = "E301"

    def __init__(self, extra: str, package: str) -> None:
        self.extra = extra
        super().__init__(
            f"this feature needs the optional package {package!r}: install it with "
            f"`pip install 'newstrace[{extra}]'`"
        )


# Stable input error codes, listed once so docs and tests share them.
E_EMPTY = "E101"  # empty file or record
E_BINARY = "E102"  # looks binary (NUL bytes, not text)
E_DECODE = "E103"  # no encoding decodes it
E_TOO_LARGE = "E104"  # larger than settings.max_bytes
E_JSON = "E105"  # malformed JSON line
E_FIELD = "E106"  # a JSON record lacks text or has a wrong field type
E_NOT_FOUND = "E107"  # path or glob matches nothing
E_HTML = "E108"  # HTML without extractable text
E_UNSUPPORTED = "E109"  # unsupported file type
E_DATE = "E110"  # unparseable date in a header or field
E_DUPLICATE_ID = "E111"  # two articles of one audit or comparison share an id


def require_unique_ids(paths_by_id: list[tuple[str, str]], what: str) -> None:
    """Raise E111 when two articles of one ``what`` ("audit", "comparison") share an id: findings
    point at articles by id, so a shared id would point at the wrong text."""
    seen: dict[str, str] = {}
    for art_id, path in paths_by_id:
        if art_id in seen:
            raise InputError(
                f"article id {art_id!r} is used twice in one {what} (also by {seen[art_id]})",
                path=path,
                code=E_DUPLICATE_ID,
            )
        seen[art_id] = path
