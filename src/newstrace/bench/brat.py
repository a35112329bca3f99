"""Read attribution annotations in brat standoff format, PolNeAR layout.

PolNeAR ships ``DIR/text/NAME.txt`` and ``DIR/attributions/NAME_ANNOTATOR.ann``; each ``.ann``
holds text-bound spans and events linking them::

    T1	Source 89 106	The New York Post
    T2	Cue 107 114	reports
    T9	Content 315 448;463 553	“One ...,” “Yesterday, ...”
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

Offsets are character offsets into the ``.txt``; a span may have several ``start end``
fragments separated by ``;``. An event's first argument is its trigger (``Attribution`` or
``Attribution-no-source``); ``Content``, ``Content2``... are all content. A plain brat folder
(``NAME.txt`` next to ``NAME.ann``) is read too. Texts annotated more than once keep the
first annotation file in name order, so every text counts once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class TextBound:
    id: str
    label: str
    fragments: Fragments
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    id: str
    trigger: str
    source: Fragments = ()
    cue: Fragments = ()
    content: Fragments = ()


@dataclass(frozen=True, slots=True)
class BratDoc:
    name: str
    text: str
    attributions: tuple[Attribution, ...]
    annotation: str  # the .ann file the attributions came from


_ROLE = re.compile(r"^(Source|Cue|Content)\d*$")


def parse_ann(ann: str) -> tuple[dict[str, TextBound], list[Attribution]]:
    """Text-bound annotations by id, and the attribution events built from them."""
    bounds: dict[str, TextBound] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        ident = parts[0]
        if ident.startswith("T") and len(parts) >= 2:
            label, _, locs = parts[1].partition(" ")
            frags = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in locs.split(";") if piece.strip())
            )
            bounds[ident] = TextBound(ident, label, frags, parts[2] if len(parts) > 2 else "")
        elif ident.startswith("E") and len(parts) >= 2:
            pieces = [a.split(":", 1) for a in parts[1].split()]
            events.append((ident, [(a[0], a[1]) for a in pieces if len(a) == 2]))
    attributions: list[Attribution] = []
    for ident, args in events:
        if not args:
            continue
        trigger = args[0][0]
        roles: dict[str, list[tuple[int, int]]] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in args[1:]:
            m = _ROLE.match(role)
            if m and ref in bounds:
                roles[m.group(1)].extend(bounds[ref].fragments)
        attributions.append(
            Attribution(
                ident,
                trigger,
                tuple(sorted(roles["Source"])),
                tuple(sorted(roles["Cue"])),
                tuple(sorted(roles["Content"])),
            )
        )
    return bounds, attributions


def _pairs(path: Path) -> list[tuple[Path, Path]]:
    """(text file, annotation file) pairs under ``path``, one annotation per text."""
    text_dir, ann_dir = path / "text", path / "attributions"
    pairs: list[tuple[Path, Path]] = []
    if text_dir.is_dir() and ann_dir.is_dir():
        anns = sorted(ann_dir.glob("*.ann"))
        for txt in sorted(text_dir.glob("*.txt")):
            # PolNeAR names annotation files NAME_ANNOTATOR.ann.
            found = [a for a in anns if a.stem == txt.stem or a.stem.rsplit("_", 1)[0] == txt.stem]
            if found:
                pairs.append((txt, found[0]))
        return pairs
    for txt in sorted(path.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if ann.is_file():
            pairs.append((txt, ann))
    return pairs


def read_brat_dir(path: Path) -> list[BratDoc]:
    """Every annotated text under ``path`` (PolNeAR layout or plain brat), in name order."""
    docs: list[BratDoc] = []
    for txt, ann in _pairs(Path(path)):
        # newline="" keeps \r\n as two characters, as brat counts them.
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        _, attributions = parse_ann(ann.read_text(encoding="utf-8"))
        docs.append(BratDoc(txt.stem, text, tuple(attributions), ann.name))
    return docs
