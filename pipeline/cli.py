"""`persian-extract`: run the pipeline, evaluate tables or models, train models, render reports.

Exit codes: 0 success, 1 some documents failed (tables still written), 2 usage error.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from pipeline.training.recipes import RECIPES

# `train` steps that prepare data rather than run a Stanza recipe (see cmd_train)
DATA_STEPS = ("data", "vectors", "zwnj", "spaced_words", "perdt_conventions", "names", "propn", "silver",
              "silver_parsed", "retag", "charlm_data", "lemma_verbs")


class Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 on usage errors; keep that, with our prefix
        self.print_usage(sys.stderr)
        self.exit(2, f"persian-extract: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="persian-extract", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    run = sub.add_parser("run", help="process documents into tables")
    run.add_argument("paths", nargs="+", type=Path, help=".txt / .jsonl / .csv files or folders")
    run.add_argument("--out", type=Path, default=Path("outputs"))
    run.add_argument("--decimal-order", choices=["standard", "reversed"], default=None,
                     help="how «۸/۱» reads (default: the corpus.json setting, else standard)")
    run.add_argument("--workers", type=int, default=1)
    run.add_argument("--force", action="store_true", help="reprocess unchanged documents too")
    run.add_argument("--format", dest="fmt", choices=["csv", "parquet"], default="csv")
    run.add_argument("--engine", choices=["local", "dask"], default="local")
    run.add_argument("--scheduler", default=None, help="Dask scheduler address (with --engine dask)")
    run.add_argument("--models", default=None,
                     help="models folder: ours (default) or a stanza_resources dir with official models")
    run.add_argument("--raw-cells", action="store_true",
                     help="do not neutralise cells that spreadsheets would run as formulas")
    run.add_argument("--no-export", action="store_true", help="skip CoNLL-U / IOB / DocBin export")
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    ev = sub.add_parser("evaluate", help="score predicted tables against gold tables")
    ev.add_argument("--gold", type=Path, required=True)
    ev.add_argument("--pred", type=Path, required=True)
    ev.add_argument("--docs", default=None,
                    help="comma-separated doc ids and split names of <gold>/../splits.json (e.g. test,test2)")
    ev.add_argument("--json", action="store_true")

    em = sub.add_parser("evaluate-models", help="score the models on held-out UD and NER test sets")
    em.add_argument("--data", type=Path, default=Path("../shared/data"))
    em.add_argument("--models", default=None)
    em.add_argument("--json", action="store_true")
    em.add_argument("--limit", type=int, default=0, help="only the first N sentences (quick check)")
    em.add_argument("--ud-gold", type=Path, default=None,
                    help="score UD on this CoNLL-U file instead of PerDT test (e.g. work/data/ud/fa.dev.conllu)")

    tr = sub.add_parser("train", help="rebuild a model from ../shared/data (see models/README.md)")
    tr.add_argument("processor", help=" | ".join([*DATA_STEPS, *RECIPES, "install"]))
    tr.add_argument("--data", type=Path, default=Path("../shared/data"))
    tr.add_argument("--work", type=Path, default=Path("work"))
    tr.epilog = "Arguments after `--` go to Stanza's trainer unchanged."

    rp = sub.add_parser("report", help="render an HTML report of predicted tables")
    rp.add_argument("--pred", type=Path, required=True)
    rp.add_argument("--docs", type=Path, default=None)
    rp.add_argument("--out", type=Path, default=Path("report.html"))
    return parser


def cmd_run(args) -> int:
    from pipeline.ingest import UsageError
    from pipeline.nlp import ModelsNotFound
    from pipeline.runner import RunConfig, run

    if args.workers < 1:
        print("persian-extract: error: --workers must be at least 1", file=sys.stderr)
        return 2
    config = RunConfig(args.paths, args.out, args.decimal_order, args.workers, args.force, args.fmt,
                       args.engine, args.scheduler, args.models, args.raw_cells,
                       not args.no_export, not args.quiet)
    try:
        summary = run(config)
    except (UsageError, ModelsNotFound) as exc:
        print(f"persian-extract: error: {exc}", file=sys.stderr)
        return 2
    print(f"{summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped"
          + (f", {summary.reused} reused from an interrupted run" if summary.reused else "")
          + f" in {summary.seconds:.1f}s -> {args.out}")
    for doc_id, error in summary.failures:
        print(f"  failed {doc_id}: {error}", file=sys.stderr)
    return 1 if summary.failed else 0


def _doc_filter(spec: str | None, gold: Path) -> list[str] | None:
    """The documents `--docs` names: comma-separated doc ids and split names of splits.json."""
    if not spec:
        return None
    splits = gold.parent / "splits.json"
    named = json.loads(splits.read_text(encoding="utf-8")) if splits.exists() else {}
    docs = []
    for part in (p.strip() for p in spec.split(",")):
        docs.extend(named.get(part, [part] if part else []))
    return list(dict.fromkeys(docs))


def cmd_evaluate(args) -> int:
    from pipeline.evaluate import GoldFormatError, evaluate, format_report

    for path in (args.gold, args.pred):
        if not path.is_dir():
            print(f"persian-extract: error: {path}: not a folder", file=sys.stderr)
            return 2
    try:
        result = evaluate(args.gold, args.pred, _doc_filter(args.docs, args.gold))
    except GoldFormatError as exc:
        print(f"persian-extract: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_report(result))
    return 0


def cmd_evaluate_models(args) -> int:
    from pipeline.model_eval import evaluate_models, format_scores

    scores = evaluate_models(args.data, args.models, args.limit, args.ud_gold)
    print(json.dumps(scores, ensure_ascii=False, indent=1) if args.json else format_scores(scores))
    return 0


def cmd_train(args) -> int:
    from pipeline.training import (charlm_data, install, names, ner_data, perdt_conventions, propn, retag, silver,
                                   spaced_words, train, treebanks, vectors, verb_lemmas, zwnj_lexicon)

    work, data = args.work, args.data
    extra = args.extra
    steps = {
        "data": lambda: (treebanks.main(["--data", str(data), "--out", str(work / "data/ud")]),
                         ner_data.main(["--data", str(data), "--out", str(work / "data/ner")])),
        "vectors": lambda: vectors.main(["--raw", str(data / "raw"), "--conllu",
                                         str(work / "data/ud/fa.train.conllu"),
                                         "--out", str(work / "models/pretrain.pt"), *extra]),
        "zwnj": lambda: zwnj_lexicon.main(["--data", str(data)]),
        "spaced_words": lambda: spaced_words.main(["--data", str(data)]),
        "perdt_conventions": lambda: perdt_conventions.main(["--data", str(data)]),
        "names": lambda: names.main(["--data", str(data)]),
        "propn": lambda: propn.main(["--ud", str(work / "data/ud"), *extra]),
        "silver": lambda: silver.main(["--raw", str(data / "raw/perdt_train_sentences.txt"),
                                       "--out", str(work / "data/ud/fa.silver.conllu"), *extra]),
        "silver_parsed": lambda: silver.main(["--raw", str(data / "raw/perdt_train_sentences.txt"), "--parse",
                                              "--treebank", str(work / "data/ud/fa.train.conllu"),
                                              "--out", str(work / "data/ud/fa.silver_parsed.conllu"), *extra]),
        "retag": lambda: retag.main([*extra, str(work / "data/ud/fa.train.conllu"), str(work / "data/ud/fa.dev.conllu")]),
        "charlm_data": lambda: charlm_data.main(["--raw", str(data / "raw"), "--out", str(work / "data/charlm")]),
        "lemma_verbs": lambda: verb_lemmas.main(["--model", str(work / "models/lemma.pt"), *extra]),
        "install": lambda: install.main(["--trained", str(work / "models"), *extra]),
    }
    if args.processor in steps:
        steps[args.processor]()
        return 0
    if args.processor not in train.RECIPES:
        print(f"persian-extract: error: unknown processor {args.processor!r}", file=sys.stderr)
        return 2
    return train.train(args.processor, work / "data", work / "models", extra)


def cmd_report(args) -> int:
    from pipeline.report import write_report

    if not args.pred.is_dir():
        print(f"persian-extract: error: {args.pred}: not a folder", file=sys.stderr)
        return 2
    print(write_report(args.pred, args.out, args.docs))
    return 0


COMMANDS = {"run": cmd_run, "evaluate": cmd_evaluate, "evaluate-models": cmd_evaluate_models,
            "train": cmd_train, "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:  # what follows goes to Stanza's trainer unchanged
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    args = build_parser().parse_args(argv)
    args.extra = extra
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
