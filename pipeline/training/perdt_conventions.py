"""Build the two PerDT convention lists the pipeline applies to the tagger's output.

- `pipeline/data/foreign_features.tsv`: morphological features the other treebanks mark and
  PerDT never does. Seraji and iPerUDT mark «Degree=Pos» on every adjective, «NumType=Card» on
  numbers, «PronType=Prs» on «من/تو», and the tagger, trained on all three, adds them to
  PerDT-style output. A (UPOS, Feature=Value) pair is listed when the other treebanks use it at
  least MIN_OTHER times and PerDT dev, with at least MIN_PERDT_UPOS words of that UPOS, never.
- `pipeline/data/perdt_tags.tsv`: words PerDT tags one way («حالا», «وقتی», «یکی»: NOUN) where
  the other treebanks disagree (ADV, SCONJ, NUM). A form seen at least MIN_FORM times in PerDT
  dev with one UPOS in at least TAG_SHARE of them is listed with every UPOS PerDT gives it; the
  pipeline retags the form when the tagger chose a UPOS PerDT never gives it.

PerDT test is never read. (`--holdout` leaves out every 5th PerDT dev sentence, the UD models'
dev split, to measure the effect on it.)
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from pipeline.nlp import FOREIGN_FEATURES, PERDT_TAGS
from pipeline.normalize import normalize_token

MIN_OTHER = 10
MIN_PERDT_UPOS = 50
MIN_FORM = 3
TAG_SHARE = 0.9


def read_words(paths: list[Path], skip_every: int = 0) -> list[tuple[str, str, str]]:
    """(form, UPOS, FEATS) of every word; `skip_every`=5 leaves out sentences 0, 5, 10, …"""
    words, sentence = [], 0
    for path in paths:
        for line in path.open(encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if not line.strip():
                sentence += 1
            elif len(cols) == 10 and cols[0].isdigit() and not (skip_every and sentence % skip_every == 0):
                words.append((normalize_token(cols[1]), cols[3], cols[5]))
    return words


def count_features(words: list[tuple[str, str, str]]) -> tuple[Counter, Counter]:
    """((UPOS, Feature=Value) counts, UPOS counts)."""
    features: Counter[tuple[str, str]] = Counter()
    upos: Counter[str] = Counter()
    for _, tag, feats in words:
        upos[tag] += 1
        features.update((tag, f) for f in feats.split("|") if f != "_")
    return features, upos


def foreign(perdt: tuple[Counter, Counter], others: tuple[Counter, Counter]) -> list[tuple[str, str, int]]:
    (perdt_features, perdt_upos), (other_features, _) = perdt, others
    return sorted((upos, feature, n) for (upos, feature), n in other_features.items()
                  if n >= MIN_OTHER and not perdt_features[upos, feature] and perdt_upos[upos] >= MIN_PERDT_UPOS)


def dominant_tags(words: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """(form, dominant UPOS, every UPOS PerDT gives it) for forms PerDT tags consistently."""
    tags: defaultdict[str, Counter] = defaultdict(Counter)
    for form, tag, _ in words:
        tags[form][tag] += 1
    rows = []
    for form, seen in tags.items():
        (tag, n), total = seen.most_common(1)[0], sum(seen.values())
        if total >= MIN_FORM and n >= TAG_SHARE * total:
            rows.append((form, tag, ",".join(sorted(seen))))
    return sorted(rows)


def _write(path: Path, header: str, rows: list[tuple]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"# {header}\n" + "".join("\t".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
    tmp.replace(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--features-out", type=Path, default=FOREIGN_FEATURES)
    parser.add_argument("--tags-out", type=Path, default=PERDT_TAGS)
    parser.add_argument("--holdout", action="store_true", help="leave out PerDT dev's every 5th sentence")
    args = parser.parse_args(argv)
    ud = args.data / "ud"
    perdt = read_words([ud / "perdt/fa_perdt-ud-dev.conllu"], skip_every=5 if args.holdout else 0)
    others = read_words(sorted((ud / "seraji").glob("*.conllu")) + sorted((ud / "iperudt").glob("*.conllu")))
    features = foreign(count_features(perdt), count_features(others))
    _write(args.features_out, "UPOS, feature, uses in Seraji + iPerUDT (none in PerDT dev)", features)
    tags = dominant_tags(perdt)
    _write(args.tags_out, "form, PerDT's UPOS for it, every UPOS PerDT dev gives it", tags)
    print(f"{len(features)} features PerDT does not mark -> {args.features_out}; "
          f"{len(tags)} forms PerDT tags consistently -> {args.tags_out}")


if __name__ == "__main__":
    main()
