"""spaCy components of claimcheck (registered via ``[project.entry-points.spacy_factories]``),
one per stage of ``stages.py``: ``claimcheck_noise``, ``claimcheck_dates``, ``claimcheck_numbers``,
``claimcheck_mentions``, ``claimcheck_claims``. Each reads what the earlier ones wrote to the Doc
(and runs a missing earlier stage itself, so ``claimcheck_claims`` alone does everything).

Each holds the language pack it works with (the bundled one, or ``initialize(pack_dir=...)``)
and saves the whole pack with ``to_disk``/``to_bytes``, so ``spacy.load`` of a saved pipeline
works in a fresh process and uses the saved data.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.nlp import stages
from claimcheck.nlp.claims.assemble import HEADING_CHARS
from claimcheck.nlp.lemmas import load_lemmas
from claimcheck.nlp.lexicon import Lexicon, load_lexicon_dir
from claimcheck.nlp.noise import WINDOW
from claimcheck.nlp.tokens import MAX_SENTENCE_TOKENS
from claimcheck.nlp.runtime import PackTools, bundled_tools, save_texts, tools_from_dir, tools_from_texts, with_lexicon


class _PackComponent:
    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.nlp, self.name, self.lang = nlp, name, lang
        self._tools: Optional[PackTools] = None  # the bundled pack unless initialised or loaded
        self._lemmas = None

    @property
    def tools(self) -> PackTools:
        if self._tools is None:
            self._tools = bundled_tools(self.lang)
        return self._tools

    @tools.setter
    def tools(self, tools: PackTools) -> None:
        self._tools = tools

    @property
    def lexicon(self) -> Lexicon:
        return self.tools.lexicon

    @lexicon.setter
    def lexicon(self, lex: Lexicon) -> None:
        """Extract with ``lex`` (it is saved with the pipeline, in place of the pack's lexicon)."""
        self.tools = with_lexicon(self.tools, lex)

    @property
    def lemma_table(self):
        """Lookup lemmas for tokens the pipeline left without one and for parts of hyphenated
        words: the pipeline's lookup lemmatizer table if it has one, else claimcheck's compact
        copy of spaCy's German lookup table (see ``nlp/lemmas.py``)."""
        if self._lemmas is None:
            lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.pipe_names else None
            lookups = getattr(lemmatizer, "lookups", None)
            if lookups is not None and lookups.has_table("lemma_lookup"):
                self._lemmas = lookups.get_table("lemma_lookup")
            else:
                self._lemmas = load_lemmas(self.lang)
        return self._lemmas

    def initialize(self, get_examples=None, *, nlp=None, pack_dir: Optional[str] = None,
                   lexicon_dir: Optional[str] = None) -> None:
        """``pack_dir``: a folder with the files of a language pack (missing files: the bundled
        ones); ``lexicon_dir``: a folder with only the lexicon files (events, actors, places,
        nouns, words)."""
        self.tools = tools_from_dir(pack_dir, self.lang) if pack_dir else bundled_tools(self.lang)
        if lexicon_dir:
            self.lexicon = load_lexicon_dir(lexicon_dir)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        save_texts(path, self.tools.file_texts())

    def from_disk(self, path, *, exclude=tuple()):
        self.tools = tools_from_dir(Path(path), self.lang)
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"files": self.tools.file_texts()})

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.tools = tools_from_texts(srsly.msgpack_loads(data)["files"], self.lang)
        return self


class NoiseComponent(_PackComponent):
    """``enabled``: keep names, references and page furniture out of the claims (``nlp/noise.py``);
    ``window``: characters around a digit the patterns look at."""

    def __init__(self, nlp: Language, name: str, lang: str, enabled: bool = True, window: int = WINDOW) -> None:
        super().__init__(nlp, name, lang)
        self.enabled, self.window = enabled, window

    def __call__(self, doc: Doc) -> Doc:
        stages.run_noise(doc, self.tools, self.enabled, self.window)
        return doc


class DatesComponent(_PackComponent):
    def __call__(self, doc: Doc) -> Doc:
        stages.run_dates(doc, self.tools)
        return doc


class NumbersComponent(_PackComponent):
    def __call__(self, doc: Doc) -> Doc:
        stages.run_numbers(doc, self.tools)
        return doc


class MentionsComponent(_PackComponent):
    """``every_sentence``: mentions of every sentence, not only of those with a number or a date;
    ``max_sentence_tokens``: longest sentence piece (a run-on sentence is cut)."""

    def __init__(self, nlp: Language, name: str, lang: str, every_sentence: bool = False,
                 max_sentence_tokens: int = MAX_SENTENCE_TOKENS) -> None:
        super().__init__(nlp, name, lang)
        self.every_sentence, self.max_sentence_tokens = every_sentence, max_sentence_tokens

    def __call__(self, doc: Doc) -> Doc:
        view = stages.token_view(doc, self.lemma_table, self.max_sentence_tokens)
        stages.run_mentions(doc, view, self.lexicon, self.every_sentence)
        return doc


class ClaimsComponent(_PackComponent):
    """``noise``: whether the noise layer runs when no ``claimcheck_noise`` component did; setting
    it later switches the pipeline's ``claimcheck_noise`` components too."""

    def __init__(self, nlp: Language, name: str, lang: str, noise: bool = True,
                 heading_chars: int = HEADING_CHARS, max_sentence_tokens: int = MAX_SENTENCE_TOKENS) -> None:
        super().__init__(nlp, name, lang)
        self._noise = noise
        self.heading_chars, self.max_sentence_tokens = heading_chars, max_sentence_tokens

    @property
    def noise(self) -> bool:
        return self._noise

    @noise.setter
    def noise(self, on: bool) -> None:
        self._noise = on
        for _name, pipe in self.nlp.pipeline:
            if isinstance(pipe, NoiseComponent):
                pipe.enabled = on

    def __call__(self, doc: Doc) -> Doc:
        view = stages.token_view(doc, self.lemma_table, self.max_sentence_tokens)
        stages.run_claims(doc, view, self.tools, self.lexicon, self.noise, self.heading_chars)
        return doc


@Language.factory("claimcheck_noise", default_config={"lang": "de", "enabled": True, "window": WINDOW})
def make_noise(nlp: Language, name: str, lang: str, enabled: bool, window: int) -> NoiseComponent:
    return NoiseComponent(nlp, name, lang, enabled, window)


@Language.factory("claimcheck_dates", default_config={"lang": "de"})
def make_dates(nlp: Language, name: str, lang: str) -> DatesComponent:
    return DatesComponent(nlp, name, lang)


@Language.factory("claimcheck_numbers", default_config={"lang": "de"})
def make_numbers(nlp: Language, name: str, lang: str) -> NumbersComponent:
    return NumbersComponent(nlp, name, lang)


@Language.factory("claimcheck_mentions", default_config={
    "lang": "de", "every_sentence": False, "max_sentence_tokens": MAX_SENTENCE_TOKENS})
def make_mentions(nlp: Language, name: str, lang: str, every_sentence: bool,
                  max_sentence_tokens: int) -> MentionsComponent:
    return MentionsComponent(nlp, name, lang, every_sentence, max_sentence_tokens)


@Language.factory("claimcheck_claims", default_config={
    "lang": "de", "noise": True, "heading_chars": HEADING_CHARS, "max_sentence_tokens": MAX_SENTENCE_TOKENS})
def make_claims(nlp: Language, name: str, lang: str, noise: bool, heading_chars: int,
                max_sentence_tokens: int) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, lang, noise, heading_chars, max_sentence_tokens)
