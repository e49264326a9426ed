"""ZWNJ restoration on held-out text: strip every ZWNJ from the PerDT test sentences, normalise,
and compare the restored ZWNJ positions with the original ones.

Prints precision/recall/F1 for hazm's Normalizer alone and for the pipeline's normaliser.
--dev scores the development set instead (every 10th of PerDT's raw training sentences) with a
lexicon rebuilt without it: the set the restoration thresholds were tuned on.
Usage: python benchmarks/zwnj.py [--data ../shared/data] [--limit N] [--dev]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from pipeline.normalize import ZWNJ, _hazm
from pipeline import normalize as normaliser

SPACE = re.compile(r"\s+")


def zwnj_positions(text: str) -> set[int]:
    """ZWNJ positions counted in characters of the text without white space and ZWNJ."""
    positions, index = set(), 0
    for ch in SPACE.sub("", text):
        if ch == ZWNJ:
            positions.add(index)
        else:
            index += 1
    return positions


def score(pairs) -> dict[str, float]:
    tp = fp = fn = 0
    for gold, pred in pairs:
        g, p = zwnj_positions(gold), zwnj_positions(pred)
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_zwnj": tp + fn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--dev", action="store_true")
    args = parser.parse_args()
    if args.dev:
        from pipeline import normalize
        from pipeline.training import zwnj_lexicon

        sentences = zwnj_lexicon.perdt_sentences(args.data, held_out=True)
        lexicon = zwnj_lexicon.choose(zwnj_lexicon.count_spellings(args.data, without_dev=True))
        normalize.zwnj_lexicon = lambda: lexicon
        name = "PerDT raw training sentences, held-out tenth (dev)"
    else:
        path = args.data / "ud/perdt/fa_perdt-ud-test.conllu"
        sentences = [line.partition("=")[2].strip() for line in path.open(encoding="utf-8")
                     if line.startswith("# text")]
        name = "PerDT test"
    if args.limit:
        sentences = sentences[: args.limit]
    # Reference: the intact sentence through hazm (its spacing fixes are not restoration errors).
    gold = [_hazm(True).normalize(s) for s in sentences]
    stripped = [s.replace(ZWNJ, "") for s in sentences]
    systems = {
        "hazm Normalizer": lambda s: _hazm(True).normalize(s),
        "pipeline normaliser": lambda s: normaliser.normalize_text(s),  # looked up late: --dev swaps the lexicon
    }
    print(f"{name}: {len(sentences)} sentences")
    for name, system in systems.items():
        result = score(zip(gold, (system(s) for s in stripped)))
        print(f"{name:22s} precision {result['precision']:.4f}  recall {result['recall']:.4f}  "
              f"F1 {result['f1']:.4f}  (gold ZWNJ {result['gold_zwnj']})")


if __name__ == "__main__":
    main()
