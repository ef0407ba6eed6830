"""Assemble claim records from tokens, lexicon mentions, quantities and time expressions.

Pure functions over ``TokenView`` (no spaCy). A sentence is cut into segments (clauses, roughly:
at commas, semicolons and coordinating conjunctions); each quantity is a count claim, each time
expression that no count claim of its sentence uses (or whose segment has its own event) is a
date-only claim. Slots are filled from the claim's own segment first, then from its sentence;
a count claim without a time inherits the time of the preceding sentence of the same paragraph.
With a dependency parse, ``attach`` uses it to find the counted noun, the verb and its subject.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Iterator, Mapping, Optional, Sequence

from claimcheck.models import Claim, Quantity, Slot, TimeSpan
from claimcheck.nlp.claims import attach
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.claims.mentions import Mention, find_mentions
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL
from claimcheck.nlp.tokens import Sentence, Tok, TokenView



@dataclass
class _Segment:
    first: int  # token index range [first, last]
    last: int
    after_comma: bool = False  # split from the previous segment by a comma (not a conjunction)

    def covers(self, tok_i: int) -> bool:
        return self.first <= tok_i <= self.last


@dataclass
class _Ctx:
    view: TokenView
    toks: Sequence[Tok]
    mentions: list[Mention]
    segments: list[_Segment]
    lex: Lexicon

    def __post_init__(self) -> None:
        """Token starts and a token -> segment map, so ``_segment_of`` is a bisect, not a scan."""
        self.tok_starts = [t.start for t in self.toks]
        base = self.toks[0].i
        self.tok_segs: list[Optional[_Segment]] = [None] * len(self.toks)
        for seg in reversed(self.segments):  # the first segment covering a token wins
            for i in range(max(seg.first, base), min(seg.last, base + len(self.toks) - 1) + 1):
                self.tok_segs[i - base] = seg


# (first, end) token index of a sentence -> its lexicon mentions (``claimcheck_mentions``)
MentionTable = Mapping[tuple[int, int], list[Mention]]


def claim_sentences(view: TokenView, quantities: Sequence[Quantity], times: Sequence[TimeSpan]
                    ) -> Iterator[tuple[Sentence, list[Quantity], list[TimeSpan]]]:
    """The sentences that hold a quantity or a time expression, with them."""
    q_starts, t_starts = [q.start for q in quantities], [t.start for t in times]
    for sent in view.sents:
        sq = _within(quantities, q_starts, sent)
        st = _within(times, t_starts, sent)
        if sq or st:
            yield sent, sq, st


def build_claims(view: TokenView, quantities: Sequence[Quantity], times: Sequence[TimeSpan],
                 lex: Lexicon, mentions: Optional[MentionTable] = None) -> list[Claim]:
    """All claims of a text, in text order; ``mentions`` (per sentence) are found when not given."""
    claims: list[Claim] = []
    carried: Optional[TimeSpan] = None
    paragraph, previous, alone = -1, None, False
    q_starts, t_starts = [q.start for q in quantities], [t.start for t in times]
    for sent in view.sents:
        if sent.paragraph != paragraph:
            if not (alone and previous is not None and _heading(view.text, previous)):
                carried = None  # a dated heading ("29. Dezember 2016: …") dates its paragraph
            paragraph, alone = sent.paragraph, True
        else:
            alone = False
        previous = sent
        sq = _within(quantities, q_starts, sent)
        st = _within(times, t_starts, sent)
        if not sq and not st:
            continue
        found = mentions.get((sent.start, sent.end)) if mentions is not None else None
        new = _sentence_claims(view, sent, sq, st, carried, lex, found)
        claims += new
        dated = [c.time for c in new if c.time is not None]
        if dated:
            carried = dated[-1]
    return sorted(claims, key=lambda c: (c.start, c.end))


HEADING_CHARS = 120  # a one-line paragraph this short without a final full stop is a heading


def _heading(text: str, sent: Sentence) -> bool:
    """A one-sentence paragraph, short and without a final full stop: a heading or dateline
    whose time carries into the paragraph that follows it."""
    line = text[sent.char_start:sent.char_end].strip()
    return 0 < len(line) <= HEADING_CHARS and not line.endswith((".", "!", "?", "“", '"'))


def _within(items, starts: list[int], sent: Sentence) -> list:
    """The items (sorted by start) that start inside the sentence."""
    return list(items[bisect_left(starts, sent.char_start):bisect_left(starts, sent.char_end)])


def _sentence_claims(view, sent: Sentence, qs, ts, carried, lex, mentions=None) -> list[Claim]:
    toks = view.sent_toks(sent)
    found = find_mentions(toks, lex) if mentions is None else mentions
    ctx = _Ctx(view, toks, found, _segments(toks, qs, ts, lex.closed.splitters), lex)
    out, used = [], set()
    for q in qs:
        claim = _count_claim(ctx, sent, q, ts, carried)
        if claim.time is not None and not claim.time.inherited and q.unit != ORDINAL:
            used.add(claim.time.start)
        out.append(claim)
    counts = [q for q in qs if q.unit != ORDINAL]  # "in der ersten Amtszeit" dates no count
    for t in ts:
        seg = _segment_of(ctx, t.start)
        seg_has_count = any(_segment_of(ctx, q.start) is seg for q in counts)
        if seg_has_count or (t.start in used and not _in_segment(ctx, "event", seg)):
            continue
        out.append(_date_claim(ctx, sent, t))
    return [_negation(ctx, c) for c in _mark_borrowed(ctx, out)]


def _negation(ctx: _Ctx, claim: Claim) -> Claim:
    """"Nicht 35, sondern 60": the 35 is denied; "wies … keine Diplomaten aus", "wies … nicht
    aus": the clause is. A denied statement is no claim to verify against the source."""
    w = ctx.lex.closed
    if claim.quantity is not None and w.negation_before.search(ctx.view.text, max(0, claim.start - 12), claim.start):
        return claim.model_copy(update={"negated": True})
    seg = _segment_of(ctx, claim.start)
    if claim.event is not None and any(seg.covers(t.i) and t.lower in w.negation_words for t in ctx.toks):
        return claim.model_copy(update={"negated": True})
    toks = ctx.toks  # "nicht" + closing particle negates the sentence's verb across segments
    event_end = claim.event.end if claim.event is not None else -1
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.lower in w.negation_particles and nxt is not None and (nxt.end == event_end or (
                nxt.lower in ctx.lex.events.particles and (k + 2 == len(toks) or toks[k + 2].is_punct))):
            return claim.model_copy(update={"negated": True})
    return claim


def _mark_borrowed(ctx: _Ctx, claims: list[Claim]) -> list[Claim]:
    """A count claim that borrows its time from another clause that is itself a date claim is
    judged on the date there, not twice: its time is marked as inherited."""
    dated = {c.time.start for c in claims if c.kind == "date" and c.time is not None}
    out = []
    for c in claims:
        if (c.kind == "count" and c.time is not None and c.time.start in dated
                and _segment_of(ctx, c.time.start) is not _segment_of(ctx, c.start)):
            c = c.model_copy(update={"time": c.time.model_copy(update={"inherited": True})})
        out.append(c)
    return out


def _segments(toks: Sequence[Tok], qs, ts, splitters: frozenset[str]) -> list[_Segment]:
    protected = [(x.start, x.end) for x in [*qs, *ts]]
    segs, first, comma = [], toks[0].i, False
    for t in toks:
        inside = any(a <= t.start < b for a, b in protected)
        if t.lower in splitters and not inside and t.i > first:
            segs.append(_Segment(first, t.i - 1, comma))
            first, comma = t.i + 1, t.text == ","
    segs.append(_Segment(first, max(first, toks[-1].i), comma))
    return segs


def _segment_of(ctx: _Ctx, char: int) -> _Segment:
    k = bisect_right(ctx.tok_starts, char) - 1
    k = k if k >= 0 and char < ctx.toks[k].end else 0
    return ctx.tok_segs[k] or ctx.segments[-1]


def _in_segment(ctx: _Ctx, kind: str, seg: _Segment) -> list[Mention]:
    return [m for m in ctx.mentions if m.kind == kind and seg.covers(m.first)]


def _count_claim(ctx: _Ctx, sent: Sentence, q: Quantity, ts, carried) -> Claim:
    noun_tok = attach.counted_noun(ctx.view, ctx.toks, q, ctx.lex)
    anchor_end = noun_tok.end if noun_tok else q.end
    seg = _segment_of(ctx, q.start)
    noun = _noun_slot(ctx, noun_tok)
    on_days = ctx.lex.closed.on_days.search(ctx.view.text, max(0, q.start - 20), q.start)  # "an nur 20 Tagen"
    duration = noun is not None and ctx.lex.noun_class.get(noun.value) == "time" and not on_days
    time = None if duration else _time_for(ctx, seg, q, ts, carried)
    claim = Claim(kind="count", text=ctx.view.text[q.start:anchor_end], start=q.start, end=anchor_end,
                  sentence_start=sent.char_start, sentence_end=sent.char_end, quantity=q, time=time,
                  noun=noun)
    return _fill_slots(ctx, claim, seg, noun_tok)


def _date_claim(ctx: _Ctx, sent: Sentence, t: TimeSpan) -> Claim:
    claim = Claim(kind="date", text=t.text, start=t.start, end=t.end, sentence_start=sent.char_start,
                  sentence_end=sent.char_end, time=t)
    return _fill_slots(ctx, claim, _segment_of(ctx, t.start), None)


def _time_for(ctx: _Ctx, seg: _Segment, q: Quantity, ts, carried) -> Optional[TimeSpan]:
    own = [t for t in ts if _segment_of(ctx, t.start) is seg]
    pool = own or list(ts)
    if pool:
        return min(pool, key=lambda t: abs(t.start - q.start))
    if carried is not None:
        return carried.model_copy(update={"inherited": True})
    return None


def _noun_slot(ctx: _Ctx, tok: Optional[Tok]) -> Optional[Slot]:
    if tok is None:
        return None
    lemma = tok.lemma.split("-")[-1] if "-" in tok.lemma else tok.lemma
    lemma = ctx.lex.noun_lemma(lemma[:1].upper() + lemma[1:])
    return Slot(text=tok.text, start=tok.start, end=tok.end, value=lemma)


def _fill_slots(ctx: _Ctx, claim: Claim, seg: _Segment, noun_tok: Optional[Tok]) -> Claim:
    anchor_tok = next((t.i for t in ctx.toks if t.start <= claim.start < t.end), seg.first)
    event = attach.event_for(ctx.view, ctx.toks, anchor_tok, ctx.mentions) or \
        _pick(ctx, "event", seg, anchor_tok)
    actor, person = _actor(ctx, seg, anchor_tok, event)
    target = _target(ctx, seg, noun_tok, actor)
    place = _place(ctx, seg, event)
    return claim.model_copy(update={
        "event": _slot(ctx, event), "actor": _slot(ctx, actor), "person": _slot(ctx, person),
        "target": _slot(ctx, target), "place": _slot(ctx, place),
    })


def _place(ctx: _Ctx, seg: _Segment, event: Optional[Mention]) -> Optional[Mention]:
    """The clause's place; through a comma the preceding clause's ("…, die Botschaft in Prag,
    63 Mitarbeiter abzubauen"); for leaving, the city left ("mussten Moskau verlassen",
    "zog sein Personal aus Peking ab")."""
    place = next(iter(_in_segment(ctx, "place", seg)), None)
    k = ctx.segments.index(seg)
    if place is None and seg.after_comma and k > 0:
        place = next(iter(_in_segment(ctx, "place", ctx.segments[k - 1])), None)
    if place is None and event is not None and event.value == "leave":
        left = _leave_verbs(ctx, event)
        city = next((m for m in ctx.mentions if m.kind == "actor"
                     and ctx.view.text[m.start:m.end] in ctx.lex.place_set
                     and (m.role == "from" or (m.role == "" and any(0 < v - m.last <= 6 for v in left)))),
                    None)
        if city is not None:
            place = replace(city, kind="place", value=ctx.view.text[city.start:city.end])
    return place


def _slot(ctx: _Ctx, m: Optional[Mention]) -> Optional[Slot]:
    if m is None:
        return None
    return Slot(text=ctx.view.text[m.start:m.end], start=m.start, end=m.end, value=m.value)


def _pick(ctx: _Ctx, kind: str, seg: _Segment, anchor: int) -> Optional[Mention]:
    """The mention of ``kind`` nearest to the anchor, in its segment if there is one."""
    pool = _in_segment(ctx, kind, seg) or [m for m in ctx.mentions if m.kind == kind]
    return min(pool, key=lambda m: abs(m.first - anchor)) if pool else None


ACTOR_ROLES = {"", "agent"}


def _actor(ctx: _Ctx, seg: _Segment, anchor: int, event: Optional[Mention]):
    """Who acts: the parse's subject if there is one; else a von/durch agent; else the first
    state named in the clause (German puts the subject first or right after the verb); a
    leader named with an event stands for the state. Whoever must leave a country is not its
    actor, so "leave" events only take agents."""
    person = _pick(ctx, "person", seg, anchor)
    parsed = attach.subject_actor(ctx.view, ctx.toks, event, ctx.mentions)
    if parsed is not None:
        return parsed, person
    agents = [m for m in ctx.mentions if m.kind == "actor" and m.role == "agent"]
    if agents or _must_leave(ctx, event):
        return (agents[0] if agents else None), person
    cands = [m for m in ctx.mentions if m.kind == "actor" and m.role in ACTOR_ROLES]
    if event is not None:
        cands += [_person_actor(ctx, m) for m in ctx.mentions if m.kind == "person"]
    own = [m for m in cands if seg.covers(m.first)]
    pool = own or cands
    return (min(pool, key=lambda m: m.first) if pool else None), person


def _must_leave(ctx: _Ctx, event: Optional[Mention]) -> bool:
    """"... mussten die USA verlassen": the state named is left, it does not act."""
    return event is not None and event.value == "leave" and bool(_leave_verbs(ctx, event))


def _leave_verbs(ctx: _Ctx, event: Mention) -> list[int]:
    """Token indices of "verlassen" within the event mention ("mussten … verlassen")."""
    leave = ctx.lex.closed.leave_lemmas
    return [i for i in range(event.first, event.last + 1) if ctx.view.toks[i].lemma in leave]


def _person_actor(ctx: _Ctx, person: Mention) -> Mention:
    return replace(person, kind="actor", value=ctx.lex.person_actor[person.value])


def _target(ctx: _Ctx, seg: _Segment, noun_tok: Optional[Tok], actor: Optional[Mention]):
    nats = [m for m in ctx.mentions if m.kind == "nat" and m.role == "affects"
            and (actor is None or m.value != actor.value)]
    if noun_tok is not None:
        near = [m for m in nats if noun_tok.i - 3 <= m.first <= noun_tok.i]
        if near:
            return near[-1]
    own = [m for m in nats if seg.covers(m.first)]
    if own or nats:
        return (own or nats)[0]
    others = [m for m in ctx.mentions if m.kind == "actor" and m.role == "against"
              and (actor is None or m.value != actor.value)]
    own = [m for m in others if seg.covers(m.first)]
    return own[0] if own else None
