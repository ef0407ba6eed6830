"""Claim assembly: lexicon mentions (``mentions``), attachment of numbers to nouns, events and
subjects (``attach``), and the claims of each clause (``assemble``). Closed-class words:
``lang/de/words.yaml``."""
from claimcheck.nlp.claims.assemble import MentionTable, build_claims, claim_sentences

__all__ = ["MentionTable", "build_claims", "claim_sentences"]
