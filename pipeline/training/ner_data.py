"""Prepare NER training data (Stanza's JSON) from Arman (fold 1) and PEYMA, normalised.

Arman: `train_fold1` is split 9:1 into train/dev (every 10th sentence is dev); `test_fold1`
is held out. PEYMA: its own train/dev; `test` is held out. PEYMA replaced the ZWNJ inside
tokens by a space; a token's inner space is turned back into a ZWNJ.
`arman_peyma.train.json`: Arman's training part plus PEYMA train with only the types the two
share (PER ORG LOC; PEYMA's DAT TIM MON PCT become O), for a model with twice the names.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.normalize import ZWNJ, normalize_token

ARMAN_TYPES = {"pers": "PER", "org": "ORG", "loc": "LOC", "fac": "FAC", "pro": "PRO", "event": "EVENT"}


def read_iob(path: Path, sep: str) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) with tags as B-TYPE / I-TYPE / O."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, _, tag = line.rpartition(sep)
        tag = tag.strip().replace("_", "-")
        if tag != "O":
            prefix, _, typ = tag.partition("-")
            tag = f"{prefix}-{ARMAN_TYPES.get(typ, typ.upper())}"
        token = token.strip().replace(" ", ZWNJ)
        current.append((normalize_token(token) or token, tag))
    if current:
        sentences.append(current)
    return sentences


def write_json(sentences, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [[{"text": t, "ner": tag} for t, tag in sent] for sent in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def prepare_ner(data_dir: Path, out_dir: Path) -> None:
    arman = read_iob(data_dir / "ner/arman/train_fold1.txt", " ")
    write_json([s for i, s in enumerate(arman) if i % 10], out_dir / "arman.train.json")
    write_json(arman[::10], out_dir / "arman.dev.json")
    peyma = {split: read_iob(data_dir / f"ner/peyma/{split}.txt", "|") for split in ("train", "dev")}
    for split, sentences in peyma.items():
        write_json(sentences, out_dir / f"peyma.{split}.json")
    write_json([s for i, s in enumerate(arman) if i % 10] + [only_types(s, SHARED_TYPES) for s in peyma["train"]],
               out_dir / "arman_peyma.train.json")


SHARED_TYPES = frozenset({"PER", "ORG", "LOC"})


def only_types(sentence: list[tuple[str, str]], types: frozenset[str]) -> list[tuple[str, str]]:
    return [(t, tag if tag[2:] in types else "O") for t, tag in sentence]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("work/data/ner"))
    args = parser.parse_args(argv)
    prepare_ner(args.data, args.out)


if __name__ == "__main__":
    main()
