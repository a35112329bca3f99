"""Bytes -> text: size limit, binary sniffing and encoding detection, with coded errors."""

from __future__ import annotations

import codecs
from pathlib import Path

from newstrace.errors import E_BINARY, E_DECODE, E_EMPTY, E_TOO_LARGE, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing oversized and empty ones before loading them whole."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            f"file is {size:,} bytes, over the limit of {max_bytes:,} (setting readers.max_bytes)",
            path=str(path),
            code=E_TOO_LARGE,
        )
    data = path.read_bytes()
    if not data.strip():
        raise InputError("file is empty", path=str(path), code=E_EMPTY)
    return data


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / max(1, len(sample))


def decode(data: bytes, path: str, fallbacks: tuple[str, ...] = ("cp1252", "latin-1")) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises InputError (E102/E103)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode as {enc}: {exc.reason}", path=path, code=E_DECODE) from None
    # NUL bytes without a UTF-16/32 BOM: an image, archive or other binary, not an article.
    if b"\x00" in data[:8192]:
        raise InputError("file looks binary (contains NUL bytes), not text", path=path, code=E_BINARY)
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError as exc:
        text, enc = _detect(data, path, fallbacks, exc)
    if _control_ratio(text) > 0.05:
        raise InputError("file looks binary (too many control characters)", path=path, code=E_BINARY)
    return text, enc


def _detect(data: bytes, path: str, fallbacks: tuple[str, ...], err: UnicodeDecodeError) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    for enc in fallbacks:
        if enc in ("latin-1", "iso-8859-1"):
            continue  # latin-1 decodes anything; only use it as the last resort below
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    if "latin-1" in fallbacks or "iso-8859-1" in fallbacks:
        return data.decode("latin-1"), "latin-1"
    line = data[: err.start].count(b"\n") + 1
    raise InputError(
        f"cannot decode: not UTF-8 (byte 0x{data[err.start]:02x}) and no encoding detected",
        path=path,
        line=line,
        code=E_DECODE,
    )
