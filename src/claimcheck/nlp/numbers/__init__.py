"""Number expressions -> ``Quantity``: the token layer and lexicon (``lexicon``), the parser
(``parse``: digits, number words, scales, hedges, ranges, vague amounts) and ordinals
(``ordinals``). Word lists: ``lang/de/numbers.yaml``."""
from claimcheck.nlp.numbers.ordinals import UNIT as ORDINAL
from claimcheck.nlp.numbers.ordinals import find_ordinals
from claimcheck.nlp.numbers.parse import find_quantities

__all__ = ["ORDINAL", "find_ordinals", "find_quantities"]
