"""A scanned plan's headings spelt as its own body spells them.

OCR reads the marks of a heading in bold capitals worse than the body's lower case: a stray
stroke turns "PHỐI HỢP" into "PHÓI HỢP", "CHỈ TIÊU PHẤN ĐẤU" into "CHỈ TIỂU PHÁN ĐẦU". The same
two words nearly always come again in the body ("phấn đấu hoàn thành các chỉ tiêu", "chương trình
phối hợp"). A pair of heading words whose letters without marks are those of a pair of body
words takes the body's marks (the spelling the body uses most). A heading word the body never
writes, one letter away from the body's word after the other word of the pair ("YÊU CÀUƯ", a
stray stroke read as a letter), is that word. Other words stay as read.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from kehoach.parser.text.normalize import strip_accents

_WORD = re.compile(r"[^\W\d_]+")


class BodySpelling:
    """The body's word pairs, by their letters without marks."""

    def __init__(self, text: str) -> None:
        self.pairs: dict[str, Counter] = defaultdict(Counter)
        self.after: dict[str, set[str]] = defaultdict(set)  # bare word -> bare words after it
        self.vocab: set[str] = set()
        words = _WORD.findall(text)
        for a, b in zip(words, words[1:]):
            if not (a.isupper() or b.isupper()):  # the body's own spelling: lower or title case
                key = _key(a, b)
                self.pairs[key][(a.lower(), b.lower())] += 1
                first, second = key.split()
                self.after[first].add(second)
                self.vocab.update((first, second))

    def respell(self, heading: str) -> str:
        """`heading` (in capitals) with each word pair the body writes spelt as the body does."""
        spans = [m.span() for m in _WORD.finditer(heading)]
        words = [heading[a:b] for a, b in spans]
        fixed = list(words)
        done = set()
        for i in range(len(words) - 1):
            if not (words[i].isupper() and words[i + 1].isupper()):
                continue
            seen = self.pairs.get(_key(words[i], words[i + 1])) or self._near(words[i], words[i + 1])
            if not seen:
                continue
            best = seen.most_common(1)[0][0]
            for j, w in zip((i, i + 1), best):
                if j not in done and w.upper() != words[j]:
                    fixed[j] = w.upper()
                done.add(j)
        out = heading
        for (a, b), w, f in reversed(list(zip(spans, words, fixed))):
            if w != f:
                out = out[:a] + f + out[b:]
        return out


    def _near(self, a: str, b: str) -> Counter | None:
        """The body's pair for "YÊU CÀUƯ": the first word as the body writes it, the second one
        letter off and no word of the body."""
        first, second = _key(a, b).split()
        if second in self.vocab:
            return None
        near = [w for w in self.after.get(first, ()) if _one_letter_off(w, second)]
        return self.pairs[f"{first} {near[0]}"] if len(near) == 1 else None


def _one_letter_off(a: str, b: str) -> bool:
    """One letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def _key(a: str, b: str) -> str:
    return strip_accents(f"{a} {b}").lower()
