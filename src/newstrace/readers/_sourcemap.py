"""Map offsets in text extracted from HTML back to offsets in the original HTML file.

Analysis runs on the extracted text (markup would pollute every stage), but a fact-checker
highlighting a finding in the page needs offsets into the file itself. The extracted text is
aligned with the document's visible text, character by character, ignoring whitespace
differences; the result is a list of runs ``(text_start, html_start, length)`` in which both
sides advance together. A character that came from an entity (``&amp;``) is a run of length 1
pointing at the entity's first character.
"""

from __future__ import annotations

import bisect
from html.parser import HTMLParser

Run = tuple[int, int, int]  # (text_start, html_start, length)

_SKIP = {"script", "style", "noscript", "template", "head"}


class _Visible(HTMLParser):
    """Collects visible characters with their offsets in the original markup."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0]
        for i, ch in enumerate(markup):
            if ch == "\n":
                self.line_starts.append(i + 1)
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.skip_depth = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        base = self._pos()
        self.chars.extend(data)
        self.offsets.extend(range(base, base + len(data)))

    def _ref(self, text: str) -> None:
        if self.skip_depth:
            return
        import html

        ch = html.unescape(text)
        base = self._pos()
        for c in ch:
            self.chars.append(c)
            self.offsets.append(base)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def _norm(ch: str) -> str:
    # trafilatura may normalize non-breaking spaces and some quotes; compare loosely.
    if ch in "\u00a0\u2009\u202f":
        return " "
    return ch


def build_source_map(text: str, markup: str) -> tuple[Run, ...]:
    """Align ``text`` (extracted) with ``markup``; unmatched text characters get no run."""
    parser = _Visible(markup)
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # hostile markup: no map rather than no article
        return ()
    vis, offs = parser.chars, parser.offsets
    runs: list[Run] = []
    j = 0
    n = len(vis)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        # Find this character in the visible stream, skipping whitespace and, if needed, text
        # the extractor dropped (boilerplate between paragraphs).
        k = j
        limit = min(n, j + 5000)
        target = _norm(ch)
        while k < limit and _norm(vis[k]) != target:
            k += 1
        if k >= limit:
            i += 1  # not found nearby: leave unmapped, keep aligning from the same place
            continue
        h = offs[k]
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == h:
            t0, h0, length = runs[-1]
            runs[-1] = (t0, h0, length + 1)
        else:
            runs.append((i, h, 1))
        j = k + 1
        i += 1
    return tuple(runs)


def to_source(runs: tuple[Run, ...], start: int, end: int) -> tuple[int, int] | None:
    """Map the text span ``[start, end)`` to the HTML span covering it, or None if unmapped."""
    if not runs or end <= start:
        return None
    starts = [r[0] for r in runs]

    def locate(pos: int, *, right: bool) -> int | None:
        idx = bisect.bisect_right(starts, pos) - 1
        if idx < 0:
            return None
        t0, h0, length = runs[idx]
        if pos < t0 + length:
            return h0 + (pos - t0)
        # pos falls in whitespace or an unmapped gap: snap to the run's edge.
        if right:
            return h0 + length - 1
        return runs[idx + 1][1] if idx + 1 < len(runs) else None

    a = locate(start, right=False)
    b = locate(end - 1, right=True)
    if a is None or b is None or b < a:
        return None
    return a, b + 1
