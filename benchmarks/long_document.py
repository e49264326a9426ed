"""A single-line document of several MB through `persian-extract run`: time and peak memory.

Builds one line from the sample corpus's sentences (newlines removed) repeated to --mb
megabytes of UTF-8, runs the whole pipeline on it in a child process, and prints the
document's words, seconds, words/s and the child's peak RSS; --mb 0.5 and --mb 2 show how
memory grows with the document's size.

Usage: python benchmarks/long_document.py [--mb 2] [--mb 0.5 ...]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def one_line_document(megabytes: float) -> str:
    sample = (ROOT / "corpus/sample/norway_foreign_policy.txt").read_text(encoding="utf-8")
    line = " ".join(sample.split())
    target = int(megabytes * 2**20)
    repeats = target // len(line.encode("utf-8")) + 1
    return (" ".join([line] * repeats)).encode("utf-8")[:target].decode("utf-8", "ignore")


def measure(megabytes: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(one_line_document(megabytes), encoding="utf-8")
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(path), "--out", f"{tmp}/out",
                        "--quiet", "--no-export"], check=True)
        seconds = time.perf_counter() - started
        peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        docs = pd.read_csv(f"{tmp}/out/documents.csv")
        return {"MB": megabytes, "status": docs["status"][0], "words": int(docs["n_tokens"][0]),
                "sentences": int(docs["n_sentences"][0]), "seconds": round(seconds, 1),
                "words/s": round(docs["n_tokens"][0] / seconds), "peak RSS MB": round(peak_mb)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, action="append")
    args = parser.parse_args()
    for megabytes in sorted(args.mb or [2.0]):  # ascending: ru_maxrss keeps the largest child
        print(measure(megabytes), flush=True)


if __name__ == "__main__":
    main()
