"""Many literal phrases found as whole words in one pass (an Aho-Corasick automaton).

`PhraseIndex(phrases).find(key)` gives, per phrase present, the spans that
`re.finditer(r"(?<!\\w)" + re.escape(phrase) + r"(?!\\w)", key)` would give: leftmost
first, non-overlapping for that phrase, a word character on neither side. One scan of the
key replaces one regex scan per phrase (hundreds of them per section for the topics).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import ahocorasick


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches in a str pattern


class PhraseIndex:
    """`phrases`: an iterable of phrases, or a mapping phrase -> value that `hits` hands back with
    each phrase found (a caller filing hits by what the phrase stands for needs no lookup)."""

    def __init__(self, phrases: Iterable[str] | Mapping[str, object]):
        values = phrases if isinstance(phrases, Mapping) else None
        self.phrases = frozenset(p for p in phrases if p)
        self._auto = ahocorasick.Automaton()
        for p in self.phrases:
            self._auto.add_word(p, (p, len(p), values[p] if values is not None else None))
        if self.phrases:
            self._auto.make_automaton()

    def hits(self, key: str) -> Iterator[tuple[str, object, list[tuple[int, int]]]]:
        """(phrase, value, spans) once per phrase that occurs, at its first whole-word occurrence;
        its later spans are appended to that same list as the scan goes on (complete once the
        loop is done)."""
        n = len(key)
        if not self.phrases or not n:
            return
        spans_of: dict[str, list[tuple[int, int]]] = {}
        for end, (p, size, value) in self._auto.iter(key):  # every occurrence, by end offset
            b = end + 1
            a = b - size
            spans = spans_of.get(p)
            if spans is not None and a < spans[-1][1]:
                continue  # overlaps this phrase's previous match: finditer resumes after it
            # a word char on either side (\w: isalnum or "_"); a space, the usual neighbour, tested first
            if a and (c := key[a - 1]) != " " and (c.isalnum() or c == "_"):
                continue
            if b < n and (c := key[b]) != " " and (c.isalnum() or c == "_"):
                continue
            if spans is not None:
                spans.append((a, b))
                continue
            spans = spans_of[p] = [(a, b)]
            yield p, value, spans

    def find(self, key: str) -> dict[str, list[tuple[int, int]]]:
        """phrase -> its whole-word spans in `key` (only phrases that occur)."""
        return {p: spans for p, _, spans in self.hits(key)}
