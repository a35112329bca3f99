from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newstrace.story._names import fold, jaro_winkler, name_similarity, skeleton


def test_transliteration_variants_are_close():
    assert name_similarity("Khinshtein", "Khinstin") >= 0.9
    assert name_similarity("Sydorenko", "Sidorenko") == 1.0
    assert name_similarity("Dorofeyev", "Dorofeev") == 1.0
    assert skeleton(fold("Oleksiy")) == skeleton(fold("Aleksei"))


def test_different_names_are_far():
    assert name_similarity("Nadia", "Ihor") < 0.5
    assert name_similarity("Putin", "Pushkin") < 0.9
    assert name_similarity("Gerasimov", "Gerashchenko") < 0.9


def test_fold_strips_diacritics():
    assert fold("Zelenskyy") == fold("Zelensky") == "zelenski"
    assert fold("Türkiye") == fold("Turkiye") == "turke"


@given(st.text(max_size=20), st.text(max_size=20))
def test_jaro_winkler_bounds_and_symmetry(a, b):
    s = jaro_winkler(a, b)
    assert 0.0 <= s <= 1.0 + 1e-9
    assert abs(s - jaro_winkler(b, a)) < 1e-9
