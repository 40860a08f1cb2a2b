"""kehoach.parser.caches.clear empties every per-text cache, so a benchmark's "cold per document"
is cold: the POS tags kept for a document and the counted-noun answers included."""
from __future__ import annotations

from kehoach.parser import parse
from kehoach.parser.caches import clear
from kehoach.parser.nlp import postag, targets


def test_clear_empties_the_pos_and_target_caches(seeds_dir):
    clear()
    parse(seeds_dir / "th-le-quy-don-2024.txt")
    tagged = postag.tags.cache_info()
    assert tagged.currsize > 5
    assert tagged.hits >= 1  # one window asked twice in this plan ("năm ngày thành lập công"): tagged once
    assert targets._counted_noun.cache_info().currsize >= 1
    clear()
    assert postag.tags.cache_info().currsize == 0
    assert targets._counted_noun.cache_info().currsize == 0
    assert targets._has_verb.cache_info().currsize == 0


def test_tags_are_pos_tag():
    w = "đoàn viên tham gia hoạt động do trường tổ chức"
    assert postag.tags(w) == tuple(postag.pos_tag(w))
    assert ("trường", "N") in postag.tags(w)
