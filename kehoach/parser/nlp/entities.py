"""Organizations, places and abbreviations from gazetteers and patterns (no statistical NER:
underthesea's CRF model never returned ORG on these plans)."""
from __future__ import annotations

import re
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp import admin_units
from kehoach.parser.nlp.clauses import lowered
from kehoach.parser.text.fastre import literal_alt
from kehoach.parser.text.normalize import _OLD_TO_NEW, fold, new_tone_placement

_UP = "A-ZĐÀ-ỸẠ-Ỹ"
# a capitalized word (proper-name part), possibly all caps
_CAPWORD = rf"[{_UP}][\wÀ-ỹ&]*"


@lru_cache(maxsize=1)
def _tables():
    orgs = models.load("gazetteer_orgs.yaml")
    places = models.load("gazetteer_places.yaml")
    abbr = models.load("abbreviations.yaml")
    heads = sorted(orgs["heads"], key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in sorted(places["units"], key=len, reverse=True))
    # heads match in any case; the name after them must be capitalized (same line)
    place_tail = rf"(?:(?i:{unit_alt})[ \t]+{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,3}})"
    firsts = "".join(sorted({h[0].upper() for h in heads}))  # a name starts upper-case: filter on that first
    # the pattern opens with that class (sre skips to it in C), the look back at the char before it
    # follows, then only the heads with that first letter are tried (fastre.literal_alt): what
    # `(?=[firsts])(?<![\wÀ-ỹ])(?P<head>(?i:{head_alt}))` found
    _, head_rest = literal_alt(heads)
    org_rx = re.compile(rf"(?P<head>[{firsts}](?<![\wÀ-ỹ].){head_rest})(?:[ \t]+(?:{place_tail}|{_CAPWORD}(?:[ \t]+{_CAPWORD}){{0,4}}))?")
    # the same for the abbreviations, case-sensitive: `(?=[afirst])(?<![\wÀ-ỹ&])({abbr_alt})(?![\wÀ-ỹ&])`
    by_first: dict[str, list[str]] = {}
    for a in sorted(abbr, key=len, reverse=True):
        by_first.setdefault(a[0], []).append(a)
    afirst = "".join(sorted(by_first))
    abbr_rest = "|".join(f"(?<={re.escape(c)})(?:" + "|".join(re.escape(a[1:]) for a in ns) + ")"
                         for c, ns in by_first.items())
    abbr_rx = re.compile(rf"([{re.escape(afirst)}](?<![\wÀ-ỹ&].)(?:{abbr_rest}))(?![\wÀ-ỹ&])")
    canon = {k.lower(): v for k, v in orgs["canonical"].items()}  # looked up per match: lower(), not fold()
    return org_rx, abbr_rx, abbr, canon


def _trim_lower(s: str, keep: int) -> str:
    """Drop trailing words that are not capitalized (the class ranges also hold lower-case letters)."""
    head, tail = s[:keep], s[keep:]
    words = tail.split(" ")
    out = []
    for w in words:
        if w and not (w[0].isupper() or w[0].isdigit()) and fold(w) not in _UNIT_WORDS:
            break
        out.append(w)
    return (head + " ".join(out)).rstrip()


# words of the unit names ("thị xã", "tỉnh" ...): lower-case, yet part of an organization's name
_UNIT_WORDS = {"xã", "phố", "trấn", "thị", "thành", "tỉnh", "quận", "huyện", "phường", "đặc", "khu"}


def _cut_at_place(s: str, head: int) -> str:
    """An organization named after its place ends with the place ("UBND tỉnh Thừa Thiên Huế",
    not "... Huế Trường"): when a known unit directly follows the head, cut after it."""
    first = s[head:].split()[:1]
    if not first or first[0].lower() not in _UNIT_WORDS or len(s.split()) < 4:
        return s  # no unit word after the head, or nothing after a unit and its name
    for p in find_places(s):
        if p["start"] >= head and not s[head:p["start"]].strip() and p["end"] < len(s):
            if p["normalized"].split()[0] in ("thành", "tỉnh", "quận", "huyện", "thị", "phường", "xã", "đặc"):
                return s[:p["end"]]
    return s


def find_orgs(text: str) -> list[dict]:
    org_rx, *_, canon = _tables()
    out = []
    seen: dict[tuple[str, int], tuple[str, str | None]] = {}  # a name cited again is read once per text
    for m in org_rx.finditer(text):
        head = len(m.group("head"))
        found = seen.get((m.group(0), head))
        if found is None:
            s = _cut_at_place(_trim_lower(m.group(0), head), head)
            found = seen[m.group(0), head] = (s, (canon.get(s.lower()) or new_tone_placement(" ".join(s.split())))
                                              if s[0].isupper() else None)
        s, normalized = found
        if normalized is None:
            continue
        out.append({"start": m.start(), "end": m.start() + len(s), "label": "ORG", "text": s,
                    "normalized": normalized})
    return out


def _key(s: str) -> str:
    """Lookup key: lower case. Keeps the length of NFC text, so offsets in the key text are
    offsets in the text; tone placement is covered by adding each name in both placements."""
    return s.lower()


# new placement -> old, lower case ("òa" -> "oà", "ủy" -> "uỷ"), at the end of a syllable
_NEW_TO_OLD = {new: old for old, new in _OLD_TO_NEW.items() if old == old.lower()}
_NEW_RE = re.compile(rf"({'|'.join(map(re.escape, _NEW_TO_OLD))})(?![\wÀ-ỹ])")


def _placements(name: str) -> set[str]:
    """`name` (new placement, lower case) in every mix of old and new placement: "hòa thủy",
    "hoà thủy", "hòa thuỷ", "hoà thuỷ"."""
    out = {name}
    for m in reversed(list(_NEW_RE.finditer(name))):
        if m.start() > 0 and name[m.start() - 1] == "q":
            continue  # "quý": the u is a glide, the mark sits on y in both styles
        out |= {v[:m.start()] + _NEW_TO_OLD[m.group(1)] + v[m.end():] for v in out}
    return out


@lru_cache(maxsize=1)
def _gazetteer():
    """An Aho-Corasick automaton over every unit name (old and post-2025) and alias, and the unit
    words that may stand before a name."""
    import ahocorasick

    places = models.load("gazetteer_places.yaml")
    provinces, districts, units = admin_units.names()
    persons = {admin_units.key(n) for n in places["person_names"]}
    auto = ahocorasick.Automaton()
    for k, canon in units.items():
        if len(k) < 3 or set(k) <= set("ivx"):  # "Ba", "I", "IV": too short to find without a unit word
            continue
        # kinds: 'p' a province (a place even bare), 'd' a district (bare where a capitalized run
        # starts), 'u' any unit (a place after a unit word); a person's name is never bare
        kind = "u" if k in persons else ("p" if k in provinces else "d" if k in districts and " " in k else "u")
        for variant in _placements(k):
            auto.add_word(variant, (len(k), canon, kind))
    for k, canon in places["aliases"].items():
        for variant in _placements(admin_units.key(k)):
            auto.add_word(variant, (len(k), canon, "a"))
    auto.make_automaton()
    # a unit word may end the line before the name: PDF headers wrap ("LIÊN ĐOÀN LAO ĐỘNG THỊ\nXÃ ...")
    unit_alt = "|".join(r"\s+".join(map(re.escape, _key(u).split()))
                        for u in sorted(places["units"], key=len, reverse=True))
    unit_rx = re.compile(rf"(?<![\wÀ-ỹ])({unit_alt})\s*\Z")
    unit_canon = {_key(k): v for k, v in places["units"].items()}  # looked up with spaces squeezed
    # searched in the lower-cased text: a literal prefix keeps the scan fast
    never = re.compile("|".join(r"\s+".join(map(re.escape, _key(n).split())) for n in places["never"]))
    name_words = {_key(w) for w in places["name_words"]}
    return auto, unit_rx, unit_canon, never, name_words


def gazetteer_size() -> int:
    """How many distinct place names the tagger looks for (for the benchmark)."""
    return len(_gazetteer()[0])


def _word_before(text: str, s: int) -> str:
    """The word just before s on the same line ('' after punctuation or at a line start)."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == s:
        return ""
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "&"):
        k -= 1
    return text[k:j]


def find_places(text: str, orgs: list[dict] | None = None) -> list[dict]:
    """Places: a unit word + a known unit name ("xã Phú Đa", "THỊ XÃ HƯƠNG THUỶ", "TP.HCM"), a
    province's bare name ("Hà Nội", "Thừa Thiên Huế"; not after a surname or middle name:
    "Nguyễn Thái Bình"), or a district's bare name where a capitalized run starts ("Hương Thủy,
    ngày 18 ..."; inside one it is more often part of a person's name).
    One Aho-Corasick pass over the lower-cased text finds every name of the gazetteer of old and
    post-2025 units, each name added in both tone placements (Thuỷ = Thủy); the name must be
    capitalized as written."""
    auto, unit_rx, unit_canon, never, name_words = _gazetteer()
    key = lowered(text)  # _key(text), shared with the other taggers
    if len(key) != len(text):  # a character whose lower case is longer ("İ"): offsets would drift
        key = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = []
    for last, (size, canon, kind) in auto.iter(key):
        start, end = last + 1 - size, last + 1
        if not ((c := text[start]).isupper() or c.isdigit()):
            continue  # its first word is not capitalized (the test below, on that word alone: most hits end here)
        if (start > 0 and key[start - 1].isalnum()) or (end < len(key) and key[end].isalnum()):
            continue  # inside a word
        if not all(w[0].isupper() or w[0].isdigit() for w in text[start:end].split()):
            continue  # "bình định" in lower case is no name
        u = unit_rx.search(key, max(0, start - 16), start)
        if u:
            value = canon if kind == "a" else f"{unit_canon[' '.join(u.group(1).split())]} {canon}"
            found.append((u.start(1), end, value))
        elif kind in "pad":
            before = _word_before(text, start)
            if kind == "a" or (kind == "p" and _key(before) not in name_words) or not before[:1].isupper():
                found.append((start, end, canon))
    blocked = [m.span() for m in never.finditer(key)]
    out: list[dict] = []
    for s, e, v in sorted(found, key=lambda f: (f[0], f[0] - f[1])):  # leftmost, then longest
        if any(s < b and a < e for a, b in blocked) or (out and s < out[-1]["end"]):
            continue
        out.append({"start": s, "end": e, "label": "LOC", "text": text[s:e], "normalized": v})
    return out


def find_abbreviations(text: str) -> list[dict]:
    *_, abbr_rx, abbr, _canon = _tables()
    return [{"start": m.start(), "end": m.end(), "text": m.group(1), "expansion": abbr[m.group(1)]}
            for m in abbr_rx.finditer(text)]
