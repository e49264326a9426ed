"""Install trained models into a `stanza_resources`-style folder (`models/` by default).

Layout: `resources.json` + `fa/<processor>/<package>.pt`, exactly as `stanza.download` lays out
official models, so the pipeline loads ours and official ones the same way.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

# processor -> (trained file, package name, needs the word vectors)
MODEL_FILES = {
    "tokenize": ("tokenize.pt", "ours", False),
    "mwt": ("mwt.pt", "ours", False),
    "pos": ("pos.pt", "ours", True),
    "lemma": ("lemma.pt", "ours", False),
    "depparse": ("depparse.pt", "ours", True),
    "ner": ("ner_arman.pt", "arman", True),
    "pretrain": ("pretrain.pt", "ours", False),
}


def install(trained: Path, target: Path) -> dict:
    lang: dict = {"lang_name": "Persian", "default_processors": {}}
    for processor, (filename, package, needs_vectors) in MODEL_FILES.items():
        source = trained / filename
        if not source.exists():
            continue
        dest = target / "fa" / processor / f"{package}.pt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.resolve() != dest.resolve():
            shutil.copyfile(source, dest)
        entry = {"dependencies": [{"model": "pretrain", "package": "ours"}]} if needs_vectors else {}
        lang.setdefault(processor, {})[package] = entry
        if processor != "pretrain":
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
