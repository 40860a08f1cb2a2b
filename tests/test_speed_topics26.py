"""Speed work of session 26 against the code it replaced (kept here as the oracle):
topics._found's one scan (topics._scan: the hits filed under their topics as the automaton
reports them) against PhraseIndex.find followed by the per-phrase grouping; awards._fields with its
word lists folded and its patterns compiled once."""
from __future__ import annotations

import random

from test_speed_checks import _seed_texts


class _OldPhraseIndex:
    """text.phrases.PhraseIndex.find as it was before its hits() (session 26): the oracle."""

    def __init__(self, phrases):
        import ahocorasick

        self.phrases = frozenset(p for p in phrases if p)
        self._auto = ahocorasick.Automaton()
        for p in self.phrases:
            self._auto.add_word(p, p)
        if self.phrases:
            self._auto.make_automaton()

    def find(self, key: str) -> dict:
        out: dict = {}
        if not self.phrases or not key:
            return out
        n = len(key)
        for end, p in self._auto.iter(key):
            a, b = end + 1 - len(p), end + 1
            spans = out.get(p)
            if spans and a < spans[-1][1]:
                continue
            if a and ((c := key[a - 1]).isalnum() or c == "_"):
                continue
            if b < n and ((c := key[b]).isalnum() or c == "_"):
                continue
            if spans is None:
                out[p] = [(a, b)]
            else:
                spans.append((a, b))
        return out


_OLD_INDEXES: dict = {}


def _old_found(key: str, accented: bool):
    """topics._found as it was: PhraseIndex.find, then each phrase's entries per topic."""
    from kehoach.parser import topics as T

    form = 0 if accented else 1
    if form not in _OLD_INDEXES:
        _OLD_INDEXES[form] = _OldPhraseIndex(T._places()[form])
    index = _OLD_INDEXES[form]
    entries = T._entries()[form]
    per_topic: dict = {}
    for ph, spans in index.find(key).items():
        for ti, pi, weight in entries[ph]:
            hits = per_topic.get(ti)
            if hits is None:
                per_topic[ti] = [(pi, weight, spans)]
            else:
                hits.append((pi, weight, spans))
    return {ti: [(w, spans) for _, w, spans in (sorted(hits) if len(hits) > 1 else hits)]
            for ti, hits in per_topic.items()}


def _keys() -> list[str]:
    """Folded lines and texts of the seeds, and phrases run together with every kind of neighbour:
    spaces, punctuation, word chars (digits, "_", letters: no whole word then), a phrase repeated
    into itself (overlaps), nothing at all."""
    from kehoach.parser import topics as T
    from kehoach.parser.text.normalize import fold

    rng = random.Random(26)
    phrases = sorted({p[0] for t in T.taxonomy() for p in t.phrases})
    glue = [" ", " ", " ", ", ", " - ", "/", "(", ") ", ": ", "x", "_", "1", "đ", "a ", " và ", "\u00a0"]
    keys = [fold(ln) for t in _seed_texts() for ln in t.split("\n") if ln.strip()]
    keys += [fold(t) for t in _seed_texts()]
    for _ in range(2500):
        parts = [rng.choice(phrases) for _ in range(rng.randint(1, 10))]
        key = ""
        for p in parts:
            key += rng.choice(glue) + p if key else p
            if rng.random() < 0.15:
                key += " " + p  # the same phrase again, touching
        keys.append(key + rng.choice(["", "", ".", "x", "_", " "]))
    keys += ["", " ", "_", "x", phrases[0], phrases[0] + "_", "_" + phrases[0], "a" + phrases[-1]]
    return keys


def test_found_is_the_old_find_and_grouping():
    from kehoach.parser import topics as T
    from kehoach.parser.text.normalize import strip_accents

    hits = words_cut = 0
    for key in _keys():
        for accented, k in ((True, key), (False, strip_accents(key))):
            if not accented and T._ODD_SPACE.search(k):
                continue
            got = T._found.__wrapped__(k, accented)
            want = _old_found(k, accented)
            assert got.topics == sorted(want) and got.pats == want, repr(k)
            hits += sum(len(spans) for pats in want.values() for _, spans in pats)
            words_cut += any(c in k for c in "x_1đ")
    assert hits > 20000 and words_cut > 1000, (hits, words_cut)


def test_scan_keeps_whole_words_and_leftmost_non_overlapping_spans():
    from kehoach.parser import topics as T

    auto = T._automata()[0]
    ph = "thi đua"
    ti, pi, _ = T._entries()[0][ph][0]

    def spans(key):
        return [s for p, _, s in T._scan(auto, key).get(ti, []) if p == pi]

    assert spans("thi đua") == [[(0, 7)]]
    assert spans("phong trào thi đua, thi đua_x") == [[(11, 18)]]
    assert spans("xthi đua thi đuax (thi đua)") == [[(19, 26)]]
    assert spans("") == [] and spans("thi") == []


def _old_fields(line: str) -> dict:
    """awards._fields as it was: the word lists folded and the patterns looked up per line."""
    import re

    from kehoach.parser.nlp.awards import _tables
    from kehoach.parser.nlp.numbers import NUMBER, parse_number
    from kehoach.parser.text.normalize import fold

    t = _tables()
    f = fold(line)
    grantor = title = kind = None
    count = None
    for m in re.finditer(r"(?:^|:\s*)([^:]{3,80}?)\s+khen\b", line):
        # "X khen: ..." names the grantor; "X tặng Giấy khen" is the title, handled below
        if not re.search(r"(?i)đề nghị|(?:giấy|bằng)$", m.group(1)):
            # "Có 4 đoàn viên xuất sắc – LĐLĐ Thành phố khen": the grantor follows the last dash
            grantor = re.split(r"\s[-–—]\s*|[-–—]\s", m.group(1))[-1].strip(" +-")
    m2 = re.search(r"(?i)(bằng khen|giấy khen)(?:\s+của\s+([^,;.\n]+))?", line)
    if m2:
        title = m2.group(1).capitalize()
        grantor = (m2.group(2) or grantor or "").strip() or None
        m4 = re.search(r"(?i)(?:^|đề nghị\s+)(.{3,60}?)\s+(?:tặng|trao tặng|khen tặng|cấp)\s+(?:bằng khen|giấy khen)", line)
        if grantor is None and m4:  # "Đề nghị LĐLĐ huyện tặng Giấy khen cho ..."
            grantor = re.sub(r"(?i)^(?:phấn đấu|đề nghị)\s+", "", m4.group(1)).strip() or None
    if title is None:
        for name in t["titles"]:
            if fold(name) in f:
                title = name
                break
    if title is None and ":" in line:
        label, _, rest = line.partition(":")
        if "danh hiệu" in fold(label):
            title = rest.strip(" .") or None
    for word in t["collective"]:
        if fold(word) in f:
            kind = "collective"
    for word in t["individual"]:
        if fold(word) in f:
            kind = "individual"
    m3 = re.search(rf"({NUMBER})\s*(%|\s(?:đoàn viên|cá nhân|đồng chí|tập thể|người))", line)
    if m3:
        count = parse_number(m3.group(1))
        if m3.group(2).strip() == "tập thể":  # "01 tập thể và 02 cá nhân": the counted one decides
            kind = "collective"
        elif m3.group(2).strip() != "%":
            kind = "individual"
    if count is None:
        m5 = re.search(r"(?:^|\s)(?:có\s+)?(\d{1,3})\s+\w|:\s*(\d{1,3})\s*$", line, re.I)
        if m5:  # "Có 3 đoàn viên ... khen", "... danh hiệu CSTĐ: 04"
            count = parse_number(m5.group(1) or m5.group(2))
    return {"grantor": grantor, "title": title, "recipient_kind": kind, "count": count}



def _award_lines() -> list[str]:
    """Seed lines, and award-like lines pieced together from grantors, titles, counts and kinds."""
    rng = random.Random(2626)
    lines = [ln.strip() for t in _seed_texts() for ln in t.split("\n") if ln.strip()]
    parts = ["Có 4 đoàn viên xuất sắc", "– LĐLĐ Thành phố khen", "LĐLĐ huyện khen:", "Đề nghị LĐLĐ huyện tặng Giấy khen",
             "Bằng khen của Tổng LĐLĐ Việt Nam", "giấy khen", "BẰNG KHEN", "phấn đấu", "đề nghị", "trao tặng", "cấp",
             "01 tập thể và 02 cá nhân", "95% đoàn viên", "Danh hiệu:", "danh hiệu CSTĐ: 04", "Lao động tiên tiến",
             "Chiến sĩ thi đua cơ sở", "tập thể", "cá nhân", "đồng chí", "1.500.000", "12,5 %", "có 3 người", ":",
             "khen", "Khen", "x khen", "Giấy", "bằng", "CĐCS vững mạnh", "Công đoàn cơ sở", "- ", ": 02", "2024"]
    for _ in range(3000):
        lines.append(" ".join(rng.choice(parts) for _ in range(rng.randint(1, 7))))
    return lines


def test_fields_are_the_old_ones():
    from kehoach.parser.nlp.awards import _fields

    lines = _award_lines()
    found = {"grantor": 0, "title": 0, "recipient_kind": 0, "count": 0}
    for line in lines:
        got, want = _fields(line), _old_fields(line)
        assert got == want, repr(line)
        for k, v in want.items():
            found[k] += v is not None
    assert min(found.values()) > 500, found  # every field is exercised, not only None
