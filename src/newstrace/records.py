"""The typed records that flow through newstrace.

Every record that points into an article carries ``start``/``end`` character offsets into
``Article.text``: the decoded original file text (for HTML, the extracted text; see readers).
Records are frozen: a stage returns a new :class:`AnnotatedArticle` rather than mutating one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "LAW", "PRODUCT", "MISC"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from its source, before any analysis.

    ``text`` is the full decoded text; ``body_start`` is where the body begins after an optional
    header line (``date YYYY-MM-DD``) so analysis can skip the header while offsets stay global.
    """

    id: str
    path: str
    text: str
    body_start: int = 0
    title: str | None = None
    published: dt.date | None = None
    place: str | None = None
    place_span: Span | None = None
    credit: str | None = None
    credit_span: Span | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # For text extracted from markup (HTML): runs (text_start, file_start, length) aligning
    # ``text`` with the decoded original file. Empty when ``text`` *is* the file text.
    source_map: tuple[tuple[int, int, int], ...] = ()

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span in the original file for ``text[start:end]`` (identity without a source map)."""
        if not self.source_map:
            return start, end
        from newstrace.readers._sourcemap import to_source

        return to_source(self.source_map, start, end)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A surface mention of a named entity."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Entity:
    """Mentions grouped as one entity within a document (``name`` is the fullest form)."""

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression with a TIMEX3-style value.

    ``value`` follows TIMEX3: ``2025-05-20``, ``2025-04``, ``2025``, ``2025-W21``, ``P3D``,
    ``2025-05-20T14:00``, ``PRESENT_REF``; unknown parts are ``X`` (``XXXX-04-26``) and then
    ``anchored`` is false. ``mod`` carries TIMEX3 modifiers (``BEFORE``, ``APPROX``, ``START``...).
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    anchored: bool = True
    mod: str | None = None


QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A reported statement: who (speaker), the reporting cue, what (content), and via whom.

    ``speaker`` is the speaker's name as resolved (the entity's name when ``speaker_entity`` is
    set, else the words of ``speaker_span``, else None). ``via`` lists the outlets or bodies the
    statement was relayed through, nearest first ("TASS", "local media").
    """

    speaker: str | None
    speaker_entity: str | None
    speaker_span: Span | None
    cue: Span | None
    content: Span
    kind: QuoteKind
    via: tuple[str, ...] = ()


ClaimKind = Literal["report", "quote", "opinion", "speculation", "background"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a claim, normalized: "21 people" -> value 21.0, unit "people"."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None = None
    # The lemma of the word the amount belongs to ("fall" in "falling about 150 metres",
    # "population" in "a population of 120,000"): what is measured. None when nothing is above it.
    governor: str | None = None
    # Character span of the named subject of the verb the amount hangs from: whose amount it is
    # ("the Nationals" in "the Nationals offered an eight-year deal"). None when unnamed.
    holder: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """What a claim says, in comparable parts. Entity references are per-article entity ids.

    ``times`` are TIMEX3 values of the time expressions inside the claim; ``places`` entity ids
    of places; ``speaker``/``via`` copy the attribution when the claim is a reported statement;
    ``hedges`` are the words that weaken it ("reportedly", "not independently verified");
    ``negated`` is true when the main predicate is negated.
    """

    actors: tuple[str, ...] = ()
    action: str | None = None
    objects: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    speaker: str | None = None
    via: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    negated: bool = False
    # For each value in ``times``, the lemma of the word it dates ("visit" in "his visit on
    # Tuesday", "say" in "said on Tuesday"): tells an event's date from a report's date.
    time_heads: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposition:
    """One predication inside a claim: who did what (to whom), and the words that say it.

    "Putin met volunteers and held a meeting with Khinshtein" holds two: (Putin, meet,
    volunteers) and (Putin, meeting, Khinshtein). ``start``/``end`` cover the predicate with its
    own arguments, not the other predications of the sentence; ``subject`` is the subject as
    written when the span does not contain it ("Putin" for "held a meeting with Khinshtein");
    ``action`` is the lemma that carries the meaning (the noun after a light verb: "made a
    visit" -> "visit"); ``actors`` are entity ids of who acts; ``lemmas`` the content words of
    the predication, subject included, for agreement across outlets.
    """

    start: int
    end: int
    action: str
    subject: str = ""
    actors: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    negated: bool = False
    # Told as still to come ("will host", "is to host", "To Host 86th Oscars"): a plan is not
    # the same fact as the act.
    future: bool = False
    # Its own words with the other predications inside its span left out ("Gerasimov had
    # commended the role of North Korean troops" without "in his report to ... on regaining ...").
    text: str = ""
    # Content words of who acts (the subject's phrase, or a passive verb's agent): the rest of
    # ``lemmas`` is what the proposition says of them ("Chief of the General Staff Gerasimov"
    # shared by two propositions does not make them one fact).
    actor_lemmas: tuple[str, ...] = ()
    # Content words of what the act is done to or with (its object, a passive's subject, an event
    # noun's argument): "commended the role of the troops" and "the troops' involvement was
    # highlighted" agree here; "the liberation was announced" does not.
    theme_lemmas: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy statement: a sentence or one independent clause of it."""

    id: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    frame: Frame = field(default_factory=Frame)
    # Why the kind was chosen (cue words found), for people auditing the label.
    cues: tuple[str, ...] = ()
    # The facts it states, one predication each (a clause of the claim, or all of it).
    props: tuple[Proposition, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article plus the annotations the per-article stages have assigned so far."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = ()
    # Transient spaCy parses as (offset into text, Doc) chunks, for later stages in the same
    # process. Never serialized; dropped before crossing process boundaries.
    docs: tuple[tuple[int, Any], ...] = field(default=(), repr=False, compare=False)

    def replace(self, **changes: Any) -> AnnotatedArticle:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ReadError:
    """A problem reading one input: the batch goes on without it."""

    path: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: [{self.code}] {self.message}"


@dataclass(frozen=True, slots=True)
class StoryMention:
    """A mention within a set of articles: which article, and where in its text."""

    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Merge:
    """Why two per-article entities were judged to be one: ``a`` and ``b`` are
    ``article/entity-id`` references, ``reason`` a sentence a person can check."""

    a: str
    b: str
    reason: str


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """One real-world entity across a set of articles.

    ``members`` are the per-article entities (``article/e3``) merged into it; ``related`` holds
    mentions linked but not identical to it (the demonym "North Korean" for North Korea).
    """

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[StoryMention, ...]
    members: tuple[str, ...]
    merges: tuple[Merge, ...] = ()
    related: tuple[StoryMention, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceLink:
    """Why two articles count as one independent source: ``why`` is ``copy`` (they share most of
    their text), ``outlet`` (one outlet published both) or ``relay`` (``a`` relays a statement
    via ``b``'s outlet); ``detail`` says it in words ("similarity 0.82", "Meridian Wire")."""

    a: str
    b: str
    why: Literal["copy", "outlet", "relay"]
    detail: str


@dataclass(frozen=True, slots=True)
class CopyLink:
    """Two articles that share most of their text (syndicated wire copy, a light rewrite).

    ``original`` is the earlier-published one when the dates tell, else None. ``similarity`` is
    the Jaccard similarity of their word 5-gram sets.
    """

    a: str
    b: str
    similarity: float
    original: str | None = None


Verdict = Literal["corroborated", "single_source", "conflict", "update", "opinion"]
ConflictType = Literal["date", "number", "place", "actor", "attribution", "negation", "update"]


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim in an article: ``article`` id and ``claim`` id (``c3``)."""

    article: str
    claim: str


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One side of a conflict: where it is said, as written, and its normalized value."""

    article: str
    start: int
    end: int
    text: str
    value: str
    # Which side of the conflict the value is on (0: the first value's, 1: the second's) when a
    # conflict lists each side's other sources too; None in a plain pair (first 0, second 1).
    side: int | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two sources that disagree on one fact (``update``: a later report gives a later figure of
    a count that moves, such as a rising toll). ``confidence`` in [0, 1] says how sure the rule
    is that both sides speak of the same fact of the same event; reports show conflicts at or
    above ``compare.min_confidence`` unless asked for all."""

    type: ConflictType
    values: tuple[ConflictValue, ...]
    explanation: str
    severity: Literal["low", "medium", "high"] = "medium"
    confidence: float = 1.0

    def side_of(self, k: int) -> int:
        """The side (0 or 1) of the ``k``-th value (``value_side``)."""
        return value_side(self.values[k], k)

    def sides(self) -> tuple[list[ConflictValue], list[ConflictValue]]:
        """The values on each side: the first value's side, then the second's."""
        return value_sides(self.values)


def value_side(v: ConflictValue, k: int) -> int:
    """The side (0 or 1) of a conflict's ``k``-th value: its own ``side`` when given, else by
    position (the first value 0, every other 1)."""
    return v.side if v.side is not None else min(k, 1)


def value_sides(values: Sequence[ConflictValue]) -> tuple[list[ConflictValue], list[ConflictValue]]:
    """A conflict's values by side (``value_side``)."""
    out: tuple[list[ConflictValue], list[ConflictValue]] = ([], [])
    for k, v in enumerate(values):
        out[value_side(v, k)].append(v)
    return out


FactMark = Literal["less_specific", "hedged", "attributed", "background"]


@dataclass(frozen=True, slots=True)
class FactSpan:
    """Where one source states a fact: the clause (or sentence) of claim ``claim`` of
    ``article`` that says it, and how it says it: ``less_specific`` (fewer details than the
    others), ``hedged`` ("reportedly"), ``attributed`` (as someone's statement), ``background``."""

    article: str
    claim: str
    start: int
    end: int
    text: str
    marks: tuple[FactMark, ...] = ()


@dataclass(frozen=True, slots=True)
class Group:
    """Claims from different articles that state the same fact, with the verdict on it.

    A ``corroborated`` group is one fact: ``statement`` says it in words and ``spans`` (one per
    entry of ``claims``, in the same order) give each source's own words for it; ``background``
    when the fact is about an earlier or other event than the story's."""

    id: str
    verdict: Verdict
    claims: tuple[ClaimRef, ...]
    independent_sources: int
    conflicts: tuple[Conflict, ...] = ()
    explanation: str = ""
    severity: Literal["low", "medium", "high"] = "low"
    statement: str = ""
    spans: tuple[FactSpan, ...] = ()
    background: bool = False


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event of the story, with the groups (and so the sources) that date it."""

    value: str
    text: str
    groups: tuple[str, ...]
    articles: tuple[str, ...]


# ---------------------------------------------------------------------------- derived-text audit

AuditLabel = Literal["supported", "partially_supported", "unsupported", "contradicted", "opinion"]
# Ways a derived text can bend what its source says while keeping its words.
DistortionType = Literal[
    "entity_swapped",
    "number_changed",
    "date_changed",
    "negation_flipped",
    "meaning_reversed",
    "roles_swapped",
    "attribution_moved",
    "hedge_dropped",
    "relay_dropped",
]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source passage that backs (or contradicts) a derived sentence: ``source`` is the
    source article's id, offsets into its original text."""

    source: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Distortion:
    """One specific difference between a derived sentence and its evidence, with both sides'
    words: ``derived`` as written in the derived text, ``source`` as written in the source."""

    type: DistortionType
    derived: str
    source: str
    explanation: str


@dataclass(frozen=True, slots=True)
class AuditSentence:
    """One sentence of the derived text and how far its sources carry it.

    ``score`` is the probability-like support in [0, 1] (1 = fully carried); offsets are into
    the derived article's original text.
    """

    start: int
    end: int
    text: str
    label: AuditLabel
    score: float
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    distortions: tuple[Distortion, ...] = ()


@dataclass(frozen=True, slots=True)
class Omission:
    """A report claim of a source that the derived text does not carry, ranked by
    ``importance`` in [0, 1] (lead facts and quotes first)."""

    source: str
    start: int
    end: int
    text: str
    importance: float
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The audit of one derived text against its sources.

    ``consistent`` is false when any sentence is contradicted or unsupported; ``score`` (in
    [0, 1]) ranks derived texts from most to least faithful.
    """

    derived: str
    sources: tuple[str, ...]
    consistent: bool
    score: float
    sentences: tuple[AuditSentence, ...]
    omissions: tuple[Omission, ...] = ()
