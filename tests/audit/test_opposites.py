"""The opposite-words table (``data/antonyms.tsv``) the audit and the perturbations share."""

from __future__ import annotations

from newstrace.audit._opposites import opposites, readings


def test_both_directions_in_the_same_inflection():
    assert [o.opposite for o in readings("rose", "VERB")] == ["fell", "dropped"]
    assert [o.opposite for o in readings("fell", "VERB")] == ["rose", "climbed"]
    assert {o.opposite for o in readings("Approved", "VERB")} == {"rejected"}
    assert [o.opposite for o in readings("higher", "ADJ")] == ["lower"]
    # A slot the opposite word lacks falls back to its base form.
    assert [o.opposite for o in readings("cheaper", "ADJ")] == ["expensive"]


def test_part_of_speech_must_fit():
    # "left" the verb is no opposite of "right"; "lower" the verb is the opposite of "raise".
    assert readings("rose", "NOUN") == ()
    assert [o.opposite for o in readings("lowered", "VERB")] == ["raised"]
    assert readings("last", "VERB") == ()
    assert [o.opposite for o in readings("last", "ADJ")] == ["first"]


def test_every_line_is_well_formed():
    table = opposites()
    assert len(table) > 300
    for form, options in table.items():
        for o in options:
            assert form in o.family and o.opposite in o.opposite_family
            assert not set(o.family) & set(o.opposite_family), form
            assert form == form.lower() and " " not in form
