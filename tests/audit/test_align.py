"""Unit alignment (``newstrace.audit._align``): counterparts of a derived sentence's units in the
sources, and the typed checks on aligned predicates, on spaCy parses of short texts."""

from __future__ import annotations

import pytest

from newstrace.audit._align import SourceUnits
from newstrace.audit._features import Tok, toks_of
from newstrace.errors import ModelError
from newstrace.models import load_spacy, load_word_vectors


@pytest.fixture(scope="module")
def nlp(settings):
    return load_spacy(settings.spacy_model)


@pytest.fixture(scope="module")
def vectors(settings):
    return load_word_vectors(settings.word_vectors)


def parse(nlp, text: str) -> list[list[Tok]]:
    doc = nlp(text)
    return [toks_of([(0, doc)], s.start_char, s.end_char) for s in doc.sents]


def align(nlp, vectors, source: str, derived: str):
    units = SourceUnits([(source, t) for t in parse(nlp, source)], vectors.similarity if vectors else None)
    [dtoks] = parse(nlp, derived)
    return units.align(dtoks, derived)


def types(al) -> list[str]:
    return [d.type for d in al.distortions]


def test_near_synonym_is_a_counterpart(nlp, vectors):
    al = align(nlp, vectors, "The legislators passed the budget in Albany on Monday.",
               "The lawmakers passed the budget in Albany on Monday.")  # fmt: skip
    assert al.key_units_aligned
    assert al.unaligned_words == []
    assert ("lawmakers", "legislator") in al.synonyms
    assert al.distortions == []


def test_without_vectors_only_words_and_lemmas_count(nlp):
    al = align(nlp, None, "The legislators passed the budget.", "The lawmakers passed the budget.")
    assert al.unaligned_words == ["lawmakers"]


def test_names_and_numbers_without_counterpart_are_named(nlp, vectors):
    al = align(nlp, vectors, "Jones paid 30 dollars for the ticket.", "Smith paid 40 dollars for the ticket.")
    assert al.unaligned_names == ["smith"]
    assert al.unaligned_numbers == ["40"]
    assert not al.key_units_aligned


def test_an_opposite_is_never_a_near_synonym(nlp):
    # A similarity that calls every pair near: the antonym table still keeps "rose" from
    # standing for "fell".
    def near(a: str, b: str) -> float:
        return 0.99 if {a, b} == {"fall", "rise"} else 0.0

    units = SourceUnits([("Shares rose.", s) for s in parse(nlp, "Shares rose.")], near)
    [dtoks] = parse(nlp, "Shares fell.")
    assert units.synonym(dtoks[1]) is None


def test_negation_flipped_in_a_reworded_sentence(nlp, vectors):
    source = "The carmaker said on Tuesday that it will not cut jobs at the Detroit plant this year."
    al = align(nlp, vectors, source, "This year the carmaker will cut jobs at its Detroit plant.")
    assert types(al) == ["negation_flipped"]
    assert "cut" in al.distortions[0].derived


def test_same_polarity_is_no_flip(nlp, vectors):
    source = "The carmaker said on Tuesday that it will not cut jobs at the Detroit plant this year."
    al = align(nlp, vectors, source, "This year the carmaker will not cut jobs at its Detroit plant.")
    assert al.distortions == []


def test_negation_reaches_what_it_spans(nlp):
    """A negation's reach: over verbs coordinated under it, over "no" after a copula, through
    "rather than"; not over "not only ... but", a conjunct in another form, or the fronted words
    of a reporting verb."""
    from newstrace.audit._align import _preds

    def polarity(text: str) -> dict[str, bool]:
        [toks] = parse(nlp, text)
        return {toks[p.verb].lower: p.negated for p in _preds(toks)}

    assert polarity("He urged the country not to divide itself or succumb to fear.")["succumb"]
    assert polarity("The meeting was no endorsement.")["was"]
    assert polarity("The Angels passed on him rather than match the bid.")["match"]
    assert not polarity("He did not stop and turned around.")["turned"]
    assert not polarity("They not only cheated, but there were charges of fraud.")["were"]
    assert not polarity("\u201cAbsolutely not,\u201d O'Connor said.")["said"]


def test_two_flips_say_the_same(nlp, vectors):
    """ "is bad news" for "is not good news": an opposite and a negation cancel."""
    al = align(
        nlp, vectors, "The endorsement is not good news for Cruz.", "The endorsement is bad news for Cruz."
    )
    assert "negation_flipped" not in types(al)


def test_a_phrase_naming_the_other_side_too_is_no_swap(nlp, vectors):
    """A derived slot that names the source's entity as well (a conjunct, an apposition, the
    same slot twice) or the same group in another form is no swap."""
    both = align(nlp, vectors, "Catherine Hardwicke failed to reach a deal. Summit owns the film.",
                 "Summit and the director, Catherine Hardwicke, failed to reach a deal.")  # fmt: skip
    assert "entity_swapped" not in types(both)
    place = align(nlp, vectors, "The candidates gathered in Las Vegas on Tuesday. The debate was at The Venetian.",
                  "The candidates gathered at The Venetian in Las Vegas on Tuesday.")  # fmt: skip
    assert "entity_swapped" not in types(place)
    group = align(nlp, vectors, "Republicans hold the Senate. Republican supporters complained the plan lacked specifics.",
                  "Republicans complained the plan lacked specifics.")  # fmt: skip
    assert "attribution_moved" not in types(group)
    swapped = align(nlp, vectors, "Catherine Hardwicke failed to reach a deal with Summit. Chris Weitz will direct.",
                    "Chris Weitz failed to reach a deal with Summit.")  # fmt: skip
    assert types(swapped) == ["entity_swapped"]


def test_roles_swapped(nlp, vectors):
    al = align(nlp, vectors, "Last week the regulator sued the bank over the losses in Ohio.",
               "The bank sued the regulator over its Ohio losses.")  # fmt: skip
    assert types(al) == ["roles_swapped"]


def test_attribution_moved_to_a_name_the_source_has_elsewhere(nlp, vectors):
    source = (
        "Police chief John Smith met the families on Thursday. "
        "The investigation will take several months, a prosecutor said on Friday."
    )
    al = align(
        nlp, vectors, source, "John Smith said on Friday that the investigation would take several months."
    )
    assert types(al) == ["attribution_moved"]
    assert al.distortions[0].derived == "John Smith"


def test_one_person_under_two_descriptions_is_no_swap(nlp, vectors):
    source = (
        "Prosecutor Dana Meyers met the families on Thursday. "
        "The investigation will take several months, the prosecutor said on Friday."
    )
    al = align(
        nlp, vectors, source, "Dana Meyers said on Friday that the investigation would take several months."
    )
    assert al.distortions == []


def test_opposite_word_in_the_sentence_that_says_the_rest(nlp, vectors):
    al = align(nlp, vectors, "Shares of the Ohio company rose sharply on Monday after the report.",
               "After the report, the Ohio company's shares fell sharply on Monday.")  # fmt: skip
    assert types(al) == ["meaning_reversed"]


def test_word_vectors_setting(tmp_path):
    assert load_word_vectors("none") is None
    with pytest.raises(ModelError) as exc:
        load_word_vectors(str(tmp_path))
    assert exc.value.code == "E310"


def test_a_name_modifying_a_noun_swapped_for_another_of_the_sources(nlp, vectors):
    source = (
        "The school board in Eau Claire met on Monday. "
        "A quarter of the budget, per the McKinley plan, is $40,000 for new teachers."
    )
    al = align(
        nlp, vectors, source, "A quarter of the budget, per the Eau Claire plan, is $40,000 for new teachers."
    )
    assert types(al) == ["entity_swapped"]
    assert "McKinley" in al.distortions[0].source


def test_a_modifier_the_derived_sentence_keeps_is_no_swap(nlp, vectors):
    source = "The champion stopped 40-year-old Tony Thompson in the sixth round in Mannheim on Saturday."
    al = align(
        nlp,
        vectors,
        source,
        "The champion stopped 40-year-old American Tony Thompson in the sixth round in Mannheim.",
    )
    assert [d for d in al.distortions if d.type == "entity_swapped"] == []


def test_an_acronym_and_its_full_name_are_counterparts(nlp, vectors):
    # Either way round: the source spells out the name the summary abbreviates, or writes the
    # dotted initials of the name the summary spells out.
    al = align(nlp, vectors,
               "Observers from the Organization for Security and Cooperation in Europe monitored the vote.",
               "Observers from the OSCE monitored the vote.")  # fmt: skip
    assert al.unaligned_names == []
    al = align(
        nlp,
        vectors,
        "He killed L. A. County deputy Jerry Ortiz.",
        "He killed Los Angeles County deputy Jerry Ortiz.",
    )
    assert al.unaligned_names == []
    # Initials alone prove nothing: a name whose initials the source does not write stays new.
    al = align(
        nlp,
        vectors,
        "Observers from the OSCE monitored the vote.",
        "Observers from the Open Society Council monitored the vote.",
    )
    assert al.unaligned_names == ["open", "society", "council"]
    # Nor do the initials of the words around a name written out on both sides.
    al = align(nlp, vectors, "She spoke at City Hall on Tuesday.", "She spoke at City Hall on Monday.")
    assert al.unaligned_names == ["monday"]


def test_a_title_before_a_name_is_a_word_not_a_name(nlp, vectors):
    al = align(nlp, vectors, "Writer Stephenie Meyer said on her website that she was sad.",
               "Author Stephenie Meyer said on her website that she was sad.")  # fmt: skip
    assert al.unaligned_names == []
    assert al.key_units_aligned


def test_roles_swapped_in_a_reworded_sentence_and_through_a_relative_clause(nlp, vectors):
    # Little is shared but the two names the other way round: the source's doer counts.
    al = align(nlp, vectors, "In 2008, Klitschko stopped Thompson in the 11th round.",
               "Thompson had previously stopped Klitschko in 2008.")  # fmt: skip
    assert types(al) == ["roles_swapped"]
    # "who" stands for the name its clause hangs on.
    al = align(nlp, vectors, "Trump, who narrowly edged out Rubio, finished second.",
               "Rubio, who narrowly edged out Trump, finished second.")  # fmt: skip
    assert types(al) == ["roles_swapped"]
    al = align(nlp, vectors, "Trump, who narrowly edged out Rubio, finished second.",
               "Trump, who narrowly edged out Rubio, came second.")  # fmt: skip
    assert types(al) == []


def test_who_acts_and_a_partner_after_a_preposition_exchanged(nlp, vectors):
    al = align(nlp, vectors, "Labott took directions from Reines during the hearing.",
               "Reines took directions from Labott during the hearing.")  # fmt: skip
    assert types(al) == ["roles_swapped"]
    al = align(nlp, vectors, "Labott took directions from Reines during the hearing.",
               "During the hearing, Labott took directions from Reines.")  # fmt: skip
    assert types(al) == []


def test_figures_exchanged_between_their_holders(nlp, vectors):
    src = "The county Board of Supervisors offered a $20,000 reward and the city added $75,000."
    al = align(
        nlp,
        vectors,
        src,
        "The county Board of Supervisors offered a $75,000 reward and the city added $20,000.",
    )
    assert types(al) == ["number_changed"]
    assert al.distortions[0].source.endswith("20,000")
    # The same figures with the same holders, reworded: nothing changed.
    al = align(
        nlp,
        vectors,
        src,
        "The city added $75,000 to the $20,000 reward the county Board of Supervisors offered.",
    )
    assert types(al) == []


def test_two_letters_or_a_persons_name_are_no_acronym(nlp, vectors):
    src = "WASHINGTON (AP) - The U.S. Senate voted on the bill."
    assert align(nlp, vectors, src, "Ursula Stone voted on the bill.").unaligned_names == ["ursula", "stone"]
    assert align(nlp, vectors, src, "The Austin Police voted on the bill.").unaligned_names == [
        "austin",
        "police",
    ]


def test_acts_both_sides_do_are_no_swap(nlp, vectors):
    assert (
        types(align(nlp, vectors, "Putin met with Obama in Geneva.", "Obama met with Putin in Geneva.")) == []
    )
    assert types(align(nlp, vectors, "Putin met Obama in Geneva.", "Obama met Putin in Geneva.")) == []


def test_an_exchanged_order_the_source_also_states_is_no_swap(nlp, vectors):
    src = "Putin accepted a letter from Obama. Obama accepted a letter from Putin."
    assert types(align(nlp, vectors, src, "Obama accepted a letter from Putin.")) == []


def test_a_subjectless_participle_acts_through_its_verbs_subject(nlp, vectors):
    al = align(
        nlp,
        vectors,
        "The Cavaliers beat the Sixers on Friday.",
        "The Sixers played on Friday, beating the Cavaliers.",
    )
    assert types(al) == ["roles_swapped"]
    # Not when the verb's object is who acts: "caught Smith stealing" (Smith steals).
    al = align(nlp, vectors, "Smith stole a car on Monday.", "Jones caught Smith stealing a car on Monday.")
    assert types(al) == []


def test_a_figure_the_source_also_gives_the_same_holder_is_no_swap(nlp, vectors):
    src = "Rubio won 25 percent in Iowa and 30 percent in Ohio, while Cruz won 30 percent in Iowa."
    assert types(align(nlp, vectors, src, "Rubio won 30 percent in Ohio.")) == []


def changed(nlp, vectors, src: str, derived: str) -> tuple[str, str, str] | None:
    """The one typed difference found in ``derived`` (type, derived words, source words)."""
    al = align(nlp, vectors, src, derived)
    assert len(al.distortions) <= 1
    return (al.distortions[0].type, al.distortions[0].derived, al.distortions[0].source) if al.distortions else None


def test_a_figure_the_source_gives_of_another_act(nlp, vectors):
    # 61 is in the source, but of his election; his death is at 88.
    src = "The former senator has died at age 88, his family said. In 1995, at age 61, he was elected governor."
    assert changed(nlp, vectors, src, "The former senator has died at age 61.") == ("number_changed", "61", "88")
    assert changed(nlp, vectors, src, "The former senator has died at age 88.") is None


def test_a_count_through_of_and_a_day_put_in_another_place(nlp, vectors):
    src = (
        "Investigators said four of the nine shots struck the car. The driver had been named in six "
        "earlier complaints."
    )
    derived = "Investigators said six of the nine shots struck the car."
    assert changed(nlp, vectors, src, derived) == ("number_changed", "six", "four")
    assert changed(nlp, vectors, src, "Four of the nine shots struck the car, investigators said.") is None
    src = "The two men were arrested Friday and charged with arson, police said on Sunday."
    derived = "Police said the two men were arrested Sunday and charged with arson."
    assert changed(nlp, vectors, src, derived) == ("date_changed", "Sunday", "Friday")


def test_a_part_of_a_total_or_another_measure_is_no_changed_figure(nlp, vectors):
    src = "The agency found 12 violations, eight of them at the northern plant."
    assert changed(nlp, vectors, src, "The agency found 12 violations, eight of them at the northern plant.") is None
    assert changed(nlp, vectors, src, "Of the 12 violations the agency found, eight were at the northern plant.") is None
    src = "More than 2,000 booths in 125 districts closed at 6:00 p.m. local time."
    assert changed(nlp, vectors, src, "More than 2,000 booths in 125 districts were closing at 6 p.m.") is None


def test_a_name_put_where_the_source_puts_another(nlp, vectors):
    src = (
        "A jury in Sacramento convicted Daniel Reyes of murder on Tuesday. His lawyer, Anne Ward, who "
        "works in Fresno, said he would appeal."
    )
    derived = "A jury in Fresno convicted Daniel Reyes of murder on Tuesday."
    assert changed(nlp, vectors, src, derived) == ("entity_swapped", "Fresno", "Sacramento")
    faithful = "A jury in Sacramento convicted Daniel Reyes of murder on Tuesday, and his lawyer in Fresno will appeal."
    assert changed(nlp, vectors, src, faithful) is None
