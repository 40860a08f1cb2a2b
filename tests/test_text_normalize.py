import unicodedata

from kehoach.parser.text.normalize import clean, fold, new_tone_placement


def test_tone_placement_variants_compare_equal():
    assert fold("Hương Thuỷ") == fold("Hương Thủy") == "hương thủy"
    assert fold("hoá") == fold("hóa")
    assert fold("Uỷ ban") == fold("Ủy ban")
    assert fold("CỘNG HOÀ") == fold("Cộng hòa")
    # pairs that do not end the syllable keep their mark, and "quý" is not "qúy"
    assert new_tone_placement("hoàn thành") == "hoàn thành"
    assert new_tone_placement("toàn thể") == "toàn thể"
    assert new_tone_placement("quý III") == "quý III"


def test_nfd_and_spaces_cleaned():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Huệ")
    assert clean(nfd) == "Nguyễn Thị Huệ"
    assert clean("a\u00a0b\u200bc\r\nd") == "a bc\nd"
    assert fold("Tự do– Hạnh phúc") == fold("tự do- hạnh phúc")
