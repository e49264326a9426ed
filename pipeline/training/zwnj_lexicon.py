"""Build `pipeline/data/zwnj.tsv`: joined spelling -> ZWNJ spelling, learnt from training text.

Joined words that are correct as they are map to themselves.

A word's ZWNJ spelling is kept when it is seen at least MIN_COUNT times in all the text and,
in text that writes ZWNJ consistently (PerDT's raw training sentences, PerDT dev, iPerUDT),
RATIO times more often than its joined spelling. Raw news that often drops ZWNJ (Fars,
Seraji) and hazm's word list only add evidence where the consistent text never writes the
word joined; a compound that only they spell with ZWNJ is kept when news writes it so at least
COMPOUND_SHARE times as often as joined. When a second split is nearly as common as the first
(AMBIGUOUS_SHARE), the word maps to itself: only context could tell «حرف‌های» from «حرفه‌ای».
Every tenth PerDT raw sentence can be held out (`without_dev`) to tune these thresholds.
PerDT test is never read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.normalize import AMBIGUOUS_SHARE, PERSIAN_WORD, ZWNJ, ZWNJ_LEXICON, _hazm, zwnj_affixes
from pipeline.training.rawtext import raw_texts

MIN_COUNT = 2
RATIO = 3  # ZWNJ spelling must be this many times more frequent than the joined one
HOLDOUT_EVERY = 10
COMPOUND_SHARE = 1.0  # ZWNJ vs joined spellings in news, for a compound that ZWNJ-consistent text lacks


def _words(text: str):
    for word in PERSIAN_WORD.findall(_hazm(False).normalize(text)):
        word = word.strip(ZWNJ)
        if word:
            yield word


def perdt_sentences(data_dir: Path, held_out: bool) -> list[str]:
    """PerDT's raw training sentences: every HOLDOUT_EVERY-th is the development set for
    tuning restoration (benchmarks/zwnj.py --dev), the rest build the lexicon."""
    lines = (data_dir / "raw/perdt_train_sentences.txt").read_text(encoding="utf-8").splitlines()
    return [line for i, line in enumerate(lines) if (i % HOLDOUT_EVERY == 0) == held_out]


def consistent_text(data_dir: Path, without_dev: bool = False) -> list[str]:
    """Text that writes ZWNJ (and spaces) consistently: PerDT's raw training sentences and the
    sentences of PerDT dev and iPerUDT."""
    perdt = (perdt_sentences(data_dir, held_out=False) if without_dev else
             (data_dir / "raw/perdt_train_sentences.txt").read_text(encoding="utf-8").splitlines())
    treebanks = [data_dir / "ud/perdt/fa_perdt-ud-dev.conllu", *sorted((data_dir / "ud/iperudt").glob("*.conllu"))]
    return perdt + [line.partition("=")[2] for path in treebanks
                    for line in path.open(encoding="utf-8") if line.startswith("# text")]


@dataclass
class SpellingCounts:
    spelled: Counter  # ZWNJ spellings in all the text
    consistent_spelled: Counter  # ZWNJ spellings in ZWNJ-consistent text
    joined: Counter  # joined spellings in ZWNJ-consistent text
    loose_joined: Counter  # joined spellings in the other text (news drops many ZWNJs)


def count_spellings(data_dir: Path, without_dev: bool = False) -> SpellingCounts:
    spelled: Counter[str] = Counter()
    consistent_spelled: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    loose_joined: Counter[str] = Counter()
    for line in consistent_text(data_dir, without_dev):
        for word in _words(line):
            (consistent_spelled if ZWNJ in word else joined)[word] += 1
    from hazm.utils import words_list

    for word, _, _ in words_list():
        if ZWNJ in word:
            spelled[_hazm(False).normalize(word)] += MIN_COUNT
    for text in raw_texts(data_dir / "raw", exclude=frozenset({"perdt_train_sentences.txt"})):  # counted above
        for word in _words(text):
            (spelled if ZWNJ in word else loose_joined)[word] += 1
    spelled.update(consistent_spelled)
    return SpellingCounts(spelled, consistent_spelled, joined, loose_joined)


def _inflected(word: str) -> bool:
    """Stem + inflectional suffix or clitic («کتاب‌ها», «خانه‌ای»), not a compound."""
    affixes = zwnj_affixes()
    last = word.rsplit(ZWNJ, 1)[-1]
    return last in affixes["suffix"] or last in affixes["clitic"]


def choose(counts: SpellingCounts, min_count: int = MIN_COUNT, ratio: float = RATIO,
           ambiguous_share: float = AMBIGUOUS_SHARE,
           compound_share: float = COMPOUND_SHARE) -> dict[str, str]:
    spelled, consistent_spelled, joined = counts.spelled, counts.consistent_spelled, counts.joined
    variants: dict[str, list[tuple[int, str]]] = {}
    for word, count in spelled.items():
        variants.setdefault(word.replace(ZWNJ, ""), []).append((count, word))
    lexicon = {}
    for key, seen in variants.items():
        seen.sort(reverse=True)
        (count, word), runner_up = seen[0], seen[1][0] if len(seen) > 1 else 0
        if count < min_count or consistent_spelled[word] < ratio * joined[key]:
            continue
        if not consistent_spelled[word] and not _inflected(word) and count < compound_share * counts.loose_joined[key]:
            continue  # a compound that news mostly writes joined («خونریزی»)
        # «حرفهای» is «حرف‌های» (words) or «حرفه‌ای» (professional): when the text writes a
        # second split nearly as often, only the context could tell, so leave the word as it is.
        lexicon[key] = key if runner_up >= ambiguous_share * count else word
    # Joined words seen in ZWNJ-consistent text are right as they are: list them as themselves
    # so the suffix/compound rules never split them («داشتند»).
    for word, count in joined.items():
        if count >= min_count and word not in lexicon and len(word) >= 4:
            lexicon[word] = word
    return lexicon


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=ZWNJ_LEXICON)
    args = parser.parse_args(argv)
    lexicon = choose(count_spellings(args.data))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(lexicon.items())), encoding="utf-8")
    print(f"{len(lexicon)} entries -> {args.out}")


if __name__ == "__main__":
    main()
