"""Split a run-on header or closing line at its landmarks, for the frame.

A plan pasted as one paragraph (a web page that lost its line breaks) reaches the frame with
its whole header on one line: "LĐLĐ QUẬN X CĐ TRƯỜNG Y CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc
lập - Tự do - Hạnh phúc Số: 12/KH-CĐ X, ngày 2 tháng 9 năm 2024 KẾ HOẠCH ... năm học 2024-2025
Căn cứ ...", and its closing as "... Trên đây là ... TM. BCH CÔNG ĐOÀN CHỦ TỊCH Nơi nhận: ...
Nguyễn Văn A". The landmarks a person would use (Quốc hiệu, Tiêu ngữ, số/ký hiệu, place-date,
the document type in capitals and the period that ends the title, "Căn cứ", "Trên đây là",
TM./KT., the position, "Nơi nhận", the signer's name) give the cut points. Pieces keep their
offsets into the text, so the frame's spans stay true.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable

from kehoach.parser.text.fastre import ci
from kehoach.parser.text.normalize import fold, plain_chars

MIN_LEN = 90  # shorter lines are already one thing each

# words glued by a site too; a party document's "ĐẢNG CỘNG SẢN VIỆT NAM" (in capitals) stands in its place;
# "CỘNG HỒ": a legacy font half converted (every pattern here opens with a plain character set, the
# look back after it: sre skips to candidates in C, see kehoach.parser.text.fastre)
NATIONAL = re.compile(ci("c")[:-1] + r"Đ](?:(?<=[Cc])(?i:ộng\s*h(?:oà|òa|oa|ồ)\s*xã\s*hội\s*chủ\s*nghĩa\s*việt\s*nam)"
                      r"|(?<=Đ)ẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)")
# what every match of NATIONAL holds: its first char and the one (?i) matches for "ộ" after it, or "ĐẢNG"
_NATIONAL_HEADS = tuple(c + o for c in ci("c")[1:-1] for o in ci("ộ")[1:-1]) + ("ĐẢNG",)


_H1, _H2, _H3, _H4, _H5 = _NATIONAL_HEADS


# (one literal-led scan for both cases of "c" before "ộ", each memchr-gated: a line without "ộ" needs none)
_C_O_LOWER = re.compile("ộ(?<=[cC]ộ)").search
_C_O_UPPER = re.compile("Ộ(?<=[cC]Ộ)").search
assert {_H1, _H2, _H3, _H4} == {c + o for c in "cC" for o in "ộỘ"}, _NATIONAL_HEADS


def may_hold_national(text: str) -> bool:
    """False when NATIONAL cannot match `text` (a few substring tests in C instead of trying the
    pattern at each "c" of a line; written out: a generator over the heads costs more than they do)."""
    return (("ộ" in text and _C_O_LOWER(text) is not None) or ("Ộ" in text and _C_O_UPPER(text) is not None)
            or ("Ả" in text and _H5 in text))


# as typed: "Tự" without "do", "Hạnh phúc" wrapped onto the next line
MOTTO = re.compile(ci("đ") + r"(?i:ộc\s*lập\s*[-–—]\s*tự\s*(?:do\s*)?[-–—]\s*(?:hạnh\s*phúc)?|ộc\s*lập\s+tự\s*do\s+hạnh\s*phúc)")


def may_hold_motto(text: str) -> bool:
    """False when MOTTO cannot match `text`: every match holds "ộc" in some case (what (?i) matches for
    "ộ" and "c": tests/test_speed_frame23.py), found by three substring tests instead of trying the
    pattern at each "đ" of a line (a class-led scan: ~57 instructions a char)."""
    return "ộc" in text or "Ộ" in text or "ộC" in text


MOTTO_TAIL = re.compile(r"(?i)^hạnh\s*phúc(?=\s+\S)")
# 15/2010/QĐ-UBND, 01-KL/CB, "08 / KH - CĐCS"
NUMBER = re.compile(r"Số(?<!\w..)\s*[:.]?\s*(?:\d+[a-zA-Z]?)?\s*[/\-]\s*[\w&.]+(?:\s?[/\-–]\s?[\w&.]+)*")
PLACE_DATE = re.compile(r"(?i),\s*ngày\s*[\d\s.…_]{0,12}tháng\s*[\d\s.…_]{0,12}năm\s*\d{4}")
BODY_START = re.compile(r"(?<=\s)(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi)\b")
PERIOD = re.compile(
    r"(?i)(?:học\s+kỳ\s+\w+\s+)?năm\s+học\s*\d{4}\s*[-–]\s*\d{4}|quý\s+[IVX\d]+\s*(?:/|năm)\s*\d{4}"
    r"|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|nhiệm\s+kỳ\s*\d{4}\s*[-–]\s*\d{4}|năm\s+\d{4}")
CLOSING_START = re.compile(ci("tn") + r"(?<!\w.)(?:(?<=[tT])(?i:rên\s+đây\s+là)|(?<=[nN])(?i:ơi\s+nhận\s*:?|ơi\s+gửi\s*:?))")
# a degree signed before a name: "ThS.", "Th.s", "PGS.TS", "TS."
DEGREE = re.compile(r"(?:(?:PGS|GS)\s*\.?\s*)?(?:TS|ThS|Th\.[sS]|THS|BS|KS|CN)\s*\.?")
ON_BEHALF = re.compile(r"[TKQ](?<![\w/].)(?:(?<=T)(?:M\.|/M|L\.|UQ\.)|(?<=K)(?:T\.|/T)|(?<=Q)\.)\s*(?=[A-ZĐÀ-Ỹ])")
# what every match of ON_BEHALF opens with ("TUQ." holds "Q."): six substring tests in C tell a line
# it cannot match, where its class-led scan reads the whole line (~60+ instructions a char)
_ON_BEHALF_HEADS = ("TM.", "T/M", "TL.", "Q.", "KT.", "K/T")


def may_hold_on_behalf(text: str) -> bool:
    """False when ON_BEHALF cannot match `text` (tests/test_speed_frame24.py)."""
    return "TM." in text or "T/M" in text or "TL." in text or "Q." in text or "KT." in text or "K/T" in text


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern, re.Pattern]:
    from kehoach import models

    data = models.load("frame.yaml")
    types = sorted((t.upper() for t in data["doc_types"]), key=len, reverse=True)
    positions = sorted((p.upper() for p in data["positions"]), key=len, reverse=True)
    return re.compile(_first_char_alt(types) + r"(?!\w)"), re.compile(_first_char_alt(positions) + r"(?!\w)")


def _first_char_alt(names: list[str]) -> str:
    """`(?<!\\w)(?:n1|n2|...)` over names in capitals (spaces: any run of white space), opening
    with the class of their first chars and grouped by it (each group behind a look back at its
    char, in the original order): the same matches, found by sre's skip in C."""
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(n[0], []).append(n)
    rest = "|".join(f"(?<={re.escape(c)})(?:" + "|".join(re.escape(n[1:]).replace(r"\ ", r"\s+") for n in ns) + ")"
                    for c, ns in groups.items())
    return "[" + "".join(re.escape(c) for c in groups) + r"](?<!\w.)(?:" + rest + ")"


def _title_case(word: str) -> bool:
    w = word.strip(".,;:()")
    return len(w) >= 1 and w[:1].isupper() and (len(w) == 1 or w[1:].islower())


def _place_word(word: str) -> bool:
    """A capitalized word of a place, an administrative prefix glued on too: "X.Hòa", "TT.Sịa"."""
    if "." in word.strip(".,;:()"):
        head, _, tail = word.strip(".,;:()").rpartition(".")
        return 1 <= len(head) <= 3 and head.isalpha() and head[:1].isupper() and _title_case(tail)
    return _title_case(word)


def _name_run_start(text: str, end: int) -> int | None:
    """Start of a trailing run of 2-4 Title-case words ending at `end` (a signer's name)."""
    words = list(re.finditer(r"\S+", text[:end]))
    k = len(words)
    while k > 0 and _title_case(words[k - 1].group()) and len(words) - k < 4:
        k -= 1
    n = len(words) - k
    return words[k].start() if 2 <= n <= 4 else None


def header_cuts(text: str) -> set[int]:
    """Cut points in a run-on line that holds the header (and maybe the title)."""
    doc_type, _ = _lexicon()
    cuts: set[int] = set()
    last = 0  # end of the last header landmark: the title comes after it
    for rx in (NATIONAL, MOTTO, NUMBER, MOTTO_TAIL):
        for m in (_nationals(text) if rx is NATIONAL else rx.finditer(text)):
            if rx is NATIONAL and _in_sentence(text, m.start()):
                continue
            cuts.update((m.start(), m.end()))
            last = max(last, m.end())
    for m in PLACE_DATE.finditer(text):
        # the place: up to 4 words back from ", ngày", never across a landmark before it
        # ("... Hạnh phúcThuỷ Vân, ngày"), its first word capitalized ("Tân an")
        bound = max((c for c in cuts if c <= m.start()), default=0)
        words = [w for w in re.finditer(r"\S+", text[:m.start()]) if w.start() >= bound]
        k = len(words)
        while k > 0 and (_place_word(words[k - 1].group()) or words[k - 1].group().isalpha()
                         and words[k - 1].group().islower()) and len(words) - k < 4:
            k -= 1
        while k < len(words) and not _place_word(words[k].group()):
            k += 1
        if k < len(words):
            cuts.update((words[k].start(), m.end()))
            last = max(last, m.end())
        elif bound:
            cuts.add(m.end())
    t = doc_type.search(text, last)
    if t:
        cuts.add(t.start())
        p = PERIOD.search(text, t.end(), t.end() + 250)
        if p:
            rest = text[p.end():].lstrip()
            if rest[:1].isupper():
                cuts.add(p.end())
    b = BODY_START.search(text, t.end() if t else last)
    if b:
        cuts.add(b.start())
    if cuts:
        cuts |= _agency_cut(text, min(cuts))
    return cuts


NATIONAL_PLAIN = re.compile(ci("c") + r"(?i:ong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam)")


_plain = plain_chars  # one char for one char: offsets still hold


@lru_cache(maxsize=1)
def _by_base() -> dict[str, list[str]]:
    """Every BMP char by its plain form (one char for one), for the Latin letters and white space."""
    latin = set(ci("abcdefghijklmnopqrstuvwxyz")[1:-1].replace("\\", ""))  # what (?i) ASCII letters match
    by_base: dict[str, list[str]] = {}
    for cp in (*range(0xD800), *range(0xE000, 0x10000)):
        c = chr(cp)
        base = _plain(c) if unicodedata.decomposition(c) or c in "đĐ" else c  # no decomposition: itself
        if base in latin or base.isspace():
            by_base.setdefault(base, []).append(c)
    return by_base


def _plain_class(rx: str) -> list[str]:
    """The chars whose plain form `rx` matches."""
    return [c for base, cs in _by_base().items() if re.fullmatch(rx, base) for c in cs]


def _plain_words(words: str) -> str:
    """`words` as _national_plain_on_text spells them: each letter the class of every char whose plain
    form (one char for one) the letter matches in any case, any run of white space between words."""
    def cls(rx: str) -> str:
        return "[" + "".join(re.escape(c) for c in _plain_class(rx)) + "]"

    space = cls(r"\s") + "*"
    return space.join("".join(cls(f"(?i:{re.escape(ch)})") for ch in w) for w in words.split())


@lru_cache(maxsize=1)
def _national_plain_on_text() -> re.Pattern:
    """NATIONAL_PLAIN as it matches `_plain(text)`, run on the text itself (no copy of each line
    without marks): each letter becomes the class of every char whose plain form (one char for
    one) the letter matches in any case, each space the class of those that are white space.
    Same spans. Built once per process over the BMP (no char beyond it has a Latin or space base:
    tests/test_speed_helpers.py)."""
    return re.compile(_plain_words("cong hoa xa hoi chu nghia viet nam"))


@lru_cache(maxsize=1)
def _plain_xah() -> tuple[tuple[str, Callable], ...]:
    """What every match of _national_plain_on_text holds: its words from the "x" of "xa" on ("xã hội
    chủ nghĩa Việt Nam" as that pattern spells them), one search per char its "x" matches, each led
    by that char (sre's literal scan, ~6 instructions a char; the whole pattern opens with a class:
    ~57), tried only where a memchr finds the char. (Up to the "h" of "hội" only, a body line's "xã
    hội" sent the line to the whole pattern's scan.)"""
    tail = _plain_words("a hoi chu nghia viet nam")
    return tuple((x, re.compile(re.escape(x) + tail).search) for x in sorted(_plain_class("(?i:x)"), key=lambda c: c != "x"))


def _nationals(text: str, written: list[re.Match] | None = None) -> list[re.Match]:
    """The Quốc hiệu as written, or mistyped / without marks ("CÔNG HÒA", "CONG HOA XA HOI").
    `written`: NATIONAL's matches, when the caller has them."""
    found = list(NATIONAL.finditer(text)) if written is None else written
    if not found:
        # (both plain patterns hold an "x": most lines hold none, and need no class-led scan)
        if text.isascii():
            found = list(NATIONAL_PLAIN.finditer(text)) if "x" in text or "X" in text else []
        else:
            for x, search in _plain_xah():
                if x in text and search(text):
                    return list(_national_plain_on_text().finditer(text))
    return found


def _in_sentence(text: str, pos: int) -> bool:
    """The Quốc hiệu's words inside a sentence ("Quốc khánh nước Cộng hoà xã hội chủ nghĩa ..."):
    a lower-case word just before it."""
    prev = text[:pos].split()[-1:] 
    return bool(prev) and prev[0].isalpha() and prev[0].islower()


_CHROME_MARK = re.compile(r"[>»›|<]")
_ISALPHA, _ISUPPER = str.isalpha, str.isupper


def _caps_word(w: str) -> bool:
    # (the letters' tests through filter/map in C, the regex compiled once: re's cache lookup per
    # word cost more than the tests; tests/test_speed_frame20.py)
    letters = list(filter(_ISALPHA, w))
    return bool(letters) and all(map(_ISUPPER, letters)) and not _CHROME_MARK.search(w)


def _agency_cut(text: str, first: int) -> set[int]:
    """Site chrome before the agency column on the same line ("Trang 1 / 3 Trang chủ » Tin tức
    LĐLĐ QUẬN X CÔNG ĐOÀN TRƯỜNG Y CỘNG HÒA ..."): the agency is the run of words in capitals
    that ends at the first landmark; cut where it starts."""
    words = list(re.finditer(r"\S+", text[:first]))
    k = len(words)
    while k > 0 and _caps_word(words[k - 1].group()):
        k -= 1
    if 0 < k < len(words) and len(words) - k >= 2:
        return {words[k].start()}
    return set()


def closing_cuts(text: str) -> set[int]:
    """Cut points in a run-on line that holds the closing (Trên đây là, TM./KT., position, name, Nơi nhận)."""
    _, position = _lexicon()
    cuts: set[int] = set()
    for m in CLOSING_START.finditer(text):
        cuts.add(m.start())
        if fold(m.group()).startswith("nơi"):
            cuts.add(m.end())
            cuts |= _inline_items(text, m.end())
    for m in (ON_BEHALF.finditer(text) if may_hold_on_behalf(text) else ()):
        cuts.add(m.start())
        # the position: the last one in the capitals after TM./KT. that is not its first word
        # ("KT. CHỦ TỊCH | PHÓ CHỦ TỊCH", "TM. BCH CÔNG ĐOÀN | CHỦ TỊCH")
        caps_end = m.end()
        while caps_end < len(text) and not text[caps_end].islower():
            caps_end += 1
        span = text[m.end():caps_end]
        if span[-1:] and caps_end < len(text):  # back off the first letter of a Title-case word
            span = span.rsplit(" ", 1)[0]
        # (not one after a comma: "KT. BỘ TRƯỞNG, CHỦ NHIỆM" is one office with two titles)
        hits = [p for p in position.finditer(span) if p.start() > 0 and not span[:p.start()].rstrip().endswith(",")]
        if hits:
            p = hits[-1]
            cuts.update((m.end() + p.start(), m.end() + p.end()))
    cuts |= name_cut(text)
    return cuts


# a Nơi nhận item's bullet inside a line that holds the whole list ("Nơi nhận: - Bộ X; - Sở Y;
# (để b/c) - Lưu: VT."): a dash after the item's closing ";", "." or ")" and a space
_INLINE_ITEM = re.compile(r"(?<=[;.)])\s+[-+•]\s+(?=\S)")


def _inline_items(text: str, label_end: int) -> set[int]:
    """Where each item of a recipients list run on one line starts (after the "Nơi nhận:"
    label, up to the signature column if it shares the line)."""
    cuts: set[int] = set()
    end = len(text)
    cell = text.find(" | ", label_end)  # the signature column beside the list in a table row
    if cell >= 0:
        end = cell
        cuts.add(cell + 3)
    if may_hold_on_behalf(text) and (b := ON_BEHALF.search(text, label_end, end)):
        end = b.start()
    if "-" not in text[label_end:end] and "+" not in text[label_end:end] and "•" not in text[label_end:end]:
        return cuts
    return cuts | {m.start() + len(m.group()) - len(m.group().lstrip()) for m in _INLINE_ITEM.finditer(text, label_end, end)}


def name_cut(text: str) -> set[int]:
    """The signer's name glued after the last line of the closing ("- Lưu VT. Nguyễn Thị Huệ")."""
    stripped = text.rstrip(" ./")
    s = _name_run_start(stripped, len(stripped))
    if s and DEGREE.fullmatch(text[:s].strip()):
        return set()  # "ThS. Đinh Quang Vinh": a degree, then the name
    if s and (text[:s].rstrip()[-1:] in (".", ";", ":") or (may_hold_on_behalf(text[:s]) and ON_BEHALF.search(text[:s]))):
        return {s}
    if s and (p := _position_before(text, s)) is not None:
        return {p, s}  # "THỦ TƯỚNG Nguyễn Văn A": the position and the name in one table cell
    return set()


def _position_before(text: str, s: int) -> int | None:
    """Start of a position in capitals that ends right before `s` and opens its column (the line
    starts there, or a table cell's " | " or a stop comes before it)."""
    head = text[:s].rstrip()
    _, position = _lexicon()
    hit = None
    for m in position.finditer(head):
        if m.end() == len(head):
            hit = m
            break
    if hit is None:
        return None
    # the whole capitals run before the name is one position or two ("TRƯỞNG BAN PHÓ THỦ TƯỚNG")
    k = hit.start()
    while True:
        before = head[:k].rstrip()
        prev = next((m for m in position.finditer(before) if m.end() == len(before)), None)
        if prev is None:
            break
        k = prev.start()
    lead = head[:k].rstrip()
    return k if (not lead or lead.endswith(("|", ".", ";", ":"))) else None


def header_landmarks(text: str) -> int:
    """How many kinds of header landmark the line holds (a run-on header holds several)."""
    doc_type, _ = _lexicon()
    kinds = [NATIONAL.search(text), may_hold_motto(text) and MOTTO.search(text), NUMBER.search(text), PLACE_DATE.search(text),
             doc_type.search(text)]
    return sum(1 for k in kinds if k)


ANNEX_NOTE = re.compile(r"(?i)\(\s*(?:ban\s+hành\s+)?kèm\s+theo\b")


GLUED_PERIOD = re.compile(r"^(?:NĂM\s+HỌC|Năm\s+học|NHIỆM\s+KỲ|Nhiệm\s+kỳ)\s*\d{4}\s*[-–]\s*\d{4}(?=[A-ZĐÀ-Ỹ])")  # then a word in ordinary case
HEADING_MARK = re.compile(r"^(?:[IVX]{1,4}\s*[./)]|[A-ZĐ][.)]?[-–]$)")


# a công văn's subject beside the place-date in one row of a PDF: "Hà Nội, ngày 3 tháng 4 năm 2025 V/v ..."
_DATE_THEN_VV = re.compile(r"(?i),\s*ngày\s*[\d\s.…_]{0,12}tháng\s*[\d\s.…_]{0,12}năm\s*\d{4}\s+(?=v\s*/\s*v\b)")


def vv_cut(text: str) -> set[int]:
    m = _DATE_THEN_VV.search(text) if "/" in text else None  # (its "V/v" holds the "/": a memchr first)
    return {m.end()} if m else set()


def title_body_cut(text: str) -> set[int]:
    """A title in capitals run together with the first sentence of the body ("KẾ HOẠCH TỔ CHỨC
    ... NĂM 2022 Năm 2022, dự báo tình hình ..."): cut where the capitals end; and before an
    annex note glued to it ("QUY CHẾ ...(Ban hành kèm theo Quyết định ...)")."""
    doc_type, _ = _lexicon()
    note = ANNEX_NOTE.search(text) if "(" in text else None  # (its match opens with "(": a memchr first)
    if note and note.start() > 0:
        return {note.start()}
    glued = GLUED_PERIOD.match(text)
    if glued and text[glued.end():glued.end() + 2][1:].islower():
        return {glued.end()}  # a title's last line run into the body: "NĂM HỌC 2016 - 2017Hôm nay, ..."
    # (a site glued the type word to the next: "BÁOCÁOKIỂMTRA THỰC HIỆN ..."; a title's second
    # line "VÀ NHIỆM VỤ ..." run into the headings)
    if len(text) < MIN_LEN:
        return set()
    if text[1:2].isalpha() and not text[1:2].isupper() and not text[:1].isspace():
        return set()  # (the line's first word goes on in a small letter: `second` below, without the split)
    # the walk below cuts only after three words in capitals (or without letters) open the line:
    # a line that does not open so needs no type word test (\S+ runs are what str.split() gives)
    head = text.split(None, 3)[:3]
    second = head[0][1:2] if head else ""  # (a first word like "Thực": a small letter fails the walk at once)
    if (len(head) < 3 or (second.isalpha() and not second.isupper())
            or not all(_caps_word(w) or not any(c.isalpha() for c in w) for w in head)):
        return set()
    from kehoach.parser.frame import doc_type_of

    if not (doc_type.match(text) or doc_type_of(text.split(" ", 1)[0]) or text.startswith("VÀ ")):
        return set()
    words = list(re.finditer(r"\S+", text))
    k = 0
    while k < len(words) and (_caps_word(words[k].group()) or not any(c.isalpha() for c in words[k].group())):
        if k >= 3 and HEADING_MARK.match(words[k].group()):
            return {words[k].start()}  # the first heading glued on: "... 2007 - 2009 I./CÔNG TÁC ...", "A- ĐÁNH GIÁ"
        k += 1
    # the sentence may open with a dash glued to it ("... 8/3/2013 *** -Thực hiện ...")
    lead = len(words[k].group()) - len(words[k].group().lstrip("-–•*+")) if k < len(words) else 0
    w = words[k].group()[lead:] if k < len(words) else ""
    if 3 <= k < len(words) and w[:1].isupper() and not _caps_word(w):
        return {words[k].start()}
    return set()


# (glued: no space after the stop, the mark of a lost line break)
# (the stop is matched, not looked back at: sre skips to the stops in C)
_SENTENCE_END = re.compile(r"[.!?;](?<=[a-zđà-ỹ\d)”\"].)(?=[A-ZĐÀ-Ỹ])")
_GLUED_DIGITS = re.compile(r"^\d+(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])")  # "2021Đơn": the title's last year, then the next line
_GLUED_BODY = re.compile(r"(?<=[.…;:])\s*(?=(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi)\b)")


# a stop glued to a capital: what every match of _SENTENCE_END holds, one search per stop, each led
# by its stop (sre's literal scan, ~6 instructions a char; _SENTENCE_END opens with a class: ~57)
_GLUED_STOPS = tuple((c, re.compile(re.escape(c) + r"(?=[A-ZĐÀ-Ỹ])").search) for c in ".!?;")


def _glued_stop(text: str) -> bool:
    """Whether _SENTENCE_END.finditer(text, 0, 401) may find anything (the same end: the same look ahead)."""
    for c, search in _GLUED_STOPS:
        if c in text and search(text, 0, 401):
            return True
    return False


_NUMBER_BEFORE_STOP = re.compile(r"(?:^|[\s.:;])(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+)$")
_NUMBER_RUN = re.compile(r"[\d.IVX]*\n?")
_WORD_RUN = re.compile(r"\S+")


def _number_before(text: str, end: int) -> bool:
    """_NUMBER_BEFORE_STOP.search(text[:end]) (an outline number ends there), tried from 12 chars
    before `end`, not at every char of the text before it: a match that starts earlier has only
    digits, dots and I/V/X after its first char (and maybe the line break `$` stops before), and
    only then is the whole text searched (tests/test_speed_frame25.py)."""
    lo = max(0, end - 12)
    if lo and _NUMBER_RUN.fullmatch(text, lo + 1, end):
        lo = 0
    return _NUMBER_BEFORE_STOP.search(text, lo, end) is not None


def glued_title_cut(text: str) -> set[int]:
    """A preview that lost its line breaks (document-sharing sites): the site's summary sentence,
    then the title in capitals glued to its full stop, the line under it and the body
    ("... năm học 2020 2021.KẾ HOẠCHHOẠT ĐỘNG ... NĂM HỌC 2020 – 2021Đơn vị: Công đoàn trường
    X ...Căn cứ ..."): cut before the title, where its capitals end, and before the glued body."""
    if len(text) < MIN_LEN or not _glued_stop(text):
        return set()
    # (searched as if the line ended at 401: a stop ending by 400 still sees the capital after it;
    # the walk stopped at the first stop past 400 anyway)
    for m in _SENTENCE_END.finditer(text, 0, 401):
        p = m.end()
        if p > 400:
            break  # the title follows the site's short summary, not a paragraph of the body
        if _number_before(text, m.start()):
            continue  # an outline number's stop ("như sau.2. KẾ HOẠCH CỤ THỂ"): a heading, no title
        from kehoach.parser.frame import doc_type_of

        # (the words read up to the first that is not in capitals: mostly the first one after the stop)
        head: list[str] = []
        w = None
        for x in _WORD_RUN.finditer(text[p:p + 400]):
            if not (_caps_word(x.group()) or not any(c.isalpha() for c in x.group())):
                w = x
                break
            head.append(x.group())
        k = len(head)
        if k < 2 or w is None or not doc_type_of(" ".join(head)):
            continue  # no run of capitals opening with a type word, or the line ends there
        glued = _GLUED_DIGITS.match(w.group())
        if glued:
            end = p + w.start() + glued.end()
        elif w.group()[:1].isupper() and k >= 2:
            end = p + w.start()
        else:
            return set()
        cuts = {p, end}
        body = _GLUED_BODY.search(text, end)
        if body and body.end() > end:
            cuts.add(body.end())
        return cuts
    return set()


def is_header_line(text: str) -> bool:
    """A line that holds part of the header run together with something else: the Quốc hiệu or
    the motto beside the agency (a PDF copied as text joins the two columns with one space),
    a number line followed by the place-date, or a long run-on line with several landmarks."""
    written = list(NATIONAL.finditer(text)) if may_hold_national(text) else []  # (header_landmarks' first kind, below)
    if (any(not _in_sentence(text, m.start()) for m in _nationals(text, written)) or (may_hold_motto(text) and MOTTO.search(text))
            or NUMBER.match(text) or (MOTTO_TAIL.match(text) and PLACE_DATE.search(text))):
        return True
    pd = PLACE_DATE.search(text)
    if pd and pd.start() > 0:
        # the agency and the place-date on one line: "CHI BỘ ẤP X Hòa Khánh, ngày ..."
        words = text[:pd.start()].split()
        k = len(words)
        while k > 0 and _title_case(words[k - 1]) and not _caps_word(words[k - 1]) and len(words) - k < 4:
            k -= 1
        head = words[:k]
        if len(head) >= 2 and sum(_caps_word(w) for w in head) >= 2 and _caps_word(head[-1]) or head[-1:] and head[-1].isdigit():
            return True
    if len(text) < MIN_LEN:
        return False
    # header_landmarks(text) >= 2, with what is known here: no motto, the place-date searched
    # (the type word is searched for only when it could make the second kind: a body line holds none)
    kinds = bool(written) + bool(pd) + bool(NUMBER.search(text))
    if kinds != 1:
        return kinds >= 2
    doc_type, _ = _lexicon()
    return doc_type.search(text) is not None


def may_open_closing(text: str) -> bool:
    """False when CLOSING_START cannot match `text`: its "trên đây là" holds an ê and an â, its "nơi
    nhận/gửi" an ơ, each in either case ((?i) matches no other char: tests/test_speed_frame23.py);
    six memchr scans instead of the class-led one (~57 instructions a char, [tTnN] are everywhere)."""
    return (("ê" in text or "Ê" in text) and ("â" in text or "Â" in text)) or "ơ" in text or "Ơ" in text


def is_closing(text: str) -> bool:
    return bool((may_open_closing(text) and CLOSING_START.search(text)) or (may_hold_on_behalf(text) and ON_BEHALF.search(text)))


_ITEM = re.compile(r"^[-+•]\s*\S")  # (compiled once: the closing's every line is tried)
_ITEM_END = re.compile(r"[;.]\s+(?=\S)")
_SIGNED_NOTE = re.compile(r"\((?:đã\s+ký|ký)[^)]*\)", re.I)
_SIGNED_NOTE_NAME = re.compile(r"\((?:đã\s+ký|ký)[^)]*\)\s+(\S+(?:\s+\S+){1,3})", re.I)


def recipient_cut(text: str) -> set[int]:
    """A Nơi nhận item with the signature column beside it on the same line ("- Bộ Tư pháp;
    PHÓ CHỦ TỊCH", "- UBND các huyện; Nguyễn Văn Hiệp", "- Lưu: VT. (Đã ký)", "- Như trên; (đã ký)
    Lê Văn C"): cut after the item's ";" or "." where what follows is a signature part (and
    between "(đã ký)" and the name after it)."""
    if not _ITEM.match(text):
        return set()
    _, position = _lexicon()
    for m in _ITEM_END.finditer(text):
        tail = text[m.end():].rstrip()  # (the match ends before a non-space)
        words = tail.split(None, 4)  # (only 2-4 words are looked at: a fifth split says "more")
        note = tail[:1] == "("  # (both signing notes open with it: no regex call, or re's cache lookup, without)
        if (ON_BEHALF.match(tail) or position.fullmatch(tail.rstrip(" .:"))
                or (note and _SIGNED_NOTE.fullmatch(tail))
                or (2 <= len(words) <= 4 and all(_title_case(w) for w in words))):
            return {m.end()}
        signed = _SIGNED_NOTE_NAME.fullmatch(tail) if note else None
        if signed and all(_title_case(w) for w in signed.group(1).split()):
            return {m.end(), m.end() + signed.start(1)}
    return set()


def split(text: str, start: int, cuts: set[int]) -> list[tuple[str, int]]:
    """The pieces of `text` (which sits at `start` in the document) between the cut points, stripped,
    with their document offsets."""
    out: list[tuple[str, int]] = []
    bounds = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip(" \t|"))  # a pipe row's separators are no content
        piece = piece.strip(" \t|")
        if piece:
            out.append((piece, start + a + lead))
    return out
