"""Pure lexicon matching over tokens: event triggers, actors, nationality markers, persons, places."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Sequence

from claimcheck.nlp.claims.memo import UNSEEN, derived, nationality_memo, remember, word_memo
from claimcheck.nlp.closed import ClosedWords
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.tokens import Tok

Kind = Literal["event", "actor", "nat", "person", "place"]



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
    separable, exceptions, memo = lex.separable, lex.events.exceptions, derived(lex, word_memo)
    for k, t in enumerate(toks):
        ev = memo.get((t.lemma, t.text), UNSEEN)
        if ev is UNSEEN:
            ev = remember(memo, (t.lemma, t.text), _word_event(t, lex))
        if ev is None and t.lemma in separable:
            ev = _split_particle(toks, k, separable[t.lemma], lex.closed.conjunctions)
        if not ev:
            continue
        nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
        if nxt not in exceptions.get(t.lemma, ()):
            out.append(Mention("event", ev, t.i, t.i, t.start, t.end))
    phrases = _phrases(toks, lex)
    covered = {i for m in phrases for i in range(m.first, m.last + 1)}
    return [m for m in out if m.first not in covered] + phrases


def _word_event(t: Tok, lex: Lexicon) -> str | None:
    """The event a token names by itself: a verb lemma or form, or an event noun."""
    verbs = lex.verb_events
    return verbs.get(t.lemma) or verbs.get(t.lower) or (_noun_event(t, lex) if t.text[:1].isupper() else None)


def _noun_event(t: Tok, lex: Lexicon) -> str | None:
    if not t.capitalised:
        return None
    low = t.lemma.lower()
    if low in lex.noun_events:
        return lex.noun_events[low]
    m = lex.noun_event_suffix.search(t.lower)  # compounds: "Diplomatenausweisung"
    if m and m.start() > 2:
        return lex.noun_events[m.group(0)]
    return None


def _split_particle(toks: Sequence[Tok], k: int, options: list[tuple[str, str]],
                    conjunctions: frozenset[str]) -> str | None:
    """"wiesen ... aus": the particle closes the clause after the finite verb."""
    for j in range(k + 1, min(len(toks), k + 25)):
        t = toks[j]
        if t.text in {",", ";", ":"} and j > k + 1:
            nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
            if nxt not in conjunctions:
                break
        for particle, ev in options:
            if t.lower == particle and (j + 1 == len(toks) or toks[j + 1].is_punct
                                        or toks[j + 1].lower in conjunctions):
                return ev
    return None


def _phrases(toks: Sequence[Tok], lex: Lexicon) -> list[Mention]:
    out = []
    lowers = [t.lower for t in toks]
    present = set(lowers)
    for entry_id, words in _phrase_words(lex):
        if words[0] in present:
            hit = _in_order(lowers, words, window=8)
            if hit is not None:
                a, b = hit
                out.append(Mention("event", entry_id, toks[a].i, toks[b].i, toks[a].start, toks[b].end))
    return out


def _phrase_words(lex: Lexicon) -> list[tuple[str, list[str]]]:
    return derived(lex.events, _split_phrases)


def _split_phrases(events) -> list[tuple[str, list[str]]]:
    return [(e.id, p.lower().split()) for e in events.events for p in e.phrases]


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
    longest = derived(table, _longest_key)
    out: list[Mention] = []
    k = 0
    firsts = lex.name_first_words
    while k < len(toks):
        if toks[k].text not in firsts and toks[k].text[:-1] not in firsts:
            k += 1
            continue
        hit = _longest_at(toks, k, table, longest)
        if hit is None:
            k += 1
            continue
        n, (kind, value), genitive = hit
        role = "gen" if genitive else _role(toks, k, lex.closed, out[-1] if out else None)
        if role == "against" and _after_abstract(toks, k, lex):
            role = "prep"  # "des Kriegs gegen die Ukraine": the war's party, not the act's
        surface = " ".join(t.text for t in toks[k:k + n])
        if kind == "actor" and role == "in" and surface in lex.place_set:
            if _institution_before(toks, k, lex):
                role = ""  # "Die Regierung in Prag erklärte": the state acts
            else:
                kind, value = "place", surface  # "in Moskau": the city, not the state
        out.append(Mention(kind, value, toks[k].i, toks[k + n - 1].i, toks[k].start,
                           toks[k + n - 1].end, role))
        k += n
    return out


def _after_abstract(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """The preposition before the name at ``k`` depends on an abstract noun (``nouns.yaml``:
    ``abstract``; "wegen des Angriffskriegs gegen die Ukraine"): the name is that noun's."""
    j = k - 1
    while j >= 0 and toks[j].lower in lex.closed.articles:
        j -= 1
    if j < 1 or not toks[j - 1].capitalised:
        return False
    noun = toks[j - 1]
    forms = [noun.lemma, noun.text] + [noun.text[:-len(e)] for e in lex.closed.noun_genitive_endings
                                       if noun.text.endswith(e)]  # genitive "Kriegs", "Krieges"
    return any(_abstract(f, lex) for f in forms)


def _longest_key(table) -> int:
    return max(len(k) for k in table)


def _institution_before(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """"Die Regierung in Prag" (a subject), not "ins Außenministerium in Moskau"."""
    w = lex.closed
    return (k >= 2 and toks[k - 1].lower in w.institution_preps and toks[k - 2].text in lex.institution_set
            and (k == 2 or toks[k - 3].lower in w.institution_articles))


def _longest_at(toks, k, table, longest):
    """The longest name at ``k``: (tokens, (kind, value), genitive). A name found only without
    its genitive "s" ("Russlands", "Moskaus") owns a noun ("Anwesen Russlands", "Moskaus
    Botschaft"): a possessor, never the actor of the clause."""
    for n in range(min(longest, len(toks) - k), 0, -1):
        words = tuple(t.text for t in toks[k:k + n])
        if words in table:
            return n, table[words], False
        if words[-1].endswith("s") and words[:-1] + (words[-1][:-1],) in table:
            return n, table[words[:-1] + (words[-1][:-1],)], True
    return None


def _role(toks: Sequence[Tok], k: int, w: ClosedWords, last: "Mention | None" = None) -> str:
    """How a name is used: agent (von/durch), from (aus), in (in/nach), against (gegen),
    prep (other prepositions), gen (genitive attribute "der Geschichte der USA"), or ""."""
    j = k - 1
    while j >= 0 and toks[j].lower in w.articles:
        j -= 1
    prev = toks[j].lower if j >= 0 else ""
    if prev in w.conjunctions and last is not None and last.last == toks[j].i - 1:
        return last.role  # "zwischen Washington und Moskau": both in the prepositional phrase
    if j < k - 1 and toks[k - 1].lower in w.genitive_articles and j >= 0 and toks[j].capitalised \
            and not toks[j].is_punct and j > 0:
        return "gen"
    if prev in w.against_preps:
        return "against"
    if prev in w.agent_preps:
        return "agent"
    if prev in w.from_preps:
        return "from"
    if prev in w.place_preps:
        return "in"
    if prev in w.other_preps:
        return "prep"
    return ""


def _nationality(toks: Sequence[Tok], lex: Lexicon, taken: set[int]) -> list[Mention]:
    """"russische Diplomaten", "Moskauer Diplomaten", "US-Vertretungen" mark the affected state;
    with an institution ("die russische Polizei", "das US-Außenministerium") they name an actor."""
    out = []
    memo = derived(lex, nationality_memo)
    for k, t in enumerate(toks):
        if t.i in taken:
            continue
        actor = memo.get(t.text, UNSEEN)
        if actor is UNSEEN:
            actor = remember(memo, t.text, _nationality_of(t, lex))
        if not actor:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        own = t.text.split("-", 1)[1] if "-" in t.text else ""
        if own in lex.institution_set or (nxt is not None and nxt.text in lex.institution_set
                                         and (not t.capitalised or _is_place_adjective(t, lex))):
            last = t if own or nxt is None else nxt
            out.append(Mention("actor", actor, t.i, last.i, t.start, last.end, _role(toks, k, lex.closed)))
        else:
            noun = own or (nxt.lemma if nxt is not None and nxt.capitalised else "")
            role = "" if _not_affected(noun, lex) else "affects"
            out.append(Mention("nat", actor, t.i, t.i, t.start, t.end, role))
    return out


def place_adjective(t: Tok, name_words: frozenset[str], suffix: str) -> bool:
    """"Moskauer", "Berliner": a capitalised adjective made from a place name."""
    return t.text.endswith(suffix) and t.text[:-len(suffix)] in name_words


def _is_place_adjective(t: Tok, lex: Lexicon) -> bool:
    """An adjective made from a place name is capitalised, and with an institution it names an
    actor ("das Moskauer Außenministerium"), unlike a capitalised national adjective, which
    starts a name ("Deutscher Wetterdienst")."""
    return place_adjective(t, lex.name_words, lex.closed.place_adjective_suffix)


def _not_affected(noun: str, lex: Lexicon) -> bool:
    """"russischer Haft", "den russischen Militärgeheimdienst": no affected party."""
    return _abstract(noun, lex) or any(noun.endswith(inst) for inst in lex.institution_set)


def _abstract(noun: str, lex: Lexicon) -> bool:
    """A noun of the ``abstract`` class (``nouns.yaml``): "Haft", "Krieg"."""
    return lex.noun_class.get(lex.noun_lemma(noun)) == "abstract"


def _nationality_of(t: Tok, lex: Lexicon) -> str | None:
    # Capitalised national adjectives mid-sentence are parts of names ("Deutscher Wetterdienst");
    # place adjectives in -er are always capitalised ("Moskauer").
    suffix = lex.closed.place_adjective_suffix
    if not t.capitalised or _is_place_adjective(t, lex):
        m = lex.adjective_pattern.match(t.lower)
        if m:
            return lex.adjective_actor[m.group(0)]
        named = lex.name_table.get((t.text[:-len(suffix)],)) if t.capitalised else None
        if named is not None and named[0] == "actor":
            return named[1]  # "Berliner", "Washingtoner": the adjective of an actor's capital
    head, dash, rest = t.text.partition("-")
    if dash and rest[:1].isupper():
        return lex.prefix_actor.get(head)
    return None
