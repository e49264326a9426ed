"""Build `pipeline/data/zwnj.tsv`: joined spelling -> ZWNJ spelling, learnt from training text.

Joined words that are correct as they are map to themselves.

A word's ZWNJ spelling is kept when it is seen at least MIN_COUNT times in all the text and,
in text that writes ZWNJ consistently (PerDT's raw training sentences, PerDT dev, iPerUDT),
RATIO times more often than its joined spelling. Raw news that often drops ZWNJ (Fars,
Seraji) and hazm's word list only add evidence where the consistent text never writes the
word joined.
PerDT test is never read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.normalize import PERSIAN_WORD, ZWNJ, ZWNJ_LEXICON, _hazm
from pipeline.training.rawtext import raw_texts

MIN_COUNT = 2
RATIO = 3  # ZWNJ spelling must be this many times more frequent than the joined one


def _words(text: str):
    for word in PERSIAN_WORD.findall(_hazm(False).normalize(text)):
        word = word.strip(ZWNJ)
        if word:
            yield word


def build(data_dir: Path) -> dict[str, str]:
    spelled: Counter[str] = Counter()
    consistent_spelled: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    consistent = [data_dir / "raw/perdt_train_sentences.txt"]
    consistent += [data_dir / "ud/perdt/fa_perdt-ud-dev.conllu"]
    consistent += sorted((data_dir / "ud/iperudt").glob("*.conllu"))
    for path in consistent:
        for line in path.open(encoding="utf-8"):
            if path.suffix == ".conllu":
                if not line.startswith("# text"):
                    continue
                line = line.partition("=")[2]
            for word in _words(line):
                (consistent_spelled if ZWNJ in word else joined)[word] += 1
    from hazm.utils import words_list

    for word, _, _ in words_list():
        if ZWNJ in word:
            spelled[_hazm(False).normalize(word)] += MIN_COUNT
    for text in raw_texts(data_dir / "raw"):
        spelled.update(w for w in _words(text) if ZWNJ in w)
    spelled.update(consistent_spelled)
    best: dict[str, tuple[int, str]] = {}
    for word, count in spelled.items():
        key = word.replace(ZWNJ, "")
        if count > best.get(key, (0, ""))[0]:
            best[key] = (count, word)
    lexicon = {key: word for key, (count, word) in best.items()
               if count >= MIN_COUNT and consistent_spelled[word] >= RATIO * joined[key]}
    # Joined words seen in ZWNJ-consistent text are right as they are: list them as themselves
    # so the suffix/compound rules never split them («داشتند»).
    for word, count in joined.items():
        if count >= MIN_COUNT and word not in lexicon and len(word) >= 4:
            lexicon[word] = word
    return lexicon


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=ZWNJ_LEXICON)
    args = parser.parse_args(argv)
    lexicon = build(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(lexicon.items())), encoding="utf-8")
    print(f"{len(lexicon)} entries -> {args.out}")


if __name__ == "__main__":
    main()
