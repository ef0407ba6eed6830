"""spaCy components of claimcheck (registered via ``[project.entry-points.spacy_factories]``).

- ``claimcheck_mentions``: lexicon matches (events, actors, nationality markers, persons, places)
  as ``doc.spans["claimcheck_mentions"]`` with the canonical id as ``kb_id_``.
- ``claimcheck_claims``: numeric and dated claims as ``doc._.claims`` (list of ``Claim``) and as
  ``doc.spans["claimcheck_claims"]``.

Both load their lexicons at ``initialize`` (bundled ones by default, or ``lexicon_dir``) and save
them with ``to_disk`` so a saved pipeline carries its lexicons.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimcheck.document import header_date
from claimcheck.nlp.extract import extract_with_noise
from claimcheck.nlp.lemmas import load_lemmas
from claimcheck.nlp.lexicon import FILES, Lexicon, load_lexicon, load_lexicon_dir
from claimcheck.nlp.mentions import find_mentions
from claimcheck.nlp.tokens import from_doc
from claimcheck.resources import resource_path

for _name, _default in (("claims", None), ("document_date", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class _LexiconComponent:
    def __init__(self, nlp: Language, name: str, lang: str) -> None:
        self.nlp = nlp
        self.name = name
        self.lang = lang
        self.lexicon_dir: Optional[Path] = None
        self._lexicon: Optional[Lexicon] = None
        self._lemmas = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(self.lang)
        return self._lexicon

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

    def initialize(self, get_examples=None, *, nlp=None, lexicon_dir: Optional[str] = None) -> None:
        self.lexicon_dir = Path(lexicon_dir) if lexicon_dir else None
        self._lexicon = load_lexicon_dir(lexicon_dir) if lexicon_dir else load_lexicon(self.lang)
        self.lemma_table  # noqa: B018  (load now, not on the first document)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = self.lexicon_dir or resource_path("", self.lang)
        for name, _model in FILES.values():
            shutil.copyfile(Path(source) / name, path / name)

    def from_disk(self, path, *, exclude=tuple()):
        self.lexicon_dir = Path(path)
        self._lexicon = load_lexicon_dir(path)
        return self


class MentionsComponent(_LexiconComponent):
    def __call__(self, doc: Doc) -> Doc:
        view = from_doc(doc, self.lemma_table, _text_of(doc))
        spans = []
        for sent in view.sents:
            for m in find_mentions(view.sent_toks(sent), self.lexicon):
                spans.append(Span(doc, m.first, m.last + 1, label=m.kind.upper(), kb_id=m.value))
        doc.spans["claimcheck_mentions"] = spans
        return doc


class ClaimsComponent(_LexiconComponent):
    """``noise``: keep names, references and page furniture out of the claims (``nlp/noise.py``);
    the spans kept out are ``doc.spans["claimcheck_noise"]``."""

    def __init__(self, nlp: Language, name: str, lang: str, noise: bool = True) -> None:
        super().__init__(nlp, name, lang)
        self.noise = noise

    def __call__(self, doc: Doc) -> Doc:
        text = _text_of(doc)
        found, header_end = header_date(text)
        doc_date = doc._.document_date or (found.value if found else None)
        view = from_doc(doc, self.lemma_table, text)
        claims, noise = extract_with_noise(view, doc_date, self.lexicon, header_end, self.noise)
        doc._.claims = claims
        doc.spans["claimcheck_claims"] = _spans(doc, [(c.start, c.end, c.kind) for c in claims])
        doc.spans["claimcheck_noise"] = _spans(doc, [(n.start, n.end, n.kind) for n in noise])
        return doc


def _spans(doc: Doc, found: list[tuple[int, int, str]]) -> list[Span]:
    spans = [doc.char_span(s, e, label=label, alignment_mode="expand") for s, e, label in found]
    return [s for s in spans if s is not None]


def _text_of(doc: Doc) -> str:
    """The Doc's text: the string the Checker tokenized if it left it in ``user_data`` (building
    ``doc.text`` joins every token, a tenth of the extraction time), else ``doc.text``."""
    text = doc.user_data.get("claimcheck_text")
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if isinstance(text, str) and len(text) == end:
        return text
    return doc.text


@Language.factory("claimcheck_mentions", default_config={"lang": "de"})
def make_mentions(nlp: Language, name: str, lang: str) -> MentionsComponent:
    return MentionsComponent(nlp, name, lang)


@Language.factory("claimcheck_claims", default_config={"lang": "de", "noise": True})
def make_claims(nlp: Language, name: str, lang: str, noise: bool) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, lang, noise)
