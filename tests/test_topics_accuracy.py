"""Topic accuracy on hand-labelled sections of real parse() output: the two seeds and the
synthetic plans in corpora/topic_labels/plans. Run with -s to see the figure for the README."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO, SEEDS
from kehoach.parser import parse, topics
from kehoach.parser.schema import iter_sections
from kehoach.parser.text.normalize import fold

LABELS = REPO / "corpora" / "topic_labels"
SETS = {"seeds": (LABELS / "seeds.yaml", SEEDS), "synthetic": (LABELS / "synthetic.yaml", LABELS / "plans"),
        # the seeds' labels hold for their Word and PDF renderings too
        "seed-docx": (LABELS / "seeds.yaml", FIXTURES, ".docx"), "seed-pdf": (LABELS / "seeds.yaml", FIXTURES, ".pdf")}


def _num(s: str | None) -> str:
    return fold(s or "").rstrip(". ")


def labelled(name: str) -> list[tuple[str, str, str, str | None]]:
    """(file, number+heading, gold, predicted) for every label of a set; predicted is None
    when the segmenter produced no such section."""
    path, folder, *suffix = SETS[name]
    out = []
    for file, labels in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        src = Path(folder) / file
        doc = topics.assign(parse(src.with_suffix(suffix[0]) if suffix else src, nlp=False, checks=False))
        secs = list(iter_sections(doc.sections))
        i = 0
        for lab in labels:
            want_num, want_head = _num(lab["number"]), fold(lab["heading"])
            j = next((k for k in range(i, len(secs))
                      if _num(secs[k].number) == want_num and fold(secs[k].heading).startswith(want_head)), None)
            pred = None
            if j is not None:
                pred, i = secs[j].topic, j + 1
            out.append((file, f"{lab['number']} {lab['heading']}", lab["topic"], pred))
    return out


@pytest.mark.parametrize("name", list(SETS))
def test_topic_accuracy(name):
    rows = labelled(name)
    assert len(rows) >= 20
    known = set(topics.topic_ids())
    assert all(gold in known for _, _, gold, _ in rows), "a label names a topic missing from topics.yaml"
    wrong = [r for r in rows if r[2] != r[3]]
    acc = 1 - len(wrong) / len(rows)
    print(f"\ntopic accuracy [{name}]: {acc:.3f} ({len(rows) - len(wrong)}/{len(rows)} sections)")
    for r in wrong:
        print("   miss:", r)
    assert acc >= 0.9, wrong


def test_heading_accuracy():
    """Bare headings, no body and no parent: the heading alone must name the topic."""
    rows = yaml.safe_load((LABELS / "headings.yaml").read_text(encoding="utf-8"))
    assert len(rows) >= 40
    wrong = [(r["heading"], r["topic"], topics.classify(r["heading"])) for r in rows
             if topics.classify(r["heading"])[0] != r["topic"]]
    acc = 1 - len(wrong) / len(rows)
    print(f"\ntopic accuracy [headings]: {acc:.3f} ({len(rows) - len(wrong)}/{len(rows)} headings)")
    assert acc >= 0.9, wrong
