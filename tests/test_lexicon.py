"""The packaged tables (``data/*.tsv``) and their loader."""

from __future__ import annotations

import pytest

from newstrace import lexicon
from newstrace.errors import ModelError, NewstraceError


@pytest.mark.parametrize(
    ("name", "least", "most"), [("places.tsv", 2, 4), ("nicknames.tsv", 2, 2), ("antonyms.tsv", 3, 3)]
)
def test_packaged_tables_are_well_formed(name: str, least: int, most: int) -> None:
    rows = lexicon.data_fields(name, least, most)
    assert len(rows) > 50
    assert all(least <= len(fields) <= most for _, fields in rows)


def test_malformed_line_names_the_table_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [(3, "Bill\tWilliam"), (7, "Gabby Gabrielle")]  # line 7 lost its tab
    monkeypatch.setattr(lexicon, "data_lines", lambda name: lines)
    with pytest.raises(ModelError) as err:
        lexicon.data_fields("nicknames.tsv", 2)
    assert err.value.code == "E308"
    assert "data/nicknames.tsv line 7" in str(err.value) and "got 1" in str(err.value)
    assert isinstance(err.value, NewstraceError)
    # too many fields, and an empty first field, are refused the same way
    monkeypatch.setattr(lexicon, "data_lines", lambda name: [(2, "a\tb\tc\td\te")])
    with pytest.raises(ModelError, match="line 2: want 2 to 4"):
        lexicon.data_fields("places.tsv", 2, 4)
    monkeypatch.setattr(lexicon, "data_lines", lambda name: [(5, "\tb")])
    with pytest.raises(ModelError, match="line 5"):
        lexicon.data_fields("nicknames.tsv", 2)
