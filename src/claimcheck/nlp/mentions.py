"""Pure lexicon matching over tokens: event triggers, actors, nationality markers, persons, places."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.tokens import Tok

Kind = Literal["event", "actor", "nat", "person", "place"]

ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"}
AGENT_PREPS = {"von", "vom", "durch"}
FROM_PREPS = {"aus"}
PLACE_PREPS = {"in", "im", "nach"}
OTHER_PREPS = {"auf", "gegen", "mit", "für", "über", "zwischen", "an", "am", "bei", "beim", "zu", "zur",
               "zum", "unter", "gegenüber", "wegen", "trotz", "seit", "vor", "nach", "um", "ohne"}


@dataclass(frozen=True)
class Mention:
    kind: Kind
    value: str
    first: int  # first token index
    last: int  # last token index (inclusive)
    start: int  # char offsets
    end: int
    role: str = ""  # agent | from | in | prep | ""


def find_mentions(toks: Sequence[Tok], lex: Lexicon) -> list[Mention]:
    """All lexicon mentions in one sentence's tokens, in text order."""
    found: list[Mention] = []
    found += _events(toks, lex)
    found += _names(toks, lex)
    found += _nationality(toks, lex, {m.first for m in found if m.kind in ("actor", "person")})
    return sorted(found, key=lambda m: (m.first, m.kind))


def _events(toks: Sequence[Tok], lex: Lexicon) -> list[Mention]:
    out = []
    separable = lex.separable
    for k, t in enumerate(toks):
        ev = lex.verb_events.get(t.lemma) or lex.verb_events.get(t.lower) or _noun_event(t, lex)
        if ev is None and t.lemma in separable:
            ev = _split_particle(toks, k, separable[t.lemma])
        if ev:
            out.append(Mention("event", ev, t.i, t.i, t.start, t.end))
    out += _phrases(toks, lex)
    return out


def _noun_event(t: Tok, lex: Lexicon) -> str | None:
    if not t.capitalised:
        return None
    low = t.lemma.lower()
    if low in lex.noun_events:
        return lex.noun_events[low]
    for noun, ev in lex.noun_events.items():  # compounds: "Diplomatenausweisung"
        if len(noun) >= 6 and low.endswith(noun):
            return ev
    return None


def _split_particle(toks: Sequence[Tok], k: int, options: list[tuple[str, str]]) -> str | None:
    """"wiesen ... aus": the particle closes the clause after the finite verb."""
    for j in range(k + 1, min(len(toks), k + 25)):
        t = toks[j]
        if t.text in {",", ";", ":"} and j > k + 1:
            nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
            if nxt not in {"und", "sowie", "oder"}:
                break
        for particle, ev in options:
            if t.lower == particle and (j + 1 == len(toks) or toks[j + 1].is_punct
                                        or toks[j + 1].lower in {"und", "oder", "sowie"}):
                return ev
    return None


def _phrases(toks: Sequence[Tok], lex: Lexicon) -> list[Mention]:
    out = []
    lowers = [t.lower for t in toks]
    for entry in lex.events.events:
        for phrase in entry.phrases:
            words = phrase.lower().split()
            hit = _in_order(lowers, words, window=8)
            if hit is not None:
                a, b = hit
                out.append(Mention("event", entry.id, toks[a].i, toks[b].i, toks[a].start, toks[b].end))
    return out


def _in_order(lowers: list[str], words: list[str], window: int) -> tuple[int, int] | None:
    for a, w in enumerate(lowers):
        if w != words[0]:
            continue
        pos, ok = a, True
        for word in words[1:]:
            nxt = next((j for j in range(pos + 1, min(len(lowers), a + window)) if lowers[j] == word), None)
            if nxt is None:
                ok = False
                break
            pos = nxt
        if ok:
            return a, pos
    return None


def _names(toks: Sequence[Tok], lex: Lexicon) -> list[Mention]:
    """Longest-match of actor aliases, person aliases and place names (genitive -s tolerated)."""
    table = lex.name_table
    longest = max(len(k) for k in table)
    out, k = [], 0
    while k < len(toks):
        hit = _longest_at(toks, k, table, longest)
        if hit is None:
            k += 1
            continue
        n, (kind, value) = hit
        out.append(Mention(kind, value, toks[k].i, toks[k + n - 1].i, toks[k].start,
                           toks[k + n - 1].end, _role(toks, k)))
        k += n
    return out


def _longest_at(toks, k, table, longest):
    for n in range(min(longest, len(toks) - k), 0, -1):
        words = tuple(t.text for t in toks[k:k + n])
        if words in table:
            return n, table[words]
        if words[-1].endswith("s") and words[:-1] + (words[-1][:-1],) in table:
            return n, table[words[:-1] + (words[-1][:-1],)]
    return None


def _role(toks: Sequence[Tok], k: int) -> str:
    j = k - 1
    while j >= 0 and toks[j].lower in ARTICLES:
        j -= 1
    prev = toks[j].lower if j >= 0 else ""
    if prev in AGENT_PREPS:
        return "agent"
    if prev in FROM_PREPS:
        return "from"
    if prev in PLACE_PREPS:
        return "in"
    if prev in OTHER_PREPS:
        return "prep"
    return ""


def _nationality(toks: Sequence[Tok], lex: Lexicon, taken: set[int]) -> list[Mention]:
    """"russische Diplomaten", "Moskauer Diplomaten", "US-Vertretungen" mark the affected state."""
    out = []
    for t in toks:
        if t.i in taken:
            continue
        actor = _nationality_of(t, lex)
        if actor:
            out.append(Mention("nat", actor, t.i, t.i, t.start, t.end))
    return out


def _nationality_of(t: Tok, lex: Lexicon) -> str | None:
    low = t.lower
    for actor in lex.actors.actors:
        if any(low.startswith(adj) for adj in actor.adjectives):
            return actor.id
        if "-" in t.text and t.text.split("-", 1)[0] in actor.prefixes and t.text.split("-", 1)[1][:1].isupper():
            return actor.id
    return None
