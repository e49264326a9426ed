"""Throughput: end to end and per stage, 1 vs 2 workers, against Stanza's default architecture.

Prints words/s, documents/s and peak RSS for:
- per stage on one process (normalise, each Stanza processor, extraction, writing tables),
  for the shipped models and for the baseline (Stanza's default Persian architecture with
  character LMs; build it with benchmarks/baseline_models.py);
- end to end (`persian-extract run`) with 1 and 2 worker processes.

Usage: python benchmarks/throughput.py [--docs 500] [--baseline-docs 60] [--raw ../shared/data/raw]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd
import stanza

from pipeline.extract import extract_document
from pipeline.nlp import PROCESSORS, _convert, load_pipeline, segments
from pipeline.normalize import normalize
from pipeline.tables import frame, write_table
from pipeline.training.rawtext import news_documents

ROOT = Path(__file__).resolve().parents[1]


def stage_profile(texts: list[str], models: Path, extract: bool = True) -> dict:
    """Seconds per stage for one process working through the texts in batches of 16."""
    seconds: dict[str, float] = defaultdict(float)
    nlp = load_pipeline(str(models), PROCESSORS)
    words = 0
    for i in range(0, len(texts), 16):
        batch = texts[i:i + 16]
        started = time.perf_counter()
        norms = [normalize(t) for t in batch]
        seconds["normalise"] += time.perf_counter() - started
        jobs = [(d, s, e) for d, n in enumerate(norms) for s, e in segments(n.text)]
        docs = [stanza.Document([], text=norms[d].text[s:e]) for d, s, e in jobs]
        for name, processor in nlp.processors.items():
            started = time.perf_counter()
            docs = processor.bulk_process(docs)
            seconds[f"stanza {name}"] += time.perf_counter() - started
        per_doc = defaultdict(list)
        for (d, s, _), doc in zip(jobs, docs):
            per_doc[d].extend(_convert(doc, s, len(per_doc[d])))
        for d, sentences in per_doc.items():
            for sent in sentences:
                sent.text = norms[d].text[sent.start:sent.end]
            words += sum(len(s.words) for s in sentences)
            if extract:
                started = time.perf_counter()
                rows = extract_document(f"d{i + d}", norms[d], sentences, "reversed")
                seconds["extract"] += time.perf_counter() - started
                started = time.perf_counter()
                with tempfile.TemporaryDirectory() as tmp:
                    write_table(frame("entities", rows[0]), Path(tmp) / "entities")
                seconds["write"] += time.perf_counter() - started
    return {"words": words, "docs": len(texts), "seconds": dict(seconds)}


def end_to_end(jsonl: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(jsonl), "--out", out,
                               "--workers", str(workers), "--quiet", "--no-export",
                               "--decimal-order", "reversed"], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        words = int(pd.read_csv(Path(out) / "documents.csv")["n_tokens"].fillna(0).sum())
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"workers": workers, "seconds": elapsed, "words": words, "words_per_s": words / elapsed,
            "exit": proc.returncode, "peak_rss_mb_any_process": rss_mb}


def print_profile(name: str, profile: dict) -> None:
    total = sum(profile["seconds"].values())
    print(f"\n{name}: {profile['docs']} docs, {profile['words']} words, {total:.1f} s "
          f"-> {profile['words'] / total:.0f} words/s, {profile['docs'] / total:.2f} docs/s")
    for stage, secs in profile["seconds"].items():
        print(f"  {stage:18s} {secs:8.1f} s  {100 * secs / total:5.1f} %  {profile['words'] / secs:10.0f} words/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=ROOT.parent / "shared/data/raw")
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--baseline-docs", type=int, default=60)
    parser.add_argument("--baseline-models", type=Path, default=ROOT / "work/baseline_models")
    parser.add_argument("--models", type=Path, default=ROOT / "models")
    args = parser.parse_args()

    docs = [text for _, text in news_documents(args.raw)][: args.docs]
    results: dict = {}
    ours = stage_profile(docs[: args.baseline_docs], args.models)
    print_profile("shipped models, per stage (1 process)", ours)
    results["ours_stages"] = ours
    if (args.baseline_models / "resources.json").exists():
        base = stage_profile(docs[: args.baseline_docs], args.baseline_models)
        print_profile("Stanza default architecture (baseline), per stage (1 process)", base)
        results["baseline_stages"] = base
        ours_rate = ours["words"] / sum(ours["seconds"].values())
        base_rate = base["words"] / sum(base["seconds"].values())
        print(f"\nspeed-up over the baseline, same documents: {ours_rate / base_rate:.2f}x")
        results["speedup_vs_baseline"] = ours_rate / base_rate

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "news.jsonl"
        jsonl.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n"
                                 for i, t in enumerate(docs)), encoding="utf-8")
        print(f"\nend to end, {len(docs)} documents:")
        for workers in (1, 2):
            r = end_to_end(jsonl, workers)
            results[f"end_to_end_{workers}"] = r
            print(f"  {workers} worker(s): {r['seconds']:.1f} s, {r['words_per_s']:.0f} words/s, "
                  f"{len(docs) / r['seconds']:.2f} docs/s, peak RSS of a process {r['peak_rss_mb_any_process']:.0f} MB"
                  f" (exit {r['exit']})")
        one, two = results["end_to_end_1"], results["end_to_end_2"]
        print(f"  scaling 1 -> 2 workers: {two['words_per_s'] / one['words_per_s']:.2f}x")
    print("\n" + json.dumps(results, default=str))


if __name__ == "__main__":
    main()
