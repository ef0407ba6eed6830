"""Which claim holds which fact: the claims of one text are decided one by one, then a fact
is shared out: one value written twice where the source has two, a mismatch against a fact
another claim confirms (the next reading is taken), a mismatch against a fact another claim of
the same sentence confirms (another quantity of that sentence)."""
from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Sequence

from claimcheck.align.score import KEYS
from claimcheck.align.verdict import Decision, mismatch_decision
from claimcheck.lang import message
from claimcheck.models import Claim, TimeSpan


def one_holder(text: str, claims: Sequence[Claim], decisions: list[Decision],
                redecide: Callable[[Claim, frozenset[str]], Decision]) -> list[Decision]:
    """One value written twice in a sentence where the source has two ("folgten 2023 und 2023"
    for "2022 und 2023"): the fact supporting both goes to the claim it fits best; the other is
    decided again without it and is wrong where that makes it a slip of another fact."""
    holders: dict[tuple[int, str], list[int]] = {}
    for i, (c, d) in enumerate(zip(claims, decisions)):
        if d.verdict == "supported" and d.best is not None:
            holders.setdefault((c.sentence_start, d.best.fact.id), []).append(i)
    out = list(decisions)
    for (_, fact_id), held in holders.items():
        values = {text[claims[i].start:claims[i].end] for i in held}
        if len(held) < 2 or len(values) > 1:
            continue  # different words: each may state the fact ("35 Diplomaten … die Ausgewiesenen")
        keep = max(held, key=lambda i: decisions[i].best.identity)  # type: ignore[union-attr]
        for i in held:
            redo = redecide(claims[i], frozenset({fact_id})) if i != keep else None
            if redo is not None and redo.verdict == "mismatch" and redo.best is not None and redo.best.slip:
                out[i] = redo
    return out


def prefer_unused(d: Decision, used: set[str]) -> Decision:
    """A mismatch whose best reading is a fact that another claim already confirms takes the
    next reading ("folgten 2022 und 2024": the 2024 is the wrong 2023, not a second 2022)."""
    if d.verdict != "mismatch" or d.best is None or d.best.fact.id not in used or len(d.ranked) < 2:
        return d
    free = [p for p in d.ranked if p.fact.id not in used]
    if not free:
        return d
    base: dict[str, Any] = dict(considered=d.considered, checkworthy=d.checkworthy)
    return mismatch_decision(free[0], d.ranked, base)


def stated_days(claims: Sequence[Claim], decisions: list[Decision]) -> dict[tuple[int, date, date], int]:
    """(sentence start, first, last) of each source time a claim confirms with a time stated in
    its own sentence (not inherited, not the document's; a time resolved only loosely from a
    month-precise date counts when it names the fact's weekday: "am Sonntag" for "am Sonntag"),
    with the width of the narrowest stated time that confirms it."""
    out: dict[tuple[int, date, date], int] = {}
    for c, d in zip(claims, decisions):
        t, p = c.time, d.best
        if (d.verdict == "supported" and p is not None and p.status["date"] == "agree" and not p.implicit_date
                and t is not None and not t.inherited and t.start >= c.sentence_start and p.compared_time is not None
                and (not p.loose_date or t.weekday is not None and t.weekday == p.compared_time.weekday)):
            key = (c.sentence_start, p.compared_time.first, p.compared_time.last)
            out[key] = min(out.get(key, width(t)), width(t))
    return out


def width(t: Optional[TimeSpan]) -> int:
    """Days a time spans beyond its first (0 for a day or for no time)."""
    return (t.last - t.first).days if t is not None else 0


def confirmations(claims: Sequence[Claim], decisions: list[Decision]) -> dict[tuple[int, str, str], int]:
    """(sentence start, fact id, value key) of each value a check-worthy claim confirms (a bare
    weekday takes nothing; a count confirmed through the act behind a deadline does not confirm
    the deadline), with the width of the narrowest time that confirms a date."""
    out: dict[tuple[int, str, str], int] = {}
    for c, d in zip(claims, decisions):
        if d.verdict != "supported" or d.best is None or not d.checkworthy:
            continue
        for key in d.best.agree(*KEYS):
            if key != "date" or not d.best.via_act:
                k = (c.sentence_start, d.best.fact.id, key)
                w = width(c.time) if key == "date" else 0
                out[k] = min(out.get(k, w), w)
    return out


def taken_in_sentence(claim: Claim, d: Decision, confirmed: Mapping[tuple[int, str, str], int],
                      days: Mapping[tuple[int, date, date], int] = MappingProxyType({})) -> Decision:
    """A mismatch against a fact that another claim of the same sentence confirms is about
    another quantity of that sentence ("Dienstleistungen, auf die rund 50 Prozent entfallen, … um 4,0 Prozent teurer"):
    unverified. (Another sentence may well repeat a value wrongly.) The value is taken only where
    the other claim confirmed that very value: a weekday of the sentence that confirms the
    fact's day leaves its number to be checked ("die 465 Mitarbeiter, deren Ausweisung am
    Freitag …"), a count confirmed whatever its time leaves the fact's deadline to be checked
    ("von 27 Diplomaten …, müssen diese bis zum 30. März ausreisen"); a claim that is not
    check-worthy (a bare weekday) takes nothing.
    ``confirmed``: (sentence start, fact id, value key the confirming claim agreed on) with
    the width of its time (``confirmations``).
    A date called wrong that another claim of the sentence states and confirms (``days``:
    ``stated_days``) is that claim's date: "bis Mitte 2022 … 55: 27 … bis Ende Januar" does not
    date the 27 with "Mitte 2022"; a coarser time that merely contains the fact's day takes no
    finer one ("Sommer 2017: Am 24. Juli 2017 …" against the 25 July)."""
    if d.verdict != "mismatch" or d.best is None or not d.fields:
        return d
    keys = [d.fields[0]] if d.fields[0] in KEYS else list(KEYS)  # a wrong actor, place …: any value
    t = d.best.compared_time
    own = width(claim.time)
    stated = days.get((claim.sentence_start, t.first, t.last)) if t is not None and d.fields[0] == "date" else None
    day = stated is not None and stated <= own
    if not day and not any(confirmed.get((claim.sentence_start, d.best.fact.id, key), own + 1) <= own
                           for key in keys):
        return d
    return _taken(d, d.best.fact.id)


def _taken(d: Decision, fact_id: str) -> Decision:
    """Unverified: the fact is another claim's of the sentence."""
    return Decision("unverified", considered=d.considered, checkworthy=d.checkworthy,
                    reason=message("align.taken", fact_id=fact_id))


def anchored_days(claims: Sequence[Claim], decisions: list[Decision],
                  redecide: Callable[[Claim, frozenset[tuple[str, int]]], Decision]) -> list[Decision]:
    """A claim that is not check-worthy on its own (a bare weekday) is decided again against
    the source sentences that confirm a check-worthy claim of its sentence: there the
    statement is identified, and its day can be checked like any value. So is an unverified
    date that a confirmed count of its sentence borrows as its time (``_lent_times``)."""
    anchors: dict[int, set[tuple[str, int]]] = {}
    for c, d in zip(claims, decisions):
        if d.verdict == "supported" and d.best is not None and d.checkworthy:
            prov = d.best.fact.provenance
            anchors.setdefault(c.sentence_start, set()).add((prov.source, prov.sentence_start))
    lent = _lent_times(claims, decisions)
    out = list(decisions)
    for i, (c, d) in enumerate(zip(claims, decisions)):
        if d.verdict != "unverified":
            continue
        if not d.checkworthy and c.sentence_start in anchors:
            out[i] = redecide(c, frozenset(anchors[c.sentence_start]))
        elif c.kind == "date" and c.start in lent:
            out[i] = redecide(c, frozenset(lent[c.start]))
    return out


def stated_lent(claims: Sequence[Claim], decisions: list[Decision], redecide: Callable[[Claim], Decision],
                noun_dated: Callable[[TimeSpan], bool] = lambda t: False) -> list[Decision]:
    """A confirmed count whose time is borrowed from a date claim of its sentence that stays
    unverified (its own frame names another act: "Nach Obamas Ausweisungen setzte Putin 2018
    durch, dass … 755 Stellen …") is decided again with that time as its own: the count's
    statement is identified, and a slip of its stated date (a year off, another day) is reported
    there, against the same fact. A date that dates a noun (``noun_dated``: "ein Jahr nach den
    Ausweisungen von Ende 2016") is no time of the count's own."""
    lent = {c.start for c, d in zip(claims, decisions) if c.kind == "date" and d.verdict == "unverified"}
    out = list(decisions)
    for i, (c, d) in enumerate(zip(claims, decisions)):
        t = c.time
        if _borrows_confirmed(c, d) and t is not None and t.start in lent and not noun_dated(t):
            own = c.model_copy(update={"time": t.model_copy(update={"inherited": False})})
            redo = redecide(own)
            p = redo.best
            if (redo.verdict == "mismatch" and redo.fields == ["date"] and p is not None and p.slip
                    and not p.implicit_date and d.best is not None and p.fact.id == d.best.fact.id):
                out[i] = redo
    return out


def _borrows_confirmed(c: Claim, d: Decision) -> bool:
    """A check-worthy count confirmed by a fact whose time is borrowed from another claim of its
    own sentence (marked inherited there, not the previous sentence's)."""
    t = c.time
    return (c.kind == "count" and d.verdict == "supported" and d.best is not None and d.checkworthy
            and t is not None and t.inherited and t.start >= c.sentence_start)


def _lent_times(claims: Sequence[Claim], decisions: list[Decision]) -> dict[int, set[tuple[str, int]]]:
    """The source sentences of the facts that confirm a count which borrows its time from a
    date claim of its sentence, by that date's start ("Ende 2015, als … 35 Diplomaten auswies":
    the 35 is confirmed, the year is its statement's time, to be checked against that fact)."""
    out: dict[int, set[tuple[str, int]]] = {}
    for c, d in zip(claims, decisions):
        if _borrows_confirmed(c, d) and c.time is not None and d.best is not None:
            prov = d.best.fact.provenance
            out.setdefault(c.time.start, set()).add((prov.source, prov.sentence_start))
    return out


def one_accused(claims: Sequence[Claim], decisions: list[Decision],
                redecide: Callable[[Claim, frozenset[str]], Decision]) -> list[Decision]:
    """Two claims of one sentence called wrong against the same fact ("nach 2018 … 2022 und
    2024" for "2022 und 2023"): the fact is the expected value of the likelier one (a slip
    first, then identity); the other is decided again without it and keeps a mismatch only
    where that is a slip of another fact."""
    accused: dict[tuple[int, str, str], list[int]] = {}
    for i, (c, d) in enumerate(zip(claims, decisions)):
        if d.verdict == "mismatch" and d.best is not None and d.fields:
            accused.setdefault((c.sentence_start, d.best.fact.id, d.fields[0]), []).append(i)
    out = list(decisions)
    for (_, fact_id, _), held in accused.items():
        if len(held) < 2:
            continue
        keep = max(held, key=lambda i: (decisions[i].best.slip, decisions[i].best.identity))  # type: ignore[union-attr]
        for i in held:
            if i != keep:
                redo = redecide(claims[i], frozenset({fact_id}))
                slip = redo.verdict == "mismatch" and redo.best is not None and redo.best.slip
                out[i] = redo if redo.verdict != "mismatch" or slip else _taken(decisions[i], fact_id)
    return out
