"""Rebuild tcvn3.json and vni.json (run by hand; the JSON files are what kehoach loads).

tcvn3.json: viparse 0.1.31 (MIT, PyPI), `viparse.normalize.tcvn3._ENTRIES`, validated by its
authors against real TCVN3 documents; the table is complete (7 base letters x 2 cases and
12 vowels x 5 tones, lowercase only: TCVN3 has no accented capitals).

vni.json: written here from the VNI-Windows layout itself (a base letter followed by mark
bytes), NOT from viparse, so that viparse's corpus-derived VNI decoder can serve as an
independent check (tests/test_legacy_vni.py).

    .venv/bin/python kehoach/models/encodings/build_tables.py
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent

# VNI-Windows mark bytes (shown as their cp1252 characters), lowercase / uppercase forms.
TONES = {"\u0301": ("ù", "Ù"), "\u0300": ("ø", "Ø"), "\u0309": ("û", "Û"), "\u0303": ("õ", "Õ"), "\u0323": ("ï", "Ï")}
# circumflex and breve merge with the tone into one byte
CIRC = {None: ("â", "Â"), "\u0301": ("á", "Á"), "\u0300": ("à", "À"), "\u0309": ("å", "Å"),
        "\u0303": ("ã", "Ã"), "\u0323": ("ä", "Ä")}
BREVE = {None: ("ê", "Ê"), "\u0301": ("é", "É"), "\u0300": ("è", "È"), "\u0309": ("ú", "Ú"),
         "\u0303": ("ü", "Ü"), "\u0323": ("ë", "Ë")}
# whole letters that are one byte: horn vowels, đ, and the i-family (Latin-1 has no bare dotless base)
SINGLE = {"ơ": ("ô", "Ô"), "ư": ("ö", "Ö"), "đ": ("ñ", "Ñ"),
          "ị": ("ò", "Ò"), "ỉ": ("æ", "Æ"), "ĩ": ("ó", "Ó"), "ì": ("ì", "Ì"), "í": ("í", "Í"), "ỵ": ("î", "Î")}

# i and y written as base + mark by some typists instead of the one-byte letter
VNI_ALIASES = {"iø": "ì", "iù": "í", "IØ": "Ì", "IÙ": "Í", "yï": "ỵ", "YÏ": "Ỵ"}


def vni_entries() -> dict[str, str]:
    """Unicode letter -> VNI surface string (cp1252 characters)."""
    out: dict[str, str] = {}
    for upper in (0, 1):
        def case(s: str) -> str:
            return s.upper() if upper else s

        for letter, forms in SINGLE.items():
            out[case(letter)] = forms[upper]
        for base in "aeiouy":
            for tone, marks in TONES.items():
                key = case(unicodedata.normalize("NFC", base + tone))
                out.setdefault(key, case(base) + marks[upper])
        for base in "aeo":
            for tone, marks in CIRC.items():
                key = unicodedata.normalize("NFC", base + "\u0302" + (tone or ""))
                out[case(key)] = case(base) + marks[upper]
        for tone, marks in BREVE.items():
            key = unicodedata.normalize("NFC", "a\u0306" + (tone or ""))
            out[case(key)] = case("a") + marks[upper]
        for base, horn in (("o", "ơ"), ("u", "ư")):
            for tone, marks in TONES.items():
                key = unicodedata.normalize("NFC", horn + tone)
                out[case(key)] = SINGLE[horn][upper] + marks[upper]
    return out


def tcvn3_entries() -> dict[str, str]:
    from viparse.normalize.tcvn3 import _ENTRIES  # (surface char, unicode letter)

    return {surf: uni for surf, uni in _ENTRIES}


if __name__ == "__main__":
    tc = {"source": "viparse 0.1.31 (MIT), viparse/normalize/tcvn3.py _ENTRIES",
          "note": "surface character (byte decoded as cp1252/latin-1) -> Unicode letter; lowercase accented only",
          "map": tcvn3_entries()}
    vni = {"source": "VNI-Windows layout, written from the mark-byte rules in build_tables.py",
           "note": "surface sequence (cp1252 characters) -> Unicode letter; decode_aliases: other spellings"
                   " met in real files (i/y + mark byte), decoded but never written",
           "map": {surf: uni for uni, surf in sorted(vni_entries().items()) if surf != uni},
           "decode_aliases": VNI_ALIASES}
    for name, obj in (("tcvn3.json", tc), ("vni.json", vni)):
        (HERE / name).write_text(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(name, len(obj["map"]))
