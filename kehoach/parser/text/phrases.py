"""Many literal phrases found as whole words in one pass (an Aho-Corasick automaton).

`PhraseIndex(phrases).find(key)` gives, per phrase present, the spans that
`re.finditer(r"(?<!\\w)" + re.escape(phrase) + r"(?!\\w)", key)` would give: leftmost
first, non-overlapping for that phrase, a word character on neither side. One scan of the
key replaces one regex scan per phrase (hundreds of them per section for the topics).
"""
from __future__ import annotations

from collections.abc import Iterable

import ahocorasick


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches in a str pattern


class PhraseIndex:
    def __init__(self, phrases: Iterable[str]):
        self.phrases = frozenset(p for p in phrases if p)
        self._auto = ahocorasick.Automaton()
        for p in self.phrases:
            self._auto.add_word(p, p)
        if self.phrases:
            self._auto.make_automaton()

    def find(self, key: str) -> dict[str, list[tuple[int, int]]]:
        """phrase -> its whole-word spans in `key` (only phrases that occur)."""
        out: dict[str, list[tuple[int, int]]] = {}
        if not self.phrases or not key:
            return out
        n = len(key)
        for end, p in self._auto.iter(key):  # every occurrence, by end offset
            a, b = end + 1 - len(p), end + 1
            spans = out.get(p)
            if spans and a < spans[-1][1]:
                continue  # overlaps this phrase's previous match: finditer resumes after it
            if a and ((c := key[a - 1]).isalnum() or c == "_"):  # _is_word, inline: per occurrence
                continue
            if b < n and ((c := key[b]).isalnum() or c == "_"):
                continue
            if spans is None:
                out[p] = [(a, b)]
            else:
                spans.append((a, b))
        return out
