"""Stanza's parser trainer, continued from a saved parser on new training data.

Stanza's `--continue_from` loads the saved weights but rebuilds the vocabularies (words, lemmas,
tags, features) from the training file, ordered by frequency: on any other file the ids no
longer match the saved embeddings, and new feature values index past them. This wrapper makes
the training data use the saved model's vocabularies (unseen values become unknown), so a parser
trained on gold tags can go on training on predicted ones (`train depparse_retagged`).
"""
from __future__ import annotations

import sys

import torch
from stanza.models import parser
from stanza.models.pos.vocab import MultiVocab


def saved_vocab(model_file: str) -> MultiVocab:
    checkpoint = torch.load(model_file, map_location="cpu", weights_only=True)
    return MultiVocab.load_state_dict(checkpoint["vocab"])


def main(argv: list[str]) -> None:
    model_file = next((argv[i + 1] for i in range(len(argv) - 1, -1, -1)
                       if argv[i] == "--continue_from" and i + 1 < len(argv)), None)
    if model_file is None:
        raise SystemExit("parser_more: --continue_from MODEL is required")
    vocab = saved_vocab(model_file)
    stanza_loader = parser.DataLoader

    def with_saved_vocab(*args, **kwargs):
        if kwargs.get("vocab") is None:
            kwargs["vocab"] = vocab
        return stanza_loader(*args, **kwargs)

    parser.DataLoader = with_saved_vocab
    parser.main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
