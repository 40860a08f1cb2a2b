"""Legal references: "<Type> [số] <symbol> [, ngày <date>] [của <issuer>] [về (việc) <subject>]".

Only a named type followed by a symbol is a reference ("Nghị quyết Đại hội ..." is not).
The symbol is parsed into number / year / type code / issuer code and its system
(state number/year/TYPE-ISSUER vs party number-TYPE/ISSUER). Mentions of one symbol merge.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kehoach import models
from kehoach.parser.nlp.dates import DateHit, date_at
from kehoach.parser.text.normalize import fold

_LETTERS = "A-Za-zĐđ"
# one code: letters and '&', never swallowing a glued "của"/"ngày"/"về" ("05-CT/TWcủa")
_CODE = rf"(?:(?!của|ngày|về|năm|và)[{_LETTERS}&])+(?:\d{{1,2}}(?![\d/]))?"  # QH13: a term number
_SEP = r"[ \t]*[/\-–][ \t]*"
_SYMBOL = (rf"(?P<sym>(?P<num>\d{{1,5}}[a-z]?)(?:{_SEP}(?:\d{{4}}|{_CODE})|[ \t]+(?-i:(?=[A-ZĐ]{{2}})[A-ZĐ]{_CODE}?))"
           rf"(?:{_SEP}(?:\d{{4}}(?![\d/])|{_CODE}))*)")
# the issuer ends before these words (" và " only when a lower-case word or a quote follows:
# "Bộ Giáo dục và Đào tạo" is one name, "Bộ Chính trị và “Đổi mới ...”" is not)
_STOP_ISSUER = re.compile(r"\s+(?:về|ngày|theo|tại|đã|nhằm|trong|để|hướng dẫn|quy định|với|đến|cho|gắn|năm)(?![^\W\d_])"
                          r"|\s+và\s+(?![A-ZĐÀ-ÝẠ-Ỹ])|[,;.:“”\"(\n]|\s+\d")


@lru_cache(maxsize=1)
def _tables():
    types = models.load("legal_ref_types.yaml")["types"]
    codes = models.load("doc_type_codes.yaml")
    names = sorted(types, key=len, reverse=True)
    type_alt = "|".join(re.escape(n) for n in names)
    # "<Type> [số] SYMBOL", or "<Type> <short name> số SYMBOL" ("Luật Công đoàn số 12/2012/QH13")
    rx = re.compile(rf"(?i)(?<![{_LETTERS}À-ỹ])(?P<type>{type_alt})"
                    rf"(?:[ \t]+(?P<name>[^\n,;:.“”\d]{{1,50}}?)[ \t]+(?:số|so)[ \t]*:?|[ \t]+(?:(?:số|so)[ \t]*:?)?)"
                    rf"[ \t]*{_SYMBOL}")
    return types, codes, rx


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


def parse_symbol(symbol: str) -> dict:
    """Split a symbol as written into its parts."""
    _, codes, _ = _tables()
    s = re.sub(r"\s*([/\-–])\s*", r"\1", symbol.strip()).replace("–", "-")
    m = re.match(r"(\d+[a-z]?)([/\-\s])?(.*)", s)
    num, sep, rest = m.group(1), m.group(2) or " ", m.group(3)
    parts = [p for p in re.split(r"[/\-\s]", rest) if p]
    year = next((int(p) for p in parts if re.fullmatch(r"\d{4}", p)), None)
    letters = [p for p in parts if not p.isdigit()]
    state_codes = {fold(k): k for k in codes["state"]}
    party_codes = {fold(k): k for k in codes["party"]}
    party_iss = {fold(x) for x in codes["party_issuers"]}
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
    m = re.match(r"[ \t]*,?[ \t]*của[ \t]*", text[pos:pos + 20]) or re.match(r"(?<=[A-Za-zĐđ])của[ \t]*", text[pos:pos + 8])
    if not m:
        return None, pos
    s = pos + m.end()
    stop = _STOP_ISSUER.search(text, s, min(len(text), s + 120))
    e = stop.start() if stop else min(len(text), s + 120)
    iss = text[s:e].strip()
    return (iss or None), e


def _subject_after(text: str, pos: int) -> str | None:
    m = re.match(r"[ \t]*,?[ \t]*về[ \t]+(?:việc[ \t]+)?", text[pos:pos + 16])
    if not m:
        return None
    s = pos + m.end()
    e = s
    while e < len(text) and text[e] not in ";\n" and not (text[e] == "." and (e + 1 >= len(text) or text[e + 1].isspace())):
        e += 1
        if e - s > 300:
            break
    subj = text[s:e].strip(" ,“”\"")
    return subj or None


def find_mentions(text: str, dates: list[DateHit]) -> list[RefMention]:
    _, _, rx = _tables()
    out: list[RefMention] = []
    for m in rx.finditer(text):
        symbol = m.group("sym").rstrip(" -/–")
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
            if h is not None and mention.date is None and h.value and len(h.value) == 10:
                mention.date = h.value
                mention.extra["date_span"] = (h.start, h.end)
                pos = h.end
                continue
            if mention.issuer is None:
                iss, e = _issuer_after(text, pos)
                if iss:
                    mention.issuer, pos = iss, e
                    continue
            break
        mention.subject = _subject_after(text, pos)
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
    for r in refs.values():
        r["issuer"] = expand_issuer(r["issuer"])
    return list(refs.values())
