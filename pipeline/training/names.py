"""Gazetteers of names learnt from the NER training sets (`pipeline/data/names.tsv`,
`pipeline/data/given_names.tsv`).

The NER model misses names its ~20k training sentences rarely show («دونالد ترامپ», «رامسفلد»,
«آسوشیتدپرس»). The training sets themselves name many of them: a name tagged PER/ORG/LOC in
(almost) every place its words occur there is kept with that label, and `pipeline.entities`
adds its untagged occurrences. Ambiguous strings drop out by construction: «روحانی» (also
"cleric") or «ملت» ("nation", Bank Mellat) occur untagged too often. Given names are the words
that open persons' names there and are mostly part of one («نادر», not «جان» "soul").

Read: Arman `train_fold1`, PEYMA `train` + `dev`, ParsTwiNER `train` + `dev` (never Arman
`test_fold1` or PEYMA `test`, the held-out NER test sets).
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pipeline.syntax import key
from pipeline.training.ner_data import read_iob

SOURCES = (("ner/arman/train_fold1.txt", " "), ("ner/peyma/train.txt", "|"), ("ner/peyma/dev.txt", "|"),
           ("ner/parstwiner/train.txt", "\t"), ("ner/parstwiner/dev.txt", "\t"))
LABELS = frozenset({"PER", "ORG", "LOC"})
MAX_TOKENS = 6
MIN_SHARE = 0.8  # of the name's occurrences inside an entity, and of its whole-entity tags agreeing
MIN_COUNT = {1: 4, 2: 2}  # occurrences needed: single words must be seen more often
MIN_CHARS = 3
MIN_GIVEN_COUNT = 3  # names a given name must open
MIN_GIVEN_SHARE = 0.6  # of its occurrences inside a person's name


def entity_spans(sentence: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(first, last + 1, label) of each IOB2 entity."""
    spans, start, label = [], None, ""
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def learn_names(sentences: list[list[tuple[str, str]]]) -> list[tuple[str, str, int]]:
    """(name, label, times tagged alone) for names whose words are inside an entity (the whole
    entity or a longer one: «ترامپ» in «دونالد ترامپ») wherever they occur, and that are
    tagged with one label when they are a whole entity (not «مونیخ»: LOC, and ORG in «بایرن مونیخ»)."""
    alone: dict[tuple[str, ...], Counter] = {}
    for sent in sentences:
        for first, end, label in entity_spans(sent):
            if end - first <= MAX_TOKENS:
                alone.setdefault(tuple(key(t) for t, _ in sent[first:end]), Counter())[label] += 1
    inside, total = Counter(), Counter()
    for sent in sentences:
        words = [key(t) for t, _ in sent]
        for i in range(len(words)):
            for n in range(1, min(MAX_TOKENS, len(words) - i) + 1):
                seq = tuple(words[i:i + n])
                if seq in alone:
                    total[seq] += 1
                    inside[seq] += all(tag != "O" for _, tag in sent[i:i + n])
    names = []
    for words, labels in alone.items():
        label, n = labels.most_common(1)[0]
        if label in LABELS and n >= MIN_SHARE * sum(labels.values()) and inside[words] >= MIN_SHARE * total[words] \
                and n >= MIN_COUNT.get(len(words), 2) and len("".join(words)) >= MIN_CHARS:
            names.append((" ".join(words), label, n))
    return sorted(names)


def learn_given_names(sentences: list[list[tuple[str, str]]]) -> list[tuple[str, int]]:
    """(word, times it opens a name) for words that open person names of two words or more at
    least MIN_GIVEN_COUNT times and are inside a person's name in at least MIN_GIVEN_SHARE of their
    occurrences: «نادر» (also "rare"), not «جان» ("soul") or «هنری» ("artistic")."""
    opens, seen, in_person = Counter(), Counter(), Counter()
    for sent in sentences:
        spans = entity_spans(sent)
        opens.update(key(sent[first][0]) for first, end, label in spans if label == "PER" and end - first > 1)
        person = {i for first, end, label in spans if label == "PER" for i in range(first, end)}
        for i, (token, _) in enumerate(sent):
            seen[key(token)] += 1
            in_person[key(token)] += i in person
    return sorted((word, n) for word, n in opens.items()
                  if n >= MIN_GIVEN_COUNT and in_person[word] >= MIN_GIVEN_SHARE * seen[word] and len(word) > 1)


def _write(path: Path, header: list[str], rows: list[tuple]) -> None:
    lines = header + ["\t".join(map(str, row)) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(data_dir: Path, out: Path, given_out: Path) -> tuple[int, int]:
    sentences = [s for rel, sep in SOURCES if (data_dir / rel).exists() for s in read_iob(data_dir / rel, sep)]
    names, given = learn_names(sentences), learn_given_names(sentences)
    built_by = "# (built by `persian-extract train names`; see pipeline/training/names.py)."
    _write(out, ["# Names tagged PER/ORG/LOC wherever they occur in the NER training sets", built_by,
                 "# name<TAB>label<TAB>tagged occurrences"], names)
    _write(given_out, ["# Given names: words that open person names in the NER training sets and are mostly part of one",
                       built_by, "# word<TAB>names it opens"], given)
    return len(names), len(given)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("pipeline/data/names.tsv"))
    parser.add_argument("--given-out", type=Path, default=Path("pipeline/data/given_names.tsv"))
    args = parser.parse_args(argv)
    names, given = build(args.data, args.out, args.given_out)
    print(f"{names} names -> {args.out}; {given} given names -> {args.given_out}")


if __name__ == "__main__":
    main()
