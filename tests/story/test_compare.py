"""Cross-source comparison: alignment, conflicts, verdicts, independence, timeline.

Articles are written here; the pipeline runs for real (spaCy, the stages, the bundled sentence
embeddings), so these tests check behaviour end to end on text a reader can verify.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newstrace.api import compare_articles, read_articles
from newstrace.cli import app
from newstrace.render.markdown import compare_markdown
from newstrace.story.compare import StoryReport, claim_index

EXAMPLES = Path(__file__).parent.parent.parent / "examples"

WIRE = """date 2025-06-11 Porto, June 11 (Atlantic Wire) - Mayor Rita Sousa visited the flooded Ribeira district on Tuesday, meeting rescue volunteers and local shopkeepers.

The flood killed 14 people, the regional civil protection agency said. Sousa announced on Tuesday that the city would pay for temporary housing for 300 families.

Sousa also toured the damaged Dom Luis bridge, which engineers said would stay closed for a month.
"""

REWRITE = """On June 11, Mayor Rita Sousa made a visit to Porto's Ribeira district, where she met volunteers helping with the clean-up.

The flood killed 19 people, according to local officials.

The temporary housing plan was announced by deputy mayor Pedro Alves on Tuesday, officials said.

The visit underscored the symbolic importance of the riverside for the city, and critics argue the response came too late.
"""

OTHER = """date 2025-06-11 Porto, June 11 (Douro Daily) - Mayor Rita Sousa spent Tuesday in the flooded Ribeira district, where she spoke with volunteers clearing mud from the streets.

Officials said the death toll stood at 14. Sousa, who is serving her second term, said the city would rebuild the riverside market.
"""


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[StoryReport, Path]:
    d = tmp_path_factory.mktemp("story")
    (d / "wire.txt").write_text(WIRE, encoding="utf-8")
    (d / "rewrite.txt").write_text("date 2025-06-11\n" + REWRITE, encoding="utf-8")
    (d / "other.txt").write_text(OTHER, encoding="utf-8")
    arts, failures = read_articles([d])
    assert failures == 0
    return compare_articles(arts), d


def _groups_with(report: StoryReport, verdict: str, *needles: str):
    idx = claim_index(report)
    out = []
    for g in report.groups:
        if g.verdict != verdict:
            continue
        text = " ".join(idx[r][1].text for r in g.claims)
        if all(n in text for n in needles):
            out.append(g)
    return out


def test_date_conflict_on_the_same_event(story):
    report, _ = story
    found = [c for g in report.groups for c in g.conflicts if c.type == "date"]
    assert found, [g.explanation for g in report.groups if g.verdict == "conflict"]
    values = {v.value for c in found for v in c.values}
    assert {"2025-06-10", "2025-06-11"} <= values
    # Each side points at the words in its article.
    texts = {a.article.id: a.article.text for a in report.articles}
    for c in found:
        for v in c.values:
            assert texts[v.article][v.start : v.end] == v.text


def test_number_conflict(story):
    report, _ = story
    numbers = [c for g in report.groups for c in g.conflicts if c.type == "number"]
    assert numbers
    assert {"14", "19"} <= {v.value for c in numbers for v in c.values}


def test_attribution_conflict(story):
    report, _ = story
    attr = [c for g in report.groups for c in g.conflicts if c.type == "attribution"]
    assert attr
    assert {"Rita Sousa", "Pedro Alves"} == {v.value for v in attr[0].values}


def test_corroborated_single_source_and_opinion(story):
    report, _ = story
    assert _groups_with(report, "corroborated", "volunteers")
    single = _groups_with(report, "single_source", "Dom Luis bridge")
    assert single and single[0].independent_sources == 1
    opinions = _groups_with(report, "opinion", "critics argue")
    assert opinions


def test_rising_toll_across_days_is_an_update(tmp_path):
    later = OTHER.replace("2025-06-11", "2025-06-13").replace("June 11", "June 13").replace("at 14", "at 17")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "later.txt").write_text(later, encoding="utf-8")
    arts, _ = read_articles([tmp_path])
    report = compare_articles(arts)
    assert not [c for g in report.groups for c in g.conflicts if c.type == "number"]


def test_no_conflict_between_consistent_reports(story):
    report, _ = story
    for g in report.groups:
        for c in g.conflicts:
            vals = {v.value for v in c.values}
            # Wire and Douro Daily agree on the toll (14) and on the day (Tuesday = June 10).
            assert vals != {"14"} and vals != {"2025-06-10"}


def test_timeline_is_ordered(story):
    report, _ = story
    values = [t.value for t in report.timeline]
    assert values == sorted(values)
    assert any(v.startswith("2025-06-1") for v in values)


def test_near_copies_are_one_source(tmp_path):
    copy = WIRE.replace("(Atlantic Wire)", "(Harbour Post)").replace("local shopkeepers", "shop owners")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(copy, encoding="utf-8")
    arts, _ = read_articles([tmp_path])
    report = compare_articles(arts)
    assert len(report.lineage) == 1
    assert len(set(report.source_of.values())) == 1
    assert not [g for g in report.groups if g.verdict == "corroborated"]
    assert any(
        "share most of their text" in g.explanation for g in report.groups if g.verdict == "single_source"
    )


def test_compare_command_json_and_markdown(story, tmp_path):
    _, d = story
    md = tmp_path / "report.md"
    res = CliRunner().invoke(app, ["compare", str(d), "--json", "--markdown", str(md), "-q"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    schema = json.loads(
        resources.files("newstrace").joinpath("schema/compare.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(doc, schema)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for c in doc["claims"]:
        assert texts[c["article"]][c["start"] : c["end"]] == c["text"]
    verdicts = [g["verdict"] for g in doc["groups"]]
    assert verdicts == sorted(verdicts, key=["conflict", "single_source", "corroborated", "opinion"].index)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# newstrace story report") and "## Conflicts" in text
    res = CliRunner().invoke(app, ["compare", str(d)])
    assert res.exit_code == 0
    assert "CONFLICT" in res.stdout and "TIMELINE" in res.stdout


def test_example_corpus_conflict_precision():
    """Planted conflicts in the example corpus; a false conflict is worse than a missed one."""
    gold = json.loads((EXAMPLES / "gold" / "expected.json").read_text(encoding="utf-8"))
    arts, _ = read_articles([EXAMPLES / "corpus"])
    report = compare_articles(arts)
    files = {}
    for a in arts:
        name = Path(a.path).name
        files[a.id] = f"{name}#{a.id}" if name.endswith(".jsonl") else name
    planted = []
    for c in gold["conflicts"]:
        planted.append(
            (c["type"], files_key(c["a"]["file"]), c["a"]["text"], files_key(c["b"]["file"]), c["b"]["text"])
        )
    texts = {a.id: a.text for a in arts}
    found = [(g, c) for g in report.groups for c in g.conflicts if c.type != "update"]
    correct = 0
    recalled: set[int] = set()
    for _, c in found:
        # The pair the rules found; the values after it are each side's other sources.
        sides = {(files[v.article], v.start) for v in c.values[:2]}
        hit = False
        for k, (typ, fa, ta, fb, tb) in enumerate(planted):
            if typ != c.type:
                continue
            spans = set()
            for f, t in ((fa, ta), (fb, tb)):
                aid = next(k for k, v in files.items() if v == f)
                at = texts[aid].find(t)
                spans.add((f, aid, at, at + len(t)))
            if all(any(f == fs and s0 <= st < e0 + 40 for fs, _, s0, e0 in spans) for f, st in sides):
                hit = True
                recalled.add(k)
        correct += hit
    assert found, "the planted conflicts should produce at least one finding"
    precision = correct / len(found)
    assert precision >= 0.9, [c.explanation for _, c in found]
    # Recall, pinned at the measured 3 of 4: the toll (17 / 21), the member states (nine / eleven)
    # and the rescue centre's announcer are found; the burst "late on Sunday" against "in the early
    # hours of March 10" is not (two claims worded apart, and one night named from either side of
    # midnight is only doubted, at 0.4: see BENCHMARKS.md).
    assert len(recalled) >= 3, sorted(planted[k][0] for k in recalled)


def files_key(name: str) -> str:
    return name


def test_demo_runs_compare_on_the_example_corpus():
    res = CliRunner().invoke(app, ["demo", str(EXAMPLES / "corpus")])
    assert res.exit_code == 0, res.output
    assert "12 articles" in res.stdout and "CONFLICT" in res.stdout
    # A saved demo keeps its two reports apart: the audit's heading is on stdout, between them.
    head = res.stdout.index("== newstrace audit --source")
    assert res.stdout.index("CONFLICT") < head < res.stdout.index("NOT CONSISTENT", head)
    # Which articles count as one source, and why, said plainly (issue 24).
    sources = res.stdout[res.stdout.index("SOURCES") : res.stdout.index("== newstrace audit")]
    assert "meridian_dam_20250310 and meridian_dam_20250312 are both Meridian Wire" in sources
    assert "vt-20250310-dam and meridian_dam_20250310 share most of their text" in sources
    assert "nl-20250314-rescue-centre relays Baltic Press Agency" in sources


def test_markdown_names_sources_neutrally_with_the_reason():
    arts, _ = read_articles([EXAMPLES / "corpus"])
    md = compare_markdown(compare_articles(arts))
    rows = [line.split("|") for line in md.splitlines() if line.startswith("| meridian_")]
    assert len(rows) == 3 and len({r[4].strip() for r in rows}) == 1  # one outlet, one source
    assert all(r[4].strip().startswith("S") for r in rows)  # a label, not one article's id
    assert "Articles counted as one independent source:" in md and "are both Meridian Wire" in md
    res = CliRunner().invoke(app, ["demo", str(EXAMPLES / "missing")])
    assert res.exit_code == 2


def test_actor_and_place_conflicts(tmp_path):
    (tmp_path / "a.txt").write_text(
        "date 2025-04-03 Tarnov, April 3 (North Wire) - Governor Marta Kowal opened the new Lesna bridge "
        "on Wednesday, officials said.\n\nThe ceremony took place in Tarnov on Wednesday.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "date 2025-04-03 Kostrivka, April 3 (River Post) - Mayor Jan Novak opened the new Lesna bridge "
        "on Wednesday, city hall said.\n\nThe ceremony took place in Kostrivka on Wednesday.\n",
        encoding="utf-8",
    )
    arts, _ = read_articles([tmp_path])
    report = compare_articles(arts)
    types = {c.type: c for g in report.groups for c in g.conflicts}
    assert "actor" in types, [g.explanation for g in report.groups]
    assert {v.value for v in types["actor"].values} == {"Marta Kowal", "Jan Novak"}
    assert "place" in types
    assert {v.value for v in types["place"].values} == {"Tarnov", "Kostrivka"}


def test_same_date_across_precisions():
    from newstrace.story.scope import same_date as _same_date

    assert _same_date("2025-04", "2025-04-26")
    assert _same_date("XXXX-05-21", "2025-05-21")
    assert not _same_date("2025-05-20", "2025-05-21")
    assert not _same_date("2024", "2025-01-02")
    # An unanchored weekday is the same day as a full date on that weekday, and says nothing
    # against a coarser one.
    assert _same_date("XXXX-WXX-3", "2025-05-21")  # a Wednesday
    assert not _same_date("XXXX-WXX-2", "2025-05-21")
    assert _same_date("XXXX-WXX-2", "2025-05")
    assert _same_date("XXXX-WXX-2", "XXXX-05-21")  # no year: no weekday to compare
    assert not _same_date("XXXX-WXX-2", "XXXX-WXX-4")


def test_undated_weekday_and_dated_day_place_the_same_event(tmp_path):
    # The undated article's "Monday" and the dated one's "June 9" (a Monday) are the same day,
    # so the two towns conflict; before, a weekday only ever matched another weekday.
    from newstrace import article_from_text

    a = article_from_text("The ceremony for the Lesna bridge took place in Tarnov on Monday.", id="a")
    b = article_from_text(
        "date 2025-06-11\nThe ceremony for the Lesna bridge took place in Kostrivka on June 9.", id="b"
    )
    report = compare_articles([a, b])
    places = [c for g in report.groups for c in g.conflicts if c.type == "place"]
    assert places, [g.explanation for g in report.groups]
    assert {v.value for v in places[0].values} == {"Tarnov", "Kostrivka"}
    assert not [c for g in report.groups for c in g.conflicts if c.type == "date"]


def test_duplicate_ids_are_refused_before_any_work() -> None:
    from newstrace import article_from_text
    from newstrace.errors import InputError

    a = article_from_text("The bridge opened on Monday, officials said.", id="same", path="a.txt")
    b = article_from_text("The bridge opened on Tuesday, officials said.", id="same", path="b.txt")
    with pytest.raises(InputError) as err:
        compare_articles([a, b])
    assert err.value.code == "E111"
    assert err.value.path == "b.txt" and "a.txt" in err.value.message


def test_unanchored_weekdays_conflict(tmp_path):
    # Neither article is dated, so "Monday" and "Tuesday" cannot become dates; they still cannot
    # both be the day the bridge opened. A third, dated article whose date falls on a Monday
    # agrees with the first and disagrees with the second.
    from newstrace import article_from_text

    a = article_from_text("The new bridge over the Douro opened on Monday, officials said.", id="a")
    b = article_from_text("The new bridge over the Douro opened on Tuesday, the mayor said.", id="b")
    c = article_from_text("date 2025-06-11\nThe new bridge over the Douro opened on June 9.", id="c")
    report = compare_articles([a, b, c])
    found = {
        frozenset((v.article, v.text) for v in x.values)
        for g in report.groups
        for x in g.conflicts
        if x.type == "date"
    }
    assert frozenset({("a", "Monday"), ("b", "Tuesday")}) in found
    assert frozenset({("b", "Tuesday"), ("c", "June 9")}) in found
    assert not any(("a", "Monday") in f and ("c", "June 9") in f for f in found)


def test_a_bound_admits_an_exact_number_but_two_tolls_conflict():
    from newstrace import article_from_text

    def numbers(x: str, y: str) -> list[set[str]]:
        a = article_from_text(x, id="a")
        b = article_from_text(y, id="b")
        report = compare_articles([a, b])
        return [{v.text for v in c.values} for g in report.groups for c in g.conflicts if c.type == "number"]

    base = "Prosecutors in Morelos have begun exhuming {} from a mass grave near the town of Jojutla."
    assert numbers(base.format("more than 100 bodies"), base.format("116 bodies")) == []
    assert numbers(base.format("about 120 bodies"), base.format("116 bodies")) == []
    assert numbers(base.format("more than 100 bodies"), base.format("90 bodies")) == [
        {"100 bodies", "90 bodies"}
    ]
    assert numbers(base.format("at least 100 bodies"), base.format("at least 116 bodies")) == [
        {"100 bodies", "116 bodies"}
    ]


def test_first_name_alone_is_no_different_person():
    # The rewrite names only "Aidy" (lower-cased text the tagger half reads); the source has
    # "Aidy Boothroyd". Too little to merge them, but no "different people" conflict either.
    from newstrace import article_from_text
    from newstrace.records import StoryEntity
    from newstrace.story.conflicts import may_be_one_person as _may_be_one_person

    def ent(name: str, *aliases: str) -> StoryEntity:
        return StoryEntity("E1", name, "PERSON", aliases, (), ())

    assert _may_be_one_person(ent("Aidy"), ent("Aidy Boothroyd"))
    assert _may_be_one_person(ent("Xiao-ping Zhai"), ent("Dr Zhai"))
    assert not _may_be_one_person(ent("Anna Kowal"), ent("Piotr Kowal"))
    a = article_from_text(
        "Aidy Boothroyd will lead the England under-20 team at the Toulon tournament.", id="a"
    )
    b = article_from_text("Aidy will lead the England under-20 team at the Toulon tournament.", id="b")
    c = article_from_text(
        "Gareth Southgate will lead the England under-20 team at the Toulon tournament.", id="c"
    )
    actors = [c.type for g in compare_articles([a, b]).groups for c in g.conflicts]
    assert "actor" not in actors
    actors = [c.type for g in compare_articles([a, c]).groups for c in g.conflicts]
    assert "actor" in actors


def test_json_says_why_articles_count_as_one_source():
    from newstrace.render.json import compare_json

    arts, _ = read_articles([EXAMPLES / "corpus"])
    doc = compare_json(compare_articles(arts))
    schema = json.loads(resources.files("newstrace").joinpath("schema/compare.schema.json").read_text())
    jsonschema.validate(doc, schema)
    why = {(x["why"], x["a"], x["b"]) for x in doc["source_links"]}
    assert ("copy", "vt-20250310-dam", "meridian_dam_20250310") in why or (
        "copy", "meridian_dam_20250310", "vt-20250310-dam") in why  # fmt: skip
    assert any(w == "relay" and a == "nl-20250314-rescue-centre" for w, a, _ in why)
    assert any(w == "outlet" for w, _, _ in why)
    # every article two links join shares one independent source
    source = {a["id"]: a["independent_source"] for a in doc["articles"]}
    assert all(source[a] == source[b] for _, a, b in why)
