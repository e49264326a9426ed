"""Parser data with predicted tags: the treebanks' words, tagged and lemmatised by the installed models.

At run time the parser reads the tagger's UPOS/features and the lemmatizer's lemmas, not gold ones;
trained on gold tags it never learns to work around their errors (Stanza's own recipes retag the
parser's data for the same reason). Words, heads and relations stay gold; only the UPOS, FEATS and
LEMMA columns are replaced. Run after `train data`: `persian-extract train retag`, then
`train depparse_retagged`.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.training.treebanks import read_conllu

BATCH = 500  # sentences per call to Stanza


def word_rows(block: list[str]) -> list[int]:
    """Indices of the block's word lines (not comments, multi-word token ranges or empty nodes)."""
    return [i for i, line in enumerate(block)
            if not line.startswith("#") and line.split("\t")[0].isdigit()]


def retag_blocks(blocks: list[list[str]], nlp) -> list[list[str]]:
    """`blocks` with UPOS, FEATS and LEMMA of every word predicted by `nlp` (a pretokenized
    tokenize+pos+lemma pipeline); XPOS is left empty as in the harmonised treebanks."""
    rows = [word_rows(block) for block in blocks]
    doc = nlp([[block[i].split("\t")[1] for i in idx] for block, idx in zip(blocks, rows)])
    out = []
    for block, idx, sent in zip(blocks, rows, doc.sentences):
        if len(sent.words) != len(idx):
            raise ValueError(f"retag: {len(sent.words)} words predicted for {len(idx)} in {block[:2]}")
        block = list(block)
        for i, word in zip(idx, sent.words):
            cols = block[i].split("\t")
            cols[2], cols[3], cols[4], cols[5] = word.lemma or cols[1], word.upos, "_", word.feats or "_"
            block[i] = "\t".join(cols)
        out.append(block)
    return out


def main(argv: list[str] | None = None) -> None:
    import stanza
    from tqdm import tqdm

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, default=Path("models"), help="stanza_resources-style folder")
    parser.add_argument("files", type=Path, nargs="+", help="CoNLL-U files; each writes FILE.retagged.conllu")
    args = parser.parse_args(argv)
    nlp = stanza.Pipeline("fa", dir=str(args.models), download_method=None, processors="tokenize,pos,lemma",
                          tokenize_pretokenized=True, logging_level="WARN")
    for path in args.files:
        blocks = read_conllu(path)
        retagged = []
        for start in tqdm(range(0, len(blocks), BATCH), desc=path.name, unit=f"x{BATCH} sentences"):
            retagged += retag_blocks(blocks[start:start + BATCH], nlp)
        out = path.with_suffix(".retagged.conllu")
        tmp = out.with_suffix(".tmp")
        tmp.write_text("\n\n".join("\n".join(b) for b in retagged) + "\n\n", encoding="utf-8")
        tmp.replace(out)
        print(f"{len(retagged)} sentences -> {out}")


if __name__ == "__main__":
    main()
