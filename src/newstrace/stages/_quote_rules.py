"""Lexicons and the quote-mark scanner behind the ``quotes`` stage.

The scanner works on raw characters, not tokens: the tokenizer splits curly marks and
apostrophes inconsistently, and quote pairing is a property of the text, not of the parse.
"""

from __future__ import annotations

from dataclasses import dataclass

# Verbs whose clausal complement is a reported statement or a stated position (lemmas).
CUE_VERBS = frozenset(
    """
    say tell state announce note add claim assure insist warn argue deny confirm report accuse
    stress explain acknowledge suggest write reiterate declare assert maintain contend allege admit
    concede predict promise pledge vow threaten urge ask reply respond answer recall remark comment
    observe emphasize emphasise underline underscore mention reveal disclose indicate believe think
    expect hope fear worry know agree estimate tweet post complain joke boast conclude
    describe criticize criticise blame quote cite testify tout signal show find propose demand
    recommend inform notify caution proclaim affirm reckon repeat confess counter retort
    lament muse shout exclaim learn predict speculate doubt question charge protest suspect
    contend assume guarantee swear concur decry dismiss allege remind imply hint question
    brag posit complain bemoan wonder forecast interject rule yell point reaffirm dispute rebut
    contradict convince envision
    """.split()
)

# Complement-taking cues that also report through an infinitive ("vowed to fight").
XCOMP_CUES = frozenset(
    """
    promise pledge vow threaten urge ask refuse plan call expect want seek hope encourage decline
    intend aim agree offer demand vote seem appear refuse order press
    """.split()
)

# Infinitive cues that count on their own, not only as a reporting verb's complement ("wants to").
XCOMP_ENTRY = frozenset(
    "want plan refuse decline intend seek encourage demand urge vow promise pledge".split()
)

# Verbs whose direct object (or "for"/"of"/"about" object) states a position ("criticized the
# plan", "called for a recount", "accused her of lying"). They need a subject to count.
OBJECT_CUES = frozenset(
    """
    support discuss mention criticize criticise announce back offer call show endorse praise
    denounce defend prefer attack note list express challenge applaud echo dismiss tweet
    claim tout disavow promote question oppose mock brand ridicule blast cite reveal report repeat
    predict highlight reject condemn slam welcome deny confirm acknowledge propose recommend demand
    accuse describe decry lambaste hail blame promise pledge unveil rebuke fault urge dub name
    congratulate thank compare warn ask seek favor favour champion pitch outline detail recount
    release issue share voice publish order credit portray invoke deem liken assail label
    articulate deride characterize characterise reference advocate chant refer rail lash
    want recognize appreciate target prefer challenge applaud mock share identify question favor
    """.split()
) - frozenset("release issue pledge seek tweet".split())

# Reporting verbs whose direct object is what was said ("said little", "proclaimed a goal",
# "did not suggest retaliation"); other reporting verbs' objects are addressees or facts learned.
REPORT_OBJECT_VERBS = frozenset(
    """
    say post recall reiterate explain stress emphasize emphasise underscore underline signal
    proclaim suggest pledge protest lament bemoan decry affirm reaffirm charge rebut predict
    forecast expect fear indicate
    """.split()
)

# Verbs that state a position through a preposition ("spoke about X", "railed against Y"); the
# preposition's object is the content.
PREP_VERBS = frozenset(
    """
    talk speak comment focus write tweet complain boast brag worry joke rail campaign argue
    testify weigh reflect care apologize apologise advocate lobby push refer point respond
    react cheer vouch agree disagree side insist harp dwell elaborate muse opine lash hit fire
    crack rant riff touch warn caution remark
    """.split()
)
PREPS = frozenset("about of on for against to with over at".split())

# Verb + preposition pairs whose object is an audience, a venue or a request, not a position
# ("spoke to reporters", "spoke at a rally", "wrote to the committee", "asked for time").
NON_CONTENT_PREPS = frozenset(
    tuple(p.split("+"))
    for p in """
    speak+to speak+at speak+on speak+with talk+to talk+with talk+at write+to write+at write+about
    write+for write+on ask+for
    """.split()
)

# Nouns naming a statement (not a stance: "his views on", "her position on" are mostly background);
# with a holder ("Trump's claim", "the criticism by X") and a
# complement ("that ...", "of/about/on/for/against ...") they are a cue of their own.
CUE_NOUNS = frozenset(
    """
    claim statement comment remark criticism critique warning argument assertion allegation
    accusation suggestion call demand insistence announcement admission denial threat pledge vow
    complaint plea assurance contention endorsement acknowledgment acknowledgement confirmation
    reminder condemnation denunciation rebuke declaration assessment request appeal objection
    """.split()
)
NOUN_PREPS = frozenset("of about on for against over".split())

# Light verbs that state a position with a noun object ("took a swipe at", "raised questions about",
# "made no mention of", "had harsh words for") or an adjective ("made clear that").
LIGHT_VERBS = frozenset("make take raise have level pose draw come".split())
LIGHT_NOUNS = frozenset(
    """
    swipe shot aim jab dig question doubt concern mention word case exception criticism objection
    charge accusation point argument stand issue
    """.split()
)
LIGHT_ADJS = frozenset("clear plain known obvious".split())

# Predicate adjectives stating a stance ("is critical of", "was upbeat about").
STANCE_ADJ = frozenset(
    """
    critical supportive skeptical sceptical optimistic pessimistic upbeat bullish bearish confident
    concerned worried appreciative proud wary silent vocal outspoken adamant dismissive enthusiastic
    hopeful doubtful certain sure convinced divided opposed angry furious frustrated happy pleased
    disappointed unhappy excited nervous afraid fearful cautious candid coy complimentary harsh
    clear quiet mum firm unequivocal emphatic insistent open tough soft
    """.split()
)

# Nouns heading a phrase that names a news outlet or the press in general.
OUTLET_HEADS = frozenset(
    """
    media agency news newspaper newspapers paper outlet outlets broadcaster television tv radio
    channel daily times post journal gazette herald tribune wire tabloid magazine press website
    reuters tass xinhua interfax ria kcna yonhap afp ap bbc cnn npr bloomberg itar-tass ians
    """.split()
)

# Nouns naming a survey or study: "in a new poll, ..." makes it the source of the clause around it.
SURVEY_HEADS = frozenset("poll polls survey surveys study studies analysis".split())

# Nouns naming a document rather than a speaker: "citing a statement from X" -> X speaks.
DOCUMENT_HEADS = frozenset("statement report reports release communique letter remarks note comments".split())

# Where a statement was made: "said in a statement / an interview / a tweet that ...".
MEDIUM_NOUNS = DOCUMENT_HEADS | frozenset(
    "interview tweet post posting email speech video op-ed column memo filing message conference call".split()
)

# Things that speak for themselves when a participle hangs on them ("an ad saying", "a poll showing").
TEXT_NOUNS = frozenset(
    "ad ads advertisement spot video clip poll survey study report data letter document book banner sign"
    " placard website page site message petition chart graphic analysis commercial".split()
)

# Role nouns that a news text uses anaphorically for a person named just before ("the President").
ROLE_HEADS = frozenset(
    """
    president leader minister premier chancellor king queen governor senator mayor secretary
    chairman chairwoman chair commander general candidate nominee congressman congresswoman
    spokesman spokeswoman spokesperson prince emperor pope ambassador envoy
    """.split()
)

PERSON_PRONOUNS = frozenset({"he", "she"})

_DOUBLE = {'"': "s", "\u201c": "c", "\u201d": "c", "\u201e": "c", "\u00ab": "g", "\u00bb": "g"}
_OPENERS = {'"', "\u201c", "\u201e", "\u00ab"}
_CLOSERS = {'"', "\u201d", "\u00bb"}
_OPEN_CONTEXT = set("([{\u2014\u2013-/:\u2018'") | set(_OPENERS)
_CLOSE_FOLLOW = set(".,;:!?)]}\u2014\u2013-'\u2019") | set(_CLOSERS)


@dataclass(frozen=True, slots=True)
class Marks:
    """A quoted stretch: ``open``/``close`` are the offsets of its quote marks."""

    open: int
    close: int
    double: bool
    open_len: int = 1  # 2 for the doubled apostrophe ('') some wires use as a quote mark
    close_len: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + self.open_len, self.close

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, self.close + self.close_len


def _prev(text: str, i: int, start: int) -> str:
    return text[i - 1] if i > start else "\n"


def _next(text: str, i: int, end: int) -> str:
    return text[i + 1] if i + 1 < end else "\n"


def _opener_context(p: str, n: str) -> bool:
    """A mark between ``p`` and ``n`` that opens: after a space or bracket, before a word."""
    return (p.isspace() or p in _OPEN_CONTEXT) and not n.isspace()


def _closer_context(p: str, n: str) -> bool:
    return not p.isspace() and (n.isspace() or n in _CLOSE_FOLLOW)


def scan_double(text: str, start: int, end: int) -> tuple[list[Marks], list[int]]:
    """Pair double quote marks in ``text[start:end]``; return (pairs, offsets of unpaired marks).

    A quote left open at a line break continues when the next paragraph opens with a quote mark
    (the news convention for multi-paragraph quotes); otherwise its opening mark is reported as
    unbalanced and scanning goes on from the next paragraph. A different quote style inside an
    open quote is nesting ("He said: “...”" inside straight quotes).
    """
    pairs: list[Marks] = []
    bad: list[int] = []
    stack: list[tuple[int, str]] = []  # (offset, family) of open marks, outermost first
    width: dict[int, int] = {}
    i = start
    while i < end:
        ch = text[i]
        if ch == "'" and i + 1 < end and text[i + 1] == "'" and (i + 2 >= end or text[i + 2] != "'"):
            # '' (two apostrophes) stands for a straight double quote in some wire copy.
            width[i] = 2
            ch = '"'
        if ch == "\n":
            if stack:
                j = i
                while j < end and text[j].isspace():
                    j += 1
                reopen = 2 if text.startswith("''", j) else 1
                if j < end and (
                    reopen == 2
                    and stack[0][1] == "s"
                    or (text[j] in _OPENERS and _DOUBLE[text[j]] == stack[0][1])
                ):
                    # Paragraph continuation: the reopening mark belongs inside the quote.
                    del stack[1:]
                    i = j + reopen
                    continue
                bad.append(stack[0][0])
                stack.clear()
            i += 1
            continue
        fam = _DOUBLE.get(ch)
        if fam is None:
            i += 1
            continue
        w = width.get(i, 1)
        p = text[i - 1] if i > start else "\n"
        n = text[i + w] if i + w < end else "\n"
        if not stack:
            if ch in _OPENERS and (ch != '"' or not _closer_context(p, n)):
                stack.append((i, fam))
            elif ch not in _OPENERS and _opener_context(p, n):
                stack.append((i, fam))  # a closing mark typed where an opening one belongs
            else:
                bad.append(i)
        elif fam == stack[-1][1]:
            if ch in _CLOSERS:
                pos, _ = stack.pop()
                if not stack:
                    pairs.append(Marks(pos, i, True, width.get(pos, 1), w))
            else:
                # A second opening mark of the same style: the first one was never closed.
                bad.append(stack[0][0])
                stack[:] = [(i, fam)]
        elif any(f == fam for _, f in stack) and ch in _CLOSERS:
            while stack[-1][1] != fam:
                stack.pop()
            pos, _ = stack.pop()
            if not stack:
                pairs.append(Marks(pos, i, True, width.get(pos, 1), w))
        elif ch in _OPENERS and (ch != '"' or _opener_context(p, n)):
            stack.append((i, fam))  # nested quote in another style
        elif len(stack) == 1 and ch in _CLOSERS and fam != "g" and _closer_context(p, n):
            # Mixed styles: "..." opened straight and closed curly (or the reverse).
            pos, _ = stack.pop()
            pairs.append(Marks(pos, i, True, width.get(pos, 1), w))
        i += w
    if stack:
        bad.append(stack[0][0])
    return pairs, sorted(bad)


def scan_single(text: str, start: int, end: int, skip: list[Marks]) -> list[Marks]:
    """Single-quoted stretches (‘…’ or '...') outside double quotes, within one paragraph.

    An opening mark must start a word after a space or an opening bracket, and the closing one
    must end a word and not run into a letter, so apostrophes ("don't", "operation’s") never pair.
    Unpaired single marks are ignored silently: they are apostrophes far more often than quotes.
    """
    out: list[Marks] = []
    blocked = sorted(m.outer for m in skip)
    bi = 0
    i = start
    while i < end:
        while bi < len(blocked) and blocked[bi][1] <= i:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] <= i:
            i = blocked[bi][1]
            continue
        ch = text[i]
        if (
            ch in ("\u2018", "'")
            and _opener_context(_prev(text, i, start), _next(text, i, end))
            and _next(text, i, end).isalnum()
        ):
            close_ch = "\u2019" if ch == "\u2018" else "'"
            limit = min(end, i + 600, blocked[bi][0] if bi < len(blocked) else end)
            j = i + 2
            found = -1
            while j < limit and text[j] != "\n":
                if text[j] == close_ch and not text[j - 1].isspace() and not _next(text, j, end).isalnum():
                    found = j
                    break
                j += 1
            if found > 0:
                out.append(Marks(i, found, False))
                i = found + 1
                continue
        i += 1
    return out
