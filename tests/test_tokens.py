"""The token layer (``nlp/tokens.py``): records and sentence splitting read from the Doc arrays
give what the spaCy objects give."""
import random
import re

import pytest

from claimcheck.nlp.pipeline import load_pipeline
from claimcheck.nlp.sentences import _newline_runs
from claimcheck.nlp.tokens import Tok, from_doc


def test_newline_runs_are_the_matches_of_the_plain_pattern():
    plain = re.compile(r"\s*\n\s*")
    chars = [" ", "\n", "\t", "\r", "\u00a0", "\u2028", "\u3000", "a", "."]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
        assert _newline_runs(text) == [m.span() for m in plain.finditer(text)], repr(text)


def test_tok_is_an_immutable_record_with_its_lower_case():
    tok = Tok(3, "Haus", "Haus", 10, 14)
    assert (tok.lower, tok.capitalised, tok.is_punct, tok.head) == ("haus", True, False, -1)
    assert tok == Tok(3, "Haus", "Haus", 10, 14) and tok._replace(text="Boot").lower == "boot"
    with pytest.raises(AttributeError):
        tok.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize("text", [
    "Ende 2016 wiesen die USA 35 Diplomaten aus.\n\nAusgewiesen wurden US-Vertretern 3 Tage.",
    "  Heute:\n 3,5 Prozent –  „Moskau“ reagierte (am 30.\nJuni).\t Ende  ",
])
def test_records_from_the_doc_arrays_equal_those_from_spacy_tokens(text):
    nlp = load_pipeline("blank")
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    table = nlp.get_pipe("claimcheck_claims").lemma_table
    view = from_doc(doc, table, text)
    for sent in view.sents:
        assert doc[sent.start].idx == sent.char_start and doc[sent.end - 1].idx + len(doc[sent.end - 1]) == sent.char_end
    toks = view.toks[0:len(doc)]
    assert [(t.i, t.text, t.start, t.end) for t in toks] == [(t.i, t.text, t.idx, t.idx + len(t)) for t in doc]
    assert toks == [view.toks._make(t, t.i) for t in doc]  # the records read from spaCy Tokens
