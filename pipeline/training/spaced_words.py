"""Build `pipeline/data/spaced_words.tsv`: compounds hazm would join that the treebanks' text
writes as two words.

hazm's spacing correction joins two spaced words whenever its lexicon lists them as one
compound («کشته شده» -> «کشته‌شده», «این که», «خلیج فارس»). PerDT, whose tokenisation the
models learnt, keeps such words apart where the text spaces them, and a joined «کشته‌شده» hides
the verb from the tagger and parser. So a compound of two words hazm knows stays spaced when
text that writes ZWNJ and spaces consistently (PerDT's raw training sentences, PerDT dev,
iPerUDT) spaces it at least MIN_SPACED times and more often than it joins it; compounds that
text joins («نخست‌وزیر», «بین‌المللی») or never shows keep hazm's join. PerDT test is never read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.datafiles import DATA
from pipeline.nlp import hazm_lexicon
from pipeline.normalize import SPACED_WORDS, ZWNJ, _hazm
from pipeline.tables import atomic_write
from pipeline.training.zwnj_lexicon import consistent_text

MIN_SPACED = 2


def candidates() -> set[str]:
    """hazm's two-part compounds whose parts are words of its lexicon on their own."""
    words = {_hazm(False).normalize(w) for w, _, _ in hazm_lexicon()}
    return {w for w in words if w.count(ZWNJ) == 1 and all(part in words for part in w.split(ZWNJ))}


def count_spacing(lines: list[str], compounds: set[str]) -> tuple[Counter, Counter]:
    """(spaced, joined) occurrences of each compound; joined with or without the ZWNJ."""
    by_joined = {c.replace(ZWNJ, ""): c for c in compounds}
    spaced: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    for line in lines:
        tokens = _hazm(False).normalize(line).split()
        for left, right in zip(tokens, tokens[1:]):
            if left + ZWNJ + right in compounds:
                spaced[left + ZWNJ + right] += 1
        for token in tokens:
            compound = token if token in compounds else by_joined.get(token)
            if compound:
                joined[compound] += 1
    return spaced, joined


def choose(spaced: Counter, joined: Counter, min_spaced: int = MIN_SPACED) -> list[str]:
    return sorted(c for c, n in spaced.items() if n >= min_spaced and n > joined[c])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    spaced, joined = count_spacing(consistent_text(args.data), candidates())
    kept = choose(spaced, joined)
    text = ("# compound, times spaced, times joined in PerDT raw training text, PerDT dev and iPerUDT\n"
            + "".join(f"{c}\t{spaced[c]}\t{joined[c]}\n" for c in kept))
    atomic_write(DATA / SPACED_WORDS, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    print(f"{len(kept)} compounds kept spaced -> {SPACED_WORDS}")


if __name__ == "__main__":
    main()
