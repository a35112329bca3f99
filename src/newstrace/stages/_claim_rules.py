"""Word lists and small parsers behind the ``claims`` stage.

Kept apart from the stage so the lexicons can be read (and argued about) in one place. Lemma sets
are matched against spaCy lemmas, phrase patterns against the claim text (case-insensitive).
"""

from __future__ import annotations

import re

# Verbs that report speech or a stated position; their clausal complement is someone else's
# statement, so modal or evaluative words inside it belong to the speaker, not to the writer.
REPORT_LEMMAS = frozenset(
    """
    say tell state announce report add claim assure insist warn argue deny confirm note stress explain
    acknowledge suggest write reiterate declare assert maintain contend allege admit concede predict
    promise pledge vow urge ask reply respond recall remark comment observe emphasize emphasise
    indicate believe think expect estimate conclude testify quote cite inform proclaim affirm repeat
    decline refuse agree answer
    """.split()
)

# The narrower set that makes a claim a quote even when no Quote record covers it: verbs of
# saying with a subject and a clausal complement ("X said Y", "Y, X told reporters").
SAY_LEMMAS = frozenset(
    """
    say tell state announce report add claim assure insist warn deny confirm reiterate declare assert
    maintain allege admit concede predict promise pledge vow recall remark write testify
    """.split()
)

# Passive verbs of plan or forecast whose infinitive carries the claim ("is expected to ask").
SCHEDULE_LEMMAS = frozenset("expect schedule set due plan slate".split())

# Generic evaluators: "critics argue", "analysts say" frame what follows as opinion even though
# it is attributed.
EVALUATOR_NOUNS = frozenset(
    "critic critics analyst analysts observer observers expert experts commentator commentators "
    "skeptic skeptics sceptic sceptics pundit pundits".split()
)
EVALUATOR_VERBS = frozenset("argue say believe contend suggest note warn think maintain".split())

# Verbs of interpretation: a writer's claim that something *means* something. When a person or
# body is the subject ("Putin highlighted the need") they report speech instead.
INTERPRET_LEMMAS = frozenset(
    "underscore underline highlight illustrate reflect exemplify epitomize symbolize signal "
    "demonstrate showcase bolster".split()
)

# Nouns for people and bodies who speak: "the minister highlighted ..." reports what was said.
PERSON_NOUNS = frozenset(
    """
    minister president governor mayor official spokesman spokeswoman spokesperson leader chancellor
    premier secretary ambassador envoy commander general director chief head chairman chairwoman
    prosecutor police government ministry agency authority council administration company
    """.split()
)

# Phrases that mark analysis outright, matched on the claim text outside reported speech.
OPINION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cue, re.compile(rx, re.IGNORECASE))
    for cue, rx in (
        (
            "seen as",
            r"\b(?:is|are|was|were|be|been|being)\s+(?:widely\s+|largely\s+)?(?:seen|viewed|regarded|"
            r"perceived|interpreted|read)\s+as\b",
        ),
        (
            "served as a reminder",
            r"\bserv(?:e|es|ed|ing)\s+as\s+an?\s+(?:\w+\s+)?(?:reminder|testament|"
            r"illustration|symbol|example|warning)\b",
        ),
        ("aligns with", r"\balign(?:s|ed)?\s+with\b"),
        ("fits a pattern", r"\bfits?\s+(?:a|the)\s+(?:\w+\s+)?pattern\b"),
        ("raised questions", r"\b(?:rais|pos)(?:e|es|ed|ing)\s+(?:\w+\s+)?questions\b"),
        ("the reality on the ground", r"\bthe\s+reality\s+on\s+the\s+ground\b"),
        ("remains to be seen", r"\bremains\s+to\s+be\s+seen\b"),
        ("adds a layer of", r"\badds?\s+a\s+(?:\w+\s+)?layer\s+of\b"),
        ("in the narrowest sense", r"\bin\s+the\s+(?:narrowest|broadest|broader|wider)\s+sense\b"),
        ("the harder question", r"\bthe\s+(?:harder|bigger|real|larger)\s+question\b"),
        ("by contrast", r"\bby\s+contrast\b"),
    )
)

# Evaluative words that, two or more together, make a sentence analysis rather than report:
# one alone ("a rare visit") is common in plain reporting.
EVALUATIVE_WORDS = frozenset(
    """
    rare significant significance symbolic multifaceted complex complexity broader existential
    notable notably remarkable crucial unprecedented dramatic striking ironic controversial interplay
    narrative narratives implications dynamics trajectory evolving delicate geopolitical strategic
    precarious fragile landmark historic pivotal profound telling swift predictable neglected
    """.split()
)

# Modal auxiliaries that make a statement conditional or predictive.
SPEC_MODALS = frozenset({"would", "could", "may", "might"})
# Adverbs and adjectives of likelihood.
SPEC_WORDS = frozenset("likely unlikely possibly perhaps probably potentially conceivably".split())
SPEC_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cue, re.compile(rx, re.IGNORECASE))
    for cue, rx in (
        (
            "remains uncertain",
            r"\b(?:remains?|remained|is|are)\s+(?:\w+\s+)?(?:uncertain|unclear|an open question)\b",
        ),
        ("if implemented", r"\bif\s+(?:implemented|adopted|approved|enacted|realized|realised)\b"),
        ("it is expected that", r"\bit\s+is\s+expected\s+that\b"),
        # Forecasts of a trend rather than a scheduled event ("will remain", "will shape").
        (
            "will remain",
            r"\bwill\s+(?:likely\s+|probably\s+)?(?:remain|continue\s+to|depend|determine|shape|"
            r"define|hinge)\b",
        ),
    )
)

# Background: phrases that describe a standing situation or earlier history.
BACKGROUND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cue, re.compile(rx, re.IGNORECASE))
    for cue, rx in (
        (
            "recurring theme",
            r"\b(?:has|have|had)\s+been\s+a\s+(?:\w+\s+)?(?:recurring|long-standing|longstanding|"
            r"familiar|persistent)\b",
        ),
        ("has long", r"\b(?:has|have|had)\s+long\b"),
        ("for years", r"\bfor\s+(?:many\s+)?(?:years|decades|a\s+generation)\b"),
        ("historically", r"\bhistorically\b"),
        ("previously", r"\bpreviously\b"),
    )
)

# Hedges: (canonical form, pattern). The canonical form goes into Frame.hedges.
HEDGE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cue, re.compile(rx, re.IGNORECASE))
    for cue, rx in (
        ("reportedly", r"\breportedly\b"),
        ("allegedly", r"\ballegedly\b"),
        ("alleged", r"\balleged\b"),
        ("purportedly", r"\bpurportedly\b"),
        ("apparently", r"\bapparently\b"),
        ("according to", r"\baccording\s+to\b"),
        ("not independently verified", r"\bnot\s+(?:been\s+|be\s+)?independently\s+(?:verified|confirmed)\b"),
        ("not independently verified", r"\bnot\s+independently\s+(?:verify|confirm)\b"),
        ("unconfirmed", r"\bunconfirmed\b"),
        ("unverified", r"\bunverified\b"),
        ("appears to", r"\bappear(?:s|ed)?\s+to\b"),
        ("is believed to", r"\b(?:is|are|was|were)\s+(?:widely\s+)?believed\s+to\b"),
        ("sources say", r"\bsources?\s+(?:say|said|says|told|familiar)\b"),
        ("citing a source", r"\bciting\s+(?:an?\s+|unnamed\s+|anonymous\s+)*sources?\b"),
        ("on condition of anonymity", r"\bon\s+condition\s+of\s+anonymity\b"),
    )
)

# Quantities -----------------------------------------------------------------------------------

SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
TENS = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
NUMBER_WORDS = frozenset(SMALL_NUMBERS) | frozenset(TENS) | frozenset(SCALES)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Units of measure and currencies: named as the unit even when a noun follows ("euro fund").
MEASURE_UNITS = frozenset(
    """
    euro dollar pound rouble ruble yen yuan franc krona krone hryvnia percent % metre meter kilometre
    kilometer km mile foot feet inch centimetre centimeter millimetre millimeter tonne ton kilogram
    kg gram litre liter gallon hectare acre barrel watt megawatt gigawatt volt degree
    """.split()
)
VAGUE_COUNTS = frozenset({"several", "few", "many", "some", "hundreds", "thousands", "tens"})
CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc"})


def is_number_word(word: str) -> bool:
    w = word.lower()
    return bool(_DIGITS.match(w)) or w in NUMBER_WORDS


def parse_number(words: list[str]) -> float | None:
    """Value of a number written in digits and/or words: "12 million" -> 12e6, "twenty-one" -> 21.

    ``words`` are the number's tokens without hyphens. Returns None when they do not form a number.
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if _DIGITS.match(w):
            current += float(w.replace(",", ""))
        elif w in SMALL_NUMBERS:
            current += SMALL_NUMBERS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None
