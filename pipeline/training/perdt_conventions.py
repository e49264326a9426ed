"""Build the three PerDT convention lists the pipeline applies to the tagger's output.

- `pipeline/data/foreign_features.tsv`: morphological features the other treebanks mark and
  PerDT never does. Seraji and iPerUDT mark «Degree=Pos» on every adjective, «NumType=Card» on
  numbers, «PronType=Prs» on «من/تو», and the tagger, trained on all three, adds them to
  PerDT-style output. A (UPOS, Feature=Value) pair is listed when the other treebanks use it at
  least MIN_OTHER times and PerDT dev, with at least MIN_PERDT_UPOS words of that UPOS, never.
- `pipeline/data/perdt_tags.tsv`: words PerDT tags one way («حالا», «وقتی», «یکی»: NOUN) where
  the other treebanks disagree (ADV, SCONJ, NUM). A form seen at least MIN_FORM times in PerDT
  dev with one UPOS in at least TAG_SHARE of them is listed with every UPOS PerDT gives it; the
  pipeline retags the form when the tagger chose a UPOS PerDT never gives it.
- `pipeline/data/default_features.tsv`: features PerDT gives almost every word of a UPOS (a
  feature category on at least DEFAULT_COVERAGE of them, one value in at least DEFAULT_SHARE:
  «Voice=Act» on verbs, «Number=Sing» on nouns); the pipeline adds that value when the tagger
  left the category out.

PerDT test is never read. `--holdout` leaves out every 5th PerDT dev sentence (the UD models'
dev split) to measure the effect on it; it overwrites the shipped lists, which a run without it
rebuilds.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.datafiles import DATA
from pipeline.nlp import DEFAULT_FEATURES, FOREIGN_FEATURES, PERDT_TAGS
from pipeline.tables import atomic_write
from pipeline.training.treebanks import PERDT_DEV, UD_TRAIN, _tagged_words, harmonise_sentence, read_conllu, upos_by_form

MIN_OTHER = 10
MIN_PERDT_UPOS = 50
MIN_FORM = 3
TAG_SHARE = 0.9
DEFAULT_COVERAGE = 0.95
DEFAULT_SHARE = 0.8


def count_features(sentences: list[list[str]]) -> tuple[Counter, Counter]:
    """((UPOS, Feature=Value) counts, UPOS counts) over CoNLL-U sentences."""
    features: Counter[tuple[str, str]] = Counter()
    upos: Counter[str] = Counter()
    for cols in _tagged_words(sentences):
        upos[cols[3]] += 1
        features.update((cols[3], f) for f in cols[5].split("|") if f != "_")
    return features, upos


def foreign(perdt: tuple[Counter, Counter], others: tuple[Counter, Counter]) -> list[tuple[str, str, int]]:
    (perdt_features, perdt_upos), (other_features, _) = perdt, others
    return sorted((upos, feature, n) for (upos, feature), n in other_features.items()
                  if n >= MIN_OTHER and not perdt_features[upos, feature] and perdt_upos[upos] >= MIN_PERDT_UPOS)


def default_features(perdt: tuple[Counter, Counter]) -> list[tuple[str, str, str, str]]:
    """(UPOS, Feature=Value, coverage, share) for the categories PerDT marks on almost every word
    of a UPOS with one usual value."""
    features, upos_counts = perdt
    by_category: dict[tuple[str, str], Counter] = {}
    for (upos, feature), n in features.items():
        category, value = feature.split("=", 1)
        by_category.setdefault((upos, category), Counter())[value] += n
    rows = []
    for (upos, category), values in sorted(by_category.items()):
        (value, n), total = values.most_common(1)[0], sum(values.values())
        if upos_counts[upos] >= MIN_PERDT_UPOS and total >= DEFAULT_COVERAGE * upos_counts[upos] \
                and n >= DEFAULT_SHARE * total:
            rows.append((upos, f"{category}={value}", f"{total / upos_counts[upos]:.3f}", f"{n / total:.3f}"))
    return rows


def dominant_tags(tags_by_form: dict[str, Counter]) -> list[tuple[str, str, str]]:
    """(form, dominant UPOS, every UPOS PerDT gives it) for forms PerDT tags consistently."""
    rows = []
    for form, seen in tags_by_form.items():
        (tag, n), total = seen.most_common(1)[0], sum(seen.values())
        if total >= MIN_FORM and n >= TAG_SHARE * total:
            rows.append((form, tag, ",".join(sorted(seen))))
    return sorted(rows)


def _write(path: Path, header: str, rows: list[tuple]) -> None:
    text = f"# {header}\n" + "".join("\t".join(map(str, row)) + "\n" for row in rows)
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--holdout", action="store_true", help="leave out PerDT dev's every 5th sentence")
    args = parser.parse_args(argv)
    # forms normalised as the pipeline spells them at run time
    perdt = [harmonise_sentence(s) for i, s in enumerate(read_conllu(args.data / PERDT_DEV))
             if not (args.holdout and i % 5 == 0)]
    others = [harmonise_sentence(s) for rel in UD_TRAIN for s in read_conllu(args.data / rel)]
    perdt_counts = count_features(perdt)
    features = foreign(perdt_counts, count_features(others))
    _write(DATA / FOREIGN_FEATURES, "UPOS, feature, uses in Seraji + iPerUDT (none in PerDT dev)", features)
    tags = dominant_tags(upos_by_form(perdt))
    _write(DATA / PERDT_TAGS, "form, PerDT's UPOS for it, every UPOS PerDT dev gives it", tags)
    defaults = default_features(perdt_counts)
    _write(DATA / DEFAULT_FEATURES, "UPOS, feature PerDT dev gives when the category is left out, "
           "share of the UPOS with the category, share of the category with the value", defaults)
    print(f"{len(features)} features PerDT does not mark -> {FOREIGN_FEATURES}; "
          f"{len(tags)} forms PerDT tags consistently -> {PERDT_TAGS}; "
          f"{len(defaults)} default features -> {DEFAULT_FEATURES}")


if __name__ == "__main__":
    main()
