"""Topic accuracy on hand-labelled sections of real parse() output: the two seeds and the
synthetic plans in corpora/topic_labels/plans. Run with -s to see the figure for the README."""
from __future__ import annotations

import sys
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


def test_generated_plans_accuracy():
    """Sections of the synthetic generator's plans, labelled by their heading (synth_headings.yaml)."""
    import importlib.util

    from kehoach.parser import parse_bytes

    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    synth = importlib.util.module_from_spec(spec)
    synth = sys.modules.setdefault("kehoach_synth", synth)  # dataclasses look their module up
    spec.loader.exec_module(synth)
    generate = synth.generate

    gold = {fold(k): v for k, v in yaml.safe_load((LABELS / "synth_headings.yaml").read_text(encoding="utf-8")).items()}
    assert set(gold.values()) <= set(topics.topic_ids())
    n = ok = 0
    wrong = []
    for doc_id, text, _ in generate(40, 7):
        doc = parse_bytes(text.encode("utf-8"), f"{doc_id}.txt", nlp=False, checks=False)
        for s in iter_sections(doc.sections):
            want = gold.get(fold(s.heading).rstrip(" .:"))
            if want is None:  # not one of the generator's headings (a numbered body line)
                continue
            n += 1
            ok += s.topic == want
            if s.topic != want:
                wrong.append((doc_id, s.number, s.heading, want, s.topic))
    print(f"\ntopic accuracy [generated]: {ok / n:.3f} ({ok}/{n} sections)")
    assert n >= 300 and ok / n >= 0.9, wrong[:20]
