from __future__ import annotations

from pathlib import Path

from newstrace.bench.brat import parse_ann, read_brat_dir

FIX = Path(__file__).parent / "fixtures" / "polnear_mini"


def test_parse_discontinuous_span_and_events() -> None:
    ann = (
        "T1\tSource 0 5\tMarta\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 12 20;30 41\tfirst bit second bit\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tCue 50 62\taccording to\n"
        "T6\tContent 70 80\tsomething\n"
        "T7\tContent 90 95\tmore\n"
        "T8\tAttribution-no-source 50 62\taccording to\n"
        "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7\n"
    )
    bounds, attrs = parse_ann(ann)
    assert bounds["T3"].fragments == ((12, 20), (30, 41))
    assert bounds["T3"].label == "Content"
    first, second = attrs
    assert (first.trigger, first.source, first.cue, first.content) == (
        "Attribution",
        ((0, 5),),
        ((6, 10),),
        ((12, 20), (30, 41)),
    )
    assert second.trigger == "Attribution-no-source"
    assert second.source == ()
    assert second.content == ((70, 80), (90, 95))  # Content2 is content too


def test_read_polnear_layout_keeps_first_annotator() -> None:
    (doc,) = read_brat_dir(FIX)
    assert doc.name == "harbor_plan"
    assert doc.annotation == "harbor_plan_ab12.ann"
    assert len(doc.attributions) == 3
    a = doc.attributions[0]
    assert [doc.text[s:e] for s, e in a.source] == ["Mayor Lena Ortiz"]
    assert [doc.text[s:e] for s, e in a.content] == [
        '"The harbor will be dredged by spring,"',
        '"Then the ferries come back."',
    ]
    third = doc.attributions[2]
    assert [doc.text[s:e] for s, e in third.content] == ["Critics", "have exaggerated the cost"]


def test_read_plain_brat_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bo said hi.", encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tSource 0 2\tBo\nT2\tCue 3 7\tsaid\nT3\tContent 8 10\thi\n"
        "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n",
        encoding="utf-8",
    )
    (doc,) = read_brat_dir(tmp_path)
    assert doc.attributions[0].content == ((8, 10),)
