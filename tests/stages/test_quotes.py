from __future__ import annotations

import pytest

import newstrace.stages.quotes  # noqa: F401  (registers the stage)
from newstrace.config import Settings
from newstrace.records import AnnotatedArticle, Article, Quote
from newstrace.stages._quote_rules import scan_double, scan_single
from newstrace.stages._registry import get_stage
from newstrace.stages.entities import EntitiesStage
from newstrace.stages.quotes import QuotesStage
from newstrace.stages.segment import SegmentStage


@pytest.fixture(scope="module")
def run(settings: Settings):  # type: ignore[no-untyped-def]
    segment, entities, quotes = SegmentStage(settings), EntitiesStage(), QuotesStage(settings)

    def go(text: str) -> AnnotatedArticle:
        ann = AnnotatedArticle(Article("t", "t.txt", text))
        return quotes(entities(segment([ann])))[0]

    return go


def words(ann: AnnotatedArticle, q: Quote) -> tuple[str | None, str | None, str]:
    t = ann.article.text
    sp = t[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None
    cue = t[q.cue.start : q.cue.end] if q.cue else None
    return sp, cue, t[q.content.start : q.content.end]


def assert_offsets(ann: AnnotatedArticle) -> None:
    n = len(ann.article.text)
    for q in ann.quotes:
        for span in (q.speaker_span, q.cue, q.content):
            if span is not None:
                assert 0 <= span.start < span.end <= n
        assert ann.article.text[q.content.start : q.content.end].strip()


def test_registered() -> None:
    info = get_stage("quotes")
    assert info.requires == ("sentences", "docs", "entities")
    assert info.assigns == ("quotes",)


def test_straight_quote_speaker_after(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('"We will rebuild the bridge before winter," Mayor Lena Ortiz said on Monday.')
    assert len(ann.quotes) == 1
    q = ann.quotes[0]
    assert words(ann, q) == ("Mayor Lena Ortiz", "said", "We will rebuild the bridge before winter")
    assert q.kind == "direct"
    assert q.speaker == "Lena Ortiz" and q.speaker_entity is not None
    assert_offsets(ann)


def test_curly_quote_speaker_before_with_colon(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Health Minister Ana Ruiz said: \u201cThe water is safe to drink.\u201d")
    (q,) = ann.quotes
    assert words(ann, q) == ("Health Minister Ana Ruiz", "said", "The water is safe to drink.")
    assert q.kind == "direct"


def test_inverted_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("\u201cThe dam held through the night,\u201d said Piotr Nowak, the site engineer.")
    (q,) = ann.quotes
    sp, cue, content = words(ann, q)
    assert cue == "said" and sp is not None and sp.startswith("Piotr Nowak")
    assert content == "The dam held through the night"


def test_multi_sentence_quote(run) -> None:  # type: ignore[no-untyped-def]
    text = '"The first wave hit at dawn. The second came an hour later," Lena Ortiz said.'
    ann = run(text)
    (q,) = ann.quotes
    assert words(ann, q)[2] == "The first wave hit at dawn. The second came an hour later"


def test_multi_paragraph_quote_and_pronoun(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Prime Minister Elena Varga visited the flooded port on Monday.\n\n"
        '"We lost three warehouses in one night.\n\n'
        '"But the port will stay open," she said.'
    )
    ann = run(text)
    assert not ann.warnings
    (q,) = ann.quotes
    sp, cue, content = words(ann, q)
    assert content.startswith("We lost three warehouses") and content.endswith("stay open")
    assert "\n\n" in content  # one quote across both paragraphs
    assert (sp, cue) == ("she", "said")
    assert q.speaker == "Elena Varga"
    varga = next(e for e in ann.entities if e.name == "Elena Varga")
    assert q.speaker_entity == varga.id


def test_nested_single_inside_double(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("\"He told me 'never again' and walked out,\" Tom Hale said.")
    (q,) = ann.quotes
    assert words(ann, q)[2] == "He told me 'never again' and walked out"
    assert q.speaker == "Tom Hale"


def test_unbalanced_mark_warns_and_keeps_going(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"This quotation never closes and runs on.\n\n'
        "The council met on Friday.\n\n"
        '"The budget is balanced," Treasurer Mark Jones said.'
    )
    ann = run(text)
    assert ann.warnings == ("W003 unbalanced quote mark at offset 0 skipped",)
    (q,) = ann.quotes
    assert words(ann, q) == ("Treasurer Mark Jones", "said", "The budget is balanced")
    assert_offsets(ann)


def test_quote_without_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('The river rose overnight.\n\n"Nobody expected the water to come so fast."\n')
    (q,) = ann.quotes
    assert q.speaker is None and q.speaker_span is None and q.cue is None
    assert words(ann, q)[2] == "Nobody expected the water to come so fast."


def test_indirect_said_that(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Health Minister Ana Ruiz said that the clinics would reopen on Monday.")
    (q,) = ann.quotes
    assert q.kind == "indirect"
    assert words(ann, q) == ("Health Minister Ana Ruiz", "said", "that the clinics would reopen on Monday")
    assert q.speaker == "Ana Ruiz"


def test_indirect_cue_after(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("The bridge will reopen next week, the transport ministry said.")
    (q,) = ann.quotes
    assert words(ann, q) == ("the transport ministry", "said", "The bridge will reopen next week")


def test_according_to(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("The dam was damaged by the storm, according to the regional water authority.")
    (q,) = ann.quotes
    assert words(ann, q) == (
        "the regional water authority",
        "according to",
        "The dam was damaged by the storm",
    )
    assert q.speaker == "the regional water authority"


def test_according_to_vouches_for_its_own_clause_only(run) -> None:  # type: ignore[no-untyped-def]
    ann = run(
        "It is one of 34 large dams in the province built before 1980, according to the national "
        "register, and most have not had a full engineering review since the 1990s."
    )
    assert _cued(ann) == {
        (
            "the national register",
            "according to",
            "It is one of 34 large dams in the province built before 1980",
        )
    }


def test_according_to_with_the_subject_parsed_into_the_source(run) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "the summit's final declaration" on "the Harbor Gazette" as an apposition
    # and leaves "will establish" without a subject: the source still ends at the comma.
    ann = run(
        "Headline\n\nAccording to a draft seen by the Harbor Gazette, the summit's final declaration, "
        "expected to be adopted on Friday, will also establish a relief fund."
    )
    got = {words(ann, q) for q in ann.quotes if q.cue is not None and q.speaker_span is not None}
    assert got == {
        (
            "a draft seen by the Harbor Gazette",
            "According to",
            "the summit's final declaration, expected to be adopted on Friday, will also establish a relief fund",
        )
    }
    # a well-parsed one is unchanged, and a comma inside the source stays in it
    ann = run("Headline\n\nAccording to the mayor, who spoke on Monday, the bridge will reopen in June.")
    assert _cued(ann) == {
        ("the mayor, who spoke on Monday", "According to", "the bridge will reopen in June")
    }


def test_quoted_as_saying_by_agency(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('"We are ready for talks," Ivan Petrov was quoted as saying by the Interfax news agency.')
    (q,) = ann.quotes
    sp, cue, content = words(ann, q)
    assert (sp, cue, content) == ("Ivan Petrov", "was quoted as saying", "We are ready for talks")
    assert len(q.via) == 1 and "Interfax" in q.via[0]


def test_outlet_citing_person(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Governor Alan Brook visited the camp on Tuesday.\n\n"
        "The governor assured that residents would return home soon, local media reported Wednesday, "
        "citing the governor."
    )
    ann = run(text)
    (q,) = ann.quotes
    sp, cue, content = words(ann, q)
    assert (sp, cue) == ("The governor", "assured")
    assert content == "that residents would return home soon"
    assert q.via == ("local media",)
    assert q.speaker == "Alan Brook"


def test_outlet_citing_statement_from_body(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The army decided to close the border crossings, the official news agency reported on Monday, "
        "citing a statement from the Defense Council."
    )
    ann = run(text)
    (q,) = ann.quotes
    sp, _, content = words(ann, q)
    assert sp == "the Defense Council"
    assert content == "The army decided to close the border crossings"
    assert q.via and "news agency" in q.via[0]


def test_told_outlet_is_a_relay(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Lisa Grant told the Baltic Press Agency that the port would stay open.")
    (q,) = ann.quotes
    assert words(ann, q) == ("Mayor Lisa Grant", "told", "that the port would stay open")
    assert q.via == ("Baltic Press Agency",)


def test_told_reporters_is_no_relay(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Lisa Grant told reporters that the port would stay open.")
    (q,) = ann.quotes
    assert q.via == ()


def test_mixed_quote_with_single_marks(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Governor Tom Hale referred to the firefighters as 'heroes.' The fire is out.")
    (q,) = ann.quotes
    assert q.speaker == "Tom Hale"
    assert q.kind in ("mixed", "direct")
    assert "heroes" in words(ann, q)[2]


def test_mixed_quote_in_indirect_speech(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('The ministry announced that the operation "was successfully concluded" on Sunday.')
    (q,) = ann.quotes
    assert q.kind == "mixed"
    assert words(ann, q)[2] == 'that the operation "was successfully concluded" on Sunday'


def test_parenthetical_cue_splits_content(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Critics, Lena Ortiz added, have exaggerated the cost of the harbor plan.")
    contents = [words(ann, q)[2] for q in ann.quotes]
    assert contents == ["Critics", "have exaggerated the cost of the harbor plan"]
    assert {words(ann, q)[:2] for q in ann.quotes} == {("Lena Ortiz", "added")}


def test_offsets_are_global_after_a_header(run) -> None:  # type: ignore[no-untyped-def]
    text = 'Headline line\n\nSome context here.\n\n"Prices will fall," Ana Ruiz said.'
    ann = run(text)
    (q,) = ann.quotes
    assert text[q.content.start : q.content.end] == "Prices will fall"
    assert_offsets(ann)


def test_scanner_pairs_and_apostrophes() -> None:
    text = "It\u2019s the operation\u2019s end, she said of \u2018heroes.\u2019 \u201cDone,\u201d he said."
    pairs, bad = scan_double(text, 0, len(text))
    assert bad == [] and [text[m.inner[0] : m.inner[1]] for m in pairs] == ["Done,"]
    singles = scan_single(text, 0, len(text), pairs)
    assert [text[m.inner[0] : m.inner[1]] for m in singles] == ["heroes."]


def test_scanner_doubled_apostrophes() -> None:
    text = "''It is over,'' he said. They called it the ''Buffett rule.''"
    pairs, bad = scan_double(text, 0, len(text))
    assert bad == []
    assert [text[m.inner[0] : m.inner[1]] for m in pairs] == ["It is over,", "Buffett rule."]


def test_quote_after_sentence_end_is_not_the_verbs(run) -> None:  # type: ignore[no-untyped-def]
    text = 'The mill declared bankruptcy.\n\n"We saw it coming for years," Rosa Lind said.'
    ann = run(text)
    (q,) = ann.quotes
    assert words(ann, q) == ("Rosa Lind", "said", "We saw it coming for years")


def test_colon_then_quote_parsed_into_the_verb(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("In a post on Friday, Omar Reyes said: \u201cDid the council ever read the report?\u201d")
    (q,) = ann.quotes
    assert words(ann, q)[:2] == ("Omar Reyes", "said")
    assert q.kind == "direct"


def test_colon_block_paragraph(run) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor spoke for an hour.\n\nThe mayor added:\n\nThe harbor will be dredged before the spring floods."
    ann = run(text)
    q = next(q for q in ann.quotes if q.cue is not None and words(ann, q)[1] == "added")
    assert words(ann, q)[2] == "The harbor will be dredged before the spring floods"


def test_object_stance_verb(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Senator Ivy Holt praised the new harbor budget on Tuesday.")
    (q,) = ann.quotes
    assert words(ann, q) == ("Senator Ivy Holt", "praised", "the new harbor budget")


def test_preposition_cue(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Lena Ortiz spoke about the flood barriers at length.")
    (q,) = ann.quotes
    assert words(ann, q) == ("Mayor Lena Ortiz", "spoke about", "the flood barriers")


def test_preposition_cue_skips_dates(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Lena Ortiz spoke on Monday.")
    assert ann.quotes == ()


def test_stance_adjective(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Governor Tom Hale was critical of the port authority.")
    (q,) = ann.quotes
    assert words(ann, q) == ("Governor Tom Hale", "was critical of", "the port authority")


def test_wants_to(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Lena Ortiz wants to rebuild the pier by June.")
    (q,) = ann.quotes
    assert words(ann, q)[:2] == ("Mayor Lena Ortiz", "wants")
    assert words(ann, q)[2].startswith("to rebuild the pier")


def test_dash_signed_quotes(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Readers wrote to us.\n\n"
        "\u201cThe new bridge changed my commute completely.\u201d \u2015 Mara Quist\n"
        "\u201cI still take the ferry every single day.\u201d\u2015 Jon Ebbe\n"
    )
    ann = run(text)
    got = {words(ann, q) for q in ann.quotes}
    assert ("Mara Quist", "\u2015", "The new bridge changed my commute completely.") in got
    assert ("Jon Ebbe", "\u2015", "I still take the ferry every single day.") in got


def test_transcript_turns(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A partial transcript follows.\n\n"
        '"HOST: Will the council vote on the plan this week?\n\n'
        '"ORTIZ: We will vote on Thursday, and I expect it to pass."\n'
    )
    ann = run(text)
    got = [words(ann, q) for q in ann.quotes]
    assert got == [
        ("HOST", ":", "Will the council vote on the plan this week?"),
        ("ORTIZ", ":", "We will vote on Thursday, and I expect it to pass"),
    ]


def test_turn_label_ending_in_a_reporting_verb(run) -> None:  # type: ignore[no-untyped-def]
    # "Ortiz continued:" opening a paragraph: the verb is the cue, the name alone the speaker,
    # and the content is the quoted words without their marks.
    text = (
        "The hearing ran late.\n\n"
        "Mayor Ortiz continued: \u201cWe will vote on Thursday, and I expect the levy to pass.\u201d\n\n"
        "Tom Hale told reporters: \u201cIt will not pass.\u201d\n"
    )
    got = {
        (sp, (cue or "").rstrip(":"), body.rstrip("."))
        for ann in [run(text)]
        for sp, cue, body in (words(ann, q) for q in ann.quotes)
    }
    assert got == {
        ("Mayor Ortiz", "continued", "We will vote on Thursday, and I expect the levy to pass"),
        ("Tom Hale", "told reporters", "It will not pass"),
    }


def test_dateline_not_in_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nLISBON -- Mayor Lena Ortiz said the pier would reopen.")
    q = next(q for q in ann.quotes if q.cue is not None)
    assert words(ann, q)[0] == "Mayor Lena Ortiz"


def _cued(ann: AnnotatedArticle) -> set[tuple[str | None, str | None, str]]:
    return {words(ann, q) for q in ann.quotes if q.cue is not None}


def test_noun_cue_with_possessive_holder(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe senator's claim that the budget was balanced drew scorn.")
    assert ("The senator's", "claim", "that the budget was balanced") in _cued(ann)
    ann = run("Headline\n\nThe senator's criticism of the plan was sharp.")
    assert _cued(ann) == {("The senator's", "criticism of", "the plan")}
    (q,) = ann.quotes
    assert q.speaker == "the senator"  # the name without the possessive; the span keeps it
    ann = run("Headline\n\nThe council\u2019s criticism of the plan was sharp.")
    assert [q.speaker for q in ann.quotes] == ["the council"]
    assert_offsets(ann)


def test_noun_cue_without_a_holder_is_sourceless(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe criticism of the plan was sharp.")
    assert _cued(ann) == {(None, "criticism of", "the plan")}


def test_light_verb_cues(run) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Trump took a swipe at Bush over the war.": ("Trump", "took a swipe at", "Bush"),
        "She had harsh words for the governor.": ("She", "had harsh words for", "the governor"),
        "The union came out against the deal.": ("The union", "came out against", "the deal"),
        "He made no mention of the scandal.": ("He", "made no mention of", "the scandal"),
        "Mayor Ortiz made clear that the bridge would reopen.": (
            "Mayor Ortiz",
            "made clear",
            "that the bridge would reopen",
        ),
    }
    for sentence, expected in cases.items():
        ann = run("Headline\n\n" + sentence)
        assert expected in _cued(ann), sentence
        assert_offsets(ann)


def test_light_verb_audience_is_not_content(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe mayor made the case to voters on Tuesday.")
    assert not any(c and c.startswith("made the case") for _, c, _ in _cued(ann))


def test_call_for_with_infinitive_clause(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nClinton is calling for the United States to take a stronger role in the conflict.")
    assert _cued(ann) == {
        ("Clinton", "is calling for", "the United States to take a stronger role in the conflict")
    }


def test_participle_after_quote_does_not_take_the_quote(run) -> None:  # type: ignore[no-untyped-def]
    ann = run(
        "Headline\n\n\u201cThe census will show it,\u201d Ramos said, referring to the growing Hispanic community."
    )
    got = _cued(ann)
    assert ("Ramos", "said", "The census will show it") in got
    assert ("Ramos", "referring to", "the growing Hispanic community") in got


def test_gerund_clause_misparsed_as_xcomp(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nShe said banning it would cost the state thousands of jobs.")
    assert _cued(ann) == {("She", "said", "banning it would cost the state thousands of jobs")}


def test_said_that_with_lost_clause(run) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    text = "He said that the plan was a failure."
    ann = run(text)
    (off, good), *_ = ann.docs
    # A misparse that hangs "failure" on "said" as its object: the clause after "that" is still the content.
    bad = Doc(
        good.vocab,
        words=[t.text for t in good],
        spaces=[bool(t.whitespace_) for t in good],
        heads=[1, 1, 7, 4, 7, 7, 7, 1, 1],
        deps=["nsubj", "ROOT", "mark", "det", "nsubj", "cop", "det", "dobj", "punct"],
        pos=["PRON", "VERB", "SCONJ", "DET", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
        tags=["PRP", "VBD", "IN", "DT", "NN", "VBD", "DT", "NN", "."],
        lemmas=["he", "say", "that", "the", "plan", "be", "a", "failure", "."],
    )
    quotes, _ = newstrace.stages.quotes.extract_quotes(ann.replace(docs=((off, bad),)))
    got = {words(ann, q) for q in quotes}
    assert got == {("He", "said", "that the plan was a failure")}


def test_parenthetical_cue_around_mixed_quote(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe bridge, the mayor said, is \u201csafer than ever\u201d after the repairs.")
    got = [words(ann, q) for q in ann.quotes]
    assert ("the mayor", "said", "The bridge") in got
    assert ("the mayor", "said", "is \u201csafer than ever\u201d after the repairs") in got


def test_quote_on_both_sides_of_cue_is_one_statement(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\n\u201cWe are ready,\u201d Brafman said, \u201cand we will win this case.\u201d")
    got = [words(ann, q) for q in ann.quotes]
    assert got == [("Brafman", "said", "We are ready"), ("Brafman", "said", "and we will win this case.")]
    assert all(q.kind == "direct" for q in ann.quotes)


def test_reported_clause_without_comma_is_not_a_trailing_cue(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nClinton's spokesman said the campaign would respond.")
    assert _cued(ann) == {("Clinton's spokesman", "said", "the campaign would respond")}


def test_audience_and_venue_are_not_content(run) -> None:  # type: ignore[no-untyped-def]
    for sentence in ("Trump spoke to reporters at the airport.", "He spoke at a rally in Ohio."):
        assert _cued(run("Headline\n\n" + sentence)) == set(), sentence


def test_subject_of_controlling_adjective(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nVoters are more likely to say the economy is weak.")
    assert ("Voters", "to say", "the economy is weak") in _cued(ann)
    ann = run("Headline\n\nThe senator was quick to point out that the bill failed.")
    assert ("The senator", "to point out", "that the bill failed") in _cued(ann)


def test_wire_dateline_not_in_speaker(run) -> None:  # type: ignore[no-untyped-def]
    # A wire dateline the article layout did not recognise (not at the top of the body).
    ann = run(
        "Headline\n\nLead paragraph.\n\n"
        "Nov 3 (Reuters) - U.S. Democratic presidential candidate Ann Lee said she would win."
    )
    (q,) = [q for q in ann.quotes if q.cue is not None]
    assert words(ann, q)[0] == "U.S. Democratic presidential candidate Ann Lee"
    # ... nor one the parser made the subject, with the speaker as its apposition
    ann = run(
        "Headline\n\nLead paragraph.\n\n"
        "LISBON -- Mayor Lena Ortiz, opening the pier on Saturday, said it would bring visitors back."
    )
    (q,) = [q for q in ann.quotes if q.cue is not None]
    assert words(ann, q)[:2] == ("Mayor Lena Ortiz", "said")
    # words before a spaced dash are another part of the sentence, not the speaker's name
    ann = run("Headline\n\nThe mayor stayed predictable - Lena Ortiz has vowed to rebuild the pier.")
    assert {words(ann, q)[:2] for q in ann.quotes if q.cue} == {("Lena Ortiz", "has vowed")}
    # a capitalised name before a dash is still the speaker ("Jo Lee -- a teacher -- said")
    ann = run("Headline\n\nLead paragraph.\n\nJo Lee -- a teacher from Ames -- said the school would close.")
    (q,) = [q for q in ann.quotes if q.cue is not None]
    assert words(ann, q)[0].startswith("Jo Lee")


def test_restrictive_participle_stays_in_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nA database tracking such deaths shows that the number rose.")
    assert ("A database tracking such deaths", "shows", "that the number rose") in _cued(ann)
    ann = run("Headline\n\nTrump, appearing after Clinton, said the race was close.")
    assert ("Trump", "said", "the race was close") in _cued(ann)


def test_embedded_cue_is_part_of_the_outer_statement(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe mayor said the residents wanted a new bridge.")
    assert _cued(ann) == {("The mayor", "said", "the residents wanted a new bridge")}
    ann = run("Headline\n\nCritics dismissed the senator's claim that the budget was balanced.")
    assert _cued(ann) == {("Critics", "dismissed", "the senator's claim that the budget was balanced")}
    assert_offsets(ann)


def test_reporting_verb_object_is_content(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe governor proclaimed a new era of thrift.")
    assert _cued(ann) == {("The governor", "proclaimed", "a new era of thrift")}
    ann = run("Headline\n\nThe mill declared bankruptcy on Monday.")
    assert _cued(ann) == set()


def test_seem_is_a_sourceless_hedge(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe harbor plan seems to have stalled over the winter.")
    assert _cued(ann) == {
        (None, "seems", "The harbor plan"),
        (None, "seems", "to have stalled over the winter"),
    }
    ann = run("Headline\n\nThe new ferry appeared on the river at dawn.")
    assert _cued(ann) == set()
    assert_offsets(ann)


def test_passive_expectation_is_a_sourceless_hedge(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe council is expected to approve the budget on Tuesday.")
    assert _cued(ann) == {
        (None, "is expected", "The council"),
        (None, "is expected", "to approve the budget on Tuesday"),
    }


def test_participle_on_a_noun_does_not_make_the_noun_a_speaker(run) -> None:  # type: ignore[no-untyped-def]
    # "a summit expected to be ...": the summit is what is expected, not who expects
    ann = run(
        "Headline\n\nMinisters will gather on Thursday for a summit expected to be dominated by safety."
    )
    assert {words(ann, q)[:2] for q in ann.quotes} == {(None, "expected")}
    # a bare reporting participle may be a misparsed finite verb: "the agency reported" keeps its
    # speaker (test_outlet_citing_statement_from_body)


def test_opening_in_a_poll_is_the_source(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nIn a new county poll, the mayor leads her rival by nine points.")
    assert _cued(ann) == {("a new county poll", "In", "the mayor leads her rival by nine points")}
    assert_offsets(ann)


def test_as_reported_by_an_outlet(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nAs the Valley Courier reported, the county sold the old depot in May.")
    assert _cued(ann) == {("the Valley Courier", "reported", "the county sold the old depot in May")}
    assert_offsets(ann)


def test_parenthetical_needs_the_cue_next_to_its_subject(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('Headline\n\nThe ferry will run again in May, Dana Holt said, adding, "It is overdue."')
    got = _cued(ann)
    assert ("Dana Holt", "said", "The ferry will run again in May") in got
    assert ("Dana Holt", "adding", "It is overdue.") in got or ("Dana Holt", "adding", "It is overdue") in got


def test_mixed_quote_styles_pair() -> None:
    text = 'He said "the dam will hold\u201d and left. \u201cWe are fine," she said.'
    pairs, bad = scan_double(text, 0, len(text))
    assert [text[m.inner[0] : m.inner[1]] for m in pairs] == ["the dam will hold", "We are fine,"]
    assert bad == []


def test_definite_bodies_and_documents_hold_stances(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe resolution condemned the new grain tariffs.")
    assert _cued(ann) == {("The resolution", "condemned", "the new grain tariffs")}
    ann = run("Headline\n\nA storm highlighted the weak levees.")
    assert _cued(ann) == set()


def test_sourceless_passive_stance(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe new toll was criticized as a tax on commuters.")
    assert _cued(ann) == {(None, "was criticized as", "a tax on commuters")}
    ann = run("Headline\n\nThe town has a fund to support local farms.")
    assert _cued(ann) == set()


def test_speaker_keeps_a_quoted_title_and_a_closing_dash(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('Headline\n\nJo Lee, host of the "Morning Talk" show, said the ferry would run.')
    assert ('Jo Lee, host of the "Morning Talk" show', "said", "the ferry would run") in _cued(ann)
    ann = run("Headline\n\nJo Lee -- a teacher from Ames -- said the school would close.")
    assert ("Jo Lee -- a teacher from Ames --", "said", "the school would close") in _cued(ann)
    assert_offsets(ann)


def test_dash_signed_names_with_initials_and_no_break_spaces(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Readers wrote to us.\n\n"
        "\u201cThe harbor smells of diesel every morning.\u201d\u00a0\u2015\u00a0Ida K. Varga.\n"
        "\u201cWe need a second bus line.\u201d \u2015 Tomas R. Peel\u00a0\n"
    )
    ann = run(text)
    got = {words(ann, q) for q in ann.quotes}
    assert ("Ida K. Varga", "\u2015", "The harbor smells of diesel every morning.") in got
    assert ("Tomas R. Peel", "\u2015", "We need a second bus line.") in got
    assert_offsets(ann)


def test_person_citing_is_a_statement_of_its_own(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\n\u201cThe pier will reopen,\u201d she said, citing a new state grant.")
    assert ("she", "citing", "a new state grant") in _cued(ann)
    assert_offsets(ann)


def test_sentence_closing_cue_with_a_misparsed_statement(run) -> None:  # type: ignore[no-untyped-def]
    # The parser takes "failure" as a second subject of "said": the speaker is the nearer one.
    ann = run(
        'Headline\n\nThe failure of the dam signals "the end of the era" for the valley, said Ada Brun.'
    )
    assert _cued(ann) == {
        ("Ada Brun", "said", 'The failure of the dam signals "the end of the era" for the valley')
    }
    ann = run("Headline\n\nSorry, the mayor said.")
    assert _cued(ann) == {("the mayor", "said", "Sorry")}
    # The statement follows the cue after all: no closing cue.
    ann = run("Headline\n\nIn Ames last week, she told a meeting of farmers that the dam would hold.")
    assert all(q[2] != "In Ames last week" for q in _cued(ann))
    assert_offsets(ann)


def test_trailing_cue_with_its_comma_hung_on_the_cue(run) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "said" on "find" as a parataxis with the comma before "she" as its child.
    ann = run("Headline\n\nHe was unable to find a single ally, she said, on condition of anonymity.")
    assert ("she", "said", "He was unable to find a single ally") in _cued(ann)
    assert_offsets(ann)


def test_indirect_question_parsed_as_adverbial_clause(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe council has not said when it would vote on the levy.")
    assert ("The council", "has not said", "when it would vote on the levy") in _cued(ann)
    ann = run("Headline\n\nShe said when asked that the pier would reopen.")
    assert all(not q[2].startswith("when") for q in _cued(ann))
    assert_offsets(ann)


def test_parenthetical_cue_with_a_trailing_adverb(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe answer, the mayor said then, was that the pier had been sold.")
    got = _cued(ann)
    assert ("the mayor", "said", "The answer") in got
    assert ("the mayor", "said", "was that the pier had been sold") in got
    assert_offsets(ann)


def test_issuer_of_a_statement_is_the_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe mayor issued a statement saying the pier would reopen.")
    assert ("The mayor", "saying", "the pier would reopen") in _cued(ann)
    assert_offsets(ann)


def test_speaker_phrase_leaves_out_a_date(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Headline\n\nThe state audit on Wednesday showed that the pier fund was short.")
    assert ("The state audit", "showed", "that the pier fund was short") in _cued(ann)
    ann = run("Headline\n\nA state audit in June found that the pier fund was short.")
    assert ("A state audit", "found", "that the pier fund was short") in _cued(ann)


def test_passive_agent_is_the_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("The harbor plan was praised by the mayor as a bold step.")
    (q,) = [q for q in ann.quotes if q.cue]
    assert words(ann, q) == ("the mayor", "was praised", "a bold step")


def test_participle_after_a_cue_shares_its_subject(run) -> None:  # type: ignore[no-untyped-def]
    ann = run('"The port will reopen," Governor Ana Ruiz said, suggesting a few dates for the ferries.')
    got = {words(ann, q) for q in ann.quotes}
    assert ("Governor Ana Ruiz", "suggesting", "a few dates for the ferries") in got
    assert ("Governor Ana Ruiz", "said", "The port will reopen") in got


def test_stopped_short_of_reaches_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    ann = run(
        "Mayor Tom Hale described the flood as a disaster but stopped short of calling the repairs a failure."
    )
    got = {words(ann, q) for q in ann.quotes}
    assert ("Mayor Tom Hale", "calling", "the repairs a failure") in got


def test_said_in_a_statement_that(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Port director Ana Ruiz said in a statement that the harbor would reopen in May.")
    (q,) = ann.quotes
    assert words(ann, q) == ("Port director Ana Ruiz", "said", "that the harbor would reopen in May")


def test_name_between_quote_and_subjectless_cue(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("“Yes, I support the levy,” Brent Hollis III, founder of the Harbor Trust, tells the Gazette.")
    (q,) = [q for q in ann.quotes if q.cue]
    assert words(ann, q) == (
        "Brent Hollis III, founder of the Harbor Trust",
        "tells",
        "Yes, I support the levy",
    )


def test_trailing_quantifier_is_not_part_of_the_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Lena Ortiz and Tom Hale both said that the talks would fail.")
    (q,) = ann.quotes
    assert words(ann, q)[0] == "Lena Ortiz and Tom Hale"


def test_participle_on_the_object_speaks_for_the_subject(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Mayor Tom Hale spent much of the run-up to the vote portraying the levy as a tax on families.")
    got = {words(ann, q) for q in ann.quotes}
    assert ("Mayor Tom Hale", "portraying", "the levy as a tax on families") in got
    ann = run("The campaign released a video showing the mayor at a rally.")
    assert {words(ann, q)[0] for q in ann.quotes} == {"a video"}


def test_inverted_speaker_parsed_as_the_object(run) -> None:  # type: ignore[no-untyped-def]
    # The parser takes "another Harbor Democrat" for the object of "added"; an addressee
    # ("tells the Gazette") and a date ("said Thursday") never become the speaker.
    text = (
        "The vote was close. “It’s the mayor’s to lose at this point,” added another Harbor Democrat. "
        "“We will see,” a second one said."
    )
    ann = run(text)
    got = {words(ann, q)[:2] for q in ann.quotes if q.cue}
    assert ("another Harbor Democrat", "added") in got
    ann = run("“The levy will pass,” Mayor Tom Hale said Thursday morning.")
    assert {words(ann, q)[0] for q in ann.quotes} == {"Mayor Tom Hale"}


def test_subject_hung_on_an_interrupting_clause(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Ortiz, meanwhile, who sits on the board, said that fact speaks volumes about the race.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {("Ortiz", "said")}


def test_that_clause_parsed_as_a_relative_clause_on_the_addressee(run) -> None:  # type: ignore[no-untyped-def]
    ann = run(
        "In Lisbon last week, he told a meeting of harbor leaders that few people understood the "
        "stakes of the levy better than residents of the district."
    )
    assert _cued(ann) == {
        (
            "he",
            "told",
            "that few people understood the stakes of the levy better than residents of the district",
        )
    }
    # a true relative clause on the object is no content ("that" is its object)
    ann = run("He told reporters a story that he had heard in Ohio.")
    assert _cued(ann) == set()


def test_told_someone_to_do_something(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Last month, the agency warned county officials to boost their flood defenses.")
    assert _cued(ann) == {("the agency", "warned", "to boost their flood defenses")}
    ann = run("The mayor told her aides to delay the vote until spring.")
    assert _cued(ann) == {("The mayor", "told", "to delay the vote until spring")}


def test_complement_misparsed_as_an_adverbial_clause(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("Ortiz said after the hearing she would not accept the council's offer.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {("Ortiz", "said")}
    (q,) = ann.quotes
    assert words(ann, q)[2].endswith("she would not accept the council's offer")
    # a real adverbial clause, with its own marker, is no content
    ann = run("Ortiz said nothing because she would not accept the offer.")
    assert not any(words(ann, q)[2].startswith("because") for q in ann.quotes)


def test_passive_report_with_its_agent_and_no_clause(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("The registration issue was first reported by the Harbor Gazette.")
    assert _cued(ann) == {("the Harbor Gazette", "was first reported", "The registration issue")}


def test_that_clause_misread_after_a_time_phrase(run) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the that-clause on "hours" as a relative clause ("that" as its adverb).
    ann = run("Hale tweeted in the morning hours that Machado was disgusting.")
    assert {words(ann, q) for q in ann.quotes if q.cue} == {
        ("Hale", "tweeted", "that Machado was disgusting")
    }


def test_trailing_participle_is_a_statement_of_its_own(run) -> None:  # type: ignore[no-untyped-def]
    # "adding that B" hangs inside A's clause in the parse; it is the speaker's second statement.
    ann = run("Ortiz said the levy would pass, adding that the council had the votes.")
    assert _cued(ann) == {
        ("Ortiz", "said", "the levy would pass"),
        ("Ortiz", "adding", "that the council had the votes"),
    }
    # a participle that is the verb's whole complement is not cut away from it (this crashed once)
    ann = run(
        "Local media reported, citing a source in the prosecutor's office, that two engineers had been questioned."
    )
    assert {words(ann, q)[:2] for q in ann.quotes if q.cue} == {("Local media", "reported")}
    # a participle that is no reporting verb stays in the statement
    ann = run("Ortiz said the levy would pass, giving the council more money.")
    assert _cued(ann) == {("Ortiz", "said", "the levy would pass, giving the council more money")}


def test_passive_subordinate_clause_does_not_borrow_the_main_subject(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("When the results are revealed as a setback, Ortiz and Hale call them a fluke.")
    got = {words(ann, q)[:2] for q in ann.quotes}
    assert ("Ortiz and Hale", "are revealed as") not in got
    assert ("Ortiz and Hale", "call") in got


def test_reporting_verb_tagged_as_a_noun_keeps_its_subject(run) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "claims" a noun at the root of this sentence, with "Trump" its subject
    ann = run("But Trump claims that he deserves an exception.")
    assert _cued(ann) == {("Trump", "claims", "that he deserves an exception")}


def test_speaker_the_parser_lost_before_a_comma(run) -> None:  # type: ignore[no-untyped-def]
    # The small parser hangs "Lena Ortiz" on "plea" as an apposition and "said" has no subject.
    ann = run("As a part of her plea, Lena Marie Ortiz, 44, said that she had taken the money from the fund.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {("Lena Marie Ortiz", "said")}
    # a clause before the comma is no speaker
    ann = run("The levy passed, Ortiz said.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {("Ortiz", "said")}


def test_sentence_initial_capital_is_not_part_of_a_common_noun_speaker(run) -> None:  # type: ignore[no-untyped-def]
    ann = run(
        "Officials said the bridge would open in June. The mayor said it was safe. Tom Hale said it was late."
    )
    assert [q.speaker for q in ann.quotes] == ["officials", "the mayor", "Tom Hale"]
    # the span still points at the words as written
    t = ann.article.text
    assert t[ann.quotes[0].speaker_span.start : ann.quotes[0].speaker_span.end] == "Officials"  # type: ignore[union-attr]


def test_seemed_to_state_is_the_subjects_statement(run) -> None:  # type: ignore[no-untyped-def]
    ann = run("In the same interview, Ortiz seemed to acknowledge that the levy was unpopular.")
    assert [words(ann, q) for q in ann.quotes] == [
        ("Ortiz", "seemed to acknowledge", "that the levy was unpopular")
    ]
    # a plain hedge stays the writer's, with no source
    ann = run("The levy seemed unpopular with voters in the harbor district.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {(None, "seemed")}


def test_name_and_role_parsed_as_two_subjects_are_one_speaker(run) -> None:  # type: ignore[no-untyped-def]
    # (a sentence the small English model parses with two subjects of "vowed")
    ann = run("Ban Ki-moon, the head of the Harbor Council, vowed not to repeat that mistake.")
    assert {words(ann, q)[:2] for q in ann.quotes} == {
        ("Ban Ki-moon, the head of the Harbor Council", "vowed")
    }
    # two names side by side stay apart: the one nearest the cue speaks
    ann = run("In New Hampshire, Tom Hale said the levy would pass.")
    assert {words(ann, q)[0] for q in ann.quotes} == {"Tom Hale"}
