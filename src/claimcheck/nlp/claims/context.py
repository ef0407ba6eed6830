"""The clause context of claim assembly: a sentence cut into segments (clauses, roughly: at
commas, semicolons and coordinating conjunctions) with its tokens and lexicon mentions."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional, Sequence

from claimcheck.nlp.claims.mentions import Mention
from claimcheck.nlp.lexicon import Lexicon
from claimcheck.nlp.tokens import Tok, TokenView


@dataclass
class Segment:
    first: int  # token index range [first, last]
    last: int
    after_comma: bool = False  # split from the previous segment by a comma (not a conjunction)

    def covers(self, tok_i: int) -> bool:
        return self.first <= tok_i <= self.last


@dataclass
class Ctx:
    view: TokenView
    toks: Sequence[Tok]
    mentions: list[Mention]
    segments: list[Segment]
    lex: Lexicon

    def __post_init__(self) -> None:
        """Token starts and a token -> segment map, so ``segment_of`` is a bisect, not a scan."""
        self.tok_starts = [t.start for t in self.toks]
        base = self.toks[0].i
        self.tok_segs: list[Optional[Segment]] = [None] * len(self.toks)
        for seg in reversed(self.segments):  # the first segment covering a token wins
            for i in range(max(seg.first, base), min(seg.last, base + len(self.toks) - 1) + 1):
                self.tok_segs[i - base] = seg



def split_segments(toks: Sequence[Tok], qs, ts, splitters: frozenset[str]) -> list[Segment]:
    protected = [(x.start, x.end) for x in [*qs, *ts]]
    segs, first, comma = [], toks[0].i, False
    for t in toks:
        if t.lower in splitters and t.i > first and not any(a <= t.start < b for a, b in protected):
            segs.append(Segment(first, t.i - 1, comma))
            first, comma = t.i + 1, t.text == ","
    segs.append(Segment(first, max(first, toks[-1].i), comma))
    return segs


def segment_of(ctx: Ctx, char: int) -> Segment:
    k = bisect_right(ctx.tok_starts, char) - 1
    k = k if k >= 0 and char < ctx.toks[k].end else 0
    return ctx.tok_segs[k] or ctx.segments[-1]


def in_segment(ctx: Ctx, kind: str, seg: Segment) -> list[Mention]:
    return [m for m in ctx.mentions if m.kind == kind and seg.covers(m.first)]
