"""ZWNJ restoration on held-out text: strip every ZWNJ from the PerDT test sentences, normalise,
and compare the restored ZWNJ positions with the original ones.

Prints precision/recall/F1 for hazm's Normalizer alone and for the pipeline's normaliser.
Usage: python benchmarks/zwnj.py [--data ../shared/data] [--limit N]
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from pipeline.normalize import ZWNJ, _hazm, normalize_text

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
    args = parser.parse_args()
    path = args.data / "ud/perdt/fa_perdt-ud-test.conllu"
    sentences = [line.partition("=")[2].strip() for line in path.open(encoding="utf-8")
                 if line.startswith("# text")]
    if args.limit:
        sentences = sentences[: args.limit]
    # Reference: the intact sentence through hazm (its spacing fixes are not restoration errors).
    gold = [_hazm(True).normalize(s) for s in sentences]
    stripped = [s.replace(ZWNJ, "") for s in sentences]
    systems = {
        "hazm Normalizer": lambda s: _hazm(True).normalize(s),
        "pipeline normaliser": normalize_text,
    }
    print(f"PerDT test: {len(sentences)} sentences")
    for name, system in systems.items():
        result = score(zip(gold, (system(s) for s in stripped)))
        print(f"{name:22s} precision {result['precision']:.4f}  recall {result['recall']:.4f}  "
              f"F1 {result['f1']:.4f}  (gold ZWNJ {result['gold_zwnj']})")


if __name__ == "__main__":
    main()
