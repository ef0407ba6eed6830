"""The slots of a claim besides its value: counted noun, event, actor, person, target, place.
Filled from the claim's own segment first, then from its sentence; with a dependency parse,
``attach`` finds the verb and its subject."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Optional

from claimcheck.models import Claim, Slot
from claimcheck.nlp.claims import attach
from claimcheck.nlp.claims.context import Ctx, Segment, in_segment, segment_of
from claimcheck.nlp.claims.mentions import Mention
from claimcheck.nlp.tokens import Tok

JOINT = "+"  # between the ids of a joint actor: "RUS+USA"


def noun_slot(ctx: Ctx, tok: Optional[Tok]) -> Optional[Slot]:
    if tok is None:
        return None
    lemma = tok.lemma.split("-")[-1] if "-" in tok.lemma else tok.lemma
    lemma = ctx.lex.noun_lemma(lemma[:1].upper() + lemma[1:])
    return Slot(text=tok.text, start=tok.start, end=tok.end, value=lemma)


def fill_slots(ctx: Ctx, claim: Claim, seg: Segment, noun_tok: Optional[Tok]) -> Claim:
    k = bisect_right(ctx.tok_starts, claim.start) - 1  # the token holding the claim's start
    anchor_tok = ctx.toks[k].i if k >= 0 and claim.start < ctx.toks[k].end else seg.first
    event = attach.event_for(ctx.view, ctx.toks, anchor_tok, ctx.mentions) or \
        _pick(ctx, "event", seg, anchor_tok)
    actor, person = _actor(ctx, seg, anchor_tok, event)
    target = _target(ctx, seg, noun_tok, actor)
    place = _place(ctx, seg, event)
    update: dict = {"event": _slot(ctx, event), "actor": _slot(ctx, actor), "person": _slot(ctx, person),
                    "target": _slot(ctx, target), "place": _slot(ctx, place)}
    t = claim.time
    if t is not None and event is not None and t.end <= ctx.view.toks[event.first].start and \
            _nominal_object(ctx, event, anchor_tok, ctx.lex.closed.earlier_acts):
        update["time"] = t.model_copy(update={"inherited": True})  # "2017, im Jahr nach der Ausweisung von 35 …"
    return claim.model_copy(update=update)


def _place(ctx: Ctx, seg: Segment, event: Optional[Mention]) -> Optional[Mention]:
    """The clause's place; through a comma the preceding clause's ("…, die Botschaft in Prag,
    63 Mitarbeiter abzubauen"); for leaving, the city left ("mussten Moskau verlassen",
    "zog sein Personal aus Peking ab")."""
    place = next(iter(in_segment(ctx, "place", seg)), None)
    k = ctx.segments.index(seg)
    if place is None and seg.after_comma and k > 0:
        place = next(iter(in_segment(ctx, "place", ctx.segments[k - 1])), None)
    if place is None and event is not None and event.value == "leave":
        left = _leave_verbs(ctx, event)
        city = next((m for m in ctx.mentions if m.kind == "actor"
                     and ctx.view.text[m.start:m.end] in ctx.lex.place_set
                     and (m.role == "from" or (m.role == "" and any(0 < v - m.last <= 6 for v in left)))),
                    None)
        if city is not None:
            place = replace(city, kind="place", value=ctx.view.text[city.start:city.end])
    return place


def _slot(ctx: Ctx, m: Optional[Mention]) -> Optional[Slot]:
    if m is None:
        return None
    return Slot(text=ctx.view.text[m.start:m.end], start=m.start, end=m.end, value=m.value)


def _pick(ctx: Ctx, kind: str, seg: Segment, anchor: int) -> Optional[Mention]:
    """The mention of ``kind`` nearest to the anchor, in its segment if there is one."""
    pool = in_segment(ctx, kind, seg) or [m for m in ctx.mentions if m.kind == kind]
    return min(pool, key=lambda m: abs(m.first - anchor)) if pool else None


ACTOR_ROLES = {"", "agent"}


def _actor(ctx: Ctx, seg: Segment, anchor: int, event: Optional[Mention]):
    """Who acts: the parse's subject if there is one; else a von/durch agent; else the first
    state named in the clause (German puts the subject first or right after the verb); a
    leader named with an event stands for the state. A state named only in a subordinate clause
    of another predicate is not the actor; a leader named in the claim's own clause then is
    ("Weil Russland …, schickte die Regierung Obama …"). Whoever must leave a country is not
    its actor, so "leave" events only take agents."""
    person = _pick(ctx, "person", seg, anchor)
    parsed = attach.subject_actor(ctx.view, ctx.toks, event, ctx.mentions)
    if parsed is not None:
        return parsed, person
    agents = [m for m in ctx.mentions if m.kind == "actor" and m.role == "agent"]
    if agents or _must_leave(ctx, event) or _nominal_object(ctx, event, anchor):
        return (agents[0] if agents else None), person
    cands = [m for m in ctx.mentions if m.kind == "actor" and m.role in ACTOR_ROLES]
    leaders = [_person_actor(ctx, m) for m in ctx.mentions if m.kind == "person"]
    if event is not None:
        cands += leaders
    own = [m for m in cands if seg.covers(m.first)]
    main = [m for m in cands if not subordinate(ctx, segment_of(ctx, m.start))]
    if not own and subordinate(ctx, seg):  # "…, der Kreml antwortete, indem er 50 auswies": the
        before = [m for m in main if m.last < seg.first]  # clause it depends on, the nearest one
        if before:
            return max(before, key=lambda m: m.first), person
    pool = own or main or [m for m in leaders if seg.covers(m.first)]
    chosen = min(pool, key=lambda m: m.first) if pool else None
    return (_joint(ctx, chosen) if chosen is not None else None), person


def _joint(ctx: Ctx, m: Mention) -> Mention:
    """Two states coordinated as one subject ("Russland und die USA beraten") act together:
    the actor is both (value "RUS+USA", ``JOINT`` between the ids), neither alone."""
    w, base = ctx.lex.closed, ctx.toks[0].i
    for n in ctx.mentions:
        if n.kind != "actor" or n.value == m.value:
            continue
        a, b = (m.last + 1, n.first) if n.first > m.last else (n.last + 1, m.first)
        between = [t.lower for t in ctx.toks[a - base:b - base]]
        if between and between[0] in w.conjunctions and all(x in w.articles for x in between[1:]):
            first, last = (m, n) if m.first < n.first else (n, m)
            return replace(m, value=JOINT.join(sorted({m.value, n.value})), first=first.first,
                           last=last.last, start=first.start, end=last.end)
    return m


def subordinate(ctx: Ctx, seg: Segment) -> bool:
    """A clause opened by a subordinating conjunction has its own subject: "Weil Russland …"
    names who tried, not who expelled in the main clause."""
    i = seg.first - ctx.toks[0].i
    return 0 <= i < len(ctx.toks) and ctx.toks[i].lower in ctx.lex.closed.subordinators


def _nominal_object(ctx: Ctx, event: Optional[Mention], anchor: int,
                    governing: Optional[frozenset[str]] = None) -> bool:
    """The claim counts the object of a nominalised event the clause's subject reacts to ("auf
    den Rauswurf von 60 russischen Diplomaten antwortete der Kreml"): the subject did not do that
    act, so only an agent ("durch …") names its actor. With ``governing`` (``earlier_acts``:
    "nach", "vor", "seit"), an act before or after the clause's: the clause's time is not its own."""
    toks, w = ctx.view.toks, ctx.lex.closed
    governing = w.foreign_acts if governing is None else governing
    if event is None or event.last + 1 >= len(toks) or not 0 < anchor - event.last <= 4:
        return False
    head, nxt = toks[event.last], toks[event.last + 1]
    before: set[str] = set()  # the phrase may be coordinated: "auf die Schließung … und den Rauswurf von 60"
    for t in reversed(toks[max(0, event.first - PHRASE_REACH):event.first]):
        if t.is_punct:
            break
        before.add(t.lower)
    return head.text[:1].isupper() and nxt.lower in w.nominal_objects and bool(before & governing)


PHRASE_REACH = 10  # tokens back from a nominalised event (or a time) to the preposition that governs its phrase


def _must_leave(ctx: Ctx, event: Optional[Mention]) -> bool:
    """"... mussten die USA verlassen": the state named is left, it does not act."""
    return event is not None and event.value == "leave" and bool(_leave_verbs(ctx, event))


def _leave_verbs(ctx: Ctx, event: Mention) -> list[int]:
    """Token indices of "verlassen" within the event mention ("mussten … verlassen")."""
    leave = ctx.lex.closed.leave_lemmas
    return [i for i in range(event.first, event.last + 1) if ctx.view.toks[i].lemma in leave]


def _person_actor(ctx: Ctx, person: Mention) -> Mention:
    return replace(person, kind="actor", value=ctx.lex.person_actor[person.value])


def _target(ctx: Ctx, seg: Segment, noun_tok: Optional[Tok], actor: Optional[Mention]):
    affects = [m for m in ctx.mentions if m.kind == "nat" and m.role == "affects"]
    if noun_tok is not None:  # the nationality of the counted noun itself ("60 russische Diplomaten",
        # "US-Vertreter") is whom it is done to, whoever the actor seems to be
        near = [m for m in affects if noun_tok.i - 3 <= m.first <= noun_tok.i]
        if near:
            return near[-1]
    nats = [m for m in affects if actor is None or m.value != actor.value]
    own = [m for m in nats if seg.covers(m.first)]
    if own:
        return own[0]
    against = [m for m in ctx.mentions if m.kind == "actor" and m.role == "against"
               and (actor is None or m.value != actor.value)]
    own_against = [m for m in against if seg.covers(m.first)]
    if own_against:
        return own_against[0]
    # another clause: "gegen Russland" names whom it is done to more surely than a nationality
    # word ("die Entscheidung des US-Senats, Sanktionen gegen Iran zu beschließen: … 98 zu 2")
    if nats and against:
        return against[0]
    return nats[0] if nats else None
