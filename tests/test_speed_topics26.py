"""Speed work of session 26 against the code it replaced (kept here as the oracle):
topics._found's one scan (topics._scan: the hits filed under their topics as the automaton
reports them) against PhraseIndex.find followed by the per-phrase grouping."""
from __future__ import annotations

import random

from test_speed_checks import _seed_texts


def _old_found(key: str, accented: bool):
    """topics._found as it was: PhraseIndex.find, then each phrase's entries per topic."""
    from kehoach.parser import topics as T

    form = 0 if accented else 1
    index = T._indexes()[form][0]
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
