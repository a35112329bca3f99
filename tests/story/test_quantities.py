"""What a figure measures (``story.quantities.measure``) and how precisely it is written, read
from real pipeline output."""

from __future__ import annotations

from newstrace import article_from_text
from newstrace.config import load_settings
from newstrace.pipeline import Pipeline
from newstrace.story.claims import StoryClaim, story_claims
from newstrace.story.quantities import _precision, measure, measure_key


def _figures(text: str) -> dict[str, tuple[str, float, bool] | None]:
    """Each figure's text -> (measure kind, base value, physical) or None."""
    ann = next(
        iter(Pipeline(load_settings()).annotate([article_from_text(f"date 2013-01-04\n{text}", id="a")]))
    )
    claims: list[StoryClaim] = story_claims([ann], {})
    out: dict[str, tuple[str, float, bool] | None] = {}
    for sc in claims:
        for q in sc.claim.frame.quantities:
            m = measure(sc, q)
            out[q.text] = None if m is None else (m.kind, m.value, m.physical)
    return out


def test_count_nouns_that_pint_calls_units_are_counts():
    """pint reads "points" as a typographic length and "shots" as a volume of spirits; in news
    they are counts, compared only with the same count noun."""
    got = _figures(
        "Tyler Hansbrough had 24 points and seven rebounds on Thursday. "
        "The officers fired 11 shots at the car. The climber fell 200 feet."
    )
    assert got["24 points"] == ("point", 24.0, False)
    assert got["11 shots"] == ("shot", 11.0, False)
    kind, value, physical = got["200 feet"] or ("", 0.0, False)
    assert (kind, physical) == ("length", True) and abs(value - 60.96) < 0.01


def test_a_glued_m_is_a_unit_unless_the_value_carries_millions():
    assert _precision("600m", 600.0) == 50.0  # 600 metres, to the nearest 50
    assert _precision("1.5 million", 1_500_000.0) == 50_000.0
    assert _precision("$4m", 4_000_000.0) == 500_000.0


def test_a_scale_glued_to_a_sum_of_money_is_its_scale():
    """ "$600m" is 600 million dollars (not 600, nor 600 metres); "£1.5bn" and "$50k" are read;
    "200m" after no currency sign stays 200 metres."""
    got = _figures(
        "The club paid $600m for the stadium. They raised £1.5bn from investors. "
        "The fund holds €3m in cash. A $50k bonus was paid. He fell 200m down a gully."
    )
    assert got["600m"] == ("money:usd", 600e6, True)
    assert got["1.5bn"] == ("money:gbp", 1.5e9, True)
    assert got["3m"] == ("money:eur", 3e6, True)
    assert got["50k"] == ("money:usd", 50e3, True)
    assert got["200m"] == ("length", 200.0, True)


def _kinds(text: str) -> dict[str, str | None]:
    """Each figure's text -> its measure key ("casualties:dead", ...) or None."""
    ann = next(
        iter(Pipeline(load_settings()).annotate([article_from_text(f"date 2013-01-04\n{text}", id="a")]))
    )
    return {q.text: measure_key(sc, q) for sc in story_claims([ann], {}) for q in sc.claim.frame.quantities}


def test_the_figure_a_toll_reaches_counts_the_dead_whatever_follows_it():
    """The nearest casualty word of "23" is "injured", another figure's: the toll's verb says
    what it counts. "60 others" next to "injuring" are people hurt."""
    got = _kinds(
        "The death toll from the earthquake that shook the coast early yesterday has risen to 23, "
        "with 112 people injured and four still missing, the government said. "
        "The quake killed 14 people and injured 60 others."
    )
    assert got["23"] == "casualties:dead"
    assert got["112 people"] == "casualties:injured"
    assert got["14 people"] == "casualties:dead"
    assert got["60 others"] == "casualties:injured"
