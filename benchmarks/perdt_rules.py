"""How often the pipeline's PerDT-convention rules apply on PerDT dev's gold annotation, and how
often they agree with it (the counts the model card quotes).

- lemmas (`pipeline.nlp.perdt_lemmas` run on the gold words with their lemmas blanked): the «خود»
  of «خود ش» tokens and verbs with a preverb; how many it sets, how many equal PerDT's lemma;
- default features (`pipeline/data/default_features.tsv`): for each listed UPOS and category,
  how many PerDT dev words have the category and how many the listed value.
Usage: python benchmarks/perdt_rules.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from stanza.utils.conll import CoNLL

from pipeline.nlp import default_features, perdt_lemmas
from pipeline.training.treebanks import PERDT_DEV

UNSET = "\0"


def lemma_rules(doc) -> Counter:
    """(rule, 'set'|'agree') counts of perdt_lemmas against the gold lemmas."""
    counts: Counter[tuple[str, str]] = Counter()
    for sent in doc.sentences:
        gold = [w.lemma for w in sent.words]
        for w in sent.words:
            w.lemma = UNSET
        perdt_lemmas(sent)
        for w, lemma in zip(sent.words, gold):
            if w.lemma != UNSET:
                rule = "own clitic («خود ش»)" if w.upos != "VERB" else "preverb verb"
                counts[rule, "set"] += 1
                counts[rule, "agree"] += w.lemma == lemma
    return counts


def feature_coverage(doc) -> list[str]:
    lines = []
    words = [w for s in doc.sentences for w in s.words]
    for upos, defaults in default_features().items():
        of_upos = [dict(f.split("=", 1) for f in (w.feats or "").split("|") if f) for w in words if w.upos == upos]
        for category, feature in defaults:
            value = feature.split("=", 1)[1]
            marked = sum(category in feats for feats in of_upos)
            usual = sum(feats.get(category) == value for feats in of_upos)
            lines.append(f"{upos}: {len(of_upos)} words, {category} on {marked} "
                         f"({100 * marked / len(of_upos):.1f} %), {feature} on {usual} "
                         f"({100 * usual / max(marked, 1):.1f} % of those)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    doc = CoNLL.conll2doc(str(args.data / PERDT_DEV))
    counts = lemma_rules(doc)
    for rule in sorted({rule for rule, _ in counts}):
        print(f"{rule}: lemma set on {counts[rule, 'set']} words, PerDT's on {counts[rule, 'agree']}")
    print("\n".join(feature_coverage(doc)))  # perdt_lemmas leaves the features alone


if __name__ == "__main__":
    main()
