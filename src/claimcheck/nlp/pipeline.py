"""Loading the German pipeline: a trained spaCy pipeline when installed or named, else blank."""
from __future__ import annotations

from typing import Any, Optional, cast

import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer

from claimcheck.errors import ClaimcheckError
from claimcheck.nlp.regex import ascii_guarded, behind_lookahead, near_end
from claimcheck.nlp import factories  # noqa: F401  (registers the claimcheck_ factories)

TRAINED = ("de_core_news_lg", "de_core_news_md", "de_core_news_sm", "de_dep_news_trf")
BLANK = "blank"
# claimcheck's components in pipeline order (each reads what the earlier ones wrote to the Doc)
STAGES = ("claimcheck_noise", "claimcheck_dates", "claimcheck_numbers", "claimcheck_mentions", "claimcheck_claims")


def installed_trained() -> Optional[str]:
    """The best trained German pipeline installed, if any."""
    return next((name for name in TRAINED if spacy.util.is_package(name)), None)


def load_pipeline(model: Optional[str] = None) -> Language:
    """``model``: a package name or path, ``"blank"``, or None to auto-detect."""
    name = model or installed_trained() or BLANK
    nlp = _blank() if name == BLANK else _trained(name)
    for stage in STAGES:
        nlp.add_pipe(stage, last=True)
        cast(Any, nlp.get_pipe(stage)).initialize(nlp=nlp)
    return nlp


def _blank() -> Language:
    """Tokenizer and sentencizer. Lemmas come from spaCy's German lookup table
    (spacy-lookups-data), applied by claimcheck_claims only to the few sentences that hold a
    number or a date, instead of a lemmatizer pass over every token."""
    nlp = spacy.blank("de")
    _lean_lexemes(nlp)
    nlp.meta[FAST_AFFIXES] = False  # guarded by ``speed_up`` once a Checker has read enough text
    nlp.add_pipe("sentencizer")
    nlp.get_pipe("sentencizer").__class__ = ArraySentencizer
    nlp.initialize()
    return nlp


class ArraySentencizer(Sentencizer):
    """spaCy's sentencizer with the same rule read from one token array (orth hash, is_punct)
    instead of a Token object and a text string per token (a tenth of the pipeline's time).
    It stays the pipeline's "sentencizer" (same config, same serialisation)."""

    _hashes: tuple[frozenset, frozenset] = (frozenset(), frozenset())

    def predict(self, docs):
        return [self._starts(doc) for doc in docs]

    def _starts(self, doc) -> list[bool]:
        guesses = [False] * len(doc)
        if not guesses:
            return guesses
        chars = frozenset(self.punct_chars)
        if self._hashes[0] != chars:  # orth hashes of the punctuation, kept per set of characters
            self._hashes = (chars, frozenset(doc.vocab.strings[c] for c in chars))
        hashes, start, seen_period = self._hashes[1], 0, False
        guesses[0] = True
        for i, (orth, is_punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
            in_punct = orth in hashes
            if seen_period and not is_punct and not in_punct:
                guesses[start], start, seen_period = True, i, False
            elif in_punct:
                seen_period = True
        guesses[start] = True
        return guesses


# Lexeme attributes the blank pipeline computes for each new word: the sentencizer reads
# IS_PUNCT, claimcheck IS_SPACE; nothing reads the other twenty (shape, like_url, is_stop,
# norm, prefix, ...), which took half of the tokenizer's time on text with few repeated words.
# A trained pipeline keeps them all (its models use them as features).
LEXEME_ATTRS = (IS_PUNCT, IS_SPACE)


def _lean_lexemes(nlp: Language) -> None:
    vocab = cast(Any, nlp.vocab)  # lex_attr_getters is missing from spaCy's type stubs
    vocab.lex_attr_getters = {k: v for k, v in vocab.lex_attr_getters.items() if k in LEXEME_ATTRS}


FAST_AFFIXES = "claimcheck_fast_affixes"  # nlp.meta key: False until ``speed_up`` ran on a blank pipeline


def speed_up(nlp: Language) -> None:
    """The tokenizer's suffix and infix patterns behind guards that skip most start positions
    (``nlp/regex.py``), the URL pattern behind a test for its dot: the same matches, so the same
    tokens, in about half the time of the affix search (a third of the tokenizer's time). Building
    the guards costs about 0.25 s, so a Checker does it only once it has read enough text to win
    that back (``checker.FAST_AFTER_CHARS``), never for one draft from the command line. Saved
    pipelines store the patterns they have. Only for blank pipelines; a no-op after the first call."""
    if nlp.meta.get(FAST_AFFIXES) is not False:
        return
    nlp.meta[FAST_AFFIXES] = True
    tokenizer = cast(Any, nlp.tokenizer)
    if tokenizer.suffix_search is not None:
        tokenizer.suffix_search = ascii_guarded(near_end(tokenizer.suffix_search.__self__)).search
    if tokenizer.infix_finditer is not None:
        tokenizer.infix_finditer = ascii_guarded(tokenizer.infix_finditer.__self__).finditer
    if tokenizer.url_match is not None:  # every URL it accepts has a dot (IPv4 address or TLD)
        tokenizer.url_match = behind_lookahead(tokenizer.url_match.__self__, r"[^.]*\.").match


def _trained(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except (OSError, ImportError, ValueError) as exc:
        raise ClaimcheckError("E040", name=name, reason=str(exc).splitlines()[0]) from exc
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    return nlp

