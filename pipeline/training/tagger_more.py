"""Stanza's tagger trainer with `--continue_from MODEL`: more steps from a saved tagger.

Stanza's parser has `--continue_from`; its tagger does not. Training the tagger in stages lets
each run fit a session on 2 cores. The saved model (weights and vocabulary) becomes the
starting point; the optimizer starts afresh, as the parser's `--continue_from` does.
"""
from __future__ import annotations

import sys

from stanza.models import tagger


def main(argv: list[str]) -> None:
    start_model, rest = None, []
    args = iter(argv)
    for arg in args:
        if arg == "--continue_from":  # given twice (recipe, then user), the last one wins
            start_model = next(args, None)
        else:
            rest.append(arg)
    if start_model is None:
        raise SystemExit("tagger_more: --continue_from MODEL is required")
    stanza_trainer = tagger.Trainer

    def from_saved_model(*args, **kwargs):
        # The trainer is built once at the start (model_file unset) and again only when
        # --second_optim_reload asks for the best model so far (model_file set): keep that one.
        kwargs.setdefault("model_file", start_model)
        return stanza_trainer(*args, **kwargs)

    tagger.Trainer = from_saved_model
    tagger.main(rest)


if __name__ == "__main__":
    main(sys.argv[1:])
