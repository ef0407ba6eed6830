"""Word rarity for the context bags: wordfreq's Zipf frequencies in a compact, shareable form.

``wordfreq`` loads its whole list for a language (~85 MB of Python objects) to answer one
lookup, and a process keeps most of that memory even after the list is dropped. The aligner
needs only the words frequent enough to weigh less than the cap (Zipf >= ``ZIPF_TABLE_MIN``,
~170,000 German words): they are kept in the open-addressing string table of ``nlp/lemmas.py``
(word -> Zipf as text, ~5 MB), cached on disk next to the lemma cache. The cache is built by a
child process, so neither the caller nor a batch worker ever holds wordfreq's list; without a
writable cache the table is built in the process itself.
"""
from __future__ import annotations

import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from claimcheck.align import config as cfg
from claimcheck.nlp.lemmas import LemmaLookup, cache_dir, read_table, table_parts, write_table

FORMAT = 1


def cache_path(code: str) -> Path:
    from importlib.metadata import version as installed

    version = installed("wordfreq")
    return cache_dir() / f"{code}-zipf-{version}-min{cfg.ZIPF_TABLE_MIN:g}-v{FORMAT}.pickle"


def build(code: str) -> tuple[str, bytes, str, bytes, bytes]:
    """The table's parts: sorted words, their Zipf values (text), offsets, hash slots."""
    import wordfreq

    table: dict[str, str] = {}
    for centibels, words in enumerate(wordfreq.get_frequency_list(code)):
        zipf = 9 - centibels / 100
        if zipf < cfg.ZIPF_TABLE_MIN:
            break
        for w in words:
            if "\n" not in w:
                table.setdefault(w, repr(zipf))
    return table_parts(table)


@lru_cache(maxsize=2)
def zipf_table(code: str) -> LemmaLookup:
    """Word (case-folded) -> Zipf frequency as text, for words at least ``ZIPF_TABLE_MIN``."""
    path = cache_path(code)
    table = read_table(path)
    if table is None:  # build in a child: wordfreq's list never enters this process
        try:
            subprocess.run([sys.executable, "-c", f"from claimcheck.align.frequencies import main; main({code!r})"],
                           capture_output=True, timeout=300, check=False)
        except (OSError, subprocess.TimeoutExpired):
            pass  # no child: built below, in this process
        table = read_table(path)
    return table if table is not None else LemmaLookup(*build(code))


def main(code: str) -> None:
    """Write the cache (run in a child process by ``zipf_table``)."""
    write_table(cache_path(code), build(code))
