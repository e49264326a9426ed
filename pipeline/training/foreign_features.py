"""Build `pipeline/data/foreign_features.tsv`: morphological features the other treebanks mark
and PerDT never does.

Seraji and iPerUDT mark features PerDT leaves out («Degree=Pos» on every adjective,
«NumType=Card» on numbers, «PronType=Prs» on «من/تو»), and the tagger, trained on all three,
adds them to PerDT-style output. A (UPOS, Feature=Value) pair is listed when the other
treebanks use it at least MIN_OTHER times and PerDT dev, with at least MIN_PERDT_UPOS words of
that UPOS, never; the pipeline drops listed pairs from the tagger's features. PerDT test is
never read.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.nlp import FOREIGN_FEATURES

MIN_OTHER = 10
MIN_PERDT_UPOS = 50


def count_features(paths: list[Path]) -> tuple[Counter, Counter]:
    """((UPOS, Feature=Value) counts, UPOS counts) over CoNLL-U files."""
    features: Counter[tuple[str, str]] = Counter()
    upos: Counter[str] = Counter()
    for path in paths:
        for line in path.open(encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                upos[cols[3]] += 1
                features.update((cols[3], f) for f in cols[5].split("|") if f != "_")
    return features, upos


def foreign(perdt: tuple[Counter, Counter], others: tuple[Counter, Counter]) -> list[tuple[str, str, int]]:
    (perdt_features, perdt_upos), (other_features, _) = perdt, others
    return sorted((upos, feature, n) for (upos, feature), n in other_features.items()
                  if n >= MIN_OTHER and not perdt_features[upos, feature] and perdt_upos[upos] >= MIN_PERDT_UPOS)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=FOREIGN_FEATURES)
    args = parser.parse_args(argv)
    ud = args.data / "ud"
    rows = foreign(count_features([ud / "perdt/fa_perdt-ud-dev.conllu"]),
                   count_features(sorted((ud / "seraji").glob("*.conllu")) + sorted((ud / "iperudt").glob("*.conllu"))))
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("# UPOS, feature, uses in Seraji + iPerUDT (none in PerDT dev)\n"
                   + "".join(f"{u}\t{f}\t{n}\n" for u, f, n in rows), encoding="utf-8")
    tmp.replace(args.out)
    print(f"{len(rows)} features PerDT does not mark -> {args.out}")


if __name__ == "__main__":
    main()
