"""Install trained models into a `stanza_resources`-style folder (`models/` by default).

Layout: `resources.json` + `fa/<processor>/<package>.pt`, exactly as `stanza.download` lays out
official models, so the pipeline loads ours and official ones the same way.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import torch

# (processor, trained file, package name, needs the word vectors, the pipeline's default)
MODEL_FILES = [
    ("tokenize", "tokenize.pt", "ours", False, True),
    ("mwt", "mwt.pt", "ours", False, True),
    ("pos", "pos.pt", "ours", True, True),
    ("lemma", "lemma.pt", "ours", False, True),
    ("depparse", "depparse.pt", "ours", True, True),
    ("ner", "ner_arman.pt", "arman", True, True),
    ("ner", "ner_peyma.pt", "peyma", True, False),  # DAT/TIM/MON/PCT come from rules in the pipeline
    ("pretrain", "pretrain.pt", "ours", False, False),
]


def save_half(source: Path, dest: Path) -> None:
    """Store the weights as float16 (half the size); Stanza's load_state_dict copies them back
    into its float32 parameters, so inference runs in float32 as before."""
    checkpoint = torch.load(source, map_location="cpu", weights_only=False)
    weights = checkpoint.get("model")
    if isinstance(weights, dict):
        checkpoint["model"] = {k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v
                               for k, v in weights.items()}
    for key in ("optimizer", "scheduler"):  # training state is not needed to predict
        checkpoint.pop(key, None)
    torch.save(checkpoint, dest)


def install(trained: Path, target: Path) -> dict:
    lang: dict = {"lang_name": "Persian", "default_processors": {}}
    for processor, filename, package, needs_vectors, default in MODEL_FILES:
        source = trained / filename
        if not source.exists():
            continue
        dest = target / "fa" / processor / f"{package}.pt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if processor == "pretrain":
            shutil.copyfile(source, dest)  # the vectors are used as stored: keep float32
        else:
            save_half(source, dest)
        entry = {"dependencies": [{"model": "pretrain", "package": "ours"}]} if needs_vectors else {}
        lang.setdefault(processor, {})[package] = entry
        if default:
            lang["default_processors"][processor] = package
    lang["packages"] = {"default": dict(lang["default_processors"])}
    resources = {"fa": lang}
    (target / "resources.json").write_text(json.dumps(resources, indent=2) + "\n", encoding="utf-8")
    return resources


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trained", type=Path, default=Path("work/models"))
    parser.add_argument("--target", type=Path, default=Path("models"))
    args = parser.parse_args(argv)
    print(json.dumps(install(args.trained, args.target)["fa"]["default_processors"]))


if __name__ == "__main__":
    main()
