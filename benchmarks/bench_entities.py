"""Places and organisations: ms per document of the entity tagger on the two seeds (issue 13).

    .venv/bin/python benchmarks/bench_entities.py [--rounds 200]

Times `find_orgs` + `find_places` + `find_abbreviations` on the seed texts (tables built once,
before timing; the build time is printed apart), and how many names the gazetteer holds.
"""
from __future__ import annotations

import argparse
import time

from _common import SHARED, Timer, peak_mb

SEED_IDS = ["mn-son-ca-2024-2025", "th-le-quy-don-2024"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=200)
    a = ap.parse_args()
    from kehoach.parser.nlp import entities as ent
    from kehoach.parser.text.normalize import clean

    texts = [clean((SHARED / "corpora" / "seeds" / f"{i}.txt").read_text(encoding="utf-8")) for i in SEED_IDS]
    with Timer() as build:
        tables = ent._tables()
        names = getattr(ent, "gazetteer_size", lambda: None)()  # builds the place gazetteer (none before issue 13)
    n = 0
    cpu0 = time.process_time()
    with Timer() as t:
        for _ in range(a.rounds):
            for text in texts:
                orgs = ent.find_orgs(text)
                ent.find_places(text, orgs)
                ent.find_abbreviations(text)
                n += 1
    cpu = time.process_time() - cpu0
    print(f"tables built in {build.seconds * 1000:.0f} ms ({len(tables)} tables; gazetteer names: {names})")
    print(f"{n} docs: {t.seconds * 1000 / n:.2f} ms/doc wall, {cpu * 1000 / n:.2f} ms/doc CPU; peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
