"""Time expressions -> ``TimeSpan``: the lexicon and its regex grammar (``lexicon``), a fast
candidate scan (``scan``), the rules for absolute (``rules``) and relative (``relative``)
expressions, interval arithmetic (``intervals``), the tense of weekdays and months without year
(``tense``), and the finder that runs them (``find``). Words and patterns: ``lang/de/dates.yaml``,
``lang/de/tense.yaml``."""
from claimcheck.lang.timelabel import time_label
from claimcheck.nlp.dates.find import find_time_expressions

__all__ = ["find_time_expressions", "time_label"]
