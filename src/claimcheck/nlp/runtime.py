"""The working form of one language pack: its lexicon and its compiled number, date and noise
grammars, built once, plus the text of every file so that a pipeline can save the whole pack.

The components of ``factories.py`` hold one ``PackTools``; the bundled pack's is shared by all
(``bundled_tools``), a pack read from a saved pipeline or a folder has its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional, Union

import yaml

from claimcheck.lang import FILES, LanguagePack, pack, pack_dir, pack_from_texts, pack_texts
from claimcheck.nlp.dates.lexicon import Grammar, build_grammar, grammar
from claimcheck.nlp.lexicon import FILES as LEXICON_FILES
from claimcheck.nlp.lexicon import Lexicon, load_lexicon
from claimcheck.nlp.noise import _Compiled, _compiled, compile_noise
from claimcheck.nlp.numbers.lexicon import NumbersLexicon, numbers_lexicon


@dataclass(eq=False)
class PackTools:
    pack: LanguagePack
    texts: Optional[dict[str, str]] = None  # file name -> YAML text; None: the bundled files
    lang: str = "de"
    lexicon_override: Optional[Lexicon] = field(default=None, repr=False)

    @cached_property
    def lexicon(self) -> Lexicon:
        p = self.pack
        return Lexicon(events=p.events, actors=p.actors, places=p.places, nouns=p.nouns, words=p.words)

    @cached_property
    def numbers(self) -> NumbersLexicon:
        return NumbersLexicon(self.pack.numbers)

    @cached_property
    def dates(self) -> Grammar:
        return build_grammar(self.pack.dates, self.pack.tense)

    @cached_property
    def noise(self) -> _Compiled:
        return compile_noise(self.pack.noise)

    def file_texts(self) -> dict[str, str]:
        """File name -> YAML text of the whole pack (a lexicon set by hand replaces its files)."""
        texts = dict(self.texts) if self.texts is not None else pack_texts(pack_dir(self.lang))
        lex = self.lexicon_override
        if lex is not None:
            for key, (name, _model) in LEXICON_FILES.items():
                data = getattr(lex, key).model_dump(mode="json")
                texts[name] = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        return texts


@lru_cache(maxsize=4)
def bundled_tools(lang: str = "de") -> PackTools:
    """The bundled pack, sharing the process-wide tables the pure finders use by default."""
    tools = PackTools(pack(lang), lang=lang)
    tools.__dict__.update(lexicon=load_lexicon(lang), numbers=numbers_lexicon(lang), noise=_compiled(lang))
    if lang == "de":
        tools.__dict__["dates"] = grammar()
    return tools


def tools_from_texts(texts: dict[str, str], lang: str = "de", where: str = "<bytes>") -> PackTools:
    """A pack from file texts; files that are missing are the bundled ones (an older saved
    pipeline holds only the four lexicon files)."""
    missing = [name for name, _ in FILES.values() if name not in texts]
    full = {**(pack_texts(pack_dir(lang)) if missing else {}), **texts}
    return PackTools(pack_from_texts(full, where), texts=full, lang=lang)


def tools_from_dir(directory: Union[str, Path], lang: str = "de") -> PackTools:
    """The pack saved in (or written to) ``directory``."""
    directory = Path(directory)
    texts = {name: (directory / name).read_text(encoding="utf-8")
             for name, _ in FILES.values() if (directory / name).is_file()}
    return tools_from_texts(texts, lang, str(directory))


def save_texts(directory: Union[str, Path], texts: dict[str, str]) -> None:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8")


def with_lexicon(tools: PackTools, lex: Lexicon) -> PackTools:
    """``tools`` with ``lex`` as its lexicon (the grammars are shared, not rebuilt)."""
    new = PackTools(tools.pack, tools.texts, tools.lang, lex)
    new.__dict__.update({k: v for k, v in tools.__dict__.items() if k in ("numbers", "dates", "noise")})
    new.__dict__["lexicon"] = lex
    return new
