"""Build the throughput baseline: Stanza's DEFAULT architecture for Persian (default dimensions,
forward/backward character LMs feeding the tagger, lemmatizer, parser and NER), each trained
for a couple of steps. The weights are nearly random, which costs the same time as trained ones:
this is a speed baseline, not an accuracy one. The tokenizer, MWT expander and word vectors
are the shipped ones (their architecture is Stanza's default).

Usage: python benchmarks/baseline_models.py [--work work] [--out work/baseline_models]
(needs `persian-extract train data` to have prepared work/data first).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path


def stanza(module: str, *args: str) -> None:
    cmd = [sys.executable, "-m", f"stanza.models.{module}", *args, "--cpu"]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def build(work: Path, shipped: Path, out: Path) -> None:
    ud, ner, tmp = work / "data/ud", work / "data/ner", work / "baseline_tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    pretrain = shipped / "fa/pretrain/ours.pt"
    for direction in ("forward", "backward"):
        stanza("charlm", "--train_file", str(ud / "fa.dev.txt"), "--eval_file", str(ud / "fa.dev.txt"),
               "--direction", direction, "--shorthand", "fa_base", "--epochs", "1",
               "--save_dir", str(tmp), "--save_name", f"{direction}_charlm.pt")
    charlm = ["--charlm", "--charlm_shorthand", "fa_base",
              "--charlm_forward_file", str(tmp / "forward_charlm.pt"),
              "--charlm_backward_file", str(tmp / "backward_charlm.pt")]
    ud_args = ["--train_file", str(ud / "fa.dev.conllu"), "--eval_file", str(ud / "fa.dev.conllu"),
               "--wordvec_pretrain_file", str(pretrain), "--shorthand", "fa_base", "--lang", "fa",
               "--max_steps", "2", "--eval_interval", "2", "--save_dir", str(tmp)]
    stanza("tagger", *ud_args, *charlm, "--save_name", "pos.pt",
           "--output_file", str(tmp / "pos.pred.conllu"))
    stanza("parser", *ud_args, *charlm, "--save_name", "depparse.pt",
           "--output_file", str(tmp / "depparse.pred.conllu"))
    stanza("lemmatizer", "--train_file", str(ud / "fa.dev.conllu"), "--eval_file", str(ud / "fa.dev.conllu"),
           "--output_file", str(tmp / "lemma.pred.conllu"), "--shorthand", "fa_base", "--num_epoch", "1",
           "--save_dir", str(tmp), "--save_name", "lemma.pt", *charlm)
    stanza("ner_tagger", "--train_file", str(ner / "arman.dev.json"), "--eval_file", str(ner / "arman.dev.json"),
           "--wordvec_pretrain_file", str(pretrain), "--shorthand", "fa_base", "--max_steps", "2",
           "--eval_interval", "2", "--save_dir", str(tmp), "--save_name", "ner.pt", *charlm)

    files = {"tokenize": shipped / "fa/tokenize/ours.pt", "mwt": shipped / "fa/mwt/ours.pt",
             "pretrain": pretrain, "forward_charlm": tmp / "forward_charlm.pt",
             "backward_charlm": tmp / "backward_charlm.pt", "pos": tmp / "pos.pt",
             "lemma": tmp / "lemma.pt", "depparse": tmp / "depparse.pt", "ner": tmp / "ner.pt"}
    deps = [{"model": "pretrain", "package": "base"}, {"model": "forward_charlm", "package": "base"},
            {"model": "backward_charlm", "package": "base"}]
    lang: dict = {"lang_name": "Persian", "default_processors": {}}
    for processor, source in files.items():
        dest = out / "fa" / processor / "base.pt"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        needs = {"pos": deps, "depparse": deps, "ner": deps, "lemma": deps[1:]}.get(processor)
        lang[processor] = {"base": {"dependencies": needs} if needs else {}}
        if processor not in ("pretrain", "forward_charlm", "backward_charlm"):
            lang["default_processors"][processor] = "base"
    lang["packages"] = {"default": dict(lang["default_processors"])}
    (out / "resources.json").write_text(json.dumps({"fa": lang}, indent=2), encoding="utf-8")
    print(f"baseline models -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("work"))
    parser.add_argument("--shipped", type=Path, default=Path("models"))
    parser.add_argument("--out", type=Path, default=Path("work/baseline_models"))
    args = parser.parse_args()
    build(args.work, args.shipped, args.out)


if __name__ == "__main__":
    main()
