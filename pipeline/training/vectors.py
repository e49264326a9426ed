"""Word vectors: word2vec (gensim) on normalised raw news + training text -> Stanza pretrain file.

The vocabulary is trimmed to the most frequent words to keep `models/` small.
"""
from __future__ import annotations

import argparse
import logging
import re
from pathlib import Path

from pipeline.normalize import normalize_text
from pipeline.training.rawtext import raw_texts

WORD = re.compile(r"[\w\u200c]+|[^\w\s]")


def corpus_sentences(raw_dir: Path, extra_conllu: list[Path]) -> list[list[str]]:
    sentences = []
    for text in raw_texts(raw_dir):
        for line in normalize_text(text).split("\n"):
            tokens = WORD.findall(line)
            if tokens:
                sentences.append(tokens)
    for path in extra_conllu:  # already normalised training treebanks
        words = []
        for line in path.open(encoding="utf-8"):
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                words.append(cols[1])
            elif not line.strip() and words:
                sentences.append(words)
                words = []
    return sentences


def train_vectors(raw_dir: Path, extra_conllu: list[Path], out: Path, dim: int, vocab: int,
                  epochs: int, workers: int) -> None:
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    sentences = corpus_sentences(raw_dir, extra_conllu)
    logging.info("training word2vec on %d sentences", len(sentences))
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=3, workers=workers,
                     epochs=epochs, sg=1, max_final_vocab=vocab)
    out.parent.mkdir(parents=True, exist_ok=True)
    txt = out.with_suffix(".vec.txt")
    model.wv.save_word2vec_format(str(txt), write_header=True)
    pretrain = Pretrain(str(out), str(txt), max_vocab=vocab)
    pretrain.load()  # builds and saves the .pt file
    txt.unlink()
    logging.info("wrote %s (%d words x %d)", out, len(pretrain.vocab), dim)


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=Path("../shared/data/raw"))
    parser.add_argument("--conllu", type=Path, nargs="*", default=[Path("work/data/ud/fa.train.conllu")])
    parser.add_argument("--out", type=Path, default=Path("work/models/pretrain.pt"))
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--vocab", type=int, default=50000)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    train_vectors(args.raw, args.conllu, args.out, args.dim, args.vocab, args.epochs, args.workers)


if __name__ == "__main__":
    main()
