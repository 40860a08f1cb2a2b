"""Legal references: "<Type> [số] <symbol> [, ngày <date>] [của <issuer>] [về (việc) <subject>]".

Only a named type followed by a symbol is a reference ("Nghị quyết Đại hội ..." is not).
The symbol is parsed into number / year / type code / issuer code and its system
(state number/year/TYPE-ISSUER vs party number-TYPE/ISSUER). Mentions of one symbol merge.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp.dates import DateHit, date_at
from kehoach.parser.nlp.clauses import name_automaton, name_starts
from kehoach.parser.text.fastre import finditer_at, literal_alt
from kehoach.parser.text.normalize import fold, strip_accents

_LETTERS = "A-Za-zĐđ"
# capitals with marks a code may hold: "30-CT/TƯ" (Trung ương), "CTTƯ"
_CAPS_VN = "ÂĂÊÔƠƯ"
# one code: letters and '&', never swallowing a glued "của"/"ngày"/"về" ("05-CT/TWcủa"); a dot
# joins two parts of one code when capitals follow it ("194/TB-THPT.XM", "377/QC.UB-LĐLĐ")
# ('&' may stand spaced between capitals: "2558/SGD &ĐT-TTr", "394/CĐGDVN-BGD & ĐT")
_CODE = (rf"(?:(?!của|ngày|về|năm|và)(?:[{_LETTERS}{_CAPS_VN}&]|(?-i:[ \t]+&(?=[ \t]*[A-ZĐ])|(?<=&)[ \t]+(?=[A-ZĐ]))))+"
         rf"(?:\.(?-i:[A-ZĐ{_CAPS_VN}]+)(?![{_LETTERS}À-ỹ]))*"
         rf"(?:\d{{1,2}}(?![\d/]))?")  # QH13: a term number
_SEP = r"[ \t]*[/\-–_][ \t]*"  # "_" typed for "-": "10/2007/QĐ_BKHCN"


def _symbol(glued: bool) -> str:
    """A symbol: its number, then codes after a separator, or capitals after a space ("41 QĐ-TLĐ"),
    or with `glued` (after a type word only) capitals right after the number, where a site lost
    the slash and dash: "Công văn số 190KHLĐLĐ"."""
    space = r"[ \t]*" if glued else r"[ \t]+"
    return (rf"(?P<sym>(?P<num>\d{{1,5}}[a-z]?)(?:{_SEP}(?:\d{{4}}|{_CODE})|{space}(?-i:(?=[A-ZĐ]{{2}})[A-ZĐ]{_CODE}?))"
            rf"(?:{_SEP}(?:\d{{4}}(?![\d/])|{_CODE}))*"
            rf"(?:[ \t]+(?-i:T[WƯ])(?![\w]))?)")  # a party body's code spaced from its "TW": "02-HD/UBKT TW"


_SYMBOL = _symbol(False)
# the issuer ends before these words (" và " only when a lower-case word or a quote follows:
# "Bộ Giáo dục và Đào tạo" is one name, "Bộ Chính trị và “Đổi mới ...”" is not)
# verbs that end an issuer's name ("... của Ủy ban nhân dân tỉnh thực hiện Nghị định ...")
_VERB_WORDS = r"ban ?hành|sửa đổi|bổ sung|áp dụng|phê duyệt|triển khai|kèm theo|thông báo|thực hiện"  # "banhành": glued by a site
_VERB_STOPS = rf"(?:{_VERB_WORDS})\b"
_STOP_ISSUER = re.compile(r"\s+(?:về|ngày|theo|tại|đã|nhằm|trong|để|hướng dẫn|quy định|qui định|với|đến|cho|gắn|năm"
                          r"|VỀ|Về|NGÀY"  # (a title in capitals: "... CỦA BAN BÍ THƯ VỀ ...", a subject "Về việc")
                          # a type word in lower case after the body opens the cited text's own words
                          # ("của Chính phủ nghị định về xử lý ..."); a clause's verb ("... có ý kiến")
                          r"|nghị định|quyết định|thông tư|chỉ thị|nghị quyết|có ý kiến|nhận được)(?![^\W\d_])"
                          r"|\s+và\s+(?![A-ZĐÀ-ÝẠ-Ỹ])|[,;:“”\"(\n]|(?<!TP)(?<!Tp)\.|(?<!ương)(?<!khóa)(?<!khoá)(?<!thứ)\s+\d"
                          r"|\s+[Vv]/[Vv]\b|\s+" + _VERB_STOPS)


# the precomposed letters with a tone mark (U+1EA0-U+1EF9): some legacy conversions drop them,
# whole words' worth ("Căn c ch th s 30/CT-TW" for "Căn cứ chỉ thị số 30/CT-TW")
_TONED = re.compile("[\u1ea0-\u1ef9]")


def _damaged_names(types: dict) -> dict:
    """Each type name with some syllables' toned letters dropped ("ch th", "ngh định"), -> its type."""
    out = {}
    for name, canon in types.items():
        forms = [""]
        for syl in name.split(" "):
            bare = _TONED.sub("", syl)
            alts = [syl, bare] if bare and bare != syl else [syl]
            forms = [f"{f} {a}" if f else a for f in forms for a in alts]
        for f in forms:
            if f != name and f not in types:
                out.setdefault(f, canon)
    return out


@lru_cache(maxsize=1)
def _tables():
    plain = models.load("legal_ref_types.yaml")["types"]
    types = {**plain, **_damaged_names(plain)}  # (a damaged name counts only before its symbol)
    codes = models.load("doc_type_codes.yaml")
    names = sorted(types, key=len, reverse=True)
    # "<Type> [số] SYMBOL", or "<Type> <short name> số SYMBOL" ("Luật Công đoàn số 12/2012/QH13")
    # the type opens with a class of first letters (sre skips to it in C), then only the types with
    # that letter are tried: what `(?i)(?<![letters])(?P<type>{type_alt})...` finds (fastre.literal_alt)
    first, rest = literal_alt(names)
    # the short name never holds another type word: in "quy định tại Thông tư số ..." the verb
    # "quy định" is no type, the Thông tư is (`(?!(?i:{type_alt})(?![letters]))`, per char of the
    # name: the class of first letters rejects most chars at once)
    name_char = rf"(?:(?!{first}{rest}(?![{_LETTERS}À-ỹ]))[^\n,;:.“”\d])"
    # a line break may fall between the type, "số" and the symbol (hard-wrapped web text)
    # "s": a "số" whose marked letter a conversion dropped ("Thông tư liên tịch s 12/TT/LT")
    so = r"(?:số|so|s(?=[ \t]+\d))"
    rx = re.compile(rf"(?P<type>{first}(?i:(?<![{_LETTERS}À-ỹ].)){rest})"
                    rf"(?i:(?:(?:[ \t]+|(?-i:(?=[A-ZĐ])))(?P<name>{name_char}{{1,50}}?)[ \t]+{so}[ \t]*:?"
                    rf"|(?:[ \t]+|[ \t]*\n[ \t]*)(?:{so}[ \t]*:?)?|(?-i:số)[ \t]*:?)"  # glued by a site: "Quyết địnhsố"
                    rf"(?:[ \t]*(?:số|so)[ \t]*:)?"  # typed twice: "công văn số Số: 186/CV-GD&ĐT"
                    rf"(?:[ \t]*\n)?[ \t]*{_symbol(True)})")
    return types, codes, rx


@lru_cache(maxsize=1)
def _type_names():
    """The type names' automaton: where a type may start (clauses.name_starts)."""
    types, _, _ = _tables()
    return name_automaton(types)


# no char of these stands between a reference's type and its number (the type is letters and
# spaces; the name, "số", ':', spaces and line breaks hold none): a type that meets one first is none
_PAST_TYPE = re.compile(r"[,;.“”\d]")


def _typed_matches(text: str):
    """rx.finditer(text): every match opens on a type name, so rx is tried only where one starts."""
    _, _, rx = _tables()
    starts = name_starts(_type_names(), text)
    if starts is None:
        return rx.finditer(text)
    keep = []
    for p in starts:
        m = _PAST_TYPE.search(text, p, p + 400)  # (none that near: rx decides)
        if m is None or m.group() not in ",;.“”":
            keep.append(p)
    return finditer_at(rx, text, keep)


@lru_cache(maxsize=1)
def _bare():
    """'số SYMBOL' with no type word before it ("Thủ tướng Chính phủ: số 1400/QĐ-TTg", "Văn bản số 66/...,
    số 56/..."): a reference when its symbol carries a type code, or right after another reference."""
    # lower-case "số" and no colon: "Số: 12/KH-CĐ" is a document's own number label
    return re.compile(rf"số(?<![{_LETTERS}À-ỹ]số)[ \t]+(?i:{_SYMBOL})")  # "số" first: a literal sre searches for


@lru_cache(maxsize=1)
def _issuer_stop():
    """Where a cited document's issuer ends: the fixed stops, or another document type ("... huyện
    Cần Giuộc Kế hoạch tổ chức", "Tam Kỳ và Kế hoạch số ...")."""
    types = models.load("legal_ref_types.yaml")["types"]  # (the names as written: no damaged forms)
    type_alt = "|".join(re.escape(n) for n in sorted(types, key=len, reverse=True))
    caps = "|".join(re.escape(n[:1].upper() + n[1:]) for n in sorted(types, key=len, reverse=True))
    return re.compile(rf"{_STOP_ISSUER.pattern}|\s+(?:(?i:và)\s+(?i:{type_alt})|(?:{caps}))(?![{_LETTERS}À-ỹ])")


# the organisations a cited document comes from, when "của X" stands after its subject
_ISSUER_TAIL = re.compile(r"\s+của\s+(?P<iss>(?:(?:Bộ trưởng|Thủ tướng|Chủ tịch|Giám đốc|Hiệu trưởng)\s+)?"
                          r"(?:Bộ|Sở|Phòng|UBND|Ủy ban|Uỷ ban|Ban|Liên đoàn|LĐLĐ|Công đoàn|CĐ|Tổng|Chính phủ|Hội đồng|"
                          r"Trường|Đảng|Cục|Văn phòng|Quốc hội|Đoàn|Hội)\b[^,;.\n]{0,80})$")


@dataclass
class RefMention:
    start: int
    end: int
    type: str
    symbol: str
    number: str
    system: str
    year: int | None
    type_code: str | None
    issuer_code: str | None
    date: str | None = None
    issuer: str | None = None
    subject: str | None = None
    key: str = ""
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def _folded_codes() -> tuple[dict[str, str], dict[str, str], set[str]]:
    """State and party type codes and party issuers by their folded form (once per process, not per symbol)."""
    _, codes, _ = _tables()
    return ({fold(k): k for k in codes["state"]}, {fold(k): k for k in codes["party"]},
            {fold(x) for x in codes["party_issuers"]})


_SYMBOL_SEP = re.compile(r"\s*([/\-–_])\s*")
_SYMBOL_NUM = re.compile(r"(\d+[a-z]?)([/\-\s])?(.*)")
_SYMBOL_PART = re.compile(r"[/\-\s]")
_FOUR_DIGITS = re.compile(r"\d{4}")
_SPACED_AMP = re.compile(r"[ \t]*&[ \t]*")


def parse_symbol(symbol: str) -> dict:
    """Split a symbol as written into its parts."""
    s = _SYMBOL_SEP.sub(r"\1", symbol.strip()).replace("–", "-").replace("_", "-")
    if "&" in s:
        s = _SPACED_AMP.sub("&", s)  # "SGD &ĐT" is the code "SGD&ĐT"
    m = _SYMBOL_NUM.match(s)
    num, sep, rest = m.group(1), m.group(2) or " ", m.group(3)
    parts = [p for p in _SYMBOL_PART.split(rest) if p]
    year = next((int(p) for p in parts if _FOUR_DIGITS.fullmatch(p)), None)
    letters = [p for p in parts if not p.isdigit()]
    state_codes, party_codes, party_iss = _folded_codes()
    after_slash = s.split("/", 1)[1] if "/" in s else ""
    last = fold(letters[-1]) if letters else ""
    system = "state"
    if sep in "- " and year is None and letters and fold(letters[0]) in party_codes and (
            last in party_iss or "/" in s):
        system = "party"
    type_code = issuer_code = None
    if system == "party":
        type_code = party_codes[fold(letters[0])]
        issuer_code = "-".join(letters[1:]) or None
    else:
        tail = after_slash if after_slash else rest
        tparts = [p for p in re.split(r"[/]", tail) if p and not p.isdigit()]
        code_str = tparts[-1] if tparts else ""
        sub = [p for p in code_str.split("-") if p]
        if len(sub) >= 2 and fold(sub[0]) in state_codes:
            type_code, issuer_code = state_codes[fold(sub[0])], "-".join(sub[1:])
        elif sub:  # Công văn 1234/BGDĐT-VP, Nghị định 71/CP: no type code
            issuer_code = "-".join(sub)
    key = num.lstrip("0").lower() + "|" + "".join(fold(p) for p in letters) + "|" + (str(year) if year else "")
    return {"number": num, "system": system, "year": year, "type_code": type_code,
            "issuer_code": issuer_code, "key": key}


def _canonical_type(name: str) -> str:
    types, _, _ = _tables()
    return types.get(fold(name).strip(), name.strip().capitalize())


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    # (the issuer may wrap onto the next line: "... năm 2025 của\nBan Tuyên giáo ...")
    m = re.match(r"[ \t\n]*,?[ \t\n]*(?i:của)[ \t]*(?:\n[ \t]*(?=[A-ZĐÀ-Ỹ]))?", text[pos:pos + 26]) or re.match(r"(?<=[A-Za-zĐđ])của[ \t]*", text[pos:pos + 8])
    if not m:
        # a dropped "của" ("ngày 18/5/2015 Ban Thường vụ LĐLĐ huyện"): an organisation right after the date
        # (not after a comma: "ngày 27/10/2008, Thủ tướng Chính phủ có ý kiến": the next clause's subject)
        m = re.match(rf"[ \t]*(?=(?:{_ORG_HEADS})\b)", text[pos:pos + 24])
        if not m or text[pos:pos + m.end()].strip() == "" and not text[pos - 1:pos].isdigit():
            return None, pos
    s = pos + m.end()
    e = _issuer_end(text, s)
    iss = " ".join(text[s:e].split())
    return (iss or None), e


_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
_BODY_SEP = re.compile(r"[ \t]*,?[ \t]*(?:(?i:và)[ \t]+)?")
_JOINT_LEAD = re.compile(r"[ \t]*,?[ \t]*(?i:của|giữa)[ \t]+")


def _body_end(text: str, pos: int, code: str) -> int | None:
    """Where the body named by `code` through its initials ends, read from `pos` ("Ban An toàn giao
    thông thành phố" for BATGTTP, "Bộ Văn hoá, Thể thao và Du lịch" for BVHTTDL: "và" and a comma
    inside the name count for nothing); None when the words there are not its initials."""
    want, got = re.sub(r"[^a-z]", "", strip_accents(code).lower()), ""
    while len(got) < len(want):
        m = _WORD.match(text, pos)
        if not m:
            return None
        w = strip_accents(m.group(1)).lower()
        pos = m.end()
        if w == "va" and got:
            continue
        got += w[0]
        if not want.startswith(got):
            return None
        if len(got) < len(want) and text[pos:pos + 1] == ",":
            pos += 1  # "Bộ Văn hoá, Thể thao ..."
    return pos if got else None


def _joint_issuers(text: str, pos: int, issuer_code: str | None) -> tuple[str | None, int]:
    """A document issued jointly ("số 12/KH-SGDĐT-BATGTTP-SGTVT ... của Sở A, Ban B, Sở C", "Chương
    trình phối hợp ... giữa Bộ A và Tổng Liên đoàn B"): its symbol names each body by its initials,
    so the issuers are the bodies read in that order, joined by a comma or "và". (None, pos) when the
    code names one body or the text does not spell them so."""
    codes = [c for c in re.split(r"[-–]", issuer_code or "") if c.strip()]
    lead = _JOINT_LEAD.match(text, pos)
    if len(codes) < 2 or not lead:
        return None, pos
    # (a first code may be a type code the tables do not know: CTPH, "chương trình phối hợp")
    for bodies in (codes, codes[1:]) if len(codes) >= 3 else (codes,):
        e: int | None = lead.end()
        for k, code in enumerate(bodies):
            if k:
                sep = _BODY_SEP.match(text, e)
                if not sep.group().strip():
                    e = None
                    break
                e = sep.end()
            e = _body_end(text, e, code)
            if e is None:
                break
        if e is not None:
            e = _issuer_end(text, e)  # the last body's place: "... Việt Nam", "... tỉnh An Giang"
            return " ".join(text[lead.end():e].split()), e
    return None, pos


def _issuer_end(text: str, s: int) -> int:
    """The issuer runs to a stop; a hard line break inside it (wrapped web text) is passed when the
    next line goes on in lower case ("Bộ Giáo dục\nvà Đào tạo")."""
    limit = min(len(text), s + 160)
    pos = s
    while True:
        stop = _issuer_stop().search(text, pos, limit)
        if stop is None:
            return limit
        if text[stop.start()] == "\n" and stop.start() + 1 < len(text) and _goes_on(text, s, stop.start()):
            pos = stop.start() + 1
            continue
        if text[stop.start()] == "(" and (abbr := _NAME_ABBR.match(text, stop.start())):
            # "Tổng Liên đoàn Lao động (LĐLĐ) Việt Nam": the name goes on past its abbreviation
            nxt = _issuer_end(text, abbr.end())
            return nxt if text[abbr.end():nxt].strip() else stop.start()
        if text[stop.start()] == ":" and _JOINT_MINISTRIES.search(text, max(s, stop.start() - 9), stop.start()):
            pos = stop.start() + 1  # "của liên Bộ: Thông tin và Truyền thông – Công an": the ministries follow
            continue
        if text[stop.start()] == "," and _JOINT_LEAD_WORDS.match(text, s) and _next_body(text, stop.start() + 1):
            pos = stop.start() + 1  # "Liên Bộ Giáo dục và Đào tạo, Bộ Tài chính, Bộ Y tế": the list goes on
            continue
        if _STEERING.match(text, s) and not text[stop.start()] in "\n;.(":
            # "Ban chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện X": a steering board is named by
            # its task, commas and verbs included; it ends at a date, a subject or the sentence
            end = _STEERING_END.search(text, stop.start(), limit)
            return end.start() if end else limit
        return stop.start()


_JOINT_MINISTRIES = re.compile(r"(?i)\bliên[ \t]+(?:bộ|ngành)[ \t]*$")
_JOINT_LEAD_WORDS = re.compile(r"(?i)liên[ \t]+(?:bộ|ngành)\b")
_NEXT_BODY = re.compile(r"[ \t]+(?:Bộ[ \t]+)?([^\W\d_]+)")


def _next_body(text: str, pos: int) -> bool:
    """After a comma in a joint issuers' list: the next body, a capitalised name ("Bộ Tài chính",
    "Y tế"), not a clause."""
    m = _NEXT_BODY.match(text, pos)
    return bool(m) and m.group(1)[:1].isupper()
_NAME_ABBR = re.compile(r"\([A-ZĐ&]{2,}\)(?=[ \t]+[A-ZĐ][a-zà-ỹđ]+\b)")
_STEERING = re.compile(r"(?i)ban chỉ đạo\s+(?!tỉnh|huyện|thành phố|quận|xã|phường)\w")
_STEERING_END = re.compile(r"\s+(?:về|ngày|tại|nhằm|để)\b|[;.:“”\"]|\n(?=[A-ZĐÀ-ÝẠ-Ỹ])")
_AFTER_BREAK = re.compile(r"(?:về|ngày|theo|tại|nhằm|để|v/v|" + _VERB_WORDS + r")\b", re.I)


def _goes_on(text: str, s: int, nl: int) -> bool:
    """Whether the issuer read so far (text[s:nl]) goes on past this hard line break: the next
    line starts in lower case ("Bộ Giáo dục\nvà Đào tạo"), or the line ended on "và" or on a
    head that wants its name ("Trường THPT\nPhước Bửu", "Bộ Giáo dục và\nĐào tạo"); never into a
    verb or "về ..." ("Thủ tướng Chính phủ\nphê duyệt Đề án")."""
    nxt = text[nl + 1:nl + 2]
    if not nxt or _AFTER_BREAK.match(text, nl + 1):
        return False
    if nxt.islower() or re.match(r"T[Pp]\.\s?[A-ZĐ]", text[nl + 1:nl + 6]):
        return True  # (or the city of a department: "Sở GD&ĐT\nTP.HCM")
    words = text[s:nl].split()
    return bool(words) and nxt.isupper() and (words[-1] in ("và", "Và") or (len(words) <= 3 and words[-1] in _WANTS_NAME))


# the last word of an issuer that cannot end it: a school level or a body still to be named
_WANTS_NAME = {"THPT", "THCS", "TH", "MN", "MG", "PTDTBT", "GDTX", "UBND", "TP", "Trường", "TRƯỜNG", "Sở", "SỞ",
               "Phòng", "PHÒNG", "Bộ", "BỘ", "Ban", "BAN", "huyện", "tỉnh", "xã", "phường", "quận"}


_ORG_HEADS = ("Ban Thường vụ|Ban Chấp hành|Ban Chỉ đạo|Bộ Chính trị|Ban Bí thư|Chính phủ|Thủ tướng|Bộ|Sở|Phòng|UBND|"
              "Ủy ban|Uỷ ban|Liên đoàn|LĐLĐ|Công đoàn|Tổng Liên đoàn|Hội đồng|Văn phòng|Cục")
# "của Sở GD&ĐT tại công văn số ...", "Theo đề nghị của Ban Tài chính tại Tờ trình số ...": the issuer before
_ISSUER_BEFORE = re.compile(r"(?:của|Thực hiện sự chỉ đạo của)[ \t]+(?P<iss>[^,;:\n]{3,90}?)[ \t]+(?:tại|theo)[ \t]+$")


# a list of documents led by their type and issuer: "các Quyết định của Thủ tướng Chính phủ: số A ..."
# (or without the colon: "các Quyết định của Thủ tướng Chính phủ số A, số B và số C")
_LIST_ISSUER = re.compile(r"(?i:quyết định|chỉ thị|nghị quyết|nghị định|thông tư|văn bản|công văn|kế hoạch|hướng dẫn)"
                          r"[ \t]+(?i:của)[ \t]+(?P<iss>[^,;:.()\d]{3,60}?)[ \t]*:?[ \t]*$")


def _share_issuers(text: str, mentions: list) -> None:
    """'Quyết định số A ngày X và Hướng dẫn số B ngày Y của Đoàn Chủ tịch TLĐ', 'Báo cáo số A, số B
    của Bộ Công an': one "của" closes a list of documents; each takes its issuer."""
    for a, b in zip(mentions[::-1][1:], mentions[::-1]):
        if a.issuer is None and b.issuer is not None and 0 <= b.start - a.end <= 80:
            between = text[a.end:b.start]
            if not re.search(r"[;.\n]|\bcủa\b|\bvề\b", between, re.I) and re.search(r"(?:,|\bvà\b)", between, re.I):
                a.issuer = b.issuer


_SUBJECT_END = re.compile(r"[;\n]|\.(?!\S)")


_SUBJECT_LEAD = re.compile(r"[ \t]*,?[ \t]*(?:về|[Vv]/[Vv])[ \t]+(?:việc[ \t]+)?")


def _subject_after(text: str, pos: int, span: list | None = None) -> str | None:
    """The subject "về (việc) ..." or "V/v ..." after a reference; `span` gets [start, end]."""
    m = _SUBJECT_LEAD.match(text[pos:pos + 16])
    if not m:
        return None
    s = pos + m.end()
    # up to ';', a line break or a '.' closing the sentence, at most 301 chars ('\s' is str.isspace)
    stop = _SUBJECT_END.search(text, s, s + 302)
    e = min(stop.start() if stop else len(text), s + 301, len(text))
    subj = text[s:e].strip(" ,“”\"")
    if span is not None:
        span[:] = [s, e]
    return subj or None


def _whole_words(symbol: str, text: str, start: int) -> str:
    """The symbol without a last code that is only the head of a word ("Điều lệ 13- Điều lệ ...",
    "394/CĐGDVN-Bộ"): a code ends where its word does (a glued "của"/"ngày" aside)."""
    end = start + len(symbol)
    if end < len(text) and symbol[-1:].isalpha() and text[end].isalpha() and not _GLUED_STOP.match(text, end):
        symbol = re.sub(r"[ \t]*[/\-–_.][ \t]*[^/\-–_. \t]*$", "", symbol)
    return symbol.rstrip(" -/–")


_GLUED_STOP = re.compile(r"của|ngày|về|năm|và")
# the place the issuer's code stands for, written after the symbol and before its date:
# "09/KH-LĐLĐ thành phố Sầm Sơn ngày ...", "279/CV-PGD&ĐT Mỹ Đức, ngày ..."
_CODE_PLACE = re.compile(r"[ \t]+(?:(?:thành phố|tỉnh|huyện|quận|thị xã|TP\.?|Tp\.?)[ \t]+)?"
                         r"(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+[ \t]*){1,4}?,?(?=[ \t]*ngày\b)")


def find_mentions(text: str, dates: list[DateHit]) -> list[RefMention]:
    _, _, rx = _tables()
    out: list[RefMention] = []
    for m in _typed_matches(text):
        symbol = _whole_words(m.group("sym").rstrip(" -/–"), text, m.start("sym"))
        parts = parse_symbol(symbol)
        if not re.search(rf"[{_LETTERS}]", symbol[len(parts["number"]):]):
            continue  # a number and a year only: not a symbol
        end = m.start("sym") + len(symbol)
        mention = RefMention(m.start(), end, _canonical_type(m.group("type")), symbol, parts["number"],
                             parts["system"], parts["year"], parts["type_code"], parts["issuer_code"],
                             key=parts["key"])
        # date / issuer in either order, then the subject
        pos = end
        for _ in range(2):
            h = date_at(text, pos, dates)
            if h is None and pos == end and (loc := _CODE_PLACE.match(text, pos)):
                h = date_at(text, loc.end(), dates)  # "số 279/CV-PGD&ĐT Mỹ Đức, ngày 03 ..."
            if h is not None and mention.date is None and h.value and len(h.value) == 10:
                mention.date = h.value
                mention.extra["date_span"] = (h.start, h.end)
                pos = h.end
                continue
            if mention.issuer is None:
                iss, e = _joint_issuers(text, pos, mention.issuer_code)
                if not iss:
                    iss, e = _issuer_after(text, pos)
                if iss:
                    mention.issuer, pos = iss, e
                    continue
            break
        if mention.issuer is None and (nm := m.group("name")) and nm[:4].lower() == "của ":
            # "các Quyết định của Thủ tướng Chính phủ số A, số B ...": the issuer named before the number
            mention.issuer = " ".join(nm[4:].split())
            mention.extra["list_issuer"] = True
        if mention.date is None and (h := _date_before(text, m.start(), dates)) is not None:
            mention.date = h.value  # "Ngày 12/6/2015, Bộ X đã có Công văn số 49/BX-TC ...": its date told first
            mention.extra["date_span"] = (h.start, h.end)
        span = []
        mention.subject = _subject_after(text, pos, span)
        if span:
            mention.extra["subject_end"] = span[1]
        if mention.issuer is None:
            b = _ISSUER_BEFORE.search(text, max(0, m.start() - 120), m.start())
            if b and not re.search(r"\s" + _VERB_STOPS, b.group("iss")):  # "của tổ chức công đoàn ban hành kèm theo"
                mention.issuer = " ".join(b.group("iss").split())
        if mention.issuer is None and mention.subject:
            # "... ngày 25/8/2015 về nhiệm vụ năm học 2015-2016 của Bộ Giáo dục và Đào tạo"
            # (not past the document it was issued under: "... của Sở ... theo Công văn số 909/... của Bộ ...")
            subj = mention.subject
            nested = rx.search(subj)
            if nested and re.search(r"\s(?:theo|tại)\s+$", subj[:nested.start()]):
                subj = re.sub(r"\s+(?:theo|tại)\s+$", "", subj[:nested.start()])
            t = _ISSUER_TAIL.search(subj)
            if t:
                iss = t.group("iss")
                mention.issuer = iss[:_issuer_end(iss, 0)].strip()
                mention.subject = mention.subject[:t.start()].strip() or None
        out.append(mention)
    out += _bare_mentions(text, dates, out)
    out.sort(key=lambda m: m.start)
    _share_issuers(text, out)
    return out


# "ngày 12/6/2015[,] Bộ X đã có | ban hành ..." up to the type word of the document it tells of
_NGAY_BEFORE = re.compile(r"(?i)(?:^|[\s,;:(])ngày[ \t]*$")
_ISSUED_BY = re.compile(r",?[ \t]+[^\W\d_][^;.:\n]{0,90}?[ \t](?:đã[ \t]+)?(?:có|ban[ \t]+hành|gửi|ký)[ \t]+$")


def _start_of(h: DateHit) -> int:
    return h.start


def _date_before(text: str, start: int, dates: list[DateHit]) -> DateHit | None:
    """The date a sentence opens with when it tells that a body issued the document named next
    ("Ngày 12/6/2015, Bộ Quốc phòng đã có Công văn số ...", "ngày 15/11/2010 Liên Bộ ... ban
    hành Thông tư liên tịch số ..."): the document's date, written before it."""
    i = bisect.bisect_left(dates, start, key=_start_of) - 1  # (the hits run in text order)
    while i >= 0 and dates[i].end > start:
        i -= 1
    h = dates[i] if i >= 0 else None
    if (h is None or start - h.end > 110 or h.kind != "date" or not h.value or len(h.value) != 10
            or not (text[h.start:h.start + 4].lower() == "ngày" or _NGAY_BEFORE.search(text, max(0, h.start - 6), h.start))):
        return None
    return h if _ISSUED_BY.fullmatch(text, h.end, start) else None


@lru_cache(maxsize=1)
def _code_names() -> dict[str, dict[str, str]]:
    """Type code -> type name, per system (built once per process, not per document)."""
    _, codes, _ = _tables()
    return {sys: {fold(k): v for k, v in codes[sys].items()} for sys in ("state", "party")}


_NEXT_IN_LIST = re.compile(r"[ \t]*[;,][ \t]*(?:và[ \t]+)?")


def _bare_mentions(text: str, dates: list[DateHit], typed: list[RefMention]) -> list[RefMention]:
    names = _code_names()
    out: list[RefMention] = []
    for m in _bare().finditer(text):
        if any(t.start <= m.start() < t.end for t in typed):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip(" \t-+•*"):
            continue  # "Số: 12/KH-CĐ" opening a line is a document's own number, not a citation
        symbol = _whole_words(m.group("sym").rstrip(" -/–"), text, m.start("sym"))
        parts = parse_symbol(symbol)
        if not re.search(rf"[{_LETTERS}]", symbol[len(parts["number"]):]):
            continue
        prev = max((t for t in typed + out if t.end <= m.start()), key=lambda t: t.end, default=None)
        gap = text[prev.end:m.start()] if prev is not None else "x"
        if prev is not None and "date_span" in prev.extra:
            a, b = prev.extra["date_span"]
            gap = text[prev.end:a] + text[b:m.start()] if prev.end <= a < b <= m.start() else gap
        listed = prev is not None and prev.extra.get("subject_end", m.start() + 1) <= m.start() and \
            _NEXT_IN_LIST.fullmatch(text, prev.extra["subject_end"], m.start())
        follows = bool(listed or re.fullmatch(r"[\s,;]*(?:ngày)?[\s,;]*(?:và)?[\s,]*", gap))
        if follows:
            # "Văn bản số 66/..., số 56/...": the type word serves both, past the first one's
            # subject too ("Công văn số 160/CV-PGDĐT V/v ...; số 171/PGDĐT về ...")
            type_ = prev.type
        elif parts["type_code"]:
            type_ = names[parts["system"]].get(fold(parts["type_code"]))
        else:
            continue
        if not type_:
            continue
        end = m.start("sym") + len(symbol)
        mention = RefMention(m.start(), end, type_, symbol, parts["number"], parts["system"], parts["year"],
                             parts["type_code"], parts["issuer_code"], key=parts["key"])
        h = date_at(text, end, dates)
        pos = end
        if h is not None and h.value and len(h.value) == 10:
            mention.date, pos = h.value, h.end
            mention.extra["date_span"] = (h.start, h.end)
        mention.issuer, pos2 = _issuer_after(text, pos)
        if mention.issuer is None and (b := _LIST_ISSUER.search(text, max(0, m.start() - 100), m.start())):
            mention.issuer = " ".join(b.group("iss").split())
            mention.extra["list_issuer"] = True
        elif mention.issuer is None and follows and prev.extra.get("list_issuer"):
            mention.issuer = prev.issuer  # the next item of a list its lead names the issuer of
            mention.extra["list_issuer"] = True
        span = []
        mention.subject = _subject_after(text, pos2 if mention.issuer else pos, span)
        if span:
            mention.extra["subject_end"] = span[1]
        out.append(mention)
    return out


def expand_issuer(issuer: str | None) -> str | None:
    if not issuer:
        return issuer
    orgs = models.load("gazetteer_orgs.yaml")
    f = fold(issuer)
    if f in {fold(x) for x in orgs.get("expand_short_issuers", [])}:
        canon = {fold(k): v for k, v in orgs["canonical"].items()}
        return canon.get(f, issuer)
    return issuer


def merge(mentions: list[RefMention]) -> list[dict]:
    """One reference per symbol; date = the first mention's, dates_seen = all distinct."""
    refs: dict[str, dict] = {}
    for mt in mentions:
        r = refs.get(mt.key)
        if r is None:
            r = refs[mt.key] = {"type": mt.type, "number": mt.number, "symbol": mt.symbol, "date": None,
                                "issuer": None, "subject": mt.subject, "system": mt.system, "year": mt.year,
                                "type_code": mt.type_code, "issuer_code": mt.issuer_code, "dates_seen": [],
                                "mentions": [], "start": mt.start, "end": mt.end,
                                "_key": mt.key}  # for merging across pieces; "_" fields stay out of the output
        r["mentions"].append({"start": mt.start, "end": mt.end, "date": mt.date, "issuer": mt.issuer})
        if mt.date and mt.date not in r["dates_seen"]:
            r["dates_seen"].append(mt.date)
        if r["date"] is None and mt.date:
            r["date"] = mt.date
        if mt.issuer and (r["issuer"] is None or len(mt.issuer) > len(r["issuer"])):
            r["issuer"] = mt.issuer
        if r["subject"] is None and mt.subject:
            r["subject"] = mt.subject
    _fold_cut_symbols(refs)
    for r in refs.values():
        r["issuer"] = expand_issuer(r["issuer"])
    return list(refs.values())


_CUT_CODE = re.compile(r"[/\-–][ \t]*[A-Za-zĐđ]$")


def _fold_cut_symbols(refs: dict[str, dict]) -> None:
    """A symbol whose code stops at one letter ("Chỉ thị 52- C" where OCR garbled "52- CT/TW") is
    another mention of the reference of that type and number whose code it opens; merged there."""
    for key, r in list(refs.items()):
        if not _CUT_CODE.search(r["symbol"]):
            continue
        num, letters, year = key.split("|")
        whole = [o for k, o in refs.items() if k != key and o["type"] == r["type"] and o["number"] == r["number"]
                 and k.split("|")[1].startswith(letters) and k.split("|")[2] in (year, "")]
        if len(whole) == 1:
            o = whole[0]
            o["mentions"] += r["mentions"]
            o["dates_seen"] += [d for d in r["dates_seen"] if d not in o["dates_seen"]]
            o["date"] = o["date"] or r["date"]
            o["issuer"] = o["issuer"] or r["issuer"]
            del refs[key]


# the line that says which decision a regulation was issued with: "(Ban hành kèm theo Quyết định số ...)"
_ATTACHED_TO = re.compile(r"(?i)^[ \t]*[(\[]?[ \t]*(?:ban[ \t]+hành[ \t]+)?kèm[ \t]+theo\b")
# a site's record card or the number line of the document itself: "Số hiệu: 174/QĐ-TLĐ", "Số: 12/KH-CĐ"
_OWN_NUMBER_LINE = re.compile(r"(?i)^[ \t]*(?:số[ \t]*hiệu|số|ký[ \t]*hiệu)[ \t]*:")


def is_self_mention(text: str, start: int, body_start: int) -> bool:
    """A mention that names the document itself, not another one: on its own number line, on the
    'ban hành kèm theo' line of an attached regulation, or opening the title ("Hướng dẫn số
    1803/HD-TLĐ ngày ... hướng dẫn ..."); a plan's title that cites another document ("Kế hoạch
    thực hiện Công văn số ...") has words before the mention and is kept."""
    ls = text.rfind("\n", 0, start) + 1
    head = text[ls:start]
    if _ATTACHED_TO.match(head) or _OWN_NUMBER_LINE.match(head):
        return True
    return start <= body_start and not head.strip()


def drop_self(refs: list[dict], text: str, own_number: str | None, body_start: int) -> list[dict]:
    """The references left once the document's own number is taken out: its symbol (same key as
    the header's số/ký hiệu) or a reference every mention of which names the document itself."""
    own = parse_symbol(own_number)["key"] if own_number and re.match(r"\s*\d", own_number) else None
    out = []
    for r in refs:
        key = r.get("_key") or parse_symbol(r["symbol"])["key"]
        if own is not None and key == own:
            continue
        if r["mentions"] and all(is_self_mention(text, m["start"], body_start) for m in r["mentions"]):
            continue
        out.append(r)
    return out
