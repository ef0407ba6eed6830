"""Assemble claim records from tokens, lexicon mentions, quantities and time expressions.

Pure functions over ``TokenView`` (no spaCy). A sentence is cut into segments (clauses, roughly:
at commas, semicolons and coordinating conjunctions); each quantity is a count claim, each time
expression that no count claim of its sentence uses (or whose segment has its own event) is a
date-only claim. Slots are filled from the claim's own segment first, then from its sentence;
a count claim without a time inherits the time of the preceding sentence of the same paragraph.
With a dependency parse, ``attach`` uses it to find the counted noun, the verb and its subject.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterator, Mapping, Optional, Sequence

from claimcheck.models import Claim, Quantity, TimeSpan
from claimcheck.nlp.claims import attach
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.claims.context import Ctx, Segment, in_segment, segment_of, split_segments
from claimcheck.nlp.claims.mentions import Mention, find_mentions
from claimcheck.nlp.claims.slots import PHRASE_REACH, fill_slots, noun_slot, subordinate
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL
from claimcheck.nlp.tokens import Sentence, TokenView



HEADING_CHARS = 120  # a one-line paragraph this short without a final full stop is a heading

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
                 lex: Lexicon, mentions: Optional[MentionTable] = None,
                 heading_chars: int = HEADING_CHARS) -> list[Claim]:
    """All claims of a text, in text order; ``mentions`` (per sentence) are found when not given."""
    claims: list[Claim] = []
    carried: Optional[TimeSpan] = None
    paragraph, previous, alone = -1, None, False
    q_starts, t_starts = [q.start for q in quantities], [t.start for t in times]
    for sent in view.sents:
        if sent.paragraph != paragraph:
            if not (alone and previous is not None and _heading(view.text, previous, heading_chars)):
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


def _heading(text: str, sent: Sentence, heading_chars: int = HEADING_CHARS) -> bool:
    """A one-sentence paragraph, short and without a final full stop: a heading or dateline
    whose time carries into the paragraph that follows it."""
    line = text[sent.char_start:sent.char_end].strip()
    return 0 < len(line) <= heading_chars and not line.endswith((".", "!", "?", "“", '"'))


def _within(items, starts: list[int], sent: Sentence) -> list:
    """The items (sorted by start) that start inside the sentence."""
    return list(items[bisect_left(starts, sent.char_start):bisect_left(starts, sent.char_end)])


def _sentence_claims(view, sent: Sentence, qs, ts, carried, lex, mentions=None) -> list[Claim]:
    toks = view.sent_toks(sent)
    found = find_mentions(toks, lex) if mentions is None else mentions
    ctx = Ctx(view, toks, found, split_segments(toks, qs, ts, lex.closed.splitters), lex)
    out, used = [], set()
    base = ctx.lex.closed.comparison_base  # "teurer als ein Jahr zuvor": a comparison base dates no count
    dating = [t for t in ts if base.search(view.text, max(0, t.start - 30), t.start) is None]
    bases = [t for t in ts if t not in dating]
    dating = _sentence_times(ctx, dating)
    for q in qs:
        named = [t for t in ts if ctx.lex.closed.value_of.fullmatch(view.text, t.end, q.start)]
        claim = _with_base(ctx, _count_claim(ctx, sent, q, named or dating, carried), [] if named else bases)
        if claim.time is not None and not claim.time.inherited and q.unit != ORDINAL:
            used.add(claim.time.start)
        out.append(claim)
    counts = [q for q in qs if q.unit != ORDINAL]  # "in der ersten Amtszeit" dates no count
    for t in ts:
        seg = segment_of(ctx, t.start)
        seg_has_count = any(segment_of(ctx, q.start) is seg for q in counts)
        if seg_has_count or (t.start in used and not in_segment(ctx, "event", seg)):
            continue
        out.append(_date_claim(ctx, sent, t))
    return [_negation(ctx, c) for c in _mark_borrowed(ctx, out)]


def _sentence_times(ctx: Ctx, ts: list[TimeSpan]) -> list[TimeSpan]:
    """The times that may date the sentence's counts: one that dates a noun ("die Ankündigung
    vom Freitag") only when no other does."""
    own = [t for t in ts if not ctx.lex.closed.dates_noun(ctx.view.text, t.start)]
    return own or ts


def _negation(ctx: Ctx, claim: Claim) -> Claim:
    """"Nicht 35, sondern 60": the 35 is denied; "wies … keine Diplomaten aus", "wies … nicht
    aus": the clause is. A denied statement is no claim to verify against the source."""
    w = ctx.lex.closed
    if claim.quantity is not None and w.negation_before.search(ctx.view.text, max(0, claim.start - 12), claim.start):
        return claim.model_copy(update={"negated": True})
    seg = segment_of(ctx, claim.start)
    if claim.event is not None and any(seg.covers(t.i) and t.lower in w.negation_words
                                       and _denies(ctx, claim, k) for k, t in enumerate(ctx.toks)):
        return claim.model_copy(update={"negated": True})
    toks = ctx.toks  # "nicht" + closing particle negates the sentence's verb across segments
    event_end = claim.event.end if claim.event is not None else -1
    particles = w.negation_particles
    for k, t in enumerate(toks):
        if t.lower not in particles or k + 1 >= len(toks):
            continue
        nxt = toks[k + 1]
        if _other_statement(ctx, t.start, claim):
            continue  # "Auch danach riss die Serie nicht ab: 2021 wiesen die USA … aus" denies nothing of 2021
        if nxt.end == event_end or (
                nxt.lower in ctx.lex.events.particles and (k + 2 == len(toks) or toks[k + 2].is_punct)):
            return claim.model_copy(update={"negated": True})
    return claim


def _other_statement(ctx: Ctx, at: int, claim: Claim) -> bool:
    """A strong break or a colon lies between the character ``at`` and the claim."""
    a, b = (at, claim.start) if at < claim.start else (claim.end, at)
    text = ctx.view.text
    return ctx.lex.closed.strong_breaks.search(text, a, b) is not None or ":" in text[a:b]


def _denies(ctx: Ctx, claim: Claim, k: int) -> bool:
    """"kein" at token ``k`` denies the claim, unless the claim counts a noun and "kein" belongs
    to another one ("den Angehörigen von 27 Diplomaten keine Visa mehr": the 27 stand)."""
    if claim.kind != "count" or claim.noun is None:
        return True
    ahead = ctx.toks[k + 1:k + 1 + _KEIN_REACH]
    return any(t.start == claim.noun.start for t in ahead)


_KEIN_REACH = 4  # "keine [der] [russischen] Diplomaten": the noun "kein" belongs to is this close


def _mark_borrowed(ctx: Ctx, claims: list[Claim]) -> list[Claim]:
    """A count claim that borrows its time from another clause that is itself a date claim is
    judged on the date there, not twice; one that borrows it across a semicolon or a dash takes
    another statement's time ("… das zweite Treffen; Trumps Amtseinführung am 20. Januar …").
    Either time is marked as inherited: it may confirm, never accuse."""
    dated = {c.time.start for c in claims if c.kind == "date" and c.time is not None}
    counted = [c for c in claims if c.kind == "count"]
    out = []
    for c in claims:
        t = c.time
        if c.kind == "count" and t is not None and (_period_of_other(ctx, t, c, counted) or _of_earlier_act(ctx, t) or (
                segment_of(ctx, t.start) is not segment_of(ctx, c.start)
                and (t.start in dated or _owned(ctx, t, c, counted) or ctx.lex.closed.strong_breaks.search(
                    ctx.view.text, min(t.end, c.end), max(t.start, c.start))))):
            c = c.model_copy(update={"time": t.model_copy(update={"inherited": True})})
        out.append(c)
    return out


def _of_earlier_act(ctx: Ctx, t: TimeSpan) -> bool:
    """The time dates a noun in a phrase of an act before or after the clause's ("ein Jahr nach
    den Protesten von Ende 2018 setzte sie durch, dass …"): that act's time, not the count's."""
    w = ctx.lex.closed
    if not w.dates_noun(ctx.view.text, t.start):
        return False
    before = [k for k in ctx.toks if k.end <= t.start][-PHRASE_REACH:]
    for k in reversed(before):
        if k.is_punct:
            return False
        if k.lower in w.earlier_acts:
            return True
    return False


def _period_of_other(ctx: Ctx, t: TimeSpan, c: Claim, counted: list[Claim]) -> bool:
    """The time stands right after another count: it is that count's period ("sank von 3,3
    Prozent im Dezember auf 2,9 Prozent"), not this one's."""
    gap = ctx.lex.closed.count_period
    return any(o is not c and o.end <= t.start and gap.fullmatch(ctx.view.text, o.end, t.start) for o in counted)


def _owned(ctx: Ctx, t: TimeSpan, c: Claim, counted: list[Claim]) -> bool:
    """The time ``c`` borrows stands in a subordinate clause with a count of its own: the time is
    that count's ("nur noch 150, nachdem es Anfang 2017 noch 1.200 gewesen waren"). (A main
    clause's time dates its relative clauses: "…, auf den 20 Prozent entfallen, lag die Quote im März".)"""
    seg = segment_of(ctx, t.start)
    return subordinate(ctx, seg) and any(o is not c and segment_of(ctx, o.start) is seg for o in counted)


def _count_claim(ctx: Ctx, sent: Sentence, q: Quantity, ts, carried) -> Claim:
    noun_tok = attach.counted_noun(ctx.view, ctx.toks, q, ctx.lex)
    anchor_end = noun_tok.end if noun_tok else q.end
    seg = segment_of(ctx, q.start)
    noun = noun_slot(ctx, noun_tok)
    on_days = ctx.lex.closed.on_days.search(ctx.view.text, max(0, q.start - 20), q.start)  # "an nur 20 Tagen"
    duration = noun is not None and ctx.lex.noun_class.get(noun.value) == "time" and not on_days
    time = None if duration else _time_for(ctx, seg, q, ts, carried)
    claim = Claim(kind="count", text=ctx.view.text[q.start:anchor_end], start=q.start, end=anchor_end,
                  sentence_start=sent.char_start, sentence_end=sent.char_end, quantity=q, time=time,
                  noun=noun)
    return fill_slots(ctx, claim, seg, noun_tok)


def _with_base(ctx: Ctx, claim: Claim, bases: list[TimeSpan]) -> Claim:
    """The comparison base of the count's own clause ("gaben gegenüber November 2024 um 0,2
    Prozent nach"): checked against the source's base of the same change."""
    seg = segment_of(ctx, claim.start)
    own = [t for t in bases if segment_of(ctx, t.start) is seg]
    return claim.model_copy(update={"base": own[0]}) if own else claim


def _date_claim(ctx: Ctx, sent: Sentence, t: TimeSpan) -> Claim:
    claim = Claim(kind="date", text=t.text, start=t.start, end=t.end, sentence_start=sent.char_start,
                  sentence_end=sent.char_end, time=t)
    return fill_slots(ctx, claim, segment_of(ctx, t.start), None)


def _time_for(ctx: Ctx, seg: Segment, q: Quantity, ts, carried) -> Optional[TimeSpan]:
    """The time of the count's segment, else the nearest one of its sentence (``ts``: those that
    may date a count), else the carried one."""
    own = [t for t in ts if segment_of(ctx, t.start) is seg]
    pool = own or list(ts)
    if pool:
        return min(pool, key=lambda t: abs(t.start - q.start))
    if carried is not None:
        return carried.model_copy(update={"inherited": True})
    return None
