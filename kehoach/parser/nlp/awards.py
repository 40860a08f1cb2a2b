"""Awards and emulation titles: each registration line of an awards section
("Đăng kí danh hiệu thi đua") plus explicit award phrases anywhere (Bằng khen, Giấy khen, ...)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp.clauses import (comma_after, comma_before, inside, literal_starts, lowered, n_words, trim,
                                        units)
from kehoach.parser.nlp.numbers import NUMBER, parse_number
from kehoach.parser.schema import PlanDocument, iter_sections
from kehoach.parser.text.fastre import ci, literal_alt
from kehoach.parser.text.normalize import fold


@lru_cache(maxsize=1)
def _tables() -> dict:
    return models.load("nlp_awards.yaml")


@lru_cache(maxsize=1)
def _folded_cues() -> tuple[str, ...]:
    return tuple(fold(c) for c in _tables()["line_cues"])  # folded once, not per line and cue


@lru_cache(maxsize=1)
def _folded_not_awards() -> tuple[str, ...]:
    return tuple(fold(w) for w in _tables()["not_awards"])  # folded once, not per line


def _names_no_award(line: str) -> bool:
    f = fold(line)
    return any(w in f for w in _folded_not_awards())


@lru_cache(maxsize=1)
def _folded_headings() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(w) for w in combo) for combo in _tables()["section_heading"])  # folded once


def _is_awards_heading(heading: str) -> bool:
    f = fold(heading)
    for combo in _folded_headings():  # (loops, not any/all over generators: 2x cheaper)
        for w in combo:
            if w not in f:
                break
        else:
            return True
    return False


# a heading line: what follows its number, 5-80 chars to the line's end
_HEADING_LINE = re.compile(r"(?m)^[ \t]*(?:[\dIVX]+[.)]?[\d.]*[ \t]*|[a-zđ][.)][ \t]*)?([^\n]{5,80})$")
# the chars of that number: a longer line matches only when all but its last 80 chars are of them
_NUMBERING = re.compile(r"[ \t\dIVX.)a-zđ]*")


def _heading_lines(text: str):
    """_HEADING_LINE.finditer(text), tried at line starts only (every match starts one and ends at
    its end), and on a line of over 80 chars only when its head is numbering (most are sentences:
    the pattern would backtrack through each)."""
    n, p = len(text), 0
    while p <= n:
        e = text.find("\n", p)
        if e < 0:
            e = n
        if e - p <= 80 or _NUMBERING.match(text, p, e - 80).end() == e - 80:
            m = _HEADING_LINE.match(text, p)
            if m:
                yield m
        p = e + 1


# a count of something ("25 đoàn viên", "100%"; not a year, a date or a numbering): a line stating one
# ("- Có 25 đoàn viên đăng ký thi đua.") reports or aims, it heads no awards list
_COUNTED = re.compile(r"(?<![\d/.-])(?!(?:19|20)\d\d(?!\d))\d+(?=\s*(?:%|[^\W\d_]))")


def awards_regions(doc: PlanDocument) -> list[tuple[int, int]]:
    """Body spans of the awards-registration sections (from the section tree, else a heading line)."""
    text = doc.text or ""
    stop = doc.body_end if doc.body_end else len(text)
    out = []
    for s in iter_sections(doc.sections):
        if _is_awards_heading(s.heading):
            out.append((s.heading_end, min(s.end, stop) if s.end > s.heading_end else stop))
    if out:
        return out
    for m in _heading_lines(text):
        if _is_awards_heading(m.group(1)) and n_words(m.group(1)) <= 10 and not _COUNTED.search(m.group(1)):
            e = _region_end(text, m.end(), stop)
            out.append((m.end(), e))
    return out


def _region_end(text: str, s: int, stop: int) -> int:
    """Up to the next numbered heading line or the closing block."""
    m = re.compile(r"(?m)^[ \t]*(?:\d+(?:\.\d+)*\.|[IVX]+\.|[A-Z]\.)[ \t]+\S").search(text, s, stop)
    return m.start() if m else stop


@lru_cache(maxsize=1)
def _folded_kinds() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...]]:
    """(title, folded title) of each title, and the folded collective and individual words: folded
    once, not per line."""
    t = _tables()
    return (tuple((name, fold(name)) for name in t["titles"]), tuple(fold(w) for w in t["collective"]),
            tuple(fold(w) for w in t["individual"]))


# _fields' patterns, compiled once (not looked up in re's cache, nor rebuilt from NUMBER, per line)
_GRANTOR_KHEN = re.compile(r"(?:^|:\s*)([^:]{3,80}?)\s+khen\b")
_NO_GRANTOR = re.compile(r"(?i)đề nghị|(?:giấy|bằng)$")
_LAST_DASH = re.compile(r"\s[-–—]\s*|[-–—]\s")
_TITLE = re.compile(r"(?i)(bằng khen|giấy khen)(?:\s+của\s+([^,;.\n]+))?")
_GIVER = re.compile(r"(?i)(?:^|đề nghị\s+)(.{3,60}?)\s+(?:tặng|trao tặng|khen tặng|cấp)\s+(?:bằng khen|giấy khen)")
_ASKS = re.compile(r"(?i)^(?:phấn đấu|đề nghị)\s+")
_COUNT_OF = re.compile(rf"({NUMBER})\s*(%|\s(?:đoàn viên|cá nhân|đồng chí|tập thể|người))")
_BARE_COUNT = re.compile(r"(?:^|\s)(?:có\s+)?(\d{1,3})\s+\w|:\s*(\d{1,3})\s*$", re.I)


def _fields(line: str) -> dict:
    titles, collective, individual = _folded_kinds()
    f = fold(line)
    grantor = title = kind = None
    count = None
    # (the pattern holds a plain "khen": without one the line has no match)
    for m in (_GRANTOR_KHEN.finditer(line) if "khen" in line else ()):
        # "X khen: ..." names the grantor; "X tặng Giấy khen" is the title, handled below
        if not _NO_GRANTOR.search(m.group(1)):
            # "Có 4 đoàn viên xuất sắc – LĐLĐ Thành phố khen": the grantor follows the last dash
            grantor = _LAST_DASH.split(m.group(1))[-1].strip(" +-")
    m2 = _TITLE.search(line)
    if m2:
        title = m2.group(1).capitalize()
        grantor = (m2.group(2) or grantor or "").strip() or None
        m4 = _GIVER.search(line)
        if grantor is None and m4:  # "Đề nghị LĐLĐ huyện tặng Giấy khen cho ..."
            grantor = _ASKS.sub("", m4.group(1)).strip() or None
    if title is None:
        for name, folded in titles:
            if folded in f:
                title = name
                break
    if title is None and ":" in line:
        label, _, rest = line.partition(":")
        if "danh hiệu" in fold(label):
            title = rest.strip(" .") or None
    for word in collective:
        if word in f:
            kind = "collective"
    for word in individual:
        if word in f:
            kind = "individual"
    m3 = _COUNT_OF.search(line)
    if m3:
        count = parse_number(m3.group(1))
        if m3.group(2).strip() == "tập thể":  # "01 tập thể và 02 cá nhân": the counted one decides
            kind = "collective"
        elif m3.group(2).strip() != "%":
            kind = "individual"
    if count is None:
        m5 = _BARE_COUNT.search(line)
        if m5:  # "Có 3 đoàn viên ... khen", "... danh hiệu CSTĐ: 04"
            count = parse_number(m5.group(1) or m5.group(2))
    return {"grantor": grantor, "title": title, "recipient_kind": kind, "count": count}


@lru_cache(maxsize=1)
def _phrase_rx() -> re.Pattern:
    """`(?i)\b(?:phrase|...)\b`, opening with the phrases' first letters (fastre.literal_alt: sre
    skips to them in C); compiled once."""
    first, rest = literal_alt(_tables()["phrases"])
    return re.compile(rf"{first}(?<!\w.){rest}(?i:\b)")


def _phrases_in(text: str, start: int, end: int):
    """_phrase_rx().finditer(text, start, end), the pattern tried only where a phrase starts (any case;
    a few phrases: found by str.find, clauses.literal_starts)."""
    rx = _phrase_rx()
    starts = literal_starts(_tables()["phrases"], text)
    if starts is None:
        yield from rx.finditer(text, start, end)
        return
    pos = start
    for p in starts[bisect_left(starts, start):]:
        if p < pos:
            continue
        if p >= end:
            break
        m = rx.match(text, p, end)
        if m:
            yield m
            pos = m.end()


# every _COUNTED_AWARD match holds one of these words (lower-cased): a unit without one is skipped
_COUNTED_WORDS = ("khen", "danh", "đạt", "giải", "tặng")


def _counted_words(text: str) -> tuple[list[int], list[int]] | None:
    """(starts, ends) of those words in the lower-cased text, by start (their first letters differ:
    one word per start); None when lower() would shift offsets ("İ")."""
    low = lowered(text)
    if len(low) != len(text):
        return None
    spans = []
    for w in _COUNTED_WORDS:
        i = low.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = low.find(w, i + 1)
    spans.sort()
    return [a for a, _ in spans], [b for _, b in spans]


def find_awards(doc: PlanDocument, regions: list[tuple[int, int]], excluded: list[tuple[int, int]]):
    text = doc.text or ""
    out = []
    for rs, re_ in regions:
        for m in re.finditer(r"[^\n]+", text[rs:re_]):
            s, e = trim(text, rs + m.start(), rs + m.end())
            line = text[s:e]
            if not line or line.endswith(":") or text[rs + m.start():rs + m.end()].rstrip().endswith(":"):
                continue
            if n_words(line) > 25 or n_words(line) < 2:
                continue
            folded = fold(line)
            if not any(c in folded for c in _folded_cues()):
                continue  # a closing sentence that runs into the section, not a registration
            out.append({"start": s, "end": e, "text": line, **_fields(line)})
    body_end = doc.body_end or len(text)
    for m in _phrases_in(text, doc.body_start or 0, body_end):
        if inside(m.start(), regions) or inside(m.start(), excluded):
            continue
        if any(a["start"] <= m.start() < a["end"] for a in out):
            continue
        # the comma clause around the phrase
        lo = max(0, m.start() - 400)
        ls = max(text.rfind("\n", lo, m.start()), comma_before(text, lo, m.start()), text.rfind(";", lo, m.start()),
                 text.rfind(". ", lo, m.start()))
        ls = 0 if ls < 0 else ls + 1
        le = len(text)
        for p in (text.find("\n", m.end(), body_end), comma_after(text, m.end(), body_end),
                  text.find(";", m.end(), body_end), text.find(". ", m.end(), body_end)):
            if 0 <= p < le:
                le = p
        s, e = trim(text, ls, min(le, body_end))
        if _names_no_award(text[s:e]):
            continue
        out.append({"start": s, "end": e, "text": text[s:e], **_fields(text[s:e])})
    counted = _counted_words(text)
    for s, e in _wrapped(text, units(text, doc.body_start or 0, body_end)):
        if counted is not None:
            i = bisect_left(counted[0], s)  # the first such word from s on: a later one ends later still
            if i == len(counted[0]) or counted[1][i] > e:
                continue
        else:
            low = text[s:e].lower()
            if "khen" not in low and "danh" not in low and "đạt" not in low and "giải" not in low and "tặng" not in low:
                continue  # every _COUNTED_AWARD match holds one of these: skip the costlier tests
        line = text[s:e]
        if inside(s, regions) or inside(s, excluded) or any(a["start"] < e and s < a["end"] for a in out):
            continue
        m = _COUNTED_AWARD.search(line)
        if not m or _names_no_award(line):
            continue
        if _AIM.search(line) or re.search(r"\d\s*%", line):
            continue  # "(Phấn đấu) 95% đoàn viên đạt danh hiệu ...": a share aimed at (a target), not an award given
        if n_words(line) > 40:
            # a long sentence: the comma clause that asks for or reports the award
            s, e = _clause(text, s, e, s + m.start(), s + m.end())
            line = text[s:e]
            if n_words(line) > 40:
                continue
        out.append({"start": s, "end": e, "text": line, **_fields(line)})
    out.sort(key=lambda a: a["start"])
    return out


def _clause(text: str, s: int, e: int, ms: int, me: int) -> tuple[int, int]:
    """The comma clause of text[s:e] that holds the match text[ms:me]."""
    cb, ca = comma_before(text, s, ms), comma_after(text, me, e)
    return trim(text, cb + 1 if cb >= 0 else s, ca if ca >= 0 else e)


def _wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence units with a PDF's wrapped lines put back: a unit that stops at a line break with
    no closing mark goes on when the next opens in lower case ("... thư cảm" / "ơn cho ..."), and
    a parenthesis left open goes on to its closing one ("(giải nhất ...; Giải ba: ...)")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]  # (the gap first: the parentheses are counted only where it is blank)
            if (("\n" in gap and not gap.strip() and text[s:s + 1].islower())
                    or (not gap.strip(" \t\r\n;") and text.count("(", ps, pe) > text.count(")", ps, pe))):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


# A reported or registered award with its count, outside an awards section: "Có 4 đoàn viên xuất
# sắc – LĐLĐ huyện khen", "được Công đoàn ngành khen 02 cá nhân", "đạt danh hiệu CSTĐ: 02".
_COUNT = r"\b\d{1,3}\b"
_AIM = re.compile(r"(?i)\b(?:phấn đấu|chỉ tiêu|vận động|quyết tâm)\b")
# Every branch opens with a word char after a word boundary: a digit or one of k d đ c g t (any case).
# The pattern opens with their class (sre skips to it in C), the look back takes the place of the
# first \b, then the branches that open with that char are tried, in their first order: what
#   (?i)(?:{_COUNT}[^\n]{0,80}\bkhen\b(?!\s+thưởng)|\bkhen\b(?!\s+thưởng)[^\n]{0,30}{_COUNT}\s+\w
#   |\bdanh\s+hiệu\b[^\n:]{0,80}:\s*{_COUNT}|\b(?:đạt|đạt\s+được|công\s+nhận)\s+danh\s+hiệu\b
#   |\bđạt\s+(?:LĐTT|...)\b[^\n]{0,40}{_COUNT}|{_COUNT}[^\n]{0,40}\bđạt\s+(?:danh\s+hiệu\s+)?(?:...)\b
#   |\bgiải\s+(?:...)\s*:?\s*\d|\btặng\s+(?:...)\s+của\s+(?-i:[A-ZĐÀ-Ỹ]))
# finds, span for span (tests/test_nlp_fastscan.py)
_DIGITS_AFTER_FIRST = r"\d{0,2}\b"  # {_COUNT} once its first digit is read
_COUNTED_AWARD = re.compile(
    rf"[\d{ci('kdđcgt')[1:-1]}](?<!\w.)(?i:"
    rf"(?<=\d){_DIGITS_AFTER_FIRST}[^\n]{{0,80}}\bkhen\b(?!\s+thưởng)"
    # "Có 4 giáo viên đạt giáo viên giỏi cấp huyện": a teaching title won, counted before it
    rf"|(?<=\d){_DIGITS_AFTER_FIRST}[^\n]{{0,40}}\bđạt\s+(?:danh\s+hiệu\s+)?(?:giáo\s+viên\s+(?:dạy\s+)?giỏi|GVDG|GVG"
    rf"|LĐTT|CSTĐ|Lao động tiên tiến|Chiến sĩ thi đua)\b"
    rf"|(?<=k)hen\b(?!\s+thưởng)[^\n]{{0,30}}{_COUNT}\s+\w"
    rf"|(?<=d)anh\s+hiệu\b[^\n:]{{0,80}}:\s*{_COUNT}"
    rf"|(?<=đ)(?:ạt|ạt\s+được)\s+danh\s+hiệu\b|(?<=c)ông\s+nhận\s+danh\s+hiệu\b"
    rf"|(?<=đ)ạt\s+(?:LĐTT|CSTĐ|Lao động tiên tiến|Chiến sĩ thi đua)\b[^\n]{{0,40}}{_COUNT}"
    # a contest's prizes with their amounts: "giải nhất 1.500.000đ/đội, Giải nhì: 1.000.000đ"
    rf"|(?<=g)iải\s+(?:nhất|nhì|ba|khuyến\s+khích)\s*:?\s*\d"
    # a certificate or letter of praise given in a named body's name: "tặng giấy chứng nhận của BCH Đoàn xã"
    rf"|(?<=t)ặng\s+(?:giấy\s+chứng\s+nhận|thư\s+khen)\s+của\s+(?-i:[A-ZĐÀ-Ỹ]))")
