"""The per-text caches of the parser, in one list, so a benchmark can start every document
cold (`clear()`) and nobody mistakes a warm cache for speed. Data caches (models, compiled
tables) are per process and stay."""
from __future__ import annotations


def _caches():
    from kehoach.parser import topics
    from kehoach.parser.nlp import postag, targets, wordseg
    from kehoach.parser.readers import txt
    from kehoach.parser.text import legacy, normalize

    return [normalize.fold, topics._score, topics._found, targets._noun_phrase, targets._has_verb,
            targets._counted_noun, postag.tags, postag.MEMO, wordseg.MEMO, legacy._syllable_ok,
            txt._decode_last]


def clear() -> None:
    """Empty every cache keyed by document text (folded strings, topic scores, POS tags,
    syllable checks, the last file decoded)."""
    for c in _caches():
        c.cache_clear()
