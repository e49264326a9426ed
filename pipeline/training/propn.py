"""Names as PerDT tags them: NOUN -> PROPN inside named entities of the non-PerDT tagger data.

PerDT tags the words of a name PROPN («شورای امنیت», «مؤسسه …»); Seraji has no PROPN at all
and iPerUDT few, so trained on them the tagger calls names NOUN: PROPN -> NOUN was the largest
error class on PerDT dev (97 of 354 errors). On PerDT's own sentences, 80 % of the words inside
the entities our NER finds are PROPN (NOUN 12 %, ADJ 6 %). This step runs the NER over the other
treebanks' sentences (and the Seraji UD 1.x UPOS file) and makes every NOUN inside an entity a
PROPN; PerDT's sentences are left as annotated. Run after `train data`, with NER models
installed (`models/` by default): `persian-extract train propn`, then `train pos_names`.
Measured: PerDT dev UPOS 92.7 -> 93.3 (gold tokens), but PerDT test from raw text UPOS only
+0.06 and UFeats -2.0 (the UPOS-only file dilutes the features): not shipped (models/README.md).
"""
from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from pipeline.training.treebanks import SOURCE_COMMENT, read_conllu, write_conllu

KEEP_SOURCE = "perdt"
FILES = (("fa.train.conllu", "fa.train_propn.conllu"), ("fa.pos_extra.conllu", "fa.pos_extra_propn.conllu"))

Tagger = Callable[[list[list[str]]], list[list[str]]]  # word lists -> one BIO tag per word


def source_of(sentence: list[str]) -> str:
    return next((line[len(SOURCE_COMMENT):].strip() for line in sentence if line.startswith(SOURCE_COMMENT)), "")


def mark_names(sentences: list[list[str]], tag: Tagger) -> tuple[list[list[str]], int]:
    """The sentences with NOUN -> PROPN inside entities (not in PerDT's), and how many changed."""
    todo = [n for n, s in enumerate(sentences) if source_of(s) != KEEP_SOURCE]
    words = [[line.split("\t")[1] for line in sentences[n] if line.split("\t")[0].isdigit()] for n in todo]
    out, changed = list(sentences), 0
    for n, tags in zip(todo, tag(words) if words else []):
        tags, rows = iter(tags), []
        for line in sentences[n]:
            cols = line.split("\t")
            if cols[0].isdigit():
                if next(tags) != "O" and cols[3] == "NOUN":
                    cols[3], changed = "PROPN", changed + 1
            rows.append("\t".join(cols))
        out[n] = rows
    return out, changed


def stanza_tagger(models: Path) -> Tagger:
    import stanza

    nlp = stanza.Pipeline("fa", dir=str(models), download_method=None, processors="tokenize,ner",
                          tokenize_pretokenized=True, logging_level="WARN")

    def tag(words: list[list[str]]) -> list[list[str]]:
        return [[t.ner for t in s.tokens] for s in nlp(words).sentences]
    return tag


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, default=Path("work/data/ud"))
    parser.add_argument("--models", type=Path, default=Path("models"), help="stanza_resources-style folder with NER")
    args = parser.parse_args(argv)
    tag = stanza_tagger(args.models)
    for source, target in FILES:
        sentences, changed = mark_names(read_conllu(args.ud / source), tag)
        write_conllu([[line for line in s if not line.startswith("# sent_id")] for s in sentences], args.ud / target)
        print(f"{target}: {changed} NOUN -> PROPN")


if __name__ == "__main__":
    main()
