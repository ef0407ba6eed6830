"""Loading the German pipeline: a trained spaCy pipeline when installed or named, else blank."""
from __future__ import annotations

from typing import Any, Optional, cast

import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language

from claimcheck.errors import ClaimcheckError
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
    nlp.add_pipe("sentencizer")
    nlp.initialize()
    return nlp


# Lexeme attributes the blank pipeline computes for each new word: the sentencizer reads
# IS_PUNCT, claimcheck IS_SPACE; nothing reads the other twenty (shape, like_url, is_stop,
# norm, prefix, ...), which took half of the tokenizer's time on text with few repeated words.
# A trained pipeline keeps them all (its models use them as features).
LEXEME_ATTRS = (IS_PUNCT, IS_SPACE)


def _lean_lexemes(nlp: Language) -> None:
    vocab = cast(Any, nlp.vocab)  # lex_attr_getters is missing from spaCy's type stubs
    vocab.lex_attr_getters = {k: v for k, v in vocab.lex_attr_getters.items() if k in LEXEME_ATTRS}


def _trained(name: str) -> Language:
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except (OSError, ImportError, ValueError) as exc:
        raise ClaimcheckError("E040", name=name, reason=str(exc).splitlines()[0]) from exc
    if not any(p in nlp.pipe_names for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    return nlp

