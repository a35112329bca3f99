"""HTML articles: analysis offsets map back to the original file through the source map."""

from __future__ import annotations

import re

from newstrace.readers import read_file
from newstrace.readers._sourcemap import build_source_map, to_source
from newstrace.records import Article


def test_every_word_maps_back_to_the_same_word_in_the_file(fixtures):
    [art] = list(read_file(fixtures / "page.html"))
    assert isinstance(art, Article) and art.source_map
    html = (fixtures / "page.html").read_text(encoding="utf-8")
    words = list(re.finditer(r"\w+", art.text))
    assert len(words) > 50
    for m in words:
        span = art.source_span(m.start(), m.end())
        assert span is not None, m.group()
        assert html[span[0] : span[1]] == m.group()


def test_multiword_span_and_entities():
    markup = (
        "<html><body><p>Fish &amp; chips cost\n   5&nbsp;euros.</p><script>x='Fish'</script></body></html>"
    )
    text = "Fish & chips cost 5\u00a0euros."
    runs = build_source_map(text, markup)
    start, end = to_source(runs, 0, len("Fish & chips cost"))
    assert markup[start:end] == "Fish &amp; chips cost"
    at = text.index("euros")
    s, e = to_source(runs, at, at + 5)
    assert markup[s:e] == "euros"
    # "&" came from an entity: it maps to the entity's first character.
    amp = to_source(runs, 5, 6)
    assert markup[amp[0]] == "&"


def test_plain_text_maps_to_itself(fixtures):
    [art] = list(read_file(fixtures / "wire_dam.txt"))
    assert art.source_map == ()
    assert art.source_span(10, 20) == (10, 20)


def test_unmappable_text_gives_none():
    runs = build_source_map("Nothing here matches", "<p>zzz</p>")
    assert to_source(runs, 0, 7) is None
    assert to_source((), 0, 3) is None
