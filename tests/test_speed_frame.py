"""Issue 14 (speed), the frame's stages: each shortcut gives what the plain way gives, on the
lines of the seeds and the real corpus and on invented text."""
from __future__ import annotations

import random
import re
import sys

from conftest import REPO, SEEDS
from kehoach.parser import frame as F
from kehoach.parser.text import normalize as N


def _real_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REPO / "corpora" / "real" / "cache").glob("*.txt"))]
    lines = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
    return lines + [w for ln in lines[:400] for w in ln.split()[:3]]


def _invented(pool: str, n: int = 4000, seed: int = 5, most: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_printable_strings_hold_no_white_space_but_space():
    # fold's fast path: a printable string's split-join is itself when its spaces are single and inside
    assert [hex(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c).isprintable() and c != 0x20] == []


def _old_fold(s: str) -> str:
    if not s:
        return ""
    s = N.nfc(s)
    t = N._FOLD_CHARS.sub(N._FOLD_SUB, s)
    s = N._new_tones(t if t is s else N.nfc(t))
    return " ".join(s.casefold().split())


def test_fold_fast_path_is_the_split_join():
    texts = _real_lines()
    texts += _invented("aA đĐ ơ  \t\n\u00a0\u2028\u2029\x85\x1c\u200b\u3000-–.", most=12)
    texts += [" a", "a ", "a  b", "a\u00a0b", "", " ", "\x1f", "Ω", "ﬁ ß"]
    for t in texts:
        assert N.fold.__wrapped__(t) == _old_fold(t), repr(t)


_OLD_QUI_PLAIN = re.compile(r"(?<!\w)qu([iíìỉĩị])(?!\w)")


def test_old_qui_spelling_regex_matches_the_same():
    texts = [F.fold(x) for x in _real_lines()]
    texts += _invented("qQuiíìỉĩịyaq ._1đ", n=6000, most=14)
    for t in texts:
        assert [(m.span(), m.groups()) for m in F._OLD_QUI.finditer(t)] == \
               [(m.span(), m.groups()) for m in _OLD_QUI_PLAIN.finditer(t)], repr(t)


def _old_doc_type_of(line: str):
    f = F._new_spelling(F.fold(line))
    types = F._doc_types()
    prefixes, glued = F._type_prefixes()
    if f.startswith(prefixes):
        for p, canon in types:
            if f.startswith(p) and (len(f) == len(p) or not f[len(p)].isalnum()):
                return canon
    if "?" in f:
        return next((canon for p, canon in types if F._q_starts(f, p)), None)
    if f.replace(" ", "").startswith(glued) and N.is_upper_text(line, 0.9):
        g = f.replace(" ", "")
        for p, canon in types:
            if " " in p and g.startswith(p.replace(" ", "")) and (not f.startswith(p) or f[len(p):len(p) + 2].isalpha()):
                return canon
    return None


def test_doc_type_of_reads_a_head_of_the_glued_line():
    assert max(map(len, F._type_prefixes()[1])) <= F._GLUED_MAX
    types = [p.upper() for p, _ in F._doc_types()]
    texts = _real_lines() + [t.replace(" ", "") + " NĂM 2024" for t in types] + [t + "HOẠT ĐỘNG" for t in types]
    rng = random.Random(9)
    texts += [" ".join(rng.choice(types + ["A", "X Y", "KẾ", "HOẠCH"]) for _ in range(rng.randint(1, 30))).replace(" ", rng.choice([" ", "", "  "]))
              for _ in range(3000)]
    for t in texts:
        assert F._doc_type_of(t) == _old_doc_type_of(t), repr(t)
