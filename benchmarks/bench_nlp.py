"""Legal references and dates: our spaCy pipeline vs plain underthesea NER vs dateparser (issue 3).

    .venv/bin/python benchmarks/bench_nlp.py [--n 60] [--seed 7] [--rounds 20]

Texts: `--n` synthetic plans (corpora/synth, fixed seed; their gold lists every reference and
every full calendar date written). Each method runs in its own process, so its peak MB is its own.
- ours: `kehoach.parser.nlp.annotate` (references by symbol; dates of kind "date" by ISO value).
- underthesea NER: `underthesea.ner` line by line; a reference is an entity span holding a
  symbol (\\d+/CODE or \\d+-CODE); a date is an entity span whose text our date normalizer reads
  as a full date (NER has no DATE label; the span boundary is NER's).
- dateparser: `search_dates(text, languages=["vi"])`, line by line; value = the datetime's date.
Matching is per document: references by normalized symbol, dates as a multiset of ISO values.
References are also scored on the two real seeds (their gold has references, not dates).
Also: annotate() speed on the two seeds (docs/s on one core; models loaded once, before timing).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections import Counter

from _common import REPO, SHARED, Timer, peak_mb

SEEDS = SHARED / "corpora" / "seeds"
GOLD = SHARED / "corpora" / "gold"
SEED_IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]


def _synth():
    spec = importlib.util.spec_from_file_location("kehoach_synth", REPO / "corpora" / "synth" / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["kehoach_synth"] = mod
    spec.loader.exec_module(mod)
    return mod


def norm_symbol(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("–", "-")).casefold()


_SYM = re.compile(r"\d+[a-z]?\s*(?:[/\-–]\s*[A-Za-zĐđ&0-9]+)+")


def run_ours(texts: list[str]) -> list[tuple[set[str], Counter]]:
    from kehoach.parser import nlp
    from kehoach.parser.schema import PlanDocument, Source

    out = []
    for t in texts:
        d = nlp.annotate(PlanDocument(source=Source(format="txt"), text=t))
        refs = {norm_symbol(r.symbol) for r in d.legal_refs}
        dates = Counter(x.value for x in d.dates if x.kind == "date" and x.valid and x.value)
        out.append((refs, dates))
    return out


def run_underthesea(texts: list[str]) -> list[tuple[set[str], Counter]]:
    from underthesea import ner

    from kehoach.parser.nlp.dates import find_dates

    out = []
    for t in texts:
        refs: set[str] = set()
        dates: Counter = Counter()
        for line in t.splitlines():
            if not line.strip():
                continue
            spans, cur = [], []
            for tok in ner(line):
                word, tag = tok[0], tok[-1]
                if tag.startswith("B-") or (tag.startswith("I-") and not cur):
                    if cur:
                        spans.append(" ".join(cur))
                    cur = [word]
                elif tag.startswith("I-"):
                    cur.append(word)
                else:
                    if cur:
                        spans.append(" ".join(cur))
                    cur = []
            if cur:
                spans.append(" ".join(cur))
            for s in spans:
                for m in _SYM.finditer(s):
                    if re.search(r"[A-Za-zĐđ]", m.group(0)):
                        refs.add(norm_symbol(m.group(0)))
                for h in find_dates(s):
                    if h.kind == "date" and h.valid and h.value:
                        dates[h.value] += 1
        out.append((refs, dates))
    return out


def run_dateparser(texts: list[str]) -> list[tuple[set[str], Counter]]:
    from dateparser.search import search_dates

    out = []
    for t in texts:
        dates: Counter = Counter()
        for line in t.splitlines():
            if not line.strip():
                continue
            for _, dtm in search_dates(line, languages=["vi"]) or []:
                dates[dtm.date().isoformat()] += 1
        out.append((set(), dates))
    return out


METHODS = {"ours": run_ours, "underthesea": run_underthesea, "dateparser": run_dateparser}


def prf(pairs) -> tuple[float, float]:
    tp = fp = fn = 0
    for gold, pred in pairs:
        if isinstance(gold, set):
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
        else:
            tp += sum((gold & pred).values())
            fp += sum((pred - gold).values())
            fn += sum((gold - pred).values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r


def child(method: str, n: int, seed: int) -> None:
    """Run one method and print one JSON line."""
    corpus = _synth().generate(n, seed)
    texts = [c[1] for c in corpus]
    METHODS[method](texts[:1])  # warm-up: load models once
    with Timer() as t:
        preds = METHODS[method](texts)
    gref = [{norm_symbol(r["symbol"]) for r in c[2]["legal_refs"]} for c in corpus]
    gdate = [Counter(d["value"] for d in c[2]["dates"]) for c in corpus]
    rp, rr = prf(zip(gref, (p[0] for p in preds)))
    dp, dr = prf(zip(gdate, (p[1] for p in preds)))
    # the two real seeds: references only (their gold lists no dates)
    seed_texts = [(SEEDS / f"{i}.txt").read_text(encoding="utf-8") for i in SEED_IDS]
    seed_gold = [{norm_symbol(r["symbol"]) for r in json.loads((GOLD / f"{i}.json").read_text(encoding="utf-8"))
                  ["gold"]["legal_refs"]} for i in SEED_IDS]
    sp, sr = prf(zip(seed_gold, (p[0] for p in METHODS[method](seed_texts))))
    print(json.dumps({"method": method, "docs": n, "seconds": t.seconds, "ref_p": rp, "ref_r": rr, "date_p": dp,
                      "date_r": dr, "seed_ref_p": sp, "seed_ref_r": sr, "peak_mb": peak_mb(),
                      "has_refs": method != "dateparser"}))


def seed_speed(rounds: int) -> None:
    import copy

    from kehoach.parser import nlp, parse

    docs = [parse(SEEDS / f"{i}.txt", nlp=False, checks=False) for i in SEED_IDS]
    nlp.annotate(copy.deepcopy(docs[0]))  # warm-up
    import time

    n = 0
    cpu0 = time.process_time()
    with Timer() as t:
        for _ in range(rounds):
            for d in docs:
                nlp.annotate(d.model_copy())
                n += 1
    cpu = time.process_time() - cpu0  # CPU seconds of this process: docs per core, even on a busy machine
    print(json.dumps({"docs": n, "seconds": t.seconds, "cpu_seconds": cpu, "peak_mb": peak_mb()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--method", choices=[*METHODS, "seed_speed"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.method == "seed_speed":
        seed_speed(a.rounds)
        return
    if a.method:
        child(a.method, a.n, a.seed)
        return
    import dateparser

    me = [sys.executable, __file__]
    print(f"{a.n} synthetic plans (seed {a.seed}); dateparser {dateparser.__version__}")
    print("| method | ref P | ref R | date P | date R | docs/s | peak MB | seeds: ref P | ref R |")
    print("|---|---|---|---|---|---|---|---|---|")
    for m in METHODS:
        out = subprocess.run(me + ["--method", m, "--n", str(a.n), "--seed", str(a.seed)], capture_output=True,
                             text=True, check=True).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        ref = f"{r['ref_p']:.3f} | {r['ref_r']:.3f}" if r["has_refs"] else "– | –"
        seed = f"{r['seed_ref_p']:.3f} | {r['seed_ref_r']:.3f}" if r["has_refs"] else "– | –"
        print(f"| {m} | {ref} | {r['date_p']:.3f} | {r['date_r']:.3f} | {r['docs'] / r['seconds']:.1f} | "
              f"{r['peak_mb']:.0f} | {seed} |")
    out = subprocess.run(me + ["--method", "seed_speed", "--rounds", str(a.rounds)], capture_output=True, text=True,
                         check=True).stdout.strip().splitlines()[-1]
    r = json.loads(out)
    load = os.getloadavg()[0]
    print(f"\nannotate() on the seeds: {r['docs']} docs in {r['seconds']:.2f} s wall = {r['docs'] / r['seconds']:.1f} "
          f"docs/s; {r['cpu_seconds']:.2f} CPU s = {r['docs'] / r['cpu_seconds']:.1f} docs per CPU-second (one core); "
          f"peak {r['peak_mb']:.0f} MB; load average {load:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
