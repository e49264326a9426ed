"""Self-training data: raw PerDT training sentences tagged by the shipped models (silver).

Only ~1,160 annotated PerDT sentences may be trained on, but the raw text of PerDT's 26k training
sentences is in `../shared/data/raw/perdt_train_sentences.txt` (not the test set). Tagged by our
own tokenizer, MWT expander and tagger, they give the next tagger PerDT's vocabulary and
sentences in PerDT's conventions as our models learned them. Text is normalised as at run time.
Run after `train data`: `persian-extract train silver`, then `train pos_silver`. With `--parse`
(`persian-extract train silver_parsed`) the sentences also get the installed lemmatizer's lemmas
and parser's trees, for the parser's self-training (`train depparse_silver`).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from pipeline.normalize import normalize


def read_sentences(path: Path, limit: int, seed: int = 13) -> list[str]:
    """`limit` distinct non-empty lines, sampled reproducibly, each normalised as at run time."""
    lines = list(dict.fromkeys(line.strip() for line in path.read_text(encoding="utf-8").splitlines()))
    lines = [line for line in lines if line]
    random.Random(seed).shuffle(lines)
    return [normalize(line).text for line in lines[:limit]]


def to_conllu(doc) -> str:
    """CoNLL-U with UPOS and features only (the lemma column repeats the form, head/deprel are
    empty): the silver data trains the tagger, which reads neither."""
    blocks = []
    for sent in doc.sentences:
        rows = []
        for token in sent.tokens:
            if len(token.words) > 1:
                rows.append(f"{token.id[0]}-{token.id[-1]}\t{token.text}\t_\t_\t_\t_\t_\t_\t_\t_")
            for w in token.words:
                rows.append(f"{w.id}\t{w.text}\t{w.text}\t{w.upos}\t_\t{w.feats or '_'}\t_\t_\t_\t_")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n\n"


def to_parsed_conllu(doc) -> str:
    """Full CoNLL-U (lemmas, heads, relations) for the parser's self-training; MISC keeps only
    SpaceAfter=No, as in the harmonised treebanks."""
    from stanza.utils.conll import CoNLL

    def row(cells: list[str]) -> str:
        cells[9] = "SpaceAfter=No" if "SpaceAfter=No" in cells[9].split("|") else "_"
        return "\t".join(cells)

    return "".join("\n".join(map(row, sent)) + "\n\n" for sent in CoNLL.convert_dict(doc.to_dict()))


def main(argv: list[str] | None = None) -> None:
    import stanza
    from tqdm import tqdm

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("../shared/data/raw/perdt_train_sentences.txt"))
    parser.add_argument("--models", type=Path, default=Path("models"), help="stanza_resources-style folder")
    parser.add_argument("--out", type=Path, default=Path("work/data/ud/fa.silver.conllu"))
    parser.add_argument("--limit", type=int, default=8000)
    parser.add_argument("--parse", action="store_true", help="also lemmatise and parse (parser self-training)")
    parser.add_argument("--treebank", type=Path, help="with --parse: also write OUT's name + '.mixed', this "
                        "treebank followed by the silver trees (Stanza's parser reads one training file)")
    args = parser.parse_args(argv)
    processors = "tokenize,mwt,pos,lemma,depparse" if args.parse else "tokenize,mwt,pos"
    nlp = stanza.Pipeline("fa", dir=str(args.models), download_method=None, processors=processors,
                          tokenize_no_ssplit=True, logging_level="WARN")
    write = to_parsed_conllu if args.parse else to_conllu
    sentences = read_sentences(args.raw, args.limit)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for start in tqdm(range(0, len(sentences), 200), desc="silver", unit="x200 sentences"):
            out.write(write(nlp("\n\n".join(sentences[start:start + 200]))))
    tmp.replace(args.out)
    print(f"{len(sentences)} sentences -> {args.out}")
    if args.parse and args.treebank:
        mixed = args.out.with_name(args.out.stem + ".mixed.conllu")
        tmp.write_text(args.treebank.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
                       + args.out.read_text(encoding="utf-8"), encoding="utf-8")
        tmp.replace(mixed)
        print(f"{args.treebank} + {args.out} -> {mixed}")


if __name__ == "__main__":
    main()
